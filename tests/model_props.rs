//! Properties of the one path that changes documents (issue #4 asks for them):
//! for random edits on random documents, applying an edit and then its inverse
//! is the identity, a refused edit changes nothing, and through `History`
//! undoing everything gives the original document and redoing everything the
//! final one.

use proptest::prelude::*;
use proptest::sample::Index;
use schemat::model::{
    ChartOptions, Designation, Document, Edit, History, Metadata, Orientation, Relation, RelationKind, TaskList,
    TaskPoint, Unit, UnitField, UnitId, UnitKind, apply,
};

prop_compose! {
    /// A valid document: a department root and up to 14 units hanging under
    /// earlier non-position units, some relations, some retired designations.
    fn arb_document()(
        units in proptest::collection::vec((any::<Index>(), 0..UnitKind::ALL.len(), proptest::option::of(0.5f64..9.0)), 0..14),
        relations in proptest::collection::vec((any::<bool>(), any::<Index>(), any::<Index>()), 0..5),
        retired in proptest::collection::vec(1u32..40, 0..3),
    ) -> Document {
        let mut doc = Document {
            meta: Metadata { department: "Departament".into(), ..Metadata::default() },
            units: vec![Unit::new(UnitId::new("u0"), None, UnitKind::Departament, "Departament", "")],
            ..Document::default()
        };
        for (i, (parent, kind, staffing)) in units.into_iter().enumerate() {
            let containers: Vec<&Unit> = doc.units.iter().filter(|u| !u.kind.is_position()).collect();
            let parent = containers[parent.index(containers.len())].id.clone();
            let mut unit = Unit::new(UnitId::new(format!("u{}", i + 1)), Some(parent), UnitKind::ALL[kind], format!("jednostka {}", i + 1), format!("S-{}", i + 1));
            unit.staffing = staffing;
            doc.units.push(unit);
        }
        let n = doc.units.len();
        for (supervises, a, b) in relations {
            let relation = Relation {
                kind: if supervises { RelationKind::NadzorujeBezposrednio } else { RelationKind::WspolpracujeZ },
                from: doc.units[a.index(n)].id.clone(),
                to: doc.units[b.index(n)].id.clone(),
            };
            if relation.from != relation.to && !doc.relations.contains(&relation) {
                doc.relations.push(relation);
            }
        }
        doc.retired = retired.into_iter().map(|p| Designation::paragraph(&p.to_string()).unwrap()).collect();
        doc.check_structure().unwrap();
        doc
    }
}

/// An edit described by indices, resolved against the document it is applied
/// to, so that most edits are meaningful and some are refused.
#[derive(Debug, Clone)]
enum Op {
    Insert { parent: Index, index: usize, kind: usize, with_child: bool },
    Remove(Index),
    Move { unit: Index, parent: Index, index: usize },
    SetName(Index, String),
    SetSymbol(Index, String),
    SetKind(Index, usize),
    SetStaffing(Index, Option<f64>),
    SetTasks(Index, Vec<String>),
    SetDesignation(Index, Option<u32>),
    InsertRelation { supervises: bool, from: Index, to: Index, index: usize },
    RemoveRelation(Index),
    SetMeta(String),
    SetChart(bool),
    SetRetired(Vec<u32>),
    Batch(Vec<Op>),
}

