//! The operations of an amendment, found by comparing two Regulamin trees by
//! designation (`../shared/docs/amendment-spec.md` §7 steps 2-6): replace,
//! repeal, insert after a sibling (with the K5b period swap), and the same
//! words replaced in several places (K6m, widened by §7.4).
//!
//! Granularity (§3.3): a changed or added lit. replaces its pkt (T1); a § or
//! ust. whose leaves change by at least the profile's share, or that would
//! need more items than its maximum, is replaced whole (T2/T3); a word change
//! found in two or more places is a K6m group (T6), in one place the piece is
//! replaced. Wording the file does not know ([`PieceState::Unknown`]) is never
//! quoted: a change that would need it is expressed lower down, or reported.

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
    /// The same fragment replaced at every place (K6 in one place, K6m in several).
    Words { old: String, new: String, places: Vec<Designation> },
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
        old: String,
        new: String,
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

/// The word changes (T6) of pieces present in both texts, with how often each pair occurs.
fn word_pairs(old: &[Piece], new: &[Piece], out: &mut HashMap<(String, String), usize>) {
    for n in new {
        let Some(o) = old.iter().find(|o| o.level == n.level && o.label == n.label) else { continue };
        if o.state == PieceState::Text
            && n.state == PieceState::Text
            && o.text != n.text
            && let Some(pair) = word_change(&o.text, &n.text)
        {
            *out.entry(pair).or_default() += 1;
        }
        word_pairs(&o.children, &n.children, out);
    }
}

/// Leaves for T2/T3: pkt, or ust./§ with no enumeration of its own.
fn leaves(piece: &Piece) -> usize {
    if piece.level == Level::Pkt || piece.children.is_empty() { 1 } else { piece.children.iter().map(leaves).sum() }
}

struct Differ<'a> {
    old: &'a Regulamin,
    new: &'a Regulamin,
    style: &'a Style,
    problems: Vec<NotExpressible>,
    /// The leaves that really changed inside a piece replaced whole for its
    /// children's sake (T2/T3 count them, not all the piece's leaves).
    weights: HashMap<Designation, usize>,
    /// How often each word change occurs: a pair found twice or more is a
    /// K6m group and does not count towards replacing its § whole.
    pairs: HashMap<(String, String), usize>,
}

/// Compares two texts and chooses the operations.
pub fn diff(old: &Regulamin, new: &Regulamin, style: &Style) -> Diff {
    let mut pairs = HashMap::new();
    word_pairs(&old.paragraphs, &new.paragraphs, &mut pairs);
    let mut differ = Differ { old, new, style, problems: Vec::new(), weights: HashMap::new(), pairs };
    let atoms = differ.children(None, &old.paragraphs, &new.paragraphs).unwrap_or_else(|problem| {
        differ.problems.push(problem);
        Vec::new()
    });
    let ops = differ.merge(atoms);
    Diff { ops, problems: differ.problems }
}

