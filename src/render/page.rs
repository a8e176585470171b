//! Fitting a chart onto printed pages (A4/A3, portrait/landscape, margins).
//!
//! Every sheet carries the title block at the top and the legend at the
//! bottom; the chart fills the space between. The chart is scaled to fit one
//! sheet (enlarged at most [`MAX_ENLARGE`] times) unless that would draw its
//! smallest text below [`MIN_TEXT_PT`]: then it is drawn at the scale that
//! keeps that text at 7 pt and split into numbered sheets, cut where the cut
//! crosses the fewest boxes. Beyond [`MAX_SHEETS`] sheets the chart is
//! reported as not fitting the page ([`RenderError::DoesNotFit`]).

use std::fmt;
use std::str::FromStr;

use super::RenderError;
use super::png::rasterize;
use super::scene::{self, Anchor, Color, Primitive, Scene, TextRun, TitleBlock};
use super::svg::{Layer, compose, compose_outlines};
use crate::i18n::{self, Lang};
use crate::layout::font::Weight;
use crate::layout::{self, ChartLayout, LayoutOptions, Point, Rect};
use crate::model::Document;

/// No text is printed smaller than this, in points.
pub const MIN_TEXT_PT: f32 = 7.0;
/// A small chart is enlarged at most this much to fill the page.
pub const MAX_ENLARGE: f32 = 1.5;
/// More sheets than this are reported as "does not fit".
pub const MAX_SHEETS: usize = 64;
const MM: f32 = 72.0 / 25.4;
const BLOCK_GAP: f32 = 10.0;
/// How far right of (or below) a box a cut goes, less than any gap between boxes.
const CUT_CLEARANCE: f32 = 3.0;

/// A paper format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    A3,
}

/// A page: paper, orientation and margin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Page {
    pub paper: Paper,
    pub landscape: bool,
    pub margin_mm: f32,
}

/// A page name that is not `a4`, `a3`, optionally with `-portrait` or `-landscape`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown page {0:?}; use a4, a3, a4-landscape, a3-landscape, a4-portrait or a3-portrait")]
pub struct UnknownPage(pub String);

impl FromStr for Page {
    type Err = UnknownPage;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        let (paper, orientation) = lower.split_once('-').unwrap_or((&lower, "portrait"));
        let paper = match paper {
            "a4" => Paper::A4,
            "a3" => Paper::A3,
            _ => return Err(UnknownPage(s.to_owned())),
        };
        let landscape = match orientation {
            "landscape" => true,
            "portrait" => false,
            _ => return Err(UnknownPage(s.to_owned())),
        };
        Ok(Self { paper, landscape, margin_mm: 10.0 })
    }
}

impl fmt::Display for Page {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let paper = if self.paper == Paper::A4 { "a4" } else { "a3" };
        write!(f, "{paper}-{}", if self.landscape { "landscape" } else { "portrait" })
    }
}

impl Page {
    /// Width and height in points.
    pub fn size_pt(&self) -> (f32, f32) {
        let (w, h) = match self.paper {
            Paper::A4 => (210.0, 297.0),
            Paper::A3 => (297.0, 420.0),
        };
        let (w, h) = if self.landscape { (h, w) } else { (w, h) };
        (w * MM, h * MM)
    }
}

/// One printed sheet, ready to write as SVG, PNG or a PDF page.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub svg: String,
    pub width_pt: f32,
    pub height_pt: f32,
    /// The chart's scale on this sheet (1 = natural size).
    pub scale: f32,
    /// What is drawn, in order: the chart's part, then the title block, legend
    /// and sheet number (the PDF painter draws these; `svg` is made from them).
    pub layers: Vec<PlacedScene>,
}

/// A scene placed on a sheet: scaled by `scale`, moved by `offset`, showing
/// only `clip` (in scene units) when given. The owned form of [`Layer`].
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedScene {
    pub scene: Scene,
    pub scale: f32,
    pub offset: Point,
    pub clip: Option<Rect>,
}

impl Sheet {
    /// A sheet of `width_pt`×`height_pt` drawing `layers` in order.
    pub fn new(layers: Vec<PlacedScene>, width_pt: f32, height_pt: f32, scale: f32) -> Self {
        let borrowed: Vec<Layer> =
            layers.iter().map(|l| Layer { scene: &l.scene, scale: l.scale, offset: l.offset, clip: l.clip }).collect();
        let svg = compose(&borrowed, width_pt, height_pt, "pt");
        Self { svg, width_pt, height_pt, scale, layers }
    }

