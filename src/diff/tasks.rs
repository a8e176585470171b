//! Task-list diff at the level of single points (pkt) and letters (lit.):
//! added, removed, edited (with a word diff) and reordered points, plus
//! changes of the lead sentence and of the shared-task reference.
//!
//! Points are aligned in three passes: points with the same wording in the same
//! order are unchanged (a longest common subsequence); points with the same
//! wording elsewhere were reordered; between two unchanged points, an old and a
//! new point are one edited point when they stand alone in that gap ("pkt 7
//! otrzymuje brzmienie") or share at least half their words. The rest were
//! added or removed.

use std::collections::{HashMap, VecDeque};

use serde::Serialize;

use super::sequence::common_pairs;
use super::words::WordDiff;
use crate::model::{TaskList, TaskPoint};

/// Two points in a crowded gap are one edited point from this word similarity on.
const EDIT_SIMILARITY: f64 = 0.5;

/// Gaps with more (old × new) candidate pairs than this are not searched for
/// edited points: each candidate is a word diff, and a hostile file with
/// thousands of rewritten points would take minutes. A real amendment rewrites
/// a few dozen points in one place; past this, the points are reported as
/// removed and added.
const MAX_GAP_CANDIDATES: usize = 10_000;

/// Where a point is: indices from the top level down, 0-based (`[2, 1]` is pkt 3 lit. b).
pub type PointPath = Vec<usize>;

/// One change of one point.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum PointChange {
    Added {
        new: PointPath,
        text: String,
    },
    Removed {
        old: PointPath,
        text: String,
    },
    /// The wording changed; `words.side(true)` is the old text, `side(false)` the new.
    Edited {
        old: PointPath,
        new: PointPath,
        words: WordDiff,
    },
    /// The same wording at another place in the list.
    Moved {
        old: PointPath,
        new: PointPath,
        text: String,
    },
}

/// How one unit's task list changed. Holds both lists so a viewer can show the
/// new list with the changes inline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TasksDiff {
    pub old: TaskList,
    pub new: TaskList,
    /// The lead sentence, when it changed.
    pub intro: Option<WordDiff>,
    /// The shared-task reference (old, new), when it changed.
    pub shared_ref: Option<(Option<String>, Option<String>)>,
    /// Point changes in the order of the new list, removed points at their old place.
    pub points: Vec<PointChange>,
}

impl TasksDiff {
    /// The diff of two task lists, `None` when they are equal.
    pub fn new(old: &TaskList, new: &TaskList) -> Option<Self> {
        if old == new {
            return None;
        }
        let intro = (old.intro != new.intro).then(|| WordDiff::new(&old.intro, &new.intro));
        let shared_ref = (old.shared_ref != new.shared_ref).then(|| (old.shared_ref.clone(), new.shared_ref.clone()));
        let points = diff_points(&old.points, &new.points, &[], &[]);
        Some(Self { old: old.clone(), new: new.clone(), intro, shared_ref, points })
    }

    /// The change of the point at `path` in the new list, if any (for inline display).
    pub fn change_at_new(&self, path: &[usize]) -> Option<&PointChange> {
        self.points.iter().find(|c| match c {
            PointChange::Added { new, .. } | PointChange::Edited { new, .. } | PointChange::Moved { new, .. } => {
                new == path
            }
            PointChange::Removed { .. } => false,
        })
    }
}

/// How an old point and a new point were paired.
#[derive(Clone, Copy, PartialEq)]
enum Pairing {
    Same,
    Moved,
    Edited,
}

