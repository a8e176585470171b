//! The change report: a [`Diff`] as readable text (one line per change), as
//! Markdown (the exported change report) and as JSON for tools.
//!
//! Each change is first described once ([`describe`]: the unit, what
//! happened, the old and the new wording); the formats only lay that out.

use std::fmt::Write as _;

use serde::Serialize;

use super::change::{Change, ChangeKind};
use super::tasks::{PointChange, TasksDiff};
use super::words::{WordDiff, WordOp};
use super::{Diff, Status, Summary};
use crate::i18n::diff::{self as t, DiffText};
use crate::i18n::{self, Lang};
use crate::model::{Designation, Level, Metadata, PieceState, Relation, TaskList, TaskPoint, Unit, UnitId, UnitKind};

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
    /// A line of the new (or old) text itself, indented by `depth` under the change:
    /// a designation, a lead sentence, a numbered point "1) …;".
    Text {
        depth: usize,
        text: String,
    },
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

/// The designation of the point at `path` (labels from the pkt down) under
/// the unit's task designation: "§ 19 pkt 3", "§ 3 ust. 1 pkt 2 lit. b";
/// "pkt 3 lit. b" when the designation is not known.
pub fn point_label(tx: &DiffText, tasks_at: Option<&Designation>, path: &[String]) -> String {
    if let Some(d) = tasks_at.and_then(|at| at.point(path)) {
        return d.to_string();
    }
    let mut out = tasks_at.map(|d| format!("{d} ")).unwrap_or_default();
    for (depth, label) in path.iter().enumerate() {
        let prefix = if depth == 0 { tx.point } else { tx.letter };
        let space = if depth == 0 { "" } else { " " };
        let _ = write!(out, "{space}{prefix} {label}");
    }
    out
}

/// "(uchylony)" / "(uchylona)": the placeholder of a repealed piece, whose
/// gender follows its level (a lit. is a litera).
fn repealed_mark(tx: &DiffText, level: Level) -> &'static str {
    if level == Level::Lit { tx.repealed_feminine } else { tx.repealed_masculine }
}

/// The lines of a task list as the Regulamin prints it: the lead sentence,
/// then "1) …;" per point and "a) …," per letter, the last piece ending with
/// "." (spec §5, P1-P2), a point with letters with ":"; repealed points as
/// "3) (uchylony);", points of unknown wording as "3) (brzmienie nieznane);".
fn task_lines(tx: &DiffText, tasks: &TaskList, depth: usize, out: &mut Vec<Detail>) {
    if tasks.intro_unknown {
        out.push(Detail::Text { depth, text: format!("({})", tx.wording_unknown) });
    } else if !tasks.intro.is_empty() {
        out.push(Detail::Text { depth, text: tasks.intro.clone() });
    }
    point_lines(tx, &tasks.points, Level::Pkt, ".", depth, out);
}

fn point_lines(tx: &DiffText, points: &[TaskPoint], level: Level, last: &str, depth: usize, out: &mut Vec<Detail>) {
    for (k, point) in points.iter().enumerate() {
        let ending = if k + 1 == points.len() {
            last
        } else if level == Level::Lit {
            ","
        } else {
            ";"
        };
        let body = match point.state {
            PieceState::Repealed => repealed_mark(tx, level).to_owned(),
            PieceState::Unknown => format!("({})", tx.wording_unknown),
            PieceState::Text => point.text.clone(),
        };
        if point.sub.is_empty() || point.state.is_repealed() {
            out.push(Detail::Text { depth, text: format!("{}) {body}{ending}", point.label) });
        } else {
            let colon = if body.ends_with(':') { "" } else { ":" };
            out.push(Detail::Text { depth, text: format!("{}) {body}{colon}", point.label) });
            point_lines(tx, &point.sub, Level::Lit, ending, depth + 1, out);
        }
    }
}

/// "wykaz: § 3 ust. 4" and "zadania: § 22g" with the task list below, for a unit added.
fn added_unit_details(tx: &DiffText, unit: &Unit, out: &mut Vec<Detail>) {
    if let Some(at) = &unit.listed_at {
        out.push(Detail::Text { depth: 0, text: format!("{}: {at}", tx.listing) });
    }
    if unit.tasks_at.is_some() || !unit.tasks.is_empty() {
        let at = unit.tasks_at.as_ref().map(|d| format!(" {d}")).unwrap_or_default();
        out.push(Detail::Text { depth: 0, text: format!("{}:{at}", tx.tasks) });
        task_lines(tx, &unit.tasks, 1, out);
    }
}

