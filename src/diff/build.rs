//! Computing a [`Diff`]: matching, moves, the merged tree and the changes.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use super::change::{Change, ChangeKind};
use super::matching::{MatchKey, Matching, match_units, parent_indices};
use super::sequence::common_pairs;
use super::tasks::{Context, TasksDiff};
use super::words::WordDiff;
use super::{Diff, RelationEntry, Side, Status, Summary, UnitEntry};
use crate::model::{Designation, Document, Provision, Relation, Unit, UnitId};

/// The difference between `old` (in force) and `new` (the proposal).
pub fn diff(old: &Document, new: &Document) -> Diff {
    // All word diffs of one document diff share one work budget, so its time is bounded.
    super::words::with_budget(super::words::DIFF_BUDGET, || diff_within_budget(old, new)).0
}

/// The same diff as [`diff`] if its word diffs need at most `word_work` units
/// of work (a small budget: a quick first try on the UI thread), else `None`.
pub fn diff_within(old: &Document, new: &Document, word_work: u64) -> Option<Diff> {
    let (diff, ran_out) =
        super::words::with_budget(word_work.min(super::words::DIFF_BUDGET), || diff_within_budget(old, new));
    (!ran_out).then_some(diff)
}

fn diff_within_budget(old: &Document, new: &Document) -> Diff {
    let old_parents = parent_indices(old);
    let new_parents = parent_indices(new);
    let matching = match_units(old, new, &old_parents, &new_parents);
    let moved = moved_units(&matching, &old_parents, &new_parents);
    let order = merged_order(&matching, &old_parents, &new_parents);
    let old_positions = sibling_positions(&old_parents);
    let new_positions = sibling_positions(&new_parents);
    let side = |doc: &Document, index: usize, positions: &[usize]| Side {
        index,
        id: doc.units[index].id.clone(),
        parent: doc.units[index].parent.clone(),
        position: positions[index],
    };

    // Entries in merged order, without their changes yet.
    let mut units: Vec<UnitEntry> = Vec::with_capacity(order.len());
    let mut node_entry: HashMap<Node, usize> = HashMap::with_capacity(order.len());
    for &(node, parent) in &order {
        let (old_index, new_index, matched_by) = match node {
            Node::New(j) => (matching.new_to_old[j].map(|(i, _)| i), Some(j), matching.new_to_old[j].map(|(_, k)| k)),
            Node::Old(i) => (Some(i), None, None),
        };
        let shown = new_index.map(|j| &new.units[j]).or(old_index.map(|i| &old.units[i]));
        let (symbol, name, tasks_at) =
            shown.map(|u| (u.symbol.clone(), u.name.clone(), u.tasks_at.clone())).unwrap_or_default();
        let parent_entry = parent.and_then(|p| node_entry.get(&p).copied());
        node_entry.insert(node, units.len());
        units.push(UnitEntry {
            old: old_index.map(|i| side(old, i, &old_positions)),
            new: new_index.map(|j| side(new, j, &new_positions)),
            matched_by,
            parent: parent_entry,
            depth: parent_entry.map_or(0, |p| units[p].depth + 1),
            symbol,
            name,
            tasks_at,
            status: Status::Unchanged,
            changes: 0..0,
            tasks: None,
        });
    }
    let mut by_new_index = vec![0; new.units.len()];
    let mut by_old_index = vec![0; old.units.len()];
    let mut by_new_id = HashMap::with_capacity(new.units.len());
    let mut by_old_id = HashMap::with_capacity(old.units.len());
    for (e, entry) in units.iter().enumerate() {
        if let Some(s) = &entry.new {
            by_new_index[s.index] = e;
            by_new_id.insert(s.id.clone(), e);
        }
        if let Some(s) = &entry.old {
            by_old_index[s.index] = e;
            by_old_id.insert(s.id.clone(), e);
        }
    }

    let (relations, mut relation_changes) = diff_relations(old, new, &matching, &by_old_id, &by_new_id);
    let retired: HashSet<&Designation> = new.retired.iter().collect();
    // Repealed designations that a change of a task point reports already.
    let mut reported: Vec<Designation> = Vec::new();
    let mut changes = Vec::new();
    for (e, entry) in units.iter_mut().enumerate() {
        let start = changes.len();
        let mut own = Vec::new();
        match (&entry.old, &entry.new) {
            (None, Some(n)) => own.push(ChangeKind::UnitAdded { unit: Box::new(new.units[n.index].clone()) }),
            (Some(o), None) => {
                let unit = &old.units[o.index];
                let repealed =
                    unit.listed_at.iter().chain(&unit.tasks_at).filter(|d| is_repealed(&retired, d)).cloned().collect();
                own.push(ChangeKind::UnitRemoved { unit: Box::new(unit.clone()), repealed });
            }
            (Some(o), Some(n)) => {
                let (before, after) = (&old.units[o.index], &new.units[n.index]);
                if let Some(by) = entry.matched_by.filter(|k| *k != MatchKey::Id) {
                    own.push(ChangeKind::Matched { by, old_id: o.id.clone(), unit: Box::new(after.clone()) });
                }
                if moved[n.index] {
                    own.push(ChangeKind::Moved {
                        old_parent: o.parent.clone(),
                        new_parent: n.parent.clone(),
                        old_position: o.position,
                        new_position: n.position,
                    });
                }
                let context =
                    Context { old_at: before.tasks_at.as_ref(), new_at: after.tasks_at.as_ref(), retired: &retired };
                entry.tasks = TasksDiff::between(&before.tasks, &after.tasks, &context, &mut reported);
                field_changes(before, after, entry.tasks.as_ref(), &mut own);
            }
            (None, None) => {}
        }
        entry.status = status(&own);
        changes.extend(own.into_iter().map(|kind| Change { unit: Some(e), kind }));
        if let Some(list) = relation_changes.remove(&e) {
            changes.extend(list.into_iter().map(|kind| Change { unit: Some(e), kind }));
        }
        entry.changes = start..changes.len();
    }
    // The document's changes come first.
    let document = document_changes(old, new, &reported);
    let shift = document.len();
    if shift > 0 {
        for entry in &mut units {
            entry.changes = entry.changes.start + shift..entry.changes.end + shift;
        }
        changes.splice(0..0, document);
    }

    let mut counts = BTreeMap::new();
    for change in &changes {
        *counts.entry(change.kind.tag()).or_insert(0) += 1;
    }
    // A fold from +0.0: an empty float sum is -0.0, which would print as "-0".
    let staffing = |doc: &Document| doc.units.iter().filter_map(|u| u.staffing).fold(0.0, |sum, s| sum + s);
    let summary = Summary {
        counts,
        units_before: old.units.len(),
        units_after: new.units.len(),
        staffing_before: staffing(old),
        staffing_after: staffing(new),
    };
    Diff {
        units,
        changes,
        relations,
        summary,
        new_retired: (old.retired != new.retired).then(|| new.retired.clone()),
        new_provisions: (old.provisions != new.provisions).then(|| new.provisions.clone()),
        new_in_force: (old.in_force != new.in_force).then(|| new.in_force.clone()),
        by_new_index,
        by_old_index,
        by_new_id,
        by_old_id,
    }
}

