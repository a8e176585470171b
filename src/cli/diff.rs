//! `schemat diff OLD NEW`: the change report between two versions.
//!
//! Also a git external diff driver: git runs the configured command with
//! seven arguments (`path old-file old-hex old-mode new-file new-hex
//! new-mode`, `/dev/null` for a side that does not exist). In that form (or
//! with `--git-external`) differences exit with 0, because git stops at the
//! first external diff that exits with another code.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;

use super::Outcome;
use crate::diff::{self, report};
use crate::i18n::Lang;
use crate::i18n::diff as t;
use crate::io;
use crate::model::Document;
use crate::render::png::{self, PngOptions};
use crate::render::svg;

/// The arguments of `schemat diff`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// OLD NEW (the version in force and the proposal), or the seven arguments
    /// git passes to an external diff driver.
    #[arg(required = true, num_args = 2..=7, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Run as git's external diff driver (also implied by seven arguments).
    #[arg(long)]
    pub git_external: bool,
    /// Also write the highlighted chart (the proposal with the changes marked) as PNG.
    #[arg(long, value_name = "OUT")]
    pub png: Option<PathBuf>,
    /// Also write the highlighted chart as SVG.
    #[arg(long, value_name = "OUT")]
    pub svg: Option<PathBuf>,
}

/// How the report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per change, for people.
    Text,
    /// For tools.
    Json,
    /// The change report to keep or send.
    Markdown,
}

/// What the command compares, with the names to show for both sides.
struct Inputs {
    old: PathBuf,
    new: PathBuf,
    old_name: String,
    new_name: String,
    git: bool,
}

fn inputs(args: &DiffArgs, lang: Lang) -> anyhow::Result<Inputs> {
    match args.files.as_slice() {
        [old, new] => Ok(Inputs {
            old: old.clone(),
            new: new.clone(),
            old_name: old.display().to_string(),
            new_name: new.display().to_string(),
            git: args.git_external,
        }),
        [path, old, _, _, new, _, _] => Ok(Inputs {
            old: old.clone(),
            new: new.clone(),
            old_name: format!("a/{}", path.display()),
            new_name: format!("b/{}", path.display()),
            git: true,
        }),
        other => anyhow::bail!(t::wrong_file_count(lang, other.len())),
    }
}

/// Writes the highlighted chart where `--png` / `--svg` ask for it (atomically).
fn write_chart(args: &DiffArgs, d: &diff::Diff, old: &Document, new: &Document, lang: Lang) -> anyhow::Result<()> {
    if args.png.is_none() && args.svg.is_none() {
        return Ok(());
    }
    let scene = diff::chart::review_scene(d, old, new, lang);
    if let Some(out) = &args.svg {
        io::write_atomic(out, svg::to_svg(&scene).as_bytes())?;
    }
    if let Some(out) = &args.png {
        let bytes = png::to_png(&scene, &PngOptions::default()).with_context(|| out.display().to_string())?;
        io::write_atomic(out, &bytes)?;
    }
    Ok(())
}

/// A side that git marks as absent is `/dev/null`.
fn load(path: &Path) -> anyhow::Result<Option<Document>> {
    if path == Path::new("/dev/null") {
        return Ok(None);
    }
    Ok(Some(io::load(path)?))
}

pub fn run(args: &DiffArgs, lang: Lang, out_stream: &mut impl Write) -> anyhow::Result<Outcome> {
    let inputs = inputs(args, lang)?;
    let old = load(&inputs.old)?;
    let new = load(&inputs.new)?;
    let mut out = String::new();
    if inputs.git {
        out.push_str(&format!("schemat diff {} {}\n", inputs.old_name, inputs.new_name));
    }
    let outcome = match (&old, &new) {
        (Some(old), Some(new)) => {
            let d = diff::diff(old, new);
            write_chart(args, &d, old, new, lang)?;
            out.push_str(&match args.format {
                Format::Text => report::text(&d, lang),
                Format::Json => report::json(&d),
                Format::Markdown => report::markdown(&d, lang, &inputs.old_name, &inputs.new_name),
            });
            if d.is_empty() { Outcome::Ok } else { Outcome::Findings }
        }
        _ => {
            let missing = if old.is_none() { &inputs.old_name } else { &inputs.new_name };
            out.push_str(&format!("{missing}: {}\n", t::text(lang).file_missing));
            Outcome::Findings
        }
    };
    // The wordings are the user's text: their control characters are shown escaped (JSON escapes its own).
    out_stream.write_all(crate::i18n::io::shown_lines(&out).as_bytes()).context("cannot write the report")?;
    Ok(if inputs.git { Outcome::Ok } else { outcome })
}
