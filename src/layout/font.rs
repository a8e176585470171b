//! The bundled chart font (DejaVu Sans Condensed, regular and bold; licence in
//! `assets/fonts/LICENSE-DejaVu.txt`) and text measurement with it.
//!
//! The layout sizes boxes with the advances read here, and every renderer
//! (SVG, PNG, the GUI) draws with the same font files, so text fits its box.
//! Kerning is ignored when measuring: it only narrows a line, so a measured
//! line is never shorter than the drawn one by more than a hair.

use std::sync::OnceLock;

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// The family name the SVG asks for first; fallbacks follow in [`FAMILY_WITH_FALLBACKS`].
pub const FAMILY: &str = "DejaVu Sans Condensed";
/// The CSS font-family list written into SVG files.
pub const FAMILY_WITH_FALLBACKS: &str =
    "'DejaVu Sans Condensed', 'DejaVu Sans', 'Liberation Sans Narrow', Arial, sans-serif";
/// DejaVu Sans Condensed, regular.
pub const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansCondensed.ttf");
/// DejaVu Sans Condensed, bold.
pub const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansCondensed-Bold.ttf");

/// Line height as a multiple of the font size.
pub const LINE_HEIGHT: f32 = 1.2;

/// The font weights the chart uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Weight {
    Regular,
    Bold,
}

/// Characters below this code point have their advance in a table
/// (Basic Latin to Latin Extended-B: every Polish letter is in it).
const TABLE_END: u32 = 0x250;

/// Metrics of one bundled face, in fractions of the em.
pub struct Face {
    font: FontRef<'static>,
    table: Vec<f32>,
    units_per_em: f32,
    ascent: f32,
    descent: f32,
}

impl Face {
    fn load(bytes: &'static [u8]) -> Option<Self> {
        let font = FontRef::new(bytes).ok()?;
        let metrics = font.metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(metrics.units_per_em.max(1));
        let mut face = Self {
            font,
            table: Vec::new(),
            units_per_em,
            ascent: metrics.ascent / units_per_em,
            descent: -metrics.descent / units_per_em,
        };
        face.table = (0..TABLE_END).map(|c| char::from_u32(c).map_or(0.0, |c| face.lookup(c))).collect();
        Some(face)
    }

    fn lookup(&self, ch: char) -> f32 {
        let glyph = self.font.charmap().map(ch).unwrap_or_default();
        let advance = self.font.glyph_metrics(Size::unscaled(), LocationRef::default()).advance_width(glyph);
        advance.unwrap_or(0.0) / self.units_per_em
    }

    /// The glyph that draws `ch` (0, the .notdef glyph, for a missing character).
    pub fn glyph_id(&self, ch: char) -> u32 {
        self.font.charmap().map(ch).map_or(0, |g| g.to_u32())
    }

    /// The advance of `ch` in ems (the .notdef glyph's for a missing character).
    pub fn advance(&self, ch: char) -> f32 {
        match self.table.get(ch as usize) {
            Some(a) => *a,
            None => self.lookup(ch),
        }
    }

    /// The width of `text` at `size`, in the units of `size`.
    pub fn text_width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }

    /// Font units per em (glyph outlines and advances in font units divide by this).
    pub fn units_per_em(&self) -> f32 {
        self.units_per_em
    }

    /// The outline of glyph `glyph_id` as SVG path data in font units (y up,
    /// origin on the baseline); empty for a glyph without outline (a space).
    pub fn glyph_path(&self, glyph_id: u32) -> String {
        use skrifa::outline::{DrawSettings, OutlinePen};
        struct Pen(String);
        impl OutlinePen for Pen {
            fn move_to(&mut self, x: f32, y: f32) {
                self.0.push_str(&format!("M{x} {y}"));
            }
            fn line_to(&mut self, x: f32, y: f32) {
                self.0.push_str(&format!("L{x} {y}"));
            }
            fn quad_to(&mut self, cx: f32, cy: f32, x: f32, y: f32) {
                self.0.push_str(&format!("Q{cx} {cy} {x} {y}"));
            }
            fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
                self.0.push_str(&format!("C{cx0} {cy0} {cx1} {cy1} {x} {y}"));
            }
            fn close(&mut self) {
                self.0.push('Z');
            }
        }
        let mut pen = Pen(String::new());
        if let Some(glyph) = self.font.outline_glyphs().get(skrifa::GlyphId::new(glyph_id)) {
            let settings = DrawSettings::unhinted(Size::unscaled(), LocationRef::default());
            if glyph.draw(settings, &mut pen).is_err() {
                pen.0.clear();
            }
        }
        pen.0
    }

    /// True when the font has a real glyph (not .notdef) for `ch`.
    pub fn has_glyph(&self, ch: char) -> bool {
        self.font.charmap().map(ch).is_some_and(|g| g.to_u32() != 0)
    }

    /// Distance from the baseline up to the top of the line box, at `size`.
    pub fn ascent(&self, size: f32) -> f32 {
        self.ascent * size
    }

    /// Distance from the baseline down to the bottom of the glyphs, at `size`.
    pub fn descent(&self, size: f32) -> f32 {
        self.descent * size
    }
}

