//! `schemat validate FILE...`: print every finding as
//! `FILE: severity code unit-symbol: message`.
//!
//! Exit 0 when no file has findings of severity error or warning (findings of
//! severity info are printed but do not fail), 1 when some file has, 2 when a
//! file cannot be loaded (the other files are still checked).

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::PathBuf;

use super::{Outcome, report_error};
use crate::i18n::Lang;
use crate::model::{Document, UnitId};
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
        let names = UnitNames::of(&doc);
        for finding in &findings {
            // A symbol or a name may hold control characters: they are shown escaped, not obeyed.
            let text = format!("{}: {}", file.display(), line(&names, finding, lang));
            writeln!(out, "{}", crate::i18n::io::shown_lines(&text.replace('\n', "\\n")))?;
        }
        if validate::has_problems(&findings) && outcome == Outcome::Ok {
            outcome = Outcome::Findings;
        }
    }
    Ok(outcome)
}

/// How findings name units: by symbol, by `SYMBOL/id` when others share the
/// symbol (a kierownik carries the referat's), by id when there is no symbol.
pub struct UnitNames<'a> {
    symbols: HashMap<&'a UnitId, &'a str>,
    shared: HashSet<&'a str>,
}

impl<'a> UnitNames<'a> {
    pub fn of(doc: &'a Document) -> Self {
        let mut symbols = HashMap::with_capacity(doc.units.len());
        let mut seen = HashSet::new();
        let mut shared = HashSet::new();
        for unit in doc.units.iter().filter(|u| !u.symbol.is_empty()) {
            symbols.entry(&unit.id).or_insert(unit.symbol.as_str());
            if !seen.insert(unit.symbol.as_str()) {
                shared.insert(unit.symbol.as_str());
            }
        }
        Self { symbols, shared }
    }

    /// The unit's name in a finding line; `-` for the whole document.
    pub fn name(&self, id: Option<&UnitId>) -> String {
        match id.map(|id| (id, self.symbols.get(id))) {
            None => "-".to_owned(),
            Some((id, None)) => id.to_string(),
            Some((id, Some(symbol))) if self.shared.contains(symbol) => format!("{symbol}/{id}"),
            Some((_, Some(symbol))) => (*symbol).to_owned(),
        }
    }
}

/// `severity code unit-symbol: message`.
pub fn line(names: &UnitNames, finding: &Finding, lang: Lang) -> String {
    let unit = names.name(finding.unit.as_ref());
    format!("{} {} {}: {}", finding.severity.label(lang), finding.code, unit, finding.message(lang))
}
