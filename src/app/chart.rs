//! The chart canvas (centre): the chart engineer's [`Scene`] painted with
//! egui shapes. Pan by dragging (or scrolling), zoom with Ctrl+wheel or a
//! pinch about the pointer, fit to window; click selects, double click
//! renames, the small button under a box collapses or expands its subtree.
//!
//! The layout and the scene are cached and rebuilt only when the document
//! revision or the layout options (collapsed units, language) change; each
//! frame paints only the primitives that intersect the visible area, and
//! leaves out text too small to read.

use std::collections::HashSet;

use std::sync::Arc;

use egui::epaint::{Mesh, Tessellator};
use egui::{Color32, Pos2, Sense, Shape, Stroke, Vec2};

use crate::i18n::Lang;
use crate::layout::{self, ChartLayout, LayoutOptions};
use crate::model::{Document, UnitId};
use crate::render::scene::{self, Anchor, Color, Dash, Primitive, Scene, SceneOptions};

use super::command::Action;
use super::context::Env;
use super::view::ViewState;

/// Zoom limits: the whole 10k chart fits at the low end; 400 % for reading.
const MIN_ZOOM: f32 = 0.01;
/// Up to this many units the canvas draws the chart laid out as the A3 annex
/// (the page fit tries 15 layouts, a few milliseconds for a department); a
/// larger tree keeps the document's plain layout so editing stays fluid.
const ANNEX_LAYOUT_LIMIT: usize = 400;
const MAX_ZOOM: f32 = 4.0;
/// Text smaller than this many screen pixels is not drawn (it cannot be read).
const MIN_TEXT_PX: f32 = 3.0;
/// Below this zoom boxes are drawn as blocks without outlines.
const OUTLINE_ZOOM: f32 = 0.2;
/// Name of the egui font families that use the chart's bundled font.
pub const CHART_FONT: &str = "chart";
pub const CHART_FONT_BOLD: &str = "chart-bold";

/// What the cached layout was built from.
#[derive(Debug, Clone, PartialEq)]
struct LayoutKey {
    revision: u64,
    collapsed: Vec<UnitId>,
    lang: Lang,
}

/// The cached chart and the canvas view (zoom, pan); transient.
pub struct ChartCanvas {
    key: Option<LayoutKey>,
    pub layout: Option<ChartLayout>,
    pub scene: Scene,
    /// Screen-independent bounding box of each primitive, for culling.
    extents: Vec<layout::Rect>,
    /// The primitives in tiles, with their tessellated geometry.
    chunks: Vec<Chunk>,
    /// Primitives too large for a tile (long connectors), culled and drawn one by one.
    loose: Vec<usize>,
    /// Units shown collapsed on the chart.
    pub collapsed: HashSet<UnitId>,
    /// Screen pixels per chart unit.
    pub zoom: f32,
    /// Where the chart origin is, relative to the canvas' top left corner.
    pub offset: Vec2,
    /// Fit the chart to the canvas on the next frame.
    pub fit_pending: bool,
    /// Keep the chart fitted when the canvas changes size: on at the start
    /// and after "Dopasuj do okna", off once the user zooms.
    pub auto_fit: bool,
    /// The canvas as last shown (for commands that zoom about its centre).
    pub canvas: egui::Rect,
    /// The selection the view last scrolled to, and the selection's index in document order.
    revealed: Option<UnitId>,
    revealed_index: Option<usize>,
}

impl ChartCanvas {
    pub fn new() -> Self {
        Self {
            key: None,
            layout: None,
            scene: Scene::default(),
            extents: Vec::new(),
            chunks: Vec::new(),
            loose: Vec::new(),
            collapsed: HashSet::new(),
            zoom: 1.0,
            offset: Vec2::ZERO,
            fit_pending: true,
            auto_fit: true,
            canvas: egui::Rect::NOTHING,
            revealed: None,
            revealed_index: None,
        }
    }

    /// Rebuilds the layout and the scene when what they depend on changed
    /// (`marks` change only with `revision`: see `compare::chart_env`).
    pub fn refresh(
        &mut self,
        doc: &Document,
        revision: u64,
        lang: Lang,
        marks: &std::collections::HashMap<UnitId, crate::render::Mark>,
    ) {
        let mut collapsed: Vec<UnitId> = self.collapsed.iter().cloned().collect();
        collapsed.sort();
        let key = LayoutKey { revision, collapsed, lang };
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let mut options = LayoutOptions { collapsed: self.collapsed.clone(), ..LayoutOptions::for_document(doc) };
        if doc.units.len() <= ANNEX_LAYOUT_LIMIT
            && let Some(annex) = crate::render::page::annex_layout_options(doc, &options, lang)
        {
            // The annex as it prints on A3 (stacking and wrapping the page fit picks).
            options = annex;
        }
        let chart = layout::layout(doc, &options);
        self.scene = scene::build(doc, &chart, &SceneOptions { lang, marks: marks.clone(), ..SceneOptions::default() });
        self.extents = self.scene.primitives.iter().map(Primitive::extent).collect();
        (self.chunks, self.loose) = chunks(&self.extents);
        self.layout = Some(chart);
        self.key = Some(key);
    }

