//! Layout of the org chart: no overlaps, parents centred over their
//! children, connectors joining the boxes they name, compact stacking,
//! collapsed subtrees, determinism.

mod layout_fixture;

use std::collections::HashSet;

use proptest::prelude::*;
use schemat::layout::{self, ChartLayout, ConnectorKind, LayoutOptions, Point, Rect, Spacing};
use schemat::model::{Orientation, UnitId, UnitKind};

fn assert_no_overlaps(rects: &[Rect]) {
    let mut order: Vec<usize> = (0..rects.len()).collect();
    order.sort_by(|&a, &b| rects[a].min.x.total_cmp(&rects[b].min.x));
    for (k, &i) in order.iter().enumerate() {
        for &j in &order[k + 1..] {
            if rects[j].min.x >= rects[i].max.x {
                break;
            }
            assert!(!rects[i].overlaps(&rects[j]), "boxes {i} {:?} and {j} {:?} overlap", rects[i], rects[j]);
        }
    }
}

/// Parents of hierarchy rows (not stacked columns) and their children's boxes.
fn rows(chart: &ChartLayout) -> Vec<(usize, Vec<usize>)> {
    let mut out: Vec<(usize, Vec<usize>)> = Vec::new();
    for c in chart.connectors.iter().filter(|c| c.kind == ConnectorKind::Hierarchy) {
        match out.iter_mut().find(|(p, _)| *p == c.from) {
            Some((_, kids)) => kids.push(c.to),
            None => out.push((c.from, vec![c.to])),
        }
    }
    out
}

fn is_stacked(chart: &ChartLayout, parent: usize, kids: &[usize]) -> bool {
    let p = chart.boxes[parent].rect;
    kids.iter().all(|&k| chart.boxes[k].rect.min.y > p.max.y && chart.boxes[k].rect.min.x > p.min.x)
        && kids.windows(2).all(|w| chart.boxes[w[0]].rect.min.x == chart.boxes[w[1]].rect.min.x)
}

fn on_border(p: Point, r: &Rect) -> bool {
    let near = |a: f32, b: f32| (a - b).abs() < 0.01;
    let inside_x = p.x >= r.min.x - 0.01 && p.x <= r.max.x + 0.01;
    let inside_y = p.y >= r.min.y - 0.01 && p.y <= r.max.y + 0.01;
    ((near(p.x, r.min.x) || near(p.x, r.max.x)) && inside_y) || ((near(p.y, r.min.y) || near(p.y, r.max.y)) && inside_x)
}

#[test]
fn no_box_overlaps_another() {
    for doc in [layout_fixture::department(), layout_fixture::generated(600)] {
        for compact in [true, false] {
            for orientation in [Orientation::TopDown, Orientation::LeftRight] {
                let options =
                    LayoutOptions { compact_positions: compact, orientation, ..LayoutOptions::for_document(&doc) };
                let chart = layout::layout(&doc, &options);
                assert_eq!(chart.boxes.len(), doc.units.len());
                let rects: Vec<Rect> = chart.boxes.iter().map(|b| b.rect).collect();
                assert_no_overlaps(&rects);
            }
        }
    }
}

#[test]
fn every_parent_is_centred_over_its_row_of_children() {
    let doc = layout_fixture::generated(400);
    for orientation in [Orientation::TopDown, Orientation::LeftRight] {
        let options = LayoutOptions { orientation, ..LayoutOptions::for_document(&doc) };
        let chart = layout::layout(&doc, &options);
        let mut checked = 0;
        for (parent, kids) in rows(&chart) {
            if orientation == Orientation::TopDown && is_stacked(&chart, parent, &kids) {
                continue;
            }
            let p = chart.boxes[parent].rect;
            let (lo, hi, centre) = match orientation {
                Orientation::TopDown => (
                    kids.iter().map(|&k| chart.boxes[k].rect.min.x).fold(f32::MAX, f32::min),
                    kids.iter().map(|&k| chart.boxes[k].rect.max.x).fold(f32::MIN, f32::max),
                    p.center().x,
                ),
                Orientation::LeftRight => (
                    kids.iter().map(|&k| chart.boxes[k].rect.min.y).fold(f32::MAX, f32::min),
                    kids.iter().map(|&k| chart.boxes[k].rect.max.y).fold(f32::MIN, f32::max),
                    p.center().y,
                ),
            };
            assert!(((lo + hi) / 2.0 - centre).abs() <= 1.0, "parent {parent} is off the middle of its children");
            checked += 1;
        }
        assert!(checked >= 4, "the test saw rows of children ({checked})");
    }
}

