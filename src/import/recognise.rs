//! The Regulamin text recognised as a document: the inverse of
//! [`crate::legal::derive`].
//!
//! - A **composition listing** ("referat ds. … (IT-TB), w skład którego
//!   wchodzi", "kierownik referatu (IT-TB)", the combined "Zastępca
//!   Dyrektora … (IT-ZIII), nadzorujący bezpośrednio referat … (IT-SS), w
//!   skład którego wchodzi") gives units with their kind (from the name),
//!   symbol, listing designation and parent: the unit listed at the nearest
//!   enclosing designation, else the division whose structure paragraph the
//!   § is ("W skład Wydziału … wchodzą", or a placeholder named after the §
//!   when the text does not name it).
//! - A **task paragraph** ("Referat ds. … realizuje w szczególności zadania
//!   z zakresu:", "Kierownik referatu realizuje zadania określone w § 11 ust.
//!   2 Regulaminu oraz …") is attached to its unit by symbol, by name (among
//!   units of the same name, the one in the unit whose tasks open the §), or
//!   by its place in that unit's listing when the name differs.
//! - Everything else stays where it is: a provision, a "(uchylony)"
//!   placeholder (`retired`), or nothing for a level with no text of its own.
//!
//! Finally the document's own text is derived and compared with the source
//! piece by piece: where a generated listing does not read as the source
//! (the combined form), the source's wording is kept as a provision, as the
//! examples keep it. So the text always survives the import unchanged.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::report::{Kept, Match, Note, Report, Row};
use crate::legal::derive::{COMPOSITION, SUPERVISION, TITLE};
use crate::legal::{Piece, Regulamin, derive};
use crate::model::{
    Designation, Document, Level, Metadata, PieceState, Provision, TaskList, TaskPoint, Unit, UnitId, UnitKind,
    genitive_of_unit_name,
};

/// An imported document with its report.
#[derive(Debug, Clone)]
pub struct Imported {
    pub doc: Document,
    pub report: Report,
}

/// The names that say what a unit is, longest first (a listing or a task
/// paragraph names the unit with one of them in front).
const KINDS: [(&str, UnitKind); 11] = [
    ("wieloosobowe stanowisko pracy", UnitKind::WieloosoboweStanowiskoPracy),
    ("samodzielne stanowisko pracy", UnitKind::SamodzielneStanowisko),
    ("zastępca dyrektora", UnitKind::ZastepcaDyrektora),
    ("kierownik referatu", UnitKind::KierownikReferatu),
    ("stanowisko pracy", UnitKind::StanowiskoPracy),
    ("departament", UnitKind::Departament),
    ("dyrektor", UnitKind::Dyrektor),
    ("wydział", UnitKind::Wydzial),
    ("referat", UnitKind::Referat),
    ("biuro", UnitKind::Biuro),
    ("zespół", UnitKind::Zespol),
];

/// The verb of a task paragraph: "{unit} realizuje …".
const TASKS_VERB: &str = " realizuje";

/// The shared tasks a kierownik's paragraph refers to: "… zadania określone w {§ 11 ust. 2} Regulaminu …".
const SHARED_OPEN: &str = "określone w ";
const SHARED_CLOSE: &str = " Regulaminu";

/// A structure paragraph's lead: "W skład {division in the genitive} wchodzą".
const STRUCTURE_OPEN: &str = "W skład ";
const STRUCTURE_CLOSE: [&str; 2] = [" wchodzą", " wchodzi"];

/// The id of the root when its name gives no initials.
const ROOT_ID: &str = "departament";

/// The kind a name says, from its first words.
pub fn kind_of(name: &str) -> Option<UnitKind> {
    let lower = name.to_lowercase();
    KINDS.iter().find(|(prefix, _)| lower == *prefix || lower.starts_with(&format!("{prefix} "))).map(|(_, k)| *k)
}