/// The entry status that the unit's own changes give.
fn status(own: &[ChangeKind]) -> Status {
    if own.iter().any(|c| matches!(c, ChangeKind::UnitAdded { .. })) {
        Status::Added
    } else if own.iter().any(|c| matches!(c, ChangeKind::UnitRemoved { .. })) {
        Status::Removed
    } else if own.iter().any(|c| matches!(c, ChangeKind::Moved { .. })) {
        Status::Moved
    } else if own.is_empty() {
        Status::Unchanged
    } else {
        Status::Changed
    }
}

/// Changes of the fields of a matched unit, in a fixed order.
fn field_changes(before: &Unit, after: &Unit, tasks: Option<&TasksDiff>, out: &mut Vec<ChangeKind>) {
    if before.name != after.name {
        out.push(ChangeKind::Renamed { old: before.name.clone(), new: after.name.clone() });
    }
    if before.symbol != after.symbol {
        out.push(ChangeKind::SymbolChanged { old: before.symbol.clone(), new: after.symbol.clone() });
    }
    if before.kind != after.kind {
        out.push(ChangeKind::KindChanged { old: before.kind, new: after.kind });
    }
    // Bitwise, so that the replayed document is identical.
    if before.staffing.map(f64::to_bits) != after.staffing.map(f64::to_bits) {
        out.push(ChangeKind::StaffingChanged { old: before.staffing, new: after.staffing });
    }
    if before.listed_at != after.listed_at {
        out.push(ChangeKind::ListedAtChanged { old: before.listed_at.clone(), new: after.listed_at.clone() });
    }
    if before.tasks_at != after.tasks_at {
        out.push(ChangeKind::TasksAtChanged { old: before.tasks_at.clone(), new: after.tasks_at.clone() });
    }
    if let Some(tasks) = tasks {
        if let Some(words) = &tasks.intro {
            let (old_unknown, new_unknown) =
                tasks.intro_unknown.unwrap_or((before.tasks.intro_unknown, after.tasks.intro_unknown));
            out.push(ChangeKind::TasksIntroChanged { words: words.clone(), old_unknown, new_unknown });
        }
        if let Some((old, new)) = &tasks.shared_ref {
            out.push(ChangeKind::TasksSharedRefChanged { old: old.clone(), new: new.clone() });
        }
        out.extend(tasks.points.iter().map(|p| ChangeKind::TaskPoint { point: p.clone() }));
    }
    if before.note != after.note {
        out.push(ChangeKind::NoteChanged { old: before.note.clone(), new: after.note.clone() });
    }
}

