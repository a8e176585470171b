//! The change report: a [`Diff`] as readable text (one line per change), as
//! Markdown (the exported change report) and as JSON for tools.
//!
//! Each change is first described once ([`describe`]: the unit, what
//! happened, the old and the new wording); the formats only lay that out.

use std::fmt::Write as _;

use serde::Serialize;

use super::change::{Change, ChangeKind};
use super::tasks::PointChange;
use super::words::{WordDiff, WordOp};
use super::{Diff, Status, Summary};
use crate::i18n::diff::{self as t, DiffText};
use crate::i18n::{self, Lang};
use crate::model::{Designation, Metadata, Relation, UnitId, letter_label};

/// A change described for people.
struct Line {
    /// "SYMBOL name" of the unit; `None` for document changes.
    unit: Option<(String, String)>,
    text: String,
    details: Vec<Detail>,
}

enum Detail {
    Was(String),
    Now(String),
    Words(WordDiff),
}

fn quote(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Pl => format!("„{text}”"),
        Lang::En => format!("\"{text}\""),
    }
}

fn designation(tx: &DiffText, d: Option<&Designation>) -> String {
    d.map_or_else(|| tx.none.to_owned(), ToString::to_string)
}

/// "pkt 3 lit. b", prefixed with the unit's task designation when known.
pub fn point_label(tx: &DiffText, tasks_at: Option<&Designation>, path: &[usize]) -> String {
    let mut out = tasks_at.map(|d| format!("{d} ")).unwrap_or_default();
    for (depth, &k) in path.iter().enumerate() {
        if depth == 0 {
            let _ = write!(out, "{} {}", tx.point, k + 1);
        } else {
            let _ = write!(out, " {} {}", tx.letter, letter_label(k));
        }
    }
    out
}

impl Diff {
    /// The symbol (or the name, when it has none) of the unit with this id in one version.
    fn unit_ref(&self, id: &UnitId, old: bool) -> String {
        let entry = if old { self.entry_index_by_old_id(id) } else { self.entry_index_by_new_id(id) };
        match entry.map(|e| &self.units[e]) {
            Some(e) if !e.symbol.is_empty() => e.symbol.clone(),
            Some(e) => e.name.clone(),
            None => id.to_string(),
        }
    }

    fn relation_text(&self, lang: Lang, relation: &Relation, old: bool) -> String {
        format!(
            "{} {} {}",
            self.unit_ref(&relation.from, old),
            i18n::model::relation(lang, relation.kind),
            self.unit_ref(&relation.to, old)
        )
    }
}

fn metadata_lines(lang: Lang, old: &Metadata, new: &Metadata, out: &mut Vec<Line>) {
    let tx = t::text(lang);
    let fields = [
        (tx.department, &old.department, &new.department),
        (tx.act, &old.act, &new.act),
        (tx.version, &old.version, &new.version),
        (tx.effective, &old.effective, &new.effective),
    ];
    for (name, before, after) in fields.into_iter().filter(|(_, a, b)| a != b) {
        out.push(Line {
            unit: None,
            text: format!("{name}: {} → {}", quote(lang, before), quote(lang, after)),
            details: vec![],
        });
    }
}