/// Recognises a Regulamin text, or fragments of one (pieces at their
/// designations, the rest absent), as a document. `meta` is the frame the
/// parser read; the department's name comes from the title.
pub fn recognise(text: &Regulamin, mut meta: Metadata) -> Imported {
    let mut rows = Vec::new();
    let pieces = pieces(text, &mut rows);
    let genitive = text.title.strip_prefix(TITLE).map(str::trim).unwrap_or_default();
    if !genitive.is_empty() {
        meta.department_genitive = genitive.to_owned();
        meta.department = nominative(genitive);
    }
    let mut r = Recogniser {
        doc: Document { meta, chapters: text.chapters.clone(), ..Document::default() },
        rows,
        divisions: BTreeMap::new(),
        listed: BTreeMap::new(),
        ids: HashSet::new(),
        by_name: BTreeMap::new(),
        by_symbol: BTreeMap::new(),
    };
    let root = r.fresh(root_id(&r.doc.meta.department).0);
    r.doc.units.push(Unit::new(root, None, UnitKind::Departament, r.doc.meta.department.clone(), ""));

    let tasks: Vec<(Designation, &Piece, String)> =
        pieces.iter().filter_map(|(d, p)| Some((d.clone(), *p, task_subject(d, p)?))).collect();
    let task_places: BTreeSet<Designation> = tasks.iter().map(|(d, _, _)| d.clone()).collect();

    for (d, piece) in &pieces {
        if d.level() == Level::Par {
            r.structure_lead(d, piece);
        } else if !within_any(&task_places, d) {
            r.listing(d, piece);
        }
    }
    r.index_units();
    let mut attached = BTreeSet::new();
    let mut anchors: BTreeMap<String, usize> = BTreeMap::new();
    for (d, piece, subject) in &tasks {
        if r.attach(d, piece, subject, &mut anchors) {
            attached.insert(d.clone());
        }
    }
    let listed: BTreeSet<Designation> = r.doc.units.iter().filter_map(|u| u.listed_at.clone()).collect();
    for (d, piece) in &pieces {
        let held = within_any(&attached, d) || listed.contains(d);
        if !held {
            r.keep(d, piece, Kept::NotRecognised);
        }
    }
    r.name_divisions();
    r.keep_what_derive_does_not_say(&pieces);
    let Recogniser { mut doc, mut rows, .. } = r;
    // In text order: by designation, in the order found at each.
    rows.sort_by(|a, b| a.at.cmp(&b.at));
    // The units were made parents first, so the structure holds; this sorts
    // the provisions and placeholders as the editor keeps them.
    if doc.check_structure().is_ok() {
        rows.extend(crate::validate::validate(&doc).into_iter().map(|f| {
            let row = Row::new(Note::Finding(f.clone()));
            match &f.unit {
                Some(unit) => row.unit(unit),
                None => row,
            }
        }));
    }
    Imported { doc, report: Report { rows } }
}

struct Recogniser {
    doc: Document,
    rows: Vec<Row>,
    /// The division of each structure §, by the §'s label (an index into `units`).
    divisions: BTreeMap<String, usize>,
    /// The last unit listed at each designation.
    listed: BTreeMap<Designation, usize>,
    /// The ids given so far.
    ids: HashSet<String>,
    /// The units by lowercase name and by symbol, once all are listed.
    by_name: BTreeMap<String, Vec<usize>>,
    by_symbol: BTreeMap<String, Vec<usize>>,
}

impl Recogniser {
    /// "W skład Wydziału Informatyki (IT) wchodzą": the division the § lists.
    fn structure_lead(&mut self, d: &Designation, piece: &Piece) {
        let Some(named) = piece.text.strip_prefix(STRUCTURE_OPEN) else { return };
        let Some(named) = STRUCTURE_CLOSE.iter().find_map(|close| named.strip_suffix(close)) else { return };
        let (genitive, symbol) = name_and_symbol(named.trim());
        let name = nominative(genitive);
        let kind = kind_of(&name).filter(|k| k.is_division()).unwrap_or(UnitKind::Wydzial);
        self.division(d, kind, &name, symbol);
    }

