//! What a unit's box says and how big it is: the name wrapped with the
//! bundled font, the symbol, and the style that tells the kinds apart.

use super::font::{self, LINE_HEIGHT, Weight};
use crate::model::{Unit, UnitKind};

/// How a box is drawn; every style differs from the others in greyscale
/// (fill shade, border weight, corner shape), not only in colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BoxStyle {
    /// The department at the top.
    Department,
    /// Wydział or biuro.
    Division,
    /// Dyrektor.
    Director,
    /// Zastępca dyrektora.
    Deputy,
    /// Referat or zespół.
    Referat,
    /// Kierownik referatu.
    Head,
    /// A single-person position, in a referat or on its own.
    Position,
    /// Wieloosobowe stanowisko pracy (drawn with a double border).
    MultiPosition,
}

impl BoxStyle {
    /// Every style, in the order of the legend.
    pub const ALL: [BoxStyle; 8] = [
        BoxStyle::Department,
        BoxStyle::Division,
        BoxStyle::Director,
        BoxStyle::Deputy,
        BoxStyle::Referat,
        BoxStyle::Head,
        BoxStyle::Position,
        BoxStyle::MultiPosition,
    ];

    pub fn of(kind: UnitKind) -> Self {
        match kind {
            UnitKind::Departament => BoxStyle::Department,
            UnitKind::Wydzial | UnitKind::Biuro => BoxStyle::Division,
            UnitKind::Dyrektor => BoxStyle::Director,
            UnitKind::ZastepcaDyrektora => BoxStyle::Deputy,
            UnitKind::Referat | UnitKind::Zespol => BoxStyle::Referat,
            UnitKind::KierownikReferatu => BoxStyle::Head,
            UnitKind::StanowiskoPracy | UnitKind::SamodzielneStanowisko => BoxStyle::Position,
            UnitKind::WieloosoboweStanowiskoPracy => BoxStyle::MultiPosition,
        }
    }

    /// Names of management and organizational units are bold; positions are not.
    pub fn name_weight(self) -> Weight {
        match self {
            BoxStyle::Department | BoxStyle::Division | BoxStyle::Director | BoxStyle::Deputy | BoxStyle::Referat => {
                Weight::Bold
            }
            BoxStyle::Head | BoxStyle::Position | BoxStyle::MultiPosition => Weight::Regular,
        }
    }
}

/// Text sizes and box padding, in chart units (points).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoxMetrics {
    pub name_size: f32,
    pub symbol_size: f32,
    /// Names wrap at this width.
    pub max_text_width: f32,
    pub min_width: f32,
    pub padding_x: f32,
    pub padding_y: f32,
}

impl Default for BoxMetrics {
    fn default() -> Self {
        Self {
            name_size: 9.0,
            symbol_size: 8.5,
            max_text_width: 118.0,
            min_width: 70.0,
            padding_x: 5.0,
            padding_y: 4.0,
        }
    }
}

impl BoxMetrics {
    pub fn name_line_height(&self) -> f32 {
        self.name_size * LINE_HEIGHT
    }

    pub fn symbol_line_height(&self) -> f32 {
        self.symbol_size * LINE_HEIGHT
    }

    /// The height of a box with `lines` name lines and, if `symbol`, a symbol line.
    pub fn height(&self, lines: usize, symbol: bool) -> f32 {
        let symbol = if symbol { self.symbol_line_height() } else { 0.0 };
        2.0 * self.padding_y + lines as f32 * self.name_line_height() + symbol
    }
}

/// The laid-out text of one box and the size it needs.
#[derive(Debug, Clone, PartialEq)]
pub struct BoxContent {
    pub style: BoxStyle,
    pub name_lines: Vec<String>,
    pub symbol: String,
    pub width: f32,
    pub height: f32,
}

/// Wraps a unit's name and sizes its box. The name starts with a capital
/// letter on the chart ("Referat ds. …"), as on the drawn annexes, while
/// the Regulamin text keeps it lower case.
pub fn content(unit: &Unit, metrics: &BoxMetrics, hidden_descendants: usize) -> BoxContent {
    let style = BoxStyle::of(unit.kind);
    let weight = style.name_weight();
    let name = capitalized(unit.name.trim());
    // A narrow wrap (the page fit tries some) widens the box rather than
    // breaking a word, up to the default width; only a longer word is cut.
    let longest = font::widest_word(&name, metrics.name_size, weight).min(BoxMetrics::default().max_text_width);
    let name_lines = font::wrap(&name, metrics.name_size, weight, metrics.max_text_width.max(longest));
    let symbol = unit.symbol.trim().to_owned();
    let symbol_line = symbol_line(&symbol, hidden_descendants);
    let face = font::face(weight);
    let widest_name = name_lines.iter().map(|l| face.text_width(l, metrics.name_size)).fold(0.0, f32::max);
    let symbol_width = font::face(Weight::Bold).text_width(&symbol_line, metrics.symbol_size);
    // A wieloosobowe stanowisko's inner border (2.2 in, scene.rs) must not eat the margin.
    let padding = metrics.padding_x + if unit.kind.is_multi_person() { MULTI_BORDER_INSET } else { 0.0 };
    let width = (widest_name.max(symbol_width) + 2.0 * padding).max(metrics.min_width).ceil();
    let height = metrics.height(name_lines.len(), !symbol_line.is_empty()).ceil();
    BoxContent { style, name_lines, symbol, width, height }
}

/// How far in from the box edge the inner line of a double border runs, with its stroke.
const MULTI_BORDER_INSET: f32 = 3.0;

/// The last line of a box: the symbol, with "(+N)" when the box stands for N hidden units.
pub fn symbol_line(symbol: &str, hidden_descendants: usize) -> String {
    match (symbol.is_empty(), hidden_descendants) {
        (_, 0) => symbol.to_owned(),
        (true, n) => format!("(+{n})"),
        (false, n) => format!("{symbol} (+{n})"),
    }
}

fn capitalized(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
