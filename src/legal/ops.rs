//! The operations of an amendment, found by comparing two Regulamin trees by
//! designation (`../shared/docs/amendment-spec.md` §7 steps 2-6): replace,
//! repeal, insert after a sibling (with the K5b period swap), and word
//! operations: the same words replaced (K6m, widened by §7.4), deleted (K7)
//! or added (K8) in several places.
//!
//! Granularity (§3.3): a changed or added lit. replaces its pkt (T1); a § or
//! ust. whose leaves change by at least the profile's share, or that would
//! need more items than its maximum, is replaced whole (T2/T3); a word change
//! found in as many places as the profile's `word_places` (two in Lublin) is
//! one word operation (T6), in fewer the piece is replaced (K2). What a
//! piece's children cannot express (a first piece of a new level, one before
//! the first) its new wording can: the nearest enclosing piece that can be
//! quoted is replaced whole. Wording the file does not know
//! ([`PieceState::Unknown`]) is never quoted: a change that would need it is
//! expressed lower down, or reported.

use std::collections::{BTreeMap, HashMap};

use super::style::Style;
use super::text::UNKNOWN;
use super::tree::{Piece, Regulamin};
use crate::model::{Designation, Level, PieceState};

/// One operation on the old text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Consecutive siblings get the wording they have in the new text (K1, K2).
    Replace { targets: Vec<Designation> },
    /// Consecutive siblings are repealed (K3, K3n).
    Repeal { targets: Vec<Designation> },
    /// New consecutive siblings after `anchor` (K4, K5a); `period_swap` when
    /// the anchor was the last point, whose "." becomes ";" (K5b).
    Insert { anchor: Designation, new: Vec<Designation>, period_swap: bool },
    /// The same word operation at every place (K6-K8 in one place, K6m in several).
    Words { edit: WordEdit, places: Vec<Designation> },
}

/// A word operation on a piece's own wording (§3.1, §7.4), applied at every
/// occurrence in the piece.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WordEdit {
    /// K6: "wyrazy „old” zastępuje się wyrazami „new”".
    Replace { old: String, new: String },
    /// K7: "skreśla się wyrazy „old”"; the space before the words (or, at the
    /// start, after them) goes with them.
    Delete { old: String },
    /// K8: "po wyrazach „after” dodaje się wyrazy „new”", separated by a
    /// space unless the new words open with punctuation.
    Add { after: String, new: String },
}

impl WordEdit {
    /// The wording after the edit, `None` when the words it looks for are not there.
    pub fn apply(&self, text: &str) -> Option<String> {
        let sought = self.sought();
        if sought.is_empty() || !text.contains(sought) {
            return None;
        }
        Some(match self {
            WordEdit::Replace { old, new } => text.replace(old.as_str(), new),
            WordEdit::Delete { old } => {
                let mut out = String::new();
                let mut rest = text;
                while let Some(at) = rest.find(old.as_str()) {
                    let (before, after) = (&rest[..at], &rest[at + old.len()..]);
                    match before.strip_suffix(' ') {
                        Some(before) => {
                            out.push_str(before);
                            rest = after;
                        }
                        None => {
                            out.push_str(before);
                            rest = after.strip_prefix(' ').unwrap_or(after);
                        }
                    }
                }
                out.push_str(rest);
                out
            }
            WordEdit::Add { after, new } => {
                let space = if new.starts_with([',', ';', '.', ':', ')']) { "" } else { " " };
                text.replace(after.as_str(), &format!("{after}{space}{new}"))
            }
        })
    }

    /// The words the edit looks for at each place.
    pub fn sought(&self) -> &str {
        match self {
            WordEdit::Replace { old, .. } | WordEdit::Delete { old } => old,
            WordEdit::Add { after, .. } => after,
        }
    }
}

impl Op {
    /// The designation the op is ordered by (O1, O2, O5): its first target,
    /// for an insertion its anchor, after the anchor's own change.
    pub fn key(&self) -> (Designation, u8) {
        match self {
            Op::Replace { targets } | Op::Repeal { targets } => (targets[0].clone(), 0),
            Op::Insert { anchor, .. } => (anchor.clone(), 1),
            Op::Words { places, .. } => (places[0].clone(), 0),
        }
    }
}