    /// The sheet as a PNG of the page's size at `dpi`.
    pub fn to_png(&self, dpi: f32) -> Result<Vec<u8>, RenderError> {
        let layers: Vec<Layer> = self
            .layers
            .iter()
            .map(|l| Layer { scene: &l.scene, scale: l.scale, offset: l.offset, clip: l.clip })
            .collect();
        rasterize(&compose_outlines(&layers, self.width_pt, self.height_pt, "pt"), self.width_pt, self.height_pt, dpi)
    }
}

/// Rasterises every sheet at `dpi`, in order. Sheets are independent and
/// resvg is single-threaded, so they are spread over the available cores (a
/// 1k-unit chart is about 20 A3 sheets).
pub fn sheets_to_png(sheets: &[Sheet], dpi: f32) -> Result<Vec<Vec<u8>>, RenderError> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, sheets.len().max(1));
    if workers == 1 {
        return sheets.iter().map(|sheet| sheet.to_png(dpi)).collect();
    }
    let per_worker = sheets.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let handles: Vec<_> = sheets
            .chunks(per_worker)
            .map(|part| scope.spawn(move || part.iter().map(|sheet| sheet.to_png(dpi)).collect::<Vec<_>>()))
            .collect();
        let mut pngs = Vec::with_capacity(sheets.len());
        for handle in handles {
            // A panic in a worker is a bug in rendering; pass it on unchanged.
            let part = handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for png in part {
                pngs.push(png?);
            }
        }
        Ok(pngs)
    })
}

/// What goes on every sheet besides the chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Furniture {
    pub title: Option<TitleBlock>,
    pub legend: bool,
    pub lang: Lang,
}

/// The deepest column nesting [`fit_document`] tries.
pub const MAX_STACK_LEVELS: u8 = 3;

/// The name wrap widths [`fit_document`] tries, as fractions of the default:
/// narrower boxes with more lines make a wide chart narrower.
const WRAP_FRACTIONS: [f32; 5] = [1.0, 0.85, 0.7, 0.6, 0.5];

/// Lays a document out for `page`: with compact stacking on, it tries column
/// nesting depths 1 to [`MAX_STACK_LEVELS`] and narrower name wrapping, and
/// keeps the layout that needs the fewest sheets and, among those, prints
/// largest (the first tried on a tie: shallowest, widest boxes).
pub fn fit_document(
    doc: &Document,
    options: &LayoutOptions,
    marks: &scene::SceneOptions,
    furniture: &Furniture,
    page: &Page,
) -> Result<(ChartLayout, Vec<Sheet>), RenderError> {
    let (_, chart, scene, plan) = best_fit(doc, options, marks, furniture, page)?;
    let sheets = build_sheets(&scene, &plan, furniture);
    Ok((chart, sheets))
}

/// The layout options [`fit_document`] picks for the annex of `doc` on an A3
/// landscape sheet: the editor draws its chart with them, so the screen shows
/// the annex as it will print.
pub fn annex_layout_options(doc: &Document, options: &LayoutOptions, lang: Lang) -> Option<LayoutOptions> {
    let page = Page { paper: Paper::A3, landscape: true, margin_mm: 10.0 };
    let furniture = Furniture { title: Some(TitleBlock::for_document(doc, lang)), legend: true, lang };
    let marks = scene::SceneOptions { lang, ..scene::SceneOptions::default() };
    best_fit(doc, options, &marks, &furniture, &page).ok().map(|(options, ..)| options)
}

