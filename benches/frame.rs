//! One full editor frame (UI pass, painting and tessellation) on big synthetic
//! departments, with the chart fitted to the window and at 100 %: the layout
//! and other caches are warm, as in a real session where the user types or
//! pans. Target: ≤ 8 ms per frame at 10k units.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use schemat::app::SchematApp;
use schemat::model::{Document, Metadata, Unit, UnitId, UnitKind};

/// A department of about `n` units: wydziały with referaty of 3–12 positions
/// each, with Polish names of realistic length (deterministic).
fn synthetic(n: usize) -> Document {
    let root = UnitId::new("root");
    let mut units = vec![Unit::new(root.clone(), None, UnitKind::Departament, "Departament Synthetyczny", "DS")];
    let mut w = 0;
    while units.len() < n {
        w += 1;
        let wid = UnitId::new(format!("w{w}"));
        let symbol = format!("W{w}");
        units.push(Unit::new(
            wid.clone(),
            Some(root.clone()),
            UnitKind::Wydzial,
            format!("Wydział Spraw Różnych nr {w}"),
            &symbol,
        ));
        for r in 1..=8 {
            if units.len() >= n {
                break;
            }
            let rid = UnitId::new(format!("w{w}r{r}"));
            let rsym = format!("{symbol}-R{r}");
            let name = format!("referat ds. obsługi mieszkańców i zezwoleń nr {r}");
            units.push(Unit::new(rid.clone(), Some(wid.clone()), UnitKind::Referat, name, &rsym));
            for s in 1..=(3 + (w + r) % 10) {
                if units.len() >= n {
                    break;
                }
                let sid = UnitId::new(format!("w{w}r{r}s{s}"));
                let name = format!("stanowisko pracy ds. rozpatrywania wniosków i skarg nr {s}");
                units.push(Unit::new(sid, Some(rid.clone()), UnitKind::StanowiskoPracy, name, format!("{rsym}-{s}")));
            }
        }
    }
    Document {
        meta: Metadata { department: "Departament Synthetyczny".into(), ..Metadata::default() },
        units,
        ..Document::default()
    }
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 1000.0))),
        ..egui::RawInput::default()
    }
}

fn frame(c: &mut Criterion) {
    for (label, n) in [("1k", 1_000), ("10k", 10_000)] {
        let ctx = egui::Context::default();
        let mut app = SchematApp::new(synthetic(n), None);
        let run = |app: &mut SchematApp| {
            let output = ctx.run_ui(input(), |ui| app.frame(ui));
            black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
        };
        // Warm up: fonts, the chart layout, galley caches; the chart starts fitted to the window.
        for _ in 0..3 {
            run(&mut app);
        }
        c.bench_function(&format!("frame/{label}/fit"), |b| b.iter(|| run(&mut app)));
        // Panning: every frame moves the view, so the cached meshes are moved too.
        let mut step = 1.0;
        c.bench_function(&format!("frame/{label}/fit-panning"), |b| {
            b.iter(|| {
                // Back and forth by a pixel, so the chart stays in view.
                step = -step;
                app.chart.offset.x += step;
                run(&mut app);
            })
        });
        app.chart.set_zoom(1.0);
        for _ in 0..3 {
            run(&mut app);
        }
        c.bench_function(&format!("frame/{label}/100%"), |b| b.iter(|| run(&mut app)));
        c.bench_function(&format!("frame/{label}/100%-panning"), |b| {
            b.iter(|| {
                step = -step;
                app.chart.offset.x += step;
                run(&mut app);
            })
        });
    }
}

criterion_group!(benches, frame);
criterion_main!(benches);
