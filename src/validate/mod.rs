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
//! | `retired-designation` | error | a unit, a point or a provision uses a designation inside a repealed one (a repealed label is never reused) |
//! | `label-sequence` | error | the labels of a list of points (or letters) are out of order, repeated, or have a gap the numbering rules N3-N6 cannot produce |
//! | `in-force-lost` | error | a draft lost a piece of the version in force without repealing it (a designation in force never changes) |
//! | `listing-misplaced` | warning | a unit's listing is not under its superior's listing in the structure paragraph |
//! | `empty-tasks` | warning | a unit has a designation for its tasks but no tasks (an intro that ends with ":" and no points) |
//! | `missing-tasks` | info | a unit that the Regulamin gives tasks has neither tasks nor their designation |
//! | `invalid-staffing` | error | staffing (etaty) is zero, negative or not a number |
//! | `multi-person-understaffed` | warning | a wieloosobowe stanowisko pracy has staffing ≤ 1 |
//! | `single-person-overstaffed` | warning | a (single) stanowisko pracy or a kierownik referatu has staffing > 1 |
//!
//! Findings are sorted by the unit's position in the document (findings about
//! the whole document first), then severity, code and message.
//!
//! The Lublin symbol convention is described in `symbols.rs`; [`suggest_symbol`]
//! proposes the next symbol by it.

mod designations;
mod relations;
mod structure;
mod symbols;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt;

use crate::i18n::{Lang, validation as text};
use crate::model::{Document, Unit, UnitId};

pub use symbols::{roman_value, suggest_symbol, to_roman};

/// How serious a finding is: `Error`, the structure or the legal numbering is
/// broken; `Warning`, the Regulamin text would be wrong or incomplete (a
/// symbol off the convention or missing, a § without tasks); `Info`, a hint
/// (a unit whose tasks are not recorded at all). `Error` and `Warning` make
/// `schemat validate` exit with 1; `Info` does not.
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
    LabelSequence,
    InForceLost,
    ListingMisplaced,
    EmptyTasks,
    MissingTasks,
    InvalidStaffing,
    MultiPersonUnderstaffed,
    SinglePersonOverstaffed,
}

impl Code {
    pub const ALL: [Code; 25] = [
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
        Code::LabelSequence,
        Code::InForceLost,
        Code::ListingMisplaced,
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
            Code::LabelSequence => "label-sequence",
            Code::InForceLost => "in-force-lost",
            Code::ListingMisplaced => "listing-misplaced",
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
            Code::DuplicateId
            | Code::MissingParent
            | Code::TwoRoots
            | Code::HierarchyCycle
            | Code::UnderPosition
            | Code::EmptyName
            | Code::DuplicateSymbol
            | Code::DanglingRelation
            | Code::SelfRelation
            | Code::RelationCycle
            | Code::DuplicateDesignation
            | Code::RetiredDesignation
            | Code::LabelSequence
            | Code::InForceLost
            | Code::InvalidStaffing => Severity::Error,
            Code::MissingSymbol
            | Code::SymbolConvention
            | Code::ReferatWithoutKierownik
            | Code::KierownikOutsideReferat
            | Code::DuplicateRelation
            | Code::ListingMisplaced
            | Code::EmptyTasks
            | Code::MultiPersonUnderstaffed
            | Code::SinglePersonOverstaffed => Severity::Warning,
            Code::MissingTasks => Severity::Info,
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
    let lookup = Lookup::new(doc);
    let mut findings = Vec::new();
    structure::check_hierarchy(&lookup, &mut findings);
    structure::check_names_and_kinds(&lookup, &mut findings);
    structure::check_staffing(doc, &mut findings);
    structure::check_kierownik_staffing(doc, &mut findings);
    symbols::check_symbols(&lookup, &mut findings);
    relations::check_relations(&lookup, &mut findings);
    designations::check_designations(doc, &mut findings);
    designations::check_numbering(doc, &mut findings);
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

/// Indexes of a document for the checks, so that validation stays linear in
/// the number of units (a Regulamin has hundreds; a hostile file may have tens
/// of thousands).
struct Lookup<'a> {
    doc: &'a Document,
    /// The first unit with each id.
    by_id: HashMap<&'a UnitId, &'a Unit>,
    /// The children of each unit, in document order.
    children: HashMap<&'a UnitId, Vec<&'a Unit>>,
    /// For each id that is some unit's parent: the nearest organizational
    /// unit at or above the unit with that id (see [`symbols::bases`]).
    bases: HashMap<&'a UnitId, Option<&'a Unit>>,
}

impl<'a> Lookup<'a> {
    fn new(doc: &'a Document) -> Self {
        let mut by_id = HashMap::with_capacity(doc.units.len());
        let mut children: HashMap<&UnitId, Vec<&Unit>> = HashMap::new();
        for unit in &doc.units {
            by_id.entry(&unit.id).or_insert(unit);
            if let Some(parent) = &unit.parent {
                children.entry(parent).or_default().push(unit);
            }
        }
        let bases = symbols::bases(doc, &by_id);
        Self { doc, by_id, children, bases }
    }

    fn unit(&self, id: &UnitId) -> Option<&'a Unit> {
        self.by_id.get(id).copied()
    }

    fn parent(&self, unit: &Unit) -> Option<&'a Unit> {
        unit.parent.as_ref().and_then(|p| self.unit(p))
    }

    fn children(&self, id: &UnitId) -> &[&'a Unit] {
        self.children.get(id).map_or(&[], Vec::as_slice)
    }

    /// The nearest organizational unit above `unit` (its symbol is the prefix
    /// `unit` extends); `None` when there is none or the parents run in a cycle.
    fn organizational_ancestor(&self, unit: &Unit) -> Option<&'a Unit> {
        unit.parent.as_ref().and_then(|p| self.bases.get(p).copied().flatten())
    }
}