#[test]
fn connectors_join_parent_and_child() {
    let doc = layout_fixture::department();
    for orientation in [Orientation::TopDown, Orientation::LeftRight] {
        let chart = layout::layout(&doc, &LayoutOptions { orientation, ..LayoutOptions::for_document(&doc) });
        let hierarchy = chart.connectors.iter().filter(|c| c.kind == ConnectorKind::Hierarchy).count();
        assert_eq!(hierarchy, doc.units.len() - 1, "one hierarchy connector per non-root unit");
        for c in &chart.connectors {
            let (from, to) = (&chart.boxes[c.from], &chart.boxes[c.to]);
            assert!(c.points.len() >= 2);
            assert!(on_border(c.points[0], &from.rect), "{c:?} starts on {from:?}");
            assert!(on_border(*c.points.last().unwrap(), &to.rect), "{c:?} ends on {to:?}");
            for w in c.points.windows(2) {
                assert!(w[0].x == w[1].x || w[0].y == w[1].y, "connector segments are orthogonal: {c:?}");
            }
            if c.kind == ConnectorKind::Hierarchy {
                let parent = doc.units[to.unit].parent.as_ref().unwrap();
                assert_eq!(&doc.units[from.unit].id, parent);
            }
        }
    }
}

#[test]
fn relations_are_routed_around_boxes() {
    let doc = layout_fixture::department();
    let chart = layout::layout(&doc, &LayoutOptions::for_document(&doc));
    let relations: Vec<_> = chart.connectors.iter().filter(|c| c.kind != ConnectorKind::Hierarchy).collect();
    assert_eq!(relations.len(), 2);
    assert!(relations.iter().any(|c| c.kind == ConnectorKind::Supervision));
    assert!(relations.iter().any(|c| c.kind == ConnectorKind::Cooperation));
    for c in relations {
        for w in c.points.windows(2) {
            for (i, b) in chart.boxes.iter().enumerate() {
                let r = b.rect.expand(-0.5);
                let (x0, x1, y0, y1) = (w[0].x.min(w[1].x), w[0].x.max(w[1].x), w[0].y.min(w[1].y), w[0].y.max(w[1].y));
                let crosses = x1 > r.min.x && x0 < r.max.x && y1 > r.min.y && y0 < r.max.y;
                assert!(!crosses, "relation {c:?} runs through box {i}");
            }
        }
    }
}

#[test]
fn compact_stacking_puts_a_referats_positions_in_one_column() {
    let doc = layout_fixture::department();
    let chart = layout::layout(&doc, &LayoutOptions::for_document(&doc));
    let referat = doc.index_of(&UnitId::new("it-ss")).unwrap();
    let r = chart.box_of_unit(referat).unwrap().rect;
    let positions: Vec<Rect> = (0..doc.units.len())
        .filter(|&i| doc.units[i].parent.as_ref() == Some(&doc.units[referat].id))
        .map(|i| chart.box_of_unit(i).unwrap().rect)
        .collect();
    assert_eq!(positions.len(), 5);
    for (k, p) in positions.iter().enumerate() {
        assert_eq!(p.min.x, positions[0].min.x, "one column");
        assert!(p.min.x > r.min.x && p.max.x <= r.max.x + 0.01, "under the referat");
        assert!(p.min.y >= r.max.y, "below the referat");
        if k > 0 {
            assert!(p.min.y > positions[k - 1].max.y, "in document order, downwards");
        }
    }
    // Without compact stacking the positions stand in a row.
    let wide = layout::layout(&doc, &LayoutOptions { compact_positions: false, ..LayoutOptions::for_document(&doc) });
    let ys: HashSet<i64> = (0..doc.units.len())
        .filter(|&i| doc.units[i].parent.as_ref() == Some(&doc.units[referat].id))
        .map(|i| wide.box_of_unit(i).unwrap().rect.min.y as i64)
        .collect();
    assert_eq!(ys.len(), 1, "one row without stacking");
    assert!(wide.bounds.width() > chart.bounds.width());
}

#[test]
fn the_documents_chart_options_choose_the_default() {
    let mut doc = layout_fixture::department();
    doc.chart.compact_positions = false;
    doc.chart.orientation = Orientation::LeftRight;
    let options = LayoutOptions::for_document(&doc);
    assert!(!options.compact_positions);
    assert_eq!(options.orientation, Orientation::LeftRight);
    assert_eq!(layout::layout(&doc, &options).orientation, Orientation::LeftRight);
}

#[test]
fn collapsed_subtree_is_one_box_with_a_count() {
    let doc = layout_fixture::department();
    let mut options = LayoutOptions::for_document(&doc);
    options.collapsed.insert(UnitId::new("it-ziii"));
    let chart = layout::layout(&doc, &options);
    assert_eq!(chart.boxes.len(), doc.units.len() - 6);
    let deputy = chart.box_of_unit(doc.index_of(&UnitId::new("it-ziii")).unwrap()).unwrap();
    assert_eq!(deputy.hidden_descendants, 6);
    assert!(chart.box_of_unit(doc.index_of(&UnitId::new("it-ss")).unwrap()).is_none());
    // The cooperation with the hidden referat now ends at the collapsed box.
    let coop = chart.connectors.iter().find(|c| c.kind == ConnectorKind::Cooperation).unwrap();
    assert_eq!(chart.boxes[coop.to].unit, doc.index_of(&UnitId::new("it-ziii")).unwrap());
}

