//! The department as a petgraph graph: hierarchy edges plus the relations that
//! are not the tree. Validation (cycles, reachability), the layout and the
//! diff traverse this graph instead of keeping graphs of their own.

use std::collections::HashMap;

use petgraph::Direction;
use petgraph::algo::{has_path_connecting, tarjan_scc};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::{Dfs, EdgeFiltered, EdgeRef};

use super::document::Document;
use super::unit::{RelationKind, UnitId};

/// An edge of the organization graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Link {
    /// Parent → child in the hierarchy.
    Hierarchy,
    /// A relation outside the tree.
    Relation(RelationKind),
}

/// The graph of one document. Node weights are indices into `Document::units`
/// (document order), so node `i` is unit `i`.
#[derive(Debug, Clone)]
pub struct OrgGraph {
    pub graph: DiGraph<usize, Link>,
    node_of: HashMap<UnitId, NodeIndex>,
}

impl OrgGraph {
    /// Builds the graph; hierarchy edges are added in document order, so the
    /// children of a node are its outgoing hierarchy edges in sibling order
    /// (see [`OrgGraph::children`]). Units or relations naming missing units
    /// are skipped: validation reports them.
    pub fn build(doc: &Document) -> Self {
        let mut graph = DiGraph::with_capacity(doc.units.len(), doc.units.len() + doc.relations.len());
        let mut node_of = HashMap::with_capacity(doc.units.len());
        for (i, unit) in doc.units.iter().enumerate() {
            let node = graph.add_node(i);
            node_of.entry(unit.id.clone()).or_insert(node);
        }
        for (i, unit) in doc.units.iter().enumerate() {
            if let Some(parent) = unit.parent.as_ref().and_then(|p| node_of.get(p)) {
                graph.add_edge(*parent, NodeIndex::new(i), Link::Hierarchy);
            }
        }
        for relation in &doc.relations {
            if let (Some(from), Some(to)) = (node_of.get(&relation.from), node_of.get(&relation.to)) {
                graph.add_edge(*from, *to, Link::Relation(relation.kind));
            }
        }
        Self { graph, node_of }
    }

    pub fn node(&self, id: &UnitId) -> Option<NodeIndex> {
        self.node_of.get(id).copied()
    }

    /// Children of a node in sibling order (document order).
    pub fn children(&self, node: NodeIndex) -> Vec<NodeIndex> {
        let mut kids: Vec<NodeIndex> = self
            .graph
            .edges_directed(node, Direction::Outgoing)
            .filter(|e| *e.weight() == Link::Hierarchy)
            .map(|e| e.target())
            .collect();
        kids.sort_unstable();
        kids
    }

    /// Every unit under `node` (not including it), in depth-first order.
    pub fn descendants(&self, node: NodeIndex) -> Vec<NodeIndex> {
        let tree = EdgeFiltered::from_fn(&self.graph, |e| *e.weight() == Link::Hierarchy);
        let mut dfs = Dfs::new(&tree, node);
        let mut out = Vec::new();
        while let Some(n) = dfs.next(&tree) {
            if n != node {
                out.push(n);
            }
        }
        out.sort_unstable();
        out
    }

    /// True when `to` is below `from` in the hierarchy.
    pub fn is_below(&self, from: NodeIndex, to: NodeIndex) -> bool {
        let tree = EdgeFiltered::from_fn(&self.graph, |e| *e.weight() == Link::Hierarchy);
        from != to && has_path_connecting(&tree, from, to, None)
    }

    /// Groups of units that supervise each other in a circle through
    /// hierarchy and "nadzoruje bezpośrednio" edges (each group sorted, groups
    /// sorted). Coordination ("współpracuje z") is symmetric by nature and
    /// does not count.
    pub fn supervision_cycles(&self) -> Vec<Vec<usize>> {
        self.cycles(|link| matches!(link, Link::Hierarchy | Link::Relation(RelationKind::NadzorujeBezposrednio)))
    }

    /// Groups of units that are their own ancestors through hierarchy edges
    /// alone, including a unit that names itself as its parent. A document
    /// that passed `Document::check_structure` has none.
    pub fn hierarchy_cycles(&self) -> Vec<Vec<usize>> {
        self.cycles(|link| *link == Link::Hierarchy)
    }

    /// Strongly connected groups of more than one unit, or one unit with a
    /// loop, over the edges that `follow` accepts.
    fn cycles(&self, follow: impl Fn(&Link) -> bool) -> Vec<Vec<usize>> {
        let edges = EdgeFiltered::from_fn(&self.graph, |e| follow(e.weight()));
        let mut cycles: Vec<Vec<usize>> = tarjan_scc(&edges)
            .into_iter()
            .filter(|scc| scc.len() > 1 || self.graph.edges_connecting(scc[0], scc[0]).any(|e| follow(e.weight())))
            .map(|scc| {
                let mut units: Vec<usize> = scc.into_iter().map(|n| self.graph[n]).collect();
                units.sort_unstable();
                units
            })
            .collect();
        cycles.sort();
        cycles
    }
}
