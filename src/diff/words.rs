//! Word-level diff of one wording against another, for showing a task change
//! inline (struck-out old words, underlined new ones).
//!
//! The time it takes is bounded, whatever the wordings: the common beginning
//! and end are matched first (linear); a middle of at most [`EXACT_COST`]
//! token pairs gets an exact (minimal) alignment, a larger one `similar`'s
//! Myers with its work limit (deterministic, not always minimal); a middle
//! of more than [`MAX_TOKENS`] tokens on a side is not aligned at all but
//! shown as replaced whole, and the diff says so ([`WordDiff::is_bounded`]),
//! so the report can note it.
//!
//! A document diff makes many word diffs (every edited point, and every
//! candidate pair when looking for edited points), so they also share one
//! budget of work ([`with_budget`], [`DIFF_BUDGET`] for [`super::diff`]):
//! once it is spent, the remaining wordings are shown as replaced whole. The
//! budget is spent in the diff's own fixed order, so the same two documents
//! always give the same diff. No real Regulamin comes near these limits; a
//! hostile file does.

use std::cell::Cell;

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::sequence::common_pairs;

/// The work of splitting one byte of a wording into words and laying the words out
/// as spans, in the budget's units (measured: splitting costs about 8 token comparisons a byte).
const SPLIT_COST: u64 = 8;

/// Middles with at most this many (old × new) token pairs are aligned exactly.
pub const EXACT_COST: usize = 250_000;

/// Middles with more tokens than this on a side are shown as replaced whole.
pub const MAX_TOKENS: usize = 20_000;

/// The work (in units of about one token comparison) that all word diffs of
/// one document diff may spend together: about a second in a debug build.
pub const DIFF_BUDGET: u64 = 20_000_000;

/// The word-diff work left on this thread and whether some word diff was
/// refused for want of it.
#[derive(Clone, Copy)]
struct Budget {
    left: u64,
    ran_out: bool,
}

thread_local! {
    /// The budget of the diff running on this thread; `None`: no limit.
    static BUDGET: Cell<Option<Budget>> = const { Cell::new(None) };
}

/// Runs `f` with at most `units` of word-diff work for every [`WordDiff::new`]
/// in it; also says whether the budget ran out (some wording was then shown
/// as replaced whole for want of it).
pub fn with_budget<R>(units: u64, f: impl FnOnce() -> R) -> (R, bool) {
    /// Puts the outer budget back, also when `f` panics.
    struct Restore(Option<Budget>);
    impl Drop for Restore {
        fn drop(&mut self) {
            BUDGET.set(self.0);
        }
    }
    let _restore = Restore(BUDGET.replace(Some(Budget { left: units, ran_out: false })));
    let result = f();
    let ran_out = BUDGET.get().is_some_and(|b| b.ran_out);
    (result, ran_out)
}

/// Takes `cost` from the budget; false (and nothing taken) when less is left.
fn charge(cost: u64) -> bool {
    match BUDGET.get() {
        None => true,
        Some(budget) if cost <= budget.left => {
            BUDGET.set(Some(Budget { left: budget.left - cost, ..budget }));
            true
        }
        Some(budget) => {
            BUDGET.set(Some(Budget { ran_out: true, ..budget }));
            false
        }
    }
}

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
    /// The changed middle was too long to align word by word and is one
    /// deleted and one inserted span (see the module documentation).
    #[serde(skip)]
    bounded: bool,
}

