//! The task list editor: the lead sentence and the numbered points (pkt) with
//! their letters (lit.), each shown with its stored label ("2a)"). Adding,
//! repealing or deleting, reordering and pkt ↔ lit. are the draft edits of
//! [`crate::model::draft`]: a point in force is repealed ("Uchyl") and keeps
//! its label, a point of the draft is deleted ("Usuń") and may be moved;
//! pasting a numbered block from Word is split by [`super::paste::split_points`].

use crate::model::draft::{self, DraftError, Removal};
use crate::model::{Edit, PieceState, TaskList, TaskPoint, Unit, UnitField};

use super::Env;
use super::command::Action;
use super::handling::set_field;
use super::inspector::typed;
use super::paste::split_points;
use super::view::ViewState;

/// A change to one point, chosen by its buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskOp {
    Up,
    Down,
    Indent,
    Outdent,
    /// Repeal (in force) or delete (draft only).
    Remove,
    /// Add a new point right after this one (pkt 2 → pkt 2a when pkt 3 exists).
    AddAfter,
}

pub fn show(ui: &mut egui::Ui, env: &Env, view: &mut ViewState, unit: &Unit, out: &mut Vec<Action>) {
    let t = env.t;
    let id = &unit.id;
    let tasks = &unit.tasks;
    let label = ui.label(t.tasks_intro);
    let mut intro = tasks.intro.clone();
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut intro)
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text(if tasks.intro_unknown { t.unknown_wording } else { "" }),
        )
        .labelled_by(label.id);
    let changed = intro != tasks.intro;
    let edited = TaskList { intro_unknown: tasks.intro_unknown && intro.is_empty(), intro, ..tasks.clone() };
    typed(out, &response, changed, set_field(id, UnitField::Tasks(edited)), format!("tasks-intro:{id}"));
    ui.add_space(4.0);

    let mut op: Option<(Vec<String>, TaskOp)> = None;
    for point in &tasks.points {
        let path = vec![point.label.clone()];
        let row = TaskRow { name: t.point_label(&point.label), path };
        task_row(ui, env, unit, &row, point, &mut op, out);
        for letter in &point.sub {
            let path = vec![point.label.clone(), letter.label.clone()];
            let row = TaskRow { name: t.letter_label(&letter.label, &point.label), path };
            ui.indent(("letter", &point.label, &letter.label), |ui| {
                task_row(ui, env, unit, &row, letter, &mut op, out);
            });
        }
    }
    if let Some((path, op)) = op {
        push_result(env, out, apply_op(env.doc, unit, &path, op));
    }
    if ui.button(t.task_add).clicked() {
        let last = tasks.points.last().map(|p| p.label.as_str());
        push_result(env, out, draft::add_point(env.doc, id, &[], last, "").map(|(edit, _)| edit));
    }
    ui.add_space(6.0);
    let label = ui.label(t.paste_label);
    ui.add(
        egui::TextEdit::multiline(&mut view.paste).desired_rows(3).desired_width(f32::INFINITY).hint_text(t.paste_hint),
    )
    .labelled_by(label.id);
    let points = split_points(&view.paste);
    if ui.add_enabled(!points.is_empty(), egui::Button::new(t.paste_split(points.len()))).clicked() {
        push_result(env, out, append_points(env.doc, unit, &points));
        view.paste.clear();
    }
}

/// The edit of `op` on the point at `path`.
fn apply_op(doc: &crate::model::Document, unit: &Unit, path: &[String], op: TaskOp) -> Result<Edit, DraftError> {
    let id = &unit.id;
    match op {
        TaskOp::Up | TaskOp::Down => draft::move_point(doc, id, path, op == TaskOp::Down).map(|(edit, _)| edit),
        TaskOp::Indent => draft::indent_point(doc, id, path).map(|(edit, _)| edit),
        TaskOp::Outdent => draft::outdent_point(doc, id, path).map(|(edit, _)| edit),
        TaskOp::Remove => draft::remove_point(doc, id, path).map(|(edit, _)| edit),
        TaskOp::AddAfter => {
            let (label, parent) = path.split_last().ok_or_else(|| DraftError::NoSuchPoint(String::new()))?;
            draft::add_point(doc, id, parent, Some(label), "").map(|(edit, _)| edit)
        }
    }
}

