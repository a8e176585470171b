//! PNG export speed: the shared 1k synthetic tree and `examples/doa-2022.ron`,
//! each through the core's export path (`schemat::export::render`: laid out,
//! fitted onto A3 landscape sheets and rasterised at 150 dpi, every sheet),
//! the work `schemat export FILE --png OUT --page a3-landscape --dpi 150` does
//! after loading the file.
//!
//! The 1k tree is read from `$SCHEMAT_BENCH_DATA/orgtree-1k.json` (default
//! `/tmp/peers-data`) and generated there when missing (`tests/orgtree_fixture`).
//!
//! Run: `cargo bench --bench export`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use schemat::export::{self, ExportOptions, Targets};
use schemat::i18n::Lang;
use schemat::model::Document;
use schemat::render::page::Page;

const DPI: f32 = 150.0;

#[path = "../tests/orgtree_fixture/mod.rs"]
mod orgtree_fixture;

/// The core's export path, as `schemat export --png` and the editor call it (nothing written).
fn export_pngs(doc: &Document, page: &Page) -> Vec<Vec<u8>> {
    let targets = Targets { png: Some(PathBuf::from("bench.png")), ..Targets::default() };
    let options = ExportOptions { page: Some(*page), dpi: DPI, scale: 1.0, lang: Lang::Pl };
    export::render(doc, &targets, &options).unwrap().into_iter().map(|(_, bytes)| bytes).collect()
}

fn bench_export(c: &mut Criterion) {
    let page: Page = "a3-landscape".parse().unwrap();
    let mut group = c.benchmark_group("png-a3-landscape-150dpi");
    group.sample_size(10);
    let doc = orgtree_fixture::orgtree("1k");
    eprintln!("orgtree-1k: {} units, {} sheets", doc.units.len(), export_pngs(&doc, &page).len());
    group.bench_function("orgtree-1k", |b| b.iter(|| black_box(export_pngs(&doc, &page))));
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/doa-2022.ron");
    match schemat::io::load(&example) {
        Ok(doc) => {
            eprintln!("doa-2022: {} units, {} sheets", doc.units.len(), export_pngs(&doc, &page).len());
            group.bench_function("doa-2022", |b| b.iter(|| black_box(export_pngs(&doc, &page))));
        }
        Err(e) => eprintln!("skipping doa-2022: {e}"),
    }
    group.finish();
}

criterion_group!(benches, bench_export);
criterion_main!(benches);
