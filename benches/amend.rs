//! The amendment generator on two 10 000-unit departments that differ in
//! 1 % of their units: every hundredth unit with tasks has a point reworded,
//! a point repealed, or a point appended after its last (the K5b period
//! swap). Measured: the whole generator (derive both, diff, write, self-check
//! by parsing and applying its own text), the diff alone, and reading and
//! applying the printed ordinance (the consolidated text).
//!
//! The synthetic department is the one of `benches/regulamin.rs` (copied:
//! each bench is its own crate).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use schemat::legal::{self, Style, amend, apply, ops};
use schemat::model::{
    Designation, Document, Metadata, Provision, TaskList, TaskPoint, Unit, UnitId, UnitKind, letter_label,
};

fn department(units: usize) -> Document {
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

/// The department with 1 % of its units changed.
fn proposal(doc: &Document) -> Document {
    let mut new = doc.clone();
    let with_tasks: Vec<usize> = (0..new.units.len()).filter(|&i| new.units[i].tasks_at.is_some()).collect();
    let changed = new.units.len() / 100;
    let step = with_tasks.len() / changed;
    for (k, &i) in with_tasks.iter().step_by(step.max(1)).take(changed).enumerate() {
        let points = &mut new.units[i].tasks.points;
        match k % 3 {
            0 => points[0].text = format!("zadania zmienione nr {k}"),
            1 => points[1] = TaskPoint::repealed("2".to_owned()),
            _ => points.push(TaskPoint::new("9".to_owned(), format!("zadania dodane nr {k}"))),
        }
    }
    new
}

fn bench(c: &mut Criterion) {
    let old = department(10_000);
    let new = proposal(&old);
    let style = Style::lublin();
    let amendment = amend::amend(&old, &new, &style).expect("the generator expresses the change");
    assert!(amendment.items.len() >= 90, "{} points", amendment.items.len());
    let (old_text, new_text) = (legal::derive(&old), legal::derive(&new));
    let printed = amendment.section1().join("\n");
    let mut group = c.benchmark_group("amend 10k units, 1 % changed");
    group.sample_size(10);
    group.bench_function("amend (derive, diff, write, self-check)", |b| {
        b.iter(|| amend::amend(black_box(&old), black_box(&new), &style))
    });
    group.bench_function("diff of the two trees", |b| {
        b.iter(|| ops::diff(black_box(&old_text), black_box(&new_text), &style))
    });
    group.bench_function("parse + apply the printed § 1", |b| {
        b.iter(|| {
            let parsed = apply::parse(black_box(&printed)).expect("parses");
            apply::apply(&old_text, &parsed.instructions).expect("applies")
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
