//! Longest-common-subsequence alignment of two sequences, the one primitive
//! under every level of the diff (siblings, relations, task points, words).
//!
//! It uses `similar`'s raw Myers algorithm, which finds a shortest edit script
//! (so a maximal common subsequence) in O((N+M)·D) without heuristics: the
//! diff must report a minimal set of moved units, not an approximation.

use std::hash::Hash;

use similar::{Algorithm, DiffOp, capture_diff_slices};

/// The index pairs `(old, new)` of a longest common subsequence, ascending.
pub(crate) fn common_pairs<T: Eq + Hash>(old: &[T], new: &[T]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for op in capture_diff_slices(Algorithm::RawMyers, old, new) {
        if let DiffOp::Equal { old_index, new_index, len } = op {
            pairs.extend((0..len).map(|k| (old_index + k, new_index + k)));
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_longest_common_subsequence() {
        let pairs = common_pairs(&["a", "b", "c", "d"], &["b", "a", "c", "e", "d"]);
        assert_eq!(pairs.len(), 3);
        assert!(pairs.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
        assert_eq!(common_pairs::<u8>(&[], &[1]), vec![]);
    }
}
