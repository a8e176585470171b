//! The diff on hand-made cases: what each kind of change looks like, the
//! fallback matching, true moves, the order of the entries and the lookups.

mod diff_fixture;

use diff_fixture::{new, old, points, unit};
use schemat::diff::{ChangeKind, ChangeTag, MatchKey, PointChange, Status, diff};
use schemat::i18n::Lang;
use schemat::model::{
    ActRef, Date, Designation, Document, Edit, PieceState, Provision, Relation, RelationKind, TaskPoint, UnitId,
    UnitKind, apply,
};

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
    assert!(d.units[e].tasks.as_ref().unwrap().change_at_new(&["2".to_owned()]).is_some());
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
    assert!(!d.changes.iter().any(|c| matches!(c.kind, ChangeKind::UnitAdded { .. } | ChangeKind::UnitRemoved { .. })));
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
            // The wordings swapped under the same labels: pkt 1 and pkt 2 each have a new wording.
            TaskPointEdited,
            TaskPointEdited,
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
    assert_eq!(
        d.to_edits(),
        Err(schemat::diff::ScriptError::RootReplaced { old: Some(UnitId::new("dep")), new: UnitId::new("other") })
    );
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

#[test]
fn removed_siblings_stand_after_their_nearest_kept_old_sibling_in_old_order() {
    // Old: a x1 b x2 x3 m x4 c under one parent; the x* are removed, m moves
    // away, n is new before a. A ghost follows the nearest earlier old sibling
    // still under that parent (x4 skips the moved m), ghosts in a row keep their
    // old order. The placement used to search the list once per ghost, which was
    // quadratic (0.6 s for 10 000 removed siblings); this pins the order it gave.
    let unit = |i: &str, p: Option<&str>| {
        schemat::model::Unit::new(UnitId::new(i), p.map(UnitId::new), UnitKind::Zespol, i, i.to_uppercase())
    };
    let mut a = Document { units: vec![unit("root", None), unit("other", Some("root"))], ..Document::default() };
    for i in ["a", "x1", "b", "x2", "x3", "m", "x4", "c"] {
        a.units.push(unit(i, Some("root")));
    }
    a.check_structure().unwrap();
    let mut b = a.clone();
    b.units.retain(|u| !u.id.as_str().starts_with('x'));
    b.units.iter_mut().find(|u| u.id.as_str() == "m").unwrap().parent = Some(UnitId::new("other"));
    b.units.insert(2, unit("n", Some("root")));
    b.check_structure().unwrap();
    let d = diff(&a, &b);
    assert_eq!(ids(&d), ["root", "other", "m", "n", "a", "x1", "b", "x2", "x3", "x4", "c"]);
    assert_eq!(replayed(&a, &b), b);
}

fn d(s: &str) -> Designation {
    s.parse().unwrap()
}

fn labels(path: &[&str]) -> Vec<String> {
    path.iter().map(|l| l.to_string()).collect()
}

fn point_changes(d: &schemat::diff::Diff) -> Vec<&PointChange> {
    d.changes
        .iter()
        .filter_map(|c| match &c.kind {
            ChangeKind::TaskPoint { point } => Some(point),
            _ => None,
        })
        .collect()
}

