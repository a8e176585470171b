//! The consolidated text (tekst ujednolicony, `../shared/docs/amendment-spec.md`
//! §6): produced by applying an ordinance's change list to the old text, not
//! by printing the new version, so that an error in the ordinance shows; then
//! compared with the new version's own text as a second check.

use super::apply::{self, ApplyError};
use super::lint::{self, Lint};
use super::text::{Format, render};
use super::tree::Regulamin;

/// The title line that marks the text as unofficial (C1).
pub const HEADING: &str = "tekst ujednolicony";

/// The result of applying an ordinance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consolidated {
    pub text: Regulamin,
    /// What the reading tolerated and what the instructions get wrong.
    pub lints: Vec<Lint>,
}

/// Reads `ordinance` (a whole ordinance or its change list) and applies it to `old`.
pub fn consolidate(old: &Regulamin, ordinance: &str) -> Result<Consolidated, ApplyError> {
    let parsed = apply::parse(ordinance)?;
    let mut lints = parsed.lints;
    lints.extend(lint::lint_instructions(old, &parsed.instructions));
    let text = apply::apply(old, &parsed.instructions)?;
    Ok(Consolidated { text, lints })
}

/// The consolidated text printed, under its "(tekst ujednolicony)" label.
pub fn print(text: &Regulamin, format: Format) -> String {
    let body = render(text, format);
    match format {
        Format::Text => format!("({HEADING})\n{body}"),
        Format::Markdown => format!("*({HEADING})*\n\n{body}"),
    }
}
