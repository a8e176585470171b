//! The clerk's draft edits on the example Regulamin (doa-2022): removal is
//! repeal for what is in force, new pieces are numbered by N3-N6, moves take a
//! new listing and repeal the old one, undo restores each; and a property test
//! over random draft edits: no designation in force changes, no repealed label
//! is reused, every list stays numbered as the rules number it.

mod draft_ops;

use draft_ops::{Op, draft_edit};
use proptest::prelude::*;
use schemat::examples::DOA_2022;
use schemat::model::draft::{self, Removal};
use schemat::model::{Designation, Document, History, Unit, UnitId, UnitKind, apply};
use schemat::validate::{Code, validate};

fn d(s: &str) -> Designation {
    s.parse().unwrap()
}

fn id(s: &str) -> UnitId {
    UnitId::new(s)
}

fn example() -> Document {
    DOA_2022.load().unwrap()
}

fn unit<'a>(doc: &'a Document, s: &str) -> &'a Unit {
    doc.unit(&id(s)).unwrap_or_else(|| panic!("{s} exists"))
}

/// The codes of the numbering findings (the ones the draft edits must never cause).
fn numbering_findings(doc: &Document) -> Vec<String> {
    validate(doc)
        .into_iter()
        .filter(|f| matches!(f.code, Code::RetiredDesignation | Code::LabelSequence | Code::InForceLost))
        .map(|f| format!("{} {:?}: {}", f.code, f.unit, f.message(schemat::i18n::Lang::En)))
        .collect()
}

#[test]
fn removing_a_position_in_force_repeals_its_listing_and_tasks_and_keeps_its_siblings() {
    let mut doc = example();
    let before = doc.clone();
    assert_eq!(draft::unit_removal(&doc, &id("it-tb-inz")), Removal::Repeal);
    let (edit, removal) = draft::remove_unit(&doc, &id("it-tb-inz")).unwrap();
    assert_eq!(removal, Removal::Repeal);
    let undo = apply(&mut doc, edit).unwrap();
    assert!(doc.unit(&id("it-tb-inz")).is_none());
    assert!(doc.retired.contains(&d("§ 3 ust. 1 pkt 2 lit. b")), "{:?}", doc.retired);
    assert!(doc.retired.contains(&d("§ 14 ust. 3")), "{:?}", doc.retired);
    let kept = unit(&doc, "it-tb-wsp");
    assert_eq!(kept.listed_at, Some(d("§ 3 ust. 1 pkt 2 lit. c")));
    assert_eq!(kept.tasks_at, Some(d("§ 14 ust. 4")));
    assert!(
        doc.in_force.as_ref().is_some_and(|set| set.contains(&d("§ 14 ust. 3"))),
        "the draft records what was in force"
    );
    assert!(numbering_findings(&doc).is_empty(), "{:?}", numbering_findings(&doc));
    apply(&mut doc, undo).unwrap();
    assert_eq!(doc, before);
}

#[test]
fn a_unit_added_in_the_draft_is_deleted_outright() {
    let mut doc = example();
    let new = Unit::new(id("new-pos"), Some(id("it-tb")), UnitKind::StanowiskoPracy, "stanowisko pracy ds. testów", "");
    let edit = draft::add_unit(&doc, new, 3).unwrap();
    apply(&mut doc, edit).unwrap();
    assert_eq!(unit(&doc, "new-pos").listed_at, Some(d("§ 3 ust. 1 pkt 2 lit. d")));
    assert_eq!(unit(&doc, "new-pos").tasks_at, Some(d("§ 14 ust. 5")));
    assert_eq!(draft::unit_removal(&doc, &id("new-pos")), Removal::Delete);
    let retired_before = doc.retired.clone();
    let (edit, removal) = draft::remove_unit(&doc, &id("new-pos")).unwrap();
    assert_eq!(removal, Removal::Delete);
    apply(&mut doc, edit).unwrap();
    assert_eq!(doc.retired, retired_before, "nothing repealed: § 3 ust. 1 pkt 2 lit. d was never in force");
}

