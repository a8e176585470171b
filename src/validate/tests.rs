//! Unit tests of every validation code and of the symbol helpers.

use super::*;
use std::collections::HashSet;

use crate::model::{Designation, Relation, RelationKind, TaskList, TaskPoint, UnitKind};

fn id(s: &str) -> UnitId {
    UnitId::new(s)
}

fn unit(i: &str, parent: Option<&str>, kind: UnitKind, symbol: &str) -> Unit {
    let mut u = Unit::new(id(i), parent.map(id), kind, format!("jednostka {i}"), symbol);
    if !kind.is_division() {
        u.tasks = TaskList { points: TaskPoint::numbered(["zadanie"]), ..TaskList::default() };
    }
    u
}

/// A clean fragment of the IT division after Z58: no findings.
fn it_division() -> Document {
    use UnitKind::*;
    Document {
        units: vec![
            unit("doa", None, Departament, "DOA"),
            unit("it", Some("doa"), Wydzial, "IT"),
            unit("it-d", Some("it"), Dyrektor, "IT"),
            unit("it-ziii", Some("it-d"), ZastepcaDyrektora, "IT-ZIII"),
            unit("it-ss", Some("it-ziii"), Referat, "IT-SS"),
            unit("it-ss-k", Some("it-ss"), KierownikReferatu, "IT-SS"),
            unit("it-ss-1", Some("it-ss"), WieloosoboweStanowiskoPracy, "IT-SS-I"),
            unit("it-ss-4", Some("it-ss"), WieloosoboweStanowiskoPracy, "IT-SS-IV"),
            unit("it-tb", Some("it-d"), Referat, "IT-TB"),
            unit("it-tb-k", Some("it-tb"), KierownikReferatu, "IT-TB"),
            unit("it-tb-1", Some("it-tb"), StanowiskoPracy, "IT-TB-I"),
            unit("om", Some("doa"), Biuro, "OM"),
            unit("om-1", Some("om"), SamodzielneStanowisko, "OM-I"),
        ],
        relations: vec![Relation { kind: RelationKind::NadzorujeBezposrednio, from: id("it-ziii"), to: id("it-tb") }],
        retired: vec!["§ 22".parse().unwrap()],
        ..Document::default()
    }
}

fn unit_mut<'a>(doc: &'a mut Document, i: &str) -> &'a mut Unit {
    doc.units.iter_mut().find(|u| u.id.as_str() == i).unwrap()
}

fn codes(doc: &Document) -> Vec<(Code, Option<String>)> {
    validate(doc).into_iter().map(|f| (f.code, f.unit.map(|u| u.0))).collect()
}

fn only(doc: &Document, code: Code, unit: Option<&str>) {
    assert_eq!(codes(doc), vec![(code, unit.map(str::to_owned))]);
}

#[test]
fn the_reference_structure_has_no_findings() {
    assert_eq!(codes(&it_division()), vec![]);
}

