//! Modal prompts: unsaved changes ("Zapisz / Nie zapisuj / Anuluj"), delete
//! confirmation, restoring unsaved work, errors and the about box.

use crate::render::page::Paper;

use super::Env;
use super::command::{Action, PromptAnswer};
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
            Prompt::ExportPng => {
                let mut options = view.png;
                ui.heading(t.png_title);
                egui::Grid::new("png-options").num_columns(2).show(ui, |ui| {
                    let label = ui.label(t.png_paper);
                    let paper_name = |paper: Option<Paper>| match paper {
                        None => t.png_whole,
                        Some(Paper::A4) => "A4",
                        Some(Paper::A3) => "A3",
                    };
                    egui::ComboBox::from_id_salt("png-paper")
                        .selected_text(paper_name(options.paper))
                        .show_ui(ui, |ui| {
                            for paper in [Some(Paper::A3), Some(Paper::A4), None] {
                                ui.selectable_value(&mut options.paper, paper, paper_name(paper));
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                    ui.label("");
                    ui.add_enabled(
                        options.paper.is_some(),
                        egui::Checkbox::new(&mut options.landscape, t.png_landscape),
                    );
                    ui.end_row();
                    let label = ui.label(t.png_dpi);
                    ui.add(egui::DragValue::new(&mut options.dpi).range(72.0..=600.0).speed(10.0))
                        .labelled_by(label.id);
                    ui.end_row();
                });
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(t.export).clicked() {
                        out.push(Action::ExportPng(options));
                    }
                    if ui.button(t.prompt_cancel).clicked() {
                        out.push(Action::DismissMessage);
                    }
                });
                if options != view.png {
                    out.push(Action::SetPngOptions(options));
                }
            }
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