#[test]
fn a_point_added_after_pkt_2_of_paragraph_14_ust_1_is_pkt_2a() {
    let mut doc = example();
    let (edit, path) = draft::add_point(&doc, &id("it-tb"), &[], Some("2"), "nowe zadanie").unwrap();
    assert_eq!(path, ["2a"]);
    apply(&mut doc, edit).unwrap();
    let labels: Vec<&str> = unit(&doc, "it-tb").tasks.points.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["1", "2", "2a", "3", "4", "5"]);
    // The new point exists only in the draft: removing it deletes it; a point in force is repealed.
    assert_eq!(draft::point_removal(&doc, &id("it-tb"), &["2a".into()]), Removal::Delete);
    assert_eq!(draft::point_removal(&doc, &id("it-tb"), &["3".into()]), Removal::Repeal);
    let (edit, _) = draft::remove_point(&doc, &id("it-tb"), &["3".into()]).unwrap();
    apply(&mut doc, edit).unwrap();
    let third = &unit(&doc, "it-tb").tasks.points[3];
    assert_eq!((third.label.as_str(), third.state.is_repealed(), third.text.as_str()), ("3", true, ""));
    // A point after the repealed pkt 3 does not reuse it.
    let (_, path) = draft::add_point(&doc, &id("it-tb"), &[], Some("2a"), "x").unwrap();
    assert_eq!(path, ["2b"]);
    assert!(numbering_findings(&doc).is_empty(), "{:?}", numbering_findings(&doc));
}

#[test]
fn draft_points_move_and_change_level_while_points_in_force_stay() {
    let mut doc = example();
    let tb = id("it-tb");
    for text in ["six", "seven", "eight"] {
        let last = unit(&doc, "it-tb").tasks.points.last().map(|p| p.label.clone());
        let (edit, _) = draft::add_point(&doc, &tb, &[], last.as_deref(), text).unwrap();
        apply(&mut doc, edit).unwrap();
    }
    let texts = |doc: &Document| -> Vec<String> {
        unit(doc, "it-tb")
            .tasks
            .points
            .iter()
            .map(|p| {
                let sub: Vec<String> = p.sub.iter().map(|l| format!("{}){}", l.label, l.text)).collect();
                format!(
                    "{}){}{}",
                    p.label,
                    if p.text.len() > 8 { "…" } else { &p.text },
                    if sub.is_empty() { String::new() } else { format!("[{}]", sub.join(",")) }
                )
            })
            .collect()
    };
    assert_eq!(texts(&doc), ["1)…", "2)…", "3)…", "4)…", "5)…", "6)six", "7)seven", "8)eight"]);
    // A point in force neither moves nor changes level.
    assert!(matches!(draft::move_point(&doc, &tb, &["5".into()], true), Err(draft::DraftError::InForce(_))));
    assert!(matches!(draft::indent_point(&doc, &tb, &["5".into()]), Err(draft::DraftError::InForce(_))));
    let (edit, path) = draft::move_point(&doc, &tb, &["8".into()], false).unwrap();
    apply(&mut doc, edit).unwrap();
    assert_eq!(path, ["7"]);
    assert_eq!(texts(&doc), ["1)…", "2)…", "3)…", "4)…", "5)…", "6)six", "7)eight", "8)seven"]);
    let (edit, path) = draft::indent_point(&doc, &tb, &["7".into()]).unwrap();
    apply(&mut doc, edit).unwrap();
    assert_eq!(path, ["6", "a"]);
    assert_eq!(texts(&doc), ["1)…", "2)…", "3)…", "4)…", "5)…", "6)six[a)eight]", "7)seven"]);
    let (edit, path) = draft::outdent_point(&doc, &tb, &["6".into(), "a".into()]).unwrap();
    apply(&mut doc, edit).unwrap();
    assert_eq!(path, ["7"]);
    assert_eq!(texts(&doc), ["1)…", "2)…", "3)…", "4)…", "5)…", "6)six", "7)eight", "8)seven"]);
    assert!(numbering_findings(&doc).is_empty(), "{:?}", numbering_findings(&doc));
}

