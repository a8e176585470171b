//! The hierarchy tree (left panel): expand/collapse, selection shared with
//! the chart and the inspector, a context menu, inline rename (F2 or double
//! click) and drag and drop to re-parent or reorder. Only the visible rows
//! are laid out, so a 10k-unit tree scrolls smoothly.

use egui::{Color32, Sense, Vec2};

use crate::model::{Document, UnitId};

use super::Env;
use super::command::{Action, Command};
use super::handling::set_field;
use super::menus;
use super::view::ViewState;

const ROW_HEIGHT: f32 = 22.0;
const INDENT: f32 = 16.0;

/// The payload of a unit being dragged in the tree.
#[derive(Debug, Clone)]
struct DraggedUnit(UnitId);

/// Where a dragged unit would land relative to the row under the pointer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DropZone {
    Before,
    Into,
    After,
}

/// One visible row: the unit's index in document order and its depth.
struct Row {
    index: usize,
    depth: usize,
    has_children: bool,
}

pub fn show(ui: &mut egui::Ui, env: &Env, view: &mut ViewState, out: &mut Vec<Action>) {
    ui.heading(env.t.tree_title);
    ui.separator();
    if view.reveal_selected {
        expand_ancestors(env.doc, view);
    }
    let rows = visible_rows(env.doc, view);
    let mut scroll = egui::ScrollArea::vertical().auto_shrink([false, false]);
    if view.reveal_selected {
        view.reveal_selected = false;
        if let Some(at) = rows.iter().position(|r| view.is_selected(&env.doc.units[r.index].id)) {
            let spacing = ui.spacing().item_spacing.y;
            let top = at as f32 * (ROW_HEIGHT + spacing);
            let visible = ui.available_height();
            scroll = scroll.vertical_scroll_offset((top - visible / 2.0).max(0.0));
        }
    }
    scroll.show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
        for row in &rows[range] {
            show_row(ui, env, view, out, row);
        }
    });
}

/// Rows in pre-order, skipping the subtrees of collapsed units.
fn visible_rows(doc: &Document, view: &ViewState) -> Vec<Row> {
    let mut rows = Vec::with_capacity(doc.units.len());
    // Ancestor chain of the current unit (ids), to get depths in one pass.
    let mut path: Vec<&UnitId> = Vec::new();
    let mut hidden_below: Option<usize> = None;
    for (index, unit) in doc.units.iter().enumerate() {
        while let Some(top) = path.last() {
            if unit.parent.as_ref() == Some(*top) {
                break;
            }
            path.pop();
        }
        let depth = path.len();
        if hidden_below.is_some_and(|d| depth <= d) {
            hidden_below = None;
        }
        let has_children = doc.units.get(index + 1).is_some_and(|next| next.parent.as_ref() == Some(&unit.id));
        if hidden_below.is_none() {
            rows.push(Row { index, depth, has_children });
            if has_children && view.tree_collapsed.contains(&unit.id) {
                hidden_below = Some(depth);
            }
        }
        path.push(&unit.id);
    }
    rows
}

fn expand_ancestors(doc: &Document, view: &mut ViewState) {
    if let Some(id) = &view.selected {
        for ancestor in doc.ancestors(id) {
            view.tree_collapsed.remove(&ancestor.id);
        }
    }
}

