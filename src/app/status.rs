//! The status bar: file name, unsaved marker, validation findings, zoom and
//! the last message (why an edit was refused, where a file was saved).

use super::context::Env;
use super::view::ViewState;

pub fn show(ui: &mut egui::Ui, env: &Env, view: &mut ViewState) {
    let t = env.t;
    ui.horizontal(|ui| {
        ui.label(&env.file_name);
        if env.history.is_dirty() {
            ui.label(egui::RichText::new(t.unsaved_marker).strong());
        }
        ui.separator();
        ui.label(t.units_count(env.doc.units.len()));
        ui.separator();
        let findings =
            ui.selectable_label(view.show_findings, t.problems_count(super::validation::problems(env.findings)));
        if findings.clicked() {
            view.show_findings = !view.show_findings;
        }
        ui.separator();
        ui.label(t.zoom_percent(env.zoom));
        if let Some(message) = &view.status {
            ui.separator();
            ui.label(message);
        }
    });
}
