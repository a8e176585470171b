//! The shared synthetic org trees (`../shared/bench/peers/gen_orgtree.py`) as
//! documents, for the export tests and `benches/export.rs` (which includes this
//! file): kinds follow the generator's levels (city, pion/departament/biuro,
//! wydział, referat, zespół/sekcja; leaves are positions).
//!
//! The tree is read from `$SCHEMAT_BENCH_DATA/orgtree-SIZE.json` (default
//! `/tmp/peers-data`) and generated there with `python3` when missing.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use schemat::model::{Document, Metadata, Unit, UnitId, UnitKind};

#[derive(serde::Deserialize)]
#[allow(non_snake_case)]
struct Record {
    id: usize,
    parentId: Option<usize>,
    label: String,
}

pub fn data_dir() -> PathBuf {
    std::env::var_os("SCHEMAT_BENCH_DATA").map_or_else(|| PathBuf::from("/tmp/peers-data"), PathBuf::from)
}

fn generator() -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    [manifest.join("../shared"), manifest.join("../../shared"), PathBuf::from("/work/shared")]
        .into_iter()
        .map(|shared| shared.join("bench/peers/gen_orgtree.py"))
        .find(|p| p.exists())
}

/// `orgtree-SIZE.json` ("1k", "10k", "100k"), generated when missing.
pub fn tree_file(size: &str) -> PathBuf {
    let dir = data_dir();
    let file = dir.join(format!("orgtree-{size}.json"));
    if !file.exists() {
        let script = generator().expect("gen_orgtree.py not found; set SCHEMAT_BENCH_DATA to a folder with the trees");
        // Into a folder of our own first: tests run in parallel and must not read a half-written file.
        let scratch = dir.join(format!(".gen-{}", std::process::id()));
        let status = Command::new("python3").arg(&script).arg(&scratch).arg(size).status();
        assert!(status.is_ok_and(|s| s.success()), "generating the {size} tree into {} failed", scratch.display());
        let _ = std::fs::rename(scratch.join(format!("orgtree-{size}.json")), &file);
        let _ = std::fs::remove_dir_all(&scratch);
    }
    file
}

/// The synthetic tree of `size` as a document.
pub fn orgtree(size: &str) -> Document {
    orgtree_document(&tree_file(size))
}

pub fn orgtree_document(path: &Path) -> Document {
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