#[test]
fn a_point_in_force_is_repealed_and_a_point_only_in_the_draft_is_deleted() {
    let a = old();
    let mut b = a.clone();
    // § 12: pkt 1 becomes "(uchylony)"; § 21 ust. 4: pkt 2a, a draft point, is added.
    let director = b.units.iter_mut().find(|u| u.id.as_str() == "it-d").unwrap();
    director.tasks.points[0] = TaskPoint::repealed("1");
    let network = b.units.iter_mut().find(|u| u.id.as_str() == "it-si").unwrap();
    network.tasks.points.push(TaskPoint::new("2a", "obsługi zgłoszeń"));
    network.tasks.points.sort_by(|x, y| schemat::model::compare_labels(&x.label, &y.label));
    let diff_ab = diff(&a, &b);
    assert_eq!(
        point_changes(&diff_ab),
        [
            &PointChange::Repealed { old: labels(&["1"]), text: "kierowania pracą Wydziału".into() },
            &PointChange::Added { new: labels(&["2a"]), text: "obsługi zgłoszeń".into(), state: PieceState::Text },
        ]
    );
    assert_eq!(replayed(&a, &b), b);
    // The draft point deleted again: deleted, not repealed.
    let mut c = b.clone();
    c.units.iter_mut().find(|u| u.id.as_str() == "it-si").unwrap().tasks.points.retain(|p| p.label != "2a");
    let diff_bc = diff(&b, &c);
    assert_eq!(
        point_changes(&diff_bc),
        [&PointChange::Removed { old: labels(&["2a"]), text: "obsługi zgłoszeń".into() }]
    );
    let report = schemat::diff::report::text(&diff_ab, Lang::Pl);
    assert!(report.lines().any(|l| l == "IT-D Dyrektor Wydziału: uchylono § 12 pkt 1"), "{report}");
    assert!(report.lines().any(|l| l == "IT-SI referat ds. sieci: § 21 ust. 4 pkt 2a: dodano"), "{report}");
    let report = schemat::diff::report::text(&diff_bc, Lang::Pl);
    assert!(report.lines().any(|l| l == "IT-SI referat ds. sieci: § 21 ust. 4 pkt 2a: usunięto"), "{report}");
}

#[test]
fn a_point_gone_with_its_designation_repealed_is_reported_once_as_repealed() {
    // How version 1 files recorded a repeal: the point left the list and its
    // designation joined the repealed ones.
    let a = old();
    let mut b = a.clone();
    b.units.iter_mut().find(|u| u.id.as_str() == "it-d").unwrap().tasks.points.truncate(1);
    b.retired = vec![d("§ 12 pkt 2"), d("§ 22")];
    let diff_ab = diff(&a, &b);
    let tags: Vec<ChangeTag> = diff_ab.changes.iter().map(|c| c.kind.tag()).collect();
    assert_eq!(tags, [ChangeTag::DesignationRetired, ChangeTag::TaskPointRepealed]);
    assert!(
        matches!(&diff_ab.changes[0].kind, ChangeKind::DesignationRetired { designation } if *designation == d("§ 22"))
    );
    let report = schemat::diff::report::text(&diff_ab, Lang::Pl);
    assert!(report.lines().any(|l| l == "Dokument: uchylono § 22"), "{report}");
    assert!(report.lines().any(|l| l == "IT-D Dyrektor Wydziału: uchylono § 12 pkt 2"), "{report}");
    assert!(!report.contains("wycofano"), "{report}");
    assert_eq!(replayed(&a, &b), b);
}

#[test]
fn letters_are_cited_by_their_labels() {
    let a = old();
    let mut b = a.clone();
    let network = b.units.iter_mut().find(|u| u.id.as_str() == "it-si").unwrap();
    network.tasks.points[1].sub = vec![TaskPoint::new("a", "miedzianym"), TaskPoint::new("b", "światłowodowym")];
    let mut c = b.clone();
    let network = c.units.iter_mut().find(|u| u.id.as_str() == "it-si").unwrap();
    network.tasks.points[1].sub[0] = TaskPoint::repealed("a");
    network.tasks.points[1].sub.push(TaskPoint::new("ba", "radiowym"));
    let diff_bc = diff(&b, &c);
    assert_eq!(
        point_changes(&diff_bc),
        [
            &PointChange::Repealed { old: labels(&["2", "a"]), text: "miedzianym".into() },
            &PointChange::Added { new: labels(&["2", "ba"]), text: "radiowym".into(), state: PieceState::Text },
        ]
    );
    let report = schemat::diff::report::text(&diff_bc, Lang::Pl);
    assert!(report.lines().any(|l| l.ends_with(": uchylono § 21 ust. 4 pkt 2 lit. a")), "{report}");
    assert!(report.lines().any(|l| l.ends_with(": § 21 ust. 4 pkt 2 lit. ba: dodano")), "{report}");
    assert_eq!(replayed(&b, &c), c);
}

