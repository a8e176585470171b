//! The diff on hand-made cases: what each kind of change looks like, the
//! fallback matching, true moves, the order of the entries and the lookups.

mod diff_fixture;

use diff_fixture::{new, old, points, unit};
use schemat::diff::{ChangeKind, ChangeTag, MatchKey, PointChange, Status, diff};
use schemat::model::{Document, Edit, Relation, RelationKind, UnitId, UnitKind, apply};

fn ids(d: &schemat::diff::Diff) -> Vec<String> {
    d.units.iter().map(|e| e.new.as_ref().or(e.old.as_ref()).unwrap().id.to_string()).collect()
}

fn replayed(a: &Document, b: &Document) -> Document {
    let mut doc = a.clone();
    for edit in diff(a, b).to_edits().unwrap() {
        apply(&mut doc, edit).unwrap();
    }
    doc
}

#[test]
fn entries_follow_the_new_order_with_removed_units_at_their_old_place() {
    let d = diff(&old(), &new());
    assert_eq!(
        ids(&d),
        ["dep", "it", "it-d", "it-ziii", "it-ss", "it-ss-i", "it-tb", "it-tb-i", "it-tb-ii", "it-tb-iii", "it-si"]
    );
    let removed = &d.units[9];
    assert_eq!(removed.status, Status::Removed);
    assert_eq!(d.units[removed.parent.unwrap()].symbol, "IT-TB");
    assert_eq!(removed.depth, 3);
    assert_eq!(replayed(&old(), &new()), new());
}

#[test]
fn lookups_by_document_index_and_id() {
    let (a, b) = (old(), new());
    let d = diff(&a, &b);
    let statuses: Vec<Status> = (0..b.units.len()).map(|i| d.status_of_new(i)).collect();
    use Status::*;
    assert_eq!(
        statuses,
        [Unchanged, Unchanged, Changed, Added, Added, Added, Unchanged, Unchanged, Unchanged, Changed]
    );
    assert_eq!(d.entry_of_old(6).unwrap().status, Removed);
    let e = d.entry_index_by_new_id(&UnitId::new("it-d")).unwrap();
    assert!(matches!(d.changes_of(e)[0].kind, ChangeKind::TaskPoint { point: PointChange::Edited { .. } }));
    assert!(d.units[e].tasks.as_ref().unwrap().change_at_new(&[1]).is_some());
    assert_eq!(d.document_changes().len(), 2);
    assert_eq!(d.marks().len(), 6);
    assert_eq!(d.summary.counts[&ChangeTag::UnitAdded], 3);
    assert_eq!((d.summary.staffing_before, d.summary.staffing_after), (3.0, 8.5));
    assert_eq!((d.summary.units_before, d.summary.units_after), (8, 10));
}

#[test]
fn inserting_or_removing_a_sibling_moves_nothing() {
    let a = old();
    let mut b = a.clone();
    apply(&mut b, Edit::RemoveSubtree { id: UnitId::new("it-tb-i") }).unwrap();
    let extra = unit("x", Some("it"), UnitKind::Referat, "referat nowy", "IT-X");
    apply(&mut b, Edit::InsertSubtree { units: vec![extra], index: 0, relations: vec![] }).unwrap();
    let d = diff(&a, &b);
    assert!(!d.changes.iter().any(|c| matches!(c.kind, ChangeKind::Moved { .. })), "{:?}", d.changes);
    assert_eq!(d.changes.len(), 2);
}

#[test]
fn a_unit_moved_among_its_siblings_or_to_another_parent_is_reported_once() {
    let a = old();
    let mut b = a.clone();
    // IT-SI from last to first among IT's children; IT-TB-II to the department.
    apply(&mut b, Edit::Move { id: UnitId::new("it-si"), parent: UnitId::new("it"), index: 0 }).unwrap();
    apply(&mut b, Edit::Move { id: UnitId::new("it-tb-ii"), parent: UnitId::new("dep"), index: 1 }).unwrap();
    let d = diff(&a, &b);
    let moved: Vec<(&str, &ChangeKind)> = d
        .changes
        .iter()
        .filter(|c| matches!(c.kind, ChangeKind::Moved { .. }))
        .map(|c| (d.units[c.unit.unwrap()].symbol.as_str(), &c.kind))
        .collect();
    assert_eq!(moved.len(), 2, "{moved:?}");
    assert_eq!(moved[0].0, "IT-SI");
    assert!(matches!(moved[0].1, ChangeKind::Moved { old_position: 2, new_position: 0, .. }));
    assert_eq!(moved[1].0, "IT-TB-II");
    assert!(
        matches!(moved[1].1, ChangeKind::Moved { old_parent: Some(p), new_parent: Some(q), .. } if p.as_str() == "it-tb" && q.as_str() == "dep")
    );
    assert_eq!(replayed(&a, &b), b);
}

