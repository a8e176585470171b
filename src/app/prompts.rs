//! Modal prompts: unsaved changes ("Zapisz / Nie zapisuj / Anuluj"), delete
//! confirmation, restoring unsaved work, errors and the about box.

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
            Prompt::ConfirmDelete(id) => {
                let Some(unit) = env.doc.unit(id) else {
                    out.push(Action::DismissMessage);
                    return;
                };
                let sub_units = env.doc.units[env.doc.subtree_range(env.doc.index_of(id).unwrap_or(0))].len() - 1;
                ui.heading(t.delete_title);
                ui.label(t.delete_question(&unit.label(), sub_units, unit.tasks.point_count()));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(t.delete_confirm).clicked() {
                        out.push(Action::DismissMessage);
                        out.push(Action::DeleteConfirmed(id.clone()));
                    }
                    if ui.button(t.prompt_cancel).clicked() {
                        out.push(Action::DismissMessage);
                    }
                });
            }
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
