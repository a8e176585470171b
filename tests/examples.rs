//! The shipped examples: the Departament Organizacji i Administracji before and
//! after zarządzenie nr 58/12/2021, in format v2. They load, round-trip byte
//! for byte, hold the ordinance's units and tasks verbatim, mark every wording
//! the ordinance does not give as unknown (keeping its designation), and
//! differ exactly where the ordinance changes the Regulamin.

use std::collections::BTreeSet;
use std::path::Path;

use schemat::examples::{self, DOA_2021, DOA_2022};
use schemat::io;
use schemat::model::{Date, Designation, Document, PieceState, Unit, UnitId, UnitKind};
use schemat::validate::{Code, Severity, validate};

fn load(name: &str) -> (String, Document) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let doc = io::load(&path).unwrap_or_else(|e| panic!("{e}"));
    (text, doc)
}

fn doc_2022() -> Document {
    load("doa-2022.ron").1
}

fn doc_2021() -> Document {
    load("doa-2021.ron").1
}

fn unit<'a>(doc: &'a Document, id: &str) -> &'a Unit {
    doc.unit(&UnitId::new(id)).unwrap_or_else(|| panic!("no unit {id}"))
}

fn d(s: &str) -> Designation {
    s.parse().unwrap()
}

/// The unit whose tasks the Regulamin holds at `designation`.
fn tasks_at<'a>(doc: &'a Document, designation: &str) -> Option<&'a Unit> {
    let wanted = d(designation);
    doc.units.iter().find(|u| u.tasks_at.as_ref() == Some(&wanted))
}

fn point_counts(doc: &Document, paragraph: &str, ust: usize) -> Vec<usize> {
    (1..=ust)
        .map(|n| {
            tasks_at(doc, &format!("{paragraph} ust. {n}"))
                .unwrap_or_else(|| panic!("no unit with tasks at {paragraph} ust. {n}"))
                .tasks
                .points
                .len()
        })
        .collect()
}