#[test]
fn codes_are_unique_and_kebab_case() {
    let strings: HashSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(strings.len(), Code::ALL.len());
    assert!(strings.iter().all(|s| s.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
}

#[test]
fn duplicate_id() {
    let mut doc = it_division();
    doc.units[12].id = id("om");
    assert!(codes(&doc).contains(&(Code::DuplicateId, Some("om".into()))));
}

#[test]
fn missing_parent_two_roots_and_cycle() {
    let mut doc = it_division();
    unit_mut(&mut doc, "om-1").parent = Some(id("nowhere"));
    only(&doc, Code::MissingParent, Some("om-1"));

    let mut doc = it_division();
    unit_mut(&mut doc, "om").parent = None;
    only(&doc, Code::TwoRoots, Some("om"));

    let mut doc = it_division();
    unit_mut(&mut doc, "it").parent = Some(id("it-ss"));
    let found = codes(&doc);
    assert!(found.contains(&(Code::HierarchyCycle, Some("it".into()))), "{found:?}");
    assert!(found.contains(&(Code::HierarchyCycle, Some("it-ss".into()))), "{found:?}");
}

#[test]
fn under_position() {
    let mut doc = it_division();
    unit_mut(&mut doc, "om-1").kind = UnitKind::StanowiskoPracy;
    doc.units.push(unit("x", Some("om-1"), UnitKind::StanowiskoPracy, "OM-II"));
    only(&doc, Code::UnderPosition, Some("x"));
}

#[test]
fn empty_name() {
    let mut doc = it_division();
    unit_mut(&mut doc, "it-tb-1").name = "  ".into();
    only(&doc, Code::EmptyName, Some("it-tb-1"));
}

#[test]
fn missing_symbol_suggests_one() {
    let mut doc = it_division();
    unit_mut(&mut doc, "it-ss-4").symbol.clear();
    let findings = validate(&doc);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].code, Code::MissingSymbol);
    assert!(findings[0].message(Lang::En).contains("IT-SS-II"), "{}", findings[0].message(Lang::En));
    // A dyrektor may have none.
    let mut doc = it_division();
    unit_mut(&mut doc, "it-d").symbol.clear();
    assert_eq!(codes(&doc), vec![]);
}

#[test]
fn duplicate_symbol_but_not_for_the_kierownik() {
    let mut doc = it_division();
    unit_mut(&mut doc, "it-ss-4").symbol = "IT-SS-I".into();
    only(&doc, Code::DuplicateSymbol, Some("it-ss-4"));
    // Two kierownicy in one referat: the second is a duplicate.
    let mut doc = it_division();
    doc.units.insert(6, unit("it-ss-k2", Some("it-ss"), UnitKind::KierownikReferatu, "IT-SS"));
    only(&doc, Code::DuplicateSymbol, Some("it-ss-k2"));
    // A stanowisko carrying the referat's symbol is a duplicate too.
    let mut doc = it_division();
    unit_mut(&mut doc, "it-ss-4").symbol = "IT-SS".into();
    let found = codes(&doc);
    assert!(found.contains(&(Code::DuplicateSymbol, Some("it-ss-4".into()))), "{found:?}");
}

#[test]
fn symbol_convention() {
    for (unit_id, symbol) in [
        ("it-ss-1", "IT-SS-1"),    // Arabic numeral
        ("it-ss-1", "IT-TB-V"),    // another referat's prefix
        ("it-ss-1", "IT-SS-IIII"), // not a canonical numeral
        ("it-ss", "IT-SS-I"),      // a referat takes letters
        ("it-ss", "OM-SS"),        // wrong division
        ("it-ss-k", "IT-SS-I"),    // a kierownik carries the referat's symbol
        ("it-ziii", "IT-Z3"),      // deputies: Z + Roman numeral
        ("it-ziii", "IT-SS"),
        ("it-d", "IT-X"),
    ] {
        let mut doc = it_division();
        unit_mut(&mut doc, unit_id).symbol = symbol.into();
        let found = codes(&doc);
        assert!(found.contains(&(Code::SymbolConvention, Some(unit_id.into()))), "{symbol}: {found:?}");
    }
    for (unit_id, symbol) in [("it-ziii", "IT-ZI"), ("it-d", "IT-D"), ("it-ss-4", "IT-SS-XIV"), ("it-ss-1", "IT-SS-II")]
    {
        let mut doc = it_division();
        unit_mut(&mut doc, unit_id).symbol = symbol.into();
        assert_eq!(codes(&doc), vec![], "{symbol}");
    }
}

#[test]
fn referat_without_kierownik_and_kierownik_outside_referat() {
    let mut doc = it_division();
    doc.units.retain(|u| u.id.as_str() != "it-tb-k");
    only(&doc, Code::ReferatWithoutKierownik, Some("it-tb"));

    let mut doc = it_division();
    doc.units.push(unit("om-k", Some("om"), UnitKind::KierownikReferatu, "OM"));
    only(&doc, Code::KierownikOutsideReferat, Some("om-k"));
}