/// True when `d` or a designation it lies within is among `retired`.
fn is_repealed(retired: &HashSet<&Designation>, d: &Designation) -> bool {
    let mut current = Some(d.clone());
    while let Some(c) = current {
        if retired.contains(&c) {
            return true;
        }
        current = c.parent();
    }
    false
}

/// The changes of the whole document: frame data, chart options, the
/// designations in force, the repealed designations (but for those that
/// `reported` task points stand for) and the provisions.
fn document_changes(old: &Document, new: &Document, reported: &[Designation]) -> Vec<Change> {
    let mut out = Vec::new();
    if old.meta != new.meta {
        out.push(ChangeKind::MetadataChanged { old: Box::new(old.meta.clone()), new: Box::new(new.meta.clone()) });
    }
    if old.chart != new.chart {
        out.push(ChangeKind::ChartOptionsChanged { old: old.chart, new: new.chart });
    }
    if old.chapters != new.chapters {
        out.push(ChangeKind::ChaptersChanged { old: old.chapters.clone(), new: new.chapters.clone() });
    }
    if old.in_force != new.in_force {
        let (added, removed) = match (&old.in_force, &new.in_force) {
            (Some(a), Some(b)) => (b.difference(a).cloned().collect(), a.difference(b).cloned().collect()),
            _ => (Vec::new(), Vec::new()),
        };
        out.push(ChangeKind::InForceChanged {
            old: old.in_force.as_ref().map(|s| s.len()),
            new: new.in_force.as_ref().map(|s| s.len()),
            added,
            removed,
        });
    }
    // Sets, not `contains` on the lists: a file may list thousands of retired designations.
    let (old_retired, new_retired): (HashSet<_>, HashSet<_>) =
        (old.retired.iter().collect(), new.retired.iter().collect());
    let newly_retired: HashSet<&Designation> = new.retired.iter().filter(|d| !old_retired.contains(d)).collect();
    let mut provisions = Vec::new();
    if old.provisions != new.provisions {
        let listed: HashSet<&Designation> = new.units.iter().filter_map(|u| u.listed_at.as_ref()).collect();
        let sets = ProvisionSets { retired: &new_retired, newly_retired: &newly_retired, listed: &listed };
        provision_changes(&old.provisions, &new.provisions, &sets, &mut provisions);
    }
    // A repealed designation is reported once: by the task point or the
    // provision it held, when there is one.
    let mut reported: HashSet<&Designation> = reported.iter().collect();
    reported.extend(provisions.iter().filter_map(|c| match c {
        ChangeKind::ProvisionRepealed { provision } => Some(&provision.at),
        _ => None,
    }));
    for designation in new.retired.iter().filter(|d| newly_retired.contains(d) && !reported.contains(d)) {
        out.push(ChangeKind::DesignationRetired { designation: designation.clone() });
    }
    for designation in old.retired.iter().filter(|d| !new_retired.contains(d)) {
        out.push(ChangeKind::DesignationUnretired { designation: designation.clone() });
    }
    out.extend(provisions);
    out.into_iter().map(|kind| Change { unit: None, kind }).collect()
}

