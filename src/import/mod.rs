//! Bringing an office's existing Regulamin in: a Word, text or Markdown
//! file read into paragraphs ([`source`]), parsed as legal text and
//! recognised as units, listings, task lists and provisions of a
//! [`crate::model::Document`], with a report of what was understood.

pub mod source;
