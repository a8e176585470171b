//! `OrgGraph`: the petgraph view of a document (children in order, descendants,
//! reachability, supervision cycles).

use schemat::model::{Document, Link, OrgGraph, Relation, RelationKind, Unit, UnitId, UnitKind};

fn id(s: &str) -> UnitId {
    UnitId::new(s)
}

fn doc() -> Document {
    let u = |i: &str, p: Option<&str>, kind| Unit::new(id(i), p.map(id), kind, i, "");
    use UnitKind::*;
    Document {
        units: vec![
            u("doa", None, Departament),
            u("it", Some("doa"), Wydzial),
            u("it-ziii", Some("it"), ZastepcaDyrektora),
            u("it-ss", Some("it-ziii"), Referat),
            u("it-ss-1", Some("it-ss"), StanowiskoPracy),
            u("it-tb", Some("it"), Referat),
            u("om", Some("doa"), Biuro),
        ],
        relations: vec![
            Relation { kind: RelationKind::NadzorujeBezposrednio, from: id("it-ziii"), to: id("it-tb") },
            Relation { kind: RelationKind::WspolpracujeZ, from: id("om"), to: id("it") },
        ],
        ..Document::default()
    }
}

fn names(doc: &Document, graph: &OrgGraph, nodes: Vec<petgraph::graph::NodeIndex>) -> Vec<String> {
    nodes.into_iter().map(|n| doc.units[graph.graph[n]].id.to_string()).collect()
}

#[test]
fn children_are_in_sibling_order_and_descendants_complete() {
    let d = doc();
    let g = OrgGraph::build(&d);
    assert_eq!(g.graph.node_count(), 7);
    assert_eq!(g.graph.edge_count(), 6 + 2);
    let it = g.node(&id("it")).unwrap();
    assert_eq!(names(&d, &g, g.children(it)), ["it-ziii", "it-tb"]);
    assert_eq!(names(&d, &g, g.descendants(it)), ["it-ziii", "it-ss", "it-ss-1", "it-tb"]);
    assert_eq!(names(&d, &g, g.children(g.node(&id("it-ss-1")).unwrap())), Vec::<String>::new());
    assert!(g.node(&id("ghost")).is_none());
    let kinds: Vec<Link> = g.graph.edge_weights().copied().filter(|l| *l != Link::Hierarchy).collect();
    assert_eq!(
        kinds,
        [Link::Relation(RelationKind::NadzorujeBezposrednio), Link::Relation(RelationKind::WspolpracujeZ)]
    );
}

#[test]
fn reachability_follows_the_hierarchy_only() {
    let d = doc();
    let g = OrgGraph::build(&d);
    let n = |s: &str| g.node(&id(s)).unwrap();
    assert!(g.is_below(n("doa"), n("it-ss-1")));
    assert!(g.is_below(n("it"), n("it-tb")));
    assert!(!g.is_below(n("it-ss-1"), n("doa")));
    assert!(!g.is_below(n("it"), n("it")));
    // om cooperates with it, but it is not below om.
    assert!(!g.is_below(n("om"), n("it")));
}

#[test]
fn supervision_cycles_ignore_cooperation() {
    let mut d = doc();
    assert!(OrgGraph::build(&d).supervision_cycles().is_empty());
    d.relations.push(Relation { kind: RelationKind::WspolpracujeZ, from: id("it-ss-1"), to: id("it") });
    assert!(OrgGraph::build(&d).supervision_cycles().is_empty(), "cooperation closes no circle");
    d.relations.push(Relation { kind: RelationKind::NadzorujeBezposrednio, from: id("it-ss"), to: id("it") });
    assert_eq!(OrgGraph::build(&d).supervision_cycles(), vec![vec![1, 2, 3]]);
}

#[test]
fn dangling_references_are_skipped_not_fatal() {
    let mut d = doc();
    d.relations.push(Relation { kind: RelationKind::WspolpracujeZ, from: id("ghost"), to: id("it") });
    d.units.push(Unit::new(id("orphan"), Some(id("nobody")), UnitKind::Zespol, "x", ""));
    let g = OrgGraph::build(&d);
    assert_eq!(g.graph.node_count(), 8);
    assert_eq!(g.graph.edge_count(), 8);
}