/// A difference the amendment cannot express.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotExpressible {
    #[error("{0}: the new wording is not known to the file, so it cannot be quoted")]
    UnknownWording(Designation),
    #[error("{0}: a repealed designation is used again (N2); give the new matter a new designation")]
    RepealedReused(Designation),
    #[error("{0}: a new piece before the first one has no designation rule (N7); replace its parent")]
    BeforeFirst(Designation),
    #[error("{0}: the first piece of a new enumeration changes its parent's wording, which cannot be quoted")]
    FirstOfLevel(Designation),
    #[error(
        "{0}: holds ust. and pkt side by side, so no text can say which ust. its pkt belong to; list the pkt in an ust."
    )]
    MixedLevels(Designation),
    #[error(
        "{0}: the chapter headings before it differ; the generator writes changes of numbered pieces only, so word this one by hand"
    )]
    Chapters(Designation),
}

impl NotExpressible {
    /// Whether replacing an enclosing piece in its new wording expresses the
    /// change (T2/T3: a whole ust. or § "otrzymuje brzmienie"), when that
    /// piece can be quoted. A reused repealed designation (N2) and a text
    /// that cannot be printed unambiguously stay refused whatever is quoted.
    pub fn by_replacing_parent(&self) -> bool {
        matches!(
            self,
            NotExpressible::UnknownWording(_) | NotExpressible::BeforeFirst(_) | NotExpressible::FirstOfLevel(_)
        )
    }
}

/// Operations in the order of the change list, and what could not be expressed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    pub ops: Vec<Op>,
    pub problems: Vec<NotExpressible>,
}

/// An atomic change before merging.
#[derive(Debug, Clone)]
enum Atom {
    Replace(Designation),
    Repeal(Designation),
    Insert {
        anchor: Designation,
        new: Designation,
        period_swap: bool,
    },
    /// A word change with its fallback (replacing the piece, when quotable).
    Words {
        edit: WordEdit,
        at: Designation,
        quotable: bool,
    },
}

/// Whether a piece and all it holds can be quoted: no unknown wording.
/// Wording that contains "[…]" is known only in part (the file keeps a
/// cited fragment between elisions) and cannot be quoted either.
pub fn quotable(piece: &Piece) -> bool {
    piece.state != PieceState::Unknown && !piece.text.contains(UNKNOWN) && piece.children.iter().all(quotable)
}

/// The word changes (T6) of pieces present in both texts, with how often each occurs.
fn word_pairs(old: &[Piece], new: &[Piece], out: &mut HashMap<WordEdit, usize>) {
    for n in new {
        let Some(o) = old.iter().find(|o| o.level == n.level && o.label == n.label) else { continue };
        if o.state == PieceState::Text
            && n.state == PieceState::Text
            && o.text != n.text
            && let Some(edit) = word_change(&o.text, &n.text)
        {
            *out.entry(edit).or_default() += 1;
        }
        word_pairs(&o.children, &n.children, out);
    }
}

/// Whether pieces are all of one level: a § holds ust. or pkt, not both.
fn one_level(pieces: &[Piece]) -> bool {
    pieces.windows(2).all(|w| w[0].level == w[1].level)
}

/// Leaves for T2/T3: pkt, or ust./§ with no enumeration of its own.
fn leaves(piece: &Piece) -> usize {
    if piece.level == Level::Pkt || piece.children.is_empty() { 1 } else { piece.children.iter().map(leaves).sum() }
}

struct Differ<'a> {
    old: &'a Regulamin,
    new: &'a Regulamin,
    style: &'a Style,
    /// The leaves that really changed inside a piece replaced whole for its
    /// children's sake (T2/T3 count them, not all the piece's leaves).
    weights: HashMap<Designation, usize>,
    /// How often each word change occurs: one found in `word_places` places
    /// or more is a word operation and does not count towards replacing its § whole.
    pairs: HashMap<WordEdit, usize>,
}

/// Compares two texts and chooses the operations.
pub fn diff(old: &Regulamin, new: &Regulamin, style: &Style) -> Diff {
    let mut pairs = HashMap::new();
    word_pairs(&old.paragraphs, &new.paragraphs, &mut pairs);
    let mut differ = Differ { old, new, style, weights: HashMap::new(), pairs };
    let (atoms, problems) = differ.children(None, &old.paragraphs, &new.paragraphs);
    let ops = differ.merge(atoms);
    Diff { ops, problems }
}

