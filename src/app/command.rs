//! What the panels ask for. [`Command`] is one `Copy` enum of the named
//! commands with their menu text and keyboard shortcuts, so menus and
//! shortcuts cannot disagree; [`Action`] is everything a panel may emit in a
//! frame (commands and parameterized requests). Actions are queued and applied
//! once per frame by [`super::handling`].

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::Lang;
use crate::i18n::app::AppText;
use crate::model::{Edit, UnitId, UnitKind};

use super::settings::Theme;

/// A named command, reachable from a menu and possibly a shortcut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    New,
    Open,
    Save,
    SaveAs,
    Quit,
    Undo,
    Redo,
    Rename,
    Delete,
    Duplicate,
    AddSibling,
    MoveUp,
    MoveDown,
    Find,
    FitToWindow,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ExportPng,
    ExportSvg,
    ExportRon,
    About,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };

impl Command {
    /// Commands with shortcuts, in the order shortcuts are matched: those
    /// with Shift first, because egui matches Ctrl+Z also when Shift is held.
    pub const WITH_SHORTCUTS: [Command; 14] = [
        Command::SaveAs,
        Command::Redo,
        Command::New,
        Command::Open,
        Command::Save,
        Command::Undo,
        Command::Find,
        Command::Rename,
        Command::Delete,
        Command::MoveUp,
        Command::MoveDown,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
    ];

    /// The keyboard shortcuts; the first is shown in menus.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        let k = KeyboardShortcut::new;
        match self {
            Command::New => vec![k(CTRL, Key::N)],
            Command::Open => vec![k(CTRL, Key::O)],
            Command::Save => vec![k(CTRL, Key::S)],
            Command::SaveAs => vec![k(CTRL_SHIFT, Key::S)],
            Command::Undo => vec![k(CTRL, Key::Z)],
            Command::Redo => vec![k(CTRL, Key::Y), k(CTRL_SHIFT, Key::Z)],
            Command::Find => vec![k(CTRL, Key::F)],
            Command::Rename => vec![k(Modifiers::NONE, Key::F2)],
            Command::Delete => vec![k(Modifiers::NONE, Key::Delete)],
            Command::MoveUp => vec![k(Modifiers::ALT, Key::ArrowUp)],
            Command::MoveDown => vec![k(Modifiers::ALT, Key::ArrowDown)],
            Command::ZoomIn => vec![k(CTRL, Key::Plus), k(CTRL, Key::Equals)],
            Command::ZoomOut => vec![k(CTRL, Key::Minus)],
            Command::ZoomReset => vec![k(CTRL, Key::Num0)],
            _ => vec![],
        }
    }

    /// Shortcuts that would also edit text; they act only when no text field has focus.
    pub fn yields_to_text_fields(self) -> bool {
        matches!(self, Command::Rename | Command::Delete | Command::MoveUp | Command::MoveDown)
    }

    /// The menu text.
    pub fn text(self, t: &AppText) -> &'static str {
        match self {
            Command::New => t.cmd_new,
            Command::Open => t.cmd_open,
            Command::Save => t.cmd_save,
            Command::SaveAs => t.cmd_save_as,
            Command::Quit => t.cmd_quit,
            Command::Undo => t.cmd_undo,
            Command::Redo => t.cmd_redo,
            Command::Rename => t.cmd_rename,
            Command::Delete => t.cmd_delete,
            Command::Duplicate => t.cmd_duplicate,
            Command::AddSibling => t.cmd_add_sibling,
            Command::MoveUp => t.cmd_move_up,
            Command::MoveDown => t.cmd_move_down,
            Command::Find => t.cmd_find,
            Command::FitToWindow => t.cmd_fit,
            Command::ZoomIn => t.cmd_zoom_in,
            Command::ZoomOut => t.cmd_zoom_out,
            Command::ZoomReset => t.cmd_zoom_reset,
            Command::ExportPng => t.cmd_export_png,
            Command::ExportSvg => t.cmd_export_svg,
            Command::ExportRon => t.cmd_export_ron,
            Command::About => t.cmd_about,
        }
    }
}

/// What to do once the unsaved-changes prompt is answered with Save or Don't save.
#[derive(Debug, Clone, PartialEq)]
pub enum AfterPrompt {
    Close,
    New,
    /// Open this file, or ask for one when `None`.
    Open(Option<PathBuf>),
}

/// The answer to the unsaved-changes prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptAnswer {
    Save,
    Discard,
    Cancel,
}

/// A request emitted by a panel, applied at the end of the frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Run(Command),
    /// One undo step.
    Edit(Edit),
    /// Typing: consecutive edits with the same key become one undo step.
    Type {
        edit: Edit,
        key: String,
    },
    /// Close the current typing step (the field lost focus).
    Seal,
    /// A change the model refused, with the reason for the status bar.
    Refused(String),
    Select(UnitId),
    /// Add a new unit of `kind` as the `index`-th child of `parent` (last when `None`).
    AddUnit {
        parent: UnitId,
        index: Option<usize>,
        kind: UnitKind,
    },
    /// Delete after confirmation was given (or was not needed).
    DeleteConfirmed(UnitId),
    Move {
        id: UnitId,
        parent: UnitId,
        index: usize,
    },
    StartRename(UnitId),
    OpenPath(PathBuf),
    Prompt(PromptAnswer),
    /// Restore (true) or discard (false) the recovery file offered at start.
    Restore(bool),
    SetLang(Lang),
    SetTheme(Theme),
    DismissMessage,
    /// Compare mode (start, stop, show a change, export).
    Review(super::compare::ReviewAction),
    /// Export the PNG with these options (asks for the file).
    ExportPng(super::export::PngExport),
    /// The export dialog's options changed.
    SetPngOptions(super::export::PngExport),
    /// The Regulamin view and the document properties dialog.
    Legal(super::regulamin::LegalAction),
}
