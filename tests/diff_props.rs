//! Property tests of the diff: it is empty for equal documents, it replays
//! exactly (applying `diff(a, b).to_edits()` to `a` gives `b`: units, task
//! points with their labels and states, relations, provisions, repealed
//! designations, the designations in force and the frame metadata), and after
//! a random sequence of edits it reports exactly the units the edits touched.
//!
//! "Touched", precisely, for a unit id present at the end or at the start:
//! - added: the id is in `b` and not in `a` (it was inserted and survived);
//! - removed: the id is in `a` and not in `b`;
//! - changed: the id is in both and some field (name, symbol, kind, staffing,
//!   listed_at, tasks_at, tasks, note) differs between `a` and `b`; it was the
//!   target of a `SetField` edit;
//! - moved to a new parent: the id is in both with different parents; it was
//!   the target of a `Move` edit;
//! - moved among its siblings: the diff reports a set S of the children kept
//!   under the same parent such that the others keep their relative order, S
//!   is no larger than the set M of those children that `Move` edits targeted
//!   (so S is empty when no kept sibling was moved: inserting or removing a
//!   sibling shifts positions but moves nothing), and |S| is minimal. S need
//!   not be a subset of M: after `[x, y]` becomes `[y, x]` by moving x, the
//!   documents alone cannot tell whether x or y moved.
//!
//! Every other unit is reported `Unchanged`.
//!
//! Inserted units and new names and symbols are fresh, as the editor's are:
//! a unit removed and another inserted with the old one's symbol or name would
//! rightly be matched by the fallback (tested in `diff_core.rs`).

use std::collections::{BTreeSet, HashMap, HashSet};

use proptest::prelude::*;
use schemat::diff::{self, ChangeKind, PointChange, Status};
use schemat::model::{
    Date, Designation, Document, Edit, Metadata, Provision, Relation, RelationKind, TaskList, TaskPoint, Unit,
    UnitField, UnitId, UnitKind, apply,
};

const NAMES: [&str; 5] = ["referat ds. kadr", "referat ds. serwisu", "stanowisko ds. obsługi", "Dyrektor", "zespół"];
const SYMBOLS: [&str; 5] = ["IT", "IT-SS", "IT-SS-I", "OM", ""];
const WORDS: [&str; 6] = ["obsługi", "zgłoszeń", "sieci", "nadzoru", "nad", "stacji"];

fn kind(k: u8) -> UnitKind {
    UnitKind::ALL[k as usize % UnitKind::ALL.len()]
}

/// Points labelled as the numbering rules give them (1, 2, some inserted ones
/// lettered: 1a), some repealed or of unknown wording, some with letters.
fn tasks(seed: &[u8]) -> TaskList {
    let (mut number, mut letter) = (0, b'a');
    let points = seed
        .iter()
        .map(|&s| {
            // Labels are unique in a list, as in every file the numbering rules make: 1, 1a, 1b, 2.
            let label = if s % 6 == 1 && number > 0 {
                letter += 1;
                format!("{number}{}", char::from(letter - 1))
            } else {
                (number, letter) = (number + 1, b'a');
                number.to_string()
            };
            let text = (0..1 + s % 4).map(|w| WORDS[(s as usize + w as usize * 7) % WORDS.len()]).collect::<Vec<_>>();
            let mut point = match s % 9 {
                3 => TaskPoint::repealed(label),
                4 => TaskPoint::unknown(label),
                _ => TaskPoint::new(label, text.join(" ")),
            };
            if s % 5 == 0 {
                point.sub = vec![TaskPoint::new("a", WORDS[s as usize % WORDS.len()])];
                if s % 2 == 0 {
                    point.sub.push(TaskPoint::repealed("b"));
                }
            }
            point
        })
        .collect();
    TaskList {
        intro: if seed.len().is_multiple_of(2) { String::new() } else { "Referat realizuje:".into() },
        intro_unknown: seed.first().is_some_and(|s| s % 7 == 0),
        points,
        ..TaskList::default()
    }
}

/// Provisions at a few designations, sorted as documents keep them.
fn provisions(seed: &[u8]) -> Vec<Provision> {
    let mut out: Vec<Provision> = seed
        .iter()
        .map(|&s| {
            let at: Designation = match s % 3 {
                0 => format!("§ {}", s % 7 + 1),
                1 => format!("§ 3 ust. {}", s % 4 + 1),
                _ => format!("§ 11 ust. {}", s % 2 + 1),
            }
            .parse()
            .unwrap();
            if s % 5 == 0 { Provision::unknown(at) } else { Provision::new(at, WORDS[s as usize % WORDS.len()]) }
        })
        .collect();
    out.sort_by(|a, b| a.at.cmp(&b.at));
    out
}