impl Differ<'_> {
    fn at(parent: Option<&Designation>, piece: &Piece) -> Option<Designation> {
        match parent {
            None => Designation::paragraph(&piece.label).ok(),
            Some(p) => p.child(piece.level, &piece.label).ok(),
        }
    }

    /// The changes among siblings, and what they alone cannot express (a
    /// new piece before the first sibling, N7; the first of a new level; new
    /// wording the file does not know), for the enclosing piece to resolve.
    fn children(
        &mut self,
        parent: Option<&Designation>,
        old: &[Piece],
        new: &[Piece],
    ) -> (Vec<Atom>, Vec<NotExpressible>) {
        let mut atoms = Vec::new();
        let mut problems = Vec::new();
        let mut anchor: Option<&Piece> = None;
        for piece in new {
            let Some(at) = Self::at(parent, piece) else { continue };
            match old.iter().find(|o| o.level == piece.level && o.label == piece.label) {
                Some(before) => {
                    let (a, p) = self.piece(before, piece, &at);
                    atoms.extend(a);
                    problems.extend(p);
                    anchor = Some(before);
                }
                None if piece.state == PieceState::Repealed => {}
                None => {
                    let Some(after) = anchor.filter(|a| a.level == piece.level) else {
                        let first_of_level = !old.iter().any(|o| o.level == piece.level);
                        problems.push(if first_of_level {
                            NotExpressible::FirstOfLevel(at)
                        } else {
                            NotExpressible::BeforeFirst(at)
                        });
                        continue;
                    };
                    if !quotable(piece) {
                        problems.push(NotExpressible::UnknownWording(at));
                        continue;
                    }
                    let Some(anchor_at) = Self::at(parent, after) else { continue };
                    let last_in_old = !old.iter().any(|o| {
                        o.level == after.level && crate::model::compare_labels(&o.label, &after.label).is_gt()
                    });
                    let period_swap = last_in_old && piece.level == Level::Pkt && after.state != PieceState::Repealed;
                    atoms.push(Atom::Insert { anchor: anchor_at, new: at, period_swap });
                }
            }
        }
        for piece in old {
            if !new.iter().any(|n| n.level == piece.level && n.label == piece.label)
                && piece.state != PieceState::Repealed
                && let Some(at) = Self::at(parent, piece)
            {
                atoms.push(Atom::Repeal(at));
            }
        }
        (atoms, problems)
    }

    /// The changes of one piece present in both texts: finer operations, or
    /// the piece replaced whole (T1-T3, or because only its new wording can
    /// express what its children cannot), and what stays unexpressed.
    fn piece(&mut self, old: &Piece, new: &Piece, at: &Designation) -> (Vec<Atom>, Vec<NotExpressible>) {
        if old.same_wording(new) {
            return (Vec::new(), Vec::new());
        }
        match (old.state, new.state) {
            (_, PieceState::Repealed) if old.state == PieceState::Repealed => return (Vec::new(), Vec::new()),
            (_, PieceState::Repealed) => return (vec![Atom::Repeal(at.clone())], Vec::new()),
            (PieceState::Repealed, _) => return (Vec::new(), vec![NotExpressible::RepealedReused(at.clone())]),
            _ => {}
        }
        if !one_level(&new.children) {
            return (Vec::new(), vec![NotExpressible::MixedLevels(at.clone())]);
        }
        let can_quote = quotable(new);
        let own_changed = old.state != new.state || old.text != new.text;
        let mut own_whole = false;
        let mut atoms = Vec::new();
        let mut problems = Vec::new();
        if own_changed {
            match (old.state, new.state) {
                (PieceState::Text, PieceState::Text) => match word_change(&old.text, &new.text) {
                    Some(edit) => atoms.push(Atom::Words { edit, at: at.clone(), quotable: can_quote }),
                    None => own_whole = true,
                },
                (_, PieceState::Unknown) => problems.push(NotExpressible::UnknownWording(at.clone())),
                _ => own_whole = true,
            }
        }
        let (children, below) = self.children(Some(at), &old.children, &new.children);
        atoms.extend(children);
        // What the children cannot express, the piece's new wording can.
        let resolvable = !below.is_empty() && below.iter().all(NotExpressible::by_replacing_parent);
        problems.extend(below);
        let structural: Vec<&Atom> = atoms.iter().filter(|a| !matches!(a, Atom::Words { .. })).collect();
        let whole = own_whole
            || resolvable
            || match new.level {
                Level::Lit => !atoms.is_empty(),
                // T1: a changed or added lit. replaces its pkt; a pure repeal of a lit. stays.
                Level::Pkt => structural.iter().any(|a| !matches!(a, Atom::Repeal(_))),
                Level::Par | Level::Ust => {
                    let changed: usize = atoms.iter().map(|a| self.changed_leaves(a)).sum();
                    let share = changed as f64 / leaves(new).max(1) as f64;
                    let items =
                        atoms.iter().filter(|a| self.changed_leaves(a) > 0 || !matches!(a, Atom::Words { .. })).count();
                    !atoms.is_empty() && (share >= self.style.whole_share || items > self.style.max_items)
                }
            };
        if whole && can_quote && problems.iter().all(NotExpressible::by_replacing_parent) {
            if !own_whole && !resolvable {
                let changed = atoms.iter().map(|a| self.changed_leaves(a)).sum();
                self.weights.insert(at.clone(), changed);
            }
            return (vec![Atom::Replace(at.clone())], Vec::new());
        }
        if own_whole && !atoms.iter().any(|a| matches!(a, Atom::Words { .. })) {
            // The own wording changed, but the piece holds wording that cannot be quoted.
            problems.push(NotExpressible::UnknownWording(at.clone()));
        }
        (atoms, problems)
    }

    fn changed_leaves(&self, atom: &Atom) -> usize {
        match atom {
            Atom::Replace(d) => self.weights.get(d).copied().unwrap_or_else(|| self.new.find(d).map_or(1, leaves)),
            Atom::Insert { new: d, .. } => self.new.find(d).map_or(1, leaves),
            Atom::Repeal(d) => self.old.find(d).map_or(1, leaves),
            Atom::Words { edit, .. } => {
                usize::from(self.pairs.get(edit).copied().unwrap_or(0) < self.style.word_places)
            }
        }
    }

    /// Merges atoms into ops: word groups (K6m, K7, K8, or the pieces
    /// replaced when the change occurs in fewer than `word_places` places, T6),
    /// adjacent siblings with the same op into ranges (N9), then sorts by O1-O5.
    fn merge(&mut self, atoms: Vec<Atom>) -> Vec<Op> {
        let mut groups: BTreeMap<WordEdit, Vec<(Designation, bool)>> = BTreeMap::new();
        let mut singles: Vec<Op> = Vec::new();
        for atom in &atoms {
            if let Atom::Words { edit, at, quotable } = atom {
                groups.entry(edit.clone()).or_default().push((at.clone(), *quotable));
            }
        }
        let mut replaced: Vec<Designation> = Vec::new();
        for (edit, places) in groups {
            if places.len() < self.style.word_places && places.iter().all(|(_, quotable)| *quotable) {
                replaced.extend(places.into_iter().map(|(d, _)| d));
            } else {
                let mut places: Vec<Designation> = places.into_iter().map(|(d, _)| d).collect();
                places.sort();
                singles.push(Op::Words { edit, places });
            }
        }
        let mut ops: Vec<Op> = Vec::new();
        let mut structural: Vec<Atom> = atoms.into_iter().filter(|a| !matches!(a, Atom::Words { .. })).collect();
        structural.extend(replaced.into_iter().map(Atom::Replace));
        structural.sort_by_key(|a| match a {
            Atom::Replace(d) | Atom::Repeal(d) => (d.clone(), 0, d.clone()),
            Atom::Insert { anchor, new, .. } => (anchor.clone(), 1, new.clone()),
            Atom::Words { at, .. } => (at.clone(), 0, at.clone()),
        });
        for atom in structural {
            let merged = match (ops.last_mut(), &atom) {
                (Some(Op::Replace { targets }), Atom::Replace(d)) => self.adjacent(targets, d, true),
                (Some(Op::Repeal { targets }), Atom::Repeal(d)) => self.adjacent(targets, d, false),
                (Some(Op::Insert { anchor, new, .. }), Atom::Insert { anchor: a, new: n, .. }) if anchor == a => {
                    new.push(n.clone());
                    true
                }
                _ => false,
            };
            if !merged {
                ops.push(match atom {
                    Atom::Replace(d) => Op::Replace { targets: vec![d] },
                    Atom::Repeal(d) => Op::Repeal { targets: vec![d] },
                    Atom::Insert { anchor, new, period_swap } => Op::Insert { anchor, new: vec![new], period_swap },
                    Atom::Words { .. } => continue,
                });
            }
        }
        ops.extend(singles);
        ops.sort_by_key(Op::key);
        ops
    }

    /// Appends `d` to `targets` when it is the next sibling of the last one
    /// (in the new text for replacements, in the old for repeals).
    fn adjacent(&self, targets: &mut Vec<Designation>, d: &Designation, in_new: bool) -> bool {
        let Some(last) = targets.last() else { return false };
        if last.parent() != d.parent() || last.level() != d.level() {
            return false;
        }
        let text = if in_new { self.new } else { self.old };
        let siblings: Vec<&Piece> = match d.parent() {
            None => text.paragraphs.iter().collect(),
            Some(p) => text.find(&p).map(|p| p.children.iter().collect()).unwrap_or_default(),
        };
        let index = |label: &str| siblings.iter().position(|s| s.level == d.level() && s.label == label);
        match (index(last.label()), index(d.label())) {
            (Some(a), Some(b)) if b == a + 1 => {
                targets.push(d.clone());
                true
            }
            _ => false,
        }
    }
}

