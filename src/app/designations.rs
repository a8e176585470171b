//! The inspector's rows for a unit's two designations: its place in the
//! structure listing (`listed_at`, "§ 3 ust. 1 pkt 2 lit. b") and the
//! designation of its tasks (`tasks_at`, "§ 14 ust. 3"). Both are assigned by
//! the numbering rules when a unit is added or moved ([`draft::designations_for`]);
//! here they can be typed over, with a warning when the typed one is not the
//! rules' and when the designation is in force (changing it would renumber a
//! provision in force, N1). Every change is a [`draft::set_designation`] step.

use std::str::FromStr;

use crate::model::draft;
use crate::model::{Designation, Document, Unit, UnitField, UnitId};

use super::Env;
use super::command::Action;

/// Which of the two designations a row edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    Listing,
    Tasks,
}

impl Which {
    fn of(self, unit: &Unit) -> Option<&Designation> {
        match self {
            Which::Listing => unit.listed_at.as_ref(),
            Which::Tasks => unit.tasks_at.as_ref(),
        }
    }

    fn field(self, d: Option<Designation>) -> UnitField {
        match self {
            Which::Listing => UnitField::ListedAt(d),
            Which::Tasks => UnitField::TasksAt(d),
        }
    }

    fn key(self, id: &UnitId) -> String {
        match self {
            Which::Listing => format!("listed-at:{id}"),
            Which::Tasks => format!("tasks-at:{id}"),
        }
    }
}

/// What the numbering rules give the unit where it stands: `None` when they
/// cannot tell (the root, or a place with no free designation).
pub type RuleDesignations = Option<(Option<Designation>, Option<Designation>)>;

/// The designations the rules give `id` at its place, measured as if it and
/// its subtree were not numbered yet (what is in force stays taken).
pub fn by_rule(doc: &Document, id: &UnitId) -> RuleDesignations {
    let unit = doc.unit(id)?;
    let parent = unit.parent.as_ref()?;
    let index = doc.children(Some(parent)).position(|u| &u.id == id)?;
    let mut scratch = doc.clone();
    let range = scratch.index_of(id).map(|i| scratch.subtree_range(i))?;
    for u in &mut scratch.units[range] {
        u.listed_at = None;
        u.tasks_at = None;
    }
    draft::designations_for(&scratch, parent, index, unit.kind, Some(id)).ok()
}

/// [`by_rule`], computed once per revision of the document and selection.
fn by_rule_cached(ui: &egui::Ui, env: &Env, id: &UnitId) -> RuleDesignations {
    let key = egui::Id::unique("designations-by-rule");
    type Cached = (u64, UnitId, RuleDesignations);
    if let Some((revision, cached_id, rule)) = ui.data(|d| d.get_temp::<Cached>(key))
        && revision == env.revision
        && &cached_id == id
    {
        return rule;
    }
    let rule = by_rule(env.doc, id);
    ui.data_mut(|d| d.insert_temp::<Cached>(key, (env.revision, id.clone(), rule.clone())));
    rule
}

/// The two grid rows (and their notes) for `unit`.
pub fn rows(ui: &mut egui::Ui, env: &Env, unit: &Unit, out: &mut Vec<Action>) {
    let rule = by_rule_cached(ui, env, &unit.id);
    for (which, label) in [(Which::Listing, env.t.field_listed_at()), (Which::Tasks, env.t.field_designation)] {
        let wanted = rule.as_ref().map(|(listed, tasks)| match which {
            Which::Listing => listed.clone(),
            Which::Tasks => tasks.clone(),
        });
        row(ui, env, unit, which, label, wanted, out);
    }
}

fn row(
    ui: &mut egui::Ui,
    env: &Env,
    unit: &Unit,
    which: Which,
    label: &str,
    rule: Option<Option<Designation>>,
    out: &mut Vec<Action>,
) {
    let t = env.t;
    let id = &unit.id;
    let label = ui.label(label);
    let current = which.of(unit);
    let text = current.map(ToString::to_string).unwrap_or_default();
    let (typed, changed) = buffered(ui, label.id, &which.key(id), &text);
    ui.end_row();
    let note = |ui: &mut egui::Ui, text: String, color: egui::Color32| {
        ui.label("");
        ui.scope(|ui| {
            ui.set_max_width(field_width(ui));
            ui.add(egui::Label::new(egui::RichText::new(text).color(color)).wrap());
        });
        ui.end_row();
    };
    let warn = ui.visuals().warn_fg_color;
    match parse(&typed) {
        Ok(d) if changed => {
            out.push(Action::Type { edit: draft::set_designation(env.doc, id, which.field(d)), key: which.key(id) })
        }
        Ok(_) => {}
        // Said for as long as the text is there, which is until the field loses focus.
        Err(message) => note(ui, t.designation_invalid(&message), ui.visuals().error_fg_color),
    }
    // In force: the designation is law; renumbering it breaks N1.
    // (A designation the draft repealed, as a move does, is not renumbered: it stays as a placeholder.)
    let was = env
        .baseline
        .unit(id)
        .and_then(|u| which.of(u))
        .filter(|d| env.doc.is_in_force(d) && env.doc.retired.binary_search(d).is_err());
    let in_force = current.is_some_and(|d| env.doc.is_in_force(d));
    if let Some(was) = was.filter(|w| Some(*w) != current) {
        note(ui, t.designation_in_force_changed(&was.to_string()), warn);
        return;
    }
    if in_force {
        note(ui, t.designation_in_force().to_owned(), ui.visuals().weak_text_color());
        return;
    }
    // Not in force: compare with what the rules give at the unit's place.
    let Some(rule) = rule else { return };
    if rule.as_ref() == current {
        return;
    }
    match &rule {
        Some(d) => {
            ui.label("");
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(warn, t.designation_overrides(&d.to_string()));
                if ui.small_button(t.use_designation(&d.to_string())).clicked() {
                    out.push(Action::Edit(draft::set_designation(env.doc, id, which.field(Some(d.clone())))));
                }
            });
            ui.end_row();
        }
        None => note(ui, t.designation_none_by_rule().to_owned(), warn),
    }
}

/// A text field whose text is kept while it has focus, so a half-typed
/// designation that does not parse yet is neither thrown away nor applied;
/// returns the text shown and whether it changed this frame.
fn buffered(ui: &mut egui::Ui, label: egui::Id, key: &str, current: &str) -> (String, bool) {
    let id = egui::Id::unique(key);
    let mut text = ui.data(|d| d.get_temp::<String>(id)).unwrap_or_else(|| current.to_owned());
    let width = field_width(ui);
    let response =
        ui.add(egui::TextEdit::singleline(&mut text).id(id.with("edit")).desired_width(width)).labelled_by(label);
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    (text, response.changed())
}

fn field_width(ui: &egui::Ui) -> f32 {
    (ui.available_width() - 8.0).max(160.0)
}

fn parse(text: &str) -> Result<Option<Designation>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    Designation::from_str(text).map(Some).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn designations_parse_or_say_why() {
        assert_eq!(parse(" "), Ok(None));
        assert!(parse("§ 3 ust. 1 pkt 2 lit. b").is_ok_and(|d| d.is_some()));
        assert!(parse("xyz").is_err());
    }
}
