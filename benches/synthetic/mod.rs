//! The synthetic 10 000-unit department the `regulamin` and `amend` benches
//! measure, in the Lublin layout: per ten units a division (its structure
//! paragraph § d), two referaty listed at § d pkt 1-2 with their kierownik and
//! positions at lit. a…, and one task paragraph per referat (ust. 1 the
//! referat, ust. 2 its kierownik, ust. 3+ the positions), eight points each;
//! one point in eight is repealed and one in eight unknown, and every division
//! has an unknown lead sentence.

use schemat::model::{
    Designation, Document, Metadata, Provision, TaskList, TaskPoint, Unit, UnitId, UnitKind, letter_label,
};

/// The department of `units` units.
pub fn department(units: usize) -> Document {
    let mut doc = Document {
        meta: Metadata {
            department: "Departament".into(),
            department_genitive: "Departamentu".into(),
            ..Metadata::default()
        },
        units: vec![Unit::new(UnitId::new("u0"), None, UnitKind::Departament, "Departament", "D")],
        ..Document::default()
    };
    let d = |s: String| s.parse::<Designation>().expect("a valid designation");
    let mut referaty = 0usize;
    for i in 1..units {
        // Groups of ten from u1: the division, referat A with its kierownik and two
        // positions, referat B with its kierownik and three positions.
        let (j, base) = ((i - 1) % 10, i - (i - 1) % 10);
        let division = (i - 1) / 10 + 1;
        let (parent, kind, listed, tasks) = match j {
            0 => {
                doc.provisions.push(Provision::unknown(d(format!("§ {division}"))));
                ("u0".to_owned(), UnitKind::Wydzial, format!("§ {division}"), None)
            }
            1 | 5 => {
                referaty += 1;
                let pkt = if j == 1 { 1 } else { 2 };
                (
                    format!("u{base}"),
                    UnitKind::Referat,
                    format!("§ {division} pkt {pkt}"),
                    Some(format!("§ {} ust. 1", 10_000 + referaty)),
                )
            }
            _ => {
                let (referat, pkt, letter) = if j < 5 { (base + 1, 1, j - 2) } else { (base + 5, 2, j - 6) };
                let kind =
                    if letter == 0 { UnitKind::KierownikReferatu } else { UnitKind::WieloosoboweStanowiskoPracy };
                (
                    format!("u{referat}"),
                    kind,
                    format!("§ {division} pkt {pkt} lit. {}", letter_label(letter)),
                    Some(format!("§ {} ust. {}", 10_000 + referaty, letter + 2)),
                )
            }
        };
        let mut unit = Unit::new(
            UnitId::new(format!("u{i}")),
            Some(UnitId::new(parent)),
            kind,
            format!("jednostka {i}"),
            format!("S-{i}"),
        );
        unit.listed_at = Some(d(listed));
        if let Some(at) = tasks {
            unit.tasks_at = Some(d(at));
            let points = (1..=8)
                .map(|p| match p {
                    3 => TaskPoint::repealed(p.to_string()),
                    6 => TaskPoint::unknown(p.to_string()),
                    _ => TaskPoint::new(p.to_string(), format!("zadania {p} z zakresu obsługi jednostki {i}")),
                })
                .collect();
            unit.tasks = TaskList {
                intro: format!("Jednostka {i} realizuje w szczególności zadania z zakresu:"),
                points,
                ..TaskList::default()
            };
        }
        doc.units.push(unit);
    }
    doc.retired.push(d("§ 9999".to_owned()));
    doc.check_structure().expect("the synthetic department is well formed");
    doc
}