/// "wykaz: § 3 ust. 2 pkt 3 (uchylony)", "zadania: § 22 (uchylony)", for a unit removed.
fn removed_unit_details(tx: &DiffText, unit: &Unit, repealed: &[Designation], out: &mut Vec<Detail>) {
    for (name, at) in [(tx.listing, &unit.listed_at), (tx.tasks, &unit.tasks_at)] {
        let Some(at) = at else { continue };
        let mark = if repealed.contains(at) { format!(" {}", repealed_mark(tx, at.level())) } else { String::new() };
        out.push(Detail::Text { depth: 0, text: format!("{name}: {at}{mark}") });
    }
}

impl Diff {
    /// The symbol (or the name, when it has none) of the unit with this id in one version.
    fn unit_ref(&self, id: &UnitId, old: bool) -> String {
        match self.entry_by_id(id, old) {
            Some(e) if !e.symbol.is_empty() => e.symbol.clone(),
            Some(e) => e.name.clone(),
            None => id.to_string(),
        }
    }

    fn entry_by_id(&self, id: &UnitId, old: bool) -> Option<&super::UnitEntry> {
        let entry = if old { self.entry_index_by_old_id(id) } else { self.entry_index_by_new_id(id) };
        entry.map(|e| &self.units[e])
    }

    /// How an added or removed unit's superior is named: a kierownik names its
    /// referat in full ("referat ds. serwisu … (IT-SS)"), as it shares the
    /// referat's symbol; other units name it by symbol.
    fn superior(&self, unit: &Unit, old: bool) -> String {
        let Some(parent) = &unit.parent else { return String::new() };
        let name = match self.entry_by_id(parent, old) {
            Some(e) if unit.kind == UnitKind::KierownikReferatu => e.label(),
            _ => self.unit_ref(parent, old),
        };
        format!(", {name}")
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
    let date = |d: &Option<crate::model::Date>| d.map(|d| d.polish()).unwrap_or_default();
    let fields = [
        (tx.department, old.department.clone(), new.department.clone()),
        (tx.department_genitive, old.department_genitive.clone(), new.department_genitive.clone()),
        (tx.organ, old.organ.clone(), new.organ.clone()),
        (tx.organ_genitive, old.organ_genitive.clone(), new.organ_genitive.clone()),
        (tx.act_number, old.base_act.number.clone(), new.base_act.number.clone()),
        (tx.act_date, date(&old.base_act.date), date(&new.base_act.date)),
        (tx.act_title, old.base_act.title.clone(), new.base_act.title.clone()),
        (tx.consolidated, date(&old.consolidated), date(&new.consolidated)),
        (tx.version, old.version.clone(), new.version.clone()),
        (tx.effective, date(&old.effective), date(&new.effective)),
    ];
    for (name, before, after) in fields.into_iter().filter(|(_, a, b)| a != b) {
        out.push(Line {
            unit: None,
            text: format!("{name}: {} → {}", quote(lang, &before), quote(lang, &after)),
            details: vec![],
        });
    }
}

/// The details of a wording that changed or became known or unknown: the
/// word diff, or only the side that is known. Returns what happened when the
/// wording became known ("podano brzmienie") or unknown, `None` for a plain edit.
fn wording_change(
    tx: &DiffText,
    words: &WordDiff,
    old_unknown: bool,
    new_unknown: bool,
    details: &mut Vec<Detail>,
) -> Option<&'static str> {
    let (old, new) = (words.side(true), words.side(false));
    match (old_unknown, new_unknown) {
        (true, true) | (false, false) => {
            if !words.is_equal() {
                details.push(Detail::Words(words.clone()));
            }
            None
        }
        (true, false) => {
            if !new.is_empty() {
                details.push(Detail::Now(new));
            }
            Some(tx.wording_given)
        }
        (false, true) => {
            if !old.is_empty() {
                details.push(Detail::Was(old));
            }
            Some(tx.wording_unknown)
        }
    }
}

