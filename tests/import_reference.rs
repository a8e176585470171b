//! Issue #11: the paragraphs the reference ordinance (Zarządzenie nr
//! 58/12/2021) quotes from the Regulamin (§ 3 ust. 1 pkt 2, § 3 ust. 4, § 9
//! pkt 3, § 14, § 22g, § 22h, § 70) recognised from its Markdown text as
//! units with their kinds, symbols, hierarchy and task lists.
//!
//! They are fragments of a Regulamin: the ordinance's parser
//! (`legal::apply::parse`) reads the quotes, each is put at its designation,
//! and [`schemat::import::recognise`] takes the pieces present and nothing
//! else (no frame is invented around them).

use schemat::import::{Imported, Match, Note, recognise};
use schemat::legal::apply::{Instruction, parse};
use schemat::legal::{Piece, Regulamin, Source};
use schemat::model::{Level, Metadata, PieceState, Unit, UnitKind, compare_labels};

/// The reference, next to the repository as the other tests of it read it.
fn reference() -> String {
    std::fs::read_to_string(format!("{}/../shared/reference/zarzadzenie-58-12-2021.md", env!("CARGO_MANIFEST_DIR")))
        .or_else(|_| std::fs::read_to_string("/work/shared/reference/zarzadzenie-58-12-2021.md"))
        .expect("the reference ordinance is readable")
}

/// The quoted pieces of the ordinance at their designations.
fn fragments(ordinance: &str) -> Regulamin {
    let parsed = parse(ordinance).expect("the reference ordinance parses");
    let mut text = Regulamin::default();
    for instruction in parsed.instructions {
        let (parent, pieces) = match instruction {
            Instruction::Replace { parent, pieces } | Instruction::Insert { parent, pieces, .. } => (parent, pieces),
            _ => continue,
        };
        let list = under(&mut text.paragraphs, &parent);
        for piece in pieces {
            list.retain(|p| p.label != piece.label);
            list.push(piece);
            list.sort_by(|a, b| compare_labels(&a.label, &b.label));
        }
    }
    text
}

/// The children of the piece at `path`, with levels of no text of their own made on the way.
fn under<'a>(mut list: &'a mut Vec<Piece>, path: &[(Level, String)]) -> &'a mut Vec<Piece> {
    for (level, label) in path {
        let index = match list.iter().position(|p| p.level == *level && &p.label == label) {
            Some(index) => index,
            None => {
                list.push(Piece {
                    level: *level,
                    label: label.clone(),
                    state: PieceState::Text,
                    text: String::new(),
                    children: Vec::new(),
                    source: Source::Implied,
                });
                list.sort_by(|a, b| compare_labels(&a.label, &b.label));
                list.iter().position(|p| &p.label == label).expect("just added")
            }
        };
        list = &mut list[index].children;
    }
    list
}

fn imported() -> Imported {
    recognise(&fragments(&reference()), Metadata::default())
}

fn unit<'a>(imported: &'a Imported, symbol: &str, kind: UnitKind) -> &'a Unit {
    imported
        .doc
        .units
        .iter()
        .find(|u| u.symbol == symbol && u.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} {symbol}: {:#?}", imported.doc.units))
}

fn parent<'a>(imported: &'a Imported, unit: &Unit) -> &'a Unit {
    imported.doc.unit(unit.parent.as_ref().expect("has a parent")).expect("parent exists")
}

fn tasks(unit: &Unit) -> (String, usize) {
    (unit.tasks_at.as_ref().map(ToString::to_string).unwrap_or_default(), unit.tasks.points.len())
}

#[test]
fn the_it_tb_referat_and_its_positions() {
    let imported = imported();
    let tb = unit(&imported, "IT-TB", UnitKind::Referat);
    assert_eq!(tb.name, "referat ds. technologii bezpieczeństwa");
    assert_eq!(tb.listed_at.as_ref().unwrap().to_string(), "§ 3 ust. 1 pkt 2");
    assert_eq!(tasks(tb), ("§ 14 ust. 1".into(), 5));
    assert_eq!(tb.tasks.intro, "Referat ds. technologii bezpieczeństwa realizuje w szczególności zadania z zakresu:");
    let division = parent(&imported, tb);
    assert_eq!((division.kind, division.symbol.as_str()), (UnitKind::Wydzial, "IT"), "§ 3 does not name it");

    let k = unit(&imported, "IT-TB", UnitKind::KierownikReferatu);
    assert_eq!((parent(&imported, k).id.clone(), tasks(k)), (tb.id.clone(), ("§ 14 ust. 2".into(), 8)));
    assert_eq!(k.tasks.shared_ref.as_deref(), Some("§ 11 ust. 2"));
    let i = unit(&imported, "IT-TB-I", UnitKind::StanowiskoPracy);
    assert_eq!(i.name, "stanowisko pracy inżynier bezpieczeństwa systemów");
    assert_eq!((parent(&imported, i).id.clone(), tasks(i)), (tb.id.clone(), ("§ 14 ust. 3".into(), 9)));
    let ii = unit(&imported, "IT-TB-II", UnitKind::WieloosoboweStanowiskoPracy);
    assert_eq!((parent(&imported, ii).id.clone(), tasks(ii)), (tb.id.clone(), ("§ 14 ust. 4".into(), 7)));
    assert_eq!(
        ii.tasks.points[6].text,
        "obsługi incydentów związanych z bezpieczeństwem stacji roboczych i węzłów sieci"
    );
}

