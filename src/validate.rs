//! Validation of a document: a list of findings, each with a stable code, a
//! severity and the unit concerned. Findings are data (the GUI lists them and
//! selects the unit); the CLI prints them as text.
//!
//! Codes (stable; scripts and the GUI may match on them):
//!
//! | code | severity | meaning |
//! |---|---|---|
//! | `duplicate-id` | error | two units share an id |
//! | `missing-parent` | error | a unit names a parent that does not exist |
//! | `two-roots` | error | more than one unit has no parent |
//! | `hierarchy-cycle` | error | a unit is its own ancestor |
//! | `under-position` | error | a position (stanowisko, kierownik) has sub-units |
//! | `empty-name` | error | a unit has no name |
//! | `missing-symbol` | warning | a unit other than the root or a dyrektor has no symbol |
//! | `duplicate-symbol` | error | two units share a symbol (a kierownik referatu carrying its referat's symbol, or a dyrektor carrying the division's, is the convention, not a duplicate) |
//! | `symbol-convention` | warning | a symbol does not extend its parent's by the Lublin convention |
//! | `referat-without-kierownik` | warning | a referat has no kierownik referatu |
//! | `kierownik-outside-referat` | warning | a kierownik referatu is not directly in a referat |
//! | `dangling-relation` | error | a relation names a unit that does not exist |
//! | `self-relation` | error | a relation joins a unit to itself |
//! | `duplicate-relation` | warning | the same relation is listed twice |
//! | `relation-cycle` | error | supervision (hierarchy plus "nadzoruje bezpośrednio") runs in a circle |
//! | `duplicate-designation` | error | two units have their tasks, or their listing, at the same designation |
//! | `retired-designation` | error | a unit uses a designation inside a repealed one |
//! | `empty-tasks` | warning | a unit has a designation for its tasks but no tasks |
//! | `missing-tasks` | info | a unit that the Regulamin gives tasks has neither tasks nor their designation |
//! | `invalid-staffing` | error | staffing (etaty) is zero, negative or not a number |
//! | `multi-person-understaffed` | warning | a wieloosobowe stanowisko pracy has staffing ≤ 1 |
//! | `single-person-overstaffed` | warning | a (single) stanowisko pracy has staffing > 1 |
//!
//! Findings are sorted by the unit's position in the document (findings about
//! the whole document first), then severity, code and message.
//!
//! The Lublin symbol convention, as the Regulamin of the Departament
//! Organizacji i Administracji shows it: a division has a letter code (`IT`,
//! `OM`); a referat or zespół extends its division's symbol by a letter code
//! (`IT-SS`); a position extends the symbol of the organizational unit it is in
//! by a Roman numeral (`IT-SS-I` … `IT-SS-IV`; a position directly in the
//! division: `IT-I`); a kierownik referatu carries the referat's symbol
//! (`IT-SS`); a Zastępca Dyrektora is `Z` plus a Roman numeral after the
//! division's symbol (`IT-ZI`, `IT-ZII`, `IT-ZIII`); a dyrektor carries the
//! division's symbol or adds `-D`. Directors and deputies are people, not
//! organizational units: a referat they supervise still extends the division's
//! symbol (IT-SS under IT-ZIII).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use crate::i18n::{Lang, validation as text};
use crate::model::{Designation, Document, OrgGraph, Unit, UnitId, UnitKind};

/// How serious a finding is. `Error` and `Warning` make `schemat validate`
/// exit with 1; `Info` does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The severity's name in the user's language.
    pub fn label(self, lang: Lang) -> &'static str {
        let names = text::severity(lang);
        match self {
            Severity::Error => names.error,
            Severity::Warning => names.warning,
            Severity::Info => names.info,
        }
    }
}

/// The kind of a finding; [`Code::as_str`] is its stable string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    DuplicateId,
    MissingParent,
    TwoRoots,
    HierarchyCycle,
    UnderPosition,
    EmptyName,
    MissingSymbol,
    DuplicateSymbol,
    SymbolConvention,
    ReferatWithoutKierownik,
    KierownikOutsideReferat,
    DanglingRelation,
    SelfRelation,
    DuplicateRelation,
    RelationCycle,
    DuplicateDesignation,
    RetiredDesignation,
    EmptyTasks,
    MissingTasks,
    InvalidStaffing,
    MultiPersonUnderstaffed,
    SinglePersonOverstaffed,
}

impl Code {
    pub const ALL: [Code; 22] = [
        Code::DuplicateId,
        Code::MissingParent,
        Code::TwoRoots,
        Code::HierarchyCycle,
        Code::UnderPosition,
        Code::EmptyName,
        Code::MissingSymbol,
        Code::DuplicateSymbol,
        Code::SymbolConvention,
        Code::ReferatWithoutKierownik,
        Code::KierownikOutsideReferat,
        Code::DanglingRelation,
        Code::SelfRelation,
        Code::DuplicateRelation,
        Code::RelationCycle,
        Code::DuplicateDesignation,
        Code::RetiredDesignation,
        Code::EmptyTasks,
        Code::MissingTasks,
        Code::InvalidStaffing,
        Code::MultiPersonUnderstaffed,
        Code::SinglePersonOverstaffed,
    ];