/// "pkt 3: podano brzmienie" and the like, for a point whose state changed.
fn state_change_text(tx: &DiffText, old: PieceState, new: PieceState) -> &'static str {
    match (old, new) {
        (PieceState::Repealed, _) => tx.point_restored,
        (_, PieceState::Unknown) => tx.wording_unknown,
        _ => tx.wording_given,
    }
}

/// The text and details of a change of one task point.
fn point_change(
    tx: &DiffText,
    tasks: Option<&TasksDiff>,
    fallback: Option<&Designation>,
    point: &PointChange,
    details: &mut Vec<Detail>,
) -> String {
    let (old_at, new_at) = tasks.map_or((fallback, fallback), |t| (t.old_at.as_ref(), t.new_at.as_ref()));
    let arrow = |a: String, b: String| format!("{a} → {b}");
    match point {
        PointChange::Added { new, text, state } => {
            if state.is_text() {
                details.push(Detail::Now(text.clone()));
                format!("{}: {}", point_label(tx, new_at, new), tx.point_added)
            } else {
                format!("{}: {} ({})", point_label(tx, new_at, new), tx.point_added, tx.wording_unknown)
            }
        }
        PointChange::Repealed { old, text } => {
            if !text.is_empty() {
                details.push(Detail::Was(text.clone()));
            }
            format!("{} {}", tx.repealed, point_label(tx, old_at, old))
        }
        PointChange::Removed { old, text } => {
            if !text.is_empty() {
                details.push(Detail::Was(text.clone()));
            }
            format!("{}: {}", point_label(tx, old_at, old), tx.point_removed)
        }
        PointChange::Edited { new, words, .. } => {
            details.push(Detail::Words(words.clone()));
            format!("{}: {}", point_label(tx, new_at, new), tx.point_edited)
        }
        PointChange::StateChanged { new, old_state, new_state, words, .. } => {
            let old_unknown = !old_state.is_text();
            let new_unknown = !new_state.is_text();
            wording_change(tx, words, old_unknown, new_unknown, details);
            format!("{}: {}", point_label(tx, new_at, new), state_change_text(tx, *old_state, *new_state))
        }
        PointChange::Moved { old, new, .. } => {
            format!("{}: {}", arrow(point_label(tx, old_at, old), point_label(tx, new_at, new)), tx.point_moved)
        }
    }
}

/// Up to this many designations are named in a change of the designations in force.
const LISTED_DESIGNATIONS: usize = 12;

