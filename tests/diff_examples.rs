//! The diff of the example pair says what zarządzenie nr 58/12/2021
//! (shared/reference/zarzadzenie-58-12-2021.md) says, by designation, and
//! touches nothing the ordinance does not amend.
//!
//! The assertions are on the ordinance's content, not on how a file version
//! stores it: a repeal is found whether the file keeps a repealed placeholder
//! in a task list or a repealed designation (as version 1 files do), and an old
//! wording the ordinance does not quote may be known or unknown.

use std::collections::HashSet;
use std::fmt;
use std::path::Path;

use schemat::diff::{ChangeKind, Diff, PointChange, diff};
use schemat::i18n::Lang;
use schemat::model::{Designation, Document, PieceState, Unit};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

fn examples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

fn load(name: &str) -> Document {
    schemat::io::load(&examples().join(name)).unwrap()
}

fn pair() -> (Document, Document, Diff) {
    let (old, new) = (load("doa-2021.ron"), load("doa-2022.ron"));
    let d = diff(&old, &new);
    (old, new, d)
}

fn d(s: &str) -> Designation {
    s.parse().unwrap()
}

/// The designation of every point change, with the change.
fn point_changes(diff: &Diff) -> Vec<(Designation, &PointChange)> {
    diff.changes
        .iter()
        .filter_map(|c| match &c.kind {
            ChangeKind::TaskPoint { point } => {
                let tasks = diff.units[c.unit?].tasks.as_ref()?;
                Some((tasks.designation_of(point)?, point))
            }
            _ => None,
        })
        .collect()
}

/// True when the diff repeals `at`, in whichever way the files record it:
/// a repealed designation, a point turned into a placeholder, or a removed
/// unit's listing or tasks repealed.
fn repealed(diff: &Diff, at: &Designation) -> bool {
    diff.changes.iter().any(|c| match &c.kind {
        ChangeKind::DesignationRetired { designation } => designation == at,
        ChangeKind::UnitRemoved { repealed, .. } => repealed.contains(at),
        ChangeKind::ProvisionRepealed { provision } => &provision.at == at,
        _ => false,
    }) || point_changes(diff).iter().any(|(d, p)| d == at && matches!(p, PointChange::Repealed { .. }))
}

/// The new wording the diff gives the point at `at`.
fn new_wording(diff: &Diff, at: &Designation) -> Option<String> {
    point_changes(diff).into_iter().find(|(d, _)| d == at).and_then(|(_, p)| match p {
        PointChange::Added { text, .. } => Some(text.clone()),
        PointChange::Edited { words, .. } | PointChange::StateChanged { words, .. } => Some(words.side(false)),
        _ => None,
    })
}

/// The old wording of the point at `at`, when the old version knows it.
fn old_wording(diff: &Diff, at: &Designation) -> Option<String> {
    point_changes(diff).into_iter().find(|(d, _)| d == at).and_then(|(_, p)| match p {
        PointChange::Edited { words, .. } => Some(words.side(true)),
        _ => None,
    })
}