/// The bundled face of a weight.
pub fn face(weight: Weight) -> &'static Face {
    static REGULAR: OnceLock<Face> = OnceLock::new();
    static BOLD: OnceLock<Face> = OnceLock::new();
    let (cell, bytes) = match weight {
        Weight::Regular => (&REGULAR, REGULAR_TTF),
        Weight::Bold => (&BOLD, BOLD_TTF),
    };
    // The font files are compiled in and parse (tests/render.rs loads both),
    // so `load` cannot fail on them.
    cell.get_or_init(|| Face::load(bytes).expect("the bundled font parses"))
}

/// Words that stay on one line with the word after them ("§ 25", "ust. 3").
const KEEP_WITH_NEXT: [&str; 6] = ["§", "ust.", "pkt", "lit.", "nr", "ds."];

/// Designation levels that continue a designation ("§ 21 ust. 3 pkt 2").
const CONTINUES_DESIGNATION: [&str; 3] = ["ust.", "pkt", "lit."];

/// The words of `text`, a designation prefix joined to its number and a
/// whole designation ("(§ 21 ust. 3)") kept as one word.
fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut glue = false;
    let mut in_designation = false;
    for word in text.split_whitespace() {
        let bare = word.trim_start_matches('(');
        let continues = in_designation && CONTINUES_DESIGNATION.contains(&bare);
        match out.last_mut() {
            Some(last) if glue || continues => {
                last.push(' ');
                last.push_str(word);
            }
            _ => out.push(word.to_owned()),
        }
        in_designation = (bare == "§" || in_designation) && !word.ends_with(')');
        glue = KEEP_WITH_NEXT.contains(&bare);
    }
    out
}

/// Breaks `text` into lines no wider than `max_width` at `size`: greedily at
/// spaces (never between "§", "ust.", "pkt", "lit.", "nr" or "ds." and the
/// word after it), and inside a word only when the word alone is too wide.
/// The width of the widest word of `text` (as [`wrap`] splits it) at `size`:
/// a wrap width below it would break that word.
pub fn widest_word(text: &str, size: f32, weight: Weight) -> f32 {
    let face = face(weight);
    words(text).iter().map(|w| face.text_width(w, size)).fold(0.0, f32::max)
}

pub fn wrap(text: &str, size: f32, weight: Weight, max_width: f32) -> Vec<String> {
    let face = face(weight);
    let space = face.advance(' ') * size;
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0f32;
    for word in words(text) {
        let word = word.as_str();
        let width = face.text_width(word, size);
        if !line.is_empty() && line_width + space + width <= max_width {
            line.push(' ');
            line.push_str(word);
            line_width += space + width;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if width <= max_width {
            line.push_str(word);
            line_width = width;
            continue;
        }
        // A word wider than a whole line: cut it where it no longer fits.
        line_width = 0.0;
        for ch in word.chars() {
            let w = face.advance(ch) * size;
            if !line.is_empty() && line_width + w > max_width {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            line.push(ch);
            line_width += w;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn designations_stay_together_when_wrapping() {
        let lines = wrap("stanowisko pracy (§ 25 ust. 3)", 9.0, Weight::Regular, 100.0);
        assert_eq!(lines, ["stanowisko pracy", "(§ 25 ust. 3)"]);
        let lines = wrap("Zastępca Dyrektora ds. wsparcia użytkowników", 9.0, Weight::Bold, 80.0);
        assert!(lines.iter().any(|l| l.starts_with("ds. ")), "{lines:?}");
        assert_eq!(lines.join(" "), "Zastępca Dyrektora ds. wsparcia użytkowników");
    }

    #[test]
    fn an_overlong_word_is_cut_and_nothing_is_lost() {
        let lines = wrap("Konstantynopolitańczykowianeczka", 9.0, Weight::Regular, 40.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), "Konstantynopolitańczykowianeczka");
        assert_eq!(wrap("", 9.0, Weight::Regular, 40.0), vec![String::new()]);
    }
}
