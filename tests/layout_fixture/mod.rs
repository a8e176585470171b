//! Documents built in code for the layout and render tests: a department
//! shaped like the reference ordinance's (IT division with deputies,
//! referaty with single- and multi-person positions, a relation).

#![allow(dead_code)]

use schemat::model::{Document, Metadata, Relation, RelationKind, Unit, UnitId, UnitKind};

fn unit(id: &str, parent: Option<&str>, kind: UnitKind, name: &str, symbol: &str) -> Unit {
    Unit::new(UnitId::new(id), parent.map(UnitId::new), kind, name, symbol)
}

/// A department with two divisions, deputies, referaty and positions, and
/// one "nadzoruje bezpośrednio" and one "współpracuje z" relation.
pub fn department() -> Document {
    use UnitKind::*;
    let mut units = vec![
        unit("doa", None, Departament, "Departament Organizacji i Administracji", "DOA"),
        unit("it", Some("doa"), Wydzial, "Wydział Informatyki i Telekomunikacji", "IT"),
        unit("it-d", Some("it"), Dyrektor, "Dyrektor Wydziału", "IT-D"),
        unit("it-s", Some("it-d"), SamodzielneStanowisko, "stanowisko pracy ds. obsługi sekretarskiej", "IT-I"),
        unit("it-zi", Some("it-d"), ZastepcaDyrektora, "Zastępca Dyrektora ds. infrastruktury", "IT-ZI"),
        unit("it-tb", Some("it-zi"), Referat, "referat ds. technologii bezpieczeństwa", "IT-TB"),
        unit("it-tb-k", Some("it-tb"), KierownikReferatu, "kierownik referatu", "IT-TB"),
        unit("it-tb-1", Some("it-tb"), StanowiskoPracy, "stanowisko pracy inżynier bezpieczeństwa systemów", "IT-TB-I"),
        unit(
            "it-tb-2",
            Some("it-tb"),
            WieloosoboweStanowiskoPracy,
            "wieloosobowe stanowisko pracy ds. technologii bezpieczeństwa",
            "IT-TB-II",
        ),
        unit("it-zii", Some("it-d"), ZastepcaDyrektora, "Zastępca Dyrektora ds. systemów", "IT-ZII"),
        unit("it-sa", Some("it-zii"), Referat, "referat ds. systemów aplikacyjnych", "IT-SA"),
        unit("it-sa-k", Some("it-sa"), KierownikReferatu, "kierownik referatu", "IT-SA"),
        unit(
            "it-sa-1",
            Some("it-sa"),
            WieloosoboweStanowiskoPracy,
            "wieloosobowe stanowisko pracy ds. wdrożeń",
            "IT-SA-I",
        ),
        unit("it-zk", Some("it-zii"), Zespol, "zespół ds. źródeł danych, łączności i sieci", "IT-ZK"),
        unit("it-zk-1", Some("it-zk"), StanowiskoPracy, "stanowisko pracy ds. łączności", "IT-ZK-I"),
        unit("it-ziii", Some("it-d"), ZastepcaDyrektora, "Zastępca Dyrektora ds. wsparcia użytkowników", "IT-ZIII"),
        unit("it-ss", Some("it-ziii"), Referat, "referat ds. serwisu sprzętu i oprogramowania", "IT-SS"),
        unit("it-ss-k", Some("it-ss"), KierownikReferatu, "kierownik referatu", "IT-SS"),
        unit(
            "it-ss-1",
            Some("it-ss"),
            WieloosoboweStanowiskoPracy,
            "wieloosobowe stanowisko pracy inżynier serwisu",
            "IT-SS-I",
        ),
        unit(
            "it-ss-2",
            Some("it-ss"),
            WieloosoboweStanowiskoPracy,
            "wieloosobowe stanowisko pracy ds. serwisu sprzętu i oprogramowania",
            "IT-SS-II",
        ),
        unit(
            "it-ss-3",
            Some("it-ss"),
            WieloosoboweStanowiskoPracy,
            "wieloosobowe stanowisko pracy ds. pomocy technicznej",
            "IT-SS-III",
        ),
        unit(
            "it-ss-4",
            Some("it-ss"),
            WieloosoboweStanowiskoPracy,
            "wieloosobowe stanowisko pracy ds. dokumentacji technicznych",
            "IT-SS-IV",
        ),
        unit("om", Some("doa"), Biuro, "Biuro Obsługi Mieszkańców", "OM"),
        unit("om-d", Some("om"), Dyrektor, "Dyrektor Biura", "OM-D"),
        unit("om-iu", Some("om-d"), Referat, "referat ds. informacyjnych Urzędu", "OM-IU"),
        unit("om-iu-k", Some("om-iu"), KierownikReferatu, "kierownik referatu", "OM-IU"),
        unit(
            "om-iu-1",
            Some("om-iu"),
            WieloosoboweStanowiskoPracy,
            "wieloosobowe stanowisko pracy ds. informacji bezpośredniej",
            "OM-IU-I",
        ),
        unit(
            "om-iu-2",
            Some("om-iu"),
            StanowiskoPracy,
            "stanowisko pracy ds. organizacji obsługi informacji zdalnej",
            "OM-IU-II",
        ),
        unit(
            "om-iu-3",
            Some("om-iu"),
            WieloosoboweStanowiskoPracy,
            "wieloosobowe stanowisko pracy ds. informacji zdalnej",
            "OM-IU-III",
        ),
        unit(
            "om-iu-4",
            Some("om-iu"),
            WieloosoboweStanowiskoPracy,
            "wieloosobowe stanowisko pracy Punkt Obsługi Cudzoziemców",
            "OM-IU-IV",
        ),
        unit("om-ks", Some("om-d"), Referat, "referat ds. kancelarii ogólnej", "OM-KS"),
        unit("om-ks-k", Some("om-ks"), KierownikReferatu, "kierownik referatu", "OM-KS"),
        unit(
            "om-ks-1",
            Some("om-ks"),
            WieloosoboweStanowiskoPracy,
            "wieloosobowe stanowisko pracy ds. przyjmowania korespondencji",
            "OM-KS-I",
        ),
    ];
    units[0].staffing = Some(120.0);
    Document {
        meta: Metadata {
            department: "Departament Organizacji i Administracji".into(),
            organ_genitive: "Prezydenta Miasta Lublin".into(),
            base_act: schemat::model::ActRef {
                number: "58/12/2021".into(),
                date: schemat::model::Date::new(2021, 12, 30),
                title: String::new(),
            },
            version: "stan na 1 stycznia 2022 r.".into(),
            effective: schemat::model::Date::new(2022, 1, 1),
            ..Metadata::default()
        },
        units,
        relations: vec![
            Relation {
                kind: RelationKind::NadzorujeBezposrednio,
                from: UnitId::new("it-zi"),
                to: UnitId::new("it-zk"),
            },
            Relation { kind: RelationKind::WspolpracujeZ, from: UnitId::new("om-iu"), to: UnitId::new("it-ss") },
        ],
        ..Document::default()
    }
}