/// The unit an added entry carries, by symbol (the first added unit with it).
fn added<'a>(diff: &'a Diff, symbol: &str, kind_name: &str) -> &'a Unit {
    diff.changes
        .iter()
        .find_map(|c| match &c.kind {
            ChangeKind::UnitAdded { unit } if unit.symbol == symbol && unit.name.contains(kind_name) => Some(&**unit),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{symbol} ({kind_name}) is not added"))
}

/// The labels and wordings of a task list's points.
fn points(unit: &Unit) -> Vec<(String, String)> {
    unit.tasks.points.iter().map(|p| (p.label.clone(), p.text.clone())).collect()
}

#[test]
fn the_new_deputy_and_its_referat_are_added_with_the_tasks_of_22g_and_22h() {
    let (_, _, diff) = pair();
    // § 1 pkt 1 lit. c and pkt 10: § 3 ust. 4 lists IT-ZIII and IT-SS; § 22g and § 22h hold their tasks.
    let deputy = added(&diff, "IT-ZIII", "Zastępca Dyrektora");
    assert_eq!(deputy.listed_at, Some(d("§ 3 ust. 4")));
    assert_eq!(deputy.tasks_at, Some(d("§ 22g")));
    assert_eq!(
        deputy.tasks.intro,
        "Zastępca Dyrektora ds. wsparcia użytkowników realizuje w szczególności zadania z zakresu:"
    );
    let tasks = points(deputy);
    assert_eq!(
        tasks.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>(),
        ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]
    );
    assert_eq!(
        tasks[0].1,
        "bezpośredniego nadzoru nad realizacją zadań wykonywanych przez referat, o którym mowa w § 22h"
    );
    assert_eq!(tasks[2].1, "zapewnienia oprogramowania i sprzętu komputerowego");
    assert!(tasks[9].1.starts_with("współpracy z komórkami organizacyjnymi i stanowiskami pracy w departamentach"));
    // § 22h ust. 1-6: the referat, its kierownik and the four position groups, with their point counts.
    for (symbol, name, at, count) in [
        ("IT-SS", "referat ds. serwisu", "§ 22h ust. 1", 11),
        ("IT-SS", "kierownik", "§ 22h ust. 2", 12),
        ("IT-SS-I", "inżynier serwisu", "§ 22h ust. 3", 11),
        ("IT-SS-II", "ds. serwisu sprzętu", "§ 22h ust. 4", 14),
        ("IT-SS-III", "ds. pomocy technicznej", "§ 22h ust. 5", 7),
        ("IT-SS-IV", "ds. dokumentacji technicznych", "§ 22h ust. 6", 8),
    ] {
        let unit = added(&diff, symbol, name);
        assert_eq!(unit.tasks_at, Some(d(at)), "{symbol} {name}");
        assert_eq!(unit.tasks.points.len(), count, "{symbol} {name}");
        assert!(unit.tasks.points.iter().all(|p| p.state == PieceState::Text), "{symbol} {name}");
    }
    let kierownik = added(&diff, "IT-SS", "kierownik");
    assert_eq!(kierownik.tasks.shared_ref.as_deref(), Some("§ 11 ust. 2"));
    assert_eq!(kierownik.listed_at, Some(d("§ 3 ust. 4 pkt 1")));
}

#[test]
fn the_repeals_of_the_ordinance_are_repeals() {
    let (_, _, diff) = pair();
    // § 1 pkt 1 lit. b, pkt 7, pkt 8 lit. b and pkt 9.
    for at in ["§ 3 ust. 2 pkt 2 lit. d", "§ 3 ust. 2 pkt 3", "§ 19 pkt 3", "§ 21 ust. 5", "§ 22"] {
        assert!(repealed(&diff, &d(at)), "{at} is not repealed");
    }
    // § 19 pkt 3 is a task point: its change says so, with its last wording.
    let (_, change) = point_changes(&diff).into_iter().find(|(d, _)| *d == self::d("§ 19 pkt 3")).unwrap();
    assert!(
        matches!(change, PointChange::Repealed { text, .. } if text.is_empty() || text.ends_with("o którym mowa w § 22")),
        "{change:?}"
    );
    // Nothing the ordinance keeps is reported as deleted.
    let deleted: Vec<_> = point_changes(&diff)
        .into_iter()
        .filter(|(_, p)| matches!(p, PointChange::Removed { .. }))
        .map(|(d, _)| d.to_string())
        .collect();
    assert!(deleted.is_empty(), "{deleted:?}");
}

