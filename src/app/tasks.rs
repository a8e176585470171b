//! The task list editor: the lead sentence and the numbered points (pkt) with
//! their letters (lit.): add, edit (multi-line), delete, reorder, indent
//! (pkt → lit.) and outdent (lit. → pkt), and pasting a numbered block from
//! Word, split into points by [`super::paste::split_points`].

use crate::model::{TaskList, TaskPoint, Unit, UnitField, letter_label};

use super::Env;
use super::command::Action;
use super::handling::set_field;
use super::inspector::typed;
use super::paste::split_points;
use super::view::ViewState;

/// Where a task sits: point `0`, or letter `1` of point `0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Point(usize),
    Letter(usize, usize),
}

/// A structural change to a task list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskOp {
    Up,
    Down,
    Indent,
    Outdent,
    Delete,
}

pub fn show(ui: &mut egui::Ui, env: &Env, view: &mut ViewState, unit: &Unit, out: &mut Vec<Action>) {
    let t = env.t;
    let id = &unit.id;
    let tasks = &unit.tasks;
    let label = ui.label(t.tasks_intro);
    let mut intro = tasks.intro.clone();
    let response = ui
        .add(egui::TextEdit::multiline(&mut intro).desired_rows(2).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    let changed = intro != tasks.intro;
    let edited = TaskList { intro, ..tasks.clone() };
    typed(out, &response, changed, set_field(id, UnitField::Tasks(edited)), format!("tasks-intro:{id}"));
    ui.add_space(4.0);

    let mut op: Option<(Slot, TaskOp)> = None;
    for (i, point) in tasks.points.iter().enumerate() {
        let row = TaskRow { tasks, slot: Slot::Point(i), number: format!("{})", i + 1), name: t.point_label(i + 1) };
        if let Some(text) = task_row(ui, env, &row, &point.text, &mut op, out) {
            let mut edited = tasks.clone();
            edited.points[i].text = text;
            out.push(Action::Type { edit: set_field(id, UnitField::Tasks(edited)), key: format!("task:{id}:{i}") });
        }
        for (j, letter) in point.sub.iter().enumerate() {
            let number = letter_label(j);
            let row = TaskRow {
                tasks,
                slot: Slot::Letter(i, j),
                name: t.letter_label(&number, i + 1),
                number: format!("{number})"),
            };
            ui.indent(("letter", i, j), |ui| {
                if let Some(text) = task_row(ui, env, &row, &letter.text, &mut op, out) {
                    let mut edited = tasks.clone();
                    edited.points[i].sub[j].text = text;
                    out.push(Action::Type {
                        edit: set_field(id, UnitField::Tasks(edited)),
                        key: format!("task:{id}:{i}:{j}"),
                    });
                }
            });
        }
    }
    if let Some((slot, op)) = op
        && let Some(edited) = change(tasks, slot, op)
    {
        out.push(Action::Edit(set_field(id, UnitField::Tasks(edited))));
    }
    if ui.button(t.task_add).clicked() {
        let mut edited = tasks.clone();
        edited.points.push(TaskPoint::new(""));
        out.push(Action::Edit(set_field(id, UnitField::Tasks(edited))));
    }
    ui.add_space(6.0);
    let label = ui.label(t.paste_label);
    ui.add(
        egui::TextEdit::multiline(&mut view.paste).desired_rows(3).desired_width(f32::INFINITY).hint_text(t.paste_hint),
    )
    .labelled_by(label.id);
    let points = split_points(&view.paste);
    if ui.add_enabled(!points.is_empty(), egui::Button::new(t.paste_split(points.len()))).clicked() {
        let mut edited = tasks.clone();
        edited.points.extend(points.into_iter().map(TaskPoint::new));
        out.push(Action::Edit(set_field(id, UnitField::Tasks(edited))));
        view.paste.clear();
    }
}

/// One row of the task editor: which task it is and how it is numbered and named.
struct TaskRow<'a> {
    tasks: &'a TaskList,
    slot: Slot,
    /// "3)" or "b)".
    number: String,
    /// The accessible name: "Punkt 3" or "Litera b) punktu 3".
    name: String,
}

