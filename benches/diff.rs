//! Diff of two 10k-unit documents with 1 % of the units changed.
//! Target: ≤ 50 ms (`cargo bench --bench diff`).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use schemat::model::{Document, Edit, TaskList, TaskPoint, Unit, UnitField, UnitId, UnitKind, apply};

/// A department of 20 divisions × 10 referaty × 49 positions (10 221 units),
/// every referat with five task points.
fn large_document() -> Document {
    let mut units = vec![Unit::new(UnitId::new("root"), None, UnitKind::Departament, "Departament", "")];
    for w in 0..20 {
        let division = UnitId::new(format!("w{w}"));
        units.push(Unit::new(
            division.clone(),
            Some(UnitId::new("root")),
            UnitKind::Wydzial,
            format!("Wydział {w}"),
            format!("W{w}"),
        ));
        for r in 0..10 {
            let referat = UnitId::new(format!("w{w}-r{r}"));
            let mut unit = Unit::new(
                referat.clone(),
                Some(division.clone()),
                UnitKind::Referat,
                format!("referat ds. spraw {r}"),
                format!("W{w}-R{r}"),
            );
            unit.staffing = Some(5.0);
            unit.tasks = TaskList {
                points: TaskPoint::numbered((0..5).map(|p| format!("prowadzenia spraw z zakresu {p} w referacie {r}"))),
                ..TaskList::default()
            };
            units.push(unit);
            for s in 0..49 {
                let mut position = Unit::new(
                    UnitId::new(format!("w{w}-r{r}-s{s}")),
                    Some(referat.clone()),
                    UnitKind::StanowiskoPracy,
                    format!("stanowisko pracy ds. {s}"),
                    format!("W{w}-R{r}-{s}"),
                );
                position.staffing = Some(1.0);
                units.push(position);
            }
        }
    }
    Document { units, ..Document::default() }
}

/// About 1 % of the units changed: renames, task edits, removals, insertions and moves.
fn changed(doc: &Document) -> Document {
    let mut new = doc.clone();
    let mut edits = Vec::new();
    for k in 0..30 {
        let id = UnitId::new(format!("w{}-r{}-s{}", k % 20, k % 10, k));
        edits.push(Edit::SetField { id, field: UnitField::Name(format!("stanowisko zmienione {k}")) });
    }
    for k in 0..30 {
        let id = UnitId::new(format!("w{}-r{}", k % 20, (k / 3) % 10));
        let mut tasks = doc.unit(&id).map(|u| u.tasks.clone()).unwrap_or_default();
        tasks.points[k % 5].text.push_str(" oraz nowych spraw");
        edits.push(Edit::SetField { id, field: UnitField::Tasks(tasks) });
    }
    for k in 0..20 {
        edits.push(Edit::RemoveSubtree { id: UnitId::new(format!("w{}-r{}-s{}", k, k % 10, 40 + k % 9)) });
    }
    for k in 0..20 {
        let parent = UnitId::new(format!("w{}-r{}", (k + 5) % 20, k % 10));
        let unit = Unit::new(
            UnitId::new(format!("new{k}")),
            Some(parent),
            UnitKind::StanowiskoPracy,
            "nowe stanowisko",
            format!("N{k}"),
        );
        edits.push(Edit::InsertSubtree { units: vec![unit], index: k % 7, relations: vec![] });
    }
    for k in 0..10 {
        let id = UnitId::new(format!("w{}-r{}-s{}", k, (k + 3) % 10, 20 + k));
        edits.push(Edit::Move { id, parent: UnitId::new(format!("w{}-r{}", (k + 1) % 20, k % 10)), index: 0 });
    }
    for edit in edits {
        // Every edit above names an existing unit; a failure would show in the change count.
        let _ = apply(&mut new, edit);
    }
    new
}

fn bench(c: &mut Criterion) {
    let old = large_document();
    let new = changed(&old);
    let changes = schemat::diff::diff(&old, &new).changes.len();
    assert_eq!(changes, 110, "the benchmark documents should differ by 110 changes");
    c.bench_function("diff 10k units, 1% changed", |b| {
        b.iter(|| schemat::diff::diff(black_box(&old), black_box(&new)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
