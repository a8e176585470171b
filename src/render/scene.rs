//! The scene: a flat list of drawing primitives in chart units, built from a
//! [`ChartLayout`]. SVG, PNG and the GUI canvas all draw this same list, so
//! an export looks like the screen.

use std::collections::HashMap;

use crate::i18n::{self, Lang};
use crate::layout::font::{self, Weight};
use crate::layout::{BoxStyle, ChartLayout, ConnectorKind, PlacedBox, Point, Rect};
use crate::model::{Document, UnitId};

/// An sRGB colour with alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: u8,
}

impl Color {
    pub const BLACK: Color = Color::grey(0);
    pub const WHITE: Color = Color::grey(255);

    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b, a: 255 }
    }

    pub const fn grey(level: u8) -> Self {
        Self::rgb(level, level, level)
    }
}

/// How a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dash {
    Solid,
    /// Long dashes ("nadzoruje bezpośrednio", moved units).
    Dashed,
    /// Dots ("współpracuje z", removed units).
    Dotted,
}

impl Dash {
    /// Dash and gap lengths for a line of `width`, empty for solid.
    pub fn pattern(self, width: f32) -> Vec<f32> {
        match self {
            Dash::Solid => Vec::new(),
            Dash::Dashed => vec![6.0 * width.max(0.5), 3.0 * width.max(0.5)],
            Dash::Dotted => vec![1.2 * width.max(0.5), 2.0 * width.max(0.5)],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    pub width: f32,
    pub color: Color,
    pub dash: Dash,
}

impl Stroke {
    pub const fn solid(width: f32, color: Color) -> Self {
        Self { width, color, dash: Dash::Solid }
    }
}

/// Where a text run's origin is along the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// A rectangle, filled and/or outlined.
#[derive(Debug, Clone, PartialEq)]
pub struct RectShape {
    pub rect: Rect,
    pub fill: Option<Color>,
    pub stroke: Option<Stroke>,
    pub corner_radius: f32,
}

/// An open polyline.
#[derive(Debug, Clone, PartialEq)]
pub struct Polyline {
    pub points: Vec<Point>,
    pub stroke: Stroke,
}

/// One line of text in the bundled font. `origin` is on the baseline; the
/// anchor says whether it is the start, middle or end of the line. The top of
/// the glyphs is `origin.y - font::face(weight).ascent(size)`.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub origin: Point,
    pub text: String,
    pub size: f32,
    pub weight: Weight,
    pub color: Color,
    pub anchor: Anchor,
}

/// One drawing primitive; the list is painted in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Primitive {
    Rect(RectShape),
    Line(Polyline),
    Text(TextRun),
}

impl Primitive {
    /// A rectangle holding everything the primitive paints (strokes included).
    pub fn extent(&self) -> Rect {
        match self {
            Primitive::Rect(r) => r.rect.expand(r.stroke.map_or(0.0, |s| s.width)),
            Primitive::Line(l) => {
                let first = l.points.first().copied().unwrap_or_default();
                let start = Rect::from_min_max(first, first);
                l.points.iter().fold(start, |r, p| r.union(&Rect::from_min_max(*p, *p))).expand(l.stroke.width)
            }
            Primitive::Text(t) => {
                let face = font::face(t.weight);
                let width = face.text_width(&t.text, t.size);
                let left = match t.anchor {
                    Anchor::Start => t.origin.x,
                    Anchor::Middle => t.origin.x - width / 2.0,
                    Anchor::End => t.origin.x - width,
                };
                let top = t.origin.y - face.ascent(t.size);
                Rect::from_min_max(Point::new(left, top), Point::new(left + width, t.origin.y + face.descent(t.size)))
                    .expand(1.0)
            }
        }
    }
}

/// What the review says happened to a unit; drawn with a colour and a
/// second cue (border style and a corner badge), so it reads in greyscale too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    Added,
    Changed,
    Moved,
    Removed,
}

impl Mark {
    pub fn color(self) -> Color {
        match self {
            Mark::Added => Color::rgb(0, 130, 60),
            Mark::Changed => Color::rgb(190, 110, 0),
            Mark::Moved => Color::rgb(30, 90, 200),
            Mark::Removed => Color::rgb(200, 30, 30),
        }
    }

