//! The Regulamin as legal text: a view derived from the model, never stored.
//!
//! The model keeps units, their listings and task lists, the provisions that
//! belong to no unit and the repealed placeholders, each at its designation.
//! This layer joins them into the one text the office signs: a tree of §,
//! ust., pkt and lit. ([`tree`]), built from a document by designation
//! ([`derive`]), and printed as the office writes it ([`text`]: centred
//! "§ 14" headings, "1." ust., "1)" pkt, "a)" lit., the punctuation of
//! `../shared/docs/amendment-spec.md` §5/§6, "(uchylony)" placeholders).
//!
//! The Polish formulas of the text ("(uchylony)", ", w skład którego
//! wchodzi", "[…]") are data of this layer, not interface strings: they are
//! the same whatever the interface language. No egui here: the editor's
//! Regulamin view, the CLI (`schemat regulamin`) and the amendment generator
//! all read the same tree.
//!
//! The amending ordinance (zarządzenie zmieniające) is generated from two
//! such trees: [`ops`] compares them by designation and chooses the
//! operations (granularity T1-T6), [`amend`] writes the change list with the
//! formulas of [`templates`] in the [`style`] profile (Lublin by default) and
//! checks it by reading it back with [`apply`]; [`consolidated`] applies an
//! ordinance to the old text (the tekst ujednolicony), [`lint`] reports what
//! a legislator's checker would, and [`docx`] writes both as Word documents.

pub mod amend;
pub mod apply;
pub mod consolidated;
pub mod derive;
pub mod docx;
pub mod lint;
pub mod map;
pub mod ops;
pub mod style;
pub mod templates;
pub mod text;
pub mod tree;

pub use amend::{Amendment, amend};
pub use derive::derive;
pub use style::Style;
pub use text::{Format, Line, LineKind, lines, render};
pub use tree::{Piece, Regulamin, Source};
