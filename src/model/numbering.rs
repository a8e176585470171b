//! The one place that assigns labels to new pieces of the Regulamin, by the
//! numbering rules N3-N7 of `../shared/docs/amendment-spec.md`:
//!
//! - between a sibling X and the next sibling Y: X plus the next letter
//!   (after § 22f when § 23 follows: § 22g; after pkt 2 when pkt 3 exists: pkt 2a), N3;
//! - when that letter is taken, a further letter (after 22b when 22c exists: 22ba), N4;
//! - after the last sibling: the next integer (13 → 14, 70a → 71), N5/N5a; for
//!   letters (lit.) the next letter, after z: za, zb … (N6);
//! - before the first sibling: no rule; the caller must ask the user (N7).
//!
//! Repealed siblings count: their labels stay taken (N2). The same module
//! checks that a sequence of labels is one these rules can produce.

use std::cmp::Ordering;

use super::designation::compare_labels;

/// Whether labels are numbers with letter suffixes (§, ust., pkt) or letters (lit.).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// `1`, `2`, `2a`, `22g`, `8ca`.
    Number,
    /// `a`, `b`, `z`, `za`, `aa`.
    Letter,
}

/// Why no label can be given by the rules.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unresolved {
    /// Insertion before the first sibling: Polish drafting has no verified rule (N7).
    #[error("a new piece before the first one has no designation by the numbering rules; choose one")]
    BeforeFirst,
    /// Between an unlettered X and an existing Xa (e.g. § 22 and § 22a): no verified rule.
    #[error("no designation is free between {after} and {before}; choose one")]
    NoRoom { after: String, before: String },
}

/// The label of the first piece of an empty list: `1` or `a`.
pub fn first_label(kind: LabelKind) -> String {
    match kind {
        LabelKind::Number => "1".to_owned(),
        LabelKind::Letter => "a".to_owned(),
    }
}

/// The label for a new piece inserted after `siblings[after]` (or at the very
/// start when `after` is `None`), by N3-N6. `siblings` are the labels in order,
/// repealed ones included.
pub fn designate(kind: LabelKind, siblings: &[&str], after: Option<usize>) -> Result<String, Unresolved> {
    let Some(x_index) = after else {
        return if siblings.is_empty() { Ok(first_label(kind)) } else { Err(Unresolved::BeforeFirst) };
    };
    let Some(&x) = siblings.get(x_index) else {
        return Ok(first_label(kind));
    };
    let Some(&y) = siblings.get(x_index + 1) else {
        return Ok(next_at_end(kind, x));
    };
    let taken = |label: &str| siblings.contains(&label);
    let fits = |label: &str| compare_labels(label, y) == Ordering::Less && compare_labels(x, label) == Ordering::Less;
    let has_suffix = match kind {
        LabelKind::Number => x.ends_with(|c: char| c.is_ascii_lowercase()),
        LabelKind::Letter => true,
    };
    let candidate = if has_suffix { with_next_letter(x) } else { format!("{x}a") };
    if fits(&candidate) && !taken(&candidate) {
        return Ok(candidate);
    }
    if has_suffix {
        let deeper = format!("{x}a");
        if fits(&deeper) && !taken(&deeper) {
            return Ok(deeper);
        }
    }
    Err(Unresolved::NoRoom { after: x.to_owned(), before: y.to_owned() })
}

/// The label after the last one: the next integer (N5, N5a), or for letters the next letter (N6).
fn next_at_end(kind: LabelKind, last: &str) -> String {
    match kind {
        LabelKind::Number => {
            let digits: String = last.chars().take_while(char::is_ascii_digit).collect();
            increment_digits(&digits)
        }
        LabelKind::Letter => {
            if last.ends_with('z') {
                format!("{last}a")
            } else {
                with_next_letter(last)
            }
        }
    }
}

/// `22f` → `22g`, `b` → `c`; `z` → `za` (there is no letter after z).
fn with_next_letter(label: &str) -> String {
    let mut out = label.to_owned();
    match out.pop() {
        Some('z') => {
            out.push_str("za");
        }
        Some(c) if c.is_ascii_lowercase() => out.push(char::from(c as u8 + 1)),
        Some(c) => {
            out.push(c);
            out.push('a');
        }
        None => out.push('a'),
    }
    out
}