/// What the provision diff needs of the new version's designations.
struct ProvisionSets<'a> {
    /// All repealed designations of the new version.
    retired: &'a HashSet<&'a Designation>,
    /// Those the old version does not have.
    newly_retired: &'a HashSet<&'a Designation>,
    /// The listings of the new version's units.
    listed: &'a HashSet<&'a Designation>,
}

/// True when `d` lies within one of `set` other than itself.
fn strictly_within(set: &HashSet<&Designation>, d: &Designation) -> bool {
    let mut current = d.parent();
    while let Some(c) = current {
        if set.contains(&c) {
            return true;
        }
        current = c.parent();
    }
    false
}

/// The provisions aligned by designation (both lists are sorted by it; a
/// designation twice, as only a broken file has it, pairs in order). A
/// provision repealed with the designation around it ("uchyla się pkt 3"
/// takes its lit. a along) is not reported on its own.
fn provision_changes(old: &[Provision], new: &[Provision], sets: &ProvisionSets, out: &mut Vec<ChangeKind>) {
    let mut by_at: HashMap<&Designation, VecDeque<&Provision>> = HashMap::new();
    for p in old {
        by_at.entry(&p.at).or_default().push_back(p);
    }
    let mut found: Vec<(&Designation, ChangeKind)> = Vec::new();
    for p in new {
        match by_at.get_mut(&p.at).and_then(VecDeque::pop_front) {
            Some(before) if before == p => {}
            Some(before) => found.push((
                &p.at,
                ChangeKind::ProvisionChanged {
                    at: p.at.clone(),
                    words: WordDiff::new(&before.text, &p.text),
                    old_unknown: before.unknown,
                    new_unknown: p.unknown,
                },
            )),
            None => found.push((&p.at, ChangeKind::ProvisionAdded { provision: p.clone() })),
        }
    }
    for p in old {
        // What is left in the queues is gone, in old order.
        let Some(queue) = by_at.get_mut(&p.at) else { continue };
        if queue.front().is_some_and(|q| std::ptr::eq(*q, p)) {
            queue.pop_front();
            let kind = if is_repealed(sets.retired, &p.at) {
                if strictly_within(sets.newly_retired, &p.at) {
                    continue;
                }
                ChangeKind::ProvisionRepealed { provision: p.clone() }
            } else {
                ChangeKind::ProvisionRemoved { provision: p.clone(), listing: sets.listed.contains(&p.at) }
            };
            found.push((&p.at, kind));
        }
    }
    // By designation; a stable sort keeps the order of a designation's changes.
    found.sort_by(|a, b| a.0.cmp(b.0));
    out.extend(found.into_iter().map(|(_, kind)| kind));
}

/// Position of each unit among its parent's children.
fn sibling_positions(parents: &[Option<usize>]) -> Vec<usize> {
    let mut next = vec![0usize; parents.len() + 1];
    parents
        .iter()
        .map(|p| {
            let slot = &mut next[p.unwrap_or(parents.len())];
            *slot += 1;
            *slot - 1
        })
        .collect()
}