fn best_fit(
    doc: &Document,
    options: &LayoutOptions,
    marks: &scene::SceneOptions,
    furniture: &Furniture,
    page: &Page,
) -> Result<(LayoutOptions, ChartLayout, Scene, Plan), RenderError> {
    let depths =
        if options.compact_positions { 1..=MAX_STACK_LEVELS } else { options.stack_levels..=options.stack_levels };
    let bare = scene::SceneOptions { title: None, legend: false, ..marks.clone() };
    let mut best: Option<(LayoutOptions, ChartLayout, Scene, Plan)> = None;
    let mut last_error = None;
    for stack_levels in depths {
        for fraction in WRAP_FRACTIONS {
            // Narrower wrapping; a box still never breaks a word inside (`layout::boxes`).
            let mut boxes = options.boxes;
            boxes.max_text_width *= fraction;
            boxes.min_width = boxes.min_width.min(boxes.max_text_width + 2.0 * boxes.padding_x);
            let candidate_options = LayoutOptions { stack_levels, boxes, ..options.clone() };
            let chart = layout::layout(doc, &candidate_options);
            let scene = scene::build(doc, &chart, &bare);
            match plan(&scene, &chart, furniture, page) {
                Ok(candidate) => {
                    let better = best.as_ref().is_none_or(|(_, _, _, b)| {
                        let (n, m) = (candidate.regions.len(), b.regions.len());
                        n < m || (n == m && candidate.scale > b.scale * 1.001)
                    });
                    if better {
                        best = Some((candidate_options, chart, scene, candidate));
                    }
                }
                Err(e) => last_error = Some(e),
            }
        }
    }
    best.ok_or_else(|| last_error.unwrap_or(RenderError::DoesNotFit { page: page.to_string(), min_pt: MIN_TEXT_PT }))
}

/// The chart at its natural size (1 unit = 1 pt) times `scale` on one sheet
/// of its own size with a margin: the export without a page. `scene` carries
/// its own title block and legend.
pub fn natural_sheet(scene: &Scene, scale: f32) -> Sheet {
    let view = scene.bounds.expand(super::svg::MARGIN);
    let offset = Point::new(-view.min.x * scale, -view.min.y * scale);
    let layer = PlacedScene { scene: scene.clone(), scale, offset, clip: None };
    Sheet::new(vec![layer], view.width() * scale, view.height() * scale, scale)
}

/// Lays `chart` (a scene without title or legend) out on sheets of `page`.
pub fn sheets(
    chart: &Scene,
    layout: &ChartLayout,
    furniture: &Furniture,
    page: &Page,
) -> Result<Vec<Sheet>, RenderError> {
    let plan = plan(chart, layout, furniture, page)?;
    Ok(build_sheets(chart, &plan, furniture))
}

/// Where the chart goes on the sheets of a page, before anything is drawn.
struct Plan {
    page_w: f32,
    page_h: f32,
    content: Rect,
    /// The space between the title block and the legend.
    area: Rect,
    header: Vec<Primitive>,
    footer: Vec<Primitive>,
    /// The part of the chart on each sheet, in chart units.
    regions: Vec<Rect>,
    scale: f32,
}

fn plan(chart: &Scene, layout: &ChartLayout, furniture: &Furniture, page: &Page) -> Result<Plan, RenderError> {
    let (page_w, page_h) = page.size_pt();
    let margin = page.margin_mm * MM;
    let content = Rect::from_min_max(Point::new(margin, margin), Point::new(page_w - margin, page_h - margin));
    let does_not_fit = || RenderError::DoesNotFit { page: page.to_string(), min_pt: MIN_TEXT_PT };

    let mut header: Vec<Primitive> = Vec::new();
    let mut chart_top = content.min.y;
    if let Some(title) = &furniture.title {
        let (prims, extent) = scene::title_primitives(title, content.center().x, content.min.y, content.max.x);
        header = prims;
        chart_top = extent.max.y + BLOCK_GAP;
    }
    // The legend and the sheet number share the bottom band.
    let label_height = 10.0;
    let mut footer: Vec<Primitive> = Vec::new();
    let mut chart_bottom = content.max.y - label_height;
    if furniture.legend {
        let (probe, extent) = scene::legend_primitives(layout, furniture.lang, 0.0, 0.0, content.width() * 0.8);
        let top = content.max.y - extent.height();
        footer = probe;
        translate(&mut footer, content.min.x, top);
        chart_bottom = top - BLOCK_GAP;
    }
    let area = Rect::from_min_max(Point::new(content.min.x, chart_top), Point::new(content.max.x, chart_bottom));
    if area.width() <= 0.0 || area.height() <= 0.0 {
        return Err(does_not_fit());
    }

    let bounds = chart.bounds;
    let fit = (area.width() / bounds.width().max(1.0)).min(area.height() / bounds.height().max(1.0)).min(MAX_ENLARGE);
    let least = chart.smallest_text().map_or(0.0, |s| MIN_TEXT_PT / s);
    let mut regions = Vec::new();
    let scale = if fit >= least {
        regions.push(bounds);
        fit
    } else {
        let scale = least;
        let xs = cuts(
            bounds.min.x,
            bounds.max.x,
            area.width() / scale,
            layout.boxes.iter().map(|b| (b.rect.min.x, b.rect.max.x)),
        );
        let ys = cuts(
            bounds.min.y,
            bounds.max.y,
            area.height() / scale,
            layout.boxes.iter().map(|b| (b.rect.min.y, b.rect.max.y)),
        );
        if (xs.len() - 1) * (ys.len() - 1) > MAX_SHEETS {
            return Err(does_not_fit());
        }
        for row in ys.windows(2) {
            for col in xs.windows(2) {
                let region = Rect::from_min_max(Point::new(col[0], row[0]), Point::new(col[1], row[1]));
                if layout.boxes.iter().any(|b| b.rect.overlaps(&region)) {
                    regions.push(region);
                }
            }
        }
        scale
    };
    Ok(Plan { page_w, page_h, content, area, header, footer, regions, scale })
}