    /// The badge text in the box's corner.
    pub fn badge(self) -> &'static str {
        match self {
            Mark::Added => "+",
            Mark::Changed => "Δ",
            Mark::Moved => "→",
            Mark::Removed => "−",
        }
    }

    /// The border style of a marked box (the cue that is not colour).
    pub fn dash(self) -> Dash {
        match self {
            Mark::Added | Mark::Changed => Dash::Solid,
            Mark::Moved => Dash::Dashed,
            Mark::Removed => Dash::Dotted,
        }
    }
}

/// The title block above the chart: the annex header (right-aligned, above),
/// the title line, then smaller lines.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TitleBlock {
    /// "Załącznik do zarządzenia nr … Prezydenta Miasta Lublin z dnia …".
    pub header: Option<String>,
    pub title: String,
    pub lines: Vec<String>,
}

impl TitleBlock {
    /// The annex's title block from the document's metadata: the header
    /// names the act the chart is annexed to (the amending act named in the
    /// version, else the act of the Regulamin), the title the department, and
    /// one line the version or the date in force, never the same date twice.
    ///
    /// The one place that reads the metadata for the header: when the
    /// metadata gets the act's frame fields, only this function changes.
    pub fn for_document(doc: &Document, lang: Lang) -> Self {
        let meta = &doc.meta;
        let version = meta.version.trim();
        let effective = meta.effective.map(|d| d.to_string()).unwrap_or_default();
        let base_act = meta.base_act_citation();
        let from_version = act_phrase(version);
        let header = match from_version.or_else(|| act_phrase(&base_act)) {
            Some((_, nr)) => i18n::chart::annex_header(lang, nr),
            None => i18n::chart::annex_header_blank(lang),
        };
        // The version without the act the header already names ("stan od 1 stycznia 2022 r.").
        let mut line = match from_version {
            Some((start, _)) => trim_joint(&version[..start]).to_owned(),
            None => version.to_owned(),
        };
        if !effective.is_empty() && !line.contains(&i18n::chart::date(lang, &effective)) {
            let since = i18n::chart::in_force_from(lang, &effective);
            line = if line.is_empty() { since } else { format!("{line}, {since}") };
        }
        let lines = if line.is_empty() { Vec::new() } else { vec![line] };
        Self { header: Some(header), title: i18n::chart::title(lang, &meta.department), lines }
    }
}

/// Where an act is named with its number and date in `text` ("… zarządzeniem
/// nr 58/12/2021 Prezydenta Miasta Lublin z dnia 22 grudnia 2021 r."): the
/// byte offset of the word "zarządzenie" (any case ending) and the phrase from
/// "nr" to the "r." closing the date.
fn act_phrase(text: &str) -> Option<(usize, &str)> {
    let start = text.find("zarządzen")?;
    let nr = start + text[start..].find("nr ")?;
    let dated = nr + text[nr..].find(" z dnia ")?;
    let end = dated + text[dated..].find(" r.")? + " r.".len();
    Some((start, text[nr..end].trim()))
}

/// `text` without the words joining it to an act named after it
/// ("stan od 1 stycznia 2022 r., po zmianach wprowadzonych " → "stan od 1 stycznia 2022 r.").
fn trim_joint(text: &str) -> &str {
    let mut t = text.trim_end();
    for joint in ["po zmianach wprowadzonych", "wprowadzonych", "zmienionego", "zmienionym", "na podstawie"] {
        t = t.strip_suffix(joint).unwrap_or(t).trim_end();
    }
    t.trim_end_matches([',', ';', ' '])
}

/// What to draw besides the boxes and lines.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SceneOptions {
    /// Review marks per unit.
    pub marks: HashMap<UnitId, Mark>,
    pub title: Option<TitleBlock>,
    /// Draw a legend of the box styles and line kinds in the chart.
    pub legend: bool,
    pub lang: Lang,
}

impl SceneOptions {
    /// The options of a printed annex: title block and legend in `lang`.
    pub fn annex(doc: &Document, lang: Lang) -> Self {
        Self { marks: HashMap::new(), title: Some(TitleBlock::for_document(doc, lang)), legend: true, lang }
    }
}