/// T6 with the widening of §7.4: the one contiguous fragment that changes.
/// Whole words only deleted are K7 and whole words only added after an
/// anchor found once in the piece are K8; otherwise the change is widened to
/// whole words, then to the smallest enclosing bracket when it lies inside
/// one, and is a substitution (K6). `None` when the change is not one such
/// operation, or applying it at every occurrence would not give the new text.
pub fn word_change(old: &str, new: &str) -> Option<WordEdit> {
    let o: Vec<char> = old.chars().collect();
    let n: Vec<char> = new.chars().collect();
    let mut start = o.iter().zip(&n).take_while(|(a, b)| a == b).count();
    let max_suffix = o.len().min(n.len()) - start;
    let mut suffix = o.iter().rev().zip(n.iter().rev()).take(max_suffix).take_while(|(a, b)| a == b).count();
    // The smallest enclosing bracket of the change, when it lies inside one.
    let open = o[..start].iter().rposition(|&c| c == '(');
    let mut bracketed = false;
    if let Some(open) = open
        && !o[open..start].contains(&')')
    {
        let tail = &o[o.len() - suffix..];
        if let Some(close) = tail.iter().position(|&c| c == ')')
            && !tail[..close].contains(&'(')
        {
            start = open;
            suffix -= close + 1;
            bracketed = true;
        }
    }
    if !bracketed {
        let deleted = start < o.len() - suffix && start == n.len() - suffix;
        let added = start == o.len() - suffix && start < n.len() - suffix;
        let found = if deleted {
            deletion(old, new, &o, start, o.len() - suffix)
        } else if added {
            insertion(old, new, &o)
        } else {
            None
        };
        if found.is_some() {
            return found;
        }
        // Otherwise whole words: move the start back and the end forward to a word boundary.
        while start > 0 && !o[start - 1].is_whitespace() {
            start -= 1;
        }
        while suffix > 0 && !o[o.len() - suffix].is_whitespace() {
            suffix -= 1;
        }
    }
    let old_part: String = o[start..o.len() - suffix].iter().collect();
    let new_part: String = n[start..n.len() - suffix].iter().collect();
    let old_part = old_part.trim().to_owned();
    let new_part = new_part.trim().to_owned();
    if old_part.is_empty() || new_part.is_empty() {
        return None;
    }
    let edit = WordEdit::Replace { old: old_part, new: new_part };
    (edit.apply(old).as_deref() == Some(new)).then_some(edit)
}