#[test]
fn a_referat_between_those_of_paragraphs_22b_and_22c_gets_22ba_and_pkt_1a() {
    let mut doc = example();
    let index = doc.children(Some(&id("it-zii"))).position(|u| u.id == id("it-r22c")).unwrap();
    let new = Unit::new(id("new-ref"), Some(id("it-zii")), UnitKind::Referat, "referat ds. nowych zadań", "");
    let edit = draft::add_unit(&doc, new, index).unwrap();
    apply(&mut doc, edit).unwrap();
    let added = unit(&doc, "new-ref");
    assert_eq!(added.listed_at, Some(d("§ 3 ust. 3 pkt 1a")));
    assert_eq!(added.tasks_at, Some(d("§ 22ba ust. 1")));
}

#[test]
fn a_position_moved_to_another_referat_gets_the_next_listing_there_and_its_old_one_is_repealed() {
    let mut doc = example();
    let before = doc.clone();
    let count = doc.children(Some(&id("it-ss"))).count();
    let edit = draft::move_unit(&doc, &id("it-tb-wsp"), &id("it-ss"), count).unwrap();
    let undo = apply(&mut doc, edit).unwrap();
    let moved = unit(&doc, "it-tb-wsp");
    assert_eq!(moved.parent, Some(id("it-ss")));
    assert_eq!(moved.listed_at, Some(d("§ 3 ust. 4 pkt 6")));
    assert_eq!(moved.tasks_at, Some(d("§ 22h ust. 7")));
    assert!(doc.retired.contains(&d("§ 3 ust. 1 pkt 2 lit. c")), "{:?}", doc.retired);
    assert!(doc.retired.contains(&d("§ 14 ust. 4")), "{:?}", doc.retired);
    assert!(numbering_findings(&doc).is_empty(), "{:?}", numbering_findings(&doc));
    apply(&mut doc, undo).unwrap();
    assert_eq!(doc, before);
}

#[test]
fn a_referat_moved_away_from_its_deputy_leaves_the_deputys_lead_in_place() {
    let mut doc = example();
    let lead = d("§ 3 ust. 4");
    assert!(doc.provisions.iter().any(|p| p.at == lead), "the combined form of § 3 ust. 4 is a provision");
    let count = doc.children(Some(&id("it-zii"))).count();
    let edit = draft::move_unit(&doc, &id("it-ss"), &id("it-zii"), count).unwrap();
    apply(&mut doc, edit).unwrap();
    assert_eq!(unit(&doc, "it-ss").listed_at, Some(d("§ 3 ust. 3 pkt 6")));
    assert_eq!(unit(&doc, "it-ss-iv").listed_at, Some(d("§ 3 ust. 3 pkt 6 lit. e")), "its positions follow it");
    assert!(doc.provisions.iter().any(|p| p.at == lead), "IT-ZIII still holds § 3 ust. 4 and its lead");
    assert!(!doc.retired.contains(&lead));
    assert!(doc.retired.contains(&d("§ 3 ust. 4 pkt 1")), "{:?}", doc.retired);
    assert!(numbering_findings(&doc).is_empty(), "{:?}", numbering_findings(&doc));
}