/// A chart ready to draw.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    pub primitives: Vec<Primitive>,
    /// Everything drawn lies inside.
    pub bounds: Rect,
}

impl Scene {
    /// The smallest font size used, if there is any text.
    pub fn smallest_text(&self) -> Option<f32> {
        self.texts().map(|t| t.size).reduce(f32::min)
    }

    /// The part of the scene whose primitives can show inside `region`
    /// (everything else dropped), so a sheet of a split chart draws only its share.
    pub fn within(&self, region: &Rect) -> Scene {
        let primitives = self.primitives.iter().filter(|p| p.extent().overlaps(region)).cloned().collect();
        Scene { primitives, bounds: self.bounds }
    }

    pub fn texts(&self) -> impl Iterator<Item = &TextRun> {
        self.primitives.iter().filter_map(|p| match p {
            Primitive::Text(t) => Some(t),
            _ => None,
        })
    }
}

/// How each box style looks.
struct Look {
    fill: Color,
    border: f32,
    radius: f32,
}

fn look(style: BoxStyle) -> Look {
    match style {
        BoxStyle::Department => Look { fill: Color::grey(200), border: 2.0, radius: 0.0 },
        BoxStyle::Division => Look { fill: Color::grey(218), border: 1.6, radius: 0.0 },
        BoxStyle::Director => Look { fill: Color::WHITE, border: 1.6, radius: 0.0 },
        BoxStyle::Deputy => Look { fill: Color::WHITE, border: 1.2, radius: 6.0 },
        BoxStyle::Referat => Look { fill: Color::grey(236), border: 1.0, radius: 0.0 },
        BoxStyle::Head => Look { fill: Color::WHITE, border: 0.9, radius: 3.0 },
        BoxStyle::Position | BoxStyle::MultiPosition => Look { fill: Color::WHITE, border: 0.6, radius: 0.0 },
    }
}

const INK: Color = Color::grey(20);
const LINE_WIDTH: f32 = 0.8;
const BLOCK_GAP: f32 = 16.0;
/// A legend under a narrow chart may still be this wide.
const LEGEND_MIN_WIDTH: f32 = 480.0;

/// Builds the scene of a laid-out chart: connectors under boxes, boxes with
/// their text, then the review marks, the title block and the legend.
pub fn build(doc: &Document, layout: &ChartLayout, options: &SceneOptions) -> Scene {
    let mut prims = Vec::with_capacity(layout.boxes.len() * 4 + layout.connectors.len());
    for c in &layout.connectors {
        let dash = match c.kind {
            ConnectorKind::Hierarchy => Dash::Solid,
            ConnectorKind::Supervision => Dash::Dashed,
            ConnectorKind::Cooperation => Dash::Dotted,
        };
        prims.push(Primitive::Line(Polyline {
            points: c.points.clone(),
            stroke: Stroke { width: LINE_WIDTH, color: INK, dash },
        }));
    }
    for b in &layout.boxes {
        let mark = doc.units.get(b.unit).and_then(|u| options.marks.get(&u.id)).copied();
        draw_box(&mut prims, b, layout, mark);
    }
    let chart = layout.bounds;
    let mut bounds = chart;
    if let Some(title) = &options.title {
        let height = title_primitives(title, 0.0, 0.0, 0.0).1.height();
        let top = chart.min.y - BLOCK_GAP - height;
        let (title, extent) = title_primitives(title, chart.center().x, top, chart.max.x);
        prims.extend(title);
        bounds = bounds.union(&extent);
    }
    if options.legend {
        let max_width = chart.width().max(LEGEND_MIN_WIDTH);
        let (legend, extent) = legend_primitives(layout, options.lang, chart.min.x, chart.max.y + BLOCK_GAP, max_width);
        prims.extend(legend);
        bounds = bounds.union(&extent);
    }
    Scene { primitives: prims, bounds }
}