/// The lines describing one change.
fn describe(diff: &Diff, lang: Lang, change: &Change, out: &mut Vec<Line>) {
    let tx = t::text(lang);
    let entry = change.unit.map(|e| &diff.units[e]);
    let unit = entry.map(|e| (e.symbol.clone(), e.name.clone()));
    let tasks_at = entry.and_then(|e| e.tasks_at.as_ref());
    let arrow = |a: String, b: String| format!("{a} → {b}");
    let mut details = Vec::new();
    let text = match &change.kind {
        ChangeKind::MetadataChanged { old, new } => return metadata_lines(lang, old, new, out),
        ChangeKind::ChartOptionsChanged { .. } => tx.chart_changed.to_owned(),
        ChangeKind::DesignationRetired { designation } => format!("{} {designation}", tx.retired),
        ChangeKind::DesignationUnretired { designation } => format!("{} {designation}", tx.unretired),
        ChangeKind::UnitAdded { unit: added } => {
            let under = added.parent.as_ref().map(|p| format!(", {}", diff.unit_ref(p, false))).unwrap_or_default();
            format!("{} ({}{under})", tx.added, i18n::model::kind(lang, added.kind))
        }
        ChangeKind::UnitRemoved => tx.removed.to_owned(),
        ChangeKind::Matched { by, old_id, unit: matched } => {
            t::matched(lang, *by, old_id.as_str(), matched.id.as_str())
        }
        ChangeKind::Moved { old_parent, new_parent, old_position, new_position } => {
            let place = |parent: &Option<UnitId>, position: usize, old: bool| {
                let parent = parent.as_ref().map(|p| diff.unit_ref(p, old)).unwrap_or_default();
                format!("{parent} ({} {})", tx.position, position + 1)
            };
            format!(
                "{}: {}",
                tx.moved,
                arrow(place(old_parent, *old_position, true), place(new_parent, *new_position, false))
            )
        }
        ChangeKind::Renamed { old, new } => format!("{}: {}", tx.renamed, arrow(quote(lang, old), quote(lang, new))),
        ChangeKind::SymbolChanged { old, new } => format!("{}: {}", tx.symbol_changed, arrow(old.clone(), new.clone())),
        ChangeKind::KindChanged { old, new } => format!(
            "{}: {}",
            tx.kind_changed,
            arrow(i18n::model::kind(lang, *old).to_owned(), i18n::model::kind(lang, *new).to_owned())
        ),
        ChangeKind::StaffingChanged { old, new } => {
            let n = |v: &Option<f64>| v.map_or_else(|| tx.none.to_owned(), |v| t::number(lang, v));
            format!("{}: {}", tx.staffing_changed, arrow(n(old), n(new)))
        }
        ChangeKind::ListedAtChanged { old, new } => {
            format!("{}: {}", tx.listed_at_changed, arrow(designation(tx, old.as_ref()), designation(tx, new.as_ref())))
        }
        ChangeKind::TasksAtChanged { old, new } => {
            format!("{}: {}", tx.tasks_at_changed, arrow(designation(tx, old.as_ref()), designation(tx, new.as_ref())))
        }
        ChangeKind::TasksIntroChanged { words } => {
            details.push(Detail::Words(words.clone()));
            let at = tasks_at.map(|d| format!("{d}: ")).unwrap_or_default();
            format!("{at}{}", tx.intro_changed)
        }
        ChangeKind::TasksSharedRefChanged { old, new } => {
            let r = |v: &Option<String>| v.clone().unwrap_or_else(|| tx.none.to_owned());
            format!("{}: {}", tx.shared_ref_changed, arrow(r(old), r(new)))
        }
        ChangeKind::TaskPoint { point } => match point {
            PointChange::Added { new, text } => {
                details.push(Detail::Now(text.clone()));
                format!("{}: {}", point_label(tx, tasks_at, new), tx.point_added)
            }
            PointChange::Removed { old, text } => {
                details.push(Detail::Was(text.clone()));
                format!("{}: {}", point_label(tx, tasks_at, old), tx.point_removed)
            }
            PointChange::Edited { new, words, .. } => {
                details.push(Detail::Words(words.clone()));
                format!("{}: {}", point_label(tx, tasks_at, new), tx.point_edited)
            }
            PointChange::Moved { old, new, .. } => {
                format!("{}: {}", arrow(point_label(tx, None, old), point_label(tx, tasks_at, new)), tx.point_moved)
            }
        },
        ChangeKind::NoteChanged { old, new } => {
            format!("{}: {}", tx.note_changed, arrow(quote(lang, old), quote(lang, new)))
        }
        ChangeKind::RelationAdded { relation } => {
            format!("{}: {}", tx.relation_added, diff.relation_text(lang, relation, false))
        }
        ChangeKind::RelationRemoved { relation } => {
            format!("{}: {}", tx.relation_removed, diff.relation_text(lang, relation, true))
        }
        ChangeKind::RelationMoved { relation, old_index, new_index } => format!(
            "{}: {} ({})",
            tx.relation_moved,
            diff.relation_text(lang, relation, false),
            arrow((old_index + 1).to_string(), (new_index + 1).to_string())
        ),
    };
    out.push(Line { unit, text, details });
}