    /// The stable code, e.g. `"duplicate-symbol"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::DuplicateId => "duplicate-id",
            Code::MissingParent => "missing-parent",
            Code::TwoRoots => "two-roots",
            Code::HierarchyCycle => "hierarchy-cycle",
            Code::UnderPosition => "under-position",
            Code::EmptyName => "empty-name",
            Code::MissingSymbol => "missing-symbol",
            Code::DuplicateSymbol => "duplicate-symbol",
            Code::SymbolConvention => "symbol-convention",
            Code::ReferatWithoutKierownik => "referat-without-kierownik",
            Code::KierownikOutsideReferat => "kierownik-outside-referat",
            Code::DanglingRelation => "dangling-relation",
            Code::SelfRelation => "self-relation",
            Code::DuplicateRelation => "duplicate-relation",
            Code::RelationCycle => "relation-cycle",
            Code::DuplicateDesignation => "duplicate-designation",
            Code::RetiredDesignation => "retired-designation",
            Code::EmptyTasks => "empty-tasks",
            Code::MissingTasks => "missing-tasks",
            Code::InvalidStaffing => "invalid-staffing",
            Code::MultiPersonUnderstaffed => "multi-person-understaffed",
            Code::SinglePersonOverstaffed => "single-person-overstaffed",
        }
    }

    /// The severity every finding of this code has.
    pub fn severity(self) -> Severity {
        match self {
            Code::MissingSymbol
            | Code::SymbolConvention
            | Code::ReferatWithoutKierownik
            | Code::KierownikOutsideReferat
            | Code::DuplicateRelation
            | Code::EmptyTasks
            | Code::MultiPersonUnderstaffed
            | Code::SinglePersonOverstaffed => Severity::Warning,
            Code::MissingTasks => Severity::Info,
            _ => Severity::Error,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    /// The unit concerned; `None` for the document as a whole.
    pub unit: Option<UnitId>,
    message_pl: String,
    message_en: String,
}

impl Finding {
    fn new(code: Code, unit: Option<&UnitId>, message: impl Fn(Lang) -> String) -> Self {
        Self {
            code,
            severity: code.severity(),
            unit: unit.cloned(),
            message_pl: message(Lang::Pl),
            message_en: message(Lang::En),
        }
    }

    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.message_pl, &self.message_en)
    }
}

/// True when `findings` hold anything of severity error or warning.
pub fn has_problems(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity <= Severity::Warning)
}

/// All findings of a document, sorted (see the module documentation).
pub fn validate(doc: &Document) -> Vec<Finding> {
    let mut findings = Vec::new();
    check_structure(doc, &mut findings);
    check_names_and_kinds(doc, &mut findings);
    check_symbols(doc, &mut findings);
    check_relations(doc, &mut findings);
    check_designations(doc, &mut findings);
    check_staffing(doc, &mut findings);
    let position: HashMap<&UnitId, usize> = doc.units.iter().enumerate().map(|(i, u)| (&u.id, i)).collect();
    findings.sort_by(|a, b| {
        let key = |f: &Finding| f.unit.as_ref().map(|id| position.get(id).copied().unwrap_or(usize::MAX));
        key(a)
            .cmp(&key(b))
            .then(a.severity.cmp(&b.severity))
            .then(a.code.cmp(&b.code))
            .then_with(|| a.message_en.cmp(&b.message_en))
    });
    findings
}

/// The hierarchy itself: ids, parents, one root, no cycle, no units under positions.
/// Files with these problems do not load; documents built in memory may have them.
fn check_structure(doc: &Document, out: &mut Vec<Finding>) {
    let mut seen: HashSet<&UnitId> = HashSet::new();
    for unit in &doc.units {
        if !seen.insert(&unit.id) {
            out.push(Finding::new(Code::DuplicateId, Some(&unit.id), |l| text::duplicate_id(l, unit.id.as_str())));
        }
    }
    let mut roots = 0;
    for unit in &doc.units {
        match &unit.parent {
            None => {
                roots += 1;
                if roots > 1 {
                    out.push(Finding::new(Code::TwoRoots, Some(&unit.id), text::two_roots));
                }
            }
            Some(parent) => match doc.unit(parent) {
                None => out.push(Finding::new(Code::MissingParent, Some(&unit.id), |l| {
                    text::missing_parent(l, parent.as_str())
                })),
                Some(p) if p.kind.is_position() => {
                    out.push(Finding::new(Code::UnderPosition, Some(&unit.id), |l| text::under_position(l, &p.label())))
                }
                Some(_) => {}
            },
        }
    }
    for unit in &doc.units {
        if unit.parent.as_ref().is_some_and(|p| doc.is_ancestor_or_self(&unit.id, p)) {
            out.push(Finding::new(Code::HierarchyCycle, Some(&unit.id), text::hierarchy_cycle));
        }
    }
}

