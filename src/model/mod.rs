//! The department model: one document is one department's Regulamin Organizacyjny.
//!
//! The document holds the frame metadata of the act, the units in document
//! order (pre-order of the hierarchy, siblings in their Regulamin order), the
//! relations that are not the tree, the provisions that belong to no unit, and
//! the legal designations: every numbered piece keeps its label, repealed ones
//! stay as placeholders, and new ones are labelled by [`designate`] alone.
//! [`draft`] builds the edits a clerk makes to a draft (repeal instead of
//! delete, designations for new and moved units and points). Every change to a
//! document is one [`Edit`] applied by [`apply`]; nothing else mutates it in the
//! GUI, so undo/redo and the diff stand on one path.

mod designation;
mod document;
pub mod draft;
mod edit;
mod frame;
mod graph;
mod history;
mod numbering;
mod pieces;
mod task;
mod unit;

pub use designation::{Designation, DesignationError, INVALID_DESIGNATION, Level, compare_labels};
pub use document::{Chapter, ChartOptions, Document, Orientation, Provision, StructureError};
pub use edit::{Edit, EditError, UnitField, apply};
pub use frame::{ActRef, Date, DateError, MONTHS_GENITIVE, Metadata, genitive_of_unit_name};
pub use graph::{Link, OrgGraph};
pub use history::History;
pub use numbering::{LabelKind, Unresolved, can_follow, designate, first_gap, first_label, renumber};
pub use task::{PieceState, TaskList, TaskPoint, letter_label};
pub use unit::{Relation, RelationKind, Unit, UnitId, UnitKind};

/// The file format version this build writes (it also reads version 1 and migrates it).
pub const FORMAT_VERSION: u32 = 2;