#[test]
fn reordering_under_the_same_superior_changes_no_designation() {
    let mut doc = example();
    let listings: Vec<_> = doc.units.iter().map(|u| (u.id.clone(), u.listed_at.clone(), u.tasks_at.clone())).collect();
    let edit = draft::move_unit(&doc, &id("it-tb-wsp"), &id("it-tb"), 0).unwrap();
    apply(&mut doc, edit).unwrap();
    let after: Vec<_> = doc.units.iter().map(|u| (u.id.clone(), u.listed_at.clone(), u.tasks_at.clone())).collect();
    let mut a = listings.clone();
    let mut b = after.clone();
    a.sort_by(|x, y| x.0.cmp(&y.0));
    b.sort_by(|x, y| x.0.cmp(&y.0));
    assert_eq!(a, b, "N1: a designation in force never changes");
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(unit, after)| Op::AddPoint { unit, after }),
        (any::<usize>(), any::<usize>()).prop_map(|(unit, point)| Op::RemovePoint { unit, point }),
        any::<usize>().prop_map(Op::RemoveUnit),
        (any::<usize>(), any::<usize>(), any::<usize>()).prop_map(|(parent, index, kind)| Op::AddUnit {
            parent,
            index,
            kind
        }),
        (any::<usize>(), any::<usize>(), any::<usize>()).prop_map(|(unit, parent, index)| Op::MoveUnit {
            unit,
            parent,
            index
        }),
        (any::<usize>(), any::<usize>(), 0..4u8).prop_map(|(unit, point, how)| Op::ShiftPoint { unit, point, how }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn draft_edits_never_renumber_law_nor_reuse_a_repealed_label(ops in proptest::collection::vec(op(), 1..12)) {
        let original = example();
        let baseline = numbering_findings(&original);
        let mut doc = original.clone();
        let mut history = History::new_saved();
        for (serial, op) in ops.iter().enumerate() {
            let Some(edit) = draft_edit(&doc, op, serial) else { continue };
            if history.apply(&mut doc, edit).is_err() {
                continue;
            }
            // No piece in force lost without repeal, no repealed label reused, every list gap-free.
            prop_assert_eq!(&numbering_findings(&doc), &baseline, "after {:?}", op);
            // Every designation in force is still a piece or repealed.
            if let Some(in_force) = &doc.in_force {
                let present = doc.piece_designations();
                let repealed = doc.repealed_designations();
                for d in in_force {
                    let covered = present.contains(d) || repealed.iter().any(|r| d.is_within(r));
                    prop_assert!(covered, "{} vanished after {:?}", d, op);
                }
            }
        }
        while history.undo(&mut doc) {}
        prop_assert_eq!(doc, original);
    }
}

/// A new unit's listing takes the level its paragraph already enumerates:
/// never a ust. beside pkt, nor a pkt beside ust. (a text no reader can parse).
#[test]
fn a_new_listing_takes_the_level_its_paragraph_enumerates() {
    let mut doc = example();
    let deputy =
        Unit::new(id("new-deputy"), Some(id("om")), UnitKind::ZastepcaDyrektora, "Zastępca Dyrektora Biura", "");
    let edit = draft::add_unit(&doc, deputy, 0).unwrap();
    apply(&mut doc, edit).unwrap();
    // § 9 lists the Biuro's units as pkt 1-3.
    assert_eq!(unit(&doc, "new-deputy").listed_at, Some(d("§ 9 pkt 4")));

    let count = doc.children(Some(&id("it"))).count();
    let position =
        Unit::new(id("new-pos"), Some(id("it")), UnitKind::StanowiskoPracy, "stanowisko pracy ds. testów", "");
    let edit = draft::add_unit(&doc, position, count).unwrap();
    apply(&mut doc, edit).unwrap();
    // § 3 is enumerated in ust. 1-4: the position after the last of them listed before it.
    let previous = doc.children(Some(&id("it"))).nth(count - 1).and_then(|u| u.listed_at.clone());
    let at = unit(&doc, "new-pos").listed_at.clone().unwrap();
    assert_eq!((at.parent(), at.level()), (Some(d("§ 3")), schemat::model::Level::Ust), "{at}");
    assert!(previous.is_some_and(|p| p < at), "{at}");
}