    /// The division of the § `d` is in, made the first time it is needed.
    fn division(&mut self, d: &Designation, kind: UnitKind, name: &str, symbol: &str) -> usize {
        let label = d.paragraph_label().to_owned();
        if let Some(&index) = self.divisions.get(&label) {
            return index;
        }
        let at = Designation::paragraph(&label).unwrap_or_else(|_| d.clone());
        let root = self.doc.units[0].id.clone();
        let id = self.fresh(if symbol.is_empty() { format!("w-{label}") } else { slug(symbol) });
        let mut unit = Unit::new(id.clone(), Some(root), kind, name, symbol);
        unit.listed_at = Some(at.clone());
        self.doc.units.push(unit);
        let index = self.doc.units.len() - 1;
        self.divisions.insert(label, index);
        self.listed.insert(at.clone(), index);
        let note = if name.is_empty() { Note::DivisionAssumed } else { Note::Unit { kind, label: name.to_owned() } };
        self.rows.push(Row::new(note).at(&at).unit(&id));
        index
    }

    /// A composition listing at `d`: its units, under the unit listed above it.
    fn listing(&mut self, d: &Designation, piece: &Piece) {
        if piece.state != PieceState::Text {
            return;
        }
        let Some((parts, composition)) = listing_parts(&piece.text) else { return };
        let mut parent = self.listed_above(d);
        // A sentence that happens to open with "Referat …" is no listing: a
        // listing carries a symbol, opens a composition or lies in one.
        if parts.iter().all(|(_, symbol)| symbol.is_empty()) && !composition && parent.is_none() {
            return;
        }
        for (name, symbol) in parts {
            let Some(mut kind) = kind_of(name) else { return };
            let parent_index = match parent {
                Some(index) => index,
                None => self.division(d, UnitKind::Wydzial, "", ""),
            };
            let parent_kind = self.doc.units[parent_index].kind;
            if kind == UnitKind::StanowiskoPracy && parent_kind != UnitKind::Referat {
                kind = UnitKind::SamodzielneStanowisko;
            }
            let base = match (symbol.is_empty(), kind) {
                (true, _) => format!("u-{}", slug(&d.to_string())),
                (false, UnitKind::KierownikReferatu) => format!("{}-k", slug(symbol)),
                (false, _) => slug(symbol),
            };
            let id = self.fresh(base);
            let mut unit = Unit::new(id.clone(), Some(self.doc.units[parent_index].id.clone()), kind, name, symbol);
            unit.listed_at = Some(d.clone());
            self.rows.push(Row::new(Note::Unit { kind, label: unit.label() }).at(d).unit(&id));
            self.doc.units.push(unit);
            parent = Some(self.doc.units.len() - 1);
            self.listed.insert(d.clone(), self.doc.units.len() - 1);
        }
    }

    /// The last unit listed at the nearest designation enclosing `d`.
    fn listed_above(&self, d: &Designation) -> Option<usize> {
        let mut at = d.parent();
        while let Some(up) = at {
            if let Some(&index) = self.listed.get(&up) {
                return Some(index);
            }
            at = up.parent();
        }
        None
    }

    /// Attaches the task paragraph at `d` to its unit; false (and a row) when none or several answer.
    fn attach(&mut self, d: &Designation, piece: &Piece, subject: &str, anchors: &mut BTreeMap<String, usize>) -> bool {
        let anchor = anchors.get(d.paragraph_label()).copied();
        let free = |u: &Unit| u.tasks_at.is_none() && u.kind != UnitKind::Departament;
        let (name, symbol) = name_and_symbol(subject);
        let subject_kind = kind_of(name);
        let mut by = Match::Name;
        let mut candidates: Vec<usize> = if symbol.is_empty() {
            let named = self.by_name.get(&name.to_lowercase()).map(Vec::as_slice).unwrap_or_default();
            named.iter().copied().filter(|&i| free(&self.doc.units[i])).collect()
        } else {
            by = Match::Symbol;
            let kierownik = subject_kind == Some(UnitKind::KierownikReferatu);
            let with_symbol = self.by_symbol.get(symbol).map(Vec::as_slice).unwrap_or_default();
            with_symbol
                .iter()
                .copied()
                .filter(|&i| {
                    let u = &self.doc.units[i];
                    free(u) && (u.kind == UnitKind::KierownikReferatu) == kierownik
                })
                .collect()
        };
        if candidates.len() > 1
            && let Some(anchor) = anchor
        {
            let anchor_id = self.doc.units[anchor].id.clone();
            candidates.retain(|&i| self.doc.units[i].parent.as_ref() == Some(&anchor_id));
        }
        if candidates.is_empty()
            && let Some(index) = anchor.and_then(|a| self.by_position(a, d, subject_kind))
        {
            by = Match::Position;
            candidates.push(index);
        }
        match candidates[..] {
            [index] => {
                let unit = &mut self.doc.units[index];
                unit.tasks_at = Some(d.clone());
                unit.tasks = task_list(piece);
                self.rows.push(Row::new(Note::Tasks(by)).at(d).unit(&unit.id));
                anchors.entry(d.paragraph_label().to_owned()).or_insert(index);
                true
            }
            [] => {
                self.rows.push(Row::new(Note::TasksWithoutUnit { subject: subject.to_owned() }).at(d));
                false
            }
            _ => {
                let units = candidates.iter().map(|&i| self.doc.units[i].id.clone()).collect();
                self.rows.push(Row::new(Note::SameName { subject: subject.to_owned(), units }).at(d));
                false
            }
        }
    }

