//! `apply` for every `Edit` variant: what it changes, the inverse it returns,
//! and every refusal, after which the document is exactly as it was.

use schemat::model::{
    ChartOptions, Designation, Document, Edit, EditError, Metadata, Orientation, Provision, Relation, RelationKind,
    TaskList, TaskPoint, Unit, UnitField, UnitId, UnitKind, apply,
};

fn id(s: &str) -> UnitId {
    UnitId::new(s)
}

fn unit(i: &str, parent: Option<&str>, kind: UnitKind, symbol: &str) -> Unit {
    Unit::new(id(i), parent.map(id), kind, format!("jednostka {i}"), symbol)
}

fn rel(kind: RelationKind, from: &str, to: &str) -> Relation {
    Relation { kind, from: id(from), to: id(to) }
}

/// doa > it > (it-ziii > it-ss > (it-ss-k, it-ss-1)), (it-tb > it-tb-k); doa > om
fn doc() -> Document {
    use UnitKind::*;
    Document {
        meta: Metadata { department: "Departament Organizacji i Administracji".into(), ..Metadata::default() },
        units: vec![
            unit("doa", None, Departament, ""),
            unit("it", Some("doa"), Wydzial, "IT"),
            unit("it-ziii", Some("it"), ZastepcaDyrektora, "IT-ZIII"),
            unit("it-ss", Some("it-ziii"), Referat, "IT-SS"),
            unit("it-ss-k", Some("it-ss"), KierownikReferatu, "IT-SS"),
            unit("it-ss-1", Some("it-ss"), WieloosoboweStanowiskoPracy, "IT-SS-I"),
            unit("it-tb", Some("it"), Referat, "IT-TB"),
            unit("it-tb-k", Some("it-tb"), KierownikReferatu, "IT-TB"),
            unit("om", Some("doa"), Biuro, "OM"),
        ],
        relations: vec![
            rel(RelationKind::NadzorujeBezposrednio, "it-ziii", "it-tb"),
            rel(RelationKind::WspolpracujeZ, "it-ss", "om"),
            rel(RelationKind::WspolpracujeZ, "it-tb", "om"),
        ],
        retired: vec!["§ 22".parse().unwrap()],
        ..Document::default()
    }
}

fn ids(doc: &Document) -> Vec<&str> {
    doc.units.iter().map(|u| u.id.as_str()).collect()
}

/// Applies `edit`, checks that its inverse restores the document and that the
/// inverse of the inverse redoes it; returns the changed document.
fn applied(edit: Edit) -> Document {
    let before = doc();
    let mut after = before.clone();
    let inverse = apply(&mut after, edit).unwrap();
    let mut undone = after.clone();
    let redo = apply(&mut undone, inverse).unwrap();
    assert_eq!(undone, before, "the inverse restores the document");
    let mut redone = undone;
    apply(&mut redone, redo).unwrap();
    assert_eq!(redone, after, "the inverse of the inverse redoes the edit");
    let mut check = after.clone();
    check.check_structure().unwrap();
    assert_eq!(check, after, "the structural invariant holds");
    after
}

/// Checks that `edit` is refused with `expected` and changes nothing.
fn refused(edit: Edit, expected: EditError) {
    let mut d = doc();
    assert_eq!(apply(&mut d, edit), Err(expected));
    assert_eq!(d, doc(), "a refused edit leaves the document unchanged");
}

fn insert(units: Vec<Unit>, index: usize) -> Edit {
    Edit::InsertSubtree { units, index, relations: vec![] }
}

#[test]
fn insert_subtree_places_the_units_as_the_nth_child() {
    use UnitKind::*;
    let d = applied(insert(
        vec![unit("it-ab", Some("it"), Referat, "IT-AB"), unit("it-ab-k", Some("it-ab"), KierownikReferatu, "IT-AB")],
        1,
    ));
    assert_eq!(
        ids(&d),
        ["doa", "it", "it-ziii", "it-ss", "it-ss-k", "it-ss-1", "it-ab", "it-ab-k", "it-tb", "it-tb-k", "om"]
    );
    let d = applied(insert(vec![unit("it-ss-2", Some("it-ss"), StanowiskoPracy, "IT-SS-II")], 2));
    assert_eq!(ids(&d)[4..7], ["it-ss-k", "it-ss-1", "it-ss-2"]);
    let d = applied(insert(vec![unit("first", Some("doa"), Zespol, "Z")], 0));
    assert_eq!(ids(&d)[..3], ["doa", "first", "it"]);
}