impl WordDiff {
    /// Compares two wordings word by word (punctuation and spaces are tokens of their own).
    pub fn new(old: &str, new: &str) -> Self {
        // Splitting into words is work too: once the budget is spent, not even that is done.
        if !charge(SPLIT_COST * (old.len() + new.len()) as u64) {
            return Self::replaced_whole(old, new);
        }
        let old_tokens = tokens(old);
        let new_tokens = tokens(new);
        let prefix = old_tokens.iter().zip(&new_tokens).take_while(|(a, b)| a == b).count();
        let suffix = old_tokens[prefix..]
            .iter()
            .rev()
            .zip(new_tokens[prefix..].iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let old_middle = &old_tokens[prefix..old_tokens.len() - suffix];
        let new_middle = &new_tokens[prefix..new_tokens.len() - suffix];
        let mut diff = WordDiff::default();
        for token in &old_tokens[..prefix] {
            diff.push(WordOp::Equal, token);
        }
        if old_middle.len() > MAX_TOKENS
            || new_middle.len() > MAX_TOKENS
            || !charge(alignment_cost(old_middle.len(), new_middle.len()))
        {
            diff.bounded = true;
            for token in old_middle {
                diff.push(WordOp::Deleted, token);
            }
            for token in new_middle {
                diff.push(WordOp::Inserted, token);
            }
        } else {
            diff.align(old_middle, new_middle);
        }
        for token in &old_tokens[old_tokens.len() - suffix..] {
            diff.push(WordOp::Equal, token);
        }
        diff
    }

    /// The old wording deleted and the new one inserted, marked as bounded.
    fn replaced_whole(old: &str, new: &str) -> Self {
        let mut diff = WordDiff { spans: Vec::with_capacity(2), bounded: true };
        for (op, text) in [(WordOp::Deleted, old), (WordOp::Inserted, new)] {
            if !text.is_empty() {
                diff.spans.push(WordSpan { op, text: text.to_owned() });
            }
        }
        diff
    }

    /// Appends the alignment of two token sequences with no common beginning or end.
    fn align(&mut self, old: &[&str], new: &[&str]) {
        let pairs = if exact(old.len(), new.len()) { common_pairs(old, new) } else { bounded_pairs(old, new) };
        let (mut i, mut j) = (0, 0);
        for (oi, nj) in pairs.into_iter().chain(std::iter::once((old.len(), new.len()))) {
            for token in &old[i..oi] {
                self.push(WordOp::Deleted, token);
            }
            for token in &new[j..nj] {
                self.push(WordOp::Inserted, token);
            }
            if oi < old.len() {
                self.push(WordOp::Equal, old[oi]);
            }
            (i, j) = (oi + 1, nj + 1);
        }
    }

    /// True when the changed part was too long to compare word by word and is
    /// shown as replaced whole (the report notes it).
    pub fn is_bounded(&self) -> bool {
        self.bounded
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
        if equal == 0 {
            // Nothing in common: no need to count the rest (a wording replaced whole may be long).
            let any_word = self.spans.iter().any(|s| s.text.split_whitespace().next().is_some());
            return if any_word { 0.0 } else { 1.0 };
        }
        let total = 2 * equal + count(WordOp::Deleted) + count(WordOp::Inserted);
        if total == 0 { 1.0 } else { (2 * equal) as f64 / total as f64 }
    }

    /// True when the wordings are the same.
    pub fn is_equal(&self) -> bool {
        self.spans.iter().all(|s| s.op == WordOp::Equal)
    }
}

/// Whether middles of these lengths are aligned exactly.
fn exact(old: usize, new: usize) -> bool {
    old.saturating_mul(new) <= EXACT_COST
}

/// About how many token comparisons aligning middles of these lengths takes
/// at worst: O(N·M) exactly, O((N+M)^1.5) with the work limit.
fn alignment_cost(old: usize, new: usize) -> u64 {
    if exact(old, new) {
        (old * new) as u64
    } else {
        let total = (old + new) as u64;
        4 * total * total.isqrt()
    }
}

/// Common pairs by `similar`'s Myers with its work limit: deterministic and
/// roughly O((N+M)^1.5) instead of O((N+M)·D), at the price of an alignment
/// that may be a little longer than the shortest.
fn bounded_pairs(old: &[&str], new: &[&str]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, old, new) {
        if let DiffOp::Equal { old_index, new_index, len } = op {
            pairs.extend((0..len).map(|k| (old_index + k, new_index + k)));
        }
    }
    pairs
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
