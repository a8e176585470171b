//! The "Projekt zarządzenia" panel on the synthetic 10 000-unit department
//! (`benches/synthetic/mod.rs`) with every hundredth unit that has tasks
//! given a reworded first point: what the background thread does per edit
//! (the ordinance and the panel's rows, [`Drafted::of`]), and one editor
//! frame with the panel open and its ordinance shown, beside one with the
//! panel closed (UI pass, painting, tessellation; caches warm).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use schemat::app::SchematApp;
use schemat::app::amendment::Drafted;
use schemat::model::Document;

mod synthetic;

/// The department with the first point of 1 % of its units with tasks reworded.
fn proposal(doc: &Document) -> Document {
    let mut new = doc.clone();
    let with_tasks = new.units.iter_mut().filter(|u| !u.tasks.points.is_empty());
    for (k, unit) in with_tasks.step_by(100).enumerate() {
        unit.tasks.points[0].text = format!("zadania zmienione nr {k}");
    }
    new
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 1000.0))),
        ..egui::RawInput::default()
    }
}

fn bench(c: &mut Criterion) {
    let old = synthetic::department(10_000);
    let new = proposal(&old);
    let drafted = Drafted::of(&old, &new);
    assert!(drafted.result.is_ok() && drafted.rows.len() > 100, "{} rows", drafted.rows.len());
    let mut group = c.benchmark_group("amendment panel 10k units");
    group.sample_size(10);
    group.bench_function("Drafted::of (amend + rows, off the UI thread)", |b| {
        b.iter(|| Drafted::of(black_box(&old), black_box(&new)))
    });
    let ctx = egui::Context::default();
    let mut app = SchematApp::new(new, None);
    app.baseline = old;
    let run = |app: &mut SchematApp| {
        let mut output = ctx.run_ui(input(), |ui| app.frame(ui));
        // No renderer takes the font texture here.
        output.textures_delta.clear();
        black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
    };
    for _ in 0..3 {
        run(&mut app);
    }
    group.bench_function("frame, panel closed", |b| b.iter(|| run(&mut app)));
    app.view.amendment.open = true;
    run(&mut app);
    app.amendment.wait();
    for _ in 0..3 {
        run(&mut app);
    }
    assert!(!app.amendment.is_computing(), "the ordinance is shown");
    group.bench_function("frame, panel open with the ordinance", |b| b.iter(|| run(&mut app)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
