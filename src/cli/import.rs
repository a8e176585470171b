//! `schemat import FILE.docx|FILE.txt|FILE.md [-o OUT.ron]`: an office's
//! Regulamin brought in from its Word or text form by
//! [`crate::import::import_file`] (the function the editor's Plik →
//! Importuj… calls too), with the import report.
//!
//! With `-o` the document is written there (atomically) and the report goes
//! to stdout; without it the document's RON goes to stdout and the report to
//! stderr. Exit codes: 0 imported, 1 imported with ambiguities (a unit name
//! given twice, a task paragraph with no unit), 2 the file cannot be read or
//! holds no § (one line on stderr; nothing written).

use std::io::Write;
use std::path::PathBuf;

use super::Outcome;
use crate::i18n::{self, Lang};

/// The arguments of `schemat import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The Regulamin as a Word document (.docx), text (.txt) or Markdown (.md).
    pub file: PathBuf,
    /// Write the document to this file (.ron) instead of stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

pub fn run(args: &ImportArgs, lang: Lang, out: &mut impl Write) -> anyhow::Result<Outcome> {
    let file = i18n::io::path_text(&args.file);
    let imported =
        crate::import::import_file(&args.file).map_err(|e| anyhow::anyhow!(i18n::import::error(lang, &e)))?;
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
