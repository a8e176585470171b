//! Organizational units (komórki organizacyjne and stanowiska pracy) and the
//! relations between them that are not the hierarchy.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::designation::Designation;
use super::task::TaskList;

/// A stable unit identifier. It survives renames, new symbols and moves, so
/// the diff and the review can follow a unit across versions. Ids are chosen
/// once (e.g. `"it-ss"` in the examples, `"u17"` for units made in the editor)
/// and never reused within a document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnitId(pub String);

impl UnitId {
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnitId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a unit is in the Regulamin. The Polish names are the domain terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum UnitKind {
    /// Department, the Regulamin's scope (e.g. Departament Organizacji i Administracji).
    Departament,
    /// Division headed by a Dyrektor (e.g. IT).
    Wydzial,
    /// Office, a division-level unit (e.g. OM).
    Biuro,
    /// Head of a department or division.
    Dyrektor,
    /// Deputy director, directly supervising some units (e.g. IT-ZIII).
    ZastepcaDyrektora,
    /// Section led by a kierownik (e.g. IT-SS).
    Referat,
    /// Head of a referat.
    KierownikReferatu,
    /// A single-person position (e.g. IT-TB-I).
    StanowiskoPracy,
    /// A position held by several people (e.g. IT-SS-II).
    WieloosoboweStanowiskoPracy,
    /// A position reporting directly to a director, outside any referat.
    SamodzielneStanowisko,
    /// A team.
    Zespol,
}

impl UnitKind {
    pub const ALL: [UnitKind; 11] = [
        UnitKind::Departament,
        UnitKind::Wydzial,
        UnitKind::Biuro,
        UnitKind::Dyrektor,
        UnitKind::ZastepcaDyrektora,
        UnitKind::Referat,
        UnitKind::KierownikReferatu,
        UnitKind::StanowiskoPracy,
        UnitKind::WieloosoboweStanowiskoPracy,
        UnitKind::SamodzielneStanowisko,
        UnitKind::Zespol,
    ];

    /// Positions are held by people; they never have sub-units.
    pub fn is_position(self) -> bool {
        matches!(
            self,
            UnitKind::KierownikReferatu
                | UnitKind::StanowiskoPracy
                | UnitKind::WieloosoboweStanowiskoPracy
                | UnitKind::SamodzielneStanowisko
        )
    }

    /// A multi-person position (wieloosobowe stanowisko pracy).
    pub fn is_multi_person(self) -> bool {
        self == UnitKind::WieloosoboweStanowiskoPracy
    }

    /// Divisions (wydział, biuro) and the department: they own a structure paragraph.
    pub fn is_division(self) -> bool {
        matches!(self, UnitKind::Departament | UnitKind::Wydzial | UnitKind::Biuro)
    }
}

/// One organizational unit or position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: UnitId,
    /// The unit this one is under; `None` only for the root (the department).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<UnitId>,
    pub kind: UnitKind,
    /// The name as the Regulamin writes it, e.g. "referat ds. serwisu sprzętu i oprogramowania".
    pub name: String,
    /// The symbol by the Lublin convention, e.g. "IT-SS-IV"; may be empty for the root.
    #[serde(default)]
    pub symbol: String,
    /// Staffing in full-time posts (etaty), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staffing: Option<f64>,
    /// Where the Regulamin lists this unit in its division's composition, e.g. `§ 3 ust. 1 pkt 2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listed_at: Option<Designation>,
    /// Where the Regulamin holds this unit's tasks, e.g. `§ 14 ust. 2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks_at: Option<Designation>,
    /// The unit's task list (zadania), empty when the Regulamin lists none.
    #[serde(default, skip_serializing_if = "TaskList::is_empty")]
    pub tasks: TaskList,
    /// A free note for the clerks (not part of the Regulamin text).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Unit {
    /// A new unit with only the essentials set.
    pub fn new(
        id: UnitId,
        parent: Option<UnitId>,
        kind: UnitKind,
        name: impl Into<String>,
        symbol: impl Into<String>,
    ) -> Self {
        Self {
            id,
            parent,
            kind,
            name: name.into(),
            symbol: symbol.into(),
            staffing: None,
            listed_at: None,
            tasks_at: None,
            tasks: TaskList::default(),
            note: String::new(),
        }
    }

    /// "name (SYMBOL)", how the Regulamin cites a unit.
    pub fn label(&self) -> String {
        if self.symbol.is_empty() { self.name.clone() } else { format!("{} ({})", self.name, self.symbol) }
    }
}

/// A relation outside the hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RelationKind {
    /// "nadzoruje bezpośrednio": direct supervision across branches (solid-dashed line).
    NadzorujeBezposrednio,
    /// "współpracuje z": coordination (dotted line).
    WspolpracujeZ,
}

/// `from` supervises or cooperates with `to`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    pub kind: RelationKind,
    pub from: UnitId,
    pub to: UnitId,
}