    fn to_screen(&self, p: layout::Point) -> Pos2 {
        self.canvas.min + self.offset + Vec2::new(p.x, p.y) * self.zoom
    }

    fn to_chart(&self, p: Pos2) -> layout::Point {
        let v = (p - self.canvas.min - self.offset) / self.zoom;
        layout::Point { x: v.x, y: v.y }
    }

    /// Fits the whole chart into the canvas, never above 100 %.
    pub fn fit(&mut self) {
        let bounds = self.scene.bounds;
        if self.canvas.width() <= 0.0 || bounds.width() <= 0.0 || bounds.height() <= 0.0 {
            return;
        }
        let margin = 24.0;
        let zoom = ((self.canvas.width() - 2.0 * margin) / bounds.width())
            .min((self.canvas.height() - 2.0 * margin) / bounds.height())
            .clamp(MIN_ZOOM, 1.0);
        self.zoom = zoom;
        let size = Vec2::new(bounds.width(), bounds.height()) * zoom;
        let top_left = (self.canvas.size() - size) / 2.0;
        self.offset = top_left - Vec2::new(bounds.min.x, bounds.min.y) * zoom;
        self.fit_pending = false;
    }

    /// Fits now and keeps fitting on resize until the user zooms.
    pub fn fit_and_follow(&mut self) {
        self.fit_pending = true;
        self.auto_fit = true;
    }

    /// The user's zoom (wheel, pinch, keys): the view stops following the canvas size.
    pub fn user_zoom(&mut self, factor: f32, anchor: Pos2) {
        self.auto_fit = false;
        self.zoom_by(factor, anchor);
    }

    /// Multiplies the zoom, keeping the chart point under `anchor` in place.
    pub fn zoom_by(&mut self, factor: f32, anchor: Pos2) {
        let fixed = self.to_chart(anchor);
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        self.offset = anchor - self.canvas.min - Vec2::new(fixed.x, fixed.y) * self.zoom;
    }

    /// Sets the zoom about the selected box when it is in view, else about the centre.
    pub fn set_zoom(&mut self, zoom: f32) {
        self.zoom_by(zoom / self.zoom, self.focus());
    }

    /// Where keyboard zoom is anchored: the selected box if it is on screen, else the centre.
    pub fn focus(&self) -> Pos2 {
        let selected = self.revealed_index.and_then(|unit| self.layout.as_ref()?.box_of_unit(unit));
        match selected {
            Some(b) => {
                let center = self.to_screen(b.rect.center());
                if self.canvas.contains(center) { center } else { self.canvas.center() }
            }
            None => self.canvas.center(),
        }
    }

    /// Pans so that the box of `unit` (index) is in view, if it is not.
    fn reveal(&mut self, unit: usize) {
        let Some(b) = self.layout.as_ref().and_then(|l| l.box_of_unit(unit)) else { return };
        let rect = egui::Rect::from_min_max(self.to_screen(b.rect.min), self.to_screen(b.rect.max));
        if !self.canvas.contains_rect(rect) {
            self.offset += self.canvas.center() - rect.center();
        }
    }

    /// Pans so that the box of `unit` (index) is in the middle of the canvas.
    pub fn centre_on(&mut self, unit: usize) {
        let Some(b) = self.layout.as_ref().and_then(|l| l.box_of_unit(unit)) else { return };
        self.offset += self.canvas.center() - self.to_screen(b.rect.center());
    }

    /// The unit index of the box at a screen position.
    fn unit_at(&self, pos: Pos2) -> Option<usize> {
        let p = self.to_chart(pos);
        self.layout.as_ref()?.boxes.iter().find(|b| b.rect.contains(p)).map(|b| b.unit)
    }

    /// The screen rectangle of the collapse toggle of a box.
    fn toggle_rect(&self, b: &layout::PlacedBox) -> egui::Rect {
        // On the bottom-right corner: clear of the connectors and of stacked positions below.
        let corner = self.to_screen(b.rect.max);
        egui::Rect::from_center_size(corner - Vec2::new(9.0, 0.0), Vec2::splat(14.0))
    }
}