fn lines(diff: &Diff, lang: Lang) -> Vec<Line> {
    let mut out = Vec::new();
    for change in &diff.changes {
        describe(diff, lang, change, &mut out);
    }
    out
}

fn summary_parts(lang: Lang, summary: &Summary) -> (Vec<(&'static str, usize)>, String, String) {
    let tx = t::text(lang);
    let counts = summary.counts.iter().map(|(tag, n)| (t::tag_name(lang, *tag), *n)).collect();
    let units = format!("{}: {} → {}", tx.units_count, summary.units_before, summary.units_after);
    let staffing = format!(
        "{}: {} → {}",
        tx.staffing_total,
        t::number(lang, summary.staffing_before),
        t::number(lang, summary.staffing_after)
    );
    (counts, units, staffing)
}

/// One change row, as the report and the editor's Zmiany panel print it:
/// "SYMBOL name: text", "name: text" for a unit without a symbol, and
/// "`document`: text" for a change of the document itself.
pub fn change_row(unit: Option<(&str, &str)>, document: &str, text: &str) -> String {
    match unit {
        Some(("", name)) => format!("{name}: {text}"),
        Some((symbol, name)) => format!("{symbol} {name}: {text}"),
        None => format!("{document}: {text}"),
    }
}

/// The plain-text report: one line per change ("SYMBOL name: what"), the old
/// and the new wording of task changes indented below, then a summary.
pub fn text(diff: &Diff, lang: Lang) -> String {
    let tx = t::text(lang);
    if diff.is_empty() {
        return format!("{}\n", tx.equal);
    }
    let mut out = String::new();
    for line in lines(diff, lang) {
        let unit = line.unit.as_ref().map(|(symbol, name)| (symbol.as_str(), name.as_str()));
        let _ = writeln!(out, "{}", change_row(unit, tx.document, &line.text));
        for detail in &line.details {
            let (label, text) = match detail {
                Detail::Was(text) => (tx.was, text.clone()),
                Detail::Now(text) => (tx.now, text.clone()),
                Detail::Words(words) => {
                    let _ = writeln!(out, "    {}: {}", tx.was, words.side(true));
                    (tx.now, words.side(false))
                }
            };
            let _ = writeln!(out, "    {label}: {text}");
        }
    }
    let (counts, units, staffing) = summary_parts(lang, &diff.summary);
    let counts: Vec<String> = counts.iter().map(|(name, n)| format!("{name} {n}")).collect();
    let _ = writeln!(out, "{}: {}; {units}; {staffing}", tx.summary, counts.join(", "));
    out
}

/// Escapes the characters Markdown would read as formatting.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '~' | '`' | '|' | '[' | ']' | '<' | '>' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A word diff inline: deleted words struck out, inserted ones in bold.
fn md_words(words: &WordDiff) -> String {
    words
        .spans
        .iter()
        .map(|span| {
            let text = md(&span.text);
            let (trimmed, lead, trail) =
                (text.trim(), &text[..text.len() - text.trim_start().len()], &text[text.trim_end().len()..]);
            match span.op {
                WordOp::Equal => text.clone(),
                // A space that is gone would read as a space that is there.
                WordOp::Deleted if trimmed.is_empty() => String::new(),
                WordOp::Inserted if trimmed.is_empty() => text.clone(),
                WordOp::Deleted => format!("{lead}~~{trimmed}~~{trail}"),
                WordOp::Inserted => format!("{lead}**{trimmed}**{trail}"),
            }
        })
        .collect()
}

/// The change report as Markdown: document changes, one bullet per unit
/// change with task wordings below (struck-out old words, bold new ones), and
/// a summary table.
pub fn markdown(diff: &Diff, lang: Lang, old_name: &str, new_name: &str) -> String {
    let tx = t::text(lang);
    let mut out = format!("# {}\n\n`{}` → `{}`\n\n", tx.title, old_name, new_name);
    if diff.is_empty() {
        let _ = writeln!(out, "{}", tx.equal);
        return out;
    }
    let all = lines(diff, lang);
    let (document, units): (Vec<&Line>, Vec<&Line>) = all.iter().partition(|l| l.unit.is_none());
    for (heading, group) in [(tx.document, document), (tx.units, units)] {
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {heading}\n");
        for line in group {
            out.push_str("- ");
            if let Some((symbol, name)) = &line.unit {
                if !symbol.is_empty() {
                    let _ = write!(out, "**{}** ", md(symbol));
                }
                let _ = write!(out, "{}: ", md(name));
            }
            let _ = writeln!(out, "{}", md(&line.text));
            for detail in &line.details {
                let _ = match detail {
                    Detail::Was(text) => writeln!(out, "  - {}: ~~{}~~", tx.was, md(text)),
                    Detail::Now(text) => writeln!(out, "  - {}: **{}**", tx.now, md(text)),
                    Detail::Words(words) => writeln!(out, "  - {}", md_words(words)),
                };
            }
        }
        out.push('\n');
    }
    let (counts, units, staffing) = summary_parts(lang, &diff.summary);
    let _ = writeln!(out, "## {}\n\n| {} | {} |\n|---|---:|", tx.summary, tx.change_kind, tx.count);
    for (name, n) in counts {
        let _ = writeln!(out, "| {name} | {n} |");
    }
    let _ = writeln!(out, "\n{units}  \n{staffing}");
    out
}

/// One change for tools: the unit it concerns, then the change's own fields.
#[derive(Serialize)]
struct JsonChange<'a> {
    unit: Option<JsonUnit<'a>>,
    #[serde(flatten)]
    kind: &'a ChangeKind,
}