#[test]
fn provisions_designations_in_force_and_frame_data_are_diffed_and_replayed() {
    let mut a = old();
    a.provisions = vec![
        Provision::new(d("§ 1"), "Regulamin określa organizację Departamentu"),
        Provision::new(d("§ 3"), "W skład Wydziału wchodzą"),
        Provision::new(d("§ 5"), "Departament współpracuje z komórkami Urzędu"),
        Provision::unknown(d("§ 11 ust. 2")),
        Provision::new(d("§ 22 ust. 4"), "Referat współpracuje z Biurem"),
    ];
    let mut b = a.clone();
    b.provisions = vec![
        Provision::new(d("§ 1"), "Regulamin określa organizację i zadania Departamentu"),
        Provision::new(d("§ 3"), "W skład Wydziału wchodzą"),
        Provision::new(d("§ 3 ust. 4"), "Zastępca Dyrektora (IT-ZIII), nadzorujący bezpośrednio referat"),
        Provision::new(d("§ 11 ust. 2"), "Kierownik referatu realizuje zadania"),
    ];
    // § 5 is repealed; § 22 too, and the provision inside it goes with it.
    b.retired = vec![d("§ 5"), d("§ 22")];
    b.in_force = Some(a.piece_designations());
    b.meta.organ = "Prezydent Miasta Lublin".into();
    b.meta.base_act = ActRef { number: "56/12/2018".into(), date: Date::new(2018, 12, 31), title: String::new() };
    b.meta.consolidated = Date::new(2021, 10, 29);
    let diff_ab = diff(&a, &b);
    let tags: Vec<ChangeTag> = diff_ab.document_changes().iter().map(|c| c.kind.tag()).collect();
    use ChangeTag::*;
    assert_eq!(
        tags,
        [
            MetadataChanged,
            InForceChanged,
            DesignationRetired,
            ProvisionChanged,
            ProvisionAdded,
            ProvisionRepealed,
            ProvisionChanged
        ]
    );
    assert_eq!(diff_ab.changes.len(), tags.len(), "nothing else changed");
    let report = schemat::diff::report::text(&diff_ab, Lang::Pl);
    for expected in [
        "Dokument: organ: „” → „Prezydent Miasta Lublin”",
        "Dokument: numer aktu: „” → „56/12/2018”",
        "Dokument: data aktu: „” → „31 grudnia 2018 r.”",
        "Dokument: tekst jednolity z dnia: „” → „29 października 2021 r.”",
        "Dokument: uchylono § 22",
        "Dokument: § 1: zmieniono brzmienie",
        "Dokument: § 3 ust. 4: dodano przepis",
        "    jest: Zastępca Dyrektora (IT-ZIII), nadzorujący bezpośrednio referat",
        "Dokument: § 11 ust. 2: podano brzmienie",
        "    jest: Kierownik referatu realizuje zadania",
        "Dokument: uchylono § 5",
        "    było: Departament współpracuje z komórkami Urzędu",
    ] {
        assert!(report.lines().any(|l| l == expected), "missing {expected:?} in\n{report}");
    }
    // Each repeal once: § 5 by its provision, § 22 by its designation, § 22 ust. 4 with § 22.
    assert_eq!(report.matches("uchylono").count(), 2, "{report}");
    assert!(report.lines().any(|l| l.starts_with("Dokument: zapisano oznaczenia wersji obowiązującej (")), "{report}");
    assert_eq!(replayed(&a, &b), b);
    assert_eq!(replayed(&b, &a), a);
    // A provision that existed only in the draft is deleted, not repealed.
    let mut c = b.clone();
    c.provisions.retain(|p| p.at != d("§ 3 ust. 4"));
    let diff_bc = diff(&b, &c);
    assert!(
        matches!(&diff_bc.changes[..], [c] if matches!(&c.kind, ChangeKind::ProvisionRemoved { provision, listing: false } if provision.at == d("§ 3 ust. 4")))
    );
    assert_eq!(replayed(&b, &c), c);
}

