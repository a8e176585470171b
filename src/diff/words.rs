//! Word-level diff of one wording against another, for showing a task change
//! inline (struck-out old words, underlined new ones).

use serde::Serialize;

use super::sequence::common_pairs;

/// Whether a span of text is in both wordings, only the old or only the new.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WordOp {
    Equal,
    Deleted,
    Inserted,
}

/// A run of text with one [`WordOp`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordSpan {
    pub op: WordOp,
    pub text: String,
}

/// The old and the new wording as one sequence of spans: the `Equal` and
/// `Deleted` spans spell the old text, the `Equal` and `Inserted` ones the new.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct WordDiff {
    pub spans: Vec<WordSpan>,
}

impl WordDiff {
    /// Compares two wordings word by word (punctuation and spaces are tokens of their own).
    pub fn new(old: &str, new: &str) -> Self {
        let old_tokens = tokens(old);
        let new_tokens = tokens(new);
        let pairs = common_pairs(&old_tokens, &new_tokens);
        let mut diff = WordDiff::default();
        let (mut i, mut j) = (0, 0);
        for (oi, nj) in pairs.into_iter().chain(std::iter::once((old_tokens.len(), new_tokens.len()))) {
            for token in &old_tokens[i..oi] {
                diff.push(WordOp::Deleted, token);
            }
            for token in &new_tokens[j..nj] {
                diff.push(WordOp::Inserted, token);
            }
            if oi < old_tokens.len() {
                diff.push(WordOp::Equal, old_tokens[oi]);
            }
            (i, j) = (oi + 1, nj + 1);
        }
        diff
    }

    fn push(&mut self, op: WordOp, text: &str) {
        match self.spans.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => self.spans.push(WordSpan { op, text: text.to_owned() }),
        }
    }

    /// The text on one side: `old = true` gives the old wording back.
    pub fn side(&self, old: bool) -> String {
        let skip = if old { WordOp::Inserted } else { WordOp::Deleted };
        self.spans.iter().filter(|s| s.op != skip).map(|s| s.text.as_str()).collect()
    }

    /// The share of words the two wordings have in common, 0.0–1.0 (Dice coefficient).
    pub fn similarity(&self) -> f64 {
        let count = |op: WordOp| -> usize {
            self.spans.iter().filter(|s| s.op == op).map(|s| s.text.split_whitespace().count()).sum()
        };
        let equal = count(WordOp::Equal);
        let total = 2 * equal + count(WordOp::Deleted) + count(WordOp::Inserted);
        if total == 0 { 1.0 } else { (2 * equal) as f64 / total as f64 }
    }

    /// True when the wordings are the same.
    pub fn is_equal(&self) -> bool {
        self.spans.iter().all(|s| s.op == WordOp::Equal)
    }
}

/// Splits text into words (letters and digits), runs of spaces, and single other characters.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let class = |c: char| {
        if c.is_alphanumeric() {
            0
        } else if c.is_whitespace() {
            1
        } else {
            2
        }
    };
    let mut previous: Option<u8> = None;
    for (at, c) in text.char_indices() {
        let current = class(c);
        if let Some(p) = previous
            && (p != current || current == 2)
        {
            out.push(&text[start..at]);
            start = at;
        }
        previous = Some(current);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_replaced_words_and_keeps_both_sides() {
        let old = "z dnia 10 listopada 2020 r. z późn. zm.)";
        let new = "z dnia 29 października 2021 r.)";
        let d = WordDiff::new(old, new);
        assert_eq!(d.side(true), old);
        assert_eq!(d.side(false), new);
        assert!(d.spans.iter().any(|s| s.op == WordOp::Deleted && s.text.contains("listopada")));
        assert!(d.spans.iter().any(|s| s.op == WordOp::Inserted && s.text.contains("października")));
        assert!(d.spans.iter().any(|s| s.op == WordOp::Equal && s.text.contains("dnia")));
        assert!(!d.is_equal());
        assert!(WordDiff::new("a b", "a b").is_equal());
    }

    #[test]
    fn similarity_reflects_shared_words() {
        assert_eq!(WordDiff::new("a b c d", "a b c d").similarity(), 1.0);
        assert_eq!(WordDiff::new("a b", "c d").similarity(), 0.0);
        let half = WordDiff::new("a b c d", "a b x y").similarity();
        assert!(half > 0.4 && half < 0.6, "{half}");
    }

    #[test]
    fn tokens_split_words_spaces_and_punctuation() {
        assert_eq!(tokens("ab, cd  ę)"), vec!["ab", ",", " ", "cd", "  ", "ę", ")"]);
        assert!(tokens("").is_empty());
    }
}