/// Which matched units of the new version moved: to a parent that is not the
/// old parent's match, or out of the order the other kept siblings keep. The
/// moved siblings are the fewest whose moves explain the new order (outside a
/// longest common subsequence), so a sibling added or removed moves nothing.
fn moved_units(m: &Matching, old_parents: &[Option<usize>], new_parents: &[Option<usize>]) -> Vec<bool> {
    let mut moved = vec![false; new_parents.len()];
    let mut stayed: Vec<(usize, usize, usize)> = Vec::new(); // (new parent, new index, old index)
    for (j, pair) in m.new_to_old.iter().enumerate() {
        let Some((i, _)) = *pair else { continue };
        let old_parent_now = old_parents[i].map(|p| m.old_to_new[p]);
        match (old_parent_now, new_parents[j]) {
            (None, None) => {}
            (Some(Some(a)), Some(b)) if a == b => stayed.push((b, j, i)),
            _ => moved[j] = true,
        }
    }
    stayed.sort_by_key(|&(parent, j, _)| (parent, j));
    for group in stayed.chunk_by(|a, b| a.0 == b.0) {
        let in_new_order: Vec<usize> = group.iter().map(|&(_, _, i)| i).collect();
        let mut in_old_order = in_new_order.clone();
        in_old_order.sort_unstable();
        if in_old_order == in_new_order {
            continue;
        }
        let mut kept = vec![false; group.len()];
        for (_, k) in common_pairs(&in_old_order, &in_new_order) {
            kept[k] = true;
        }
        for (k, &(_, j, _)) in group.iter().enumerate() {
            moved[j] |= !kept[k];
        }
    }
    moved
}

/// A unit of the merged tree: a unit of the new version, or a removed unit of the old one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Node {
    New(usize),
    Old(usize),
}

/// The merged tree in pre-order, with each node's parent: the new version's
/// tree, each removed unit under its old parent (or that parent's match),
/// right after its nearest old previous sibling that is still there.
fn merged_order(
    m: &Matching,
    old_parents: &[Option<usize>],
    new_parents: &[Option<usize>],
) -> Vec<(Node, Option<Node>)> {
    let mut children: HashMap<Node, Vec<Node>> = HashMap::new();
    let mut roots: Vec<Node> = Vec::new();
    for (j, parent) in new_parents.iter().enumerate() {
        match parent {
            Some(p) => children.entry(Node::New(*p)).or_default().push(Node::New(j)),
            None => roots.push(Node::New(j)),
        }
    }
    let mut old_children: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    for (i, parent) in old_parents.iter().enumerate() {
        old_children.entry(*parent).or_default().push(i);
    }
    let as_node = |i: usize| m.old_to_new[i].map_or(Node::Old(i), Node::New);
    let mut ghost_roots: Vec<Node> = Vec::new();
    for (old_parent, siblings) in &old_children {
        let merged_parent = old_parent.map(as_node);
        // Each removed sibling goes after the nearest earlier old sibling that
        // is still a child of the same merged parent (removed siblings in a row
        // keep their old order), or first. Anchors are found in one pass and the
        // list rebuilt once: searching the list per removed unit was quadratic
        // (0.6 s for 10 000 removed siblings).
        let mut anchored: HashMap<Option<Node>, Vec<Node>> = HashMap::new();
        let mut anchor: Option<Node> = None;
        for &i in siblings {
            match m.old_to_new[i] {
                None => anchored.entry(anchor).or_default().push(Node::Old(i)),
                Some(j) if merged_parent.is_some() && new_parents[j].map(Node::New) == merged_parent => {
                    anchor = Some(Node::New(j))
                }
                Some(_) => {}
            }
        }
        if anchored.is_empty() {
            continue;
        }
        let list = match merged_parent {
            Some(p) => children.entry(p).or_default(),
            None => &mut ghost_roots,
        };
        let mut merged = anchored.remove(&None).unwrap_or_default();
        merged.reserve(list.len());
        for &node in list.iter() {
            merged.push(node);
            merged.extend(anchored.remove(&Some(node)).unwrap_or_default());
        }
        *list = merged;
    }
    ghost_roots.extend(roots);
    let mut order = Vec::with_capacity(old_parents.len() + new_parents.len());
    let mut stack: VecDeque<(Node, Option<Node>)> = ghost_roots.iter().rev().map(|&r| (r, None)).collect();
    while let Some((node, parent)) = stack.pop_back() {
        order.push((node, parent));
        if let Some(kids) = children.get(&node) {
            stack.extend(kids.iter().rev().map(|&c| (c, Some(node))));
        }
    }
    order
}