#[test]
fn insert_subtree_refusals() {
    use UnitKind::*;
    refused(insert(vec![], 0), EditError::NotASubtree);
    refused(insert(vec![unit("x", None, Referat, "")], 0), EditError::NoParent);
    refused(insert(vec![unit("om", Some("it"), Referat, "")], 0), EditError::DuplicateId(id("om")));
    refused(
        insert(vec![unit("x", Some("it"), Referat, ""), unit("x", Some("x"), StanowiskoPracy, "")], 0),
        EditError::DuplicateId(id("x")),
    );
    // A second unit that does not hang in the subtree.
    refused(
        insert(vec![unit("x", Some("it"), Referat, ""), unit("y", Some("om"), StanowiskoPracy, "")], 0),
        EditError::NotASubtree,
    );
    // Not pre-order: c hangs under a, but a's subtree closed when its sibling b came.
    refused(
        insert(
            vec![
                unit("x", Some("it"), Referat, ""),
                unit("a", Some("x"), Zespol, ""),
                unit("b", Some("x"), Zespol, ""),
                unit("c", Some("a"), StanowiskoPracy, ""),
            ],
            0,
        ),
        EditError::NotASubtree,
    );
    refused(insert(vec![unit("x", Some("ghost"), Referat, "")], 0), EditError::NoSuchUnit(id("ghost")));
    refused(insert(vec![unit("x", Some("it-ss-1"), Referat, "")], 0), EditError::UnderPosition(id("it-ss-1")));
    refused(insert(vec![unit("x", Some("it"), Referat, "")], 4), EditError::IndexOutOfRange { index: 4, count: 2 });
    // A position inside the inserted subtree cannot have units under it, the subtree's root included.
    refused(
        insert(vec![unit("x", Some("it"), StanowiskoPracy, ""), unit("y", Some("x"), StanowiskoPracy, "")], 0),
        EditError::UnderPosition(id("x")),
    );
    refused(
        insert(
            vec![
                unit("x", Some("it"), Referat, ""),
                unit("y", Some("x"), StanowiskoPracy, ""),
                unit("z", Some("y"), StanowiskoPracy, ""),
            ],
            0,
        ),
        EditError::UnderPosition(id("y")),
    );
    let with_relation = |relation: Relation, at: usize| Edit::InsertSubtree {
        units: vec![unit("x", Some("it"), Referat, "")],
        index: 0,
        relations: vec![(at, relation)],
    };
    refused(with_relation(rel(RelationKind::WspolpracujeZ, "x", "ghost"), 0), EditError::NoSuchUnit(id("ghost")));
    refused(with_relation(rel(RelationKind::WspolpracujeZ, "x", "x"), 0), EditError::SelfRelation);
    refused(
        with_relation(rel(RelationKind::WspolpracujeZ, "x", "om"), 9),
        EditError::IndexOutOfRange { index: 9, count: 3 },
    );
    let d = applied(with_relation(rel(RelationKind::WspolpracujeZ, "x", "om"), 1));
    assert_eq!(d.relations[1], rel(RelationKind::WspolpracujeZ, "x", "om"));
}

#[test]
fn remove_subtree_takes_the_units_and_their_relations() {
    let d = applied(Edit::RemoveSubtree { id: id("it-ss") });
    assert_eq!(ids(&d), ["doa", "it", "it-ziii", "it-tb", "it-tb-k", "om"]);
    assert_eq!(d.relations, doc().relations[..1].iter().chain(&doc().relations[2..]).cloned().collect::<Vec<_>>());
    let d = applied(Edit::RemoveSubtree { id: id("it") });
    assert_eq!(ids(&d), ["doa", "om"]);
    assert!(d.relations.is_empty());
    refused(Edit::RemoveSubtree { id: id("ghost") }, EditError::NoSuchUnit(id("ghost")));
    refused(Edit::RemoveSubtree { id: id("doa") }, EditError::Root);
}