    /// The unit listed at the place of ust. `d` in the listing of `anchor`,
    /// whose tasks open the § (ust. 1 the referat, ust. 2 its first position …),
    /// if it is of the kind the subject names.
    fn by_position(&self, anchor: usize, d: &Designation, kind: Option<UnitKind>) -> Option<usize> {
        let first = self.doc.units[anchor].tasks_at.as_ref()?;
        let (n, m): (usize, usize) = (d.label().parse().ok()?, first.label().parse().ok()?);
        if d.level() != Level::Ust || first.level() != Level::Ust || n <= m {
            return None;
        }
        let anchor_id = &self.doc.units[anchor].id;
        let index = self
            .doc
            .units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.parent.as_ref() == Some(anchor_id))
            .nth(n - m - 1)
            .map(|(i, _)| i)?;
        let unit = &self.doc.units[index];
        (unit.tasks_at.is_none() && kind.is_some() && kind_of(&unit.name) == kind).then_some(index)
    }

    /// The piece at `d` as it is: a placeholder, a provision, or nothing for
    /// a level with no text of its own.
    fn keep(&mut self, d: &Designation, piece: &Piece, why: Kept) {
        match piece.state {
            PieceState::Repealed => self.doc.retired.push(d.clone()),
            PieceState::Unknown => {
                self.doc.provisions.push(Provision::unknown(d.clone()));
                self.rows.push(Row::new(Note::Provision(Kept::Unknown)).at(d));
            }
            PieceState::Text if piece.text.is_empty() && !piece.children.is_empty() => {}
            PieceState::Text => {
                self.doc.provisions.push(Provision::new(d.clone(), piece.text.clone()));
                self.rows.push(Row::new(Note::Provision(why)).at(d));
            }
        }
    }

    /// A division the text does not name: "Wydział (§ 3)", and the symbol its units share.
    fn name_divisions(&mut self) {
        let index: HashMap<&UnitId, usize> = self.doc.units.iter().enumerate().map(|(i, u)| (&u.id, i)).collect();
        let divisions: HashSet<usize> = self.divisions.values().copied().collect();
        // The first segment of each unit's symbol, gathered at its division (None once two differ).
        let mut prefixes: BTreeMap<usize, Option<&str>> = BTreeMap::new();
        for unit in self.doc.units.iter().filter(|u| !u.symbol.is_empty()) {
            let mut at = index.get(&unit.id).copied();
            while let Some(i) = at.filter(|i| !divisions.contains(i)) {
                at = self.doc.units[i].parent.as_ref().and_then(|p| index.get(p).copied());
            }
            let Some(division) = at else { continue };
            let prefix = unit.symbol.split('-').next().unwrap_or_default();
            prefixes
                .entry(division)
                .and_modify(|seen| {
                    if *seen != Some(prefix) {
                        *seen = None;
                    }
                })
                .or_insert(Some(prefix));
        }
        let symbols: BTreeMap<usize, String> =
            prefixes.into_iter().map(|(i, prefix)| (i, prefix.unwrap_or_default().to_owned())).collect();
        for (label, &i) in &self.divisions {
            let unit = &mut self.doc.units[i];
            if unit.name.is_empty() {
                unit.name = format!("Wydział (§ {label})");
                unit.symbol = symbols.get(&i).cloned().unwrap_or_default();
            }
        }
    }

    /// Where the derived text does not read as the source (a listing in the
    /// combined form, a task intro that ended otherwise), the source's
    /// wording stays as a provision, which outranks what the units generate.
    fn keep_what_derive_does_not_say(&mut self, pieces: &[(Designation, &Piece)]) {
        let derived = derive(&self.doc);
        // By designation at once: a text of many § would make a search per piece quadratic.
        let derived: BTreeMap<Designation, &Piece> = derived.pieces().into_iter().collect();
        for (d, piece) in pieces {
            let same = derived.get(d).is_some_and(|p| p.state == piece.state && p.text == piece.text);
            if !same {
                self.keep(d, piece, Kept::Verbatim);
            }
        }
    }

    /// `base`, or `base-2`, `base-3` … when a unit has it.
    fn fresh(&mut self, base: String) -> UnitId {
        let id = if self.ids.contains(&base) {
            (2..).map(|n| format!("{base}-{n}")).find(|id| !self.ids.contains(id)).unwrap_or(base)
        } else {
            base
        };
        self.ids.insert(id.clone());
        UnitId(id)
    }

    /// The units by name and symbol, for the task paragraphs to find them.
    fn index_units(&mut self) {
        for (i, unit) in self.doc.units.iter().enumerate() {
            self.by_name.entry(unit.name.to_lowercase()).or_default().push(i);
            if !unit.symbol.is_empty() {
                self.by_symbol.entry(unit.symbol.clone()).or_default().push(i);
            }
        }
    }
}