fn texts(u: &Unit) -> Vec<&str> {
    u.tasks.points.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn both_files_round_trip_byte_identically() {
    for name in ["doa-2021.ron", "doa-2022.ron"] {
        let (text, doc) = load(name);
        assert_eq!(io::to_ron_string(&doc), text, "{name} is not in canonical form; run `schemat fmt`");
    }
}

#[test]
fn embedded_examples_load_and_match_the_files() {
    assert_eq!(DOA_2022.load().unwrap(), doc_2022());
    assert_eq!(DOA_2021.load().unwrap(), doc_2021());
    assert_eq!(examples::default_document(), doc_2022());
    assert_eq!(examples::ALL[0], DOA_2022);
    assert_eq!(load("doa-2022.ron").0, DOA_2022.text);
}

#[test]
fn metadata_names_the_department_and_the_act() {
    for doc in [doc_2021(), doc_2022()] {
        assert_eq!(doc.meta.department, "Departament Organizacji i Administracji");
        assert_eq!(
            doc.meta.base_act_citation(),
            "zarządzenie nr 56/12/2018 Prezydenta Miasta Lublin z dnia 31 grudnia 2018 r."
        );
        assert_eq!(doc.root().unwrap().name, "Departament Organizacji i Administracji");
        assert_eq!(doc.meta.department_genitive, "Departamentu Organizacji i Administracji");
        assert_eq!(
            (doc.meta.organ.as_str(), doc.meta.organ_genitive.as_str()),
            ("Prezydent Miasta Lublin", "Prezydenta Miasta Lublin")
        );
        assert_eq!(
            doc.meta.base_act.title,
            "w sprawie nadania Regulaminu Organizacyjnego Departamentu Organizacji i Administracji"
        );
        assert_eq!(doc.in_force, None, "both are versions in force, not drafts");
    }
    let (old, new) = (doc_2021(), doc_2022());
    assert_eq!(new.meta.effective, Date::new(2022, 1, 1));
    // The consolidated text each version cites: § 1 pkt 3 of the ordinance replaces the one by the other.
    assert_eq!(
        new.meta.consolidated_citation().as_deref(),
        Some("(j.t. Obwieszczenie Prezydenta Miasta Lublin z dnia 29 października 2021 r.)")
    );
    assert_eq!(old.meta.consolidated, Date::new(2020, 11, 10));
}

#[test]
fn it_ziii_stands_above_it_ss_and_its_positions() {
    let doc = doc_2022();
    let ziii = unit(&doc, "it-ziii");
    assert_eq!((ziii.kind, ziii.symbol.as_str()), (UnitKind::ZastepcaDyrektora, "IT-ZIII"));
    assert_eq!(ziii.name, "Zastępca Dyrektora ds. wsparcia użytkowników");
    assert_eq!(ziii.listed_at, Some(d("§ 3 ust. 4")));
    assert_eq!(ziii.tasks_at, Some(d("§ 22g")));
    assert_eq!(ziii.tasks.points.len(), 10);

    let ss = unit(&doc, "it-ss");
    assert_eq!(ss.parent.as_ref(), Some(&ziii.id));
    assert_eq!(ss.label(), "referat ds. serwisu sprzętu i oprogramowania (IT-SS)");
    let below: Vec<(UnitKind, &str)> = doc.children(Some(&ss.id)).map(|u| (u.kind, u.symbol.as_str())).collect();
    assert_eq!(
        below,
        [
            (UnitKind::KierownikReferatu, "IT-SS"),
            (UnitKind::WieloosoboweStanowiskoPracy, "IT-SS-I"),
            (UnitKind::WieloosoboweStanowiskoPracy, "IT-SS-II"),
            (UnitKind::WieloosoboweStanowiskoPracy, "IT-SS-III"),
            (UnitKind::WieloosoboweStanowiskoPracy, "IT-SS-IV"),
        ]
    );
    let listed: Vec<String> = doc.children(Some(&ss.id)).map(|u| u.listed_at.as_ref().unwrap().to_string()).collect();
    assert_eq!(listed, (1..=5).map(|n| format!("§ 3 ust. 4 pkt {n}")).collect::<Vec<_>>());
    // Document order is the chart's and `schemat show`'s: IT-ZIII, then IT-SS, then its positions.
    let ziii_at = doc.index_of(&ziii.id).unwrap();
    assert_eq!(doc.index_of(&ss.id), Some(ziii_at + 1));
    assert_eq!(doc.subtree_range(ziii_at).len(), 7);
}

#[test]
fn om_iu_iv_is_the_foreigners_desk_added_in_2022() {
    let doc = doc_2022();
    let desk = unit(&doc, "om-iu-iv");
    assert_eq!(desk.label(), "wieloosobowe stanowisko pracy Punkt Obsługi Cudzoziemców (OM-IU-IV)");
    assert_eq!(desk.kind, UnitKind::WieloosoboweStanowiskoPracy);
    assert_eq!(desk.parent, Some(UnitId::new("om-iu")));
    assert_eq!(desk.listed_at, Some(d("§ 9 pkt 3 lit. e")));
    assert_eq!(desk.tasks_at, Some(d("§ 70 ust. 6")));
    let symbols: Vec<&str> = doc.children(desk.parent.as_ref()).map(|u| u.symbol.as_str()).collect();
    assert_eq!(symbols, ["OM-IU", "OM-IU-I", "OM-IU-II", "OM-IU-III", "OM-IU-IV"]);
    assert!(doc_2021().unit(&desk.id).is_none());
}

#[test]
fn paragraph_14_has_four_ust_with_the_ordinance_points() {
    let doc = doc_2022();
    assert_eq!(point_counts(&doc, "§ 14", 4), [5, 8, 9, 7]);
    let kierownik = tasks_at(&doc, "§ 14 ust. 2").unwrap();
    assert_eq!(kierownik.tasks.shared_ref.as_deref(), Some("§ 11 ust. 2"));
    assert_eq!(
        kierownik.tasks.intro,
        "Kierownik referatu realizuje zadania określone w § 11 ust. 2 Regulaminu oraz zadania z zakresu:"
    );
    assert_eq!(kierownik.tasks.points[5].text, "koordynacji współpracy z Biurem Bezpieczeństwa Informacji");
    let referat = UnitId::new("it-tb");
    let tb: Vec<&str> = doc.children(Some(&referat)).map(|u| u.symbol.as_str()).collect();
    assert_eq!(tb, ["IT-TB", "IT-TB-I", "IT-TB-II"]);
    assert_eq!(
        tasks_at(&doc, "§ 14 ust. 4").unwrap().tasks.points[6].text,
        "obsługi incydentów związanych z bezpieczeństwem stacji roboczych i węzłów sieci"
    );
}

#[test]
fn paragraph_22h_has_six_ust_with_the_ordinance_points() {
    let doc = doc_2022();
    assert_eq!(point_counts(&doc, "§ 22h", 6), [11, 12, 11, 14, 7, 8]);
    assert_eq!(
        tasks_at(&doc, "§ 22h ust. 5").unwrap().tasks.points[0].text,
        "zdalnego wsparcia pracowników w zakresie bieżącego utrzymania sprzętu, tj. stacji roboczych, drukarek, \
         kopiarek, skanerów, czytników kart inteligentnych, instancji drukarek i kopiarek, instalacji \
         oprogramowania, aktualizacji z wykorzystaniem kontrolera domeny"
    );
    assert!(tasks_at(&doc_2021(), "§ 22h ust. 1").is_none());
}

#[test]
fn paragraph_70_has_six_ust_in_2022_and_five_before() {
    let new = doc_2022();
    assert_eq!(point_counts(&new, "§ 70", 6), [11, 5, 10, 14, 8, 13]);
    // Before 2022 the five ust. exist (the ordinance replaces § 70 whole) but their wording is not known.
    let old = doc_2021();
    assert_eq!(point_counts(&old, "§ 70", 5), [0; 5]);
    assert!((1..=5).all(|n| tasks_at(&old, &format!("§ 70 ust. {n}")).unwrap().tasks.intro_unknown));
    assert!(tasks_at(&old, "§ 70 ust. 6").is_none());
    // The ordinance's own wording, typo included.
    assert_eq!(
        tasks_at(&new, "§ 70 ust. 3").unwrap().tasks.intro,
        "Wieloosobowe stanowisko pracy ds. informacji bezpośrednio realizuje w szczególności zadania z zakresu:"
    );
    assert_eq!(unit(&new, "om-iu-i").name, "wieloosobowe stanowisko pracy ds. informacji bezpośredniej");
}

#[test]
fn paragraph_21_ust_4_gains_points_14_to_18() {
    let new = tasks_at(&doc_2022(), "§ 21 ust. 4").unwrap().clone();
    let old = tasks_at(&doc_2021(), "§ 21 ust. 4").unwrap().clone();
    assert_eq!((old.tasks.points.len(), new.tasks.points.len()), (13, 18));
    assert_eq!(new.tasks.points[..13], old.tasks.points[..]);
    // Pkt 1-13 are not quoted by the ordinance: they hold their labels, not their wording.
    assert!(old.tasks.points.iter().all(|p| p.state == PieceState::Unknown && p.text.is_empty()));
    assert_eq!(old.tasks.points.last().map(|p| p.label.as_str()), Some("13"));
    assert_eq!(
        texts(&new)[13..],
        [
            "obsługi systemu zgłoszeń serwisowych",
            "diagnostyki uszkodzeń sieci komputerowych",
            "rozbudowy i modernizacji sieci i okablowania",
            "monitorowania stanu sieci",
            "wsparcia użytkowników w zakresie działania sieci teleinformatycznej",
        ]
    );
}

#[test]
fn retired_designations_are_the_repealed_ones_and_never_reused() {
    let doc = doc_2022();
    let retired: Vec<String> = doc.retired.iter().map(ToString::to_string).collect();
    assert_eq!(retired, ["§ 3 ust. 2 pkt 2 lit. d", "§ 3 ust. 2 pkt 3", "§ 21 ust. 5", "§ 22"]);
    // § 19 pkt 3 is repealed inside the task list of the deputy it belonged to.
    let repealed: Vec<String> = doc.repealed_designations().iter().map(ToString::to_string).collect();
    assert_eq!(repealed, ["§ 3 ust. 2 pkt 2 lit. d", "§ 3 ust. 2 pkt 3", "§ 19 pkt 3", "§ 21 ust. 5", "§ 22"]);
    for u in &doc.units {
        for at in [&u.listed_at, &u.tasks_at].into_iter().flatten() {
            assert!(!doc.retired.iter().any(|r| at.is_within(r)), "{} reuses retired {at}", u.id);
        }
    }
    assert!(doc_2021().retired.is_empty());
    // Before the ordinance those designations were in use.
    let old = doc_2021();
    for at in ["§ 3 ust. 2 pkt 2 lit. d", "§ 3 ust. 2 pkt 3"] {
        assert!(old.units.iter().any(|u| u.listed_at == Some(d(at))), "{at}");
    }
    for at in ["§ 21 ust. 5", "§ 22 ust. 1"] {
        assert!(tasks_at(&old, at).is_some(), "{at}");
    }
    let states = |doc: &Document| unit(doc, "it-zi").tasks.points.iter().map(|p| p.state).collect::<Vec<_>>();
    assert_eq!(states(&old), [PieceState::Unknown; 3]);
    assert_eq!(states(&doc), [PieceState::Unknown, PieceState::Unknown, PieceState::Repealed]);
}

#[test]
fn polish_letters_are_intact() {
    for name in ["doa-2021.ron", "doa-2022.ron"] {
        let (text, _) = load(name);
        for letter in ['ą', 'ę', 'ł', 'ó', 'ś', 'ż', 'ź', 'ć', 'ń'] {
            assert!(text.contains(letter), "{name} lacks {letter}");
        }
        assert!(!text.contains("\\u{"), "{name} escapes characters instead of writing them");
    }
}

#[test]
fn task_points_carry_neither_number_nor_closing_punctuation() {
    for doc in [doc_2021(), doc_2022()] {
        for u in &doc.units {
            for p in &u.tasks.points {
                let t = p.text.as_str();
                assert!(!t.ends_with(';') && !t.ends_with('.') && !t.ends_with('”'), "{}: {t}", u.id);
                let number = t.split(')').next().unwrap_or_default();
                assert!(number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()), "{}: {t}", u.id);
            }
        }
    }
}