#[test]
fn relation_problems() {
    let rel = |kind, from: &str, to: &str| Relation { kind, from: id(from), to: id(to) };
    let mut doc = it_division();
    doc.relations.push(rel(RelationKind::WspolpracujeZ, "it-tb", "ghost"));
    only(&doc, Code::DanglingRelation, Some("it-tb"));

    let mut doc = it_division();
    doc.relations.push(rel(RelationKind::WspolpracujeZ, "it-tb", "it-tb"));
    only(&doc, Code::SelfRelation, Some("it-tb"));

    let mut doc = it_division();
    doc.relations.push(doc.relations[0].clone());
    only(&doc, Code::DuplicateRelation, Some("it-ziii"));

    // IT-SS supervising its own division closes a circle.
    let mut doc = it_division();
    doc.relations.push(rel(RelationKind::NadzorujeBezposrednio, "it-ss", "it"));
    let findings = validate(&doc);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].code, Code::RelationCycle);
    assert_eq!(findings[0].unit, Some(id("it")));
    assert!(findings[0].message(Lang::Pl).contains("IT-ZIII"));
    // Cooperation both ways is not a cycle.
    let mut doc = it_division();
    doc.relations.push(rel(RelationKind::WspolpracujeZ, "it-ss", "it"));
    assert_eq!(codes(&doc), vec![]);
}

#[test]
fn designations() {
    let d = |s: &str| Some(s.parse::<Designation>().unwrap());
    let mut doc = it_division();
    unit_mut(&mut doc, "it-tb").tasks_at = d("§ 14 ust. 1");
    unit_mut(&mut doc, "it-tb-k").tasks_at = d("§ 14 ust. 1");
    only(&doc, Code::DuplicateDesignation, Some("it-tb-k"));

    // The ustęp of a deputy lists the referat it supervises (§ 3 ust. 4): not a duplicate.
    let mut doc = it_division();
    unit_mut(&mut doc, "it-ziii").listed_at = d("§ 3 ust. 4");
    unit_mut(&mut doc, "it-ss").listed_at = d("§ 3 ust. 4");
    unit_mut(&mut doc, "it-ss-k").listed_at = d("§ 3 ust. 4 pkt 1");
    assert_eq!(codes(&doc), vec![]);
    unit_mut(&mut doc, "it-ss-1").listed_at = d("§ 3 ust. 4 pkt 1");
    only(&doc, Code::DuplicateDesignation, Some("it-ss-1"));

    // § 22 is repealed: § 22 ust. 1 must not be reused, § 22g may be used.
    let mut doc = it_division();
    unit_mut(&mut doc, "it-ziii").tasks_at = d("§ 22g");
    assert_eq!(codes(&doc), vec![]);
    unit_mut(&mut doc, "it-ss").tasks_at = d("§ 22 ust. 1");
    only(&doc, Code::RetiredDesignation, Some("it-ss"));
}

#[test]
fn numbering_of_points_and_provisions() {
    use crate::model::Provision;
    let d = |s: &str| s.parse::<Designation>().unwrap();
    let mut doc = it_division();
    let tb = unit_mut(&mut doc, "it-tb");
    tb.tasks_at = Some(d("§ 14 ust. 1"));
    tb.tasks.points =
        vec![TaskPoint::new("1", "a"), TaskPoint::new("2", "b"), TaskPoint::new("2a", "c"), TaskPoint::repealed("3")];
    assert_eq!(codes(&doc), vec![], "2a between 2 and 3, 3 repealed: the rules produce this");
    // A gap: pkt 4 after pkt 2a.
    unit_mut(&mut doc, "it-tb").tasks.points[3] = TaskPoint::new("4", "d");
    only(&doc, Code::LabelSequence, Some("it-tb"));
    // Letters too: lit. b without lit. a.
    let mut doc = it_division();
    let tb = unit_mut(&mut doc, "it-tb");
    tb.tasks_at = Some(d("§ 14 ust. 1"));
    tb.tasks.points = vec![TaskPoint::new("1", "a").with_sub(vec![TaskPoint::new("b", "x")])];
    only(&doc, Code::LabelSequence, Some("it-tb"));

    // A point inside a repealed designation reuses it; a repealed placeholder there does not.
    let mut doc = it_division();
    doc.retired.push(d("§ 14 ust. 1 pkt 2"));
    let tb = unit_mut(&mut doc, "it-tb");
    tb.tasks_at = Some(d("§ 14 ust. 1"));
    tb.tasks.points = vec![TaskPoint::new("1", "a"), TaskPoint::repealed("2")];
    assert_eq!(codes(&doc), vec![]);
    unit_mut(&mut doc, "it-tb").tasks.points[1] = TaskPoint::new("2", "reused");
    only(&doc, Code::RetiredDesignation, Some("it-tb"));
    // A provision in a repealed paragraph.
    let mut doc = it_division();
    doc.provisions.push(Provision::new(d("§ 22 ust. 1"), "tekst"));
    only(&doc, Code::RetiredDesignation, None);
}