/// Whether `d` is one of `set` or lies inside one.
fn within_any(set: &BTreeSet<Designation>, d: &Designation) -> bool {
    let mut at = Some(d.clone());
    while let Some(here) = at {
        if set.contains(&here) {
            return true;
        }
        at = here.parent();
    }
    false
}

/// Every piece with its designation, in text order; a designation met twice
/// keeps its first piece (the model holds one piece per designation).
fn pieces<'a>(text: &'a Regulamin, rows: &mut Vec<Row>) -> Vec<(Designation, &'a Piece)> {
    fn walk<'a>(
        at: Designation,
        piece: &'a Piece,
        seen: &mut BTreeSet<Designation>,
        rows: &mut Vec<Row>,
        out: &mut Vec<(Designation, &'a Piece)>,
    ) {
        if !seen.insert(at.clone()) {
            rows.push(Row::new(Note::DuplicateDesignation).at(&at));
            return;
        }
        out.push((at.clone(), piece));
        for child in &piece.children {
            if let Ok(d) = at.child(child.level, &child.label) {
                walk(d, child, seen, rows, out);
            }
        }
    }
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for paragraph in &text.paragraphs {
        if let Ok(d) = Designation::paragraph(&paragraph.label) {
            walk(d, paragraph, &mut seen, rows, &mut out);
        }
    }
    out
}

