//! The review chart: the proposal's org chart with the changes highlighted.
//!
//! The chart is laid out from the merged document ([`Diff::merged_document`]),
//! so removed units stand as ghosts at their old place. Each changed unit gets
//! a review mark (added green, changed amber, moved blue, removed red), which
//! the scene draws with a colour and a second cue, a border style and a corner
//! badge, so the chart also reads in greyscale; a review legend under the
//! chart explains the marks with the same cues.

use std::collections::HashMap;

use super::{Diff, Status};
use crate::i18n::{self, Lang};
use crate::layout::font::{self, Weight};
use crate::layout::{self, LayoutOptions, Point, Rect};
use crate::model::{Document, UnitId};
use crate::render::Mark;
use crate::render::scene::{
    Anchor, Color, Primitive, RectShape, Scene, SceneOptions, Stroke, TextRun, TitleBlock, mark_badge,
};

/// The review mark of a status, `None` for an unchanged unit.
pub fn mark(status: Status) -> Option<Mark> {
    match status {
        Status::Unchanged => None,
        Status::Added => Some(Mark::Added),
        Status::Changed => Some(Mark::Changed),
        Status::Moved => Some(Mark::Moved),
        Status::Removed => Some(Mark::Removed),
    }
}

/// The review marks of every changed unit of the merged document, by id.
pub fn marks(diff: &Diff) -> HashMap<UnitId, Mark> {
    diff.marks().into_iter().filter_map(|(id, status)| Some((id, mark(status)?))).collect()
}

/// The highlighted chart of `new` against `old`, with a title block naming
/// both versions, the chart legend and the review legend.
pub fn review_scene(diff: &Diff, old: &Document, new: &Document, lang: Lang) -> Scene {
    let merged = diff.merged_document(old, new);
    let chart = layout::layout(&merged, &LayoutOptions::for_document(&merged));
    let mut title = TitleBlock::for_document(new, lang);
    let baseline =
        if old.meta.version.trim().is_empty() { old.meta.department.trim() } else { old.meta.version.trim() };
    title.lines.push(i18n::diff::compared_with(lang, baseline));
    let options = SceneOptions { marks: marks(diff), title: Some(title), legend: true, lang };
    let mut scene = crate::render::scene::build(&merged, &chart, &options);
    let present: Vec<Mark> = [Mark::Added, Mark::Changed, Mark::Moved, Mark::Removed]
        .into_iter()
        .filter(|m| options.marks.values().any(|v| v == m))
        .collect();
    if !present.is_empty() {
        let (legend, extent) = review_legend(&present, lang, scene.bounds.min.x, scene.bounds.max.y + LEGEND_GAP);
        scene.primitives.extend(legend);
        scene.bounds = scene.bounds.union(&extent);
    }
    scene
}

const LEGEND_GAP: f32 = 10.0;
const LEGEND_SIZE: f32 = 8.0;
const INK: Color = Color::grey(20);

/// One row: "Zmiany:" then, per mark, a sample box drawn as the chart draws
/// marked boxes (colour, border style, badge) and its label.
fn review_legend(marks: &[Mark], lang: Lang, left: f32, top: f32) -> (Vec<Primitive>, Rect) {
    let tx = i18n::diff::text(lang);
    let (sample_w, sample_h, gap, row_height) = (26.0, 12.0, 5.0, 20.0);
    let baseline = top + row_height / 2.0 + LEGEND_SIZE * 0.35;
    let mut prims = Vec::new();
    let heading = format!("{}:", tx.legend_heading);
    prims.push(Primitive::Text(TextRun {
        origin: Point::new(left, baseline),
        text: heading.clone(),
        size: LEGEND_SIZE,
        weight: Weight::Bold,
        color: INK,
        anchor: Anchor::Start,
    }));
    let mut x = left + font::face(Weight::Bold).text_width(&heading, LEGEND_SIZE) + 2.0 * gap;
    for &mark in marks {
        let sample = Rect::from_min_size(Point::new(x, top + (row_height - sample_h) / 2.0), sample_w, sample_h);
        prims.push(Primitive::Rect(RectShape {
            rect: sample,
            fill: Some(Color::WHITE),
            stroke: Some(Stroke { width: 2.2, color: mark.color(), dash: mark.dash() }),
            corner_radius: 0.0,
        }));
        prims.extend(mark_badge(mark, sample));
        let label = match mark {
            Mark::Added => tx.legend_added,
            Mark::Changed => tx.legend_changed,
            Mark::Moved => tx.legend_moved,
            Mark::Removed => tx.legend_removed,
        };
        prims.push(Primitive::Text(TextRun {
            origin: Point::new(sample.max.x + 2.0 * gap, baseline),
            text: label.to_owned(),
            size: LEGEND_SIZE,
            weight: Weight::Regular,
            color: INK,
            anchor: Anchor::Start,
        }));
        x = sample.max.x + 2.0 * gap + font::face(Weight::Regular).text_width(label, LEGEND_SIZE) + 4.0 * gap;
    }
    (prims, Rect::from_min_max(Point::new(left, top - 6.0), Point::new(x, top + row_height)))
}
