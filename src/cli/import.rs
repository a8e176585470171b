//! `schemat import FILE.txt|FILE.md [-o OUT.ron]`: an office's Regulamin
//! brought in from its text form by [`crate::import::import`] (the function
//! the editor's Plik → Importuj… calls too), with the import report.
//!
//! With `-o` the document is written there (atomically) and the report goes
//! to stdout; without it the document's RON goes to stdout and the report to
//! stderr. Exit codes: 0 imported, 1 imported with ambiguities (a unit name
//! given twice, a task paragraph with no unit), 2 the file cannot be read or
//! holds no § (one line on stderr; nothing written).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::Outcome;
use crate::i18n::{self, Lang};
use crate::import::source::{self, Paragraph, SourceKind};

/// The largest source read (a Regulamin of a thousand § is well under 1 MB).
const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;

/// The arguments of `schemat import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The Regulamin as text (.txt) or Markdown (.md).
    pub file: PathBuf,
    /// Write the document to this file (.ron) instead of stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

pub fn run(args: &ImportArgs, lang: Lang, out: &mut impl Write) -> anyhow::Result<Outcome> {
    let file = i18n::io::path_text(&args.file);
    let (kind, paragraphs) = read(&args.file, lang).map_err(|why| anyhow::anyhow!("{file}: {why}"))?;
    let imported = crate::import::import(&paragraphs, kind)
        .map_err(|_| anyhow::anyhow!("{file}: {}", i18n::import::no_paragraphs(lang)))?;
    let mut report = String::new();
    for row in &imported.report.rows {
        report.push_str(&i18n::import::row(lang, &file, row));
        report.push('\n');
    }
    report.push_str(&format!("{file}: {}\n", i18n::import::summary(lang, &imported.report)));
    let report = i18n::io::shown_lines(&report);
    match &args.output {
        Some(path) => {
            crate::io::save(&imported.doc, path)?;
            out.write_all(report.as_bytes())?;
        }
        None => {
            out.write_all(crate::io::to_ron_string(&imported.doc).as_bytes())?;
            eprint!("{report}");
        }
    }
    Ok(if imported.report.is_ambiguous() { Outcome::Findings } else { Outcome::Ok })
}

/// The paragraphs of the source and its kind, by the file's extension.
/// (Until the DOCX reader is in the build, .docx is refused with a clear message.)
fn read(path: &Path, lang: Lang) -> Result<(SourceKind, Vec<Paragraph>), String> {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_lowercase();
    let kind = match extension.as_str() {
        "docx" => return Err(i18n::import::docx_unsupported(lang).to_owned()),
        "md" | "markdown" => SourceKind::Markdown,
        _ => SourceKind::Text,
    };
    let bytes = crate::files::read_bounded(path, MAX_SOURCE_BYTES).map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|_| i18n::import::not_utf8(lang).to_owned())?;
    Ok((kind, source::read_text(&text, kind)))
}