/// Registers the chart's bundled font with egui (and as a fallback of the UI
/// font, which lacks arrows and other symbols).
pub fn install_fonts(ctx: &egui::Context) {
    use crate::layout::font::{BOLD_TTF, REGULAR_TTF};
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(CHART_FONT.into(), std::sync::Arc::new(egui::FontData::from_static(REGULAR_TTF)));
    fonts.font_data.insert(CHART_FONT_BOLD.into(), std::sync::Arc::new(egui::FontData::from_static(BOLD_TTF)));
    fonts.families.insert(egui::FontFamily::Name(CHART_FONT.into()), vec![CHART_FONT.into()]);
    fonts.families.insert(egui::FontFamily::Name(CHART_FONT_BOLD.into()), vec![CHART_FONT_BOLD.into()]);
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts.families.entry(family).or_default().push(CHART_FONT.into());
    }
    ctx.set_fonts(fonts);
}

fn color(c: Color) -> Color32 {
    Color32::from_rgba_unmultiplied(c.r, c.g, c.b, c.a)
}

pub fn show(ui: &mut egui::Ui, env: &Env, view: &ViewState, canvas: &mut ChartCanvas, out: &mut Vec<Action>) {
    canvas.refresh(env.doc, env.revision, env.settings.lang, super::compare::marks(env));
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, env.t.chart_title));
    if canvas.auto_fit && canvas.canvas.size() != rect.size() {
        canvas.fit_pending = true;
    }
    canvas.canvas = rect;
    if canvas.fit_pending {
        canvas.fit();
    }
    interact(ui, env, canvas, &response, out);
    // Edits shift indices: look the selection up every frame (a linear scan, cheap next to painting).
    canvas.revealed_index = view.selected.as_ref().and_then(|id| env.doc.index_of(id));
    if view.selected != canvas.revealed {
        canvas.revealed = view.selected.clone();
        if let Some(index) = canvas.revealed_index {
            canvas.reveal(index);
        }
    }
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    paint_scene(&painter, canvas);
    paint_overlays(&painter, env, view, canvas, ui);
}

fn interact(ui: &egui::Ui, env: &Env, canvas: &mut ChartCanvas, response: &egui::Response, out: &mut Vec<Action>) {
    if response.dragged() {
        canvas.offset += response.drag_delta();
    }
    if response.hovered() {
        let (zoom, scroll, pointer) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta(), i.pointer.hover_pos()));
        if zoom != 1.0 {
            canvas.user_zoom(gentle(zoom), pointer.unwrap_or(canvas.canvas.center()));
        } else if scroll != Vec2::ZERO {
            canvas.offset += scroll;
        }
    }
    let Some(pos) = response.interact_pointer_pos() else { return };
    if (response.clicked() || response.double_clicked())
        && let Some(unit) = canvas.unit_at(pos)
    {
        let id = env.doc.units[unit].id.clone();
        out.push(Action::Seal);
        out.push(if response.double_clicked() { Action::StartRename(id) } else { Action::Select(id) });
    }
}

/// egui's zoom per wheel notch or pinch step (about ×1.5: three notches took
/// 100 % to 332 %) tamed to about ×1.17, so a clerk can stop at the zoom wanted.
pub fn gentle(zoom_delta: f32) -> f32 {
    zoom_delta.powf(WHEEL_DAMPING)
}

const WHEEL_DAMPING: f32 = 0.4;

/// The side of a tile, in chart units: the primitives of one tile share a
/// cached mesh and are culled together.
const TILE: f32 = 800.0;

/// The primitives whose extent starts in one tile (in scene order), with the
/// tile's extent and, once drawn, its boxes and lines tessellated at one zoom
/// and placed at one screen origin.
struct Chunk {
    primitives: Vec<usize>,
    extent: layout::Rect,
    /// Tessellated at `zoom`, positions in chart units × zoom (origin at 0).
    mesh: Option<(f32, Arc<Mesh>)>,
    /// `mesh` moved to a screen origin: reused while the view does not move.
    placed: Option<(Vec2, Arc<Mesh>)>,
}

/// Primitives larger than this (long connectors across the chart) are not
/// put in a tile, whose extent they would stretch, but culled one by one.
const LOOSE: f32 = 2.0 * TILE;