#[test]
fn the_points_added_and_rewritten_read_as_the_ordinance_has_them() {
    let (_, _, diff) = pair();
    // § 1 pkt 8 lit. a: § 21 ust. 4 pkt 14-18.
    for (at, text) in [
        ("§ 21 ust. 4 pkt 14", "obsługi systemu zgłoszeń serwisowych"),
        ("§ 21 ust. 4 pkt 15", "diagnostyki uszkodzeń sieci komputerowych"),
        ("§ 21 ust. 4 pkt 16", "rozbudowy i modernizacji sieci i okablowania"),
        ("§ 21 ust. 4 pkt 17", "monitorowania stanu sieci"),
        ("§ 21 ust. 4 pkt 18", "wsparcia użytkowników w zakresie działania sieci teleinformatycznej"),
    ] {
        let change = point_changes(&diff).into_iter().find(|(d, _)| *d == self::d(at)).map(|(_, p)| p.clone());
        assert!(matches!(&change, Some(PointChange::Added { text: t, .. }) if t == text), "{at}: {change:?}");
    }
    // § 1 pkt 4, 5 and 11.
    assert_eq!(
        new_wording(&diff, &d("§ 12 pkt 2")).as_deref(),
        Some(
            "związane z bezpośrednim nadzorem nad realizacją zadań wykonywanych przez stanowisko pracy i referaty, o których mowa w §13-16"
        )
    );
    assert_eq!(
        new_wording(&diff, &d("§ 13 pkt 1")).as_deref(),
        Some("obsługi sekretarskiej i administracyjnej Dyrektora Wydziału i Zastępców Dyrektora Wydziału")
    );
    let ends = |at: &str, end: &str| {
        let wording = new_wording(&diff, &d(at)).unwrap_or_default();
        assert!(wording.ends_with(end), "{at}: {wording}");
    };
    ends("§ 25 ust. 3 pkt 7", "nieodpłatnego poradnictwa obywatelskiego oraz edukacji prawnej");
    ends("§ 25 ust. 3 pkt 11", "lub świadczone nieodpłatne poradnictwo obywatelskie");
    ends("§ 25 ust. 3 pkt 14", "oraz zadań z zakresu edukacji prawnej");
    // § 1 pkt 2 and 13: OM-IU-IV, § 9 pkt 3 lit. e and § 70 ust. 6.
    let cudzoziemcy = added(&diff, "OM-IU-IV", "Punkt Obsługi Cudzoziemców");
    assert_eq!(cudzoziemcy.listed_at, Some(d("§ 9 pkt 3 lit. e")));
    assert_eq!(cudzoziemcy.tasks_at, Some(d("§ 70 ust. 6")));
    assert_eq!(cudzoziemcy.tasks.points.len(), 13);
}

#[test]
fn the_obwieszczenie_replacements_change_only_those_words() {
    let (_, _, diff) = pair();
    // § 1 pkt 3 and pkt 12 replace one citation each, and nothing else in those points.
    let item_3 = (
        "(j.t. Obwieszczenie Prezydenta Miasta Lublin z dnia 10 listopada 2020 r. z późn. zm.)",
        "(j.t. Obwieszczenie Prezydenta Miasta Lublin z dnia 29 października 2021 r.)",
    );
    let item_12 = (
        "(j.t. Obwieszczenie Prezydenta Miasta Lublin z dnia 10 listopada 2020 r.)",
        "(j.t. Obwieszczenie Prezydenta Miasta Lublin z dnia 29 października 2021 r. z późn. zm.)",
    );
    let item_3_places = [
        "§ 12 pkt 1",
        "§ 23 pkt 1",
        "§ 25 ust. 1 pkt 2",
        "§ 25 ust. 3 pkt 2",
        "§ 34 pkt 1",
        "§ 42 pkt 1",
        "§ 56 pkt 1",
        "§ 63 pkt 1",
        "§ 67 pkt 1",
    ];
    let item_12_places = ["§ 27 ust. 1 pkt 6", "§ 27 ust. 3 pkt 14"];
    for (places, (from, to)) in [(&item_3_places[..], item_3), (&item_12_places[..], item_12)] {
        for place in places {
            let new = new_wording(&diff, &d(place)).unwrap_or_else(|| panic!("{place} unchanged"));
            assert!(new.contains(to), "{place}: {new}");
            if let Some(old) = old_wording(&diff, &d(place)) {
                assert!(old.contains(from), "{place}: {old}");
                assert_eq!(old.replace(from, to), new, "{place}");
            }
        }
    }
    // § 10 ust. 1, the department's lead sentence (or provision).
    let ten = diff.changes.iter().find_map(|c| match &c.kind {
        ChangeKind::TasksIntroChanged { words, .. } => Some(words.side(false)),
        ChangeKind::ProvisionChanged { at, words, .. } if at.is_within(&d("§ 10")) => Some(words.side(false)),
        _ => None,
    });
    assert!(ten.is_some_and(|t| t.contains(item_3.1)));
}

/// The paragraphs zarządzenie nr 58/12/2021 amends.
const AMENDED: [&str; 20] = [
    "3", "9", "10", "12", "13", "14", "19", "21", "22", "22g", "22h", "23", "25", "27", "34", "42", "56", "63", "67",
    "70",
];

