//! The org chart layout (schemat graficzny): positioned boxes and connectors,
//! no egui.
//!
//! [`layout`] turns a document into a [`ChartLayout`]: one [`PlacedBox`] per
//! visible unit (text already wrapped with the bundled font), hierarchy
//! connectors as orthogonal bus lines, and routed connectors for the
//! relations outside the tree. The GUI, the exports and the review all draw
//! from it, so they agree. The placement itself works on a [`PlainTree`] of
//! box sizes ([`tree::place`]), which the benchmarks call directly.

mod boxes;
mod connectors;
pub mod font;
mod geometry;
mod tidy;
pub mod tree;

use std::collections::HashSet;

use petgraph::Direction;
use petgraph::visit::EdgeRef;

pub use boxes::{BoxContent, BoxMetrics, BoxStyle, symbol_line};
pub use connectors::ConnectorKind;
pub use geometry::{Point, Rect};
pub use tree::{PlainTree, Spacing, TreeError, TreePlacement};

use crate::model::{Document, Link, OrgGraph, Orientation, RelationKind, UnitId};

/// How to lay out a chart. Built from the document's own chart options with
/// [`LayoutOptions::for_document`]; the GUI adds the collapsed units.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutOptions {
    /// Stack the positions of a referat in one column under it.
    pub compact_positions: bool,
    /// With `compact_positions`, how deeply columns nest: 1 stacks a
    /// referat's positions, 2 also stacks referaty (with their columns) under
    /// a deputy or director, 3 one level more. The export picks the depth
    /// that best fits the page.
    pub stack_levels: u8,
    pub orientation: Orientation,
    /// Units shown as one box standing for their whole subtree.
    pub collapsed: HashSet<UnitId>,
    pub spacing: Spacing,
    pub boxes: BoxMetrics,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        let chart = crate::model::ChartOptions::default();
        Self {
            compact_positions: chart.compact_positions,
            stack_levels: 1,
            orientation: chart.orientation,
            collapsed: HashSet::new(),
            spacing: Spacing::default(),
            boxes: BoxMetrics::default(),
        }
    }
}

impl LayoutOptions {
    /// The options the document asks for (its `chart` settings), nothing collapsed.
    pub fn for_document(doc: &Document) -> Self {
        Self { compact_positions: doc.chart.compact_positions, orientation: doc.chart.orientation, ..Self::default() }
    }
}

/// One unit's box on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedBox {
    /// Index into `doc.units`.
    pub unit: usize,
    pub rect: Rect,
    pub style: BoxStyle,
    /// The name, wrapped to the box width with the bundled font.
    pub name_lines: Vec<String>,
    pub symbol: String,
    /// A wieloosobowe stanowisko pracy.
    pub multi_person: bool,
    /// How many units the box stands for beyond itself (> 0 when collapsed).
    pub hidden_descendants: usize,
}

/// A line between two boxes; `from` and `to` index `ChartLayout::boxes`.
#[derive(Debug, Clone, PartialEq)]
pub struct Connector {
    pub kind: ConnectorKind,
    pub from: usize,
    pub to: usize,
    pub points: Vec<Point>,
}

/// The laid-out chart, in chart units (points), with `bounds.min` at the origin.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartLayout {
    /// Boxes in document order of their units.
    pub boxes: Vec<PlacedBox>,
    /// Hierarchy connectors in document order of the child, then relations in document order.
    pub connectors: Vec<Connector>,
    pub bounds: Rect,
    pub orientation: Orientation,
    /// The box metrics the text was laid out with (renderers use its font sizes).
    pub metrics: BoxMetrics,
}

impl ChartLayout {
    /// The box of a unit (by its index in `doc.units`), if it is visible.
    pub fn box_of_unit(&self, unit: usize) -> Option<&PlacedBox> {
        self.boxes.binary_search_by_key(&unit, |b| b.unit).ok().map(|i| &self.boxes[i])
    }
}

