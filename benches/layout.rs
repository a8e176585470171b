//! Layout speed on the shared synthetic org trees (1k, 10k, 100k nodes), and
//! the same trees through the `tidy-tree` crate in the same run for the ratio.
//!
//! The trees are `orgtree-{1k,10k,100k}.json` from
//! `../shared/bench/peers/gen_orgtree.py`, read from `$SCHEMAT_BENCH_DATA`
//! (default `/tmp/peers-data`, the peers' own folder) and generated there
//! when missing. Both engines get the same sizes, a 20 px sibling gap and a
//! 40 px parent-child gap, and only the layout call is timed (schemat's
//! includes building its child lists from the parent indices).
//!
//! Run: `cargo bench --bench layout`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::ptr::NonNull;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use schemat::layout::{Spacing, layout_plain};
use tidy_tree::{Layout, Node, TidyLayout};

const SIBLING_GAP: f32 = 20.0;
const LEVEL_GAP: f32 = 40.0;

#[derive(serde::Deserialize)]
#[allow(non_snake_case)]
struct Record {
    id: usize,
    parentId: Option<usize>,
    width: f32,
    height: f32,
}

/// A tree in pre-order: parent indices and box sizes.
pub struct Tree {
    parent: Vec<Option<u32>>,
    sizes: Vec<(f32, f32)>,
}

fn data_dir() -> PathBuf {
    std::env::var_os("SCHEMAT_BENCH_DATA").map_or_else(|| PathBuf::from("/tmp/peers-data"), PathBuf::from)
}

fn generator() -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    [manifest.join("../shared"), manifest.join("../../shared"), PathBuf::from("/work/shared")]
        .into_iter()
        .map(|shared| shared.join("bench/peers/gen_orgtree.py"))
        .find(|p| p.exists())
}

fn load(size: &str) -> Tree {
    let dir = data_dir();
    let file = dir.join(format!("orgtree-{size}.json"));
    if !file.exists() {
        let script = generator().expect("gen_orgtree.py not found; set SCHEMAT_BENCH_DATA to a folder with the trees");
        let status = Command::new("python3").arg(&script).arg(&dir).args(["1k", "10k", "100k"]).status();
        assert!(status.is_ok_and(|s| s.success()), "generating the trees into {} failed", dir.display());
    }
    let text = std::fs::read_to_string(&file).unwrap();
    let records: Vec<Record> = serde_json::from_str(&text).unwrap();
    for (i, r) in records.iter().enumerate() {
        assert_eq!(r.id, i, "the trees are in pre-order with ids 0..N");
    }
    Tree {
        parent: records.iter().map(|r| r.parentId.map(|p| p as u32)).collect(),
        sizes: records.iter().map(|r| (r.width, r.height)).collect(),
    }
}

/// The tree as tidy-tree nodes, and a pointer to each node by id.
fn tidy_tree(tree: &Tree) -> (Box<Node>, Vec<NonNull<Node>>) {
    let (w, h) = tree.sizes[0];
    let mut root = Box::new(Node::new(0, f64::from(w), f64::from(h)));
    let mut ptrs = vec![NonNull::from(&mut *root)];
    for (i, p) in tree.parent.iter().enumerate().skip(1) {
        let (w, h) = tree.sizes[i];
        // SAFETY: every pointer points into the tree owned by `root`, which
        // outlives this loop, and no other reference to that node is live.
        let mut parent = ptrs[p.unwrap() as usize];
        let parent = unsafe { parent.as_mut() };
        ptrs.push(parent.append_child(Node::new(i, f64::from(w), f64::from(h))));
    }
    (root, ptrs)
}

/// The same tree with one more leaf under node `under`, kept in pre-order.
fn with_leaf(tree: &Tree, under: usize) -> Tree {
    let n = tree.parent.len();
    // The new leaf goes after the last node of `under`'s subtree.
    let mut end = under + 1;
    let mut inside = vec![false; n];
    inside[under] = true;
    while end < n && tree.parent[end].is_some_and(|p| inside[p as usize]) {
        inside[end] = true;
        end += 1;
    }
    let shift = |p: Option<u32>| p.map(|p| if p as usize >= end { p + 1 } else { p });
    let mut parent: Vec<Option<u32>> = tree.parent[..end].iter().map(|&p| shift(p)).collect();
    parent.push(Some(under as u32));
    parent.extend(tree.parent[end..].iter().map(|&p| shift(p)));
    let mut sizes = tree.sizes[..end].to_vec();
    sizes.push((190.0, 48.0));
    sizes.extend_from_slice(&tree.sizes[end..]);
    Tree { parent, sizes }
}

fn spacing() -> Spacing {
    Spacing { sibling_gap: SIBLING_GAP, level_gap: LEVEL_GAP, ..Spacing::default() }
}

fn bench_full(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    group.sample_size(30);
    for size in ["1k", "10k", "100k"] {
        let tree = load(size);
        let n = tree.parent.len();
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("schemat", size), &tree, |b, t| {
            b.iter(|| black_box(layout_plain(&t.parent, &t.sizes, false, &spacing()).unwrap()))
        });
        group.bench_with_input(BenchmarkId::new("schemat-compact", size), &tree, |b, t| {
            b.iter(|| black_box(layout_plain(&t.parent, &t.sizes, true, &spacing()).unwrap()))
        });
        let (mut root, _ptrs) = tidy_tree(&tree);
        let mut tidy = TidyLayout::new(f64::from(LEVEL_GAP), f64::from(SIBLING_GAP));
        group.bench_function(BenchmarkId::new("tidy-tree", size), |b| b.iter(|| tidy.layout(black_box(&mut root))));
    }
    group.finish();
}

fn bench_relayout(c: &mut Criterion) {
    let mut group = c.benchmark_group("relayout-after-one-leaf");
    group.sample_size(50);
    let tree = load("10k");
    let n = tree.parent.len();
    let bigger = with_leaf(&tree, n / 2);
    // schemat lays the whole tree out again (no incremental path).
    group.bench_function("schemat-full/10k", |b| {
        b.iter(|| black_box(layout_plain(&bigger.parent, &bigger.sizes, true, &spacing()).unwrap()))
    });
    let (mut root, ptrs) = tidy_tree(&tree);
    let mut tidy = TidyLayout::new(f64::from(LEVEL_GAP), f64::from(SIBLING_GAP));
    tidy.layout(&mut root);
    let mut next_id = n;
    group.bench_function("tidy-tree-partial/10k", |b| {
        b.iter(|| {
            // SAFETY: as in `tidy_tree`; the tree grows by one leaf per iteration.
            let mut parent = ptrs[(next_id * 7919) % n];
            let parent = unsafe { parent.as_mut() };
            let leaf = parent.append_child(Node::new(next_id, 190.0, 48.0));
            next_id += 1;
            tidy.partial_layout(&mut root, &[leaf]);
        })
    });
    group.finish();
}

criterion_group!(benches, bench_full, bench_relayout);
criterion_main!(benches);
