//! The diff of the example pair lists exactly the changes of zarządzenie nr
//! 58/12/2021 (shared/reference/zarzadzenie-58-12-2021.md) and nothing else.

use std::path::Path;

use schemat::diff::{ChangeKind, Diff, PointChange, diff};
use schemat::model::{Designation, Document};

fn load(name: &str) -> Document {
    schemat::io::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name)).unwrap()
}

fn pair() -> (Document, Document, Diff) {
    let (old, new) = (load("doa-2021.ron"), load("doa-2022.ron"));
    let d = diff(&old, &new);
    (old, new, d)
}

/// "pkt 3 lit. b" under the unit's task designation.
fn point(d: &Diff, unit: Option<usize>, path: &[usize]) -> String {
    let at = unit.and_then(|e| d.units[e].tasks_at.as_ref()).map(|t| format!("{t} ")).unwrap_or_default();
    let mut out = format!("{at}pkt {}", path[0] + 1);
    for &k in &path[1..] {
        out.push_str(&format!(" lit. {}", char::from(b'a' + k as u8)));
    }
    out
}

fn shown(designation: &Option<Designation>) -> String {
    designation.as_ref().map_or_else(|| "-".to_owned(), ToString::to_string)
}

/// One short line per change: what happened, to which unit (symbol, or name when it has none) or point.
fn summary(d: &Diff) -> Vec<String> {
    d.changes
        .iter()
        .map(|c| {
            let unit = c.unit.map(|e| &d.units[e]);
            let who =
                unit.map(|u| if u.symbol.is_empty() { u.name.clone() } else { u.symbol.clone() }).unwrap_or_default();
            match &c.kind {
                ChangeKind::MetadataChanged { .. } => "metadata".to_owned(),
                ChangeKind::DesignationRetired { designation } => format!("retired {designation}"),
                ChangeKind::UnitAdded { .. } => format!("added {who}"),
                ChangeKind::UnitRemoved => format!("removed {who}"),
                ChangeKind::SymbolChanged { old, new } => format!("symbol {old} -> {new}"),
                ChangeKind::ListedAtChanged { old, new } => {
                    format!("listed_at {who}: {} -> {}", shown(old), shown(new))
                }
                ChangeKind::TasksAtChanged { old, new } => format!("tasks_at {who}: {} -> {}", shown(old), shown(new)),
                ChangeKind::TasksIntroChanged { .. } => format!("intro {who}"),
                ChangeKind::TaskPoint { point: PointChange::Added { new, .. } } => {
                    format!("added {}", point(d, c.unit, new))
                }
                ChangeKind::TaskPoint { point: PointChange::Removed { old, .. } } => {
                    format!("removed {}", point(d, c.unit, old))
                }
                ChangeKind::TaskPoint { point: PointChange::Edited { new, .. } } => {
                    format!("edited {}", point(d, c.unit, new))
                }
                other => format!("unexpected {other:?} of {who}"),
            }
        })
        .collect()
}

#[test]
fn the_example_diff_lists_exactly_the_ordinances_changes() {
    let (_, _, d) = pair();
    let expected = [
        // The file's version label and effective date.
        "metadata",
        // § 1 pkt 1 lit. b, pkt 7, 8 lit. b and 9: repealed designations stay retired.
        "retired § 3 ust. 2 pkt 2 lit. d",
        "retired § 3 ust. 2 pkt 3",
        "retired § 19 pkt 3",
        "retired § 21 ust. 5",
        "retired § 22",
        // § 1 pkt 3: § 10 ust. 1 (the department's lead sentence), then § 12 pkt 1.
        "intro Departament Organizacji i Administracji",
        "edited § 12 pkt 1",
        // § 1 pkt 4 and 5.
        "edited § 12 pkt 2",
        "edited § 13 pkt 1",
        // § 1 pkt 1 lit. a and pkt 6: the IT-TB composition and § 14.
        "added § 14 ust. 1 pkt 5",
        "added § 14 ust. 2 pkt 6",
        "added IT-TB-I",
        "symbol IT-TB-I -> IT-TB-II",
        "listed_at IT-TB-II: § 3 ust. 1 pkt 2 lit. b -> § 3 ust. 1 pkt 2 lit. c",
        "tasks_at IT-TB-II: § 14 ust. 3 -> § 14 ust. 4",
        "added § 14 ust. 4 pkt 4",
        // § 1 pkt 7: § 19 pkt 3 of the deputy.
        "removed § 19 pkt 3",
        // § 1 pkt 8 lit. a: § 21 ust. 4 pkt 14-18.
        "added § 21 ust. 4 pkt 14",
        "added § 21 ust. 4 pkt 15",
        "added § 21 ust. 4 pkt 16",
        "added § 21 ust. 4 pkt 17",
        "added § 21 ust. 4 pkt 18",
        // § 1 pkt 1 lit. b and pkt 8 lit. b: § 3 ust. 2 pkt 2 lit. d, the unit of § 21 ust. 5.
        "removed stanowisko pracy (§ 21 ust. 5)",
        // § 1 pkt 1 lit. b and pkt 9: § 3 ust. 2 pkt 3, the referat of § 22 with its positions.
        "removed referat (§ 22)",
        "removed kierownik referatu",
        "removed stanowisko pracy (§ 22 ust. 3)",
        // § 1 pkt 1 lit. c and pkt 10: IT-ZIII (§ 22g) and IT-SS with its positions (§ 22h).
        "added IT-ZIII",
        "added IT-SS",
        "added IT-SS",
        "added IT-SS-I",
        "added IT-SS-II",
        "added IT-SS-III",
        "added IT-SS-IV",
        // § 1 pkt 3, continued: § 23 pkt 1, § 25 ust. 1 pkt 2 and ust. 3 pkt 2.
        "edited § 23 pkt 1",
        "edited § 25 ust. 1 pkt 2",
        "edited § 25 ust. 3 pkt 2",
        // § 1 pkt 11: § 25 ust. 3 pkt 7, 11 and 14.
        "edited § 25 ust. 3 pkt 7",
        "edited § 25 ust. 3 pkt 11",
        "edited § 25 ust. 3 pkt 14",
        // § 1 pkt 12: § 27 ust. 1 pkt 6 and ust. 3 pkt 14.
        "edited § 27 ust. 1 pkt 6",
        "edited § 27 ust. 3 pkt 14",
        // § 1 pkt 3, continued: § 34, 42, 56, 63 and 67 pkt 1.
        "edited § 34 pkt 1",
        "edited § 42 pkt 1",
        "edited § 56 pkt 1",
        "edited § 63 pkt 1",
        "edited § 67 pkt 1",
        // § 1 pkt 2 and 13: OM-IU-IV (§ 9 pkt 3 lit. e, § 70 ust. 6).
        "added OM-IU-IV",
    ];
    assert_eq!(summary(&d), expected);
}