#[test]
fn box_content_follows_the_kind() {
    let doc = layout_fixture::department();
    let chart = layout::layout(&doc, &LayoutOptions::for_document(&doc));
    let b = chart.box_of_unit(doc.index_of(&UnitId::new("it-ss-2")).unwrap()).unwrap();
    assert!(b.multi_person);
    assert_eq!(b.symbol, "IT-SS-II");
    assert!(b.name_lines.len() >= 2, "a long name wraps: {:?}", b.name_lines);
    assert_eq!(b.name_lines.join(" "), "Wieloosobowe stanowisko pracy ds. serwisu sprzętu i oprogramowania");
    let max = chart.metrics.max_text_width + 2.0 * chart.metrics.padding_x;
    for b in &chart.boxes {
        let face = schemat::layout::font::face(b.style.name_weight());
        for line in &b.name_lines {
            assert!(face.text_width(line, chart.metrics.name_size) <= max, "{line:?} fits");
        }
    }
    let styles: HashSet<_> = chart.boxes.iter().map(|b| b.style).collect();
    assert_eq!(styles.len(), 8, "every kind of the fixture has its style");
    let single = chart.box_of_unit(doc.index_of(&UnitId::new("it-tb-1")).unwrap()).unwrap();
    assert!(!single.multi_person);
    assert_eq!(doc.units[single.unit].kind, UnitKind::StanowiskoPracy);
}

#[test]
fn same_document_gives_the_same_geometry() {
    let doc = layout_fixture::generated(300);
    let options = LayoutOptions::for_document(&doc);
    assert_eq!(layout::layout(&doc, &options), layout::layout(&doc, &options));
}

#[test]
fn bounds_start_at_the_origin_and_hold_everything() {
    let doc = layout_fixture::department();
    let chart = layout::layout(&doc, &LayoutOptions::for_document(&doc));
    assert_eq!(chart.bounds.min, Point::new(0.0, 0.0));
    for b in &chart.boxes {
        assert!(chart.bounds.contains(b.rect.min) && chart.bounds.contains(b.rect.max));
    }
}

#[test]
fn a_broken_document_does_not_panic() {
    let mut doc = layout_fixture::department();
    doc.units[1].parent = Some(UnitId::new("nowhere"));
    let chart = layout::layout(&doc, &LayoutOptions::for_document(&doc));
    assert!(chart.boxes.iter().all(|b| b.unit != 1));
    assert!(layout::layout(&Default::default(), &LayoutOptions::default()).boxes.is_empty());
}

#[test]
fn plain_trees_must_be_in_pre_order() {
    let err = layout::layout_plain(&[None, Some(2), Some(0)], &[(10.0, 10.0); 3], false, &Spacing::default());
    assert_eq!(err, Err(layout::TreeError::NotPreOrder(1)));
}

fn arb_tree() -> impl Strategy<Value = (Vec<Option<u32>>, Vec<(f32, f32)>)> {
    (1usize..120).prop_flat_map(|n| {
        let parents = (1..n).map(|i| (0..i as u32).prop_map(Some).boxed()).collect::<Vec<_>>();
        let sizes = proptest::collection::vec((10u32..200, 10u32..90), n);
        (parents, sizes).prop_map(|(ps, sizes)| {
            let mut parent = vec![None];
            parent.extend(ps);
            (parent, sizes.into_iter().map(|(w, h)| (w as f32, h as f32)).collect())
        })
    })
}

