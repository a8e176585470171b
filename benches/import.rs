//! `schemat import` of a 1,000-§ Regulamin: the shared synthetic department
//! (`benches/synthetic/mod.rs`) with names that say each unit's kind
//! ("referat ds. obsługi 12", "kierownik referatu", "wieloosobowe stanowisko
//! pracy ds. obsługi 14"), printed as text, then read, parsed and recognised
//! as the command does.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use schemat::import::source::{SourceKind, read_text};
use schemat::legal::{self, Format};
use schemat::model::{Document, UnitKind};

mod synthetic;

use synthetic::department;

/// The synthetic department with names the recogniser reads as kinds, and
/// task intros that name them.
fn named(units: usize) -> Document {
    let mut doc = department(units);
    for (i, unit) in doc.units.iter_mut().enumerate() {
        unit.name = match unit.kind {
            UnitKind::Wydzial => format!("Wydział {i}"),
            UnitKind::Referat => format!("referat ds. obsługi {i}"),
            UnitKind::KierownikReferatu => "kierownik referatu".to_owned(),
            UnitKind::WieloosoboweStanowiskoPracy => format!("wieloosobowe stanowisko pracy ds. obsługi {i}"),
            _ => continue,
        };
        if unit.tasks_at.is_some() {
            let mut subject = unit.name.clone();
            subject.replace_range(..1, &subject[..1].to_uppercase());
            unit.tasks.intro = format!("{subject} realizuje w szczególności zadania z zakresu:");
        }
    }
    doc
}

fn bench(c: &mut Criterion) {
    // Three § per ten units: 3,334 units give 1,000 §.
    let doc = named(3_334);
    let text = legal::render(&legal::derive(&doc), Format::Text);
    let paragraphs = read_text(&text, SourceKind::Text);
    let imported = schemat::import::import(&paragraphs).expect("imports");
    let sections = legal::derive(&imported.doc).paragraphs.len();
    assert!((1_000..1_010).contains(&sections), "{sections} §");
    assert!(legal::derive(&imported.doc).same_wording(&legal::derive(&doc)), "the text survives");
    assert_eq!(imported.doc.units.len(), doc.units.len(), "every unit found");
    let mut group = c.benchmark_group("import 1000 §");
    group.sample_size(10);
    group.bench_function("read + parse + recognise", |b| {
        b.iter(|| schemat::import::import(&read_text(black_box(&text), SourceKind::Text)))
    });
    group.bench_function("parse", |b| b.iter(|| schemat::import::parse::parse(black_box(&paragraphs))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