type RelationChanges = HashMap<usize, Vec<ChangeKind>>;

/// Aligns the relations (old ones translated to new ids through the matching)
/// and files each change under the entry of the relation's `from` unit.
fn diff_relations(
    old: &Document,
    new: &Document,
    m: &Matching,
    by_old_id: &HashMap<UnitId, usize>,
    by_new_id: &HashMap<UnitId, usize>,
) -> (Vec<RelationEntry>, RelationChanges) {
    let old_index: HashMap<&UnitId, usize> = old.units.iter().enumerate().map(|(i, u)| (&u.id, i)).collect();
    let translate = |id: &UnitId| old_index.get(id).and_then(|&i| m.old_to_new[i]).map(|j| new.units[j].id.clone());
    let mapped: Vec<(usize, Relation)> = old
        .relations
        .iter()
        .enumerate()
        .filter_map(|(k, r)| Some((k, Relation { kind: r.kind, from: translate(&r.from)?, to: translate(&r.to)? })))
        .collect();
    let mapped_only: Vec<&Relation> = mapped.iter().map(|(_, r)| r).collect();
    let new_refs: Vec<&Relation> = new.relations.iter().collect();
    let mut old_pair: Vec<Option<(usize, bool)>> = vec![None; old.relations.len()];
    let mut new_pair: Vec<Option<usize>> = vec![None; new.relations.len()];
    for (a, b) in common_pairs(&mapped_only, &new_refs) {
        old_pair[mapped[a].0] = Some((b, false));
        new_pair[b] = Some(mapped[a].0);
    }
    let mut waiting: HashMap<&Relation, VecDeque<usize>> = HashMap::new();
    for (k, r) in &mapped {
        if old_pair[*k].is_none() {
            waiting.entry(r).or_default().push_back(*k);
        }
    }
    for (b, r) in new.relations.iter().enumerate() {
        if new_pair[b].is_none()
            && let Some(k) = waiting.get_mut(r).and_then(VecDeque::pop_front)
        {
            old_pair[k] = Some((b, true));
            new_pair[b] = Some(k);
        }
    }
    let mut entries = Vec::new();
    let mut changes: RelationChanges = HashMap::new();
    let mut file = |entry: Option<usize>, kind: ChangeKind| {
        if let Some(e) = entry {
            changes.entry(e).or_default().push(kind);
        }
    };
    for (b, r) in new.relations.iter().enumerate() {
        let from = by_new_id.get(&r.from).copied();
        match new_pair[b] {
            None => file(from, ChangeKind::RelationAdded { relation: r.clone() }),
            Some(k) => {
                let moved = old_pair[k].is_some_and(|(_, moved)| moved);
                if moved {
                    file(from, ChangeKind::RelationMoved { relation: r.clone(), old_index: k, new_index: b });
                }
                entries.push(RelationEntry {
                    old: Some((k, old.relations[k].clone())),
                    new: Some((b, r.clone())),
                    moved,
                });
                continue;
            }
        }
        entries.push(RelationEntry { old: None, new: Some((b, r.clone())), moved: false });
    }
    for (k, r) in old.relations.iter().enumerate() {
        if old_pair[k].is_none() {
            file(by_old_id.get(&r.from).copied(), ChangeKind::RelationRemoved { relation: r.clone() });
            entries.push(RelationEntry { old: Some((k, r.clone())), new: None, moved: false });
        }
    }
    (entries, changes)
}