#[test]
fn a_removed_unit_names_its_designations_and_a_kierownik_its_referat() {
    let mut a = old();
    let tb = a.units.iter_mut().find(|u| u.id.as_str() == "it-tb").unwrap();
    tb.listed_at = Some(d("§ 3 ust. 1 pkt 2"));
    tb.tasks_at = Some(d("§ 14 ust. 1"));
    let mut kierownik = unit("it-tb-k", Some("it-tb"), UnitKind::KierownikReferatu, "kierownik referatu", "IT-TB");
    kierownik.listed_at = Some(d("§ 3 ust. 1 pkt 2 lit. a"));
    kierownik.tasks_at = Some(d("§ 14 ust. 2"));
    let at = a.index_of(&UnitId::new("it-tb-i")).unwrap();
    a.units.insert(at, kierownik);
    a.check_structure().unwrap();
    let mut b = a.clone();
    apply(&mut b, Edit::RemoveSubtree { id: UnitId::new("it-tb-k") }).unwrap();
    b.retired = vec![d("§ 14 ust. 2")];
    let diff_ab = diff(&a, &b);
    let removed = diff_ab
        .changes
        .iter()
        .find_map(|c| match &c.kind {
            ChangeKind::UnitRemoved { unit, repealed } => Some((unit, repealed)),
            _ => None,
        })
        .unwrap();
    assert_eq!(removed.0.id.as_str(), "it-tb-k");
    assert_eq!(removed.1, &vec![d("§ 14 ust. 2")]);
    let report = schemat::diff::report::text(&diff_ab, Lang::Pl);
    for expected in [
        "IT-TB kierownik referatu: usunięto (kierownik referatu, referat ds. technologii bezpieczeństwa (IT-TB))",
        "    wykaz: § 3 ust. 1 pkt 2 lit. a",
        "    zadania: § 14 ust. 2 (uchylony)",
    ] {
        assert!(report.lines().any(|l| l == expected), "missing {expected:?} in\n{report}");
    }
    // The repeal of § 14 ust. 2 is the unit's; the document line says it too.
    assert!(report.lines().any(|l| l == "Dokument: uchylono § 14 ust. 2"), "{report}");
    assert_eq!(replayed(&a, &b), b);
}

#[test]
fn an_added_unit_quotes_its_designations_and_its_tasks() {
    let a = old();
    let mut b = new();
    let deputy = b.units.iter_mut().find(|u| u.id.as_str() == "it-ziii").unwrap();
    deputy.listed_at = Some(d("§ 3 ust. 4"));
    deputy.tasks_at = Some(d("§ 22g"));
    deputy.tasks = diff_fixture::points(&["bezpośredniego nadzoru nad referatem", "zapewnienia sprzętu"]);
    deputy.tasks.intro = "Zastępca Dyrektora realizuje zadania z zakresu:".into();
    deputy.tasks.points[1].sub = vec![TaskPoint::new("a", "komputerowego"), TaskPoint::repealed("b")];
    let report = schemat::diff::report::text(&diff(&a, &b), Lang::Pl);
    let start = report
        .lines()
        .position(|l| l.starts_with("IT-ZIII Zastępca Dyrektora ds. wsparcia użytkowników: dodano"))
        .unwrap();
    let quoted: Vec<&str> = report.lines().skip(start + 1).take(7).collect();
    assert_eq!(
        quoted,
        [
            "    wykaz: § 3 ust. 4",
            "    zadania: § 22g",
            "      Zastępca Dyrektora realizuje zadania z zakresu:",
            "      1) bezpośredniego nadzoru nad referatem;",
            "      2) zapewnienia sprzętu:",
            "        a) komputerowego,",
            "        b) (uchylona).",
        ]
    );
    let md = schemat::diff::report::markdown(&diff(&a, &b), Lang::Pl, "a", "b");
    assert!(md.contains("\n  - zadania: § 22g\n    - Zastępca Dyrektora realizuje zadania z zakresu:\n    - 1\\) bezpośredniego nadzoru nad referatem;\n"), "{md}");
}

#[test]
fn changed_chapter_headings_are_reported_and_replay() {
    let a = old();
    let mut b = a.clone();
    b.chapters.push(schemat::model::Chapter {
        before: d("§ 3"),
        heading: "Rozdział 2".into(),
        title: "Struktura organizacyjna".into(),
    });
    let diff = diff(&a, &b);
    assert_eq!(diff.changes.iter().map(|c| c.kind.tag()).collect::<Vec<_>>(), [ChangeTag::ChaptersChanged]);
    let report = schemat::diff::report::text(&diff, Lang::Pl);
    assert!(report.contains("zmieniono nagłówki rozdziałów: — → § 3 Rozdział 2"), "{report}");
    assert_eq!(replayed(&a, &b), b);
    assert_eq!(replayed(&b, &a), a);
}
