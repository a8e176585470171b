//! Connector polylines: orthogonal bus lines of the hierarchy, the comb of a
//! stacked column, and routed dashed lines for relations outside the tree.

use super::geometry::{Point, Rect};
use super::tree::Spacing;
use crate::model::Orientation;

/// What a connector stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ConnectorKind {
    /// Parent to child in the hierarchy (solid).
    Hierarchy,
    /// "nadzoruje bezpośrednio" (dashed).
    Supervision,
    /// "współpracuje z" (dotted).
    Cooperation,
}

/// The hierarchy line from `parent` to a child in its row: down from the
/// parent's middle to the bus, along the bus, down into the child's middle.
pub(crate) fn bus(parent: &Rect, child: &Rect, spacing: &Spacing, orientation: Orientation) -> Vec<Point> {
    let (p, c) = (parent.center(), child.center());
    let points = match orientation {
        Orientation::TopDown => {
            let bus_y = parent.max.y + spacing.level_gap / 2.0;
            vec![
                Point::new(p.x, parent.max.y),
                Point::new(p.x, bus_y),
                Point::new(c.x, bus_y),
                Point::new(c.x, child.min.y),
            ]
        }
        Orientation::LeftRight => {
            let bus_x = parent.max.x + spacing.level_gap / 2.0;
            vec![
                Point::new(parent.max.x, p.y),
                Point::new(bus_x, p.y),
                Point::new(bus_x, c.y),
                Point::new(child.min.x, c.y),
            ]
        }
    };
    simplified(points)
}

/// The hierarchy line from a parent to a box in a column of its children:
/// down to the bus, along it to the column's spine, down the spine, then
/// right into the box's middle.
pub(crate) fn bus_to_spine(parent: &Rect, child: &Rect, spine_x: f32, spacing: &Spacing) -> Vec<Point> {
    let (p, y) = (parent.center(), child.center().y);
    let bus_y = parent.max.y + spacing.level_gap / 2.0;
    simplified(vec![
        Point::new(p.x, parent.max.y),
        Point::new(p.x, bus_y),
        Point::new(spine_x, bus_y),
        Point::new(spine_x, y),
        Point::new(child.min.x, y),
    ])
}

/// The hierarchy line from a stacking parent to one box of its column: down
/// the column's spine, then right into the box's middle.
pub(crate) fn comb(parent: &Rect, child: &Rect, spacing: &Spacing) -> Vec<Point> {
    let spine_x = parent.min.x + spacing.stack_indent / 2.0;
    let y = child.center().y;
    vec![Point::new(spine_x, parent.max.y), Point::new(spine_x, y), Point::new(child.min.x, y)]
}

/// Drops points that continue a straight segment, and repeated points.
fn simplified(points: Vec<Point>) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for p in points {
        if out.last().is_some_and(|q| (q.x - p.x).abs() < 0.01 && (q.y - p.y).abs() < 0.01) {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let collinear = ((a.x - b.x).abs() < 0.01 && (b.x - p.x).abs() < 0.01)
                || ((a.y - b.y).abs() < 0.01 && (b.y - p.y).abs() < 0.01);
            if collinear {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

#[derive(Debug, Clone, Copy)]
enum Side {
    Top,
    Bottom,
    Left,
    Right,
}

const SIDES: [Side; 4] = [Side::Top, Side::Bottom, Side::Left, Side::Right];

/// The middle of a side and the point a stub's length away from it.
fn port(rect: &Rect, side: Side, stub: f32) -> (Point, Point) {
    let c = rect.center();
    match side {
        Side::Top => (Point::new(c.x, rect.min.y), Point::new(c.x, rect.min.y - stub)),
        Side::Bottom => (Point::new(c.x, rect.max.y), Point::new(c.x, rect.max.y + stub)),
        Side::Left => (Point::new(rect.min.x, c.y), Point::new(rect.min.x - stub, c.y)),
        Side::Right => (Point::new(rect.max.x, c.y), Point::new(rect.max.x + stub, c.y)),
    }
}

/// True when the axis-parallel segment `a`-`b` passes through the inside of
/// `r` (running along its border does not count).
fn crosses(a: Point, b: Point, r: &Rect) -> bool {
    let (x0, x1) = (a.x.min(b.x), a.x.max(b.x));
    let (y0, y1) = (a.y.min(b.y), a.y.max(b.y));
    if y1 - y0 < 0.01 {
        y0 > r.min.y && y0 < r.max.y && x1 > r.min.x && x0 < r.max.x
    } else {
        x0 > r.min.x && x0 < r.max.x && y1 > r.min.y && y0 < r.max.y
    }
}

/// An orthogonal route from `from` to `to` that crosses as few boxes as it
/// can: every pair of sides, leaving and entering by a short stub and
/// joined by an elbow either way round, scored by boxes crossed and then by
/// length. Ties keep the first candidate, so the route is deterministic.
pub(crate) fn route(from: &Rect, to: &Rect, boxes: &[Rect], spacing: &Spacing) -> Vec<Point> {
    let stub = spacing.sibling_gap.min(spacing.level_gap) / 3.0;
    let mut best: Option<(usize, f32, Vec<Point>)> = None;
    for exit in SIDES {
        for entry in SIDES {
            let (a0, a1) = port(from, exit, stub);
            let (b0, b1) = port(to, entry, stub);
            for horizontal_first in [true, false] {
                let elbow = if horizontal_first { Point::new(b1.x, a1.y) } else { Point::new(a1.x, b1.y) };
                let points = simplified(vec![a0, a1, elbow, b1, b0]);
                let crossings: usize =
                    points.windows(2).map(|s| boxes.iter().filter(|r| crosses(s[0], s[1], r)).count()).sum();
                let length: f32 = points.windows(2).map(|s| (s[0].x - s[1].x).abs() + (s[0].y - s[1].y).abs()).sum();
                if best.as_ref().is_none_or(|(c, l, _)| crossings < *c || (crossings == *c && length < *l - 0.01)) {
                    best = Some((crossings, length, points));
                }
            }
        }
    }
    best.map(|(_, _, points)| points).unwrap_or_default()
}