fn show_row(ui: &mut egui::Ui, env: &Env, view: &mut ViewState, out: &mut Vec<Action>, row: &Row) {
    let unit = &env.doc.units[row.index];
    let indent = row.depth as f32 * INDENT;
    if view.rename.as_ref().is_some_and(|r| r.id == unit.id) {
        show_rename(ui, env, view, out, indent);
        return;
    }
    let (rect, response) = ui.allocate_exact_size(Vec2::new(ui.available_width(), ROW_HEIGHT), Sense::click_and_drag());
    let label = unit.label();
    let selected = view.is_selected(&unit.id);
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::TreeItem, true, selected, &label));

    // The expander, on top of the row so it takes its own clicks.
    let toggle_rect = egui::Rect::from_min_size(rect.min + Vec2::new(indent, 0.0), Vec2::splat(ROW_HEIGHT));
    let collapsed = view.tree_collapsed.contains(&unit.id);
    if row.has_children {
        let toggle = ui.interact(toggle_rect, response.id.with("toggle"), Sense::click());
        let name = if collapsed { env.t.expand } else { env.t.collapse };
        toggle.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, format!("{name}: {label}")));
        if toggle.clicked() {
            if collapsed {
                view.tree_collapsed.remove(&unit.id);
            } else {
                view.tree_collapsed.insert(unit.id.clone());
            }
        }
    }

    let visuals = ui.visuals();
    let painter = ui.painter();
    if selected {
        painter.rect_filled(rect, 2.0, visuals.selection.bg_fill);
    } else if response.hovered() {
        painter.rect_filled(rect, 2.0, visuals.widgets.hovered.weak_bg_fill);
    }
    let text_color = if selected { visuals.selection.stroke.color } else { visuals.text_color() };
    if row.has_children {
        paint_expander(painter, toggle_rect.center(), collapsed, text_color);
    }
    let text_pos = egui::pos2(toggle_rect.max.x + 2.0, rect.center().y);
    let mut x = text_pos.x;
    if !unit.symbol.is_empty() {
        let symbol = painter.text(
            text_pos,
            egui::Align2::LEFT_CENTER,
            &unit.symbol,
            egui::FontId::monospace(12.0),
            if selected { text_color } else { visuals.strong_text_color() },
        );
        x = symbol.max.x + 6.0;
    }
    painter.text(
        egui::pos2(x, text_pos.y),
        egui::Align2::LEFT_CENTER,
        &unit.name,
        egui::FontId::proportional(13.0),
        text_color,
    );

    if response.clicked() {
        out.push(Action::Seal);
        // The row is under the pointer: select without scrolling the tree (a
        // scroll here made the second click of a double click hit another row).
        out.push(Action::SelectInPlace(unit.id.clone()));
    }
    if response.double_clicked() {
        out.push(Action::StartRename(unit.id.clone()));
    }
    if response.secondary_clicked() {
        out.push(Action::SelectInPlace(unit.id.clone()));
    }
    response.dnd_set_drag_payload(DraggedUnit(unit.id.clone()));
    drop_target(ui, env, out, &response, row);
    response.context_menu(|ui| context_menu(ui, env, out, &unit.id));
}

/// A small triangle: pointing right when collapsed, down when expanded.
fn paint_expander(painter: &egui::Painter, center: egui::Pos2, collapsed: bool, color: Color32) {
    let r = 4.0;
    let points = if collapsed {
        vec![center + Vec2::new(-r * 0.6, -r), center + Vec2::new(r * 0.8, 0.0), center + Vec2::new(-r * 0.6, r)]
    } else {
        vec![center + Vec2::new(-r, -r * 0.6), center + Vec2::new(r, -r * 0.6), center + Vec2::new(0.0, r * 0.8)]
    };
    painter.add(egui::Shape::convex_polygon(points, color, egui::Stroke::NONE));
}

/// Shows where a dragged unit would land and moves it on release.
fn drop_target(ui: &egui::Ui, env: &Env, out: &mut Vec<Action>, response: &egui::Response, row: &Row) {
    let unit = &env.doc.units[row.index];
    let Some(pointer) = ui.ctx().pointer_interact_pos() else { return };
    if !response.contains_pointer() {
        return;
    }
    let zone = {
        let rel = (pointer.y - response.rect.top()) / response.rect.height();
        if unit.kind.is_position() {
            if rel < 0.5 { DropZone::Before } else { DropZone::After }
        } else if rel < 0.25 && unit.parent.is_some() {
            DropZone::Before
        } else if rel > 0.75 && unit.parent.is_some() {
            DropZone::After
        } else {
            DropZone::Into
        }
    };
    if let Some(dragged) = response.dnd_hover_payload::<DraggedUnit>() {
        if dragged.0 == unit.id {
            return;
        }
        let stroke = egui::Stroke::new(2.0, Color32::from_rgb(0x1f, 0x6f, 0xd1));
        let rect = response.rect;
        let painter = ui.painter();
        match zone {
            DropZone::Before => painter.hline(rect.x_range(), rect.top(), stroke),
            DropZone::After => painter.hline(rect.x_range(), rect.bottom(), stroke),
            DropZone::Into => painter.rect_stroke(rect, 2.0, stroke, egui::StrokeKind::Inside),
        };
    }
    if let Some(dragged) = response.dnd_release_payload::<DraggedUnit>()
        && dragged.0 != unit.id
        && let Some(action) = drop_action(env.doc, &dragged.0, &unit.id, zone)
    {
        out.push(action);
    }
}

