//! Search (Ctrl+F) by name or symbol: the bar above the chart, matches
//! highlighted, Enter / the arrows jump between them and select each; hits in
//! the task texts are listed by designation under it. Esc closes it.

use crate::model::Document;

use super::command::Action;
use super::context::Env;
use super::view::ViewState;

/// Indices (document order) of the units whose name or symbol contains `query`, ignoring case.
pub fn matches(doc: &Document, query: &str) -> Vec<usize> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    doc.units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.name.to_lowercase().contains(&query) || u.symbol.to_lowercase().contains(&query))
        .map(|(i, _)| i)
        .collect()
}

/// At most this many task hits are listed under the search bar.
const MAX_TASK_HITS: usize = 40;

pub fn show(ui: &mut egui::Ui, env: &Env, view: &mut ViewState, out: &mut Vec<Action>) {
    if !view.search.open {
        return;
    }
    let t = env.t;
    if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        view.search.open = false;
        return;
    }
    let mut found = Vec::new();
    let mut jump: Option<usize> = None;
    ui.horizontal(|ui| {
        let label = ui.label(t.search_label);
        let response =
            ui.add(egui::TextEdit::singleline(&mut view.search.query).desired_width(240.0)).labelled_by(label.id);
        if view.search.focus {
            response.request_focus();
            view.search.focus = false;
        }
        found = matches(env.doc, &view.search.query);
        if response.changed() {
            view.search.current = 0;
            jump = Some(0);
        }
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.add_enabled(!found.is_empty(), egui::Button::new(t.search_previous)).clicked() {
            jump = Some((view.search.current + found.len().saturating_sub(1)) % found.len().max(1));
        }
        let next = ui.add_enabled(!found.is_empty(), egui::Button::new(t.search_next));
        if next.clicked() || enter {
            jump = Some((view.search.current + 1) % found.len().max(1));
            if enter {
                response.request_focus();
            }
        }
        if view.search.query.trim().is_empty() {
        } else if found.is_empty() {
            ui.colored_label(ui.visuals().warn_fg_color, t.search_none);
        } else {
            ui.label(t.search_count(view.search.current.min(found.len() - 1) + 1, found.len()));
        }
        if ui.button(t.close).clicked() {
            view.search.open = false;
        }
    });
    // Hits in the task texts, by designation; a click selects the unit.
    let query = view.search.query.trim().to_lowercase();
    if !query.is_empty() {
        let in_tasks = super::replace::places_where(env.doc, |text| text.to_lowercase().contains(&query));
        if !in_tasks.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(t.search_in_tasks);
                for place in in_tasks.iter().take(MAX_TASK_HITS) {
                    let unit = &env.doc.units[place.unit];
                    let label = format!("{} ({})", place.designation, unit.symbol);
                    if ui.small_button(label).on_hover_text(&place.text).clicked() {
                        out.push(Action::Select(unit.id.clone()));
                    }
                }
                if in_tasks.len() > MAX_TASK_HITS {
                    ui.label(format!("… (+{})", in_tasks.len() - MAX_TASK_HITS));
                }
            });
        }
    }
    if let Some(at) = jump
        && let Some(&index) = found.get(at)
    {
        view.search.current = at;
        out.push(Action::Select(env.doc.units[index].id.clone()));
    }
    ui.separator();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Unit, UnitId, UnitKind};

    #[test]
    fn matches_name_or_symbol_ignoring_case() {
        let doc = Document {
            units: vec![
                Unit::new(UnitId::new("d"), None, UnitKind::Departament, "Departament", "DOA"),
                Unit::new(UnitId::new("s"), Some(UnitId::new("d")), UnitKind::Referat, "referat ds. serwisu", "IT-SS"),
            ],
            ..Document::default()
        };
        assert_eq!(matches(&doc, "it-ss"), vec![1]);
        assert_eq!(matches(&doc, "SERWIS"), vec![1]);
        assert_eq!(matches(&doc, "d"), vec![0, 1]);
        assert!(matches(&doc, "  ").is_empty());
    }
}
