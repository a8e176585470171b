//! The import report: one row per thing the importer found, assumed, kept
//! as it was or could not place, each with the designation and (where
//! known) the unit it concerns, so that a panel row can select the piece.
//! The wording of a row is [`crate::i18n::import`]'s.

use crate::model::{Designation, UnitId, UnitKind};
use crate::validate::Finding;

/// What the importer made of a source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// In text order: the rows of the parser, then those of the recogniser by
    /// designation, then the validation findings.
    pub rows: Vec<Row>,
}

impl Report {
    /// Whether anything was ambiguous (the CLI exits with 1).
    pub fn is_ambiguous(&self) -> bool {
        self.rows.iter().any(|r| r.note.is_ambiguity())
    }

    /// How many rows say `which`.
    pub fn count(&self, which: impl Fn(&Note) -> bool) -> usize {
        self.rows.iter().filter(|r| which(&r.note)).count()
    }
}

/// One row of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The piece the row is about.
    pub at: Option<Designation>,
    /// The unit the row is about.
    pub unit: Option<UnitId>,
    /// The paragraph of the source (1-based line or Word paragraph).
    pub origin: Option<usize>,
    pub note: Note,
}

impl Row {
    pub fn new(note: Note) -> Self {
        Self { at: None, unit: None, origin: None, note }
    }

    pub fn at(mut self, at: &Designation) -> Self {
        self.at = Some(at.clone());
        self
    }

    pub fn unit(mut self, unit: &UnitId) -> Self {
        self.unit = Some(unit.clone());
        self
    }

    pub fn origin(mut self, origin: usize) -> Self {
        self.origin = Some(origin);
        self
    }
}

/// What a row says.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// What the reader of the file had to guess (an encoding).
    Read(super::source::Note),
    /// A unit listed in a composition paragraph, "name (SYMBOL)".
    Unit { kind: UnitKind, label: String },
    /// A division whose structure paragraph lists units but does not name it:
    /// its name is a placeholder, its symbol the one its units share.
    DivisionAssumed,
    /// A task paragraph attached to its unit.
    Tasks(Match),
    /// A piece kept as a provision (wording that belongs to no unit).
    Provision(Kept),
    /// Ambiguity: several units answer to the subject of a task paragraph.
    SameName { subject: String, units: Vec<UnitId> },
    /// Ambiguity: no unit answers to the subject of a task paragraph (kept as a provision).
    TasksWithoutUnit { subject: String },
    /// Ambiguity: the text has this designation twice (the later piece is dropped by the model).
    DuplicateDesignation,
    /// A chapter heading ("Rozdział 2 …"), kept before the § it opens.
    Chapter(String),
    /// A line with no label of its own joined to the piece before it (line `to`).
    Joined { tiret: bool, to: usize },
    /// Text the model has no place for.
    NotKept(NotKept),
    /// A validation finding on the imported document.
    Finding(Finding),
}

impl Note {
    pub fn is_ambiguity(&self) -> bool {
        matches!(self, Note::SameName { .. } | Note::TasksWithoutUnit { .. } | Note::DuplicateDesignation)
    }
}

/// How a task paragraph found its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The subject names the unit ("Referat ds. technologii bezpieczeństwa realizuje …").
    Name,
    /// The subject carries the unit's symbol ("… (IT-TB) realizuje …").
    Symbol,
    /// The subject names a unit of the kind listed at that place in its
    /// referat, under another name (the reference's "ds. informacji bezpośrednio").
    Position,
}

/// Why a piece is a provision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// Its wording is "[…]", unknown.
    Unknown,
    /// Neither a composition listing nor a task paragraph.
    NotRecognised,
    /// A listing whose wording is not the one generated from its units (the
    /// combined "Zastępca … nadzorujący bezpośrednio referat …" form).
    Verbatim,
}

/// Text outside the numbered pieces that the model does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotKept {
    /// A line of the frame other than the title, the act and its subject.
    Frame(String),
    /// A chapter heading ("Rozdział 2").
    Chapter(String),
}