#[test]
fn a_draft_keeps_every_designation_in_force() {
    let d = |s: &str| s.parse::<Designation>().unwrap();
    let mut doc = it_division();
    unit_mut(&mut doc, "it-tb").tasks_at = Some(d("§ 14 ust. 1"));
    unit_mut(&mut doc, "it-tb-1").tasks_at = Some(d("§ 14 ust. 3"));
    doc.in_force = Some(doc.piece_designations());
    assert_eq!(codes(&doc), vec![]);
    // Renumbering § 14 ust. 3 to ust. 2 loses a designation in force.
    unit_mut(&mut doc, "it-tb-1").tasks_at = Some(d("§ 14 ust. 2"));
    only(&doc, Code::InForceLost, None);
    // Repealing it keeps it.
    doc.retired.push(d("§ 14 ust. 3"));
    assert_eq!(codes(&doc), vec![]);
}

#[test]
fn a_listing_outside_the_superiors_is_misplaced() {
    let d = |s: &str| Some(s.parse::<Designation>().unwrap());
    let mut doc = it_division();
    unit_mut(&mut doc, "it").listed_at = d("§ 3");
    unit_mut(&mut doc, "it-d").listed_at = d("§ 3 ust. 1");
    unit_mut(&mut doc, "it-tb").listed_at = d("§ 3 ust. 1 pkt 2");
    unit_mut(&mut doc, "it-tb-1").listed_at = d("§ 3 ust. 1 pkt 2 lit. b");
    // A deputy's ust. sits beside the director's in the division's paragraph.
    unit_mut(&mut doc, "it-ziii").listed_at = d("§ 3 ust. 4");
    unit_mut(&mut doc, "it-ss").listed_at = d("§ 3 ust. 4");
    assert_eq!(codes(&doc), vec![]);
    // A position of IT-TB listed in § 9 (another division's paragraph).
    unit_mut(&mut doc, "it-tb-1").listed_at = d("§ 9 pkt 3 lit. b");
    only(&doc, Code::ListingMisplaced, Some("it-tb-1"));
}

#[test]
fn a_task_paragraph_of_unknown_wording_is_not_empty() {
    let mut doc = it_division();
    let tb = unit_mut(&mut doc, "it-tb");
    tb.tasks_at = Some("§ 14 ust. 1".parse().unwrap());
    tb.tasks = TaskList { intro_unknown: true, ..TaskList::default() };
    assert_eq!(codes(&doc), vec![]);
    unit_mut(&mut doc, "it-tb").tasks.intro_unknown = false;
    only(&doc, Code::EmptyTasks, Some("it-tb"));
}