/// Names, and where a kierownik referatu sits and whether a referat has one.
fn check_names_and_kinds(doc: &Document, out: &mut Vec<Finding>) {
    for unit in &doc.units {
        if unit.name.trim().is_empty() {
            out.push(Finding::new(Code::EmptyName, Some(&unit.id), text::empty_name));
        }
        match unit.kind {
            UnitKind::Referat if !doc.children(Some(&unit.id)).any(|c| c.kind == UnitKind::KierownikReferatu) => {
                out.push(Finding::new(Code::ReferatWithoutKierownik, Some(&unit.id), text::referat_without_kierownik));
            }
            UnitKind::KierownikReferatu
                if unit.parent.as_ref().and_then(|p| doc.unit(p)).is_none_or(|p| p.kind != UnitKind::Referat) =>
            {
                out.push(Finding::new(Code::KierownikOutsideReferat, Some(&unit.id), text::kierownik_outside_referat));
            }
            _ => {}
        }
        if needs_tasks(unit.kind) && unit.tasks.is_empty() && unit.tasks_at.is_none() {
            out.push(Finding::new(Code::MissingTasks, Some(&unit.id), text::missing_tasks));
        }
    }
}

/// Units the Regulamin gives a task list: everything but the department and its divisions.
fn needs_tasks(kind: UnitKind) -> bool {
    !kind.is_division()
}

/// Organizational units own a symbol prefix; directors, deputies and positions are people.
fn is_organizational(kind: UnitKind) -> bool {
    matches!(kind, UnitKind::Departament | UnitKind::Wydzial | UnitKind::Biuro | UnitKind::Referat | UnitKind::Zespol)
}

/// The nearest organizational unit above `unit` (its symbol is the prefix `unit` extends).
fn organizational_ancestor<'a>(doc: &'a Document, unit: &Unit) -> Option<&'a Unit> {
    doc.ancestors(&unit.id).into_iter().find(|u| is_organizational(u.kind))
}

/// The symbol prefix for a new unit of `kind` placed under `parent`.
fn base_for_child<'a>(doc: &'a Document, parent: &'a Unit) -> Option<&'a Unit> {
    if is_organizational(parent.kind) { Some(parent) } else { organizational_ancestor(doc, parent) }
}

/// The value of a Roman numeral in canonical form (I … MMMCMXCIX), or `None`.
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let values: Vec<u32> = s.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        match values.get(i + 1) {
            Some(next) if next > v => total -= *v as i64,
            _ => total += *v as i64,
        }
    }
    let total = u32::try_from(total).ok().filter(|t| (1..4000).contains(t))?;
    (to_roman(total) == s).then_some(total)
}

/// `n` as a canonical Roman numeral (1 ≤ n < 4000; other values give "").
pub fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    if n >= 4000 {
        return out;
    }
    for (value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

/// A letter code such as `IT`, `SS`, `OM`: one to six uppercase letters (Polish included).
fn is_letter_code(s: &str) -> bool {
    (1..=6).contains(&s.chars().count()) && s.chars().all(|c| c.is_uppercase() && c.is_alphabetic())
}

/// What a symbol must look like; `None` when the convention cannot judge it.
enum Expected {
    /// Exactly this symbol (a kierownik carries the referat's).
    Exactly(String),
    /// `prefix` + Roman numeral.
    Roman(String),
    /// `prefix` + letter code (a referat, a zespół or a nested division).
    Code(String),
    /// A letter code on its own or `prefix` + letter code (a division).
    Division(String),
    /// The division's symbol itself or with `-D` (a dyrektor).
    Director(String),
}

impl Expected {
    fn accepts(&self, symbol: &str) -> bool {
        match self {
            Expected::Exactly(s) => symbol == s,
            Expected::Roman(prefix) => symbol.strip_prefix(prefix.as_str()).is_some_and(|r| roman_value(r).is_some()),
            Expected::Code(prefix) => symbol.strip_prefix(prefix.as_str()).is_some_and(is_letter_code),
            Expected::Division(prefix) => {
                is_letter_code(symbol) || symbol.strip_prefix(prefix.as_str()).is_some_and(is_letter_code)
            }
            Expected::Director(base) => symbol == base || symbol.strip_prefix(base.as_str()) == Some("-D"),
        }
    }

    fn describe(&self, lang: Lang) -> String {
        let roman = text::roman_placeholder(lang);
        let code = text::code_placeholder(lang);
        match self {
            Expected::Exactly(s) => s.clone(),
            Expected::Roman(prefix) => format!("{prefix}{roman}"),
            Expected::Code(prefix) => format!("{prefix}{code}"),
            Expected::Division(prefix) => format!("{code} / {prefix}{code}"),
            Expected::Director(base) => format!("{base} / {base}-D"),
        }
    }
}

/// The form the symbol of a `kind` unit under `base` (its organizational
/// ancestor's symbol) must take.
fn expected_symbol(kind: UnitKind, base: &str) -> Option<Expected> {
    if base.is_empty() {
        return None;
    }
    Some(match kind {
        UnitKind::Departament => return None,
        UnitKind::Wydzial | UnitKind::Biuro => Expected::Division(format!("{base}-")),
        UnitKind::Referat | UnitKind::Zespol => Expected::Code(format!("{base}-")),
        UnitKind::Dyrektor => Expected::Director(base.to_owned()),
        UnitKind::ZastepcaDyrektora => Expected::Roman(format!("{base}-Z")),
        UnitKind::KierownikReferatu => Expected::Exactly(base.to_owned()),
        UnitKind::StanowiskoPracy | UnitKind::WieloosoboweStanowiskoPracy | UnitKind::SamodzielneStanowisko => {
            Expected::Roman(format!("{base}-"))
        }
    })
}

/// The organizational unit whose symbol `unit` carries by convention (a
/// kierownik its referat's, a dyrektor its division's), if it does.
fn carries_symbol_of<'a>(doc: &'a Document, unit: &Unit) -> Option<&'a Unit> {
    if !matches!(unit.kind, UnitKind::KierownikReferatu | UnitKind::Dyrektor) {
        return None;
    }
    organizational_ancestor(doc, unit).filter(|owner| owner.symbol == unit.symbol)
}