fn draw_box(prims: &mut Vec<Primitive>, b: &PlacedBox, layout: &ChartLayout, mark: Option<Mark>) {
    let look = look(b.style);
    let m = &layout.metrics;
    if b.hidden_descendants > 0 {
        // Two cards peeking out behind the box: "there is more under this one".
        for offset in [4.0, 2.0] {
            prims.push(Primitive::Rect(RectShape {
                rect: b.rect.translate(offset, offset),
                fill: Some(Color::WHITE),
                stroke: Some(Stroke::solid(0.6, INK)),
                corner_radius: look.radius,
            }));
        }
    }
    let (border, color, dash) = match mark {
        Some(mark) => (look.border.max(1.6) + 0.6, mark.color(), mark.dash()),
        None => (look.border, INK, Dash::Solid),
    };
    prims.push(Primitive::Rect(RectShape {
        rect: b.rect,
        fill: Some(look.fill),
        stroke: Some(Stroke { width: border, color, dash }),
        corner_radius: look.radius,
    }));
    if b.multi_person {
        prims.push(Primitive::Rect(RectShape {
            rect: b.rect.expand(-2.2),
            fill: None,
            stroke: Some(Stroke::solid(0.6, color)),
            corner_radius: 0.0,
        }));
    }
    // Text block centred vertically and horizontally in the box.
    let symbol_line = symbol_line(b);
    let lines_height = b.name_lines.len() as f32 * m.name_line_height()
        + if symbol_line.is_empty() { 0.0 } else { m.symbol_line_height() };
    let mut top = b.rect.min.y + (b.rect.height() - lines_height) / 2.0;
    let x = b.rect.center().x;
    let weight = b.style.name_weight();
    for line in &b.name_lines {
        prims.push(Primitive::Text(TextRun {
            origin: Point::new(x, baseline(top, m.name_line_height(), m.name_size, weight)),
            text: line.clone(),
            size: m.name_size,
            weight,
            color: INK,
            anchor: Anchor::Middle,
        }));
        top += m.name_line_height();
    }
    if !symbol_line.is_empty() {
        prims.push(Primitive::Text(TextRun {
            origin: Point::new(x, baseline(top, m.symbol_line_height(), m.symbol_size, Weight::Bold)),
            text: symbol_line,
            size: m.symbol_size,
            weight: Weight::Bold,
            color: INK,
            anchor: Anchor::Middle,
        }));
    }
    if let Some(mark) = mark {
        prims.extend(mark_badge(mark, b.rect));
    }
}

/// The round badge of a review mark on the top-right corner of `rect`
/// (also drawn by the review legend, [`crate::diff::chart`]).
pub fn mark_badge(mark: Mark, rect: Rect) -> [Primitive; 2] {
    let badge = Rect::from_min_size(Point::new(rect.max.x - 6.0, rect.min.y - 6.0), 12.0, 12.0);
    [
        Primitive::Rect(RectShape {
            rect: badge,
            fill: Some(mark.color()),
            stroke: Some(Stroke::solid(0.8, Color::WHITE)),
            corner_radius: 6.0,
        }),
        Primitive::Text(TextRun {
            origin: Point::new(badge.center().x, baseline(badge.min.y, 12.0, 9.0, Weight::Bold)),
            text: mark.badge().to_owned(),
            size: 9.0,
            weight: Weight::Bold,
            color: Color::WHITE,
            anchor: Anchor::Middle,
        }),
    ]
}

/// The symbol line of a box: the symbol, and "(+N)" on a collapsed box.
/// The layout measures the box with the same text ([`crate::layout`]).
pub fn symbol_line(b: &PlacedBox) -> String {
    crate::layout::symbol_line(&b.symbol, b.hidden_descendants)
}

/// The baseline that centres a line's glyphs vertically in a line box.
fn baseline(line_top: f32, line_height: f32, size: f32, weight: Weight) -> f32 {
    let face = font::face(weight);
    line_top + (line_height + face.ascent(size) - face.descent(size)) / 2.0
}

const TITLE_SIZE: f32 = 14.0;
const SUBTITLE_SIZE: f32 = 10.0;
const HEADER_SIZE: f32 = 9.0;
/// Between the annex header and the title.
const HEADER_GAP: f32 = 6.0;

