//! The department model: one document is one department's Regulamin Organizacyjny.
//!
//! The document holds metadata, the units in document order (pre-order of the
//! hierarchy, siblings in their Regulamin order), the relations that are not the
//! tree, and the legal designations that must never be reused. Every change to a
//! document is one [`Edit`] applied by [`apply`]; nothing else mutates it in the
//! GUI, so undo/redo and the diff stand on one path.

mod designation;
mod document;
mod edit;
mod graph;
mod history;
mod task;
mod unit;

pub use designation::{Designation, DesignationError, INVALID_DESIGNATION, Level};
pub use document::{ChartOptions, Document, Metadata, Orientation, StructureError};
pub use edit::{Edit, EditError, UnitField, apply};
pub use graph::{Link, OrgGraph};
pub use history::History;
pub use task::{TaskList, TaskPoint, letter_label};
pub use unit::{Relation, RelationKind, Unit, UnitId, UnitKind};

/// The file format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;