/// The designations in force a draft is measured against, or none.
fn in_force(seed: &[u8]) -> Option<BTreeSet<Designation>> {
    let first = *seed.first()?;
    (first % 3 != 0).then(|| seed.iter().map(|s| format!("§ {}", s % 40 + 1).parse().unwrap()).collect())
}

/// A unit description: (parent choice, kind, name, symbol, staffing, tasks).
type UnitSeed = (usize, u8, u8, u8, Option<u8>, Vec<u8>);

fn make_unit(id: UnitId, parent: Option<UnitId>, seed: &UnitSeed) -> Unit {
    let (_, k, name, symbol, staffing, task_seed) = seed;
    let mut unit =
        Unit::new(id, parent, kind(*k), NAMES[*name as usize % NAMES.len()], SYMBOLS[*symbol as usize % SYMBOLS.len()]);
    unit.staffing = staffing.map(|s| f64::from(s) / 2.0);
    unit.tasks = tasks(task_seed);
    if *k % 3 == 0 {
        unit.tasks_at = Some(format!("§ {}", 10 + u32::from(*k) % 50).parse().unwrap());
    }
    unit
}

/// A valid document: a root and units under earlier non-position units.
fn document(
    seeds: Vec<UnitSeed>,
    relation_seeds: Vec<(usize, usize, bool)>,
    retired: Vec<u8>,
    pieces: Vec<u8>,
) -> Document {
    let mut units = vec![Unit::new(UnitId::new("root"), None, UnitKind::Departament, "Departament", "")];
    for (n, seed) in seeds.iter().enumerate() {
        let containers: Vec<&Unit> = units.iter().filter(|u| !u.kind.is_position()).collect();
        let parent = containers[seed.0 % containers.len()].id.clone();
        let mut unit = make_unit(UnitId::new(format!("u{n}")), Some(parent), seed);
        if unit.kind.is_position() && n % 2 == 0 {
            unit.kind = UnitKind::Referat;
        }
        units.push(unit);
    }
    // Positions must stay leaves: make any position with children a referat.
    let parents: HashSet<UnitId> = units.iter().filter_map(|u| u.parent.clone()).collect();
    for unit in &mut units {
        if parents.contains(&unit.id) && unit.kind.is_position() {
            unit.kind = UnitKind::Referat;
        }
    }
    let mut doc = Document { units, ..Document::default() };
    doc.meta = Metadata { department: "Departament".into(), ..Metadata::default() };
    doc.check_structure().unwrap();
    for (from, to, supervise) in relation_seeds {
        let (from, to) = (&doc.units[from % doc.units.len()].id, &doc.units[to % doc.units.len()].id);
        let kind = if supervise { RelationKind::NadzorujeBezposrednio } else { RelationKind::WspolpracujeZ };
        let relation = Relation { kind, from: from.clone(), to: to.clone() };
        if from != to && !doc.relations.contains(&relation) {
            doc.relations.push(relation);
        }
    }
    let mut retired: Vec<Designation> = retired.iter().map(|r| format!("§ {}", r % 30 + 1).parse().unwrap()).collect();
    retired.sort();
    retired.dedup();
    doc.retired = retired;
    doc.provisions = provisions(&pieces);
    doc.in_force = in_force(&pieces);
    doc
}

fn unit_seed() -> impl Strategy<Value = UnitSeed> {
    (
        any::<usize>(),
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
        proptest::option::of(0u8..20),
        proptest::collection::vec(any::<u8>(), 0..4),
    )
}

fn document_strategy() -> impl Strategy<Value = Document> {
    (
        proptest::collection::vec(unit_seed(), 0..14),
        proptest::collection::vec((any::<usize>(), any::<usize>(), any::<bool>()), 0..5),
        proptest::collection::vec(any::<u8>(), 0..3),
        proptest::collection::vec(any::<u8>(), 0..5),
    )
        .prop_map(|(units, relations, retired, pieces)| document(units, relations, retired, pieces))
}