/// Everything the ordinance does not touch is identical in both files; the
/// units it touches are exactly these.
#[test]
fn the_versions_differ_exactly_where_the_ordinance_changes_them() {
    let (old, new) = (doc_2021(), doc_2022());
    let ids = |doc: &Document| doc.units.iter().map(|u| u.id.to_string()).collect::<BTreeSet<_>>();
    let (old_ids, new_ids) = (ids(&old), ids(&new));
    let removed: Vec<&String> = old_ids.difference(&new_ids).collect();
    let added: Vec<&String> = new_ids.difference(&old_ids).collect();
    assert_eq!(removed, ["it-r21-d", "it-r22", "it-r22-b", "it-r22-k"]);
    assert_eq!(
        added,
        ["it-ss", "it-ss-i", "it-ss-ii", "it-ss-iii", "it-ss-iv", "it-ss-k", "it-tb-inz", "it-ziii", "om-iu-iv"]
    );
    let changed: BTreeSet<&str> =
        old.units.iter().filter_map(|u| new.unit(&u.id).filter(|n| *n != u).map(|_| u.id.as_str())).collect();
    let expected: BTreeSet<&str> = [
        "doa",       // § 10 ust. 1: (j.t. …)
        "it-d",      // § 12 pkt 1: (j.t. …), pkt 2
        "it-sek",    // § 13 pkt 1
        "it-tb",     // § 14 ust. 1
        "it-tb-k",   // § 14 ust. 2
        "it-tb-wsp", // § 3 ust. 1 pkt 2 lit. b -> c, § 14 ust. 3 -> 4
        "it-zi",     // § 19 pkt 3 repealed
        "it-r21-c",  // § 21 ust. 4 pkt 14-18
        "w2-d",      // § 23 pkt 1
        "w2-r25",    // § 25 ust. 1 pkt 2
        "w2-r25-s",  // § 25 ust. 3 pkt 2, 7, 11, 14
        "w2-r27",    // § 27 ust. 1 pkt 6
        "w2-r27-s",  // § 27 ust. 3 pkt 14
        "w3-d",      // § 34 pkt 1
        "w4-d",      // § 42 pkt 1
        "w5-d",      // § 56 pkt 1
        "w6-d",      // § 63 pkt 1
        "om-d",      // § 67 pkt 1
        // § 70 ust. 1-5: replaced whole, their earlier wording is not known.
        "om-iu",
        "om-iu-k",
        "om-iu-i",
        "om-iu-ii",
        "om-iu-iii",
    ]
    .into();
    assert_eq!(changed, expected);
    // The provisions: the listings the ordinance replaces or repeals are unknown before it,
    // and § 3 ust. 4 (added whole) is known after it.
    let at = |doc: &Document| doc.provisions.iter().map(|p| p.at.to_string()).collect::<BTreeSet<_>>();
    let (old_at, new_at) = (at(&old), at(&new));
    let only_old: Vec<&String> = old_at.difference(&new_at).collect();
    let only_new: Vec<&String> = new_at.difference(&old_at).collect();
    assert_eq!(
        only_old,
        [
            "§ 3 ust. 1 pkt 2",
            "§ 3 ust. 1 pkt 2 lit. a",
            "§ 3 ust. 1 pkt 2 lit. b",
            "§ 3 ust. 2 pkt 2 lit. d",
            "§ 3 ust. 2 pkt 3",
            "§ 3 ust. 2 pkt 3 lit. a",
            "§ 3 ust. 2 pkt 3 lit. b",
            "§ 9 pkt 3",
            "§ 9 pkt 3 lit. a",
            "§ 9 pkt 3 lit. b",
            "§ 9 pkt 3 lit. c",
            "§ 9 pkt 3 lit. d",
        ]
    );
    assert_eq!(only_new, ["§ 3 ust. 4"]);
    assert_eq!(old.relations, new.relations);
    assert_eq!(old.chart, new.chart);
}