#[test]
fn move_takes_the_subtree_along() {
    let mv = |i: &str, parent: &str, index| Edit::Move { id: id(i), parent: id(parent), index };
    let d = applied(mv("it-ss", "it", 0));
    assert_eq!(ids(&d), ["doa", "it", "it-ss", "it-ss-k", "it-ss-1", "it-ziii", "it-tb", "it-tb-k", "om"]);
    assert_eq!(d.unit(&id("it-ss")).unwrap().parent, Some(id("it")));
    let d = applied(mv("it-ziii", "om", 0));
    assert_eq!(ids(&d), ["doa", "it", "it-tb", "it-tb-k", "om", "it-ziii", "it-ss", "it-ss-k", "it-ss-1"]);
    // Reordering among the same siblings, both ways.
    let d = applied(mv("it-ss-k", "it-ss", 1));
    assert_eq!(ids(&d)[4..6], ["it-ss-1", "it-ss-k"]);
    let d = applied(mv("it", "doa", 1));
    assert_eq!(ids(&d)[..3], ["doa", "om", "it"]);

    refused(mv("ghost", "it", 0), EditError::NoSuchUnit(id("ghost")));
    refused(mv("it", "ghost", 0), EditError::NoSuchUnit(id("ghost")));
    refused(mv("doa", "it", 0), EditError::Root);
    refused(mv("it", "it", 0), EditError::IntoOwnSubtree);
    refused(mv("it", "it-ss", 0), EditError::IntoOwnSubtree);
    refused(mv("it-tb", "it-ss-1", 0), EditError::UnderPosition(id("it-ss-1")));
    refused(mv("it-tb", "it-ss", 3), EditError::IndexOutOfRange { index: 3, count: 2 });
}

#[test]
fn set_field_swaps_each_field() {
    let set = |field: UnitField| Edit::SetField { id: id("it-ss"), field };
    let designation: Designation = "§ 22h ust. 1".parse().unwrap();
    let tasks = TaskList {
        intro: "realizuje:".into(),
        shared_ref: None,
        points: TaskPoint::numbered(["zadanie"]),
        ..TaskList::default()
    };
    let d = applied(set(UnitField::Name("referat ds. serwisu".into())));
    assert_eq!(d.units[3].name, "referat ds. serwisu");
    assert_eq!(applied(set(UnitField::Symbol("IT-SR".into()))).units[3].symbol, "IT-SR");
    assert_eq!(applied(set(UnitField::Kind(UnitKind::Zespol))).units[3].kind, UnitKind::Zespol);
    assert_eq!(applied(set(UnitField::Staffing(Some(4.5)))).units[3].staffing, Some(4.5));
    assert_eq!(applied(set(UnitField::Note("założenie".into()))).units[3].note, "założenie");
    assert_eq!(
        applied(set(UnitField::ListedAt(Some(designation.clone())))).units[3].listed_at,
        Some(designation.clone())
    );
    assert_eq!(applied(set(UnitField::TasksAt(Some(designation.clone())))).units[3].tasks_at, Some(designation));
    assert_eq!(applied(set(UnitField::Tasks(tasks.clone()))).units[3].tasks, tasks);
    // A leaf may become a position; a unit with sub-units may not.
    applied(Edit::SetField { id: id("om"), field: UnitField::Kind(UnitKind::SamodzielneStanowisko) });
    refused(set(UnitField::Kind(UnitKind::StanowiskoPracy)), EditError::UnderPosition(id("it-ss")));
    refused(Edit::SetField { id: id("ghost"), field: UnitField::Name("x".into()) }, EditError::NoSuchUnit(id("ghost")));
    refused(
        Edit::SetField { id: id("ghost"), field: UnitField::Kind(UnitKind::Referat) },
        EditError::NoSuchUnit(id("ghost")),
    );
}