#[test]
fn empty_and_missing_tasks() {
    let mut doc = it_division();
    let tb = unit_mut(&mut doc, "it-tb");
    tb.tasks = TaskList::default();
    tb.tasks_at = Some("§ 14 ust. 1".parse().unwrap());
    only(&doc, Code::EmptyTasks, Some("it-tb"));
    // An intro announcing points that are missing is still empty.
    unit_mut(&mut doc, "it-tb").tasks.intro = "Referat realizuje w szczególności zadania z zakresu:".into();
    only(&doc, Code::EmptyTasks, Some("it-tb"));
    // An intro that is a statement of its own is content (as § 10 ust. 1 of the Regulamin).
    unit_mut(&mut doc, "it-tb").tasks.intro = "Komórki realizują zadania wspólne określone w Regulaminie.".into();
    assert_eq!(codes(&doc), vec![]);
    // A kierownik's list may be only the reference to the shared tasks.
    unit_mut(&mut doc, "it-tb").tasks.intro.clear();
    unit_mut(&mut doc, "it-tb").tasks.shared_ref = Some("§ 11 ust. 2".into());
    assert_eq!(codes(&doc), vec![]);

    let mut doc = it_division();
    unit_mut(&mut doc, "it-tb-1").tasks = TaskList::default();
    only(&doc, Code::MissingTasks, Some("it-tb-1"));
    assert!(!has_problems(&validate(&doc)), "info does not fail validation");
}

#[test]
fn staffing_against_kind() {
    for (unit_id, staffing, code) in [
        ("it-ss-1", 1.0, Some(Code::MultiPersonUnderstaffed)),
        ("it-ss-1", 0.5, Some(Code::MultiPersonUnderstaffed)),
        ("it-ss-1", 3.0, None),
        ("it-tb-1", 2.0, Some(Code::SinglePersonOverstaffed)),
        ("it-tb-1", 0.5, None),
        ("it-tb-1", 0.0, Some(Code::InvalidStaffing)),
        ("it-tb-1", -1.0, Some(Code::InvalidStaffing)),
        ("it-tb-1", f64::NAN, Some(Code::InvalidStaffing)),
    ] {
        let mut doc = it_division();
        unit_mut(&mut doc, unit_id).staffing = Some(staffing);
        let expected: Vec<_> = code.into_iter().map(|c| (c, Some(unit_id.to_owned()))).collect();
        assert_eq!(codes(&doc), expected, "{unit_id} {staffing}");
    }
}

#[test]
fn findings_are_sorted_by_document_order_then_severity() {
    let mut doc = it_division();
    unit_mut(&mut doc, "om-1").name.clear();
    unit_mut(&mut doc, "it-tb-1").symbol = "IT-TB-1".into();
    unit_mut(&mut doc, "it-tb-1").name.clear();
    doc.relations.push(Relation { kind: RelationKind::WspolpracujeZ, from: id("ghost"), to: id("om") });
    let found = codes(&doc);
    assert_eq!(
        found,
        vec![
            (Code::DanglingRelation, None),
            (Code::EmptyName, Some("it-tb-1".into())),
            (Code::SymbolConvention, Some("it-tb-1".into())),
            (Code::EmptyName, Some("om-1".into())),
        ]
    );
    assert_eq!(validate(&doc), validate(&doc.clone()));
}

#[test]
fn suggests_symbols_by_the_convention() {
    let doc = it_division();
    let s = |parent: &str, kind| suggest_symbol(&doc, &id(parent), kind);
    assert_eq!(s("it-ss", UnitKind::WieloosoboweStanowiskoPracy).as_deref(), Some("IT-SS-V"));
    assert_eq!(s("it-ss", UnitKind::KierownikReferatu).as_deref(), Some("IT-SS"));
    assert_eq!(s("it-tb", UnitKind::StanowiskoPracy).as_deref(), Some("IT-TB-II"));
    assert_eq!(s("it-d", UnitKind::ZastepcaDyrektora).as_deref(), Some("IT-ZIV"));
    assert_eq!(s("it", UnitKind::SamodzielneStanowisko).as_deref(), Some("IT-I"));
    assert_eq!(s("om", UnitKind::SamodzielneStanowisko).as_deref(), Some("OM-II"));
    assert_eq!(s("it", UnitKind::Dyrektor).as_deref(), Some("IT"));
    assert_eq!(s("it", UnitKind::Referat), None);
    assert_eq!(s("nowhere", UnitKind::StanowiskoPracy), None);
}