fn diff_points(old: &[TaskPoint], new: &[TaskPoint], old_prefix: &[usize], new_prefix: &[usize]) -> Vec<PointChange> {
    let old_texts: Vec<&str> = old.iter().map(|p| p.text.as_str()).collect();
    let new_texts: Vec<&str> = new.iter().map(|p| p.text.as_str()).collect();
    let anchors = common_pairs(&old_texts, &new_texts);
    let mut old_pair: Vec<Option<(usize, Pairing)>> = vec![None; old.len()];
    let mut new_pair: Vec<Option<(usize, Pairing)>> = vec![None; new.len()];
    for &(i, j) in &anchors {
        old_pair[i] = Some((j, Pairing::Same));
        new_pair[j] = Some((i, Pairing::Same));
    }
    // Same wording elsewhere: reordered.
    let mut unpaired_old: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (i, text) in old_texts.iter().enumerate().filter(|(i, _)| old_pair[*i].is_none()) {
        unpaired_old.entry(text).or_default().push_back(i);
    }
    for j in 0..new.len() {
        if new_pair[j].is_none()
            && let Some(i) = unpaired_old.get_mut(new_texts[j]).and_then(VecDeque::pop_front)
        {
            old_pair[i] = Some((j, Pairing::Moved));
            new_pair[j] = Some((i, Pairing::Moved));
        }
    }
    // Edited points, gap by gap between the anchors.
    let mut bounds = vec![(0, 0)];
    bounds.extend(anchors.iter().map(|&(i, j)| (i + 1, j + 1)));
    let ends = anchors.iter().copied().chain(std::iter::once((old.len(), new.len())));
    for ((old_start, new_start), (old_end, new_end)) in bounds.into_iter().zip(ends) {
        let gap_old: Vec<usize> = (old_start..old_end).filter(|&i| old_pair[i].is_none()).collect();
        let gap_new: Vec<usize> = (new_start..new_end).filter(|&j| new_pair[j].is_none()).collect();
        let alone = gap_old.len() == 1 && gap_new.len() == 1;
        if gap_old.len() * gap_new.len() > MAX_GAP_CANDIDATES {
            continue;
        }
        let mut next_old = 0;
        for &j in &gap_new {
            let found = gap_old[next_old..]
                .iter()
                .position(|&i| alone || WordDiff::new(&old[i].text, &new[j].text).similarity() >= EDIT_SIMILARITY);
            if let Some(offset) = found {
                let i = gap_old[next_old + offset];
                old_pair[i] = Some((j, Pairing::Edited));
                new_pair[j] = Some((i, Pairing::Edited));
                next_old += offset + 1;
            }
        }
    }
    // Emit in new order, each removed point before the new point that follows it in the old list.
    let mut groups: Vec<((usize, u8, usize), Vec<PointChange>)> = Vec::new();
    let path = |prefix: &[usize], k: usize| -> PointPath { prefix.iter().copied().chain(std::iter::once(k)).collect() };
    // A removed point goes right after the new place of the nearest in-order point before it.
    let mut after_new = 0;
    for (i, pair) in old_pair.iter().enumerate() {
        match pair {
            Some((j, Pairing::Same | Pairing::Edited)) => after_new = j + 1,
            Some(_) => {}
            None => {
                let change = PointChange::Removed { old: path(old_prefix, i), text: old[i].text.clone() };
                groups.push(((after_new, 0, i), vec![change]));
            }
        }
    }
    for (j, pair) in new_pair.iter().enumerate() {
        let (new_path, mut group) = (path(new_prefix, j), Vec::new());
        match pair {
            None => group.push(PointChange::Added { new: new_path.clone(), text: new[j].text.clone() }),
            Some((i, pairing)) => {
                let old_path = path(old_prefix, *i);
                match pairing {
                    Pairing::Same => {}
                    Pairing::Moved => group.push(PointChange::Moved {
                        old: old_path.clone(),
                        new: new_path.clone(),
                        text: new[j].text.clone(),
                    }),
                    Pairing::Edited => group.push(PointChange::Edited {
                        old: old_path.clone(),
                        new: new_path.clone(),
                        words: WordDiff::new(&old[*i].text, &new[j].text),
                    }),
                }
                if old[*i].sub != new[j].sub {
                    group.extend(diff_points(&old[*i].sub, &new[j].sub, &old_path, &new_path));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn list(points: &[&str]) -> TaskList {
        TaskList { points: TaskPoint::numbered(points.iter().copied()), ..TaskList::default() }
    }

    #[test]
    fn equal_lists_have_no_diff() {
        assert_eq!(TasksDiff::new(&list(&["a"]), &list(&["a"])), None);
    }

    #[test]
    fn a_replaced_point_between_unchanged_ones_is_edited() {
        let d = TasksDiff::new(&list(&["one", "two old text", "three"]), &list(&["one", "totally new", "three"]));
        let d = d.unwrap();
        assert_eq!(d.points.len(), 1);
        assert!(matches!(&d.points[0], PointChange::Edited { old, new, .. } if old == &[1] && new == &[1]));
    }

    #[test]
    fn added_removed_and_reordered_points() {
        let d = TasksDiff::new(&list(&["a a", "b b", "c c", "x y z"]), &list(&["c c", "a a", "b b", "n n n", "p q"]));
        let d = d.unwrap();
        assert_eq!(
            d.points,
            vec![
                PointChange::Moved { old: vec![2], new: vec![0], text: "c c".into() },
                PointChange::Removed { old: vec![3], text: "x y z".into() },
                PointChange::Added { new: vec![3], text: "n n n".into() },
                PointChange::Added { new: vec![4], text: "p q".into() },
            ]
        );
    }

    #[test]
    fn appended_points_and_letters_are_reported_with_their_paths() {
        let mut old = list(&["a"]);
        old.points[0].sub = TaskPoint::lettered(["x"]);
        let mut new = list(&["a", "b"]);
        new.points[0].sub = TaskPoint::lettered(["x", "y"]);
        let d = TasksDiff::new(&old, &new).unwrap();
        assert_eq!(
            d.points,
            vec![
                PointChange::Added { new: vec![0, 1], text: "y".into() },
                PointChange::Added { new: vec![1], text: "b".into() },
            ]
        );
        assert!(d.change_at_new(&[1]).is_some());
        assert!(d.change_at_new(&[0]).is_none());
    }

    #[test]
    fn a_huge_rewritten_gap_is_reported_as_removed_and_added_points() {
        // 200 × 200 candidates: each old point is similar to each new one, but
        // the search for edited points is skipped past MAX_GAP_CANDIDATES.
        let old: Vec<String> = (0..200).map(|i| format!("zadanie wspólne nr {i} z zakresu")).collect();
        let new: Vec<String> = (0..200).map(|i| format!("zadanie wspólne nr {i} w zakresie")).collect();
        let owned = |v: &[String]| TaskList { points: TaskPoint::numbered(v.iter().cloned()), ..TaskList::default() };
        let d = TasksDiff::new(&owned(&old), &owned(&new)).unwrap();
        assert_eq!(d.points.len(), 400);
        assert!(d.points.iter().all(|p| matches!(p, PointChange::Added { .. } | PointChange::Removed { .. })));
        // A small gap of the same kind is still paired point by point.
        let d = TasksDiff::new(&owned(&old[..3]), &owned(&new[..3])).unwrap();
        assert!(d.points.iter().all(|p| matches!(p, PointChange::Edited { .. })), "{:?}", d.points);
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
    }
}
