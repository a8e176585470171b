//! The inspector (right panel): the selected unit's kind, name, symbol, its
//! listing and task designation ([`super::designations`]), staffing, note,
//! relations, and its task list editor ([`super::tasks`]). Typing in one
//! field is one undo step; leaving the field seals it.

use crate::model::{Edit, Relation, RelationKind, Unit, UnitField, UnitKind};

use crate::validate::{Code, suggest_symbol};

use super::Env;
use super::command::Action;
use super::handling::set_field;
use super::tasks;
use super::view::ViewState;

pub fn show(ui: &mut egui::Ui, env: &Env, view: &mut ViewState, out: &mut Vec<Action>) {
    let t = env.t;
    ui.heading(t.inspector_title);
    ui.separator();
    let Some(unit) = view.selected.as_ref().and_then(|id| env.doc.unit(id)) else {
        if !view.selected.as_ref().is_some_and(|id| super::task_changes::show_removed(ui, env, id)) {
            ui.label(t.nothing_selected);
        }
        return;
    };
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        egui::Grid::new("unit-fields").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
            fields(ui, env, unit, out);
        });
        ui.add_space(6.0);
        egui::CollapsingHeader::new(t.relations_title).default_open(true).show(ui, |ui| {
            relations(ui, env, view, unit, out);
        });
        super::task_changes::show(ui, env, &unit.id);
        egui::CollapsingHeader::new(t.tasks_title).default_open(true).show(ui, |ui| {
            tasks::show(ui, env, view, unit, out);
        });
    });
}