#[test]
fn roman_numerals() {
    for (n, r) in [(1, "I"), (3, "III"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (1994, "MCMXCIV")] {
        assert_eq!(to_roman(n), r);
        assert_eq!(roman_value(r), Some(n));
    }
    for bad in ["", "IIII", "IL", "VX", "i", "1", "IIV"] {
        assert_eq!(roman_value(bad), None, "{bad}");
    }
}

#[test]
fn a_referat_code_that_reads_as_a_numeral_does_not_count_as_a_position() {
    let mut doc = it_division();
    doc.units.push(unit("it-cd", Some("it-d"), UnitKind::Referat, "IT-CD"));
    doc.units.push(unit("it-cd-k", Some("it-cd"), UnitKind::KierownikReferatu, "IT-CD"));
    assert_eq!(codes(&doc), vec![]);
    assert_eq!(suggest_symbol(&doc, &id("it"), UnitKind::StanowiskoPracy).as_deref(), Some("IT-I"));
}

#[test]
fn a_unit_that_is_its_own_parent_is_a_cycle() {
    let mut doc = it_division();
    unit_mut(&mut doc, "om-1").parent = Some(id("om-1"));
    let found = codes(&doc);
    assert!(found.contains(&(Code::HierarchyCycle, Some("om-1".into()))), "{found:?}");
}

#[test]
fn every_finding_has_a_polish_and_an_english_message() {
    let mut doc = it_division();
    doc.units.push(unit("om", Some("om"), UnitKind::Zespol, ""));
    doc.units.push(unit("x", Some("ghost"), UnitKind::KierownikReferatu, "OM-1"));
    doc.units.push(unit("y", None, UnitKind::WieloosoboweStanowiskoPracy, "OM-I"));
    unit_mut(&mut doc, "y").staffing = Some(1.0);
    unit_mut(&mut doc, "it-tb-1").staffing = Some(-2.0);
    unit_mut(&mut doc, "it-tb-1").name.clear();
    doc.relations.push(Relation { kind: RelationKind::WspolpracujeZ, from: id("it"), to: id("it") });
    let findings = validate(&doc);
    assert!(findings.len() >= 8, "{findings:?}");
    for f in &findings {
        let (pl, en) = (f.message(Lang::Pl), f.message(Lang::En));
        assert!(!pl.is_empty() && !en.is_empty() && pl != en, "{}: {pl} / {en}", f.code);
        assert_eq!(f.severity, f.code.severity());
    }
}

#[test]
fn a_deep_chain_of_directors_and_deputies_is_validated_in_one_pass() {
    // 10 000 people above each other under IT: each looked up its division by
    // walking all its ancestors, seconds of work; now every chain is walked once.
    let mut doc = it_division();
    let depth = 10_000;
    let mut parent = "it".to_owned();
    for i in 0..depth {
        let (kind, symbol) =
            if i % 2 == 0 { (UnitKind::Dyrektor, "IT") } else { (UnitKind::ZastepcaDyrektora, "IT-ZI") };
        let id = format!("chain{i}");
        let mut u = unit(&id, Some(&parent), kind, symbol);
        u.symbol = if kind == UnitKind::Dyrektor { String::new() } else { symbol.to_owned() };
        doc.units.push(u);
        parent = id;
    }
    doc.units.push(unit("deep-ok", Some(&parent), UnitKind::SamodzielneStanowisko, "IT-II"));
    doc.units.push(unit("deep-bad", Some(&parent), UnitKind::SamodzielneStanowisko, "OM-III"));
    let found: Vec<_> = codes(&doc).into_iter().filter(|(code, _)| *code != Code::DuplicateSymbol).collect();
    assert_eq!(found, vec![(Code::SymbolConvention, Some("deep-bad".to_owned()))]);
}