/// Appends pasted points after the last one, each labelled by the rules, as one step.
fn append_points(doc: &crate::model::Document, unit: &Unit, texts: &[String]) -> Result<Edit, DraftError> {
    let mut scratch = doc.clone();
    let mut edits = Vec::new();
    for text in texts {
        let last = scratch.unit(&unit.id).and_then(|u| u.tasks.points.last()).map(|p| p.label.clone());
        let (edit, _) = draft::add_point(&scratch, &unit.id, &[], last.as_deref(), text)?;
        edits.push(crate::model::apply(&mut scratch, edit.clone()).map(|_| edit)?);
    }
    Ok(Edit::Batch(edits))
}

fn push_result(env: &Env, out: &mut Vec<Action>, result: Result<Edit, DraftError>) {
    match result {
        Ok(edit) => out.push(Action::Edit(edit)),
        Err(err) => out.push(Action::Refused(env.t.draft_refused(&err))),
    }
}

/// One row of the task editor: where the task is and its accessible name.
struct TaskRow {
    /// Labels from the pkt down: `["2"]`, `["2", "b"]`.
    path: Vec<String>,
    /// The accessible name: "Punkt 3" or "Litera b) punktu 3".
    name: String,
}

/// One task: its label, a multi-line field (or its placeholder when repealed)
/// and the buttons; pushes typing as actions and sets `op` when a button was clicked.
fn task_row(
    ui: &mut egui::Ui,
    env: &Env,
    unit: &Unit,
    row: &TaskRow,
    point: &TaskPoint,
    op: &mut Option<(Vec<String>, TaskOp)>,
    out: &mut Vec<Action>,
) {
    let t = env.t;
    let doc = env.doc;
    let movable = draft::point_is_movable(doc, &unit.id, &row.path);
    let removal = draft::point_removal(doc, &unit.id, &row.path);
    let repealed = point.state == PieceState::Repealed;
    let letter = row.path.len() > 1;
    let shift = if letter {
        (t.task_outdent_short, t.task_outdent, TaskOp::Outdent, movable)
    } else {
        (t.task_indent_short, t.task_indent, TaskOp::Indent, movable && !first_point(unit, &row.path))
    };
    let remove = match removal {
        Removal::Repeal => (t.task_repeal_short, t.task_repeal, TaskOp::Remove, !repealed),
        Removal::Delete => ("×", t.task_delete, TaskOp::Remove, true),
    };
    let buttons = [
        ("+", t.task_add_after, TaskOp::AddAfter, true),
        (t.task_up_short, t.task_up, TaskOp::Up, movable && !first_point(unit, &row.path)),
        (t.task_down_short, t.task_down, TaskOp::Down, movable && !last_point(unit, &row.path)),
        shift,
        remove,
    ];
    ui.horizontal(|ui| {
        let number = ui.label(format!("{})", point.label)).id;
        // Buttons from the right edge, then the field takes the width left.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
            for (text, hint, task_op, enabled) in buttons.into_iter().rev() {
                let button = ui.add_enabled(enabled, egui::Button::new(text).small()).on_hover_text(hint);
                button.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, enabled, format!("{hint}: {}", row.name))
                });
                if button.clicked() {
                    *op = Some((row.path.clone(), task_op));
                }
            }
            if repealed {
                let placeholder = if letter { t.repealed_letter } else { t.repealed_point };
                ui.add(egui::Label::new(egui::RichText::new(placeholder).weak().italics())).labelled_by(number);
                return;
            }
            let mut edited = point.text.clone();
            let hint = if point.state == PieceState::Unknown { t.unknown_wording } else { "" };
            let field = ui
                .add(
                    egui::TextEdit::multiline(&mut edited)
                        .desired_rows(1)
                        .desired_width(ui.available_width())
                        .hint_text(hint),
                )
                .labelled_by(number);
            if edited != point.text
                && let Ok(edit) = draft::set_point_text(doc, &unit.id, &row.path, &edited)
            {
                out.push(Action::Type { edit, key: format!("task:{}:{}", unit.id, row.path.join(".")) });
            }
            if field.lost_focus() {
                out.push(Action::Seal);
            }
        });
    });
}

fn siblings<'a>(unit: &'a Unit, path: &[String]) -> &'a [TaskPoint] {
    path.split_last().and_then(|(_, parent)| unit.tasks.children(parent)).unwrap_or(&[])
}

fn first_point(unit: &Unit, path: &[String]) -> bool {
    siblings(unit, path).first().map(|p| &p.label) == path.last()
}

fn last_point(unit: &Unit, path: &[String]) -> bool {
    siblings(unit, path).last().map(|p| &p.label) == path.last()
}