/// Item 3 and 12 of the ordinance: only the quoted words change, everywhere they occur.
#[test]
fn reference_strings_are_replaced_word_for_word() {
    const OLD: &str = "(j.t. Obwieszczenie Prezydenta Miasta Lublin z dnia 10 listopada 2020 r. z późn. zm.)";
    const NEW: &str = "(j.t. Obwieszczenie Prezydenta Miasta Lublin z dnia 29 października 2021 r.)";
    const OLD_27: &str = "(j.t. Obwieszczenie Prezydenta Miasta Lublin z dnia 10 listopada 2020 r.)";
    const NEW_27: &str = "(j.t. Obwieszczenie Prezydenta Miasta Lublin z dnia 29 października 2021 r. z późn. zm.)";
    let places = [
        ("§ 12", 0, OLD, NEW),
        ("§ 23", 0, OLD, NEW),
        ("§ 25 ust. 1", 1, OLD, NEW),
        ("§ 25 ust. 3", 1, OLD, NEW),
        ("§ 27 ust. 1", 5, OLD_27, NEW_27),
        ("§ 27 ust. 3", 13, OLD_27, NEW_27),
        ("§ 34", 0, OLD, NEW),
        ("§ 42", 0, OLD, NEW),
        ("§ 56", 0, OLD, NEW),
        ("§ 63", 0, OLD, NEW),
        ("§ 67", 0, OLD, NEW),
    ];
    let (old, new) = (doc_2021(), doc_2022());
    for (at, index, before, after) in places {
        let was = &tasks_at(&old, at).unwrap().tasks.points[index].text;
        let is = &tasks_at(&new, at).unwrap().tasks.points[index].text;
        assert!(was.contains(before), "{at}: {was}");
        assert_eq!(was.replace(before, after), *is, "{at}");
    }
    let root = (&old.units[0].tasks.intro, &new.units[0].tasks.intro);
    assert_eq!(old.units[0].tasks_at, Some(d("§ 10 ust. 1")));
    assert_eq!(root.0.replace(OLD, NEW), *root.1);
}

