//! The menu bar (Plik, Edycja, Widok, Eksport, Pomoc). Every item is a
//! [`Command`] whose text and shortcut come from the command itself, or a
//! parameterized action (add a unit of a kind, open a recent file, language).

use crate::i18n::Lang;
use crate::model::{UnitId, UnitKind};

use super::command::{Action, Command};
use super::context::Env;
use super::settings::Theme;
use super::view::ViewState;

pub fn show(ui: &mut egui::Ui, env: &Env, view: &ViewState, out: &mut Vec<Action>) {
    let t = env.t;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(t.menu_file, |ui| {
            for command in [Command::New, Command::Open] {
                command_button(ui, env, command, true, out);
            }
            if ui.button(t.menu_import()).clicked() {
                out.push(Action::Import(super::import::ImportAction::Import(None)));
            }
            ui.add_enabled_ui(!env.settings.recent.is_empty(), |ui| {
                ui.menu_button(t.menu_recent, |ui| {
                    for path in &env.settings.recent {
                        let shown = path.display().to_string();
                        if path.is_file() {
                            if ui.button(shown).clicked() {
                                out.push(Action::OpenPath(path.clone()));
                            }
                        } else if ui.button(t.recent_missing(&shown)).clicked() {
                            // The file has gone: offer to save the open document under its name.
                            out.push(Action::SaveAsPath(path.clone()));
                        }
                    }
                });
            });
            ui.separator();
            command_button(ui, env, Command::Save, true, out);
            command_button(ui, env, Command::SaveAs, true, out);
            super::properties::menu_item(ui, env, out);
            ui.separator();
            super::compare::file_menu_items(ui, env, out);
            ui.separator();
            command_button(ui, env, Command::Quit, true, out);
        });
        ui.menu_button(t.menu_edit, |ui| {
            // "Cofnij: zmiana nazwy IT-SS": the items name the step they take back or make again.
            let undo = env.history.peek_undo().map(|(made, inverse)| super::steps::describe(t, env.doc, made, inverse));
            let redo = env.history.peek_redo().map(|(made, inverse)| super::steps::describe(t, env.doc, made, inverse));
            named_command_button(ui, env, Command::Undo, undo.as_deref(), out);
            named_command_button(ui, env, Command::Redo, redo.as_deref(), out);
            ui.separator();
            let selected = view.selected.as_ref().and_then(|id| env.doc.unit(id));
            let can_hold_children = selected.is_some_and(|u| !u.kind.is_position());
            ui.add_enabled_ui(can_hold_children, |ui| {
                ui.menu_button(t.add_child, |ui| {
                    if let Some(unit) = selected {
                        add_child_items(ui, env, &unit.id, out);
                    }
                });
            });
            let not_root = selected.is_some_and(|u| u.parent.is_some());
            for command in [Command::AddSibling, Command::Duplicate, Command::Rename] {
                let enabled = command == Command::Rename && selected.is_some() || not_root;
                command_button(ui, env, command, enabled, out);
            }
            super::removal::delete_button(ui, env, selected.map(|u| &u.id), not_root, out);
            ui.separator();
            command_button(ui, env, Command::MoveUp, not_root, out);
            command_button(ui, env, Command::MoveDown, not_root, out);
        });
        ui.menu_button(t.menu_view, |ui| {
            command_button(ui, env, Command::Find, true, out);
            command_button(ui, env, Command::Replace, true, out);
            ui.separator();
            super::amendment::menu_item(ui, env, &view.amendment, out);
            ui.separator();
            for command in [Command::FitToWindow, Command::ZoomIn, Command::ZoomOut, Command::ZoomReset] {
                command_button(ui, env, command, true, out);
            }
            ui.separator();
            ui.menu_button(t.menu_theme, |ui| {
                for (theme, label) in [(Theme::Light, t.theme_light), (Theme::Dark, t.theme_dark)] {
                    if ui.radio(env.settings.theme == theme, label).clicked() {
                        out.push(Action::SetTheme(theme));
                    }
                }
            });
            ui.menu_button(t.menu_language, |ui| {
                for (lang, label) in [(Lang::Pl, "Polski"), (Lang::En, "English")] {
                    if ui.radio(env.settings.lang == lang, label).clicked() {
                        out.push(Action::SetLang(lang));
                    }
                }
            });
        });
        ui.menu_button(t.menu_export, |ui| {
            for command in [Command::ExportPng, Command::ExportSvg, Command::ExportPdf, Command::ExportRon] {
                command_button(ui, env, command, true, out);
            }
            super::compare::export_menu_items(ui, env, out);
        });
        ui.menu_button(t.menu_help, |ui| {
            command_button(ui, env, Command::Help, true, out);
            command_button(ui, env, Command::About, true, out);
        });
    });
}

/// A menu item for `command`, with its shortcut shown on the right.
pub fn command_button(ui: &mut egui::Ui, env: &Env, command: Command, enabled: bool, out: &mut Vec<Action>) {
    let mut button = egui::Button::new(command.text(env.t));
    if let Some(shortcut) = command.shortcuts().first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        out.push(Action::Run(command));
    }
}

/// Undo or redo: enabled when there is a step, its text naming the step.
fn named_command_button(ui: &mut egui::Ui, env: &Env, command: Command, step: Option<&str>, out: &mut Vec<Action>) {
    let text = step.map_or_else(|| command.text(env.t).to_owned(), |s| env.t.undo_named(command.text(env.t), s));
    let mut button = egui::Button::new(text);
    if let Some(shortcut) = command.shortcuts().first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    if ui.add_enabled(step.is_some(), button).clicked() {
        out.push(Action::Run(command));
    }
}

/// The kinds a sub-unit of a `parent` unit may have, as the Lublin
/// Regulaminy build departments: divisions only under the department, a
/// Dyrektor under a division, deputies under a division or its Dyrektor,
/// referaty and positions under those, a kierownik only in a referat (one),
/// and nothing under a position.
pub fn child_kinds(doc: &crate::model::Document, parent: &crate::model::Unit) -> Vec<UnitKind> {
    use UnitKind::*;
    let positions = [StanowiskoPracy, WieloosoboweStanowiskoPracy, SamodzielneStanowisko];
    let mut kinds: Vec<UnitKind> = match parent.kind {
        Departament => vec![Wydzial, Biuro, Dyrektor, ZastepcaDyrektora, Referat, Zespol],
        Wydzial | Biuro => vec![Dyrektor, ZastepcaDyrektora, Referat, Zespol],
        Dyrektor => vec![ZastepcaDyrektora, Referat, Zespol],
        ZastepcaDyrektora => vec![Referat, Zespol],
        Referat => vec![KierownikReferatu, Zespol],
        Zespol => vec![],
        KierownikReferatu | StanowiskoPracy | WieloosoboweStanowiskoPracy | SamodzielneStanowisko => return Vec::new(),
    };
    kinds.extend(positions);
    let has_kierownik = doc.children(Some(&parent.id)).any(|u| u.kind == KierownikReferatu);
    kinds.retain(|k| !(*k == KierownikReferatu && has_kierownik));
    kinds
}

/// One item per kind a new sub-unit of `parent` can have ([`child_kinds`]).
pub fn add_child_items(ui: &mut egui::Ui, env: &Env, parent: &UnitId, out: &mut Vec<Action>) {
    let Some(unit) = env.doc.unit(parent) else { return };
    for kind in child_kinds(env.doc, unit) {
        if ui.button(env.t.kind_name(kind)).clicked() {
            out.push(Action::AddUnit { parent: parent.clone(), index: None, kind });
        }
    }
}