fn fields(ui: &mut egui::Ui, env: &Env, unit: &Unit, out: &mut Vec<Action>) {
    let t = env.t;
    let id = &unit.id;

    let label = ui.label(t.field_kind);
    egui::ComboBox::from_id_salt("unit-kind")
        .selected_text(t.kind_name(unit.kind))
        .width(260.0)
        .show_ui(ui, |ui| {
            for kind in UnitKind::ALL {
                if ui.selectable_label(unit.kind == kind, t.kind_name(kind)).clicked() && kind != unit.kind {
                    out.push(Action::Edit(set_field(id, UnitField::Kind(kind))));
                }
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();

    free_text_row(
        ui,
        out,
        t.field_name,
        &unit.name,
        1,
        |name| set_field(id, UnitField::Name(name)),
        format!("name:{id}"),
    );

    let label = ui.label(t.field_symbol);
    let mut symbol = unit.symbol.clone();
    let width = field_width(ui);
    let response = ui.add(egui::TextEdit::singleline(&mut symbol).desired_width(width)).labelled_by(label.id);
    typed(out, &response, symbol != unit.symbol, set_field(id, UnitField::Symbol(symbol)), format!("symbol:{id}"));
    ui.end_row();
    let suggestion = unit.parent.as_ref().and_then(|parent| suggest_symbol(env.doc, parent, unit.kind));
    // Offered where the symbol is missing or breaks the convention, not as
    // a rival to a valid symbol (the next free numeral would always differ).
    let symbol_finding = env.findings.iter().any(|f| {
        f.unit.as_ref() == Some(id)
            && matches!(f.code, Code::MissingSymbol | Code::DuplicateSymbol | Code::SymbolConvention)
    });
    let wanted = unit.symbol.is_empty() || symbol_finding;
    if let Some(suggestion) = suggestion.filter(|s| wanted && *s != unit.symbol) {
        ui.label("");
        let take = ui.button(t.use_symbol(&suggestion)).on_hover_text(t.take_suggestion);
        if take.clicked() {
            out.push(Action::Edit(set_field(id, UnitField::Symbol(suggestion))));
        }
        ui.end_row();
    }

    super::designations::rows(ui, env, unit, out);

    let label = ui.label(t.field_staffing);
    let current = unit.staffing.map(format_staffing).unwrap_or_default();
    if let Some(text) = buffered(ui, label.id, &format!("staffing:{id}"), &current) {
        match parse_staffing(&text) {
            Some(staffing) => out.push(Action::Type {
                edit: set_field(id, UnitField::Staffing(staffing)),
                key: format!("staffing:{id}"),
            }),
            None => {
                ui.end_row();
                ui.label("");
                ui.colored_label(ui.visuals().error_fg_color, t.staffing_invalid);
            }
        }
    }
    ui.end_row();

    free_text_row(
        ui,
        out,
        t.field_note,
        &unit.note,
        2,
        |note| set_field(id, UnitField::Note(note)),
        format!("note:{id}"),
    );
}

/// The width of a field in the second column: what is left of the panel.
/// One grid row with a labelled multi-line text field whose typing is one
/// undo step (coalesced under `key`); `edit` makes the edit from the new text.
fn free_text_row(
    ui: &mut egui::Ui,
    out: &mut Vec<Action>,
    label: &str,
    current: &str,
    rows: usize,
    edit: impl FnOnce(String) -> Edit,
    key: String,
) {
    let label = ui.label(label);
    let mut text = current.to_owned();
    let width = field_width(ui);
    let response =
        ui.add(egui::TextEdit::multiline(&mut text).desired_rows(rows).desired_width(width)).labelled_by(label.id);
    let changed = text != current;
    typed(out, &response, changed, edit(text), key);
    ui.end_row();
}

fn field_width(ui: &egui::Ui) -> f32 {
    (ui.available_width() - 8.0).max(160.0)
}

/// Emits a typing edit when the field changed and seals when focus leaves it.
pub fn typed(out: &mut Vec<Action>, response: &egui::Response, changed: bool, edit: Edit, key: String) {
    if changed {
        out.push(Action::Type { edit, key });
    }
    if response.lost_focus() {
        out.push(Action::Seal);
    }
}

/// A text field whose text is kept while it has focus, so half-typed values
/// that do not parse yet are not thrown away; returns the text when it changed.
fn buffered(ui: &mut egui::Ui, label: egui::Id, key: &str, current: &str) -> Option<String> {
    let id = egui::Id::unique(key);
    let mut text = ui.data(|d| d.get_temp::<String>(id)).unwrap_or_else(|| current.to_owned());
    let width = field_width(ui);
    let response =
        ui.add(egui::TextEdit::singleline(&mut text).id(id.with("edit")).desired_width(width)).labelled_by(label);
    let changed = response.changed();
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    changed.then_some(text)
}

/// Staffing in posts: empty for unknown, "1,5" or "1.5"; `None` when invalid.
fn parse_staffing(text: &str) -> Option<Option<f64>> {
    let text = text.trim();
    if text.is_empty() {
        return Some(None);
    }
    let value: f64 = text.replace(',', ".").parse().ok()?;
    (value.is_finite() && value >= 0.0).then_some(Some(value))
}

/// Polish decimal comma, no trailing zeros.
fn format_staffing(value: f64) -> String {
    let text = format!("{value}");
    text.replace('.', ",")
}

fn relations(ui: &mut egui::Ui, env: &Env, view: &mut ViewState, unit: &Unit, out: &mut Vec<Action>) {
    let t = env.t;
    let mut any = false;
    for relation in env.doc.relations.iter().filter(|r| r.from == unit.id || r.to == unit.id) {
        any = true;
        let (phrase, other) = if relation.from == unit.id {
            (t.relation_name(relation.kind), &relation.to)
        } else {
            (t.relation_name_incoming(relation.kind), &relation.from)
        };
        let other = env.doc.unit(other).map_or_else(|| other.to_string(), Unit::label);
        ui.horizontal(|ui| {
            ui.label(format!("{phrase}: {other}"));
            if ui.small_button(t.remove).on_hover_text(t.remove_relation).clicked() {
                out.push(Action::Edit(Edit::RemoveRelation { relation: relation.clone() }));
            }
        });
    }
    if !any {
        ui.weak(t.no_relations);
    }
    ui.add_space(4.0);
    let kind = *view.relation_kind.get_or_insert(RelationKind::NadzorujeBezposrednio);
    ui.horizontal(|ui| {
        let label = ui.label(t.relation_add);
        egui::ComboBox::from_id_salt("relation-kind")
            .selected_text(t.relation_name(kind))
            .show_ui(ui, |ui| {
                for k in [RelationKind::NadzorujeBezposrednio, RelationKind::WspolpracujeZ] {
                    ui.selectable_value(&mut view.relation_kind, Some(k), t.relation_name(k));
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        let label = ui.label(t.relation_target);
        ui.add(egui::TextEdit::singleline(&mut view.relation_target).desired_width(180.0)).labelled_by(label.id);
        let target = find_unit(env, &view.relation_target);
        let add = ui.add_enabled(target.is_some_and(|u| u.id != unit.id), egui::Button::new(t.add));
        if add.clicked()
            && let Some(target) = target
        {
            let relation = Relation { kind, from: unit.id.clone(), to: target.id.clone() };
            out.push(Action::Edit(Edit::InsertRelation { index: env.doc.relations.len(), relation }));
            view.relation_target.clear();
        }
    });
    if !view.relation_target.trim().is_empty() {
        match find_unit(env, &view.relation_target) {
            Some(target) => ui.weak(target.label()),
            None => ui.weak(t.no_such_unit),
        };
    }
}

/// The unit with exactly this symbol, else the first whose name contains the text.
fn find_unit<'a>(env: &Env<'a>, query: &str) -> Option<&'a Unit> {
    let query = query.trim();
    if query.is_empty() {
        return None;
    }
    let lower = query.to_lowercase();
    env.doc
        .units
        .iter()
        .find(|u| u.symbol.eq_ignore_ascii_case(query))
        .or_else(|| env.doc.units.iter().find(|u| u.name.to_lowercase().contains(&lower)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staffing_accepts_decimal_comma() {
        assert_eq!(parse_staffing("1,5"), Some(Some(1.5)));
        assert_eq!(parse_staffing(" "), Some(None));
        assert_eq!(parse_staffing("-1"), None);
        assert_eq!(parse_staffing("abc"), None);
        assert_eq!(format_staffing(2.0), "2");
        assert_eq!(format_staffing(0.5), "0,5");
    }
}