#[test]
fn units_the_ordinance_only_implies_say_so_in_their_note() {
    for doc in [doc_2021(), doc_2022()] {
        for u in &doc.units {
            if u.name.contains('§') {
                assert!(u.note.contains("przyjęt"), "{} has no note on what is assumed", u.id);
            }
        }
    }
}

/// `schemat validate` lists only what the reconstruction cannot know (symbols
/// and tasks the ordinance does not give), and each such unit says so in its note.
#[test]
fn validation_findings_are_only_the_unknowns_each_explained_in_a_note() {
    for (doc, year) in [(doc_2021(), 2021), (doc_2022(), 2022)] {
        let findings = validate(&doc);
        assert!(!findings.is_empty(), "the assumed units have no symbols");
        for f in &findings {
            let id = f.unit.as_ref().unwrap_or_else(|| panic!("document-wide finding {f:?}"));
            let note = &doc.unit(id).unwrap().note;
            assert_eq!(f.severity, Severity::Warning, "{f:?}");
            match f.code {
                Code::MissingSymbol => assert!(note.contains("symbol") && note.contains("nie "), "{id}: {note}"),
                // An unknown intro with no points (wording the ordinance does not give).
                Code::EmptyTasks => {
                    assert!(doc.unit(id).unwrap().tasks.intro_unknown, "{id}");
                    assert!(note.contains("nie są znane") || note.contains("nie jest znane"), "{id}: {note}");
                }
                other => panic!("unexpected {other:?} for {id}"),
            }
        }
        // Every unit the ordinance names verbatim passes without a finding in 2022; in 2021
        // their symbols are known too, their tasks are not.
        for id in ["it-tb", "it-tb-inz", "it-tb-wsp", "om-iu", "om-iu-i", "om-iu-ii", "om-iu-iii"] {
            let about = |f: &&schemat::validate::Finding| f.unit.as_ref().is_some_and(|u| u.as_str() == id);
            match year {
                2022 => assert!(!findings.iter().any(|f| about(&f)), "{id}"),
                _ => assert!(!findings.iter().filter(about).any(|f| f.code == Code::MissingSymbol), "{id}"),
            }
        }
    }
}

