//! Word's automatic list numbering (`word/numbering.xml`) resolved into the
//! labels a reader sees ("1)", "a)", "–").
//!
//! A paragraph's `numPr` names a numbering instance (`w:num`, by `numId`) and
//! a level (`ilvl`); the instance points to an abstract definition whose
//! level gives the format (`numFmt`: decimal, lowerLetter, bullet, …), the
//! label pattern (`lvlText`, "%1)" where %1 is the value of level 1) and the
//! first value (`start`). As in Word, instances of one abstract definition
//! count on together, and an instance's `lvlOverride` replaces a level or,
//! with `startOverride`, starts it anew where the instance is first used.
//! Numbering a paragraph at one level restarts the deeper levels (unless a
//! level's `lvlRestart` says otherwise). A bullet of any glyph reads as the
//! tiret "–" of Polish legal text.

use std::collections::{HashMap, HashSet};

/// Levels of one list (Word's `ilvl` 0-8).
pub(super) const LEVELS: usize = 9;

/// The format of a level's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Format {
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    Bullet,
    None,
}

impl Format {
    /// A `w:numFmt` value; the rarer ones (ordinals, Asian counting) read as decimal.
    pub(super) fn parse(value: &str) -> Format {
        match value {
            "decimalZero" => Format::DecimalZero,
            "lowerLetter" => Format::LowerLetter,
            "upperLetter" => Format::UpperLetter,
            "lowerRoman" => Format::LowerRoman,
            "upperRoman" => Format::UpperRoman,
            "bullet" => Format::Bullet,
            "none" => Format::None,
            _ => Format::Decimal,
        }
    }

    fn show(self, value: u32) -> String {
        match self {
            Format::Decimal | Format::Bullet => value.to_string(),
            Format::DecimalZero => format!("{value:02}"),
            Format::LowerLetter => letters(value),
            Format::UpperLetter => letters(value).to_uppercase(),
            Format::LowerRoman => roman(value).to_lowercase(),
            Format::UpperRoman => roman(value),
            Format::None => String::new(),
        }
    }
}

/// Word's letters: a … z, then aa … zz, aaa …
fn letters(value: u32) -> String {
    if value == 0 {
        return String::new();
    }
    let letter = char::from(b'a' + ((value - 1) % 26) as u8);
    // Bounded: a hostile start value must not make a huge label.
    let times = ((value - 1) / 26 + 1).min(8) as usize;
    std::iter::repeat_n(letter, times).collect()
}

/// `value` as Word prints an upper-case Roman number: the validator's
/// numerals (symbols use the same), digits where there is none (0, 4000 on).
fn roman(value: u32) -> String {
    match crate::validate::to_roman(value) {
        numeral if numeral.is_empty() => value.to_string(),
        numeral => numeral,
    }
}

/// One level of a list definition (`w:lvl`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Level {
    pub start: u32,
    pub format: Format,
    pub text: String,
    /// `w:lvlRestart`: restart after a level up to this one (1-based) is used; 0 never.
    pub restart: Option<usize>,
    /// `w:isLgl`: the values of all levels in decimal.
    pub legal: bool,
    /// `w:pStyle`: the paragraph style that puts a paragraph at this level.
    pub style: Option<String>,
}

impl Default for Level {
    fn default() -> Self {
        // Word's defaults: start 0, decimal, no text.
        Level { start: 0, format: Format::Decimal, text: String::new(), restart: None, legal: false, style: None }
    }
}

/// An abstract definition (`w:abstractNum`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Abstract {
    pub levels: [Option<Level>; LEVELS],
    /// `w:numStyleLink`: the definition is that of the numbering style of this id.
    pub style_link: Option<String>,
}

/// A level override of an instance (`w:lvlOverride`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Override {
    pub start: Option<u32>,
    pub level: Option<Level>,
}

/// A numbering instance (`w:num`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Instance {
    pub abstract_id: usize,
    pub overrides: HashMap<usize, Override>,
}

/// The numbering definitions of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Definitions {
    pub abstracts: HashMap<usize, Abstract>,
    pub instances: HashMap<usize, Instance>,
}

/// The counters of the lists as the document goes on.
#[derive(Debug)]
pub(super) struct Counters<'a> {
    definitions: &'a Definitions,
    /// The numbering instance of a numbering style (`numStyleLink`), by style id.
    style_lists: &'a HashMap<String, usize>,
    /// The last value of each level, by abstract definition; `None` before its first use.
    values: HashMap<usize, [Option<u32>; LEVELS]>,
    used: HashSet<usize>,
}

impl<'a> Counters<'a> {
    pub(super) fn new(definitions: &'a Definitions, style_lists: &'a HashMap<String, usize>) -> Self {
        Counters { definitions, style_lists, values: HashMap::new(), used: HashSet::new() }
    }

    /// The abstract definition of an instance, following one numbering-style link.
    fn definition(&self, instance: &Instance) -> Option<(usize, &'a Abstract)> {
        let id = instance.abstract_id;
        let definition = self.definitions.abstracts.get(&id)?;
        let linked = definition
            .style_link
            .as_ref()
            .and_then(|style| self.style_lists.get(style))
            .and_then(|num| self.definitions.instances.get(num))
            .and_then(|linked| Some((linked.abstract_id, self.definitions.abstracts.get(&linked.abstract_id)?)));
        Some(linked.unwrap_or((id, definition)))
    }

