//! The selected unit's task changes inline in the inspector, while comparing:
//! each changed point, cited by its designation ("§ 21 ust. 4 pkt 14"), with
//! its old words struck out and its new words underlined (the diff's
//! word-level diff), repealed and removed points struck out, added ones
//! underlined. A removed unit, which the proposal no longer has, shows its old
//! task list struck out.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, Stroke};

use crate::diff::report::point_label;
use crate::diff::{PointChange, Status, TasksDiff, WordDiff, WordOp};
use crate::i18n;
use crate::model::{PieceState, TaskPoint, UnitId};
use crate::render::Mark;

use super::Env;
use super::changes::color;

/// How a run of text differs: kept, only in the baseline, only in the proposal.
#[derive(Clone, Copy)]
enum Run {
    Kept,
    Old,
    New,
}

/// The inline task changes of `id`, when comparing and its tasks changed.
pub fn show(ui: &mut egui::Ui, env: &Env, id: &UnitId) {
    let Some(entry) = env.compare.and_then(|c| c.entry_of(id)) else { return };
    let Some(tasks) = &entry.tasks else { return };
    let t = i18n::review::text(env.settings.lang);
    egui::CollapsingHeader::new(t.task_changes_title).default_open(true).show(ui, |ui| {
        points(ui, env, tasks);
    });
}

/// A unit the proposal removed: says so, and shows its old tasks struck out.
/// False when `id` is not a removed unit of the comparison.
pub fn show_removed(ui: &mut egui::Ui, env: &Env, id: &UnitId) -> bool {
    let Some(comparison) = env.compare else { return false };
    let Some(entry) = comparison.entry_of(id).filter(|e| e.status == Status::Removed) else { return false };
    let t = i18n::review::text(env.settings.lang);
    ui.strong(entry.label());
    ui.colored_label(color(Mark::Removed), t.removed_unit);
    let Some(unit) = comparison.baseline.unit(id).filter(|u| !u.tasks.points.is_empty()) else { return true };
    ui.add_space(6.0);
    ui.strong(t.task_changes_title);
    let tx = i18n::diff::text(env.settings.lang);
    let at = unit.tasks_at.as_ref();
    for point in &unit.tasks.points {
        let path = [point.label.clone()];
        line(ui, &point_label(tx, at, &path), &[(Run::Old, wording(tx, point))]);
        for sub in &point.sub {
            let path = [point.label.clone(), sub.label.clone()];
            line(ui, &point_label(tx, at, &path), &[(Run::Old, wording(tx, sub))]);
        }
    }
    true
}

/// A point's wording, or what stands for it when it is repealed or unknown.
fn wording<'a>(tx: &'a i18n::diff::DiffText, point: &'a TaskPoint) -> &'a str {
    match point.state {
        PieceState::Text => &point.text,
        PieceState::Repealed => tx.repealed_masculine,
        PieceState::Unknown => tx.wording_unknown,
    }
}

fn points(ui: &mut egui::Ui, env: &Env, tasks: &TasksDiff) {
    let tx = i18n::diff::text(env.settings.lang);
    let t = i18n::review::text(env.settings.lang);
    let (old_at, new_at) = (tasks.old_at.as_ref(), tasks.new_at.as_ref());
    if let Some(words) = &tasks.intro {
        line(ui, tx.intro_changed, &word_runs(words));
    }
    if let Some((old, new)) = &tasks.shared_ref {
        let (old, new) = (old.as_deref().unwrap_or(tx.none), new.as_deref().unwrap_or(tx.none));
        line(ui, tx.shared_ref_changed, &[(Run::Old, old), (Run::Kept, " "), (Run::New, new)]);
    }
    for change in &tasks.points {
        match change {
            PointChange::Added { new, text, state } => {
                let text = if state.is_text() { text.as_str() } else { tx.wording_unknown };
                line(ui, &point_label(tx, new_at, new), &[(Run::New, text)]);
            }
            PointChange::Repealed { old, text } => {
                let label = format!("{} {}", tx.repealed, point_label(tx, old_at, old));
                line(ui, &label, &[(Run::Old, text), (Run::Kept, " "), (Run::New, tx.repealed_masculine)]);
            }
            PointChange::Removed { old, text } => line(ui, &point_label(tx, old_at, old), &[(Run::Old, text)]),
            PointChange::Edited { new, words, .. } | PointChange::StateChanged { new, words, .. } => {
                line(ui, &point_label(tx, new_at, new), &word_runs(words));
            }
            PointChange::Moved { old, new, text } => {
                let label = format!("{} → {}", point_label(tx, old_at, old), point_label(tx, new_at, new));
                line(ui, &format!("{label} ({})", t.point_moved_here), &[(Run::Kept, text)]);
            }
        }
    }
}

fn word_runs(words: &WordDiff) -> Vec<(Run, &str)> {
    words
        .spans
        .iter()
        .map(|span| {
            let run = match span.op {
                WordOp::Equal => Run::Kept,
                WordOp::Deleted => Run::Old,
                WordOp::Inserted => Run::New,
            };
            (run, span.text.as_str())
        })
        .collect()
}

/// "pkt 7: " in the strong text colour, then the runs: old words struck out (red), new ones
/// underlined (green), so the change reads without colour as well.
fn line(ui: &mut egui::Ui, label: &str, runs: &[(Run, &str)]) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let ink = ui.visuals().text_color();
    let mut job = LayoutJob::default();
    let strong = ui.visuals().strong_text_color();
    job.append(
        &format!("{label}: "),
        0.0,
        TextFormat { font_id: font.clone(), color: strong, ..TextFormat::default() },
    );
    let mut previous: Option<(Run, &str)> = None;
    for &(run, text) in runs {
        // "10 29" rather than "1029": a word replaced in place stays two words.
        if let Some((Run::Old, before)) = previous
            && matches!(run, Run::New)
            && !before.ends_with(char::is_whitespace)
            && !text.starts_with(char::is_whitespace)
        {
            job.append(" ", 0.0, TextFormat { font_id: font.clone(), color: ink, ..TextFormat::default() });
        }
        previous = Some((run, text));
        let format = match run {
            Run::Kept => TextFormat { font_id: font.clone(), color: ink, ..TextFormat::default() },
            Run::Old => {
                let red = color(Mark::Removed);
                TextFormat {
                    font_id: font.clone(),
                    color: red,
                    strikethrough: Stroke::new(1.5, red),
                    ..TextFormat::default()
                }
            }
            Run::New => {
                let green = color(Mark::Added);
                TextFormat {
                    font_id: font.clone(),
                    color: green,
                    underline: Stroke::new(1.5, green),
                    background: Color32::from_rgba_unmultiplied(0, 130, 60, 24),
                    ..TextFormat::default()
                }
            }
        };
        job.append(text, 0.0, format);
    }
    job.wrap.max_width = ui.available_width();
    ui.label(job);
}