/// The title block centred on `center_x` with its top at `top`, the header
/// ending at `right` (at least as far right as the centred lines reach), and
/// its extent.
pub(crate) fn title_primitives(title: &TitleBlock, center_x: f32, top: f32, right: f32) -> (Vec<Primitive>, Rect) {
    let lines: Vec<(&str, f32, Weight)> = std::iter::once((title.title.as_str(), TITLE_SIZE, Weight::Bold))
        .chain(title.lines.iter().map(|l| (l.as_str(), SUBTITLE_SIZE, Weight::Regular)))
        .collect();
    let mut prims = Vec::with_capacity(lines.len() + 1);
    let mut y = top;
    let mut width = 0.0f32;
    let mut extent_right = center_x;
    let mut extent_left = center_x;
    if let Some(header) = &title.header {
        let header_width = font::face(Weight::Regular).text_width(header, HEADER_SIZE);
        let right = right.max(center_x + header_width / 2.0);
        prims.push(Primitive::Text(TextRun {
            origin: Point::new(right, baseline(y, HEADER_SIZE * font::LINE_HEIGHT, HEADER_SIZE, Weight::Regular)),
            text: header.clone(),
            size: HEADER_SIZE,
            weight: Weight::Regular,
            color: INK,
            anchor: Anchor::End,
        }));
        extent_right = right;
        extent_left = right - header_width;
        y += HEADER_SIZE * font::LINE_HEIGHT + HEADER_GAP;
    }
    for (text, size, weight) in &lines {
        width = width.max(font::face(*weight).text_width(text, *size));
        prims.push(Primitive::Text(TextRun {
            origin: Point::new(center_x, baseline(y, size * font::LINE_HEIGHT, *size, *weight)),
            text: (*text).to_owned(),
            size: *size,
            weight: *weight,
            color: INK,
            anchor: Anchor::Middle,
        }));
        y += size * font::LINE_HEIGHT;
    }
    let left = extent_left.min(center_x - width / 2.0);
    let right = extent_right.max(center_x + width / 2.0);
    (prims, Rect::from_min_max(Point::new(left, top), Point::new(right, y)))
}

const LEGEND_SIZE: f32 = 8.0;

/// The legend of the box styles and relation lines present in `layout`, in
/// rows no wider than `max_width` from (`left`, `top`), and its extent.
pub(crate) fn legend_primitives(
    layout: &ChartLayout,
    lang: Lang,
    left: f32,
    top: f32,
    max_width: f32,
) -> (Vec<Primitive>, Rect) {
    let t = i18n::chart::text(lang);
    let mut styles: Vec<BoxStyle> = layout.boxes.iter().map(|b| b.style).collect();
    styles.sort();
    styles.dedup();
    let mut entries: Vec<(&str, Entry)> =
        styles.into_iter().map(|s| (i18n::chart::style_name(lang, s), Entry::Box(s))).collect();
    for (kind, label) in [(ConnectorKind::Supervision, t.supervision), (ConnectorKind::Cooperation, t.cooperation)] {
        if layout.connectors.iter().any(|c| c.kind == kind) {
            entries.push((label, Entry::Line(kind)));
        }
    }
    let face = font::face(Weight::Regular);
    let (sample_w, sample_h, gap) = (26.0, 12.0, 5.0);
    let row_height = sample_h + 4.0;
    let mut prims = Vec::new();
    let heading = format!("{}:", t.legend);
    prims.push(Primitive::Text(TextRun {
        origin: Point::new(left, baseline(top, row_height, LEGEND_SIZE, Weight::Bold)),
        text: heading.clone(),
        size: LEGEND_SIZE,
        weight: Weight::Bold,
        color: INK,
        anchor: Anchor::Start,
    }));
    let indent = left + font::face(Weight::Bold).text_width(&heading, LEGEND_SIZE) + 2.0 * gap;
    let (mut x, mut row_top, mut right) = (indent, top, indent);
    for (label, entry) in entries {
        let entry_width = sample_w + gap + face.text_width(label, LEGEND_SIZE);
        if x > indent && x + entry_width > left + max_width {
            x = indent;
            row_top += row_height;
        }
        let sample = Rect::from_min_size(Point::new(x, row_top + (row_height - sample_h) / 2.0), sample_w, sample_h);
        match entry {
            Entry::Box(style) => {
                let look = look(style);
                prims.push(Primitive::Rect(RectShape {
                    rect: sample,
                    fill: Some(look.fill),
                    stroke: Some(Stroke::solid(look.border, INK)),
                    corner_radius: look.radius.min(4.0),
                }));
                if style == BoxStyle::MultiPosition {
                    prims.push(Primitive::Rect(RectShape {
                        rect: sample.expand(-2.2),
                        fill: None,
                        stroke: Some(Stroke::solid(0.6, INK)),
                        corner_radius: 0.0,
                    }));
                }
            }
            Entry::Line(kind) => {
                let dash = if kind == ConnectorKind::Supervision { Dash::Dashed } else { Dash::Dotted };
                let y = sample.center().y;
                prims.push(Primitive::Line(Polyline {
                    points: vec![Point::new(sample.min.x, y), Point::new(sample.max.x, y)],
                    stroke: Stroke { width: LINE_WIDTH, color: INK, dash },
                }));
            }
        }
        prims.push(Primitive::Text(TextRun {
            origin: Point::new(x + sample_w + gap, baseline(row_top, row_height, LEGEND_SIZE, Weight::Regular)),
            text: label.to_owned(),
            size: LEGEND_SIZE,
            weight: Weight::Regular,
            color: INK,
            anchor: Anchor::Start,
        }));
        x += entry_width;
        right = right.max(x);
        x += 3.0 * gap;
    }
    (prims, Rect::from_min_max(Point::new(left, top), Point::new(right, row_top + row_height)))
}