/// The old and the new wording of every edited point or lead sentence.
fn wordings(d: &Diff) -> Vec<(String, String, String)> {
    d.changes
        .iter()
        .filter_map(|c| {
            let (label, words) = match &c.kind {
                ChangeKind::TaskPoint { point: PointChange::Edited { new, words, .. } } => {
                    (point(d, c.unit, new), words)
                }
                ChangeKind::TasksIntroChanged { words } => ("intro".to_owned(), words),
                _ => return None,
            };
            Some((label, words.side(true), words.side(false)))
        })
        .collect()
}

#[test]
fn the_obwieszczenie_replacements_change_only_those_words() {
    let (_, _, d) = pair();
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
        "intro",
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
    let all = wordings(&d);
    for (places, (from, to)) in [(&item_3_places[..], item_3), (&item_12_places[..], item_12)] {
        for place in places {
            let (_, old, new) = all.iter().find(|(label, _, _)| label == place).unwrap();
            assert!(old.contains(from), "{place}: {old}");
            assert_eq!(&old.replace(from, to), new, "{place}");
        }
    }
}

#[test]
fn the_rewritten_points_read_as_the_ordinance_has_them() {
    let (_, _, d) = pair();
    let all = wordings(&d);
    let new_of = |place: &str| all.iter().find(|(label, _, _)| label == place).map(|(_, _, new)| new.clone()).unwrap();
    assert_eq!(
        new_of("§ 12 pkt 2"),
        "związane z bezpośrednim nadzorem nad realizacją zadań wykonywanych przez stanowisko pracy i referaty, o których mowa w §13-16"
    );
    assert_eq!(
        new_of("§ 13 pkt 1"),
        "obsługi sekretarskiej i administracyjnej Dyrektora Wydziału i Zastępców Dyrektora Wydziału"
    );
    assert!(new_of("§ 25 ust. 3 pkt 7").ends_with("nieodpłatnego poradnictwa obywatelskiego oraz edukacji prawnej"));
    assert!(new_of("§ 25 ust. 3 pkt 11").ends_with("lub świadczone nieodpłatne poradnictwo obywatelskie"));
    assert!(new_of("§ 25 ust. 3 pkt 14").ends_with("oraz zadań z zakresu edukacji prawnej"));
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
fn the_text_report_cites_units_and_designations() {
    let (_, _, d) = pair();
    let report = schemat::diff::report::text(&d, schemat::i18n::Lang::Pl);
    for expected in [
        "Departament Organizacji i Administracji: § 10 ust. 1: zmieniono wprowadzenie do wyliczenia zadań",
        "IT-ZI Zastępca Dyrektora: § 19 pkt 3: usunięto",
        "IT-SS-IV wieloosobowe stanowisko pracy ds. dokumentacji technicznych: dodano (wieloosobowe stanowisko pracy, IT-SS)",
        "OM-IU-IV wieloosobowe stanowisko pracy Punkt Obsługi Cudzoziemców: dodano (wieloosobowe stanowisko pracy, OM-IU)",
        "    jest: wsparcia użytkowników w zakresie działania sieci teleinformatycznej",
    ] {
        assert!(report.lines().any(|l| l == expected), "missing {expected:?} in\n{report}");
    }
    assert!(report.lines().any(|l| l.ends_with("§ 25 ust. 3 pkt 7: zmieniono brzmienie")), "{report}");
}