/// A document with `n` units: a root, then divisions, referaty and
/// positions with fan-outs 3..8, names with Polish letters.
pub fn generated(n: usize) -> Document {
    use UnitKind::*;
    let mut units = vec![unit("u0", None, Departament, "Departament Spraw Ogólnych", "D")];
    let mut seed: u64 = 0x5eed;
    let mut next = |m: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    let mut frontier = vec![(0usize, 0u32)];
    while units.len() < n {
        let Some((parent, depth)) = frontier.first().copied() else { break };
        frontier.remove(0);
        let kids = 3 + next(6) as usize;
        for k in 0..kids {
            if units.len() >= n {
                break;
            }
            let (kind, name) = match depth {
                0 => (Wydzial, format!("Wydział Spraw Różnych nr {k}")),
                1 => (Referat, format!("referat ds. źródeł i łączności {k} oraz obsługi mieszkańców")),
                _ => (StanowiskoPracy, format!("stanowisko pracy ds. ąęłóśżźćń {k}")),
            };
            let id = format!("u{}", units.len());
            let parent_id = units[parent].id.0.clone();
            units.push(unit(&id, Some(&parent_id), kind, &name, &format!("S-{}", units.len())));
            if depth < 2 {
                frontier.push((units.len() - 1, depth + 1));
            }
        }
    }
    let mut doc = Document {
        meta: Metadata { department: "Departament Spraw Ogólnych".into(), ..Metadata::default() },
        units,
        ..Document::default()
    };
    // The generator appends breadth-first; the model wants pre-order.
    doc.check_structure().expect("generated documents are well formed");
    doc
}

/// A department of `n` referaty side by side, each with two positions: a
/// chart far wider than any page.
pub fn wide(n: usize) -> Document {
    use UnitKind::*;
    let mut units = vec![unit("root", None, Departament, "Departament Spraw Ogólnych", "D")];
    for r in 0..n {
        let id = format!("r{r}");
        units.push(unit(&id, Some("root"), Referat, &format!("referat ds. obsługi nr {r}"), &format!("D-R{r}")));
        for p in 0..2 {
            let name = format!("stanowisko pracy ds. spraw {p}");
            units.push(unit(&format!("{id}-{p}"), Some(&id), StanowiskoPracy, &name, &format!("D-R{r}-{p}")));
        }
    }
    Document {
        meta: Metadata { department: "Departament Spraw Ogólnych".into(), ..Metadata::default() },
        units,
        ..Document::default()
    }
}