fn arb_leaf_op() -> impl Strategy<Value = Op> {
    let text = "[a-zA-Ząę ]{0,6}";
    prop_oneof![
        (any::<Index>(), 0..4usize, 0..UnitKind::ALL.len(), any::<bool>())
            .prop_map(|(parent, index, kind, with_child)| Op::Insert { parent, index, kind, with_child }),
        any::<Index>().prop_map(Op::Remove),
        (any::<Index>(), any::<Index>(), 0..4usize).prop_map(|(unit, parent, index)| Op::Move { unit, parent, index }),
        (any::<Index>(), text).prop_map(|(u, s)| Op::SetName(u, s)),
        (any::<Index>(), text).prop_map(|(u, s)| Op::SetSymbol(u, s)),
        (any::<Index>(), 0..UnitKind::ALL.len()).prop_map(|(u, k)| Op::SetKind(u, k)),
        (any::<Index>(), proptest::option::of(0.0f64..9.0)).prop_map(|(u, s)| Op::SetStaffing(u, s)),
        (any::<Index>(), proptest::collection::vec(text, 0..3)).prop_map(|(u, t)| Op::SetTasks(u, t)),
        (any::<Index>(), proptest::option::of(1u32..30)).prop_map(|(u, d)| Op::SetDesignation(u, d)),
        (any::<bool>(), any::<Index>(), any::<Index>(), 0..6usize)
            .prop_map(|(supervises, from, to, index)| Op::InsertRelation { supervises, from, to, index }),
        any::<Index>().prop_map(Op::RemoveRelation),
        text.prop_map(Op::SetMeta),
        any::<bool>().prop_map(Op::SetChart),
        proptest::collection::vec(1u32..40, 0..4).prop_map(Op::SetRetired),
    ]
}

fn arb_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => arb_leaf_op(),
        1 => proptest::collection::vec(arb_leaf_op(), 0..3).prop_map(Op::Batch),
    ]
}

fn resolve(doc: &Document, op: &Op) -> Edit {
    let unit = |i: &Index| doc.units[i.index(doc.units.len())].id.clone();
    let set = |i: &Index, field| Edit::SetField { id: unit(i), field };
    match op {
        Op::Insert { parent, index, kind, with_child } => {
            let root = doc.fresh_id("n");
            let mut units =
                vec![Unit::new(root.clone(), Some(unit(parent)), UnitKind::ALL[*kind], "nowa jednostka", "N")];
            if *with_child {
                units.push(Unit::new(
                    UnitId::new(format!("{root}c")),
                    Some(root),
                    UnitKind::StanowiskoPracy,
                    "stanowisko",
                    "N-I",
                ));
            }
            Edit::InsertSubtree { units, index: *index, relations: vec![] }
        }
        Op::Remove(i) => Edit::RemoveSubtree { id: unit(i) },
        Op::Move { unit: u, parent, index } => Edit::Move { id: unit(u), parent: unit(parent), index: *index },
        Op::SetName(i, s) => set(i, UnitField::Name(s.clone())),
        Op::SetSymbol(i, s) => set(i, UnitField::Symbol(s.clone())),
        Op::SetKind(i, k) => set(i, UnitField::Kind(UnitKind::ALL[*k])),
        Op::SetStaffing(i, s) => set(i, UnitField::Staffing(*s)),
        Op::SetTasks(i, points) => set(
            i,
            UnitField::Tasks(TaskList {
                intro: "realizuje zadania z zakresu:".into(),
                points: TaskPoint::numbered(points.iter().cloned()),
                ..TaskList::default()
            }),
        ),
        Op::SetDesignation(i, d) => {
            set(i, UnitField::TasksAt(d.map(|p| Designation::paragraph(&p.to_string()).unwrap())))
        }
        Op::InsertRelation { supervises, from, to, index } => Edit::InsertRelation {
            index: *index,
            relation: Relation {
                kind: if *supervises { RelationKind::NadzorujeBezposrednio } else { RelationKind::WspolpracujeZ },
                from: unit(from),
                to: unit(to),
            },
        },
        Op::RemoveRelation(i) => match doc.relations.len() {
            0 => Edit::RemoveRelation {
                relation: Relation { kind: RelationKind::WspolpracujeZ, from: unit(i), to: unit(i) },
            },
            n => Edit::RemoveRelation { relation: doc.relations[i.index(n)].clone() },
        },
        Op::SetMeta(s) => Edit::SetMeta(Metadata { version: s.clone(), ..doc.meta.clone() }),
        Op::SetChart(compact) => Edit::SetChart(ChartOptions {
            compact_positions: *compact,
            orientation: if *compact { Orientation::TopDown } else { Orientation::LeftRight },
        }),
        Op::SetRetired(ps) => {
            Edit::SetRetired(ps.iter().map(|p| Designation::paragraph(&p.to_string()).unwrap()).collect())
        }
        // Each part is resolved against the document as it is now; a later part
        // may therefore be refused, which must roll back the whole batch.
        Op::Batch(ops) => Edit::Batch(ops.iter().map(|op| resolve(doc, op)).collect()),
    }
}

