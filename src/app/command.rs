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
    Replace,
    FitToWindow,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ExportPng,
    ExportSvg,
    ExportPdf,
    ExportRon,
    Help,
    About,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };

impl Command {
    /// Every command, in menu order (Pomoc lists their shortcuts from here).
    pub const ALL: [Command; 25] = [
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::Rename,
        Command::Delete,
        Command::Duplicate,
        Command::AddSibling,
        Command::MoveUp,
        Command::MoveDown,
        Command::Find,
        Command::Replace,
        Command::FitToWindow,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::ExportPng,
        Command::ExportSvg,
        Command::ExportPdf,
        Command::ExportRon,
        Command::Help,
        Command::About,
    ];

    /// Commands with shortcuts, in the order shortcuts are matched: those
    /// with Shift first, because egui matches Ctrl+Z also when Shift is held.
    pub const WITH_SHORTCUTS: [Command; 15] = [
        Command::SaveAs,
        Command::Redo,
        Command::New,
        Command::Open,
        Command::Save,
        Command::Undo,
        Command::Find,
        Command::Replace,
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
            Command::Replace => vec![k(CTRL, Key::H)],
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
            Command::Replace => t.cmd_replace,
            Command::FitToWindow => t.cmd_fit,
            Command::ZoomIn => t.cmd_zoom_in,
            Command::ZoomOut => t.cmd_zoom_out,
            Command::ZoomReset => t.cmd_zoom_reset,
            Command::ExportPng => t.cmd_export_png,
            Command::ExportSvg => t.cmd_export_svg,
            Command::ExportPdf => t.cmd_export_pdf,
            Command::ExportRon => t.cmd_export_ron,
            Command::Help => t.cmd_help,
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
    /// Import this Word, text or Markdown file, or ask for one when `None`.
    Import(Option<PathBuf>),
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
    /// Select a unit clicked in the tree: its row is in view, so the tree does not scroll.
    SelectInPlace(UnitId),
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
    /// Save the open document to this path (a recent file that no longer exists).
    SaveAsPath(PathBuf),
    Prompt(PromptAnswer),
    /// Restore (true) or discard (false) the recovery file offered at start.
    Restore(bool),
    SetLang(Lang),
    SetTheme(Theme),
    DismissMessage,
    /// Compare mode (start, stop, show a change, export).
    Review(super::compare::ReviewAction),
    /// The Regulamin view and the document properties dialog.
    Legal(super::regulamin::LegalAction),
    /// Export the chart as the dialog says (format, sheet, DPI, file).
    Export(super::export::ExportDialog),
    /// The export dialog's options or path changed.
    SetExportDialog(super::export::ExportDialog),
    /// Pick the export dialog's file with the platform's file dialog.
    ChooseExportPath,
    /// The "Projekt zarządzenia" panel (open, close, copy, save).
    Amendment(super::amendment::AmendmentAction),
    /// Plik → Importuj… and the import report panel.
    Import(super::import::ImportAction),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_command_once() {
        for (i, a) in Command::ALL.iter().enumerate() {
            assert!(!Command::ALL[i + 1..].contains(a), "{a:?} twice");
        }
        // A new variant must be added to ALL: this match fails to compile otherwise.
        let count = |c: Command| match c {
            Command::New | Command::Open | Command::Save | Command::SaveAs | Command::Quit => 1,
            Command::Undo | Command::Redo | Command::Rename | Command::Delete | Command::Duplicate => 1,
            Command::AddSibling | Command::MoveUp | Command::MoveDown | Command::Find | Command::Replace => 1,
            Command::FitToWindow | Command::ZoomIn | Command::ZoomOut | Command::ZoomReset => 1,
            Command::ExportPng | Command::ExportSvg | Command::ExportPdf | Command::ExportRon => 1,
            Command::Help | Command::About => 1,
        };
        assert_eq!(Command::ALL.iter().map(|c| count(*c)).sum::<usize>(), 25);
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, Command)> = Vec::new();
        for command in Command::ALL {
            for shortcut in command.shortcuts() {
                if let Some((_, other)) = seen.iter().find(|(s, _)| *s == shortcut) {
                    panic!("{command:?} and {other:?} share {shortcut:?}");
                }
                seen.push((shortcut, command));
            }
        }
    }

    #[test]
    fn every_shortcut_is_read_and_shift_ones_first() {
        let with: Vec<Command> = Command::ALL.into_iter().filter(|c| !c.shortcuts().is_empty()).collect();
        for command in &with {
            assert!(Command::WITH_SHORTCUTS.contains(command), "{command:?}'s shortcut is never read");
        }
        assert_eq!(with.len(), Command::WITH_SHORTCUTS.len());
        // egui matches Ctrl+Z also while Shift is held: Ctrl+Shift+Z must be tried first.
        let position = |c: &Command| Command::WITH_SHORTCUTS.iter().position(|x| x == c).unwrap_or(usize::MAX);
        for a in &with {
            for b in &with {
                let shadows = a.shortcuts().iter().any(|sa| {
                    b.shortcuts()
                        .iter()
                        .any(|sb| sa.logical_key == sb.logical_key && sa.modifiers.shift && !sb.modifiers.shift)
                });
                if shadows {
                    assert!(position(a) < position(b), "{a:?} must be matched before {b:?}");
                }
            }
        }
    }
}