impl Differ<'_> {
    fn at(parent: Option<&Designation>, piece: &Piece) -> Option<Designation> {
        match parent {
            None => Designation::paragraph(&piece.label).ok(),
            Some(p) => p.child(piece.level, &piece.label).ok(),
        }
    }

    /// The changes among siblings; `Err` names a piece added before the first sibling (N7).
    fn children(
        &mut self,
        parent: Option<&Designation>,
        old: &[Piece],
        new: &[Piece],
    ) -> Result<Vec<Atom>, NotExpressible> {
        let mut atoms = Vec::new();
        let mut anchor: Option<&Piece> = None;
        for piece in new {
            let Some(at) = Self::at(parent, piece) else { continue };
            match old.iter().find(|o| o.level == piece.level && o.label == piece.label) {
                Some(before) => {
                    atoms.extend(self.piece(before, piece, &at));
                    anchor = Some(before);
                }
                None if piece.state == PieceState::Repealed => {}
                None => {
                    let Some(after) = anchor.filter(|a| a.level == piece.level) else {
                        let first_of_level = !old.iter().any(|o| o.level == piece.level);
                        return Err(if first_of_level {
                            NotExpressible::FirstOfLevel(at)
                        } else {
                            NotExpressible::BeforeFirst(at)
                        });
                    };
                    if !quotable(piece) {
                        self.problems.push(NotExpressible::UnknownWording(at.clone()));
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
        Ok(atoms)
    }

    fn piece(&mut self, old: &Piece, new: &Piece, at: &Designation) -> Vec<Atom> {
        if old.same_wording(new) {
            return Vec::new();
        }
        match (old.state, new.state) {
            (_, PieceState::Repealed) if old.state == PieceState::Repealed => return Vec::new(),
            (_, PieceState::Repealed) => return vec![Atom::Repeal(at.clone())],
            (PieceState::Repealed, _) => {
                self.problems.push(NotExpressible::RepealedReused(at.clone()));
                return Vec::new();
            }
            _ => {}
        }
        let can_quote = quotable(new);
        let own_changed = old.state != new.state || old.text != new.text;
        let mut whole = false;
        let mut own_whole = false;
        let mut before_first: Option<NotExpressible> = None;
        let mut atoms = Vec::new();
        if own_changed {
            match (old.state, new.state) {
                (PieceState::Text, PieceState::Text) => match word_change(&old.text, &new.text) {
                    Some((o, n)) => atoms.push(Atom::Words { old: o, new: n, at: at.clone(), quotable: can_quote }),
                    None => own_whole = true,
                },
                (_, PieceState::Unknown) => self.problems.push(NotExpressible::UnknownWording(at.clone())),
                _ => own_whole = true,
            }
        }
        match self.children(Some(at), &old.children, &new.children) {
            Ok(children) => atoms.extend(children),
            Err(first) => {
                before_first = Some(first);
                own_whole = true;
            }
        }
        whole |= own_whole;
        let structural: Vec<&Atom> = atoms.iter().filter(|a| !matches!(a, Atom::Words { .. })).collect();
        whole |= match new.level {
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
        if whole && can_quote {
            if !own_whole {
                let changed = atoms.iter().map(|a| self.changed_leaves(a)).sum();
                self.weights.insert(at.clone(), changed);
            }
            return vec![Atom::Replace(at.clone())];
        }
        if whole && let Some(first) = before_first {
            self.problems.push(first);
        }
        if whole && own_changed && !atoms.iter().any(|a| matches!(a, Atom::Words { .. })) {
            // The own wording changed, but the piece holds wording that cannot be quoted.
            self.problems.push(NotExpressible::UnknownWording(at.clone()));
        }
        atoms
    }

    fn changed_leaves(&self, atom: &Atom) -> usize {
        match atom {
            Atom::Replace(d) => self.weights.get(d).copied().unwrap_or_else(|| self.new.find(d).map_or(1, leaves)),
            Atom::Insert { new: d, .. } => self.new.find(d).map_or(1, leaves),
            Atom::Repeal(d) => self.old.find(d).map_or(1, leaves),
            Atom::Words { old, new, .. } => {
                usize::from(self.pairs.get(&(old.clone(), new.clone())).copied().unwrap_or(0) < 2)
            }
        }
    }

    /// Merges atoms into ops: word groups (K6m, or the piece replaced when the
    /// pair occurs once), adjacent siblings with the same op into ranges (N9),
    /// then sorts by O1-O5.
    fn merge(&mut self, atoms: Vec<Atom>) -> Vec<Op> {
        let mut groups: BTreeMap<(String, String), Vec<(Designation, bool)>> = BTreeMap::new();
        let mut singles: Vec<Op> = Vec::new();
        for atom in &atoms {
            if let Atom::Words { old, new, at, quotable } = atom {
                groups.entry((old.clone(), new.clone())).or_default().push((at.clone(), *quotable));
            }
        }
        let mut replaced: Vec<Designation> = Vec::new();
        for ((old, new), places) in groups {
            if places.len() == 1 && places[0].1 {
                replaced.push(places[0].0.clone());
            } else {
                let mut places: Vec<Designation> = places.into_iter().map(|(d, _)| d).collect();
                places.sort();
                singles.push(Op::Words { old, new, places });
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

/// T6 with the widening of §7.4: the one contiguous fragment that changes,
/// widened to whole words, then to the smallest enclosing bracket when the
/// change lies inside one; `None` when the change is not one substitution of
/// at most a sentence, or replacing every occurrence would not give the new text.
pub fn word_change(old: &str, new: &str) -> Option<(String, String)> {
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
    // Otherwise whole words: move the start back and the end forward to a word boundary.
    if !bracketed {
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
    (old.replace(&old_part, &new_part) == new).then_some((old_part, new_part))
}