/// The subject of a task paragraph ("Referat ds. …" of "Referat ds. …
/// realizuje …"): a § or ust. with wording and only points below it.
fn task_subject(d: &Designation, piece: &Piece) -> Option<String> {
    if !matches!(d.level(), Level::Par | Level::Ust) || piece.state != PieceState::Text {
        return None;
    }
    if piece.children.iter().any(|c| c.level != Level::Pkt) {
        return None;
    }
    let at = piece.text.find(TASKS_VERB)?;
    let rest = &piece.text[at + TASKS_VERB.len()..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let subject = piece.text[..at].trim();
    kind_of(name_and_symbol(subject).0).map(|_| subject.to_owned())
}

/// The task list of a task paragraph: its intro with the ":" (or ".") the
/// model stores, the shared tasks it refers to, its points and letters.
fn task_list(piece: &Piece) -> TaskList {
    let ending = if piece.children.is_empty() { "." } else { ":" };
    let shared_ref = piece.text.find(SHARED_OPEN).and_then(|at| {
        let rest = &piece.text[at + SHARED_OPEN.len()..];
        rest.find(SHARED_CLOSE).map(|end| rest[..end].trim().to_owned())
    });
    TaskList {
        intro: format!("{}{ending}", piece.text),
        intro_unknown: false,
        shared_ref,
        points: points(&piece.children),
    }
}

fn points(pieces: &[Piece]) -> Vec<TaskPoint> {
    pieces
        .iter()
        .map(|p| {
            let point = match p.state {
                PieceState::Text => TaskPoint::new(p.label.clone(), p.text.clone()),
                PieceState::Unknown => TaskPoint::unknown(p.label.clone()),
                PieceState::Repealed => TaskPoint::repealed(p.label.clone()),
            };
            point.with_sub(points(&p.children))
        })
        .collect()
}

/// The units a listing names: "A (X)", "A (X), w skład którego wchodzi",
/// "A (X), nadzorujący bezpośrednio B (Y), w skład którego wchodzi"; each
/// with a name that says its kind; and whether it opens a composition.
fn listing_parts(text: &str) -> Option<(Vec<(&str, &str)>, bool)> {
    let opened = [COMPOSITION, SUPERVISION, ", w skład której wchodzi", ", nadzorująca bezpośrednio"]
        .iter()
        .find_map(|suffix| text.strip_suffix(suffix));
    let text = opened.unwrap_or(text);
    let parts: Vec<(&str, &str)> =
        text.split(&format!("{SUPERVISION} ")).map(|part| name_and_symbol(part.trim())).collect();
    let valid = parts
        .iter()
        .all(|(name, _)| !name.contains([',', ';', ':']) && !name.contains(TASKS_VERB) && kind_of(name).is_some());
    valid.then_some((parts, opened.is_some()))
}

/// "referat ds. serwisu (IT-SS)" → ("referat ds. serwisu", "IT-SS"); a name
/// without a symbol in brackets → (name, "").
fn name_and_symbol(text: &str) -> (&str, &str) {
    let split = text.strip_suffix(')').and_then(|t| {
        let open = t.rfind('(')?;
        let symbol = &t[open + 1..];
        let valid = symbol.chars().next().is_some_and(|c| c.is_uppercase())
            && symbol.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-');
        valid.then(|| (t[..open].trim_end(), symbol))
    });
    split.unwrap_or((text, ""))
}

/// The nominative of a unit name given in the genitive ("Departamentu
/// Organizacji i Administracji" → "Departament Organizacji i
/// Administracji"), checked against [`genitive_of_unit_name`]; a name it
/// does not know stays as it is.
fn nominative(genitive: &str) -> String {
    let (first, rest) = genitive.split_once(' ').unwrap_or((genitive, ""));
    let candidates = [first.strip_suffix('u').map(str::to_owned), first.strip_suffix('a').map(|s| format!("{s}o"))];
    candidates
        .into_iter()
        .flatten()
        .map(|word| if rest.is_empty() { word } else { format!("{word} {rest}") })
        .find(|name| genitive_of_unit_name(name) == genitive)
        .unwrap_or_else(|| genitive.to_owned())
}

/// The root's id: the initials of the department's capitalised words ("doa").
fn root_id(department: &str) -> UnitId {
    let initials: String = department
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .flat_map(char::to_lowercase)
        .collect();
    UnitId(if initials.is_empty() { ROOT_ID.to_owned() } else { initials })
}

/// An id from a symbol or designation: "IT-SS-IV" → "it-ss-iv", "§ 3 ust. 1" → "3-ust-1".
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listings_name_their_units() {
        assert_eq!(
            listing_parts("referat ds. serwisu (IT-SS), w skład którego wchodzi"),
            Some((vec![("referat ds. serwisu", "IT-SS")], true))
        );
        assert_eq!(
            listing_parts(
                "Zastępca Dyrektora ds. wsparcia (IT-ZIII), nadzorujący bezpośrednio referat ds. serwisu (IT-SS), w skład którego wchodzi"
            ),
            Some((vec![("Zastępca Dyrektora ds. wsparcia", "IT-ZIII"), ("referat ds. serwisu", "IT-SS")], true))
        );
        assert_eq!(listing_parts("koordynacji współpracy z Biurem (BBI)"), None);
        assert_eq!(listing_parts("kierownik referatu (IT-TB)"), Some((vec![("kierownik referatu", "IT-TB")], false)));
        assert_eq!(kind_of("Wieloosobowe stanowisko pracy ds. X"), Some(UnitKind::WieloosoboweStanowiskoPracy));
        assert_eq!(kind_of("Referaty"), None);
    }

    #[test]
    fn a_structure_paragraph_names_its_division_and_a_deputy_supervises_its_points() {
        use crate::import::source::{SourceKind, read_text};
        let text = "Regulamin Organizacyjny Biura Obsługi\n\
            § 3\nW skład Wydziału Informatyki (IT) wchodzą:\n\
            1. Zastępca Dyrektora (IT-ZI), nadzorujący bezpośrednio:\n\
            1) referat ds. sieci (IT-SI), w skład którego wchodzi:\n\
            a) kierownik referatu (IT-SI),\n\
            b) stanowisko pracy ds. sieci (IT-SI-I);\n\
            2) stanowisko pracy ds. kancelarii (IT-I).\n\
            § 4\n1. Referat ds. sieci realizuje w szczególności zadania z zakresu:\n1) sieci.\n\
            2. Kierownik referatu (IT-SI) realizuje zadania z zakresu:\n1) nadzoru.\n";
        let paragraphs = read_text(text, SourceKind::Text);
        let parsed = crate::import::parse::parse(&paragraphs);
        let Imported { doc, report } = recognise(&parsed.text, parsed.meta.clone());
        let summary: Vec<(UnitKind, &str, &str, Option<&str>)> = doc
            .units
            .iter()
            .map(|u| {
                let parent = u.parent.as_ref().and_then(|p| doc.unit(p)).map(|p| p.symbol.as_str());
                (u.kind, u.name.as_str(), u.symbol.as_str(), parent)
            })
            .collect();
        assert_eq!(
            summary,
            [
                (UnitKind::Departament, "Biuro Obsługi", "", None),
                (UnitKind::Wydzial, "Wydział Informatyki", "IT", Some("")),
                (UnitKind::ZastepcaDyrektora, "Zastępca Dyrektora", "IT-ZI", Some("IT")),
                (UnitKind::Referat, "referat ds. sieci", "IT-SI", Some("IT-ZI")),
                (UnitKind::KierownikReferatu, "kierownik referatu", "IT-SI", Some("IT-SI")),
                (UnitKind::StanowiskoPracy, "stanowisko pracy ds. sieci", "IT-SI-I", Some("IT-SI")),
                (UnitKind::SamodzielneStanowisko, "stanowisko pracy ds. kancelarii", "IT-I", Some("IT-ZI")),
            ]
        );
        let k = &doc.units[4];
        assert_eq!(k.tasks_at.as_ref().map(ToString::to_string).as_deref(), Some("§ 4 ust. 2"));
        assert!(report.rows.iter().any(|r| r.unit.as_ref() == Some(&k.id) && r.note == Note::Tasks(Match::Symbol)));
        assert!(derive(&doc).same_wording(&parsed.text), "the text survives");
        assert!(!report.is_ambiguous());
    }

    #[test]
    fn names_go_back_to_the_nominative() {
        assert_eq!(nominative("Departamentu Organizacji i Administracji"), "Departament Organizacji i Administracji");
        assert_eq!(nominative("Biura Obsługi Mieszkańców"), "Biuro Obsługi Mieszkańców");
        assert_eq!(nominative("Wydziału Informatyki"), "Wydział Informatyki");
        assert_eq!(nominative("Urzędu"), "Urzędu");
        assert_eq!(root_id("Departament Organizacji i Administracji"), UnitId::new("doa"));
        assert_eq!(slug("§ 3 ust. 1 pkt 2"), "3-ust-1-pkt-2");
    }
}