/// The paragraphs a change concerns.
fn paragraphs(diff: &Diff, change: &schemat::diff::Change) -> Vec<String> {
    let unit = change.unit.map(|e| &diff.units[e]);
    let mut out: Vec<&Designation> = Vec::new();
    let designations;
    match &change.kind {
        ChangeKind::DesignationRetired { designation } | ChangeKind::DesignationUnretired { designation } => {
            out.push(designation)
        }
        ChangeKind::ProvisionAdded { provision }
        | ChangeKind::ProvisionRemoved { provision, .. }
        | ChangeKind::ProvisionRepealed { provision } => out.push(&provision.at),
        ChangeKind::ProvisionChanged { at, .. } => out.push(at),
        ChangeKind::UnitAdded { unit } | ChangeKind::UnitRemoved { unit, .. } => {
            out.extend(unit.listed_at.iter().chain(&unit.tasks_at))
        }
        ChangeKind::ListedAtChanged { old, new } | ChangeKind::TasksAtChanged { old, new } => {
            out.extend(old.iter().chain(new))
        }
        ChangeKind::TaskPoint { point } => {
            designations = diff.units[change.unit.unwrap()].tasks.as_ref().and_then(|t| t.designation_of(point));
            out.extend(designations.iter());
        }
        _ => out.extend(unit.and_then(|u| u.tasks_at.as_ref())),
    }
    out.iter().map(|d| d.paragraph_label().to_owned()).collect()
}

#[test]
fn nothing_outside_the_amended_paragraphs_changes() {
    let (_, _, diff) = pair();
    for change in &diff.changes {
        let document = matches!(
            change.kind,
            ChangeKind::MetadataChanged { .. }
                | ChangeKind::ChartOptionsChanged { .. }
                | ChangeKind::ChaptersChanged { .. }
                | ChangeKind::InForceChanged { .. }
        );
        if document {
            continue;
        }
        let paragraphs = paragraphs(&diff, change);
        let shown = schemat::diff::report::change_text(&diff, Lang::Pl, change);
        assert!(!paragraphs.is_empty(), "a change without a designation: {shown}");
        for p in paragraphs {
            assert!(AMENDED.contains(&p.as_str()), "§ {p} is not amended by the ordinance: {shown}");
        }
        assert!(!matches!(change.kind, ChangeKind::Matched { .. } | ChangeKind::Moved { .. }), "{shown}");
    }
}

#[test]
fn the_example_diff_replays_onto_the_2021_version() {
    let (old, new, d) = pair();
    let mut doc = old.clone();
    for edit in d.to_edits().unwrap() {
        schemat::model::apply(&mut doc, edit).unwrap();
    }
    assert_eq!(doc, new);
    assert!(d.units.iter().all(|e| e.matched_by != Some(schemat::diff::MatchKey::Symbol)));
}

#[test]
fn the_text_report_quotes_the_new_22g_and_22h() {
    let (_, _, d) = pair();
    let report = schemat::diff::report::text(&d, Lang::Pl);
    let lines: Vec<&str> = report.lines().map(str::trim_start).collect();
    for expected in [
        "IT-ZIII Zastępca Dyrektora ds. wsparcia użytkowników: dodano (zastępca dyrektora, IT)",
        "zadania: § 22g",
        "Zastępca Dyrektora ds. wsparcia użytkowników realizuje w szczególności zadania z zakresu:",
        "1) bezpośredniego nadzoru nad realizacją zadań wykonywanych przez referat, o którym mowa w § 22h;",
        "10) współpracy z komórkami organizacyjnymi i stanowiskami pracy w departamentach w zakresie wdrażania i przestrzegania standardów i procedur dotyczących funkcjonowania systemów informatycznych.",
        "zadania: § 22h ust. 1",
        "Referat ds. serwisu sprzętu i oprogramowania realizuje w szczególności zadania z zakresu:",
        "2) zarządzania stacjami roboczymi;",
        "11) uczestniczenia w procesie zarządzania uprawnieniami użytkowników systemów teleinformatycznych.",
        "zadania: § 22h ust. 2",
        "Kierownik referatu realizuje zadania określone w § 11 ust. 2 Regulaminu oraz zadania z zakresu:",
        "zadania: § 22h ust. 6",
        "8) obsługi zgłoszeń dotyczących zadań związanych ze stanowiskiem pracy.",
        "wykaz: § 3 ust. 4 pkt 5",
        "IT-SS kierownik referatu: dodano (kierownik referatu, referat ds. serwisu sprzętu i oprogramowania (IT-SS))",
        "IT-ZI Zastępca Dyrektora: uchylono § 19 pkt 3",
        "§ 21 ust. 4 pkt 18: dodano",
        "jest: wsparcia użytkowników w zakresie działania sieci teleinformatycznej",
    ] {
        assert!(lines.iter().any(|l| l.ends_with(expected)), "missing {expected:?} in\n{report}");
    }
    // A rewritten point: reworded, or worded for the first time where the old wording is unknown.
    assert!(
        lines.iter().any(|l| l.ends_with("§ 25 ust. 3 pkt 7: zmieniono brzmienie")
            || l.ends_with("§ 25 ust. 3 pkt 7: podano brzmienie")),
        "{report}"
    );
    assert!(!report.contains("wycofano"), "{report}");
    // The Markdown report quotes them too, without reading "1)" as a list of its own.
    let md = schemat::diff::report::markdown(&d, Lang::Pl, "doa-2021.ron", "doa-2022.ron");
    assert!(
        md.contains(
            "- 1\\) bezpośredniego nadzoru nad realizacją zadań wykonywanych przez referat, o którym mowa w § 22h;\n"
        ),
        "{md}"
    );
}