/// One task: its number, a multi-line field and the buttons; returns the new
/// text when it was typed in, and sets `op` when a button was clicked.
fn task_row(
    ui: &mut egui::Ui,
    env: &Env,
    row: &TaskRow,
    text: &str,
    op: &mut Option<(Slot, TaskOp)>,
    out: &mut Vec<Action>,
) -> Option<String> {
    let t = env.t;
    let mut edited = text.to_owned();
    let shift = match row.slot {
        Slot::Point(_) => (t.task_indent_short, t.task_indent, TaskOp::Indent),
        Slot::Letter(..) => (t.task_outdent_short, t.task_outdent, TaskOp::Outdent),
    };
    let buttons = [
        (t.task_up_short, t.task_up, TaskOp::Up),
        (t.task_down_short, t.task_down, TaskOp::Down),
        shift,
        ("×", t.task_delete, TaskOp::Delete),
    ];
    ui.horizontal(|ui| {
        let number = ui.label(&row.number).id;
        // Buttons from the right edge, then the field takes the width left.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
            for (text, hint, task_op) in buttons.into_iter().rev() {
                let enabled = change(row.tasks, row.slot, task_op).is_some();
                let button = ui.add_enabled(enabled, egui::Button::new(text).small()).on_hover_text(hint);
                button.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, enabled, format!("{hint}: {}", row.name))
                });
                if button.clicked() {
                    *op = Some((row.slot, task_op));
                }
            }
            let field = ui
                .add(egui::TextEdit::multiline(&mut edited).desired_rows(1).desired_width(ui.available_width()))
                .labelled_by(number);
            if field.lost_focus() {
                out.push(Action::Seal);
            }
        });
    });
    (edited != text).then_some(edited)
}

/// The task list after `op` on `slot`, or `None` when it does not apply there.
pub fn change(tasks: &TaskList, slot: Slot, op: TaskOp) -> Option<TaskList> {
    let mut out = tasks.clone();
    let points = &mut out.points;
    match (slot, op) {
        (Slot::Point(i), TaskOp::Up) if i > 0 && i < points.len() => points.swap(i - 1, i),
        (Slot::Point(i), TaskOp::Down) if i + 1 < points.len() => points.swap(i, i + 1),
        (Slot::Point(i), TaskOp::Delete) if i < points.len() => {
            points.remove(i);
        }
        (Slot::Point(i), TaskOp::Indent) if i > 0 && i < points.len() => {
            // The point becomes the last letter of the point above; its own letters follow it.
            let point = points.remove(i);
            let above = &mut points[i - 1].sub;
            above.push(TaskPoint::new(point.text));
            above.extend(point.sub);
        }
        (Slot::Letter(i, j), _) if i < points.len() && j < points[i].sub.len() => {
            let sub = &mut points[i].sub;
            match op {
                TaskOp::Up if j > 0 => sub.swap(j - 1, j),
                TaskOp::Down if j + 1 < sub.len() => sub.swap(j, j + 1),
                TaskOp::Delete => {
                    sub.remove(j);
                }
                TaskOp::Outdent => {
                    // The letter becomes the point after its point, taking the letters below it.
                    let below = sub.split_off(j + 1);
                    let letter = sub.remove(j);
                    points.insert(i + 1, TaskPoint { text: letter.text, sub: below });
                }
                _ => return None,
            }
        }
        _ => return None,
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(points: &[(&str, &[&str])]) -> TaskList {
        TaskList {
            points: points
                .iter()
                .map(|(text, sub)| TaskPoint {
                    text: (*text).into(),
                    sub: sub.iter().map(|s| TaskPoint::new(*s)).collect(),
                })
                .collect(),
            ..TaskList::default()
        }
    }

    #[test]
    fn reorder_and_delete_points() {
        let tasks = list(&[("a", &[]), ("b", &[]), ("c", &[])]);
        assert_eq!(change(&tasks, Slot::Point(2), TaskOp::Up), Some(list(&[("a", &[]), ("c", &[]), ("b", &[])])));
        assert_eq!(change(&tasks, Slot::Point(0), TaskOp::Down), Some(list(&[("b", &[]), ("a", &[]), ("c", &[])])));
        assert_eq!(change(&tasks, Slot::Point(0), TaskOp::Up), None);
        assert_eq!(change(&tasks, Slot::Point(2), TaskOp::Down), None);
        assert_eq!(change(&tasks, Slot::Point(1), TaskOp::Delete), Some(list(&[("a", &[]), ("c", &[])])));
    }

    #[test]
    fn indent_then_outdent_restores_the_list() {
        let tasks = list(&[("a", &["a1"]), ("b", &["b1", "b2"]), ("c", &[])]);
        let indented = change(&tasks, Slot::Point(1), TaskOp::Indent).unwrap();
        assert_eq!(indented, list(&[("a", &["a1", "b", "b1", "b2"]), ("c", &[])]));
        let back = change(&indented, Slot::Letter(0, 1), TaskOp::Outdent).unwrap();
        assert_eq!(back, list(&[("a", &["a1"]), ("b", &["b1", "b2"]), ("c", &[])]));
    }
}