#[test]
fn the_new_deputy_supervises_the_new_service_referat() {
    let imported = imported();
    let z = unit(&imported, "IT-ZIII", UnitKind::ZastepcaDyrektora);
    assert_eq!(z.name, "Zastępca Dyrektora ds. wsparcia użytkowników");
    assert_eq!(z.listed_at.as_ref().unwrap().to_string(), "§ 3 ust. 4");
    assert_eq!(tasks(z), ("§ 22g".into(), 10));
    let ss = unit(&imported, "IT-SS", UnitKind::Referat);
    assert_eq!(parent(&imported, ss).id, z.id, "nadzorujący bezpośrednio");
    assert_eq!(ss.listed_at, z.listed_at, "both listed in the combined ust. 4");
    assert_eq!(tasks(ss), ("§ 22h ust. 1".into(), 11));
    let expected = [
        ("IT-SS", UnitKind::KierownikReferatu, "§ 3 ust. 4 pkt 1", "§ 22h ust. 2", 12),
        ("IT-SS-I", UnitKind::WieloosoboweStanowiskoPracy, "§ 3 ust. 4 pkt 2", "§ 22h ust. 3", 11),
        ("IT-SS-II", UnitKind::WieloosoboweStanowiskoPracy, "§ 3 ust. 4 pkt 3", "§ 22h ust. 4", 14),
        ("IT-SS-III", UnitKind::WieloosoboweStanowiskoPracy, "§ 3 ust. 4 pkt 4", "§ 22h ust. 5", 7),
        ("IT-SS-IV", UnitKind::WieloosoboweStanowiskoPracy, "§ 3 ust. 4 pkt 5", "§ 22h ust. 6", 8),
    ];
    for (symbol, kind, listed, at, points) in expected {
        let u = unit(&imported, symbol, kind);
        assert_eq!(parent(&imported, u).id, ss.id, "{symbol}");
        assert_eq!(u.listed_at.as_ref().unwrap().to_string(), listed, "{symbol}");
        assert_eq!(tasks(u), (at.to_owned(), points), "{symbol}");
    }
    // The combined wording of ust. 4 stays as the provision it is in the examples.
    let ust4 = imported.doc.provisions.iter().find(|p| p.at.to_string() == "§ 3 ust. 4").expect("kept");
    assert!(ust4.text.starts_with("Zastępca Dyrektora ds. wsparcia użytkowników (IT-ZIII), nadzorujący bezpośrednio"));
}

#[test]
fn the_om_iu_referat_with_a_task_paragraph_found_by_its_place() {
    let imported = imported();
    let iu = unit(&imported, "OM-IU", UnitKind::Referat);
    assert_eq!(iu.listed_at.as_ref().unwrap().to_string(), "§ 9 pkt 3");
    assert_eq!(tasks(iu), ("§ 70 ust. 1".into(), 11));
    assert_eq!(parent(&imported, iu).symbol, "OM");
    let expected = [
        ("OM-IU", UnitKind::KierownikReferatu, "§ 70 ust. 2", 5),
        ("OM-IU-I", UnitKind::WieloosoboweStanowiskoPracy, "§ 70 ust. 3", 10),
        ("OM-IU-II", UnitKind::StanowiskoPracy, "§ 70 ust. 4", 14),
        ("OM-IU-III", UnitKind::WieloosoboweStanowiskoPracy, "§ 70 ust. 5", 8),
        ("OM-IU-IV", UnitKind::WieloosoboweStanowiskoPracy, "§ 70 ust. 6", 13),
    ];
    for (symbol, kind, at, points) in expected {
        let u = unit(&imported, symbol, kind);
        assert_eq!(parent(&imported, u).id, iu.id, "{symbol}");
        assert_eq!(tasks(u), (at.to_owned(), points), "{symbol}");
    }
    // "ds. informacji bezpośrednio" in § 70 ust. 3 is not the listed name
    // "ds. informacji bezpośredniej": the paragraph is placed by its ust.
    let i = unit(&imported, "OM-IU-I", UnitKind::WieloosoboweStanowiskoPracy);
    let row = imported.report.rows.iter().find(|r| r.unit.as_ref() == Some(&i.id) && matches!(r.note, Note::Tasks(_)));
    assert_eq!(row.map(|r| &r.note), Some(&Note::Tasks(Match::Position)));
    assert!(!imported.report.is_ambiguous(), "{:#?}", imported.report.rows);
}