fn build_sheets(chart: &Scene, plan: &Plan, furniture: &Furniture) -> Vec<Sheet> {
    let Plan { page_w, page_h, content, area, scale, .. } = *plan;
    let count = plan.regions.len();
    let mut out = Vec::with_capacity(count);
    for (i, region) in plan.regions.iter().enumerate() {
        // One sheet: centred in the area; several: each region from the top-left of the area.
        let offset = if count == 1 {
            // Right under the title block, as drawn annexes are.
            Point::new(area.center().x - region.center().x * scale, area.min.y - region.min.y * scale)
        } else {
            Point::new(area.min.x - region.min.x * scale, area.min.y - region.min.y * scale)
        };
        let mut overlay = Scene { primitives: plan.header.clone(), bounds: content };
        overlay.primitives.extend(plan.footer.iter().cloned());
        if count > 1 {
            overlay.primitives.push(Primitive::Text(TextRun {
                origin: Point::new(content.max.x, content.max.y - 2.0),
                text: i18n::chart::sheet(furniture.lang, i + 1, count),
                size: 8.0,
                weight: Weight::Bold,
                color: Color::grey(20),
                anchor: Anchor::End,
            }));
        }
        let (clip, part) = if count > 1 { (Some(*region), chart.within(region)) } else { (None, chart.clone()) };
        let layers = vec![
            PlacedScene { scene: part, scale, offset, clip },
            PlacedScene { scene: overlay, scale: 1.0, offset: Point::default(), clip: None },
        ];
        out.push(Sheet::new(layers, page_w, page_h, scale));
    }
    out
}

fn translate(prims: &mut [Primitive], dx: f32, dy: f32) {
    for p in prims {
        match p {
            Primitive::Rect(r) => r.rect = r.rect.translate(dx, dy),
            Primitive::Line(l) => l.points.iter_mut().for_each(|q| *q = Point::new(q.x + dx, q.y + dy)),
            Primitive::Text(t) => t.origin = Point::new(t.origin.x + dx, t.origin.y + dy),
        }
    }
}

/// Cut positions from `start` to `end`, at most `span` apart, each placed
/// where it crosses the fewest of the given intervals (boxes), preferring the
/// furthest such place in the last 40 % of the span.
fn cuts(start: f32, end: f32, span: f32, intervals: impl Iterator<Item = (f32, f32)>) -> Vec<f32> {
    let intervals: Vec<(f32, f32)> = intervals.collect();
    let mut out = vec![start];
    let mut at = start;
    while end - at > span {
        let ideal = at + span;
        let window = at + span * 0.6;
        let crossing = |x: f32| intervals.iter().filter(|(a, b)| *a < x && x < *b).count();
        let mut best = (crossing(ideal), ideal);
        for &(_, b) in &intervals {
            // Just right of a box, inside the gap before the next one.
            let x = b + CUT_CLEARANCE;
            if x >= window && x <= ideal {
                let c = crossing(x);
                if c < best.0 || (c == best.0 && x > best.1) {
                    best = (c, x);
                }
            }
        }
        at = best.1;
        out.push(at);
    }
    out.push(end);
    out
}
