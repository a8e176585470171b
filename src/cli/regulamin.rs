//! `schemat regulamin FILE [--format text|markdown]`: the Regulamin as legal
//! text, derived from the file by [`crate::legal`] (centred "§ 14" headings,
//! "1." ust., "1)" pkt, "a)" lit., the punctuation of the amendment spec,
//! "(uchylony)" placeholders, "[…]" for wording the file does not know).
//!
//! Exit codes as the other commands: 0 printed, 2 the file cannot be read
//! (with its line and column).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use super::Outcome;
use crate::i18n::{self, Lang};
use crate::legal;

/// The arguments of `schemat regulamin`.
#[derive(Debug, clap::Args)]
pub struct RegulaminArgs {
    /// The document (.ron).
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// How the text is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text: each § heading alone on its line, points indented.
    Text,
    /// Markdown: § as headings.
    Markdown,
}

pub fn run(args: &RegulaminArgs, lang: Lang, out: &mut impl Write) -> anyhow::Result<Outcome> {
    let doc = crate::io::load(&args.file)?;
    let regulamin = legal::derive(&doc);
    if regulamin.paragraphs.is_empty() {
        eprintln!("{}: {}", args.file.display(), i18n::cli::text(lang).regulamin_empty);
    }
    let format = match args.format {
        Format::Text => legal::Format::Text,
        Format::Markdown => legal::Format::Markdown,
    };
    out.write_all(legal::render(&regulamin, format).as_bytes()).context("cannot write the text")?;
    Ok(Outcome::Ok)
}
