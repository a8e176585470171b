//! Checks of the relations outside the tree: both ends exist, no self-loops
//! or duplicates, and supervision never runs in a circle.

use std::collections::HashSet;

use super::{Code, Finding, Lookup, text};
use crate::model::{OrgGraph, Unit};

pub(super) fn check_relations(lookup: &Lookup, out: &mut Vec<Finding>) {
    let doc = lookup.doc;
    let mut seen = HashSet::new();
    for relation in &doc.relations {
        let anchor = lookup.unit(&relation.from).map(|u| &u.id);
        let mut dangling = false;
        for end in [&relation.from, &relation.to] {
            if lookup.unit(end).is_none() {
                dangling = true;
                out.push(Finding::new(Code::DanglingRelation, anchor, |l| text::dangling_relation(l, end.as_str())));
            }
        }
        if relation.from == relation.to {
            out.push(Finding::new(Code::SelfRelation, anchor, text::self_relation));
        } else if !seen.insert(relation) && !dangling {
            let to = lookup.unit(&relation.to).map_or_else(|| relation.to.to_string(), Unit::label);
            out.push(Finding::new(Code::DuplicateRelation, anchor, |l| text::duplicate_relation(l, &to)));
        }
    }
    // A unit supervising itself is a loop, reported above as self-relation.
    for cycle in OrgGraph::build(doc).supervision_cycles().into_iter().filter(|c| c.len() > 1) {
        let members: Vec<String> = cycle.iter().map(|&i| unit_reference(&doc.units[i])).collect();
        let members = members.join(", ");
        out.push(Finding::new(Code::RelationCycle, Some(&doc.units[cycle[0]].id), |l| {
            text::relation_cycle(l, &members)
        }));
    }
}

/// How a unit is named in a message: its symbol, or its id when it has none.
fn unit_reference(unit: &Unit) -> String {
    if unit.symbol.is_empty() { unit.id.to_string() } else { unit.symbol.clone() }
}
