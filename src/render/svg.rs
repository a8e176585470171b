//! SVG output: the SVG carries its font. Every glyph is drawn from the
//! bundled font's outline (one `<path>` per glyph used, in `<defs>`, placed
//! with `<use>` at the advances the layout measured with), so the chart looks
//! the same on a machine without DejaVu Sans Condensed (the office's Windows
//! PCs would substitute the wider Arial and labels would touch their borders).
//! Files also carry the text itself, invisible, so it can be searched and
//! copied. Names are XML-escaped and the viewBox fits the drawing. Numbers are
//! written with two decimals, so the same scene always gives the same bytes.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::scene::{Anchor, Color, Primitive, Scene, Stroke, TextRun};
use crate::layout::font::{self, FAMILY_WITH_FALLBACKS, Weight};
use crate::layout::{Point, Rect};

/// Blank space around the drawing of a standalone SVG, in chart units.
pub const MARGIN: f32 = 12.0;

/// A scene placed on a canvas: scaled by `scale`, then moved by `offset`,
/// showing only `clip` (in scene units) when given.
#[derive(Debug, Clone, Copy)]
pub struct Layer<'a> {
    pub scene: &'a Scene,
    pub scale: f32,
    pub offset: Point,
    pub clip: Option<Rect>,
}

/// The SVG of a scene at its natural size (1 unit = 1 pt), with a margin.
pub fn to_svg(scene: &Scene) -> String {
    let view = scene.bounds.expand(MARGIN);
    let layer = Layer { scene, scale: 1.0, offset: Point::new(-view.min.x, -view.min.y), clip: None };
    compose(&[layer], view.width(), view.height(), "pt")
}

/// An SVG file of `width`×`height` (in `unit`, e.g. "pt"; the viewBox is in
/// plain units of the same size) on a white background, drawing the layers in
/// order: glyph outlines, and the text invisible over them.
pub fn compose(layers: &[Layer], width: f32, height: f32, unit: &str) -> String {
    compose_with(layers, width, height, unit, true)
}

/// As [`compose`], without the invisible text: what the PNG rasteriser draws.
pub fn compose_outlines(layers: &[Layer], width: f32, height: f32, unit: &str) -> String {
    compose_with(layers, width, height, unit, false)
}

fn compose_with(layers: &[Layer], width: f32, height: f32, unit: &str, searchable: bool) -> String {
    let mut body = String::with_capacity(256 + layers.iter().map(|l| l.scene.primitives.len() * 160).sum::<usize>());
    let mut glyphs = BTreeSet::new();
    write_layers(&mut body, layers, searchable, &mut glyphs);
    let mut out = String::with_capacity(body.len() + glyphs.len() * 400 + 512);
    let (w, h) = (num(width), num(height));
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}{unit}" height="{h}{unit}" viewBox="0 0 {w} {h}">"#
    );
    if !glyphs.is_empty() {
        out.push_str("<defs>\n");
        for (weight, id) in &glyphs {
            let path = font::face(*weight).glyph_path(*id);
            let _ = writeln!(out, r#"<path id="{}{id}" d="{path}"/>"#, glyph_prefix(*weight));
        }
        out.push_str("</defs>\n");
    }
    let _ = writeln!(out, r##"<rect x="0" y="0" width="{w}" height="{h}" fill="#ffffff"/>"##);
    out.push_str(&body);
    out.push_str("</svg>\n");
    out
}

fn glyph_prefix(weight: Weight) -> &'static str {
    match weight {
        Weight::Regular => "r",
        Weight::Bold => "b",
    }
}

