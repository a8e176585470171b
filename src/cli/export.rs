//! `schemat export FILE --png OUT [--dpi N] [--scale F] [--page a3-landscape] --svg OUT --ron OUT`:
//! the chart annex as PNG and/or SVG, and the canonical RON of the document.
//!
//! Without `--page` the chart is drawn at its natural size (1 chart unit =
//! 1 pt) times `--scale`, with the title block and the legend. With a page,
//! every sheet has the page's size; a chart that does not fit one sheet with
//! text of at least 7 pt is split into numbered files (`OUT-1.png`,
//! `OUT-2.png`, …). Every file is written atomically.

use std::path::{Path, PathBuf};

use anyhow::Context;

use super::Outcome;
use crate::i18n::{self, Lang};
use crate::layout::{self, LayoutOptions};
use crate::render::RenderError;
use crate::render::page::{self, Furniture, Page};
use crate::render::png::{self, PngOptions};
use crate::render::scene::{self, SceneOptions};
use crate::render::svg;

/// Arguments of `schemat export`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    /// The .ron document to export.
    pub file: PathBuf,
    /// Write the chart as a PNG image.
    #[arg(long, value_name = "OUT")]
    pub png: Option<PathBuf>,
    /// Write the chart as an SVG drawing.
    #[arg(long, value_name = "OUT")]
    pub svg: Option<PathBuf>,
    /// Write the document in canonical RON (as `fmt` would) to a new path.
    #[arg(long, value_name = "OUT")]
    pub ron: Option<PathBuf>,
    /// Resolution of the PNG in dots per inch (written into the file).
    #[arg(long, default_value_t = 150.0, value_parser = parse_dpi)]
    pub dpi: f32,
    /// Size relative to the chart's natural size, when no page is given.
    #[arg(long, default_value_t = 1.0, value_parser = parse_scale)]
    pub scale: f32,
    /// Fit onto pages: a4, a3, a4-landscape, a3-landscape, a4-portrait, a3-portrait.
    #[arg(long, value_parser = |s: &str| s.parse::<Page>())]
    pub page: Option<Page>,
}

fn parse_dpi(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(v) if (10.0..=1200.0).contains(&v) => Ok(v),
        _ => Err("expected a number from 10 to 1200".into()),
    }
}

fn parse_scale(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(v) if (0.05..=20.0).contains(&v) => Ok(v),
        _ => Err("expected a number from 0.05 to 20".into()),
    }
}

/// Runs the export; every output is complete on disk or not written at all.
pub fn run(args: &ExportArgs, lang: Lang) -> anyhow::Result<Outcome> {
    let t = i18n::chart::text(lang);
    if args.png.is_none() && args.svg.is_none() && args.ron.is_none() {
        anyhow::bail!("{}", t.no_output);
    }
    let doc = crate::io::load(&args.file)?;
    if let Some(out) = &args.ron {
        crate::io::write_atomic(out, crate::io::to_ron_string(&doc).as_bytes())?;
    }
    if args.png.is_none() && args.svg.is_none() {
        return Ok(Outcome::Ok);
    }
    let layout_options = LayoutOptions::for_document(&doc);
    match &args.page {
        None => {
            let chart = layout::layout(&doc, &layout_options);
            let scene = scene::build(&doc, &chart, &SceneOptions::annex(&doc, lang));
            if let Some(out) = &args.svg {
                crate::io::write_atomic(out, svg::to_svg(&scene).as_bytes())?;
            }
            if let Some(out) = &args.png {
                let bytes = png::to_png(&scene, &PngOptions { dpi: args.dpi, scale: args.scale })
                    .with_context(|| out.display().to_string())?;
                crate::io::write_atomic(out, &bytes)?;
            }
        }
        Some(page) => {
            let options = SceneOptions { lang, ..SceneOptions::default() };
            let furniture = Furniture { title: SceneOptions::annex(&doc, lang).title, legend: true, lang };
            let (_, sheets) =
                page::fit_document(&doc, &layout_options, &options, &furniture, page).map_err(|e| match e {
                    RenderError::DoesNotFit { page, min_pt } => {
                        anyhow::anyhow!("{}", i18n::cli::does_not_fit(lang, &args.file, &page, min_pt))
                    }
                    other => anyhow::Error::new(other).context(args.file.display().to_string()),
                })?;
            let count = sheets.len();
            if let Some(out) = &args.svg {
                for (i, sheet) in sheets.iter().enumerate() {
                    write_sheet(&numbered(out, i, count), sheet.svg.as_bytes(), count)?;
                }
            }
            if let Some(out) = &args.png {
                let pngs = page::sheets_to_png(&sheets, args.dpi).with_context(|| out.display().to_string())?;
                for (i, bytes) in pngs.iter().enumerate() {
                    write_sheet(&numbered(out, i, count), bytes, count)?;
                }
            }
        }
    }
    Ok(Outcome::Ok)
}

fn write_sheet(path: &Path, bytes: &[u8], count: usize) -> anyhow::Result<()> {
    crate::io::write_atomic(path, bytes)?;
    if count > 1 {
        println!("{}", path.display());
    }
    Ok(())
}

/// `OUT` for a single sheet; `OUT-1.ext`, `OUT-2.ext`, … for several.
pub fn numbered(path: &Path, index: usize, count: usize) -> PathBuf {
    if count <= 1 {
        return path.to_owned();
    }
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{}.{}", index + 1, ext.to_string_lossy()),
        None => format!("{stem}-{}", index + 1),
    };
    path.with_file_name(name)
}
