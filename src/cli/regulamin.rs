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
    /// Write to this file (required for docx).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// How the text is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text: each § heading alone on its line, points indented.
    Text,
    /// Markdown: § as headings.
    Markdown,
    /// Word (.docx): Times New Roman 12 pt, centred § headings, hanging indents; needs `-o`.
    Docx,
}

pub fn run(args: &RegulaminArgs, lang: Lang, out: &mut impl Write) -> anyhow::Result<Outcome> {
    let doc = crate::io::load(&args.file)?;
    let regulamin = legal::derive(&doc);
    if regulamin.paragraphs.is_empty() {
        eprintln!("{}: {}", args.file.display(), i18n::cli::text(lang).regulamin_empty);
    }
    write(&regulamin, args.format, args.output.as_deref(), out, false)?;
    Ok(Outcome::Ok)
}

/// Writes a text in `format` to `output` or `out`; `consolidated` prints it
/// under the "(tekst ujednolicony)" label.
pub fn write(
    text: &legal::Regulamin,
    format: Format,
    output: Option<&std::path::Path>,
    out: &mut impl Write,
    consolidated: bool,
) -> anyhow::Result<()> {
    let bytes = match format {
        Format::Docx => legal::docx::regulamin(text)?,
        Format::Text | Format::Markdown => {
            let f = if format == Format::Text { legal::Format::Text } else { legal::Format::Markdown };
            let printed = if consolidated { legal::consolidated::print(text, f) } else { legal::render(text, f) };
            printed.into_bytes()
        }
    };
    match output {
        Some(path) => std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))?,
        None if format == Format::Docx => anyhow::bail!("--format docx needs -o FILE"),
        None => out.write_all(&bytes).context("cannot write the text")?,
    }
    Ok(())
}
