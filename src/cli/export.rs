//! `schemat export FILE --png OUT [--dpi N] [--scale F] [--page a3-landscape] --svg OUT --pdf OUT --ron OUT`:
//! the chart annex as PNG, SVG and/or PDF, and the canonical RON of the
//! document. The arguments become a [`crate::export`] request, the same one
//! the editor's Eksport menu makes; all files are written or none.

use std::path::PathBuf;

use super::Outcome;
use crate::export::{self, ExportOptions, Targets};
use crate::i18n::{self, Lang};
use crate::render::RenderError;
use crate::render::page::Page;

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
    /// Write the chart as a vector PDF (one page per sheet, the font embedded).
    #[arg(long, value_name = "OUT")]
    pub pdf: Option<PathBuf>,
    /// Write the document in canonical RON (as `fmt` would) to a new path.
    #[arg(long, value_name = "OUT")]
    pub ron: Option<PathBuf>,
    /// Resolution of the PNG in dots per inch (written into the file).
    #[arg(long, default_value_t = export::DEFAULT_DPI, value_parser = parse_dpi)]
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

/// Runs the export through the core's one export path; every output is
/// complete on disk or none is written.
pub fn run(args: &ExportArgs, lang: Lang) -> anyhow::Result<Outcome> {
    let t = i18n::chart::text(lang);
    let targets =
        Targets { png: args.png.clone(), svg: args.svg.clone(), pdf: args.pdf.clone(), ron: args.ron.clone() };
    if targets.is_empty() {
        anyhow::bail!("{}", t.no_output);
    }
    let doc = crate::io::load(&args.file)?;
    let options = ExportOptions { page: args.page, dpi: args.dpi, scale: args.scale, lang };
    let outputs = export::render(&doc, &targets, &options).map_err(|e| match e {
        export::ExportError::Render(RenderError::DoesNotFit { page, min_pt }) => {
            anyhow::anyhow!("{}", i18n::cli::does_not_fit(lang, &args.file, &page, min_pt))
        }
        other => anyhow::Error::new(other).context(args.file.display().to_string()),
    })?;
    crate::io::write_all_atomic(&outputs)?;
    // A split chart's sheet files are named for the user.
    let single = [&targets.png, &targets.svg, &targets.pdf, &targets.ron];
    for (path, _) in &outputs {
        if !single.iter().any(|t| t.as_deref() == Some(path.as_path())) {
            println!("{}", path.display());
        }
    }
    Ok(Outcome::Ok)
}
