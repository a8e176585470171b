//! Task-list diff at the level of single points (pkt) and letters (lit.),
//! addressed by their labels: added, repealed, removed, edited (with a word
//! diff), changed in state (wording unknown / known, a repealed label used
//! again) and reordered points, plus changes of the lead sentence and of the
//! shared-task reference.
//!
//! Points are matched by label, as the law matches them (rule N1 of
//! `../shared/docs/amendment-spec.md`: a designation never changes, so pkt 3
//! of both versions is the same point and a new wording of it "otrzymuje
//! brzmienie"). A point whose label is gone from one side and whose wording
//! stands under another label on the other was moved (a draft point put
//! elsewhere and relabelled). Points whose labels are in both lists but in
//! another order are moved too (a hand-edited file; the rules never produce it).
//!
//! A point in force that became a repealed placeholder ("3) (uchylony)") is
//! repealed, not removed; so is a point that is gone from the new list while
//! its designation is among the new version's repealed designations (how
//! version 1 files recorded a repeal). A point that is simply gone was deleted.

use std::collections::{HashMap, HashSet, VecDeque};

use serde::Serialize;

use super::sequence::common_pairs;
use super::words::WordDiff;
use crate::model::{Designation, PieceState, TaskList, TaskPoint};

/// Where a point is: the labels from the pkt down (`["2a", "b"]` is pkt 2a lit. b).
pub type PointPath = Vec<String>;

/// One change of one point.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum PointChange {
    /// A new point (a letter of a new point is added on its own, after it).
    Added {
        new: PointPath,
        text: String,
        /// `unknown` for a point in force whose wording the file does not know.
        #[serde(skip_serializing_if = "PieceState::is_text")]
        state: PieceState,
    },
    /// The point was repealed: its label stays as a placeholder ("(uchylony)").
    /// `text` is its last wording (empty for a placeholder that is new).
    Repealed { old: PointPath, text: String },
    /// The point was deleted outright (a point that existed only in a draft).
    Removed { old: PointPath, text: String },
    /// The wording changed; `words.side(true)` is the old text, `side(false)` the new.
    Edited { old: PointPath, new: PointPath, words: WordDiff },
    /// The point's state changed otherwise: its wording became known or
    /// unknown, or a repealed label holds a point again.
    StateChanged { old: PointPath, new: PointPath, old_state: PieceState, new_state: PieceState, words: WordDiff },
    /// The same wording at another place in the list.
    Moved { old: PointPath, new: PointPath, text: String },
}

impl PointChange {
    /// The point's path in the new list, when it is there.
    pub fn new_path(&self) -> Option<&[String]> {
        match self {
            PointChange::Added { new, .. }
            | PointChange::Edited { new, .. }
            | PointChange::StateChanged { new, .. }
            | PointChange::Moved { new, .. } => Some(new),
            PointChange::Repealed { .. } | PointChange::Removed { .. } => None,
        }
    }

    /// The path the change is cited by: the new one, or the old one for a
    /// point that is repealed or gone.
    pub fn path(&self) -> &[String] {
        match self {
            PointChange::Repealed { old, .. } | PointChange::Removed { old, .. } => old,
            other => other.new_path().unwrap_or_default(),
        }
    }

    /// True when the change is cited by the old version's designation.
    pub fn cites_old(&self) -> bool {
        matches!(self, PointChange::Repealed { .. } | PointChange::Removed { .. })
    }
}

/// How one unit's task list changed. Holds both lists (and their
/// designations) so a viewer can show the new list with the changes inline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TasksDiff {
    pub old: TaskList,
    pub new: TaskList,
    /// Where the old version holds the tasks (the designation old paths are cited by).
    pub old_at: Option<Designation>,
    /// Where the new version holds them.
    pub new_at: Option<Designation>,
    /// The lead sentence, when its wording changed or it became (un)known.
    pub intro: Option<WordDiff>,
    /// Whether the lead sentence's wording is unknown (old, new), when that changed.
    pub intro_unknown: Option<(bool, bool)>,
    /// The shared-task reference (old, new), when it changed.
    pub shared_ref: Option<(Option<String>, Option<String>)>,
    /// Point changes in the order of the new list, removed points at their old place.
    pub points: Vec<PointChange>,
}