#[test]
fn relations_insert_and_remove() {
    let new = rel(RelationKind::NadzorujeBezposrednio, "it-ziii", "om");
    let d = applied(Edit::InsertRelation { index: 1, relation: new.clone() });
    assert_eq!(d.relations[1], new);
    assert_eq!(d.relations.len(), 4);
    let d = applied(Edit::RemoveRelation { relation: doc().relations[1].clone() });
    assert_eq!(d.relations, [doc().relations[0].clone(), doc().relations[2].clone()]);

    refused(
        Edit::InsertRelation { index: 0, relation: rel(RelationKind::WspolpracujeZ, "om", "om") },
        EditError::SelfRelation,
    );
    refused(
        Edit::InsertRelation { index: 0, relation: rel(RelationKind::WspolpracujeZ, "om", "ghost") },
        EditError::NoSuchUnit(id("ghost")),
    );
    refused(Edit::InsertRelation { index: 0, relation: doc().relations[0].clone() }, EditError::DuplicateRelation);
    refused(
        Edit::InsertRelation { index: 4, relation: new.clone() },
        EditError::IndexOutOfRange { index: 4, count: 3 },
    );
    refused(Edit::RemoveRelation { relation: new }, EditError::NoSuchRelation);
}

#[test]
fn document_level_edits() {
    let meta = Metadata {
        department: "Departament X".into(),
        organ: "Prezydent Miasta Lublin".into(),
        version: "v".into(),
        effective: schemat::model::Date::new(2022, 1, 1),
        ..Metadata::default()
    };
    assert_eq!(applied(Edit::SetMeta(meta.clone())).meta, meta);
    let chart = ChartOptions { compact_positions: false, orientation: Orientation::LeftRight };
    assert_eq!(applied(Edit::SetChart(chart)).chart, chart);
    let d = |s: &str| s.parse::<Designation>().unwrap();
    let retired = applied(Edit::SetRetired(vec![d("§ 22"), d("§ 3 ust. 2 pkt 3"), d("§ 22")])).retired;
    assert_eq!(retired, [d("§ 3 ust. 2 pkt 3"), d("§ 22")], "kept sorted, without duplicates");
    let provisions = vec![Provision::new(d("§ 9"), "W skład Biura wchodzą"), Provision::unknown(d("§ 3 ust. 1"))];
    let applied_provisions = applied(Edit::SetProvisions(provisions)).provisions;
    let at: Vec<String> = applied_provisions.iter().map(|p| p.at.to_string()).collect();
    assert_eq!(at, ["§ 3 ust. 1", "§ 9"], "kept sorted by designation");
    let in_force: std::collections::BTreeSet<Designation> = [d("§ 22")].into_iter().collect();
    assert_eq!(applied(Edit::SetInForce(Some(in_force.clone()))).in_force, Some(in_force));
}

#[test]
fn batch_is_all_or_nothing() {
    let d = applied(Edit::Batch(vec![
        Edit::RemoveSubtree { id: id("om") },
        Edit::SetField { id: id("it"), field: UnitField::Name("Wydział Informatyki".into()) },
        Edit::Move { id: id("it-tb"), parent: id("it-ziii"), index: 0 },
    ]));
    assert_eq!(ids(&d), ["doa", "it", "it-ziii", "it-tb", "it-tb-k", "it-ss", "it-ss-k", "it-ss-1"]);
    assert_eq!(d.units[1].name, "Wydział Informatyki");
    // The third edit fails: the first two are rolled back.
    refused(
        Edit::Batch(vec![
            Edit::RemoveSubtree { id: id("om") },
            Edit::SetField { id: id("it"), field: UnitField::Name("X".into()) },
            Edit::Move { id: id("it-tb"), parent: id("om"), index: 0 },
        ]),
        EditError::NoSuchUnit(id("om")),
    );
    assert_eq!(applied(Edit::Batch(vec![])), doc());
}

#[test]
fn subtree_range_covers_the_descendants_and_never_panics() {
    let d = doc();
    assert_eq!(d.subtree_range(1), 1..8, "IT with IT-ZIII, IT-SS and its positions, IT-TB");
    assert_eq!(d.subtree_range(3), 3..6);
    assert_eq!(d.subtree_range(8), 8..9, "a leaf");
    // An index past the end (a stale selection) used to panic on indexing.
    assert_eq!(d.subtree_range(9), 9..9);
    assert_eq!(d.subtree_range(usize::MAX), 9..9);
    // A unit that is its own parent (broken input) is a one-unit subtree, not a loop.
    let mut broken = doc();
    broken.units[8].parent = Some(id("om"));
    assert_eq!(broken.subtree_range(8), 8..9);
}
