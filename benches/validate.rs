//! Load, validate and save a large department (2 000 units, ten times the
//! Departament Organizacji i Administracji): the checks must stay linear.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use schemat::model::{Document, Metadata, TaskPoint, Unit, UnitId, UnitKind};

fn large_department(units: usize) -> Document {
    let mut doc = Document {
        meta: Metadata { department: "Departament".into(), ..Metadata::default() },
        units: vec![Unit::new(UnitId::new("u0"), None, UnitKind::Departament, "Departament", "D")],
        ..Document::default()
    };
    for i in 1..units {
        // Divisions under the root, referaty under divisions, positions under referaty.
        let (parent, kind, symbol) = match i % 10 {
            1 => ("u0".to_owned(), UnitKind::Wydzial, format!("W{}", to_letters(i))),
            2 | 6 => (
                format!("u{}", i - i % 10 + 1),
                UnitKind::Referat,
                format!("W{}-R{}", to_letters(i - i % 10 + 1), to_letters(i)),
            ),
            3 | 7 => (format!("u{}", i - 1), UnitKind::KierownikReferatu, String::new()),
            n => (
                format!("u{}", i - i % 10 + if n < 6 { 2 } else { 6 }),
                UnitKind::WieloosoboweStanowiskoPracy,
                String::new(),
            ),
        };
        let mut unit =
            Unit::new(UnitId::new(format!("u{i}")), Some(UnitId::new(parent)), kind, format!("jednostka {i}"), symbol);
        unit.tasks.points = TaskPoint::numbered((0..8).map(|p| format!("zadanie {p} z zakresu obsługi")));
        doc.units.push(unit);
    }
    doc.check_structure().unwrap();
    doc
}

fn to_letters(mut n: usize) -> String {
    let mut s = String::new();
    loop {
        s.insert(0, (b'A' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            return s;
        }
    }
}

fn bench(c: &mut Criterion) {
    let doc = large_department(2_000);
    let text = schemat::io::to_ron_string(&doc);
    c.bench_function("validate 2000 units", |b| b.iter(|| schemat::validate::validate(black_box(&doc))));
    c.bench_function("parse 2000 units", |b| {
        b.iter(|| schemat::io::from_ron_str(black_box(&text), Path::new("bench.ron")).unwrap())
    });
    c.bench_function("serialize 2000 units", |b| b.iter(|| schemat::io::to_ron_string(black_box(&doc))));
}

criterion_group!(benches, bench);
criterion_main!(benches);
