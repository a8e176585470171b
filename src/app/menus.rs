//! The menu bar (Plik, Edycja, Widok, Eksport, Pomoc). Every item is a
//! [`Command`] whose text and shortcut come from the command itself, or a
//! parameterized action (add a unit of a kind, open a recent file, language).

use crate::i18n::Lang;
use crate::model::{UnitId, UnitKind};

use super::Env;
use super::command::{Action, Command};
use super::settings::Theme;
use super::view::ViewState;

pub fn show(ui: &mut egui::Ui, env: &Env, view: &ViewState, out: &mut Vec<Action>) {
    let t = env.t;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(t.menu_file, |ui| {
            for command in [Command::New, Command::Open] {
                command_button(ui, env, command, true, out);
            }
            ui.add_enabled_ui(!env.settings.recent.is_empty(), |ui| {
                ui.menu_button(t.menu_recent, |ui| {
                    for path in &env.settings.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            out.push(Action::OpenPath(path.clone()));
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
            command_button(ui, env, Command::Undo, env.history.can_undo(), out);
            command_button(ui, env, Command::Redo, env.history.can_redo(), out);
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
            for command in [Command::ExportPng, Command::ExportSvg, Command::ExportRon] {
                command_button(ui, env, command, true, out);
            }
            super::compare::export_menu_items(ui, env, out);
        });
        ui.menu_button(t.menu_help, |ui| {
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

/// One item per kind a new sub-unit of `parent` can have.
pub fn add_child_items(ui: &mut egui::Ui, env: &Env, parent: &UnitId, out: &mut Vec<Action>) {
    for kind in UnitKind::ALL.into_iter().filter(|k| *k != UnitKind::Departament) {
        if ui.button(env.t.kind_name(kind)).clicked() {
            out.push(Action::AddUnit { parent: parent.clone(), index: None, kind });
        }
    }
}
