//! The status bar: file name, unsaved marker, validation findings, zoom and
//! the last message (why an edit was refused, where a file was saved).

use super::Env;
use super::view::ViewState;

pub fn show(ui: &mut egui::Ui, env: &Env, view: &ViewState) {
    let t = env.t;
    ui.horizontal(|ui| {
        ui.label(&env.file_name);
        if env.history.is_dirty() {
            ui.label(egui::RichText::new(t.unsaved_marker).strong());
        }
        ui.separator();
        ui.label(t.units_count(env.doc.units.len()));
        if let Some(message) = &view.status {
            ui.separator();
            ui.label(message);
        }
    });
}