/// Where a word ends or starts: a space, a bracket, a quote or punctuation.
fn boundary(c: Option<&char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || ",;.:()„”\"".contains(*c))
}

/// K7: the chars `from..to` of `old` deleted, when they are whole words.
fn deletion(old: &str, new: &str, o: &[char], from: usize, to: usize) -> Option<WordEdit> {
    let lead = o[from..to].iter().take_while(|c| c.is_whitespace()).count();
    let trail = o[from..to].iter().rev().take_while(|c| c.is_whitespace()).count();
    let (from, to) = (from + lead, to.saturating_sub(trail).max(from + lead));
    // The words run from a boundary (or open with punctuation, ", a także …") to one.
    let starts = boundary(from.checked_sub(1).and_then(|i| o.get(i))) || boundary(o.get(from));
    let ends = boundary(o.get(to)) || boundary(to.checked_sub(1).and_then(|i| o.get(i)));
    if from == to || !starts || !ends {
        return None;
    }
    let edit = WordEdit::Delete { old: o[from..to].iter().collect() };
    (edit.apply(old).as_deref() == Some(new)).then_some(edit)
}

/// K8: whole words added after a word end of `old`, after the shortest run of
/// whole words before it that occurs once in `old`.
fn insertion(old: &str, new: &str, o: &[char]) -> Option<WordEdit> {
    for q in (1..=o.len()).rev() {
        if o[q - 1].is_whitespace() || !boundary(o.get(q)) {
            continue;
        }
        let left: String = o[..q].iter().collect();
        let right: String = o[q..].iter().collect();
        let Some(middle) = new.strip_prefix(left.as_str()).and_then(|m| m.strip_suffix(right.as_str())) else {
            continue;
        };
        let added = middle.trim();
        if added.is_empty() {
            continue;
        }
        let starts = (0..q).rev().filter(|&i| i == 0 || o[i - 1].is_whitespace());
        for from in starts {
            let after: String = o[from..q].iter().collect();
            if old.matches(after.as_str()).count() == 1 {
                let edit = WordEdit::Add { after, new: added.to_owned() };
                if edit.apply(old).as_deref() == Some(new) {
                    return Some(edit);
                }
                break;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn replace(old: &str, new: &str) -> WordEdit {
        WordEdit::Replace { old: old.into(), new: new.into() }
    }

    #[test]
    fn a_substitution_is_widened_to_whole_words_and_to_its_bracket() {
        assert_eq!(
            word_change("zadania stanowiska pracy", "zadania stanowisko pracy"),
            Some(replace("stanowiska", "stanowisko"))
        );
        assert_eq!(
            word_change("jak w (j.t. z dnia 1 r. z późn. zm.) dalej", "jak w (j.t. z dnia 2 r.) dalej"),
            Some(replace("(j.t. z dnia 1 r. z późn. zm.)", "(j.t. z dnia 2 r.)"))
        );
    }

    #[test]
    fn k7_whole_words_only_deleted() {
        // S-SENAT2005: "skreśla się wyraz „samotnie”".
        assert_eq!(
            word_change("osoba wychowująca samotnie dziecko", "osoba wychowująca dziecko"),
            Some(WordEdit::Delete { old: "samotnie".into() })
        );
        // S-KPC2025: a clause with its comma.
        assert_eq!(
            word_change(
                "w razie odmowy mediacji, a także oczywiście nieuzasadnionej odmowy",
                "w razie odmowy mediacji"
            ),
            Some(WordEdit::Delete { old: ", a także oczywiście nieuzasadnionej odmowy".into() })
        );
        assert_eq!(word_change("zadania pracy", "pracy"), Some(WordEdit::Delete { old: "zadania".into() }));
        // Part of a word is no word: the word is replaced instead.
        assert_eq!(word_change("stanowiska pracy", "stanowisk pracy"), Some(replace("stanowiska", "stanowisk")));
        // Deleting every occurrence would delete too much: the words around it are replaced.
        assert_eq!(word_change("a b c b", "a c b"), Some(replace("b c", "c")));
    }

    #[test]
    fn k8_whole_words_added_after_an_anchor_found_once() {
        assert_eq!(
            word_change("środki na dofinansowanie zadań", "środki na dofinansowanie, z zastrzeżeniem art. 21a, zadań"),
            Some(WordEdit::Add { after: "dofinansowanie".into(), new: ", z zastrzeżeniem art. 21a,".into() })
        );
        assert_eq!(
            word_change("zadania z zakresu", "zadania z zakresu oraz innych"),
            Some(WordEdit::Add { after: "zakresu".into(), new: "oraz innych".into() })
        );
        // The last word occurs twice: the anchor takes the word before it too.
        assert_eq!(
            word_change("nadzór i nadzór", "nadzór i nadzór bezpośredni"),
            Some(WordEdit::Add { after: "i nadzór".into(), new: "bezpośredni".into() })
        );
        // Nothing before the new words to name: no word operation of its own.
        assert_eq!(word_change("zadania", "nowe zadania"), Some(replace("zadania", "nowe zadania")));
    }

    #[test]
    fn word_edits_apply_at_every_occurrence_and_not_where_the_words_are_missing() {
        let delete = WordEdit::Delete { old: "samotnie".into() };
        assert_eq!(delete.apply("samotnie wychowująca").as_deref(), Some("wychowująca"));
        assert_eq!(delete.apply("wychowująca dziecko").as_deref(), None);
        let add = WordEdit::Add { after: "zakresu".into(), new: "oraz innych".into() };
        assert_eq!(add.apply("z zakresu: a").as_deref(), Some("z zakresu oraz innych: a"));
    }
}