/// An edit described by indices, resolved against the current document.
#[derive(Debug, Clone)]
enum Op {
    Insert(usize, usize, UnitSeed),
    Remove(usize),
    Move(usize, usize, usize),
    Set(usize, u8, UnitSeed),
    AddRelation(usize, usize),
    RemoveRelation(usize),
    Retire(u8),
    Meta(u8),
    /// Repeal (or, on a repealed point, delete) one point of a unit's tasks.
    RepealPoint(usize, usize),
    Provisions(Vec<u8>),
    InForce(Vec<u8>),
}

fn op_strategy() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<usize>(), any::<usize>(), unit_seed()).prop_map(|(p, i, s)| Op::Insert(p, i, s)),
        any::<usize>().prop_map(Op::Remove),
        (any::<usize>(), any::<usize>(), any::<usize>()).prop_map(|(u, p, i)| Op::Move(u, p, i)),
        (any::<usize>(), any::<u8>(), unit_seed()).prop_map(|(u, f, s)| Op::Set(u, f, s)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Op::AddRelation(a, b)),
        any::<usize>().prop_map(Op::RemoveRelation),
        any::<u8>().prop_map(Op::Retire),
        any::<u8>().prop_map(Op::Meta),
        (any::<usize>(), any::<usize>()).prop_map(|(u, k)| Op::RepealPoint(u, k)),
        proptest::collection::vec(any::<u8>(), 0..5).prop_map(Op::Provisions),
        proptest::collection::vec(any::<u8>(), 0..4).prop_map(Op::InForce),
    ]
}

/// What the edits did, by id.
#[derive(Default)]
struct Touched {
    set: HashSet<UnitId>,
    moved: HashSet<UnitId>,
}

fn resolve(doc: &Document, op: &Op, fresh: &mut usize, touched: &mut Touched) -> Option<Edit> {
    let n = doc.units.len();
    let pick = |k: usize| doc.units[k % n].id.clone();
    Some(match op {
        Op::Insert(p, i, seed) => {
            let parent = pick(*p);
            *fresh += 1;
            let mut unit = make_unit(UnitId::new(format!("new{fresh}")), Some(parent.clone()), seed);
            unit.kind = if seed.1 % 2 == 0 { UnitKind::Referat } else { UnitKind::StanowiskoPracy };
            (unit.name, unit.symbol) = (format!("nowy {fresh}"), format!("N-{fresh}"));
            let count = doc.children(Some(&parent)).count();
            Edit::InsertSubtree { units: vec![unit], index: i % (count + 1), relations: vec![] }
        }
        Op::Remove(u) => Edit::RemoveSubtree { id: pick(*u) },
        Op::Move(u, p, i) => {
            let (id, parent) = (pick(*u), pick(*p));
            let count = doc.children(Some(&parent)).filter(|c| c.id != id).count();
            touched.moved.insert(id.clone());
            Edit::Move { id, parent, index: i % (count + 1) }
        }
        Op::Set(u, f, seed) => {
            let id = pick(*u);
            let template = make_unit(id.clone(), None, seed);
            *fresh += 1;
            let field = match f % 8 {
                0 => UnitField::Name(format!("{} {fresh}", template.name)),
                1 => UnitField::Symbol(format!("S-{fresh}")),
                2 => UnitField::Kind(template.kind),
                3 => UnitField::Staffing(template.staffing),
                4 => UnitField::Note(format!("uwaga {}", seed.1 % 3)),
                5 => UnitField::ListedAt(Some(format!("§ 3 ust. {}", seed.1 % 4 + 1).parse().unwrap())),
                6 => UnitField::TasksAt(template.tasks_at),
                _ => UnitField::Tasks(template.tasks),
            };
            touched.set.insert(id.clone());
            Edit::SetField { id, field }
        }
        Op::AddRelation(a, b) => Edit::InsertRelation {
            index: doc.relations.len(),
            relation: Relation { kind: RelationKind::WspolpracujeZ, from: pick(*a), to: pick(*b) },
        },
        Op::RemoveRelation(r) if !doc.relations.is_empty() => {
            Edit::RemoveRelation { relation: doc.relations[r % doc.relations.len()].clone() }
        }
        Op::RemoveRelation(_) => return None,
        Op::Retire(r) => {
            let mut retired = doc.retired.clone();
            retired.push(format!("§ {}", r % 30 + 1).parse().unwrap());
            Edit::SetRetired(retired)
        }
        Op::Meta(v) => {
            let mut meta = Metadata { version: format!("projekt {}", v % 3), ..doc.meta.clone() };
            match v % 4 {
                0 => meta.organ = format!("Prezydent {}", v % 2),
                1 => meta.base_act.number = format!("{}/12/2018", v % 5),
                2 => meta.consolidated = Date::new(2021, 10, 1 + v % 28),
                _ => meta.base_act.date = Date::new(2018, 12, 1 + v % 28),
            }
            Edit::SetMeta(meta)
        }
        Op::RepealPoint(u, k) => {
            let id = pick(*u);
            let mut tasks = doc.unit(&id)?.tasks.clone();
            let count = tasks.points.len();
            if count == 0 {
                return None;
            }
            let point = &mut tasks.points[k % count];
            if point.state.is_repealed() {
                tasks.points.remove(k % count);
            } else {
                *point = TaskPoint::repealed(point.label.clone());
            }
            touched.set.insert(id.clone());
            Edit::SetField { id, field: UnitField::Tasks(tasks) }
        }
        Op::Provisions(seed) => Edit::SetProvisions(provisions(seed)),
        Op::InForce(seed) => Edit::SetInForce(in_force(seed)),
    })
}