/// What the task diff needs of the versions around the lists.
pub(crate) struct Context<'a> {
    pub old_at: Option<&'a Designation>,
    pub new_at: Option<&'a Designation>,
    /// The new version's repealed designations outside task lists.
    pub retired: &'a HashSet<&'a Designation>,
}

impl TasksDiff {
    /// The diff of two task lists without designations, `None` when they are equal.
    pub fn new(old: &TaskList, new: &TaskList) -> Option<Self> {
        let retired = HashSet::new();
        let context = Context { old_at: None, new_at: None, retired: &retired };
        Self::between(old, new, &context, &mut Vec::new())
    }

    /// The diff of two task lists, `None` when they are equal. The
    /// designations of points found repealed through `context.retired` are
    /// pushed to `repealed` (so the document's list of repealed designations
    /// does not report them a second time).
    pub(crate) fn between(
        old: &TaskList,
        new: &TaskList,
        context: &Context,
        repealed: &mut Vec<Designation>,
    ) -> Option<Self> {
        if old == new {
            return None;
        }
        let intro = (old.intro != new.intro || old.intro_unknown != new.intro_unknown)
            .then(|| WordDiff::new(&old.intro, &new.intro));
        let intro_unknown = (old.intro_unknown != new.intro_unknown).then_some((old.intro_unknown, new.intro_unknown));
        let shared_ref = (old.shared_ref != new.shared_ref).then(|| (old.shared_ref.clone(), new.shared_ref.clone()));
        let mut walk = Walk { context, repealed };
        let points = walk.points(&old.points, &new.points, &[], &[]);
        Some(Self {
            old: old.clone(),
            new: new.clone(),
            old_at: context.old_at.cloned(),
            new_at: context.new_at.cloned(),
            intro,
            intro_unknown,
            shared_ref,
            points,
        })
    }

    /// The change of the point at `path` in the new list, if any (for inline display).
    pub fn change_at_new(&self, path: &[String]) -> Option<&PointChange> {
        self.points.iter().find(|c| c.new_path() == Some(path))
    }

    /// The designation a change is cited by ("§ 19 pkt 3"), when the list has one.
    pub fn designation_of(&self, change: &PointChange) -> Option<Designation> {
        let at = if change.cites_old() { self.old_at.as_ref() } else { self.new_at.as_ref() };
        at?.point(change.path())
    }
}

/// How an old point and a new point were paired.
#[derive(Clone, Copy, PartialEq)]
enum Pairing {
    /// The same label, in the order of the other paired points.
    Label,
    /// The same label out of that order, or the same wording under another label.
    Moved,
}

struct Walk<'a, 'b> {
    context: &'a Context<'a>,
    repealed: &'b mut Vec<Designation>,
}

fn path(prefix: &[String], label: &str) -> PointPath {
    prefix.iter().cloned().chain(std::iter::once(label.to_owned())).collect()
}

impl Walk<'_, '_> {
    /// The designation of `old_path` in the old version, when it is among the
    /// new version's repealed designations.
    fn repealed_in_new(&self, old_path: &[String]) -> Option<Designation> {
        let d = self.context.old_at?.point(old_path)?;
        self.context.retired.contains(&d).then_some(d)
    }