enum Entry {
    Box(BoxStyle),
    Line(ConnectorKind),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActRef, Date, Metadata};

    /// A document whose base act is [`ACT`] (or none, for an empty `act`).
    fn doc(act: &str, version: &str, effective: &str) -> Document {
        let base_act = match act {
            "" => ActRef::default(),
            _ => ActRef { number: "56/12/2018".into(), date: Date::new(2018, 12, 31), title: String::new() },
        };
        let meta = Metadata {
            department: "Departament Organizacji i Administracji".into(),
            organ_genitive: "Prezydenta Miasta Lublin".into(),
            base_act,
            version: version.into(),
            effective: effective.parse().ok(),
            ..Metadata::default()
        };
        let doc = Document { meta, ..Document::default() };
        assert_eq!(doc.meta.base_act_citation(), act);
        doc
    }

    const ACT: &str = "zarządzenie nr 56/12/2018 Prezydenta Miasta Lublin z dnia 31 grudnia 2018 r.";

    #[test]
    fn the_header_names_the_amending_act_and_the_date_is_not_repeated() {
        let version = "stan od 1 stycznia 2022 r., po zmianach wprowadzonych zarządzeniem nr 58/12/2021 Prezydenta Miasta Lublin z dnia 22 grudnia 2021 r.";
        let block = TitleBlock::for_document(&doc(ACT, version, "2022-01-01"), Lang::Pl);
        assert_eq!(
            block.header.as_deref(),
            Some("Załącznik do zarządzenia nr 58/12/2021 Prezydenta Miasta Lublin z dnia 22 grudnia 2021 r.")
        );
        assert_eq!(block.title, "Schemat graficzny struktury organizacyjnej Departamentu Organizacji i Administracji");
        assert_eq!(block.lines, vec!["stan od 1 stycznia 2022 r.".to_owned()]);
    }

    #[test]
    fn without_a_dated_act_in_the_version_the_header_names_the_regulamin_act() {
        let version = "stan do 31 grudnia 2021 r., przed zarządzeniem nr 58/12/2021 (rekonstrukcja)";
        let block = TitleBlock::for_document(&doc(ACT, version, ""), Lang::Pl);
        assert_eq!(
            block.header.as_deref(),
            Some("Załącznik do zarządzenia nr 56/12/2018 Prezydenta Miasta Lublin z dnia 31 grudnia 2018 r.")
        );
        assert_eq!(block.lines, vec![version.to_owned()]);
    }

    #[test]
    fn with_no_act_the_header_leaves_the_numbers_to_fill_in() {
        let block = TitleBlock::for_document(&doc("", "projekt", "2026-03-01"), Lang::Pl);
        assert_eq!(block.header.as_deref(), Some("Załącznik do zarządzenia nr … Prezydenta Miasta Lublin z dnia …"));
        assert_eq!(block.lines, vec!["projekt, obowiązuje od 1 marca 2026 r.".to_owned()]);
    }
}
