//! Transient view state: what is selected, expanded, being renamed, searched,
//! and which prompt is open. Never saved; never part of the document.

use std::collections::HashSet;

use crate::model::{RelationKind, UnitId};

use super::command::AfterPrompt;

/// A modal question or message waiting for the user.
#[derive(Debug, Clone, PartialEq)]
pub enum Prompt {
    /// "Zapisz / Nie zapisuj / Anuluj", then carry on with the action.
    Unsaved(AfterPrompt),
    /// Delete a unit that has sub-units or tasks?
    ConfirmDelete(UnitId),
    /// A recovery file from an earlier session exists.
    Restore,
    /// An error (load or save failure, refused edit) to acknowledge.
    Error(String),
    About,
    /// Pomoc: every command's shortcut and a short guide.
    Help,
    /// The export dialog (options and file) of [`ViewState::export`].
    Export,
}

/// An inline rename in the tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Rename {
    pub id: UnitId,
    pub text: String,
    /// True until the text field has been focused once.
    pub fresh: bool,
}

/// The state of the search bar (Ctrl+F).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Search {
    pub open: bool,
    pub query: String,
    /// Focus the search field on the next frame.
    pub focus: bool,
    /// Index into the current matches of the one last jumped to.
    pub current: usize,
}

/// The find-and-replace panel over the task texts (Ctrl+H).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Replace {
    pub open: bool,
    pub find: String,
    pub with: String,
    /// Focus the find field on the next frame.
    pub focus: bool,
}

/// Everything about the view that is not the document or a setting.
#[derive(Debug, Clone, Default)]
pub struct ViewState {
    pub selected: Option<UnitId>,
    /// Units whose children are hidden in the tree.
    pub tree_collapsed: HashSet<UnitId>,
    /// Scroll the tree to the selection on the next frame.
    pub reveal_selected: bool,
    pub rename: Option<Rename>,
    pub search: Search,
    pub replace: Replace,
    pub prompt: Option<Prompt>,
    /// A short note in the status bar (e.g. "Zapisano", why a move was refused).
    pub status: Option<String>,
    /// The text pasted into the task list editor, before it is split.
    pub paste: String,
    /// The relation being added in the inspector.
    pub relation_kind: Option<RelationKind>,
    pub relation_target: String,
    /// The validation panel is open.
    pub show_findings: bool,
    /// The Regulamin view and the document properties dialog.
    pub legal: super::regulamin::LegalView,
    /// The export dialog: the options of the last export and the file being chosen.
    pub export: super::export::ExportDialog,
    /// The "Projekt zarządzenia" panel: open or not, its file field.
    pub amendment: super::amendment::AmendmentView,
    /// Plik → Importuj…: the report of the import that made the open document
    /// (until another is opened or it is closed) and the file field.
    pub import: super::import::ImportView,
}

impl ViewState {
    pub fn is_selected(&self, id: &UnitId) -> bool {
        self.selected.as_ref() == Some(id)
    }
}