/// The tiles, and the primitives too large for any tile.
fn chunks(extents: &[layout::Rect]) -> (Vec<Chunk>, Vec<usize>) {
    let mut tiles: std::collections::BTreeMap<(i32, i32), Vec<usize>> = std::collections::BTreeMap::new();
    let mut loose = Vec::new();
    for (i, e) in extents.iter().enumerate() {
        if e.width() > LOOSE || e.height() > LOOSE {
            loose.push(i);
            continue;
        }
        // Truncation to a tile index is the intent here.
        let key = ((e.min.x / TILE).floor() as i32, (e.min.y / TILE).floor() as i32);
        tiles.entry(key).or_default().push(i);
    }
    let tiles = tiles
        .into_values()
        .map(|primitives| {
            let extent = primitives.iter().skip(1).fold(extents[primitives[0]], |acc, &i| acc.union(&extents[i]));
            Chunk { primitives, extent, mesh: None, placed: None }
        })
        .collect();
    (tiles, loose)
}

/// Paints the tiles that intersect the visible area: boxes and lines from
/// meshes cached per zoom (a still view re-tessellates nothing, panning only
/// moves vertices), text per visible run.
fn paint_scene(painter: &egui::Painter, canvas: &mut ChartCanvas) {
    let visible = layout::Rect { min: canvas.to_chart(canvas.canvas.min), max: canvas.to_chart(canvas.canvas.max) };
    let zoom = canvas.zoom;
    let origin = canvas.canvas.min.to_vec2() + canvas.offset;
    let ctx = painter.ctx();
    let options = ctx.tessellation_options(|o| *o);
    let mut tessellator = Tessellator::new(ctx.pixels_per_point(), options, [1, 1], Vec::new());
    for &i in &canvas.loose {
        if canvas.extents[i].overlaps(&visible) {
            for shape in geometry(&canvas.scene.primitives[i], zoom) {
                let mut shape = shape;
                shape.translate(origin);
                painter.add(shape);
            }
        }
    }
    for chunk in &mut canvas.chunks {
        if !chunk.extent.overlaps(&visible) {
            continue;
        }
        let mesh = match &chunk.mesh {
            Some((at, mesh)) if at.to_bits() == zoom.to_bits() => mesh.clone(),
            _ => {
                let mut mesh = Mesh::default();
                for &i in &chunk.primitives {
                    for shape in geometry(&canvas.scene.primitives[i], zoom) {
                        tessellator.tessellate_shape(shape, &mut mesh);
                    }
                }
                let mesh = Arc::new(mesh);
                chunk.mesh = Some((zoom, mesh.clone()));
                chunk.placed = None;
                mesh
            }
        };
        let placed = match &chunk.placed {
            Some((at, placed)) if *at == origin => placed.clone(),
            _ => {
                let mut placed = (*mesh).clone();
                placed.translate(origin);
                let placed = Arc::new(placed);
                chunk.placed = Some((origin, placed.clone()));
                placed
            }
        };
        if !placed.is_empty() {
            painter.add(Shape::Mesh(placed));
        }
        for &i in &chunk.primitives {
            if let Primitive::Text(t) = &canvas.scene.primitives[i]
                && t.size * zoom >= MIN_TEXT_PX
                && canvas.extents[i].overlaps(&visible)
            {
                paint_text(painter, origin, zoom, t);
            }
        }
    }
}

/// The boxes and lines of a primitive as egui shapes, in chart units × zoom.
fn geometry(primitive: &Primitive, zoom: f32) -> Vec<Shape> {
    let at = |p: layout::Point| Pos2::new(p.x * zoom, p.y * zoom);
    match primitive {
        Primitive::Rect(r) if zoom < OUTLINE_ZOOM => {
            // Boxes a few pixels wide: one grey block each instead of a fill and an
            // outline, a third of the vertices for the same picture.
            let screen = egui::Rect::from_min_max(at(r.rect.min), at(r.rect.max));
            let ink = r.stroke.map(|s| s.color).or(r.fill).map_or(Color32::TRANSPARENT, color);
            vec![Shape::rect_filled(screen, 0.0, ink.gamma_multiply(0.55))]
        }
        Primitive::Rect(r) => {
            let screen = egui::Rect::from_min_max(at(r.rect.min), at(r.rect.max));
            let radius = r.corner_radius * zoom;
            let mut shapes = Vec::new();
            if let Some(fill) = r.fill {
                shapes.push(Shape::rect_filled(screen, radius, color(fill)));
            }
            if let Some(stroke) = r.stroke {
                let egui_stroke = Stroke::new((stroke.width * zoom).max(0.5), color(stroke.color));
                if stroke.dash == Dash::Solid {
                    shapes.push(Shape::rect_stroke(screen, radius, egui_stroke, egui::StrokeKind::Middle));
                } else {
                    let corners = [
                        screen.left_top(),
                        screen.right_top(),
                        screen.right_bottom(),
                        screen.left_bottom(),
                        screen.left_top(),
                    ];
                    shapes.extend(dashed(&corners, egui_stroke, stroke.dash, stroke.width * zoom));
                }
            }
            shapes
        }
        Primitive::Line(l) => {
            let points: Vec<Pos2> = l.points.iter().map(|p| at(*p)).collect();
            let stroke = Stroke::new((l.stroke.width * zoom).max(0.5), color(l.stroke.color));
            if l.stroke.dash == Dash::Solid {
                vec![Shape::line(points, stroke)]
            } else {
                dashed(&points, stroke, l.stroke.dash, l.stroke.width * zoom)
            }
        }
        Primitive::Text(_) => Vec::new(),
    }
}