/// The move that drops `dragged` at `zone` of `target`.
fn drop_action(doc: &Document, dragged: &UnitId, target: &UnitId, zone: DropZone) -> Option<Action> {
    let target_unit = doc.unit(target)?;
    let (parent, index) = match zone {
        DropZone::Into => (target.clone(), doc.children(Some(target)).filter(|u| &u.id != dragged).count()),
        DropZone::Before | DropZone::After => {
            let parent = target_unit.parent.clone()?;
            let at = doc.children(Some(&parent)).filter(|u| &u.id != dragged).position(|u| &u.id == target)?;
            (parent, if zone == DropZone::After { at + 1 } else { at })
        }
    };
    Some(Action::Move { id: dragged.clone(), parent, index })
}

fn context_menu(ui: &mut egui::Ui, env: &Env, out: &mut Vec<Action>, id: &UnitId) {
    let Some(unit) = env.doc.unit(id) else { return };
    ui.add_enabled_ui(!unit.kind.is_position(), |ui| {
        ui.menu_button(env.t.add_child, |ui| menus::add_child_items(ui, env, id, out));
    });
    let not_root = unit.parent.is_some();
    for command in [Command::AddSibling, Command::Duplicate, Command::Rename] {
        let enabled = command == Command::Rename || not_root;
        menus::command_button(ui, env, command, enabled, out);
    }
    super::removal::delete_button(ui, env, Some(id), not_root, out);
    for command in [Command::MoveUp, Command::MoveDown] {
        menus::command_button(ui, env, command, not_root, out);
    }
}

fn show_rename(ui: &mut egui::Ui, env: &Env, view: &mut ViewState, out: &mut Vec<Action>, indent: f32) {
    let Some(rename) = view.rename.as_mut() else { return };
    let mut finished = None;
    ui.horizontal(|ui| {
        ui.set_height(ROW_HEIGHT);
        ui.add_space(indent + ROW_HEIGHT);
        let label = ui.label(env.t.rename_label);
        let response =
            ui.add(egui::TextEdit::singleline(&mut rename.text).desired_width(f32::INFINITY)).labelled_by(label.id);
        if rename.fresh {
            response.request_focus();
            rename.fresh = false;
        } else if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            finished = Some(false);
        } else if response.lost_focus() {
            finished = Some(true);
        }
    });
    match finished {
        Some(true) => {
            let name = rename.text.trim().to_owned();
            let unchanged = env.doc.unit(&rename.id).is_none_or(|u| u.name == name);
            if !name.is_empty() && !unchanged {
                out.push(Action::Edit(set_field(&rename.id, crate::model::UnitField::Name(name))));
            }
            view.rename = None;
        }
        Some(false) => view.rename = None,
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Unit, UnitKind};

    fn doc() -> Document {
        let id = UnitId::new;
        Document {
            units: vec![
                Unit::new(id("d"), None, UnitKind::Departament, "D", "D"),
                Unit::new(id("w"), Some(id("d")), UnitKind::Wydzial, "W", "W"),
                Unit::new(id("r"), Some(id("w")), UnitKind::Referat, "R", "W-R"),
                Unit::new(id("s"), Some(id("r")), UnitKind::StanowiskoPracy, "S", "W-R-I"),
                Unit::new(id("b"), Some(id("d")), UnitKind::Biuro, "B", "B"),
            ],
            ..Document::default()
        }
    }

    #[test]
    fn collapsed_subtrees_are_skipped_with_depths_kept() {
        let doc = doc();
        let mut view = ViewState::default();
        let depths: Vec<(usize, usize)> = visible_rows(&doc, &view).iter().map(|r| (r.index, r.depth)).collect();
        assert_eq!(depths, vec![(0, 0), (1, 1), (2, 2), (3, 3), (4, 1)]);
        view.tree_collapsed.insert(UnitId::new("w"));
        let shown: Vec<usize> = visible_rows(&doc, &view).iter().map(|r| r.index).collect();
        assert_eq!(shown, vec![0, 1, 4]);
    }

    #[test]
    fn drop_positions_count_siblings_without_the_dragged_unit() {
        let doc = doc();
        let id = UnitId::new;
        let action = drop_action(&doc, &id("w"), &id("b"), DropZone::After);
        assert_eq!(action, Some(Action::Move { id: id("w"), parent: id("d"), index: 1 }));
        let action = drop_action(&doc, &id("s"), &id("b"), DropZone::Into);
        assert_eq!(action, Some(Action::Move { id: id("s"), parent: id("b"), index: 0 }));
        assert_eq!(drop_action(&doc, &id("w"), &id("d"), DropZone::Before), None);
    }
}
