//! PDF output: the sheets' scenes painted as vector graphics with krilla, one
//! page per sheet, text as real text in the bundled font (embedded as a
//! subset, so the file prints and searches the same everywhere).
//!
//! The painter draws the same [`Scene`] primitives as the SVG writer, with no
//! SVG round trip (svg2pdf would bring a second usvg stack into the build).
//! Glyphs are placed with the advances the layout measured the boxes with
//! ([`crate::layout::font`]), so every label sits exactly where the PNG has it.

use std::sync::Arc;

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point as PdfPoint, Transform};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke as PdfStroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};

use super::RenderError;
use super::page::Sheet;
use super::scene::{Anchor, Color, Primitive, RectShape, Stroke};
use crate::layout::Rect;
use crate::layout::font::{self, BOLD_TTF, REGULAR_TTF, Weight};

/// One PDF with a page per sheet, in order.
pub fn to_pdf(sheets: &[Sheet], title: &str) -> Result<Vec<u8>, RenderError> {
    let fonts = Fonts::load()?;
    // Deterministic bytes: no creation date; krilla derives the file id from the content.
    let settings = SerializeSettings { xmp_metadata: false, ..SerializeSettings::default() };
    let mut document = Document::new_with(settings);
    document.set_metadata(
        krilla::metadata::Metadata::new()
            .title(title.to_owned())
            .creator(format!("schemat {}", env!("CARGO_PKG_VERSION"))),
    );
    for sheet in sheets {
        let size = PageSettings::from_wh(sheet.width_pt.max(1.0), sheet.height_pt.max(1.0))
            .ok_or_else(|| RenderError::Svg(format!("bad page size {}×{}", sheet.width_pt, sheet.height_pt)))?;
        let mut page = document.start_page_with(size);
        let mut surface = page.surface();
        for layer in &sheet.layers {
            let s = layer.scale;
            surface.push_transform(&Transform::from_row(s, 0.0, 0.0, s, layer.offset.x, layer.offset.y));
            let clipped = layer.clip.and_then(|clip| rect_path(&clip, 0.0));
            if let Some(clip) = &clipped {
                surface.push_clip_path(clip, &FillRule::NonZero);
            }
            for p in &layer.scene.primitives {
                paint(&mut surface, p, &fonts);
            }
            if clipped.is_some() {
                surface.pop();
            }
            surface.pop();
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| RenderError::Encode(format!("PDF: {e:?}")))
}

struct Fonts {
    regular: Font,
    bold: Font,
}

impl Fonts {
    fn load() -> Result<Self, RenderError> {
        let load = |bytes: &'static [u8]| {
            Font::new(Arc::new(bytes.to_vec()).into(), 0).ok_or_else(|| RenderError::Svg("the bundled font".into()))
        };
        Ok(Self { regular: load(REGULAR_TTF)?, bold: load(BOLD_TTF)? })
    }

    fn get(&self, weight: Weight) -> Font {
        match weight {
            Weight::Regular => self.regular.clone(),
            Weight::Bold => self.bold.clone(),
        }
    }
}

fn color(c: Color) -> rgb::Color {
    rgb::Color::new(c.r, c.g, c.b)
}

fn opacity(c: Color) -> NormalizedF32 {
    NormalizedF32::new(f32::from(c.a) / 255.0).unwrap_or(NormalizedF32::ONE)
}

fn fill(c: Color) -> Fill {
    Fill { paint: color(c).into(), opacity: opacity(c), rule: FillRule::NonZero }
}

fn stroke(s: &Stroke) -> PdfStroke {
    let pattern = s.dash.pattern(s.width);
    PdfStroke {
        paint: color(s.color).into(),
        width: s.width,
        miter_limit: 4.0,
        line_cap: LineCap::Butt,
        line_join: LineJoin::Miter,
        opacity: opacity(s.color),
        dash: (!pattern.is_empty()).then_some(StrokeDash { array: pattern, offset: 0.0 }),
    }
}

fn paint(surface: &mut Surface, p: &Primitive, fonts: &Fonts) {
    match p {
        Primitive::Rect(r) => paint_rect(surface, r),
        Primitive::Line(l) => {
            let mut path = PathBuilder::new();
            for (i, pt) in l.points.iter().enumerate() {
                if i == 0 { path.move_to(pt.x, pt.y) } else { path.line_to(pt.x, pt.y) }
            }
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(stroke(&l.stroke)));
                surface.draw_path(&path);
            }
        }
        Primitive::Text(t) => {
            let face = font::face(t.weight);
            let width = face.text_width(&t.text, t.size);
            let x = match t.anchor {
                Anchor::Start => t.origin.x,
                Anchor::Middle => t.origin.x - width / 2.0,
                Anchor::End => t.origin.x - width,
            };
            let glyphs: Vec<KrillaGlyph> = t
                .text
                .char_indices()
                .map(|(at, ch)| {
                    let range = at..at + ch.len_utf8();
                    KrillaGlyph::new(GlyphId::new(face.glyph_id(ch)), face.advance(ch), 0.0, 0.0, 0.0, range, None)
                })
                .collect();
            surface.set_stroke(None);
            surface.set_fill(Some(fill(t.color)));
            surface.draw_glyphs(PdfPoint::from_xy(x, t.origin.y), &glyphs, fonts.get(t.weight), &t.text, t.size, false);
        }
    }
}

fn paint_rect(surface: &mut Surface, r: &RectShape) {
    let Some(path) = rect_path(&r.rect, r.corner_radius) else { return };
    surface.set_fill(r.fill.map(fill));
    surface.set_stroke(r.stroke.as_ref().map(stroke));
    if r.fill.is_none() && r.stroke.is_none() {
        return;
    }
    surface.draw_path(&path);
}

/// A rectangle, with rounded corners when `radius` > 0 (quarter circles as cubics).
fn rect_path(rect: &Rect, radius: f32) -> Option<krilla::geom::Path> {
    let (x0, y0, x1, y1) = (rect.min.x, rect.min.y, rect.max.x, rect.max.y);
    let r = radius.min(rect.width() / 2.0).min(rect.height() / 2.0).max(0.0);
    let mut path = PathBuilder::new();
    if r <= 0.0 {
        path.move_to(x0, y0);
        path.line_to(x1, y0);
        path.line_to(x1, y1);
        path.line_to(x0, y1);
        path.close();
        return path.finish();
    }
    let k = r * 0.552_284_8;
    path.move_to(x0 + r, y0);
    path.line_to(x1 - r, y0);
    path.cubic_to(x1 - r + k, y0, x1, y0 + r - k, x1, y0 + r);
    path.line_to(x1, y1 - r);
    path.cubic_to(x1, y1 - r + k, x1 - r + k, y1, x1 - r, y1);
    path.line_to(x0 + r, y1);
    path.cubic_to(x0 + r - k, y1, x0, y1 - r + k, x0, y1 - r);
    path.line_to(x0, y0 + r);
    path.cubic_to(x0, y0 + r - k, x0 + r - k, y0, x0 + r, y0);
    path.close();
    path.finish()
}