fn check_symbols(doc: &Document, out: &mut Vec<Finding>) {
    // Duplicates: the first owner of a symbol keeps it; one carrier per kind may share it.
    let mut owners: HashMap<&str, &Unit> = HashMap::new();
    let mut carriers: HashSet<(&str, UnitKind, &UnitId)> = HashSet::new();
    for unit in doc.units.iter().filter(|u| !u.symbol.is_empty()) {
        if let Some(owner) = carries_symbol_of(doc, unit)
            && carriers.insert((unit.symbol.as_str(), unit.kind, &owner.id))
        {
            continue;
        }
        match owners.get(unit.symbol.as_str()) {
            Some(first) => out.push(Finding::new(Code::DuplicateSymbol, Some(&unit.id), |l| {
                text::duplicate_symbol(l, &unit.symbol, &first.label())
            })),
            None => {
                owners.insert(&unit.symbol, unit);
            }
        }
    }
    for unit in &doc.units {
        if unit.parent.is_none() {
            continue;
        }
        let base = organizational_ancestor(doc, unit).map_or("", |u| u.symbol.as_str());
        if unit.symbol.trim().is_empty() {
            if unit.kind != UnitKind::Dyrektor {
                let suggestion = unit.parent.as_ref().and_then(|p| suggest_symbol(doc, p, unit.kind));
                out.push(Finding::new(Code::MissingSymbol, Some(&unit.id), |l| {
                    text::missing_symbol(l, suggestion.as_deref())
                }));
            }
            continue;
        }
        if let Some(expected) = expected_symbol(unit.kind, base)
            && !expected.accepts(&unit.symbol)
        {
            out.push(Finding::new(Code::SymbolConvention, Some(&unit.id), |l| {
                text::symbol_convention(l, &unit.symbol, &expected.describe(l))
            }));
        }
    }
}

/// The next symbol for a new unit of `kind` under `parent` by the Lublin
/// convention: the next free Roman numeral for positions (`IT-SS-V` after
/// `IT-SS-IV`) and deputies (`IT-ZIV` after `IT-ZIII`), the referat's symbol
/// for its kierownik, the division's for a dyrektor. `None` when the convention
/// leaves it to the user (the letter code of a referat or a division) or the
/// parent has no symbol to extend.
pub fn suggest_symbol(doc: &Document, parent: &UnitId, kind: UnitKind) -> Option<String> {
    let parent = doc.unit(parent)?;
    let base = base_for_child(doc, parent)?;
    if base.symbol.is_empty() {
        return None;
    }
    let next_roman = |prefix: String| {
        let highest = doc.units.iter().filter_map(|u| u.symbol.strip_prefix(prefix.as_str())).filter_map(roman_value);
        format!("{prefix}{}", to_roman(highest.max().unwrap_or(0) + 1))
    };
    match kind {
        UnitKind::KierownikReferatu | UnitKind::Dyrektor => Some(base.symbol.clone()),
        UnitKind::ZastepcaDyrektora => Some(next_roman(format!("{}-Z", base.symbol))),
        UnitKind::StanowiskoPracy | UnitKind::WieloosoboweStanowiskoPracy | UnitKind::SamodzielneStanowisko => {
            Some(next_roman(format!("{}-", base.symbol)))
        }
        UnitKind::Departament | UnitKind::Wydzial | UnitKind::Biuro | UnitKind::Referat | UnitKind::Zespol => None,
    }
}