fn edited(a: &Document, ops: &[Op]) -> (Document, Touched) {
    let mut doc = a.clone();
    let mut touched = Touched::default();
    let mut fresh = 0;
    for op in ops {
        let mut attempt = Touched { set: touched.set.clone(), moved: touched.moved.clone() };
        if let Some(edit) = resolve(&doc, op, &mut fresh, &mut attempt)
            && apply(&mut doc, edit).is_ok()
        {
            touched = attempt;
        }
    }
    (doc, touched)
}

fn replay(a: &Document, b: &Document) -> Result<Document, String> {
    let d = diff::diff(a, b);
    let mut doc = a.clone();
    for edit in d.to_edits().map_err(|e| e.to_string())? {
        apply(&mut doc, edit.clone()).map_err(|e| format!("{edit:?}: {e}"))?;
    }
    Ok(doc)
}

fn same_fields(a: &Unit, b: &Unit) -> bool {
    Unit { parent: None, ..a.clone() } == Unit { parent: None, ..b.clone() }
        && a.staffing.map(f64::to_bits) == b.staffing.map(f64::to_bits)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn diff_of_a_document_with_itself_is_empty(a in document_strategy()) {
        let d = diff::diff(&a, &a);
        prop_assert!(d.is_empty(), "{:?}", d.changes);
        prop_assert!(d.units.iter().all(|e| e.status == Status::Unchanged));
        prop_assert!(d.to_edits().unwrap().is_empty());
    }

    #[test]
    fn replaying_the_diff_of_edited_documents_gives_the_new_one(
        a in document_strategy(),
        ops in proptest::collection::vec(op_strategy(), 0..12),
    ) {
        let (b, _) = edited(&a, &ops);
        prop_assert_eq!(replay(&a, &b).map_err(TestCaseError::fail)?, b);
    }

    #[test]
    fn the_diff_is_empty_exactly_when_the_documents_are_equal(
        a in document_strategy(),
        ops in proptest::collection::vec(op_strategy(), 0..6),
    ) {
        let (b, _) = edited(&a, &ops);
        prop_assert_eq!(diff::diff(&a, &b).is_empty(), a == b);
    }

    #[test]
    fn every_point_change_names_points_by_labels_that_exist(
        a in document_strategy(),
        ops in proptest::collection::vec(op_strategy(), 0..12),
    ) {
        let (b, _) = edited(&a, &ops);
        let d = diff::diff(&a, &b);
        for entry in &d.units {
            let Some(tasks) = &entry.tasks else { continue };
            for change in &tasks.points {
                let (list, path) = match change {
                    PointChange::Repealed { old, .. } | PointChange::Removed { old, .. } => (&tasks.old, old),
                    other => (&tasks.new, &other.path().to_vec()),
                };
                // A placeholder new in the list is cited at its (new) label.
                let new_placeholder = matches!(change, PointChange::Repealed { text, .. } if text.is_empty())
                    && tasks.new.point(path).is_some_and(|p| p.state.is_repealed());
                prop_assert!(list.point(path).is_some() || new_placeholder, "{:?} in {:?}", change, list);
                if let PointChange::Repealed { old, .. } = change {
                    // Repealed: a placeholder in the new list, or gone with its designation repealed.
                    let placeholder = tasks.new.point(old).is_some_and(|p| p.state.is_repealed());
                    let retired = tasks.old_at.as_ref().and_then(|at| at.point(old)).is_some_and(|d| b.retired.contains(&d));
                    prop_assert!(placeholder || retired, "{:?}", change);
                }
            }
        }
    }

    #[test]
    fn replaying_the_diff_of_unrelated_documents_gives_the_new_one(
        a in document_strategy(),
        b in document_strategy(),
    ) {
        prop_assert_eq!(replay(&a, &b).map_err(TestCaseError::fail)?, b);
    }

    #[test]
    fn the_merged_document_is_a_valid_tree_in_merged_order(a in document_strategy(), b in document_strategy()) {
        let d = diff::diff(&a, &b);
        let merged = d.merged_document(&a, &b);
        let mut checked = merged.clone();
        prop_assert!(checked.check_structure().is_ok());
        prop_assert_eq!(&checked, &merged);
        let removed = d.units.iter().filter(|e| e.status == Status::Removed).count();
        prop_assert_eq!(merged.units.len(), b.units.len() + removed);
    }

    #[test]
    fn the_diff_reports_exactly_the_touched_units(
        a in document_strategy(),
        ops in proptest::collection::vec(op_strategy(), 0..12),
    ) {
        let (b, touched) = edited(&a, &ops);
        let d = diff::diff(&a, &b);
        let old: HashMap<&UnitId, &Unit> = a.units.iter().map(|u| (&u.id, u)).collect();
        let new: HashMap<&UnitId, &Unit> = b.units.iter().map(|u| (&u.id, u)).collect();
        let mut reordered: HashMap<Option<UnitId>, BTreeSet<UnitId>> = HashMap::new();
        for entry in &d.units {
            let id = entry.new.as_ref().or(entry.old.as_ref()).unwrap().id.clone();
            let own: Vec<&ChangeKind> = d.changes[entry.changes.clone()].iter().map(|c| &c.kind).filter(|k| !k.is_relation()).collect();
            match (old.get(&id), new.get(&id)) {
                (None, Some(_)) => prop_assert_eq!(entry.status, Status::Added),
                (Some(_), None) => prop_assert_eq!(entry.status, Status::Removed),
                (Some(before), Some(after)) => {
                    let fields_changed = !same_fields(before, after);
                    let reported_fields = own.iter().any(|k| !matches!(k, ChangeKind::Moved { .. }));
                    prop_assert_eq!(fields_changed, reported_fields, "fields of {}: {:?}", id, own);
                    prop_assert!(!fields_changed || touched.set.contains(&id));
                    let reported_move = own.iter().any(|k| matches!(k, ChangeKind::Moved { .. }));
                    if before.parent != after.parent {
                        prop_assert!(reported_move && touched.moved.contains(&id));
                    } else if reported_move {
                        reordered.entry(after.parent.clone()).or_default().insert(id.clone());
                    }
                    let expected = if reported_move { Status::Moved } else if fields_changed { Status::Changed } else { Status::Unchanged };
                    prop_assert_eq!(entry.status, expected);
                }
                (None, None) => prop_assert!(false, "entry without a unit"),
            }
        }
        // Sibling order: the unmoved kept siblings keep their order, and the moved set is minimal.
        for parent in b.units.iter().map(|u| Some(u.id.clone())) {
            let kept = |doc: &Document| -> Vec<UnitId> {
                doc.units.iter().filter(|u| u.parent == parent && old.get(&u.id).zip(new.get(&u.id)).is_some_and(|(x, y)| x.parent == y.parent)).map(|u| u.id.clone()).collect()
            };
            let (before, after) = (kept(&a), kept(&b));
            let s = reordered.get(&parent).cloned().unwrap_or_default();
            let rest = |list: &[UnitId]| list.iter().filter(|id| !s.contains(*id)).cloned().collect::<Vec<_>>();
            prop_assert_eq!(rest(&before), rest(&after));
            let moved_by_edits = after.iter().filter(|id| touched.moved.contains(*id)).count();
            prop_assert!(s.len() <= moved_by_edits);
            prop_assert_eq!(s.len(), after.len() - lcs_len(&before, &after));
        }
    }
}

fn lcs_len(a: &[UnitId], b: &[UnitId]) -> usize {
    let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in 0..a.len() {
        for j in 0..b.len() {
            table[i + 1][j + 1] = if a[i] == b[j] { table[i][j] + 1 } else { table[i][j + 1].max(table[i + 1][j]) };
        }
    }
    table[a.len()][b.len()]
}