    fn points(
        &mut self,
        old: &[TaskPoint],
        new: &[TaskPoint],
        old_prefix: &[String],
        new_prefix: &[String],
    ) -> Vec<PointChange> {
        let mut old_pair: Vec<Option<(usize, Pairing)>> = vec![None; old.len()];
        let mut new_pair: Vec<Option<(usize, Pairing)>> = vec![None; new.len()];
        // By label (a label twice in one list, as only a broken file has it, pairs in order).
        let mut by_label: HashMap<&str, VecDeque<usize>> = HashMap::with_capacity(old.len());
        for (i, point) in old.iter().enumerate() {
            by_label.entry(point.label.as_str()).or_default().push_back(i);
        }
        for (j, point) in new.iter().enumerate() {
            if let Some(i) = by_label.get_mut(point.label.as_str()).and_then(VecDeque::pop_front) {
                old_pair[i] = Some((j, Pairing::Label));
                new_pair[j] = Some((i, Pairing::Label));
            }
        }
        // Paired labels in another order: the fewest that explain it moved.
        let in_new_order: Vec<usize> = new_pair.iter().filter_map(|p| p.map(|(i, _)| i)).collect();
        if in_new_order.windows(2).any(|w| w[0] > w[1]) {
            let mut in_old_order = in_new_order.clone();
            in_old_order.sort_unstable();
            let mut kept = vec![false; in_new_order.len()];
            for (_, k) in common_pairs(&in_old_order, &in_new_order) {
                kept[k] = true;
            }
            for (k, &i) in in_new_order.iter().enumerate() {
                if !kept[k]
                    && let Some((j, _)) = old_pair[i]
                {
                    old_pair[i] = Some((j, Pairing::Moved));
                    new_pair[j] = Some((i, Pairing::Moved));
                }
            }
        }
        // The same wording under another label: moved (and relabelled).
        let mut by_text: HashMap<&str, VecDeque<usize>> = HashMap::new();
        for (i, point) in old.iter().enumerate() {
            if old_pair[i].is_none() && !point.text.is_empty() && !point.state.is_repealed() {
                by_text.entry(point.text.as_str()).or_default().push_back(i);
            }
        }
        if !by_text.is_empty() {
            for (j, point) in new.iter().enumerate() {
                if new_pair[j].is_none()
                    && !point.state.is_repealed()
                    && let Some(i) = by_text.get_mut(point.text.as_str()).and_then(VecDeque::pop_front)
                {
                    old_pair[i] = Some((j, Pairing::Moved));
                    new_pair[j] = Some((i, Pairing::Moved));
                }
            }
        }

        // Emit in new order, each point that is gone before the new point that
        // follows it in the old list (right after the new place of the nearest
        // point before it that stayed in order).
        let mut groups: Vec<((usize, u8, usize), Vec<PointChange>)> = Vec::new();
        let mut after_new = 0;
        for (i, pair) in old_pair.iter().enumerate() {
            match pair {
                Some((j, Pairing::Label)) => after_new = j + 1,
                Some(_) => {}
                None => {
                    let point = &old[i];
                    let old_path = path(old_prefix, &point.label);
                    let text = point.text.clone();
                    let change = match self.repealed_in_new(&old_path) {
                        Some(d) if !point.state.is_repealed() => {
                            self.repealed.push(d);
                            PointChange::Repealed { old: old_path, text }
                        }
                        _ => PointChange::Removed { old: old_path, text },
                    };
                    groups.push(((after_new, 0, i), vec![change]));
                }
            }
        }
        for (j, pair) in new_pair.iter().enumerate() {
            let point = &new[j];
            let new_path = path(new_prefix, &point.label);
            let mut group = Vec::new();
            match pair {
                None if point.state.is_repealed() => {
                    group.push(PointChange::Repealed { old: new_path, text: String::new() });
                }
                None => {
                    group.push(PointChange::Added {
                        new: new_path.clone(),
                        text: point.text.clone(),
                        state: point.state,
                    });
                    group.extend(self.points(&[], &point.sub, &[], &new_path));
                }
                Some((i, pairing)) => {
                    let before = &old[*i];
                    let old_path = path(old_prefix, &before.label);
                    if *pairing == Pairing::Moved {
                        group.push(PointChange::Moved {
                            old: old_path.clone(),
                            new: new_path.clone(),
                            text: point.text.clone(),
                        });
                    }
                    let repealed_now = point.state.is_repealed() && !before.state.is_repealed();
                    if repealed_now {
                        group.push(PointChange::Repealed { old: old_path.clone(), text: before.text.clone() });
                    } else if before.state != point.state {
                        group.push(PointChange::StateChanged {
                            old: old_path.clone(),
                            new: new_path.clone(),
                            old_state: before.state,
                            new_state: point.state,
                            words: WordDiff::new(&before.text, &point.text),
                        });
                    } else if before.text != point.text {
                        group.push(PointChange::Edited {
                            old: old_path.clone(),
                            new: new_path.clone(),
                            words: WordDiff::new(&before.text, &point.text),
                        });
                    }
                    // The letters of a repealed point go with it.
                    let letters_went_with_it = repealed_now && point.sub.is_empty();
                    if before.sub != point.sub && !letters_went_with_it {
                        group.extend(self.points(&before.sub, &point.sub, &old_path, &new_path));
                    }
                }
            }
            if !group.is_empty() {
                groups.push(((j, 1, 0), group));
            }
        }
        groups.sort_by_key(|(key, _)| *key);
        groups.into_iter().flat_map(|(_, group)| group).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(points: &[&str]) -> TaskList {
        TaskList {
            points: points.iter().enumerate().map(|(i, p)| TaskPoint::new((i + 1).to_string(), *p)).collect(),
            ..TaskList::default()
        }
    }

    fn p(labels: &[&str]) -> PointPath {
        labels.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn equal_lists_have_no_diff() {
        assert_eq!(TasksDiff::new(&list(&["a"]), &list(&["a"])), None);
    }

    #[test]
    fn a_new_wording_under_the_same_label_is_an_edit() {
        let d = TasksDiff::new(&list(&["one", "two old text", "three"]), &list(&["one", "totally new", "three"]));
        let d = d.unwrap();
        assert_eq!(d.points.len(), 1);
        assert!(matches!(&d.points[0], PointChange::Edited { old, new, .. } if old == &p(&["2"]) && new == &p(&["2"])));
    }

    #[test]
    fn points_are_matched_by_label_not_by_position() {
        // pkt 2 repealed in the new list, pkt 2a inserted: pkt 3 is still pkt 3.
        let old = list(&["a a", "b b", "c c"]);
        let mut new = old.clone();
        new.points[1] = TaskPoint::repealed("2");
        new.points.insert(2, TaskPoint::new("2a", "n n"));
        let d = TasksDiff::new(&old, &new).unwrap();
        assert_eq!(
            d.points,
            vec![
                PointChange::Repealed { old: p(&["2"]), text: "b b".into() },
                PointChange::Added { new: p(&["2a"]), text: "n n".into(), state: PieceState::Text },
            ]
        );
    }

    #[test]
    fn a_point_gone_whose_designation_is_repealed_is_repealed() {
        let old = list(&["a", "b", "c"]);
        let new = list(&["a", "b"]);
        let at: Designation = "§ 19".parse().unwrap();
        let gone: Designation = "§ 19 pkt 3".parse().unwrap();
        let retired = HashSet::from([&gone]);
        let context = Context { old_at: Some(&at), new_at: Some(&at), retired: &retired };
        let mut repealed = Vec::new();
        let d = TasksDiff::between(&old, &new, &context, &mut repealed).unwrap();
        assert_eq!(d.points, vec![PointChange::Repealed { old: p(&["3"]), text: "c".into() }]);
        assert_eq!(repealed, vec![gone.clone()]);
        assert_eq!(d.designation_of(&d.points[0]), Some(gone));
        // Without the repealed designation it was deleted.
        let d = TasksDiff::new(&old, &new).unwrap();
        assert_eq!(d.points, vec![PointChange::Removed { old: p(&["3"]), text: "c".into() }]);
    }

    #[test]
    fn relabelled_and_reordered_points_are_moved() {
        let old = list(&["a a", "b b", "c c"]);
        // "c c" relabelled 1a in front of "b b"; "a a" and "b b" swap labels' order.
        let new = TaskList {
            points: vec![TaskPoint::new("2", "b b"), TaskPoint::new("1", "a a"), TaskPoint::new("1a", "c c")],
            ..TaskList::default()
        };
        let d = TasksDiff::new(&old, &new).unwrap();
        let moved: Vec<(PointPath, PointPath)> = d
            .points
            .iter()
            .filter_map(|c| match c {
                PointChange::Moved { old, new, .. } => Some((old.clone(), new.clone())),
                _ => None,
            })
            .collect();
        // One of the swapped pair moved (the fewest moves explain the order), and "c c" went to 1a.
        assert_eq!(moved.len(), 2, "{:?}", d.points);
        assert!(moved[0].0 == moved[0].1 && ["1", "2"].contains(&moved[0].0[0].as_str()), "{moved:?}");
        assert_eq!(moved[1], (p(&["3"]), p(&["1a"])));
        assert_eq!(d.points.len(), 2, "{:?}", d.points);
    }

    #[test]
    fn letters_of_a_new_point_are_added_after_it_and_letters_have_their_paths() {
        let mut old = list(&["a"]);
        old.points[0].sub = vec![TaskPoint::new("a", "x")];
        let mut new = list(&["a", "b"]);
        new.points[0].sub = vec![TaskPoint::new("a", "x"), TaskPoint::new("b", "y")];
        new.points[1].sub = vec![TaskPoint::new("a", "z")];
        let d = TasksDiff::new(&old, &new).unwrap();
        let text = PieceState::Text;
        assert_eq!(
            d.points,
            vec![
                PointChange::Added { new: p(&["1", "b"]), text: "y".into(), state: text },
                PointChange::Added { new: p(&["2"]), text: "b".into(), state: text },
                PointChange::Added { new: p(&["2", "a"]), text: "z".into(), state: text },
            ]
        );
        assert!(d.change_at_new(&p(&["2"])).is_some());
        assert!(d.change_at_new(&p(&["1"])).is_none());
    }

    #[test]
    fn a_repealed_point_takes_its_letters_along_and_states_are_reported() {
        let mut old = list(&["a", "b"]);
        old.points[0].sub = vec![TaskPoint::new("a", "x")];
        old.points[1].state = PieceState::Unknown;
        old.points[1].text.clear();
        let mut new = old.clone();
        new.points[0] = TaskPoint::repealed("1");
        new.points[1] = TaskPoint::new("2", "known now");
        let d = TasksDiff::new(&old, &new).unwrap();
        assert_eq!(d.points.len(), 2, "{:?}", d.points);
        assert_eq!(d.points[0], PointChange::Repealed { old: p(&["1"]), text: "a".into() });
        assert!(matches!(
            &d.points[1],
            PointChange::StateChanged { old_state: PieceState::Unknown, new_state: PieceState::Text, words, .. }
                if words.side(false) == "known now"
        ));
    }

    #[test]
    fn intro_and_shared_ref_changes() {
        let old = TaskList { intro: "Kierownik realizuje".into(), ..TaskList::default() };
        let new = TaskList {
            intro: "Kierownik referatu realizuje".into(),
            shared_ref: Some("§ 11 ust. 2".into()),
            ..old.clone()
        };
        let d = TasksDiff::new(&old, &new).unwrap();
        assert_eq!(d.intro.as_ref().map(|w| w.side(false)), Some(new.intro.clone()));
        assert_eq!(d.shared_ref, Some((None, Some("§ 11 ust. 2".into()))));
        assert!(d.points.is_empty());
        let unknown = TaskList { intro_unknown: true, ..TaskList::default() };
        let d = TasksDiff::new(&unknown, &TaskList::default()).unwrap();
        assert_eq!(d.intro_unknown, Some((true, false)));
        assert!(d.intro.is_some());
    }
}