/// Any JSON value, read with every object checked for a key given twice
/// (serde_json keeps the last of duplicate keys silently; strict parsers refuse them).
struct Strict;

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Strict;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Strict, E> {
        Ok(Strict)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Strict, E> {
        Ok(Strict)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Strict, E> {
        Ok(Strict)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Strict, E> {
        Ok(Strict)
    }

    fn visit_str<E>(self, _: &str) -> Result<Strict, E> {
        Ok(Strict)
    }

    fn visit_unit<E>(self) -> Result<Strict, E> {
        Ok(Strict)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Strict, A::Error> {
        while seq.next_element::<Strict>()?.is_some() {}
        Ok(Strict)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Strict, A::Error> {
        let mut keys = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !keys.insert(key.clone()) {
                return Err(de::Error::custom(format!("duplicate key {key:?}")));
            }
            map.next_value::<Strict>()?;
        }
        Ok(Strict)
    }
}

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor)
    }
}

fn strict_json(text: &str) -> Result<(), String> {
    serde_json::from_str::<Strict>(text).map(|_| ()).map_err(|e| e.to_string())
}

#[test]
fn the_duplicate_key_check_refuses_duplicates() {
    assert!(strict_json(r#"{"a": [1, {"b": true, "c": null}], "d": "x"}"#).is_ok());
    let err = strict_json(r#"{"unit": {"id": "x"}, "kind": "unit_added", "unit": {}}"#).unwrap_err();
    assert!(err.contains("duplicate key \"unit\""), "{err}");
    assert!(strict_json(r#"[{"a": 1, "b": {"a": 2, "a": 3}}]"#).is_err());
}

#[test]
fn the_json_report_of_the_pair_has_no_duplicate_keys_and_cites_labels() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_schemat"))
        .args(["diff", "--format", "json"])
        .arg(examples().join("doa-2021.ron"))
        .arg(examples().join("doa-2022.ron"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    strict_json(&text).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let changes = value["changes"].as_array().unwrap();
    let deputy = changes.iter().find(|c| c["kind"] == "unit_added" && c["unit"]["symbol"] == "IT-ZIII").unwrap();
    assert_eq!(deputy["unit"]["listed_at"], "§ 3 ust. 4");
    assert_eq!(deputy["unit"]["tasks_at"], "§ 22g");
    assert_eq!(deputy["new_unit"]["tasks"]["points"][9]["label"], "10");
    let removed = changes.iter().find(|c| c["kind"] == "unit_removed").unwrap();
    assert!(removed["unit"]["tasks_at"].is_string() && removed["old_unit"]["id"].is_string(), "{removed}");
    let added_point = changes.iter().find(|c| c["point_designation"] == "§ 21 ust. 4 pkt 14").unwrap();
    assert_eq!(added_point["point"]["change"], "added");
    assert_eq!(added_point["point"]["new"], serde_json::json!(["14"]));
    let repeal = changes.iter().find(|c| c["point_designation"] == "§ 19 pkt 3").unwrap();
    assert_eq!(repeal["point"]["change"], "repealed");
    assert_eq!(repeal["point"]["old"], serde_json::json!(["3"]));
}
