//! The amendment generator on two 10 000-unit departments that differ in
//! 1 % of their units: every hundredth unit with tasks has a point reworded,
//! a point repealed, or a point appended after its last (the K5b period
//! swap). Measured: the whole generator (derive both, diff, write, self-check
//! by parsing and applying its own text), the diff alone, and reading and
//! applying the printed ordinance (the consolidated text).
//!
//! The synthetic department is the one of `benches/regulamin.rs`
//! (`benches/synthetic/mod.rs`).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use schemat::legal::{self, Style, amend, apply, ops};
use schemat::model::{Document, TaskPoint};

mod synthetic;

use synthetic::department;

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