/// Lays out the chart of a document. Units under a collapsed unit are left
/// out and counted on its box; relations to hidden units go to the
/// collapsed box that stands for them. Never fails: a unit the hierarchy
/// does not reach (a broken file) is simply not drawn.
pub fn layout(doc: &Document, options: &LayoutOptions) -> ChartLayout {
    let graph = OrgGraph::build(doc);
    let n = doc.units.len();
    let Some(root) = (0..n).find(|&i| doc.units[i].parent.is_none()) else {
        return ChartLayout { orientation: options.orientation, metrics: options.boxes, ..ChartLayout::default() };
    };
    // Visible units in pre-order, walking the graph's hierarchy edges.
    let collapsed: Vec<bool> = doc.units.iter().map(|u| options.collapsed.contains(&u.id)).collect();
    let mut order: Vec<usize> = Vec::with_capacity(n);
    let mut slot_of: Vec<Option<u32>> = vec![None; n];
    let mut parent_slot: Vec<Option<u32>> = Vec::with_capacity(n);
    let mut stack = vec![(root, None::<u32>)];
    let mut seen = vec![false; n];
    while let Some((unit, parent)) = stack.pop() {
        if std::mem::replace(&mut seen[unit], true) {
            continue;
        }
        let slot = order.len() as u32;
        slot_of[unit] = Some(slot);
        order.push(unit);
        parent_slot.push(parent);
        if !collapsed[unit] {
            let kids = graph.children(petgraph::graph::NodeIndex::new(unit));
            stack.extend(kids.iter().rev().map(|k| (graph.graph[*k], Some(slot))));
        }
    }
    let hidden = hidden_counts(&graph, n, &collapsed, &slot_of);

    let contents: Vec<BoxContent> =
        order.iter().map(|&u| boxes::content(&doc.units[u], &options.boxes, hidden[u])).collect();
    let plain = PlainTree {
        parent: parent_slot.clone(),
        width: contents.iter().map(|c| c.width).collect(),
        height: contents.iter().map(|c| c.height).collect(),
        // The department and the divisions never hang their sub-units in a
        // column: peer divisions keep one rank, each with its Dyrektor below
        // it, and only positions and a referat's (or deputy's) units stack.
        stack: order.iter().map(|&u| stacks_children(doc.units[u].kind)).collect(),
        stack_levels: if options.compact_positions { options.stack_levels } else { 0 },
    };
    // The walk above yields pre-order with matching sizes, which is all `place` checks.
    let placement = tree::place(&plain, &options.spacing, options.orientation).unwrap_or_default();

    let mut placed: Vec<(usize, PlacedBox)> = order
        .iter()
        .zip(contents)
        .zip(&placement.rects)
        .enumerate()
        .map(|(slot, ((&unit, content), rect))| {
            let placed = PlacedBox {
                unit,
                rect: *rect,
                style: content.style,
                name_lines: content.name_lines,
                symbol: content.symbol,
                multi_person: doc.units[unit].kind.is_multi_person(),
                hidden_descendants: hidden[unit],
            };
            (slot, placed)
        })
        .collect();
    placed.sort_by_key(|(_, b)| b.unit);
    let mut box_of_slot = vec![0usize; order.len()];
    for (i, (slot, _)) in placed.iter().enumerate() {
        box_of_slot[*slot] = i;
    }
    let boxes: Vec<PlacedBox> = placed.into_iter().map(|(_, b)| b).collect();

    let mut connectors = Vec::with_capacity(boxes.len() + doc.relations.len());
    for (to, b) in boxes.iter().enumerate() {
        let Some(parent) = slot_of[b.unit].and_then(|s| parent_slot[s as usize]) else { continue };
        let from = box_of_slot[parent as usize];
        let (p, c) = (&boxes[from].rect, &b.rect);
        let slot = slot_of[b.unit].map_or(0, |s| s as usize);
        let points = match (placement.stacked_under.get(slot), placement.group_spine.get(slot)) {
            (Some(Some(_)), _) => connectors::comb(p, c, &options.spacing),
            (_, Some(Some(spine))) => connectors::bus_to_spine(p, c, *spine, &options.spacing),
            _ => connectors::bus(p, c, &options.spacing, options.orientation),
        };
        connectors.push(Connector { kind: ConnectorKind::Hierarchy, from, to, points });
    }
    let rects: Vec<Rect> = boxes.iter().map(|b| b.rect).collect();
    let shown = |node: petgraph::graph::NodeIndex| visible_stand_in(doc, &graph, node.index(), &slot_of);
    for edge in graph.graph.edge_references() {
        let Link::Relation(kind) = *edge.weight() else { continue };
        let (Some(a), Some(b)) = (shown(edge.source()), shown(edge.target())) else { continue };
        let (from, to) = (box_of_slot[a as usize], box_of_slot[b as usize]);
        if from == to {
            continue;
        }
        let kind = match kind {
            RelationKind::NadzorujeBezposrednio => ConnectorKind::Supervision,
            RelationKind::WspolpracujeZ => ConnectorKind::Cooperation,
        };
        let points = connectors::route(&rects[from], &rects[to], &rects, &options.spacing);
        connectors.push(Connector { kind, from, to, points });
    }

    let mut result = ChartLayout {
        boxes,
        connectors,
        bounds: Rect::default(),
        orientation: options.orientation,
        metrics: options.boxes,
    };
    fit_to_origin(&mut result);
    result
}