/// The only wordings the files hold are those the ordinance quotes; everything
/// else it implies is unknown ("[…]" where only a cited fragment is known).
#[test]
fn no_wording_is_invented() {
    let quoted_units = [
        "it-tb",
        "it-tb-k",
        "it-tb-inz",
        "it-tb-wsp",
        "it-ziii",
        "it-ss",
        "it-ss-k",
        "it-ss-i",
        "it-ss-ii",
        "it-ss-iii",
        "it-ss-iv",
        "om-iu",
        "om-iu-k",
        "om-iu-i",
        "om-iu-ii",
        "om-iu-iii",
        "om-iu-iv",
    ];
    let quoted_points = [
        ("§ 12", "2"),
        ("§ 13", "1"),
        ("§ 21 ust. 4", "14"),
        ("§ 21 ust. 4", "15"),
        ("§ 21 ust. 4", "16"),
        ("§ 21 ust. 4", "17"),
        ("§ 21 ust. 4", "18"),
        ("§ 25 ust. 3", "7"),
        ("§ 25 ust. 3", "11"),
        ("§ 25 ust. 3", "14"),
    ];
    for (doc, year) in [(doc_2021(), 2021), (doc_2022(), 2022)] {
        for u in &doc.units {
            let Some(at) = &u.tasks_at else { continue };
            if year == 2022 && quoted_units.contains(&u.id.as_str()) {
                assert!(!u.tasks.intro_unknown && u.tasks.points.iter().all(|p| p.state.is_text()), "{}", u.id);
                continue;
            }
            let known = |text: &str| text.contains("[…]");
            assert!(u.tasks.intro_unknown || known(&u.tasks.intro), "{}: {}", u.id, u.tasks.intro);
            for p in u.tasks.points.iter().filter(|p| p.state.is_text()) {
                let quoted = year == 2022 && quoted_points.contains(&(at.to_string().as_str(), p.label.as_str()));
                assert!(quoted || known(&p.text), "{} {at} pkt {}: {}", u.id, p.label, p.text);
            }
        }
        let known: Vec<String> = doc.provisions.iter().filter(|p| !p.unknown).map(|p| p.at.to_string()).collect();
        assert_eq!(known, if year == 2022 { vec!["§ 3 ust. 4".to_owned()] } else { vec![] }, "{year}");
    }
    let doc = doc_2022();
    let ust4 = &doc.provisions.iter().find(|p| p.at == d("§ 3 ust. 4")).unwrap().text;
    assert_eq!(
        ust4,
        "Zastępca Dyrektora ds. wsparcia użytkowników (IT-ZIII), nadzorujący bezpośrednio referat ds. serwisu \
         sprzętu i oprogramowania (IT-SS), w skład którego wchodzi"
    );
}
