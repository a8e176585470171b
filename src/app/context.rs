//! What a panel gets to read: [`Env`], the read-only context of one frame.
//! Panels import this module (and `command`, `view`), never the app root, so
//! they do not depend on `SchematApp`; they change nothing and emit
//! [`super::command::Action`]s instead.

use crate::i18n::app::AppText;
use crate::model::{Document, History};

use super::compare;
use super::settings::Settings;

/// What panels may read. They change nothing here; they emit actions.
pub struct Env<'a> {
    pub doc: &'a Document,
    pub baseline: &'a Document,
    pub history: &'a History,
    pub settings: &'a Settings,
    pub t: &'static AppText,
    pub file_name: String,
    pub revision: u64,
    /// The validation's findings for this revision.
    pub findings: &'a [crate::validate::Finding],
    /// The comparison with a baseline, in compare mode.
    pub compare: Option<&'a compare::Comparison>,
    /// The chart's zoom, for the status bar.
    pub zoom: f32,
}