/// Renumbers a tree into pre-order (the generator only promises parent < child).
fn pre_order(parent: &[Option<u32>], sizes: &[(f32, f32)]) -> (Vec<Option<u32>>, Vec<(f32, f32)>) {
    let n = parent.len();
    let mut kids = vec![Vec::new(); n];
    for (i, p) in parent.iter().enumerate() {
        if let Some(p) = p {
            kids[*p as usize].push(i);
        }
    }
    let (mut order, mut stack) = (Vec::new(), vec![0usize]);
    while let Some(v) = stack.pop() {
        order.push(v);
        stack.extend(kids[v].iter().rev());
    }
    let mut new_index = vec![0u32; n];
    for (k, &v) in order.iter().enumerate() {
        new_index[v] = k as u32;
    }
    (
        order.iter().map(|&v| parent[v].map(|p| new_index[p as usize])).collect(),
        order.iter().map(|&v| sizes[v]).collect(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_trees_have_no_overlaps_and_centred_parents((parent, sizes) in arb_tree(), compact in any::<bool>()) {
        let (parent, sizes) = pre_order(&parent, &sizes);
        let spacing = Spacing::default();
        let rects = layout::layout_plain(&parent, &sizes, compact, &spacing).unwrap();
        assert_no_overlaps(&rects);
        let n = parent.len();
        let mut kids = vec![Vec::new(); n];
        for (i, p) in parent.iter().enumerate() {
            if let Some(p) = p { kids[*p as usize].push(i); }
        }
        for v in 0..n {
            if kids[v].is_empty() { continue; }
            let leaves = kids[v].iter().all(|&k| kids[k].is_empty());
            if compact && v > 0 && leaves { continue; }
            let lo = kids[v].iter().map(|&k| rects[k].min.x).fold(f32::MAX, f32::min);
            let hi = kids[v].iter().map(|&k| rects[k].max.x).fold(f32::MIN, f32::max);
            prop_assert!(((lo + hi) / 2.0 - rects[v].center().x).abs() <= 1.0, "node {} not centred", v);
            for &k in &kids[v] {
                prop_assert!((rects[k].min.y - (rects[v].max.y + spacing.level_gap)).abs() < 0.01, "child {} right below", k);
            }
        }
    }
}

#[test]
fn deeper_stacking_hangs_referaty_with_their_positions_under_a_deputy() {
    let doc = layout_fixture::department();
    for stack_levels in 1..=3 {
        let options = LayoutOptions { stack_levels, ..LayoutOptions::for_document(&doc) };
        let chart = layout::layout(&doc, &options);
        let rects: Vec<Rect> = chart.boxes.iter().map(|b| b.rect).collect();
        assert_no_overlaps(&rects);
        let at = |id: &str| chart.box_of_unit(doc.index_of(&UnitId::new(id)).unwrap()).unwrap().rect;
        let (deputy, referat, position) = (at("it-ziii"), at("it-ss"), at("it-ss-4"));
        if stack_levels >= 2 {
            assert!(referat.min.x > deputy.min.x && referat.max.x <= deputy.max.x + 0.01, "{stack_levels}");
            assert!(position.min.x > referat.min.x && position.max.x <= referat.max.x + 0.01);
        } else {
            assert!(referat.min.y >= deputy.max.y + options.spacing.level_gap - 0.01, "a row under the deputy");
        }
    }
    let narrow = layout::layout(&doc, &LayoutOptions { stack_levels: 2, ..LayoutOptions::for_document(&doc) });
    let wide = layout::layout(&doc, &LayoutOptions::for_document(&doc));
    assert!(narrow.bounds.width() < wide.bounds.width());
}

/// Regression (issue 12): with deeper stacking the leaf divisions (Wydział
/// § 5-§ 7, each with only its Dyrektor) were stacked in one column, each
/// with its Dyrektor glued under it, so they looked subordinate to their
/// peers. Divisions keep one rank at every stacking depth.
#[test]
fn peer_divisions_keep_one_rank_with_their_director_below_at_every_stacking_depth() {
    let mut doc = layout_fixture::department();
    for k in 5..=7 {
        let (w, d) = (format!("w{k}"), format!("w{k}-d"));
        doc.units.push(schemat::model::Unit::new(
            UnitId::new(&w),
            Some(UnitId::new("doa")),
            UnitKind::Wydzial,
            format!("Wydział (§ {k})"),
            "",
        ));
        doc.units.push(schemat::model::Unit::new(
            UnitId::new(&d),
            Some(UnitId::new(&w)),
            UnitKind::Dyrektor,
            "Dyrektor Wydziału",
            "",
        ));
    }
    doc.check_structure().unwrap();
    for stack_levels in 1..=3 {
        let chart = layout::layout(&doc, &LayoutOptions { stack_levels, ..LayoutOptions::for_document(&doc) });
        let rects: Vec<Rect> = chart.boxes.iter().map(|b| b.rect).collect();
        assert_no_overlaps(&rects);
        let at = |id: &str| chart.box_of_unit(doc.index_of(&UnitId::new(id)).unwrap()).unwrap().rect;
        let rank = at("it").min.y;
        for k in 5..=7 {
            let (w, d) = (at(&format!("w{k}")), at(&format!("w{k}-d")));
            assert_eq!(w.min.y, rank, "levels {stack_levels}: Wydział § {k} on the divisions' rank");
            assert!(d.min.y > w.max.y, "levels {stack_levels}: its Dyrektor below it");
            assert!((d.center().x - w.center().x).abs() < 0.5, "levels {stack_levels}: centred under it, not indented");
        }
        assert!(at("w5").max.x < at("w6").min.x && at("w6").max.x < at("w7").min.x, "side by side, in order");
    }
}
