//! PNG export speed: the shared 1k synthetic tree and `examples/doa-2022.ron`,
//! each laid out, fitted onto A3 landscape sheets and rasterised at 150 dpi
//! (every sheet), the work `schemat export FILE --png OUT --page a3-landscape` does
//! after loading the file.
//!
//! The 1k tree is read from `$SCHEMAT_BENCH_DATA/orgtree-1k.json` (default
//! `/tmp/peers-data`); run `cargo bench --bench layout` first, which
//! generates it there when it is missing.
//!
//! Run: `cargo bench --bench export`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use schemat::i18n::Lang;
use schemat::layout::LayoutOptions;
use schemat::model::{Document, Metadata, Unit, UnitId, UnitKind};
use schemat::render::page::{self, Furniture, Page};
use schemat::render::scene::SceneOptions;

const DPI: f32 = 150.0;

#[derive(serde::Deserialize)]
#[allow(non_snake_case)]
struct Record {
    id: usize,
    parentId: Option<usize>,
    label: String,
}

/// The synthetic tree as a document: kinds follow the generator's levels
/// (city, pion/departament/biuro, wydział, referat, zespół/sekcja; leaves are positions).
fn orgtree_document(path: &Path) -> Document {
    let records: Vec<Record> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut has_children = vec![false; records.len()];
    let mut depth = vec![0usize; records.len()];
    for r in &records {
        if let Some(p) = r.parentId {
            has_children[p] = true;
            depth[r.id] = depth[p] + 1;
        }
    }
    let units = records
        .iter()
        .map(|r| {
            let kind = match (depth[r.id], has_children[r.id]) {
                (_, false) => UnitKind::StanowiskoPracy,
                (0, _) => UnitKind::Departament,
                (1 | 2, _) => UnitKind::Wydzial,
                (3, _) => UnitKind::Referat,
                _ => UnitKind::Zespol,
            };
            let parent = r.parentId.map(|p| UnitId::new(format!("n{p}")));
            Unit::new(UnitId::new(format!("n{}", r.id)), parent, kind, r.label.clone(), format!("N-{}", r.id))
        })
        .collect();
    let meta = Metadata { department: "Urząd Miasta Nowogród Wielki".into(), ..Metadata::default() };
    Document { meta, units, ..Document::default() }
}

fn export_pngs(doc: &Document, page: &Page) -> Vec<Vec<u8>> {
    let furniture = Furniture { title: SceneOptions::annex(doc, Lang::Pl).title, legend: true, lang: Lang::Pl };
    let options = SceneOptions::default();
    let (_, sheets) = page::fit_document(doc, &LayoutOptions::for_document(doc), &options, &furniture, page).unwrap();
    page::sheets_to_png(&sheets, DPI).unwrap()
}

fn bench_export(c: &mut Criterion) {
    let page: Page = "a3-landscape".parse().unwrap();
    let mut group = c.benchmark_group("png-a3-landscape-150dpi");
    group.sample_size(10);
    let data = std::env::var_os("SCHEMAT_BENCH_DATA").map_or_else(|| PathBuf::from("/tmp/peers-data"), PathBuf::from);
    let tree = data.join("orgtree-1k.json");
    if tree.exists() {
        let doc = orgtree_document(&tree);
        eprintln!("orgtree-1k: {} units, {} sheets", doc.units.len(), export_pngs(&doc, &page).len());
        group.bench_function("orgtree-1k", |b| b.iter(|| black_box(export_pngs(&doc, &page))));
    } else {
        eprintln!("{} is missing: run `cargo bench --bench layout` first", tree.display());
    }
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