fn designation_list(tx: &DiffText, list: &[Designation]) -> String {
    let mut out: Vec<String> = list.iter().take(LISTED_DESIGNATIONS).map(ToString::to_string).collect();
    if list.len() > LISTED_DESIGNATIONS {
        out.push(t::more(tx, list.len() - LISTED_DESIGNATIONS));
    }
    out.join(", ")
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
        ChangeKind::ChaptersChanged { old, new } => {
            let heads = |list: &[crate::model::Chapter]| match list {
                [] => "—".to_owned(),
                list => list.iter().map(|c| format!("{} {}", c.before, c.heading)).collect::<Vec<_>>().join(", "),
            };
            format!("{}: {} → {}", tx.chapters_changed, heads(old), heads(new))
        }
        ChangeKind::InForceChanged { old, new, added, removed } => match (old, new) {
            (None, Some(n)) => format!("{} ({n})", tx.in_force_recorded),
            (Some(_), None) => tx.in_force_cleared.to_owned(),
            _ => {
                if !added.is_empty() {
                    details.push(Detail::Now(designation_list(tx, added)));
                }
                if !removed.is_empty() {
                    details.push(Detail::Was(designation_list(tx, removed)));
                }
                let count = |n: &Option<usize>| n.unwrap_or_default().to_string();
                format!("{}: {}", tx.in_force_changed, arrow(count(old), count(new)))
            }
        },
        ChangeKind::DesignationRetired { designation } => format!("{} {designation}", tx.repealed),
        ChangeKind::DesignationUnretired { designation } => format!("{} {designation}", tx.unretired),
        ChangeKind::ProvisionAdded { provision } => {
            if provision.unknown {
                format!("{}: {} ({})", provision.at, tx.provision_added, tx.wording_unknown)
            } else {
                details.push(Detail::Now(provision.text.clone()));
                format!("{}: {}", provision.at, tx.provision_added)
            }
        }
        ChangeKind::ProvisionRepealed { provision } => {
            if !provision.text.is_empty() {
                details.push(Detail::Was(provision.text.clone()));
            }
            format!("{} {}", tx.repealed, provision.at)
        }
        ChangeKind::ProvisionRemoved { provision, listing } => {
            if !provision.text.is_empty() {
                details.push(Detail::Was(provision.text.clone()));
            }
            let what = match (listing, provision.unknown) {
                (true, true) => tx.listing_given,
                (true, false) => tx.listing_from_units,
                (false, _) => tx.provision_removed,
            };
            format!("{}: {what}", provision.at)
        }
        ChangeKind::ProvisionChanged { at, words, old_unknown, new_unknown } => {
            let what = wording_change(tx, words, *old_unknown, *new_unknown, &mut details);
            format!("{at}: {}", what.unwrap_or(tx.point_edited))
        }
        ChangeKind::UnitAdded { unit: added } => {
            added_unit_details(tx, added, &mut details);
            format!("{} ({}{})", tx.added, i18n::model::kind(lang, added.kind), diff.superior(added, false))
        }
        ChangeKind::UnitRemoved { unit: removed, repealed } => {
            removed_unit_details(tx, removed, repealed, &mut details);
            format!("{} ({}{})", tx.removed, i18n::model::kind(lang, removed.kind), diff.superior(removed, true))
        }
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
        ChangeKind::TasksIntroChanged { words, old_unknown, new_unknown } => {
            let at = tasks_at.map(|d| format!("{d}: ")).unwrap_or_default();
            match wording_change(tx, words, *old_unknown, *new_unknown, &mut details) {
                Some(what) => format!("{at}{}: {what}", tx.intro_changed),
                None => format!("{at}{}", tx.intro_changed),
            }
        }
        ChangeKind::TasksSharedRefChanged { old, new } => {
            let r = |v: &Option<String>| v.clone().unwrap_or_else(|| tx.none.to_owned());
            format!("{}: {}", tx.shared_ref_changed, arrow(r(old), r(new)))
        }
        ChangeKind::TaskPoint { point } => {
            point_change(tx, entry.and_then(|e| e.tasks.as_ref()), tasks_at, point, &mut details)
        }
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
                Detail::Text { depth, text } => {
                    let _ = writeln!(out, "    {}{text}", "  ".repeat(*depth));
                    continue;
                }
            };
            let _ = writeln!(out, "    {label}: {text}");
            if matches!(detail, Detail::Words(words) if words.is_bounded()) {
                let _ = writeln!(out, "    ({})", tx.words_too_long);
            }
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

/// A line of text as a Markdown list item's content: escaped, and with the
/// bracket of a leading "1)" or "a)" escaped too, so that it is not read as
/// the start of an ordered list.
fn md_line(text: &str) -> String {
    let escaped = md(text);
    let label = escaped.bytes().take_while(u8::is_ascii_alphanumeric).count();
    if label > 0 && escaped[label..].starts_with(')') {
        format!("{}\\{}", &escaped[..label], &escaped[label..])
    } else {
        escaped
    }
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
                    Detail::Text { depth, text } => writeln!(out, "{}- {}", "  ".repeat(depth + 1), md_line(text)),
                };
                if matches!(detail, Detail::Words(words) if words.is_bounded()) {
                    let _ = writeln!(out, "  - *{}*", md(tx.words_too_long));
                }
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
/// No key is written twice: the changes' own fields never use `unit` or
/// `point_designation` (a unit added or removed is `new_unit` / `old_unit`).
#[derive(Serialize)]
struct JsonChange<'a> {
    unit: Option<JsonUnit<'a>>,
    /// The designation of a changed task point ("§ 19 pkt 3"), when it is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    point_designation: Option<Designation>,
    #[serde(flatten)]
    kind: &'a ChangeKind,
}

