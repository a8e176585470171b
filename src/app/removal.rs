//! Repeal or delete, as the editor says it: the Delete command of the Edycja
//! menu and of the tree's context menu reads "Uchyl" for a unit in force and
//! "Usuń" for one that exists only in the draft, and the confirmation names
//! what gets repealed ("Uchyla § 3 ust. 1 pkt 2 lit. b i § 14 ust. 3"). The
//! decision is [`draft::unit_removal`]'s; this module only words it.

use crate::model::draft::{self, Removal};
use crate::model::{Document, UnitId};

use super::Env;
use super::command::{Action, Command};

/// True when removing the unit repeals something (it is in force).
pub fn repeals(doc: &Document, id: &UnitId) -> bool {
    draft::unit_removal(doc, id) == Removal::Repeal
}

/// The designations the removal of `id` repeals, as text, in order.
pub fn repealed(doc: &Document, id: &UnitId) -> Vec<String> {
    draft::unit_repeals(doc, id).iter().map(ToString::to_string).collect()
}

/// The Delete menu item for the unit `id` (or the plain command with no unit).
pub fn delete_button(ui: &mut egui::Ui, env: &Env, id: Option<&UnitId>, enabled: bool, out: &mut Vec<Action>) {
    let repeal = id.is_some_and(|id| repeals(env.doc, id));
    let mut button = egui::Button::new(env.t.remove_command(repeal));
    if let Some(shortcut) = Command::Delete.shortcuts().first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    let mut response = ui.add_enabled(enabled, button);
    if repeal && let Some(id) = id {
        let list = repealed(env.doc, id);
        if !list.is_empty() {
            response = response.on_hover_text(env.t.repeals(&list));
        }
    }
    if response.clicked() {
        out.push(Action::Run(Command::Delete));
    }
}

/// The body of the confirmation prompt for removing `id`.
pub fn confirm(ui: &mut egui::Ui, env: &Env, id: &UnitId, out: &mut Vec<Action>) {
    let t = env.t;
    let Some(unit) = env.doc.unit(id) else {
        out.push(Action::DismissMessage);
        return;
    };
    let repeal = repeals(env.doc, id);
    let sub_units = env.doc.index_of(id).map_or(0, |i| env.doc.subtree_range(i).len().saturating_sub(1));
    let tasks = unit.tasks.point_count();
    ui.heading(t.remove_title(repeal));
    if repeal {
        ui.label(t.repeal_question(&unit.label(), sub_units, tasks));
        let list = repealed(env.doc, id);
        if !list.is_empty() {
            ui.strong(t.repeals(&list));
        }
        ui.weak(t.repeal_keeps());
    } else {
        ui.label(t.delete_question(&unit.label(), sub_units, tasks));
        ui.weak(t.delete_draft_only());
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(t.remove_command(repeal)).clicked() {
            out.push(Action::DismissMessage);
            out.push(Action::DeleteConfirmed(id.clone()));
        }
        if ui.button(t.prompt_cancel).clicked() {
            out.push(Action::DismissMessage);
        }
    });
}
