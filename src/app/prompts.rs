//! Modal prompts: unsaved changes ("Zapisz / Nie zapisuj / Anuluj"), delete
//! confirmation, restoring unsaved work, errors and the about box.

use crate::render::page::Paper;

use super::command::{Action, Command, PromptAnswer};
use super::context::Env;
use super::export::ExportFormat;
use super::view::{Prompt, ViewState};

pub fn show(ctx: &egui::Context, env: &Env, view: &ViewState, out: &mut Vec<Action>) {
    let Some(prompt) = &view.prompt else { return };
    let t = env.t;
    egui::Modal::new(egui::Id::unique("schemat-prompt")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        match prompt {
            Prompt::Unsaved(_) => {
                ui.heading(t.unsaved_title);
                ui.label(t.unsaved_question(&env.file_name));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(t.prompt_save).clicked() {
                        out.push(Action::Prompt(PromptAnswer::Save));
                    }
                    if ui.button(t.prompt_discard).clicked() {
                        out.push(Action::Prompt(PromptAnswer::Discard));
                    }
                    if ui.button(t.prompt_cancel).clicked() {
                        out.push(Action::Prompt(PromptAnswer::Cancel));
                    }
                });
            }
            Prompt::ConfirmDelete(id) => super::removal::confirm(ui, env, id, out),
            Prompt::Restore => {
                ui.heading(t.restore_title);
                ui.label(t.restore_question);
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(t.restore_yes).clicked() {
                        out.push(Action::Restore(true));
                    }
                    if ui.button(t.restore_no).clicked() {
                        out.push(Action::Restore(false));
                    }
                });
            }
            Prompt::Error(message) => {
                ui.heading(t.error_title);
                ui.label(message);
                ui.add_space(8.0);
                if ui.button(t.ok).clicked() {
                    out.push(Action::DismissMessage);
                }
            }
            Prompt::Export => export_dialog(ui, env, view, out),
            Prompt::Help => help(ui, env, out),
            Prompt::About => {
                ui.heading("schemat");
                ui.label(t.about_text);
                ui.label(format!("{} {}", t.version, env!("CARGO_PKG_VERSION")));
                ui.add_space(8.0);
                if ui.button(t.ok).clicked() {
                    out.push(Action::DismissMessage);
                }
            }
        }
    });
}

/// The export dialog: sheet, orientation, DPI (PNG), the file (typed or
/// picked), Eksportuj / Anuluj.
fn export_dialog(ui: &mut egui::Ui, env: &Env, view: &ViewState, out: &mut Vec<Action>) {
    let t = env.t;
    let mut dialog = view.export.clone();
    ui.heading(t.export_title(dialog.format.name()));
    egui::Grid::new("export-options").num_columns(2).show(ui, |ui| {
        let label = ui.label(t.png_paper);
        let paper_name = |paper: Option<Paper>| match paper {
            None => t.png_whole,
            Some(Paper::A4) => "A4",
            Some(Paper::A3) => "A3",
        };
        egui::ComboBox::from_id_salt("export-paper")
            .selected_text(paper_name(dialog.paper))
            .show_ui(ui, |ui| {
                for paper in [Some(Paper::A3), Some(Paper::A4), None] {
                    ui.selectable_value(&mut dialog.paper, paper, paper_name(paper));
                }
            })
            .response
            .labelled_by(label.id);
        ui.end_row();
        ui.label("");
        ui.add_enabled(dialog.paper.is_some(), egui::Checkbox::new(&mut dialog.landscape, t.png_landscape));
        ui.end_row();
        if dialog.format == ExportFormat::Png {
            let label = ui.label(t.png_dpi);
            ui.add(egui::DragValue::new(&mut dialog.dpi).range(72.0..=600.0).speed(10.0)).labelled_by(label.id);
            ui.end_row();
        }
        let label = ui.label(t.export_file);
        ui.horizontal(|ui| {
            ui.add(egui::TextEdit::singleline(&mut dialog.path).desired_width(300.0)).labelled_by(label.id);
            if ui.button(t.export_choose).clicked() {
                out.push(Action::ChooseExportPath);
            }
        });
        ui.end_row();
    });
    if let Some(note) = &dialog.note {
        ui.colored_label(ui.visuals().warn_fg_color, note);
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(t.export).clicked() {
            out.push(Action::Export(dialog.clone()));
        }
        if ui.button(t.prompt_cancel).clicked() {
            out.push(Action::DismissMessage);
        }
    });
    if dialog != view.export {
        out.push(Action::SetExportDialog(dialog));
    }
}

/// Pomoc: the shortcut of every command (from [`Command::ALL`], so the list
/// cannot disagree with the menus) and a short guide in the UI's language.
fn help(ui: &mut egui::Ui, env: &Env, out: &mut Vec<Action>) {
    let t = env.t;
    ui.set_max_width(620.0);
    ui.heading(t.help_shortcuts);
    egui::Grid::new("help-shortcuts").num_columns(2).striped(true).show(ui, |ui| {
        for command in Command::ALL {
            let shortcuts: Vec<String> = command.shortcuts().iter().map(|s| ui.ctx().format_shortcut(s)).collect();
            if shortcuts.is_empty() {
                continue;
            }
            ui.label(command.text(t));
            ui.label(shortcuts.join(", "));
            ui.end_row();
        }
    });
    ui.add_space(8.0);
    ui.heading(t.help_guide_title);
    for line in t.help_guide {
        ui.label(*line);
    }
    ui.add_space(8.0);
    if ui.button(t.ok).clicked() {
        out.push(Action::DismissMessage);
    }
}
