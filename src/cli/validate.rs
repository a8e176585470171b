//! `schemat validate FILE...`: print every finding as
//! `FILE: severity code unit-symbol: message`.
//!
//! Exit 0 when no file has findings of severity error or warning (findings of
//! severity info are printed but do not fail), 1 when some file has, 2 when a
//! file cannot be loaded (the other files are still checked).

use std::io::Write;
use std::path::PathBuf;

use super::{Outcome, report_error};
use crate::i18n::Lang;
use crate::model::Document;
use crate::validate::{self, Finding};

pub fn run(files: &[PathBuf], lang: Lang, out: &mut impl Write) -> anyhow::Result<Outcome> {
    let mut outcome = Outcome::Ok;
    for file in files {
        let doc = match crate::io::load(file) {
            Ok(doc) => doc,
            Err(err) => {
                report_error(lang, &err.into());
                outcome = Outcome::Failed;
                continue;
            }
        };
        let findings = validate::validate(&doc);
        for finding in &findings {
            writeln!(out, "{}: {}", file.display(), line(&doc, finding, lang))?;
        }
        if validate::has_problems(&findings) && outcome == Outcome::Ok {
            outcome = Outcome::Findings;
        }
    }
    Ok(outcome)
}

/// `severity code unit-symbol: message`; the unit is named by its symbol, by
/// `SYMBOL/id` when others share the symbol (a kierownik carries the referat's),
/// by its id when it has no symbol, and a finding about the whole document by `-`.
pub fn line(doc: &Document, finding: &Finding, lang: Lang) -> String {
    let unit = match &finding.unit {
        Some(id) => match doc.unit(id) {
            Some(u) if u.symbol.is_empty() => id.to_string(),
            Some(u) if doc.units.iter().filter(|other| other.symbol == u.symbol).count() > 1 => {
                format!("{}/{id}", u.symbol)
            }
            Some(u) => u.symbol.clone(),
            None => id.to_string(),
        },
        None => "-".to_owned(),
    };
    format!("{} {} {}: {}", finding.severity.label(lang), finding.code, unit, finding.message(lang))
}