/// Relations: ends exist, no self-loops or duplicates, no supervision cycle.
fn check_relations(doc: &Document, out: &mut Vec<Finding>) {
    let mut seen = HashSet::new();
    for relation in &doc.relations {
        let anchor = if doc.unit(&relation.from).is_some() { Some(&relation.from) } else { None };
        let mut dangling = false;
        for end in [&relation.from, &relation.to] {
            if doc.unit(end).is_none() {
                dangling = true;
                out.push(Finding::new(Code::DanglingRelation, anchor, |l| text::dangling_relation(l, end.as_str())));
            }
        }
        if relation.from == relation.to {
            out.push(Finding::new(Code::SelfRelation, anchor, text::self_relation));
        } else if !seen.insert(relation) && !dangling {
            let to = doc.unit(&relation.to).map_or_else(|| relation.to.to_string(), Unit::label);
            out.push(Finding::new(Code::DuplicateRelation, anchor, |l| text::duplicate_relation(l, &to)));
        }
    }
    let graph = OrgGraph::build(doc);
    for cycle in graph.supervision_cycles() {
        let members: Vec<String> = cycle.iter().map(|&i| unit_reference(&doc.units[i])).collect();
        let members = members.join(", ");
        out.push(Finding::new(Code::RelationCycle, Some(&doc.units[cycle[0]].id), |l| {
            text::relation_cycle(l, &members)
        }));
    }
}

/// How a unit is named in a message: its symbol, or its id when it has none.
fn unit_reference(unit: &Unit) -> String {
    if unit.symbol.is_empty() { unit.id.to_string() } else { unit.symbol.clone() }
}

/// Designations: task places are unique, listings are unique (except that a
/// supervisor's ustęp lists the referat it supervises), nothing reuses a
/// repealed designation.
fn check_designations(doc: &Document, out: &mut Vec<Finding>) {
    let mut tasks_at: BTreeMap<&Designation, &Unit> = BTreeMap::new();
    let mut listed_at: BTreeMap<&Designation, &Unit> = BTreeMap::new();
    for unit in &doc.units {
        if let Some(d) = &unit.tasks_at {
            match tasks_at.get(d) {
                Some(first) => push_duplicate_designation(out, unit, d, first),
                None => {
                    tasks_at.insert(d, unit);
                }
            }
            if unit.tasks.points.is_empty() && unit.tasks.shared_ref.is_none() {
                out.push(Finding::new(Code::EmptyTasks, Some(&unit.id), |l| text::empty_tasks(l, &d.to_string())));
            }
        }
        if let Some(d) = &unit.listed_at {
            match listed_at.get(d) {
                Some(first) if !is_supervisor(first.kind) && !is_supervisor(unit.kind) => {
                    push_duplicate_designation(out, unit, d, first)
                }
                Some(_) => {}
                None => {
                    listed_at.insert(d, unit);
                }
            }
        }
        for d in unit.listed_at.iter().chain(&unit.tasks_at) {
            if let Some(retired) = doc.retired.iter().find(|r| d.is_within(r)) {
                out.push(Finding::new(Code::RetiredDesignation, Some(&unit.id), |l| {
                    text::retired_designation(l, &d.to_string(), &retired.to_string())
                }));
            }
        }
    }
}

/// Directors and deputies: the ustęp that lists them also lists what they supervise.
fn is_supervisor(kind: UnitKind) -> bool {
    matches!(kind, UnitKind::Dyrektor | UnitKind::ZastepcaDyrektora)
}

fn push_duplicate_designation(out: &mut Vec<Finding>, unit: &Unit, d: &Designation, first: &Unit) {
    out.push(Finding::new(Code::DuplicateDesignation, Some(&unit.id), |l| {
        text::duplicate_designation(l, &d.to_string(), &first.label())
    }));
}

