//! Find and replace across the task texts (Ctrl+H): the reference
//! ordinance's § 1 pkt 3 and pkt 12 are exactly this, one citation replaced
//! in ten or so paragraphs. The panel lists every place by its designation
//! ("§ 25 ust. 1 pkt 2") with the text before and after, and "Zamień
//! wszystkie" applies them as one [`Edit::Batch`]: one undo step.
//!
//! [`places`] also serves Ctrl+F, which lists hits in task texts by designation.

use crate::model::{Document, Edit, TaskList, TaskPoint, UnitField};

use super::command::Action;
use super::context::Env;
use super::view::ViewState;

/// One task text that contains the searched words.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Index of the unit in `doc.units`.
    pub unit: usize,
    /// Where the text is: "§ 25 ust. 1 pkt 2", "§ 12 pkt 1 lit. a", or the
    /// designation of the tasks alone for the lead sentence.
    pub designation: String,
    pub text: String,
}

/// Every task text (lead sentences, points, letters) of `doc` containing
/// `needle` exactly, in document order.
pub fn places(doc: &Document, needle: &str) -> Vec<Place> {
    if needle.is_empty() {
        return Vec::new();
    }
    places_where(doc, |text| text.contains(needle))
}

/// Every task text of `doc` for which `hit` holds, in document order.
pub fn places_where(doc: &Document, hit: impl Fn(&str) -> bool) -> Vec<Place> {
    let mut out = Vec::new();
    for (unit, u) in doc.units.iter().enumerate() {
        let base = u.tasks_at.as_ref().map_or_else(|| u.symbol.clone(), |d| d.to_string());
        let mut push = |designation: String, text: &str| {
            if !text.is_empty() && hit(text) {
                out.push(Place { unit, designation, text: text.to_owned() });
            }
        };
        push(base.clone(), &u.tasks.intro);
        // Points by their stored labels (the designation the law gives them).
        let cite = |path: &[String]| match u.tasks_at.as_ref().and_then(|at| at.point(path)) {
            Some(d) => d.to_string(),
            None => match path {
                [p] => format!("{base} pkt {p}"),
                [p, l, ..] => format!("{base} pkt {p} lit. {l}"),
                [] => base.clone(),
            },
        };
        for point in &u.tasks.points {
            push(cite(std::slice::from_ref(&point.label)), &point.text);
            for letter in &point.sub {
                push(cite(&[point.label.clone(), letter.label.clone()]), &letter.text);
            }
        }
    }
    out
}

/// The one edit that replaces `needle` by `replacement` in every task text
/// of `doc`, or `None` when nothing matches.
pub fn replace_all(doc: &Document, needle: &str, replacement: &str) -> Option<Edit> {
    if needle.is_empty() {
        return None;
    }
    let replace_point = |p: &TaskPoint| TaskPoint {
        text: p.text.replace(needle, replacement),
        sub: p.sub.iter().map(|s| TaskPoint { text: s.text.replace(needle, replacement), ..s.clone() }).collect(),
        ..p.clone()
    };
    let edits: Vec<Edit> = doc
        .units
        .iter()
        .filter_map(|u| {
            let tasks = TaskList {
                intro: u.tasks.intro.replace(needle, replacement),
                points: u.tasks.points.iter().map(replace_point).collect(),
                ..u.tasks.clone()
            };
            (tasks != u.tasks).then(|| Edit::SetField { id: u.id.clone(), field: UnitField::Tasks(tasks) })
        })
        .collect();
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// The find-and-replace panel above the chart.
pub fn show(ui: &mut egui::Ui, env: &Env, view: &mut ViewState, out: &mut Vec<Action>) {
    if !view.replace.open {
        return;
    }
    let t = env.t;
    let state = &mut view.replace;
    if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        state.open = false;
        return;
    }
    ui.horizontal(|ui| {
        let label = ui.label(t.replace_find);
        let find = ui.add(egui::TextEdit::singleline(&mut state.find).desired_width(320.0)).labelled_by(label.id);
        if state.focus {
            find.request_focus();
            state.focus = false;
        }
        let label = ui.label(t.replace_with);
        ui.add(egui::TextEdit::singleline(&mut state.with).desired_width(320.0)).labelled_by(label.id);
    });
    let found = places(env.doc, &state.find);
    ui.horizontal(|ui| {
        if state.find.is_empty() {
        } else if found.is_empty() {
            ui.colored_label(ui.visuals().warn_fg_color, t.search_none);
        } else {
            ui.label(t.replace_count(found.len()));
        }
        let apply = ui.add_enabled(!found.is_empty(), egui::Button::new(t.replace_all(found.len())));
        if apply.clicked()
            && let Some(edit) = replace_all(env.doc, &state.find, &state.with)
        {
            out.push(Action::Edit(edit));
        }
        if ui.button(t.close).clicked() {
            state.open = false;
        }
    });
    if !found.is_empty() {
        egui::ScrollArea::vertical().id_salt("replace-places").max_height(160.0).show(ui, |ui| {
            for place in &found {
                let unit = &env.doc.units[place.unit];
                let after = place.text.replace(&state.find, &state.with);
                let row = format!("{} ({}): {}  →  {}", place.designation, unit.symbol, place.text, after);
                if ui.selectable_label(false, row).clicked() {
                    out.push(Action::Select(unit.id.clone()));
                }
            }
        });
    }
    ui.separator();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Unit, UnitId, UnitKind};

    fn doc() -> Document {
        let mut root = Unit::new(UnitId::new("d"), None, UnitKind::Departament, "D", "");
        root.tasks_at = "§ 10 ust. 1".parse().ok();
        root.tasks.intro = "zadania z (j.t. A)".into();
        let mut r = Unit::new(UnitId::new("r"), Some(UnitId::new("d")), UnitKind::Referat, "R", "R-A");
        r.tasks_at = "§ 25 ust. 1".parse().ok();
        let point = TaskPoint::new("1", "pierwszy").with_sub(TaskPoint::lettered(["bez", "z (j.t. A) i (j.t. A)"]));
        r.tasks.points = vec![point, TaskPoint::new("2", "(j.t. A) drugi")];
        Document { units: vec![root, r], ..Document::default() }
    }

    #[test]
    fn places_are_named_by_designation_in_document_order() {
        let names: Vec<String> = places(&doc(), "(j.t. A)").into_iter().map(|p| p.designation).collect();
        assert_eq!(names, ["§ 10 ust. 1", "§ 25 ust. 1 pkt 1 lit. b", "§ 25 ust. 1 pkt 2"]);
    }

    #[test]
    fn replacing_is_one_batch_that_changes_every_place_and_nothing_else() {
        let mut d = doc();
        let edit = replace_all(&d, "(j.t. A)", "(j.t. B)").unwrap();
        assert!(matches!(&edit, Edit::Batch(edits) if edits.len() == 2), "one edit per unit, in one batch");
        crate::model::apply(&mut d, edit).unwrap();
        assert!(places(&d, "(j.t. A)").is_empty());
        assert_eq!(places(&d, "(j.t. B)").len(), 3);
        assert_eq!(d.units[1].tasks.points[0].sub[1].text, "z (j.t. B) i (j.t. B)");
        assert_eq!(d.units[1].tasks.points[0].sub[0].text, "bez");
        assert!(replace_all(&d, "(j.t. A)", "x").is_none(), "nothing to replace, no edit");
    }
}