/// Whether the sub-units of a unit of `kind` may hang in a column under it.
fn stacks_children(kind: crate::model::UnitKind) -> bool {
    !kind.is_division()
}

/// For each unit, how many units are hidden under it (only collapsed,
/// visible units get a count).
fn hidden_counts(graph: &OrgGraph, n: usize, collapsed: &[bool], slot_of: &[Option<u32>]) -> Vec<usize> {
    let mut counts = vec![0usize; n];
    for unit in 0..n {
        if collapsed[unit] && slot_of[unit].is_some() {
            counts[unit] = graph.descendants(petgraph::graph::NodeIndex::new(unit)).len();
        }
    }
    counts
}

/// The slot of the box that shows `unit`: its own, or its nearest visible ancestor's.
fn visible_stand_in(doc: &Document, graph: &OrgGraph, unit: usize, slot_of: &[Option<u32>]) -> Option<u32> {
    let mut current = unit;
    for _ in 0..=doc.units.len() {
        if let Some(slot) = slot_of[current] {
            return Some(slot);
        }
        let parent = graph
            .graph
            .edges_directed(petgraph::graph::NodeIndex::new(current), Direction::Incoming)
            .find(|e| *e.weight() == Link::Hierarchy)?;
        current = parent.source().index();
    }
    None
}

/// Moves everything so the bounds start at the origin.
fn fit_to_origin(chart: &mut ChartLayout) {
    let mut bounds: Option<Rect> = None;
    let boxes = chart.boxes.iter().map(|b| b.rect);
    let lines = chart.connectors.iter().flat_map(|c| c.points.iter().map(|p| Rect::from_min_max(*p, *p)));
    for r in boxes.chain(lines) {
        bounds = Some(bounds.map_or(r, |b| b.union(&r)));
    }
    let Some(bounds) = bounds else { return };
    let (dx, dy) = (-bounds.min.x, -bounds.min.y);
    for b in &mut chart.boxes {
        b.rect = b.rect.translate(dx, dy);
    }
    for c in &mut chart.connectors {
        for p in &mut c.points {
            p.x += dx;
            p.y += dy;
        }
    }
    chart.bounds = bounds.translate(dx, dy);
}

/// Lays out a plain tree of box sizes with the chart's algorithm (what the
/// benchmarks time): `parent[i]` is the parent of node `i` (before it, in
/// pre-order), and every leaf child of a node is stacked when `compact`.
pub fn layout_plain(
    parent: &[Option<u32>],
    sizes: &[(f32, f32)],
    compact: bool,
    spacing: &Spacing,
) -> Result<Vec<Rect>, TreeError> {
    let tree = PlainTree {
        parent: parent.to_vec(),
        width: sizes.iter().map(|s| s.0).collect(),
        height: sizes.iter().map(|s| s.1).collect(),
        stack: (0..parent.len()).map(|i| i > 0).collect(),
        stack_levels: u8::from(compact),
    };
    tree::place(&tree, spacing, Orientation::TopDown).map(|p| p.rects)
}