/// Staffing (etaty) against the kind: positive, more than 1 for a multi-person
/// position, at most 1 for a single one.
fn check_staffing(doc: &Document, out: &mut Vec<Finding>) {
    for unit in &doc.units {
        let Some(staffing) = unit.staffing else { continue };
        if !(staffing.is_finite() && staffing > 0.0) {
            out.push(Finding::new(Code::InvalidStaffing, Some(&unit.id), |l| text::invalid_staffing(l, staffing)));
        } else if unit.kind.is_multi_person() && staffing <= 1.0 {
            out.push(Finding::new(Code::MultiPersonUnderstaffed, Some(&unit.id), |l| {
                text::multi_person_understaffed(l, staffing)
            }));
        } else if unit.kind == UnitKind::StanowiskoPracy && staffing > 1.0 {
            out.push(Finding::new(Code::SinglePersonOverstaffed, Some(&unit.id), |l| {
                text::single_person_overstaffed(l, staffing)
            }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Relation, RelationKind, TaskList, TaskPoint};

    fn id(s: &str) -> UnitId {
        UnitId::new(s)
    }

    fn unit(i: &str, parent: Option<&str>, kind: UnitKind, symbol: &str) -> Unit {
        let mut u = Unit::new(id(i), parent.map(id), kind, format!("jednostka {i}"), symbol);
        if needs_tasks(kind) {
            u.tasks = TaskList { points: vec![TaskPoint::new("zadanie")], ..TaskList::default() };
        }
        u
    }

    /// A clean fragment of the IT division after Z58: no findings.
    fn it_division() -> Document {
        use UnitKind::*;
        Document {
            units: vec![
                unit("doa", None, Departament, "DOA"),
                unit("it", Some("doa"), Wydzial, "IT"),
                unit("it-d", Some("it"), Dyrektor, "IT"),
                unit("it-ziii", Some("it-d"), ZastepcaDyrektora, "IT-ZIII"),
                unit("it-ss", Some("it-ziii"), Referat, "IT-SS"),
                unit("it-ss-k", Some("it-ss"), KierownikReferatu, "IT-SS"),
                unit("it-ss-1", Some("it-ss"), WieloosoboweStanowiskoPracy, "IT-SS-I"),
                unit("it-ss-4", Some("it-ss"), WieloosoboweStanowiskoPracy, "IT-SS-IV"),
                unit("it-tb", Some("it-d"), Referat, "IT-TB"),
                unit("it-tb-k", Some("it-tb"), KierownikReferatu, "IT-TB"),
                unit("it-tb-1", Some("it-tb"), StanowiskoPracy, "IT-TB-I"),
                unit("om", Some("doa"), Biuro, "OM"),
                unit("om-1", Some("om"), SamodzielneStanowisko, "OM-I"),
            ],
            relations: vec![Relation {
                kind: RelationKind::NadzorujeBezposrednio,
                from: id("it-ziii"),
                to: id("it-tb"),
            }],
            retired: vec!["§ 22".parse().unwrap()],
            ..Document::default()
        }
    }

    fn unit_mut<'a>(doc: &'a mut Document, i: &str) -> &'a mut Unit {
        doc.units.iter_mut().find(|u| u.id.as_str() == i).unwrap()
    }

    fn codes(doc: &Document) -> Vec<(Code, Option<String>)> {
        validate(doc).into_iter().map(|f| (f.code, f.unit.map(|u| u.0))).collect()
    }

    fn only(doc: &Document, code: Code, unit: Option<&str>) {
        assert_eq!(codes(doc), vec![(code, unit.map(str::to_owned))]);
    }

    #[test]
    fn the_reference_structure_has_no_findings() {
        assert_eq!(codes(&it_division()), vec![]);
    }

    #[test]
    fn codes_are_unique_and_kebab_case() {
        let strings: HashSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(strings.len(), Code::ALL.len());
        assert!(strings.iter().all(|s| s.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
    }

    #[test]
    fn duplicate_id() {
        let mut doc = it_division();
        doc.units[12].id = id("om");
        assert!(codes(&doc).contains(&(Code::DuplicateId, Some("om".into()))));
    }

    #[test]
    fn missing_parent_two_roots_and_cycle() {
        let mut doc = it_division();
        unit_mut(&mut doc, "om-1").parent = Some(id("nowhere"));
        only(&doc, Code::MissingParent, Some("om-1"));

        let mut doc = it_division();
        unit_mut(&mut doc, "om").parent = None;
        only(&doc, Code::TwoRoots, Some("om"));

        let mut doc = it_division();
        unit_mut(&mut doc, "it").parent = Some(id("it-ss"));
        let found = codes(&doc);
        assert!(found.contains(&(Code::HierarchyCycle, Some("it".into()))), "{found:?}");
        assert!(found.contains(&(Code::HierarchyCycle, Some("it-ss".into()))), "{found:?}");
    }

    #[test]
    fn under_position() {
        let mut doc = it_division();
        unit_mut(&mut doc, "om-1").kind = UnitKind::StanowiskoPracy;
        doc.units.push(unit("x", Some("om-1"), UnitKind::StanowiskoPracy, "OM-II"));
        only(&doc, Code::UnderPosition, Some("x"));
    }

    #[test]
    fn empty_name() {
        let mut doc = it_division();
        unit_mut(&mut doc, "it-tb-1").name = "  ".into();
        only(&doc, Code::EmptyName, Some("it-tb-1"));
    }

    #[test]
    fn missing_symbol_suggests_one() {
        let mut doc = it_division();
        unit_mut(&mut doc, "it-ss-4").symbol.clear();
        let findings = validate(&doc);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].code, Code::MissingSymbol);
        assert!(findings[0].message(Lang::En).contains("IT-SS-II"), "{}", findings[0].message(Lang::En));
        // A dyrektor may have none.
        let mut doc = it_division();
        unit_mut(&mut doc, "it-d").symbol.clear();
        assert_eq!(codes(&doc), vec![]);
    }

    #[test]
    fn duplicate_symbol_but_not_for_the_kierownik() {
        let mut doc = it_division();
        unit_mut(&mut doc, "it-ss-4").symbol = "IT-SS-I".into();
        only(&doc, Code::DuplicateSymbol, Some("it-ss-4"));
        // Two kierownicy in one referat: the second is a duplicate.
        let mut doc = it_division();
        doc.units.insert(6, unit("it-ss-k2", Some("it-ss"), UnitKind::KierownikReferatu, "IT-SS"));
        only(&doc, Code::DuplicateSymbol, Some("it-ss-k2"));
        // A stanowisko carrying the referat's symbol is a duplicate too.
        let mut doc = it_division();
        unit_mut(&mut doc, "it-ss-4").symbol = "IT-SS".into();
        let found = codes(&doc);
        assert!(found.contains(&(Code::DuplicateSymbol, Some("it-ss-4".into()))), "{found:?}");
    }

    #[test]
    fn symbol_convention() {
        for (unit_id, symbol) in [
            ("it-ss-1", "IT-SS-1"),    // Arabic numeral
            ("it-ss-1", "IT-TB-V"),    // another referat's prefix
            ("it-ss-1", "IT-SS-IIII"), // not a canonical numeral
            ("it-ss", "IT-SS-I"),      // a referat takes letters
            ("it-ss", "OM-SS"),        // wrong division
            ("it-ss-k", "IT-SS-I"),    // a kierownik carries the referat's symbol
            ("it-ziii", "IT-Z3"),      // deputies: Z + Roman numeral
            ("it-ziii", "IT-SS"),
            ("it-d", "IT-X"),
        ] {
            let mut doc = it_division();
            unit_mut(&mut doc, unit_id).symbol = symbol.into();
            let found = codes(&doc);
            assert!(found.contains(&(Code::SymbolConvention, Some(unit_id.into()))), "{symbol}: {found:?}");
        }
        for (unit_id, symbol) in
            [("it-ziii", "IT-ZI"), ("it-d", "IT-D"), ("it-ss-4", "IT-SS-XIV"), ("it-ss-1", "IT-SS-II")]
        {
            let mut doc = it_division();
            unit_mut(&mut doc, unit_id).symbol = symbol.into();
            assert_eq!(codes(&doc), vec![], "{symbol}");
        }
    }

    #[test]
    fn referat_without_kierownik_and_kierownik_outside_referat() {
        let mut doc = it_division();
        doc.units.retain(|u| u.id.as_str() != "it-tb-k");
        only(&doc, Code::ReferatWithoutKierownik, Some("it-tb"));

        let mut doc = it_division();
        doc.units.push(unit("om-k", Some("om"), UnitKind::KierownikReferatu, "OM"));
        only(&doc, Code::KierownikOutsideReferat, Some("om-k"));
    }

    #[test]
    fn relation_problems() {
        let rel = |kind, from: &str, to: &str| Relation { kind, from: id(from), to: id(to) };
        let mut doc = it_division();
        doc.relations.push(rel(RelationKind::WspolpracujeZ, "it-tb", "ghost"));
        only(&doc, Code::DanglingRelation, Some("it-tb"));

        let mut doc = it_division();
        doc.relations.push(rel(RelationKind::WspolpracujeZ, "it-tb", "it-tb"));
        only(&doc, Code::SelfRelation, Some("it-tb"));

        let mut doc = it_division();
        doc.relations.push(doc.relations[0].clone());
        only(&doc, Code::DuplicateRelation, Some("it-ziii"));

        // IT-SS supervising its own division closes a circle.
        let mut doc = it_division();
        doc.relations.push(rel(RelationKind::NadzorujeBezposrednio, "it-ss", "it"));
        let findings = validate(&doc);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].code, Code::RelationCycle);
        assert_eq!(findings[0].unit, Some(id("it")));
        assert!(findings[0].message(Lang::Pl).contains("IT-ZIII"));
        // Cooperation both ways is not a cycle.
        let mut doc = it_division();
        doc.relations.push(rel(RelationKind::WspolpracujeZ, "it-ss", "it"));
        assert_eq!(codes(&doc), vec![]);
    }

    #[test]
    fn designations() {
        let d = |s: &str| Some(s.parse::<Designation>().unwrap());
        let mut doc = it_division();
        unit_mut(&mut doc, "it-tb").tasks_at = d("§ 14 ust. 1");
        unit_mut(&mut doc, "it-tb-k").tasks_at = d("§ 14 ust. 1");
        only(&doc, Code::DuplicateDesignation, Some("it-tb-k"));

        // The ustęp of a deputy lists the referat it supervises (§ 3 ust. 4): not a duplicate.
        let mut doc = it_division();
        unit_mut(&mut doc, "it-ziii").listed_at = d("§ 3 ust. 4");
        unit_mut(&mut doc, "it-ss").listed_at = d("§ 3 ust. 4");
        unit_mut(&mut doc, "it-ss-k").listed_at = d("§ 3 ust. 4 pkt 1");
        assert_eq!(codes(&doc), vec![]);
        unit_mut(&mut doc, "it-ss-1").listed_at = d("§ 3 ust. 4 pkt 1");
        only(&doc, Code::DuplicateDesignation, Some("it-ss-1"));

        // § 22 is repealed: § 22 ust. 1 must not be reused, § 22g may be used.
        let mut doc = it_division();
        unit_mut(&mut doc, "it-ziii").tasks_at = d("§ 22g");
        assert_eq!(codes(&doc), vec![]);
        unit_mut(&mut doc, "it-ss").tasks_at = d("§ 22 ust. 1");
        only(&doc, Code::RetiredDesignation, Some("it-ss"));
    }

    #[test]
    fn empty_and_missing_tasks() {
        let mut doc = it_division();
        let tb = unit_mut(&mut doc, "it-tb");
        tb.tasks = TaskList::default();
        tb.tasks_at = Some("§ 14 ust. 1".parse().unwrap());
        only(&doc, Code::EmptyTasks, Some("it-tb"));
        // A kierownik's list may be only the reference to the shared tasks.
        unit_mut(&mut doc, "it-tb").tasks.shared_ref = Some("§ 11 ust. 2".into());
        assert_eq!(codes(&doc), vec![]);

        let mut doc = it_division();
        unit_mut(&mut doc, "it-tb-1").tasks = TaskList::default();
        only(&doc, Code::MissingTasks, Some("it-tb-1"));
        assert!(!has_problems(&validate(&doc)), "info does not fail validation");
    }

    #[test]
    fn staffing_against_kind() {
        for (unit_id, staffing, code) in [
            ("it-ss-1", 1.0, Some(Code::MultiPersonUnderstaffed)),
            ("it-ss-1", 0.5, Some(Code::MultiPersonUnderstaffed)),
            ("it-ss-1", 3.0, None),
            ("it-tb-1", 2.0, Some(Code::SinglePersonOverstaffed)),
            ("it-tb-1", 0.5, None),
            ("it-tb-1", 0.0, Some(Code::InvalidStaffing)),
            ("it-tb-1", -1.0, Some(Code::InvalidStaffing)),
            ("it-tb-1", f64::NAN, Some(Code::InvalidStaffing)),
        ] {
            let mut doc = it_division();
            unit_mut(&mut doc, unit_id).staffing = Some(staffing);
            let expected: Vec<_> = code.into_iter().map(|c| (c, Some(unit_id.to_owned()))).collect();
            assert_eq!(codes(&doc), expected, "{unit_id} {staffing}");
        }
    }

    #[test]
    fn findings_are_sorted_by_document_order_then_severity() {
        let mut doc = it_division();
        unit_mut(&mut doc, "om-1").name.clear();
        unit_mut(&mut doc, "it-tb-1").symbol = "IT-TB-1".into();
        unit_mut(&mut doc, "it-tb-1").name.clear();
        doc.relations.push(Relation { kind: RelationKind::WspolpracujeZ, from: id("ghost"), to: id("om") });
        let found = codes(&doc);
        assert_eq!(
            found,
            vec![
                (Code::DanglingRelation, None),
                (Code::EmptyName, Some("it-tb-1".into())),
                (Code::SymbolConvention, Some("it-tb-1".into())),
                (Code::EmptyName, Some("om-1".into())),
            ]
        );
        assert_eq!(validate(&doc), validate(&doc.clone()));
    }

    #[test]
    fn suggests_symbols_by_the_convention() {
        let doc = it_division();
        let s = |parent: &str, kind| suggest_symbol(&doc, &id(parent), kind);
        assert_eq!(s("it-ss", UnitKind::WieloosoboweStanowiskoPracy).as_deref(), Some("IT-SS-V"));
        assert_eq!(s("it-ss", UnitKind::KierownikReferatu).as_deref(), Some("IT-SS"));
        assert_eq!(s("it-tb", UnitKind::StanowiskoPracy).as_deref(), Some("IT-TB-II"));
        assert_eq!(s("it-d", UnitKind::ZastepcaDyrektora).as_deref(), Some("IT-ZIV"));
        assert_eq!(s("it", UnitKind::SamodzielneStanowisko).as_deref(), Some("IT-I"));
        assert_eq!(s("om", UnitKind::SamodzielneStanowisko).as_deref(), Some("OM-II"));
        assert_eq!(s("it", UnitKind::Dyrektor).as_deref(), Some("IT"));
        assert_eq!(s("it", UnitKind::Referat), None);
        assert_eq!(s("nowhere", UnitKind::StanowiskoPracy), None);
    }

    #[test]
    fn roman_numerals() {
        for (n, r) in [(1, "I"), (3, "III"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (1994, "MCMXCIV")] {
            assert_eq!(to_roman(n), r);
            assert_eq!(roman_value(r), Some(n));
        }
        for bad in ["", "IIII", "IL", "VX", "i", "1", "IIV"] {
            assert_eq!(roman_value(bad), None, "{bad}");
        }
    }
}
