//! The numbered pieces of a document seen by designation: which designations
//! hold a piece (a unit's listing, its task paragraph and points, a
//! provision), which are repealed, and which are in force.

use std::collections::BTreeSet;

use super::designation::{Designation, Level};
use super::document::Document;
use super::task::{PieceState, TaskPoint};

impl Document {
    /// Every designation that holds a piece in this document (with its wording
    /// or unknown), repealed placeholders excluded.
    pub fn piece_designations(&self) -> BTreeSet<Designation> {
        let mut out = BTreeSet::new();
        for unit in &self.units {
            out.extend(unit.listed_at.iter().cloned());
            if let Some(at) = &unit.tasks_at {
                out.insert(at.clone());
                collect_points(at, &unit.tasks.points, &mut Vec::new(), &mut |d, p| {
                    if !p.state.is_repealed() {
                        out.insert(d);
                    }
                });
            }
        }
        out.extend(self.provisions.iter().map(|p| p.at.clone()));
        out
    }

    /// Every repealed designation: the placeholders outside task lists and the repealed points.
    pub fn repealed_designations(&self) -> BTreeSet<Designation> {
        let mut out: BTreeSet<Designation> = self.retired.iter().cloned().collect();
        for unit in &self.units {
            if let Some(at) = &unit.tasks_at {
                collect_points(at, &unit.tasks.points, &mut Vec::new(), &mut |d, p| {
                    if p.state == PieceState::Repealed {
                        out.insert(d);
                    }
                });
            }
        }
        out
    }

    /// Whether the piece at `d` is part of the version in force: for a draft,
    /// whether the version it was started from has it; a document that is
    /// itself a version in force has every piece in force.
    pub fn is_in_force(&self, d: &Designation) -> bool {
        self.in_force.as_ref().is_none_or(|set| set.contains(d))
    }

    /// The labels of the pieces directly under `parent` at `level`, in order,
    /// repealed ones included: the siblings new pieces are numbered among.
    pub fn labels_under(&self, parent: Option<&Designation>, level: Level) -> Vec<String> {
        let mut labels: BTreeSet<Designation> = BTreeSet::new();
        for d in self.known_designations() {
            let depth = parent.map_or(0, |p| p.parts().len());
            if parent.is_some_and(|p| !d.is_within(p)) || d.parts().len() <= depth {
                continue;
            }
            let Some((l, _)) = d.parts().get(depth) else { continue };
            if *l != level {
                continue;
            }
            let head = match parent {
                Some(p) => p.child(level, &d.parts()[depth].1).ok(),
                None => Designation::paragraph(&d.parts()[0].1).ok(),
            };
            labels.extend(head);
        }
        labels.into_iter().map(|d| d.label().to_owned()).collect()
    }

    /// The level the pieces directly under `parent` are enumerated at (§ 3's
    /// ust., § 9's pkt), when it holds any: a new piece there takes the same
    /// level, never ust. beside pkt.
    pub fn enumerated_level(&self, parent: &Designation) -> Option<Level> {
        let depth = parent.parts().len();
        self.known_designations()
            .into_iter()
            .filter(|d| d.is_within(parent))
            .find_map(|d| d.parts().get(depth).map(|(level, _)| *level))
    }

    /// Every designation the document holds, in force or repealed, and those
    /// of the version in force it is measured against.
    fn known_designations(&self) -> BTreeSet<Designation> {
        let mut all: BTreeSet<Designation> = self.piece_designations();
        all.extend(self.repealed_designations());
        if let Some(in_force) = &self.in_force {
            all.extend(in_force.iter().cloned());
        }
        all
    }
}

/// Calls `visit` with the designation of every point under `at`, depth first.
pub(crate) fn collect_points(
    at: &Designation,
    points: &[TaskPoint],
    path: &mut Vec<String>,
    visit: &mut impl FnMut(Designation, &TaskPoint),
) {
    for point in points {
        path.push(point.label.clone());
        if let Some(d) = at.point(path) {
            visit(d, point);
        }
        collect_points(at, &point.sub, path, visit);
        path.pop();
    }
}