fn paint_text(painter: &egui::Painter, origin: Vec2, zoom: f32, t: &crate::render::scene::TextRun) {
    let family = match t.weight {
        layout::font::Weight::Regular => CHART_FONT,
        layout::font::Weight::Bold => CHART_FONT_BOLD,
    };
    let ascent = layout::font::face(t.weight).ascent(t.size);
    let top = Pos2::new(t.origin.x * zoom, (t.origin.y - ascent) * zoom) + origin;
    let align = match t.anchor {
        Anchor::Start => egui::Align2::LEFT_TOP,
        Anchor::Middle => egui::Align2::CENTER_TOP,
        Anchor::End => egui::Align2::RIGHT_TOP,
    };
    let font = egui::FontId::new(t.size * zoom, egui::FontFamily::Name(family.into()));
    painter.text(top, align, &t.text, font, color(t.color));
}

fn dashed(points: &[Pos2], stroke: Stroke, dash: Dash, width: f32) -> Vec<Shape> {
    let pattern = dash.pattern(width.max(0.5));
    let (on, off) = (pattern.first().copied().unwrap_or(4.0), pattern.get(1).copied().unwrap_or(2.0));
    Shape::dashed_line(points, stroke, on, off)
}

/// Selection, search matches and the collapse toggles, on top of the scene.
fn paint_overlays(painter: &egui::Painter, env: &Env, view: &ViewState, canvas: &mut ChartCanvas, ui: &egui::Ui) {
    let Some(chart) = canvas.layout.as_ref() else { return };
    let matches: HashSet<usize> = if view.search.open {
        super::search::matches(env.doc, &view.search.query).into_iter().collect()
    } else {
        HashSet::new()
    };
    let mut toggled: Option<UnitId> = None;
    for b in &chart.boxes {
        let screen = egui::Rect::from_min_max(canvas.to_screen(b.rect.min), canvas.to_screen(b.rect.max));
        if !canvas.canvas.intersects(screen) {
            continue;
        }
        let unit = &env.doc.units[b.unit];
        if matches.contains(&b.unit) {
            painter.rect_filled(screen.expand(3.0), 3.0, Color32::from_rgba_unmultiplied(255, 200, 0, 90));
        }
        if view.is_selected(&unit.id) {
            painter.rect_stroke(
                screen.expand(3.0),
                3.0,
                Stroke::new(2.5, Color32::from_rgb(0x1f, 0x6f, 0xd1)),
                egui::StrokeKind::Outside,
            );
        }
        let has_children = env.doc.units.get(b.unit + 1).is_some_and(|u| u.parent.as_ref() == Some(&unit.id));
        if has_children && screen.width() > 40.0 {
            let toggle = canvas.toggle_rect(b);
            let response = ui.interact(toggle, ui.scope_id().with(("collapse", b.unit)), Sense::click());
            let collapsed = b.hidden_descendants > 0;
            let name = if collapsed { env.t.chart_expand } else { env.t.chart_collapse };
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, format!("{name}: {}", unit.label()))
            });
            let fill = if response.hovered() { Color32::from_rgb(0xdd, 0xe8, 0xf8) } else { Color32::WHITE };
            painter.circle(toggle.center(), 6.5, fill, Stroke::new(1.0, Color32::from_gray(90)));
            let c = toggle.center();
            let ink = Stroke::new(1.5, Color32::from_gray(40));
            painter.line_segment([c - Vec2::new(3.5, 0.0), c + Vec2::new(3.5, 0.0)], ink);
            if collapsed {
                painter.line_segment([c - Vec2::new(0.0, 3.5), c + Vec2::new(0.0, 3.5)], ink);
            }
            if response.clicked() {
                toggled = Some(unit.id.clone());
            }
        }
    }
    if let Some(id) = toggled
        && !canvas.collapsed.remove(&id)
    {
        canvas.collapsed.insert(id);
    }
}