/// A decimal digit string plus one, of any length ("9" → "10", "" → "1").
fn increment_digits(digits: &str) -> String {
    let trimmed = digits.trim_start_matches('0');
    let mut bytes: Vec<u8> = trimmed.bytes().collect();
    let mut i = bytes.len();
    loop {
        if i == 0 {
            bytes.insert(0, b'1');
            break;
        }
        i -= 1;
        if bytes[i] == b'9' {
            bytes[i] = b'0';
        } else {
            bytes[i] += 1;
            break;
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| "1".to_owned())
}

/// Relabels the pieces of a list whose `fixed[i]` is false (pieces of a draft,
/// never in force) so that every label follows its predecessor by the rules;
/// fixed pieces (in force) keep theirs. A draft piece takes the plain
/// successor of its predecessor when that still sorts before the next fixed
/// piece (1, 3 → 1, 2), else the label [`designate`] gives between them, so
/// the draft labels of a list are always the simplest ones.
pub fn renumber(kind: LabelKind, labels: &[String], fixed: &[bool]) -> Result<Vec<String>, Unresolved> {
    let mut out: Vec<String> = labels.to_vec();
    for i in 0..out.len() {
        if fixed.get(i).copied().unwrap_or(false) {
            continue;
        }
        let prev = i.checked_sub(1).map(|p| out[p].clone());
        let next_fixed = (i + 1..out.len()).find(|&j| fixed.get(j).copied().unwrap_or(false)).map(|j| out[j].clone());
        let below_next = |label: &str| next_fixed.as_deref().is_none_or(|n| compare_labels(label, n) == Ordering::Less);
        let plain = match &prev {
            None => first_label(kind),
            Some(prev) => next_at_end(kind, prev),
        };
        out[i] = if below_next(&plain) {
            plain
        } else {
            let mut around: Vec<&str> = prev.iter().map(String::as_str).collect();
            around.extend(next_fixed.iter().map(String::as_str));
            match prev {
                Some(_) => designate(kind, &around, Some(0))?,
                None => return Err(Unresolved::BeforeFirst),
            }
        };
    }
    Ok(out)
}

/// True when `next` can follow `prev` in a list numbered by N3-N6 alone:
/// the next integer, `prev` plus "a", or a lettered label one letter after a
/// prefix of `prev` (`2ba` → `2c`, `22f` → `22g`, `z` → `za`).
pub fn can_follow(kind: LabelKind, prev: &str, next: &str) -> bool {
    if next == format!("{prev}a") {
        return true;
    }
    if kind == LabelKind::Number && next == next_at_end(kind, prev) {
        return true;
    }
    // A prefix of prev that ends with a letter, with that letter advanced.
    let min = match kind {
        LabelKind::Number => prev.chars().take_while(char::is_ascii_digit).count() + 1,
        LabelKind::Letter => 1,
    };
    (min..=prev.len()).any(|end| prev.is_char_boundary(end) && next == with_next_letter(&prev[..end]))
}

/// The first label of a list must be `1` (or `a`); every next one must follow
/// its predecessor by [`can_follow`]. Returns the index of the first label that
/// breaks the sequence.
pub fn first_gap(kind: LabelKind, labels: &[&str]) -> Option<usize> {
    match labels.first() {
        None => None,
        Some(first) if *first != first_label(kind) => Some(0),
        Some(_) => labels.windows(2).position(|w| !can_follow(kind, w[0], w[1])).map(|i| i + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use LabelKind::{Letter, Number};

    #[test]
    fn n3_insertion_between_siblings_takes_the_next_letter() {
        // After § 22f with § 23 next: § 22g (Z58 10)), then § 22h.
        assert_eq!(designate(Number, &["22e", "22f", "23"], Some(1)), Ok("22g".into()));
        assert_eq!(designate(Number, &["22f", "22g", "23"], Some(1)), Ok("22h".into()));
        // After pkt 2 when pkt 3 exists: pkt 2a.
        assert_eq!(designate(Number, &["1", "2", "3"], Some(1)), Ok("2a".into()));
        assert_eq!(designate(Number, &["22", "23"], Some(0)), Ok("22a".into()));
    }

    #[test]
    fn n4_when_the_next_letter_is_taken_a_further_letter_is_appended() {
        // After art. 8c when 8d exists: 8ca; after 22b when 22c exists: 22ba.
        assert_eq!(designate(Number, &["8c", "8d"], Some(0)), Ok("8ca".into()));
        assert_eq!(designate(Number, &["22a", "22b", "22c"], Some(1)), Ok("22ba".into()));
        assert_eq!(designate(Letter, &["a", "b"], Some(0)), Ok("aa".into()));
    }

    #[test]
    fn n5_after_the_last_sibling_the_next_integer() {
        assert_eq!(designate(Number, &["12", "13"], Some(1)), Ok("14".into()));
        assert_eq!(designate(Number, &["1", "2", "3"], Some(2)), Ok("4".into()));
        // N5a: after a lettered last sibling, the next integer.
        assert_eq!(designate(Number, &["70", "70a"], Some(1)), Ok("71".into()));
        assert_eq!(designate(Number, &["99"], Some(0)), Ok("100".into()));
    }

    #[test]
    fn n6_letters_continue_after_z_with_za() {
        assert_eq!(designate(Letter, &["a", "b", "c"], Some(2)), Ok("d".into()));
        assert_eq!(designate(Letter, &["y", "z"], Some(1)), Ok("za".into()));
        assert_eq!(designate(Letter, &["za"], Some(0)), Ok("zb".into()));
        assert_eq!(designate(Letter, &["zz"], Some(0)), Ok("zza".into()));
    }

    #[test]
    fn n7_before_the_first_sibling_is_unresolved() {
        assert_eq!(designate(Number, &["1", "2"], None), Err(Unresolved::BeforeFirst));
        assert_eq!(designate(Number, &[], None), Ok("1".into()));
        assert_eq!(designate(Letter, &[], None), Ok("a".into()));
    }

    #[test]
    fn n2_repealed_labels_count_as_taken() {
        // § 22 repealed stays in the list; a new § after § 22f still gets § 22g, and
        // between § 22 and § 22a there is no room (no verified rule).
        assert_eq!(
            designate(Number, &["21", "22", "22a"], Some(1)),
            Err(Unresolved::NoRoom { after: "22".into(), before: "22a".into() })
        );
    }

    #[test]
    fn renumbering_moves_only_draft_labels() {
        let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        // Draft 2b left alone after its 2a was deleted becomes 2a; 3 in force stays.
        assert_eq!(
            renumber(Number, &owned(&["1", "2", "2b", "3"]), &[true, true, false, true]),
            Ok(owned(&["1", "2", "2a", "3"]))
        );
        // A fresh draft list closes its gaps with plain numbers.
        assert_eq!(renumber(Number, &owned(&["2", "3", "5"]), &[false; 3]), Ok(owned(&["1", "2", "3"])));
        assert_eq!(renumber(Letter, &owned(&["b", "d"]), &[false; 2]), Ok(owned(&["a", "b"])));
        // Between pieces in force a draft piece keeps its lettered label.
        assert_eq!(renumber(Number, &owned(&["1", "1a", "2"]), &[true, false, true]), Ok(owned(&["1", "1a", "2"])));
        // After the last piece in force, draft pieces take plain numbers.
        assert_eq!(
            renumber(Number, &owned(&["5", "6", "6a", "7"]), &[true, false, false, false]),
            Ok(owned(&["5", "6", "7", "8"]))
        );
    }

    #[test]
    fn sequences_the_rules_produce_have_no_gap() {
        assert_eq!(first_gap(Number, &["1", "2", "2a", "2b", "2ba", "2c", "3", "4"]), None);
        assert_eq!(first_gap(Number, &["1", "1a", "1f", "2"]), Some(2));
        assert_eq!(first_gap(Number, &["1", "2", "4"]), Some(2));
        assert_eq!(first_gap(Number, &["2", "3"]), Some(0));
        assert_eq!(first_gap(Letter, &["a", "aa", "b", "c"]), None);
        let alphabet: Vec<String> = (0..28).map(crate::model::letter_label).collect();
        let alphabet: Vec<&str> = alphabet.iter().map(String::as_str).collect();
        assert_eq!(first_gap(Letter, &alphabet), None, "… y, z, za, zb");
        assert_eq!(first_gap(Letter, &["a", "c"]), Some(1));
        assert_eq!(first_gap(Number, &["1", "1a", "2", "9", "10"]), Some(3));
        assert_eq!(first_gap(Number, &["9", "10"]), Some(0));
        assert_eq!(first_gap(Number, &["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]), None);
    }

    #[test]
    fn designated_labels_always_keep_the_list_gap_free() {
        let mut labels: Vec<String> = vec!["1".into()];
        // Insert repeatedly at varying places; every accepted label keeps the sequence valid.
        for step in 0..200usize {
            let at = (step * 7) % labels.len();
            let refs: Vec<&str> = labels.iter().map(String::as_str).collect();
            if let Ok(label) = designate(Number, &refs, Some(at)) {
                labels.insert(at + 1, label);
            }
            let refs: Vec<&str> = labels.iter().map(String::as_str).collect();
            assert_eq!(first_gap(Number, &refs), None, "{refs:?}");
            assert!(refs.windows(2).all(|w| compare_labels(w[0], w[1]) == Ordering::Less), "{refs:?}");
        }
    }
}
