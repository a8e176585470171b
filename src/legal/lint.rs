//! Lints on amendment text, generated or pasted, like a legislator's checker
//! (`../shared/docs/amendment-spec.md` §7.10, §9): "§" without a space (P10,
//! D4), an ending after ” that the ending rule does not give (P6, D1, D3), a
//! unit address without "§" (D2), Markdown marks (D11), inconsistent
//! reference strings between K6m groups (D8), words not found at a listed
//! place, and a range for two units where the profile writes "i" (N9a).

use super::apply::Instruction;
use super::ops::{Op, WordEdit};
use super::style::Style;
use super::tree::Regulamin;

/// What a lint is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LintCode {
    /// "§13-16": "§" without a space (P10).
    ParagraphSpace,
    /// The ending after ” (or after the formula) is not the one the ending rule gives (D1, D3).
    Ending,
    /// "w 25 w ust. 3": a unit address without "§" (D2).
    AddressWithoutParagraph,
    /// Markdown list marks, headings or bold in the text (D11).
    Markdown,
    /// Two K6m groups bring different wordings of the same reference (D8).
    InconsistentReference,
    /// A word replacement whose old words are not at a listed place.
    WordsNotFound,
    /// A range for two units where the profile writes "X i Y" (N9a).
    RangeForTwo,
}

impl LintCode {
    /// The code as printed: `paragraph-space`, `ending`, ….
    pub fn name(self) -> &'static str {
        match self {
            LintCode::ParagraphSpace => "paragraph-space",
            LintCode::Ending => "ending",
            LintCode::AddressWithoutParagraph => "address-without-paragraph",
            LintCode::Markdown => "markdown",
            LintCode::InconsistentReference => "inconsistent-reference",
            LintCode::WordsNotFound => "words-not-found",
            LintCode::RangeForTwo => "range-for-two",
        }
    }
}

/// One finding, at a line of the text (0 when it concerns no line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lint {
    pub code: LintCode,
    pub line: usize,
    /// The English wording (the CLI's).
    pub message: String,
    /// The fragments of the text the message quotes, in its order, so that
    /// another language words the finding around them (`crate::i18n::app`).
    pub fragments: Vec<String>,
}

impl Lint {
    /// A finding that quotes nothing of the text.
    pub fn new(code: LintCode, line: usize, message: &str) -> Self {
        Self::quoting(code, line, Vec::new(), message)
    }

    /// A finding that quotes `fragments` of the text in `message`.
    pub fn quoting(code: LintCode, line: usize, fragments: Vec<String>, message: &str) -> Self {
        Self { code, line, message: message.to_owned(), fragments }
    }
}

impl std::fmt::Display for Lint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "line {}: ", self.line)?;
        }
        write!(f, "{}: {}", self.code.name(), self.message)
    }
}

/// Lints of one line: "§" followed by a digit.
pub fn lint_line(line: &str, number: usize, out: &mut Vec<Lint>) {
    let chars: Vec<char> = line.chars().collect();
    for w in chars.windows(2) {
        if w[0] == '§' && w[1].is_ascii_digit() {
            out.push(Lint::new(LintCode::ParagraphSpace, number, "\"§\" without a space before its number (P10)"));
            return;
        }
    }
}

/// N9a: "pkt 3-4", "§ 22g-22h" naming exactly two consecutive labels, when
/// the profile writes two units as "X i Y".
pub fn lint_ranges(text: &str, style: &Style) -> Vec<Lint> {
    if style.range_for_two {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        for prefix in ["§ ", "ust. ", "pkt ", "lit. "] {
            for (at, _) in line.match_indices(prefix) {
                let rest = &line[at + prefix.len()..];
                let token: String =
                    rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '–').collect();
                if let Some((a, b)) = token.split_once(['-', '–'])
                    && two_consecutive(a, b)
                {
                    out.push(Lint::quoting(
                        LintCode::RangeForTwo,
                        i + 1,
                        vec![format!("{prefix}{token}"), format!("{a} i {b}")],
                        &format!("\"{prefix}{token}\": two units are written \"{a} i {b}\" in this profile (N9a)"),
                    ));
                }
            }
        }
    }
    out
}

fn two_consecutive(a: &str, b: &str) -> bool {
    let split = |s: &str| {
        let n = s.chars().take_while(char::is_ascii_digit).count();
        (s[..n].parse::<u64>().ok(), s[n..].to_owned())
    };
    match (split(a), split(b)) {
        ((Some(x), sa), (Some(y), sb)) if sa.is_empty() && sb.is_empty() => y == x + 1,
        ((x, sa), (y, sb)) if x == y && sa.len() == 1 && sb.len() == 1 => {
            let (ca, cb) = (sa.as_bytes()[0], sb.as_bytes()[0]);
            cb == ca + 1
        }
        _ => false,
    }
}

/// D8: two word groups whose new strings differ only by "z późn. zm." (the
/// same referenced act cited two ways).
pub fn lint_words(ops: &[Op]) -> Vec<Lint> {
    let news: Vec<&String> = ops
        .iter()
        .filter_map(|op| match op {
            Op::Words { edit: WordEdit::Replace { new, .. }, .. } => Some(new),
            _ => None,
        })
        .collect();
    let norm = |s: &str| s.replace(" z późn. zm.", "");
    let mut out = Vec::new();
    for (i, a) in news.iter().enumerate() {
        for b in &news[i + 1..] {
            if a != b && norm(a) == norm(b) {
                out.push(Lint::quoting(
                    LintCode::InconsistentReference,
                    0,
                    vec![a.to_string(), b.to_string()],
                    &format!("two word replacements cite the same act differently: „{a}” and „{b}” (D8)"),
                ));
            }
        }
    }
    out
}

/// D8 on parsed text, and words not found at a listed place in the old text.
pub fn lint_instructions(old: &Regulamin, instructions: &[Instruction]) -> Vec<Lint> {
    let ops: Vec<Op> = instructions
        .iter()
        .filter_map(|i| match i {
            Instruction::Words { edit, places } => Some(Op::Words { edit: edit.clone(), places: places.clone() }),
            _ => None,
        })
        .collect();
    let mut out = lint_words(&ops);
    for op in &ops {
        if let Op::Words { edit, places } = op {
            let words = edit.sought();
            for place in places {
                let found = old.find(place).is_some_and(|p| p.text.contains(words));
                if !found {
                    out.push(Lint::quoting(
                        LintCode::WordsNotFound,
                        0,
                        vec![place.to_string(), words.to_owned()],
                        &format!("{place}: the words „{words}” are not there"),
                    ));
                }
            }
        }
    }
    out
}
