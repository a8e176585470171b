//! A small IT division before and after a restructuring, for the diff tests.

use schemat::model::{Document, Metadata, Relation, RelationKind, TaskList, TaskPoint, Unit, UnitId, UnitKind};

pub fn unit(id: &str, parent: Option<&str>, kind: UnitKind, name: &str, symbol: &str) -> Unit {
    Unit::new(UnitId::new(id), parent.map(UnitId::new), kind, name, symbol)
}

/// Points labelled 1, 2, … with these wordings.
pub fn points(texts: &[&str]) -> TaskList {
    TaskList {
        points: texts.iter().enumerate().map(|(i, t)| TaskPoint::new((i + 1).to_string(), *t)).collect(),
        ..TaskList::default()
    }
}

/// The division in force.
pub fn old() -> Document {
    let mut director = unit("it-d", Some("it"), UnitKind::Dyrektor, "Dyrektor Wydziału", "IT-D");
    director.tasks_at = Some("§ 12".parse().unwrap());
    director.tasks = points(&[
        "kierowania pracą Wydziału",
        "związane z bezpośrednim nadzorem nad realizacją zadań wykonywanych przez stanowisko pracy i referaty, o których mowa w § 13-16 i § 22",
    ]);
    let mut tb = unit("it-tb", Some("it"), UnitKind::Referat, "referat ds. technologii bezpieczeństwa", "IT-TB");
    tb.staffing = Some(3.0);
    let mut network = unit("it-si", Some("it"), UnitKind::Referat, "referat ds. sieci", "IT-SI");
    network.tasks_at = Some("§ 21 ust. 4".parse().unwrap());
    network.tasks = points(&["utrzymania sieci", "nadzoru nad okablowaniem"]);
    let units = vec![
        unit("dep", None, UnitKind::Departament, "Departament Organizacji i Administracji", ""),
        unit("it", Some("dep"), UnitKind::Wydzial, "Wydział Informatyki", "IT"),
        director,
        tb,
        unit("it-tb-i", Some("it-tb"), UnitKind::StanowiskoPracy, "stanowisko pracy inżynier", "IT-TB-I"),
        unit(
            "it-tb-ii",
            Some("it-tb"),
            UnitKind::WieloosoboweStanowiskoPracy,
            "wieloosobowe stanowisko pracy",
            "IT-TB-II",
        ),
        unit("it-tb-iii", Some("it-tb"), UnitKind::StanowiskoPracy, "stanowisko pracy ds. audytu", "IT-TB-III"),
        network,
    ];
    let meta = Metadata {
        department: "Departament Organizacji i Administracji".into(),
        version: "stan na 31 grudnia 2021 r.".into(),
        ..Metadata::default()
    };
    Document { meta, units, ..Document::default() }
}

/// The proposal: a deputy with a new referat, one position gone, tasks changed.
pub fn new() -> Document {
    let mut doc = old();
    doc.meta.version = "projekt".into();
    doc.units.retain(|u| u.id.as_str() != "it-tb-iii");
    doc.units[2].tasks.points[1].text =
        "związane z bezpośrednim nadzorem nad realizacją zadań wykonywanych przez stanowisko pracy i referaty, o których mowa w §13-16".into();
    let network = doc.units.iter_mut().find(|u| u.id.as_str() == "it-si").unwrap();
    network.tasks.points.push(TaskPoint::new("3", "obsługi systemu zgłoszeń serwisowych"));
    let mut deputy = unit(
        "it-ziii",
        Some("it"),
        UnitKind::ZastepcaDyrektora,
        "Zastępca Dyrektora ds. wsparcia użytkowników",
        "IT-ZIII",
    );
    deputy.staffing = Some(1.0);
    let mut service =
        unit("it-ss", Some("it-ziii"), UnitKind::Referat, "referat ds. serwisu sprzętu i oprogramowania", "IT-SS");
    service.staffing = Some(4.5);
    doc.units.insert(3, deputy);
    doc.units.insert(4, service);
    doc.units.insert(
        5,
        unit(
            "it-ss-i",
            Some("it-ss"),
            UnitKind::WieloosoboweStanowiskoPracy,
            "wieloosobowe stanowisko pracy inżynier serwisu",
            "IT-SS-I",
        ),
    );
    doc.relations.push(Relation {
        kind: RelationKind::NadzorujeBezposrednio,
        from: UnitId::new("it-ziii"),
        to: UnitId::new("it-ss"),
    });
    doc.retired = vec!["§ 22".parse().unwrap()];
    doc.check_structure().unwrap();
    doc
}