#[derive(Serialize)]
struct JsonUnit<'a> {
    id: &'a UnitId,
    symbol: &'a str,
    name: &'a str,
    status: Status,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    equal: bool,
    summary: &'a Summary,
    changes: Vec<JsonChange<'a>>,
}

/// The report as pretty JSON: `equal`, `summary`, and `changes`, each with
/// the unit (id, symbol, name, status) and the change's data.
pub fn json(diff: &Diff) -> String {
    let changes = diff
        .changes
        .iter()
        .map(|change| JsonChange {
            unit: change.unit.map(|e| {
                let entry = &diff.units[e];
                let side = entry.new.as_ref().or(entry.old.as_ref());
                JsonUnit {
                    id: side.map_or(&EMPTY_ID, |s| &s.id),
                    symbol: &entry.symbol,
                    name: &entry.name,
                    status: entry.status,
                }
            }),
            kind: &change.kind,
        })
        .collect();
    let report = JsonReport { equal: diff.is_empty(), summary: &diff.summary, changes };
    // Serializing plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}

static EMPTY_ID: UnitId = UnitId(String::new());

/// The wording of one change as the text report has it, without the unit (a
/// viewer shows the unit itself); a change of several metadata fields reads
/// as one line, its facts joined by "; ".
pub fn change_text(diff: &Diff, lang: Lang, change: &Change) -> String {
    let mut out = Vec::new();
    describe(diff, lang, change, &mut out);
    out.iter().map(|line| line.text.as_str()).collect::<Vec<_>>().join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_after_z_continue_with_za() {
        // `k % 26` alone wrapped lit. 27 back to "a".
        let tx = t::text(Lang::Pl);
        assert_eq!(point_label(tx, None, &[2, 26]), "pkt 3 lit. za");
    }
}
