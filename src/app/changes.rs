//! The changes panel (bottom, while comparing): every change of the diff in
//! the order and the wording of `schemat diff`, the counts per kind, and the
//! legend of the chart's marks. Clicking a change selects its unit and
//! centres the chart on it. While a large diff is computed off the UI thread
//! the panel says so (and keeps the last diff until the new one is done).

use egui::Color32;

use crate::diff;
use crate::i18n;
use crate::model::UnitId;
use crate::render::Mark;

use super::command::Action;
use super::compare::{Comparison, ReviewAction};
use super::context::Env;
use super::view::ViewState;

pub fn color(mark: Mark) -> Color32 {
    let c = mark.color();
    Color32::from_rgb(c.r, c.g, c.b)
}

/// The panel, when comparing.
pub fn panel(ui: &mut egui::Ui, env: &Env, view: &ViewState, out: &mut Vec<Action>) {
    let Some(comparison) = env.compare else { return };
    egui::Panel::bottom("changes")
        .resizable(true)
        .default_size(240.0)
        .show(ui, |ui| show(ui, env, comparison, view, out));
}

fn show(ui: &mut egui::Ui, env: &Env, comparison: &Comparison, view: &ViewState, out: &mut Vec<Action>) {
    let lang = env.settings.lang;
    let t = i18n::review::text(lang);
    let diff = &comparison.diff;
    ui.horizontal_wrapped(|ui| {
        ui.strong(t.changes_title);
        ui.label(t.compared_with(&comparison.baseline_name()));
        ui.separator();
        ui.strong(t.changes_count(diff.changes.len()));
        ui.separator();
        legend(ui, lang);
        ui.separator();
        if ui.button(t.compare_off).clicked() {
            out.push(Action::Review(ReviewAction::Stop));
        }
    });
    let counts: Vec<String> =
        diff.summary.counts.iter().map(|(tag, n)| format!("{} {n}", i18n::diff::tag_name(lang, *tag))).collect();
    if !counts.is_empty() {
        ui.weak(counts.join(", "));
    }
    ui.separator();
    if comparison.is_computing() {
        // The diff runs on a background thread; the last one stays below until it is done.
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(t.computing);
        });
        ui.ctx().request_repaint_after(std::time::Duration::from_millis(100));
    }
    if diff.is_empty() {
        if !comparison.is_computing() {
            ui.label(i18n::diff::text(lang).equal);
        }
        return;
    }
    // A unit selected elsewhere (tree, chart) brings its first change into view once.
    let followed_id = egui::Id::unique("changes-followed-selection");
    let mut follow = ui.data(|d| d.get_temp::<Option<UnitId>>(followed_id)) != Some(view.selected.clone());
    ui.data_mut(|d| d.insert_temp(followed_id, view.selected.clone()));
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        for (index, change) in diff.changes.iter().enumerate() {
            let entry = change.unit.map(|e| &diff.units[e]);
            let mark = entry.and_then(|e| diff::chart::mark(e.status));
            let selected =
                entry.and_then(|e| e.new.as_ref().or(e.old.as_ref())).is_some_and(|side| view.is_selected(&side.id));
            let Some(row) = comparison.rows.get(index) else { continue };
            ui.horizontal(|ui| {
                badge(ui, mark);
                let response =
                    ui.add(egui::Button::selectable(selected, row.as_str()).wrap_mode(egui::TextWrapMode::Wrap));
                // A list item, so a screen reader (and a test) can tell the changes from the buttons around them.
                response.widget_info(|| egui::WidgetInfo::selected(egui::Role::ListItem, true, selected, row));
                if response.clicked() && change.unit.is_some() {
                    out.push(Action::Review(ReviewAction::ShowChange(index)));
                }
                if selected && follow {
                    follow = false;
                    if !ui.clip_rect().contains_rect(response.rect) {
                        response.scroll_to_me_animation(None, egui::style::ScrollAnimation::none());
                    }
                }
            });
        }
    });
}

/// One line per change, "IT-SS referat ds. …: dodano (referat, IT-ZIII)",
/// as `schemat diff` prints it.
pub fn row_texts(diff: &diff::Diff, lang: i18n::Lang) -> Vec<String> {
    let document = i18n::diff::text(lang).document;
    diff.changes
        .iter()
        .map(|change| {
            let text = diff::report::change_text(diff, lang, change);
            let unit = change.unit.map(|e| (diff.units[e].symbol.as_str(), diff.units[e].name.as_str()));
            diff::report::change_row(unit, document, &text)
        })
        .collect()
}

/// The mark's badge as the chart draws it, a round disc of its colour with
/// its sign in white, large enough that the sign reads without colour too.
fn badge(ui: &mut egui::Ui, mark: Option<Mark>) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 18.0), egui::Sense::hover());
    let Some(mark) = mark else { return };
    let painter = ui.painter();
    painter.circle_filled(rect.center(), 8.5, color(mark));
    let font = egui::FontId::proportional(15.0);
    painter.text(rect.center(), egui::Align2::CENTER_CENTER, mark.badge(), font, Color32::WHITE);
}

/// One sample per mark: its badge and its name.
fn legend(ui: &mut egui::Ui, lang: i18n::Lang) {
    let tx = i18n::diff::text(lang);
    for (mark, name) in [
        (Mark::Added, tx.legend_added),
        (Mark::Changed, tx.legend_changed),
        (Mark::Moved, tx.legend_moved),
        (Mark::Removed, tx.legend_removed),
    ] {
        badge(ui, Some(mark));
        ui.label(name);
    }
}