#[derive(Serialize)]
struct JsonUnit<'a> {
    id: &'a UnitId,
    symbol: &'a str,
    name: &'a str,
    status: Status,
    /// Where the Regulamin lists the unit (given for units added or removed).
    #[serde(skip_serializing_if = "Option::is_none")]
    listed_at: Option<&'a Designation>,
    /// Where it holds the unit's tasks (the new version's; the old one's for a removed unit).
    #[serde(skip_serializing_if = "Option::is_none")]
    tasks_at: Option<&'a Designation>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    equal: bool,
    summary: &'a Summary,
    changes: Vec<JsonChange<'a>>,
}

impl Diff {
    /// The whole unit of an added or removed entry, as its change carries it.
    fn added_or_removed(&self, entry: usize) -> Option<&Unit> {
        self.changes_of(entry).iter().find_map(|c| match &c.kind {
            ChangeKind::UnitAdded { unit } | ChangeKind::UnitRemoved { unit, .. } => Some(&**unit),
            _ => None,
        })
    }
}

fn json_unit(diff: &Diff, e: usize) -> JsonUnit<'_> {
    let entry = &diff.units[e];
    let side = entry.new.as_ref().or(entry.old.as_ref());
    let whole = diff.added_or_removed(e);
    JsonUnit {
        id: side.map_or(&EMPTY_ID, |s| &s.id),
        symbol: &entry.symbol,
        name: &entry.name,
        status: entry.status,
        listed_at: whole.and_then(|u| u.listed_at.as_ref()),
        tasks_at: entry.tasks_at.as_ref(),
    }
}

/// The report as pretty JSON: `equal`, `summary`, and `changes`, each with
/// the unit (id, symbol, name, status, designations) and the change's data;
/// task points are given by their labels (`["14"]`, `["2", "b"]`) and designation.
pub fn json(diff: &Diff) -> String {
    let changes = diff
        .changes
        .iter()
        .map(|change| {
            let point_designation = match (&change.kind, change.unit) {
                (ChangeKind::TaskPoint { point }, Some(e)) => {
                    diff.units[e].tasks.as_ref().and_then(|t| t.designation_of(point))
                }
                _ => None,
            };
            JsonChange { unit: change.unit.map(|e| json_unit(diff, e)), point_designation, kind: &change.kind }
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

    fn path(labels: &[&str]) -> Vec<String> {
        labels.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn points_are_cited_by_their_labels_under_the_task_designation() {
        let tx = t::text(Lang::Pl);
        let at: Designation = "§ 21 ust. 4".parse().unwrap();
        assert_eq!(point_label(tx, Some(&at), &path(&["14"])), "§ 21 ust. 4 pkt 14");
        assert_eq!(point_label(tx, Some(&at), &path(&["2a", "za"])), "§ 21 ust. 4 pkt 2a lit. za");
        assert_eq!(point_label(tx, None, &path(&["3", "b"])), "pkt 3 lit. b");
    }

    #[test]
    fn a_task_list_prints_with_the_regulamins_punctuation() {
        let tx = t::text(Lang::Pl);
        let tasks = TaskList {
            intro: "Referat realizuje zadania z zakresu:".into(),
            points: vec![
                TaskPoint::new("1", "jeden"),
                TaskPoint::repealed("2"),
                TaskPoint::new("3", "trzy").with_sub(vec![TaskPoint::new("a", "x"), TaskPoint::repealed("b")]),
            ],
            ..TaskList::default()
        };
        let mut out = Vec::new();
        task_lines(tx, &tasks, 0, &mut out);
        let lines: Vec<String> = out
            .into_iter()
            .map(|d| match d {
                Detail::Text { depth, text } => format!("{}{text}", "  ".repeat(depth)),
                _ => String::new(),
            })
            .collect();
        assert_eq!(
            lines,
            [
                "Referat realizuje zadania z zakresu:",
                "1) jeden;",
                "2) (uchylony);",
                "3) trzy:",
                "  a) x,",
                "  b) (uchylona)."
            ]
        );
    }

    #[test]
    fn a_leading_label_is_not_read_as_an_ordered_list_in_markdown() {
        assert_eq!(md_line("10) obsługi_x;"), "10\\) obsługi\\_x;");
        assert_eq!(md_line("wykaz: § 3"), "wykaz: § 3");
    }
}