/// The structural invariant (unique ids, one root, pre-order, sorted retired).
fn well_formed(doc: &Document) -> bool {
    let mut check = doc.clone();
    check.check_structure().is_ok() && check == *doc
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn apply_then_inverse_is_identity(doc in arb_document(), ops in proptest::collection::vec(arb_op(), 1..25)) {
        let mut doc = doc;
        for op in &ops {
            let edit = resolve(&doc, op);
            let before = doc.clone();
            match apply(&mut doc, edit.clone()) {
                Err(_) => prop_assert_eq!(&doc, &before, "a refused edit changes nothing: {:?}", edit),
                Ok(inverse) => {
                    prop_assert!(well_formed(&doc), "invariant broken by {:?}", edit);
                    let after = doc.clone();
                    let mut undone = doc.clone();
                    let redo = apply(&mut undone, inverse.clone())
                        .map_err(|e| TestCaseError::fail(format!("inverse {inverse:?} of {edit:?} refused: {e}")))?;
                    prop_assert_eq!(&undone, &before, "inverse of {:?}", edit);
                    apply(&mut undone, redo).map_err(|e| TestCaseError::fail(e.to_string()))?;
                    prop_assert_eq!(&undone, &after, "inverse of the inverse of {:?}", edit);
                }
            }
        }
    }

    #[test]
    fn undo_all_gives_the_original_and_redo_all_the_final(
        original in arb_document(),
        steps in proptest::collection::vec(arb_step(), 1..40),
    ) {
        let mut doc = original.clone();
        let mut history = History::new_saved();
        let mut saved = original.clone();
        for step in &steps {
            match step {
                Step::Edit(op, key) => {
                    let edit = resolve(&doc, op);
                    let before = doc.clone();
                    let result = match key {
                        Some(k) => history.apply_coalescing(&mut doc, edit, &format!("key {k}")),
                        None => history.apply(&mut doc, edit),
                    };
                    if result.is_err() {
                        prop_assert_eq!(&doc, &before);
                    }
                }
                Step::Undo => {
                    let could = history.can_undo();
                    prop_assert_eq!(history.undo(&mut doc), could);
                }
                Step::Redo => {
                    let could = history.can_redo();
                    prop_assert_eq!(history.redo(&mut doc), could);
                }
                Step::Seal => history.seal(),
                Step::Save => {
                    history.mark_saved();
                    saved = doc.clone();
                }
            }
            // A clean history means the document is what was saved.
            if !history.is_dirty() {
                prop_assert_eq!(&doc, &saved);
            }
        }
        // The furthest state: everything still on the redo stack applied.
        let mut furthest = doc.clone();
        let mut ahead = history.clone();
        while ahead.can_redo() {
            prop_assert!(ahead.redo(&mut furthest));
        }
        while history.can_undo() {
            prop_assert!(history.undo(&mut doc));
        }
        prop_assert_eq!(&doc, &original);
        while history.can_redo() {
            prop_assert!(history.redo(&mut doc));
        }
        prop_assert_eq!(&doc, &furthest);
    }
}

/// One user action on the history.
#[derive(Debug, Clone)]
enum Step {
    /// An edit, coalesced under a key when there is one.
    Edit(Op, Option<u8>),
    Undo,
    Redo,
    Seal,
    Save,
}

fn arb_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (arb_op(), proptest::option::of(0..3u8)).prop_map(|(op, key)| Step::Edit(op, key)),
        2 => Just(Step::Undo),
        1 => Just(Step::Redo),
        1 => Just(Step::Seal),
        1 => Just(Step::Save),
    ]
}
