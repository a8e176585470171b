//! `schemat regulamin` on a 10 000-unit department: deriving the Regulamin
//! tree from the model, printing it, and the whole command's work (parse the
//! RON text, derive, print).
//!
//! The synthetic department (`benches/synthetic/mod.rs`) has 3 000
//! paragraphs and about 72 000 points.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use schemat::legal::{self, Format};

mod synthetic;

use synthetic::department;

fn bench(c: &mut Criterion) {
    let doc = department(10_000);
    let tree = legal::derive(&doc);
    let text = schemat::io::to_ron_string(&doc);
    assert!(tree.paragraphs.len() > 3_000, "{} paragraphs", tree.paragraphs.len());
    let mut group = c.benchmark_group("regulamin 10k units");
    group.sample_size(20);
    group.bench_function("derive", |b| b.iter(|| legal::derive(black_box(&doc))));
    group.bench_function("render text", |b| b.iter(|| legal::render(black_box(&tree), Format::Text)));
    group
        .bench_function("derive + render", |b| b.iter(|| legal::render(&legal::derive(black_box(&doc)), Format::Text)));
    group.bench_function("parse + derive + render (the command)", |b| {
        b.iter(|| {
            let doc = schemat::io::from_ron_str(black_box(&text), Path::new("bench.ron")).expect("parses");
            legal::render(&legal::derive(&doc), Format::Text)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