fn write_layers(out: &mut String, layers: &[Layer], searchable: bool, glyphs: &mut BTreeSet<(Weight, u32)>) {
    for (i, layer) in layers.iter().enumerate() {
        if let Some(clip) = layer.clip {
            let _ = writeln!(
                out,
                r#"<clipPath id="clip{i}"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
                num(clip.min.x),
                num(clip.min.y),
                num(clip.width()),
                num(clip.height())
            );
        }
        let _ = write!(
            out,
            r#"<g transform="translate({} {}) scale({})" font-family="{}""#,
            num(layer.offset.x),
            num(layer.offset.y),
            num4(layer.scale),
            FAMILY_WITH_FALLBACKS
        );
        if layer.clip.is_some() {
            let _ = write!(out, r#" clip-path="url(#clip{i})""#);
        }
        out.push_str(">\n");
        for p in &layer.scene.primitives {
            write_primitive(out, p, searchable, glyphs);
        }
        out.push_str("</g>\n");
    }
}

fn write_primitive(out: &mut String, p: &Primitive, searchable: bool, glyphs: &mut BTreeSet<(Weight, u32)>) {
    match p {
        Primitive::Rect(r) => {
            let _ = write!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="{}""#,
                num(r.rect.min.x),
                num(r.rect.min.y),
                num(r.rect.width()),
                num(r.rect.height())
            );
            if r.corner_radius > 0.0 {
                let _ = write!(out, r#" rx="{}""#, num(r.corner_radius));
            }
            let _ = write!(out, r#" fill="{}""#, r.fill.map_or_else(|| "none".to_owned(), hex));
            if let Some(stroke) = &r.stroke {
                write_stroke(out, stroke);
            }
            out.push_str("/>\n");
        }
        Primitive::Line(l) => {
            out.push_str(r#"<polyline points=""#);
            for (i, pt) in l.points.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                let _ = write!(out, "{},{}", num(pt.x), num(pt.y));
            }
            out.push_str(r#"" fill="none""#);
            write_stroke(out, &l.stroke);
            out.push_str("/>\n");
        }
        Primitive::Text(t) => {
            write_glyphs(out, t, glyphs);
            if !searchable {
                return;
            }
            let anchor = match t.anchor {
                Anchor::Start => "start",
                Anchor::Middle => "middle",
                Anchor::End => "end",
            };
            let _ = write!(
                out,
                r#"<text x="{}" y="{}" font-size="{}" text-anchor="{anchor}" fill="{}""#,
                num(t.origin.x),
                num(t.origin.y),
                num(t.size),
                hex(t.color)
            );
            out.push_str(r#" fill-opacity="0""#);
            if t.weight == Weight::Bold {
                out.push_str(r#" font-weight="bold""#);
            }
            out.push('>');
            escape_into(out, &t.text);
            out.push_str("</text>\n");
        }
    }
}

/// A text run as glyph outlines of the bundled font, at the advances the
/// layout measured the text with; records the glyphs used.
fn write_glyphs(out: &mut String, t: &TextRun, glyphs: &mut BTreeSet<(Weight, u32)>) {
    let face = font::face(t.weight);
    let width = face.text_width(&t.text, t.size);
    let left = match t.anchor {
        Anchor::Start => t.origin.x,
        Anchor::Middle => t.origin.x - width / 2.0,
        Anchor::End => t.origin.x - width,
    };
    let upem = face.units_per_em();
    let _ = write!(
        out,
        r#"<g transform="translate({} {}) scale({} -{})" fill="{}">"#,
        num(left),
        num(t.origin.y),
        num6(t.size / upem),
        num6(t.size / upem),
        hex(t.color)
    );
    let prefix = glyph_prefix(t.weight);
    let mut x = 0.0f32;
    for ch in t.text.chars() {
        if !ch.is_whitespace() && !ch.is_control() {
            let id = face.glyph_id(ch);
            glyphs.insert((t.weight, id));
            let _ = write!(out, r##"<use href="#{prefix}{id}" x="{}"/>"##, x.round());
        }
        x += face.advance(ch) * upem;
    }
    out.push_str("</g>\n");
}

fn write_stroke(out: &mut String, stroke: &Stroke) {
    let _ = write!(out, r#" stroke="{}" stroke-width="{}""#, hex(stroke.color), num(stroke.width));
    let pattern = stroke.dash.pattern(stroke.width);
    if !pattern.is_empty() {
        let dashes: Vec<String> = pattern.iter().map(|d| num(*d)).collect();
        let _ = write!(out, r#" stroke-dasharray="{}""#, dashes.join(" "));
    }
}

fn hex(c: Color) -> String {
    if c.a == 255 {
        format!("#{:02x}{:02x}{:02x}", c.r, c.g, c.b)
    } else {
        format!("#{:02x}{:02x}{:02x}{:02x}", c.r, c.g, c.b, c.a)
    }
}

/// A number with at most two decimals and no trailing zeros.
fn num(v: f32) -> String {
    trimmed(format!("{:.2}", if v.is_finite() { v } else { 0.0 }))
}

fn num6(v: f32) -> String {
    trimmed(format!("{:.6}", if v.is_finite() { v } else { 0.0 }))
}

fn num4(v: f32) -> String {
    trimmed(format!("{:.4}", if v.is_finite() { v } else { 0.0 }))
}

fn trimmed(s: String) -> String {
    let s = if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_owned() } else { s };
    if s == "-0" { "0".to_owned() } else { s }
}

/// Escapes XML's special characters and drops characters XML 1.0 forbids.
fn escape_into(out: &mut String, text: &str) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.256), "1.26");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f32::NAN), "0");
    }

    #[test]
    fn names_are_escaped() {
        let mut out = String::new();
        escape_into(&mut out, "A & B <C> \"d\" 'e'\u{1}");
        assert_eq!(out, "A &amp; B &lt;C&gt; &quot;d&quot; &apos;e&apos;");
    }
}