#[test]
fn units_of_separately_made_files_match_by_symbol_then_by_name() {
    let a = old();
    let mut b = a.clone();
    for u in &mut b.units[1..] {
        u.id = UnitId::new(format!("other-{}", u.id));
    }
    for u in &mut b.units {
        if let Some(p) = &u.parent
            && p.as_str() != "dep"
        {
            u.parent = Some(UnitId::new(format!("other-{p}")));
        }
    }
    // Two positions share a name and lose their symbols: they match by name, in order.
    b.units[4].symbol.clear();
    b.units[5].symbol.clear();
    b.units[5].name = b.units[4].name.clone();
    let mut a2 = a.clone();
    a2.units[5].name = a2.units[4].name.clone();
    let d = diff(&a2, &b);
    let keys: Vec<Option<MatchKey>> = d.units.iter().map(|e| e.matched_by).collect();
    use MatchKey::*;
    assert_eq!(
        keys,
        [Some(Id), Some(Symbol), Some(Symbol), Some(Symbol), Some(Name), Some(Name), Some(Symbol), Some(Symbol)]
    );
    let matched = d.changes.iter().filter(|c| matches!(c.kind, ChangeKind::Matched { .. })).count();
    assert_eq!(matched, 7);
    assert!(!d.changes.iter().any(|c| matches!(c.kind, ChangeKind::UnitAdded { .. } | ChangeKind::UnitRemoved)));
    assert_eq!(replayed(&a2, &b), b);
}

#[test]
fn field_relation_and_document_changes() {
    let a = old();
    let mut b = a.clone();
    let tb = &mut b.units[3];
    tb.name = "referat ds. bezpieczeństwa".into();
    tb.symbol = "IT-B".into();
    tb.staffing = Some(2.5);
    tb.note = "do uzgodnienia".into();
    tb.listed_at = Some("§ 3 ust. 1 pkt 2".parse().unwrap());
    b.units[4].kind = UnitKind::WieloosoboweStanowiskoPracy;
    b.units[7].tasks = points(&["nadzoru nad okablowaniem", "utrzymania sieci"]);
    b.units[7].tasks.intro = "Referat realizuje:".into();
    b.relations.push(Relation {
        kind: RelationKind::WspolpracujeZ,
        from: UnitId::new("it-si"),
        to: UnitId::new("it-tb"),
    });
    b.chart.compact_positions = false;
    let d = diff(&a, &b);
    let tags: Vec<ChangeTag> = d.changes.iter().map(|c| c.kind.tag()).collect();
    use ChangeTag::*;
    assert_eq!(
        tags,
        [
            ChartOptionsChanged,
            Renamed,
            SymbolChanged,
            StaffingChanged,
            ListedAtChanged,
            NoteChanged,
            KindChanged,
            TasksIntroChanged,
            TaskPointMoved,
            RelationAdded
        ]
    );
    assert_eq!(d.units[3].status, Status::Changed);
    assert_eq!(replayed(&a, &b), b);
    let mut c = b.clone();
    c.relations.insert(
        0,
        Relation { kind: RelationKind::NadzorujeBezposrednio, from: UnitId::new("it-d"), to: UnitId::new("it-si") },
    );
    let mut e = c.clone();
    e.relations.reverse();
    let d = diff(&c, &e);
    assert_eq!(d.changes.len(), 1);
    assert!(matches!(d.changes[0].kind, ChangeKind::RelationMoved { .. }));
    assert_eq!(d.units[d.changes[0].unit.unwrap()].status, Status::Unchanged);
    assert_eq!(replayed(&c, &e), e);
}

#[test]
fn a_replaced_root_cannot_be_replayed_but_is_still_diffed() {
    let a = old();
    let mut b = a.clone();
    b.units[0].id = UnitId::new("other");
    b.units[0].name = "Inny departament".into();
    for u in &mut b.units {
        if u.parent.as_ref().is_some_and(|p| p.as_str() == "dep") {
            u.parent = Some(UnitId::new("other"));
        }
    }
    let d = diff(&a, &b);
    assert_eq!(d.units.iter().filter(|e| e.status == Status::Removed).count(), 1);
    assert!(d.to_edits().is_err());
}

#[test]
fn the_diff_is_deterministic() {
    let (a, b) = (old(), new());
    assert_eq!(diff(&a, &b), diff(&a, &b));
    assert_eq!(schemat::diff::report::json(&diff(&a, &b)), schemat::diff::report::json(&diff(&a, &b)));
}

#[test]
fn the_merged_document_holds_the_new_version_and_the_removed_ghosts() {
    let (a, b) = (old(), new());
    let d = diff(&a, &b);
    let mut merged = d.merged_document(&a, &b);
    let before = merged.clone();
    merged.check_structure().unwrap();
    assert_eq!(merged, before, "already in pre-order");
    assert_eq!(merged.units.len(), b.units.len() + 1);
    let ghost = merged.unit(&UnitId::new("it-tb-iii")).unwrap();
    assert_eq!(ghost.parent, Some(UnitId::new("it-tb")));
    assert_eq!(merged.relations, b.relations);
}