    /// The level of a paragraph styled `style` in list `num_id`, if a level names the style.
    pub(super) fn level_of_style(&self, num_id: usize, style: &str) -> Option<usize> {
        let instance = self.definitions.instances.get(&num_id)?;
        let (_, definition) = self.definition(instance)?;
        definition.levels.iter().position(|l| l.as_ref().and_then(|l| l.style.as_deref()) == Some(style))
    }

    /// The label of the next paragraph numbered `num_id` at `level`, counting it;
    /// `None` when the list or level is not defined or prints nothing.
    pub(super) fn label(&mut self, num_id: usize, level: usize) -> Option<String> {
        let instance = self.definitions.instances.get(&num_id)?;
        let (abstract_id, definition) = self.definition(instance)?;
        let level = level.min(LEVELS - 1);
        let effective = |l: usize| -> Option<Level> {
            let o = instance.overrides.get(&l);
            let mut lvl = o.and_then(|o| o.level.clone()).or_else(|| definition.levels[l].clone())?;
            if let Some(start) = o.and_then(|o| o.start) {
                lvl.start = start;
            }
            Some(lvl)
        };
        let this = effective(level)?;
        let values = self.values.entry(abstract_id).or_insert([None; LEVELS]);
        if self.used.insert(num_id) {
            for (&l, o) in &instance.overrides {
                if l < LEVELS && o.start.is_some() {
                    values[l] = None;
                }
            }
        }
        values[level] = Some(match values[level] {
            Some(v) => v.saturating_add(1),
            None => this.start,
        });
        for (deeper, value) in values.iter_mut().enumerate().skip(level + 1) {
            let restart = effective(deeper).and_then(|l| l.restart);
            if restart.is_none_or(|r| level < r) {
                *value = None;
            }
        }
        if this.format == Format::Bullet {
            return Some("–".to_owned());
        }
        let values = *values;
        let mut label = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            let Some(l) = (c == '%').then(|| chars.peek().and_then(|d| d.to_digit(10))).flatten() else {
                label.push(c);
                continue;
            };
            chars.next();
            let Some(of) = (l as usize).checked_sub(1).filter(|&i| i < LEVELS).and_then(|i| Some((i, effective(i)?)))
            else {
                continue;
            };
            let value = values[of.0].unwrap_or(of.1.start);
            let format = if this.legal && of.1.format != Format::None { Format::Decimal } else { of.1.format };
            label.push_str(&format.show(value));
        }
        let label = label.trim().to_owned();
        (!label.is_empty()).then_some(label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(format: Format, text: &str) -> Level {
        Level { start: 1, format, text: text.to_owned(), ..Level::default() }
    }

    fn definitions() -> Definitions {
        let mut levels: [Option<Level>; LEVELS] = Default::default();
        levels[0] = Some(level(Format::Decimal, "%1)"));
        levels[1] = Some(level(Format::LowerLetter, "%2)"));
        levels[2] = Some(level(Format::Bullet, "\u{f0b7}"));
        levels[3] = Some(level(Format::UpperRoman, "%1.%4."));
        let mut d = Definitions::default();
        d.abstracts.insert(7, Abstract { levels, style_link: None });
        d.instances.insert(1, Instance { abstract_id: 7, overrides: HashMap::new() });
        d.instances.insert(2, Instance { abstract_id: 7, overrides: HashMap::new() });
        let restart = HashMap::from([(0, Override { start: Some(1), level: None })]);
        d.instances.insert(3, Instance { abstract_id: 7, overrides: restart });
        d
    }

    #[test]
    fn levels_count_and_deeper_levels_restart() {
        let d = definitions();
        let styles = HashMap::new();
        let mut c = Counters::new(&d, &styles);
        let labels: Vec<_> = [(1, 0), (1, 1), (1, 1), (1, 2), (1, 0), (1, 1), (1, 3), (1, 3)]
            .map(|(n, l)| c.label(n, l).unwrap())
            .into();
        assert_eq!(labels, ["1)", "a)", "b)", "–", "2)", "a)", "2.I.", "2.II."]);
    }

    #[test]
    fn instances_of_one_definition_go_on_and_a_start_override_restarts() {
        let d = definitions();
        let styles = HashMap::new();
        let mut c = Counters::new(&d, &styles);
        assert_eq!(c.label(1, 0).as_deref(), Some("1)"));
        assert_eq!(c.label(2, 0).as_deref(), Some("2)"));
        assert_eq!(c.label(3, 0).as_deref(), Some("1)"));
        assert_eq!(c.label(3, 0).as_deref(), Some("2)"));
        assert_eq!(c.label(9, 0), None);
    }

    #[test]
    fn values_print_in_their_format() {
        assert_eq!((letters(1), letters(26), letters(27)), ("a".into(), "z".into(), "aa".into()));
        assert_eq!((roman(4), roman(14), roman(1990)), ("IV".into(), "XIV".into(), "MCMXC".into()));
        assert_eq!(Format::DecimalZero.show(7), "07");
        assert_eq!(letters(u32::MAX).len(), 8);
    }
}
