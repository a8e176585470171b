//! Placement of a plain tree of boxes: the one algorithm behind the chart of
//! a document and behind the benchmarks' synthetic trees.
//!
//! On top of the tidy tree ([`super::tidy`]) it adds compact stacking (the
//! children of a marked node hang in one column under it, indented, when
//! they are leaves or, up to a nesting depth, columns themselves; the node
//! with its column takes part in the tidy tree as one block) and the
//! left-right orientation (the tidy tree runs with the axes swapped; siblings
//! then already form columns, so stacking is not applied).

use super::geometry::{Point, Rect};
use super::tidy::{self, Children, NIL};
use crate::model::Orientation;

/// Gaps between boxes, in chart units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spacing {
    /// Between neighbouring siblings (and neighbouring subtrees).
    pub sibling_gap: f32,
    /// Between a parent and its row of children.
    pub level_gap: f32,
    /// How far a stacked column is indented from its parent's left edge.
    pub stack_indent: f32,
    /// Between the boxes of a stacked column.
    pub stack_gap: f32,
}

impl Default for Spacing {
    fn default() -> Self {
        Self { sibling_gap: 8.0, level_gap: 24.0, stack_indent: 8.0, stack_gap: 4.0 }
    }
}

/// A tree of boxes in pre-order: node 0 is the root and every parent index
/// is smaller than its children's (a document's unit order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlainTree {
    /// The parent of each node; `None` only for node 0.
    pub parent: Vec<Option<u32>>,
    pub width: Vec<f32>,
    pub height: Vec<f32>,
    /// Nodes whose children may stack in one column under them.
    pub stack: Vec<bool>,
    /// How deeply columns may nest: 0 stacks nothing, 1 stacks leaves under
    /// their parent (a referat's positions), 2 also stacks such blocks under
    /// their parent (a deputy's referaty with their positions), and so on.
    pub stack_levels: u8,
}

/// Why a plain tree cannot be laid out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TreeError {
    #[error("node {0} has a parent that does not come before it (nodes must be in pre-order)")]
    NotPreOrder(usize),
    #[error("only the first node may lack a parent, but node {0} has none")]
    SecondRoot(usize),
    #[error("the size lists do not match the number of nodes")]
    SizeMismatch,
}

/// Where each node of a [`PlainTree`] went.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TreePlacement {
    pub rects: Vec<Rect>,
    /// For a node in a stacked column, the node whose column it is.
    pub stacked_under: Vec<Option<u32>>,
    /// For a node in a column of siblings (hung from its parent's bus), the x of that column's spine.
    pub group_spine: Vec<Option<f32>>,
}

/// A block of the tidy tree: a node (with any column under it) or a column of siblings.
enum Slot {
    Node(u32),
    Group(u32),
}

impl PlainTree {
    /// Checks the pre-order and size invariants the placement relies on.
    pub fn check(&self) -> Result<(), TreeError> {
        let n = self.parent.len();
        if self.width.len() != n || self.height.len() != n || self.stack.len() != n {
            return Err(TreeError::SizeMismatch);
        }
        for (i, p) in self.parent.iter().enumerate() {
            match p {
                None if i > 0 => return Err(TreeError::SecondRoot(i)),
                Some(p) if *p as usize >= i => return Err(TreeError::NotPreOrder(i)),
                _ => {}
            }
        }
        Ok(())
    }
}

/// Places every node of a checked tree.
pub fn place(tree: &PlainTree, spacing: &Spacing, orientation: Orientation) -> Result<TreePlacement, TreeError> {
    tree.check()?;
    let n = tree.parent.len();
    if n == 0 {
        return Ok(TreePlacement::default());
    }
    let parent: Vec<u32> = tree.parent.iter().map(|p| p.unwrap_or(NIL)).collect();
    let all = Children::from_parents(&parent);
    let top_down = orientation == Orientation::TopDown;
    let levels = if top_down { tree.stack_levels } else { 0 };

    // Column heads: stacking nodes whose subtree is columns nested at most
    // `levels` deep. Every child of a head hangs in its column. Block sizes
    // are the box plus everything hanging under it.
    let mut nesting: Vec<Option<u8>> = vec![None; n];
    let mut block_w: Vec<f32> = tree.width.clone();
    let mut block_h: Vec<f32> = tree.height.clone();
    for v in (0..n).rev() {
        let kids = all.of(v);
        if kids.is_empty() {
            nesting[v] = Some(0);
            continue;
        }
        let deepest = kids.iter().try_fold(0u8, |m, &c| nesting[c as usize].map(|d| m.max(d)));
        if let Some(d) = deepest.filter(|&d| tree.stack[v] && d < levels) {
            nesting[v] = Some(d + 1);
            for &c in kids {
                block_w[v] = block_w[v].max(spacing.stack_indent + block_w[c as usize]);
                block_h[v] += spacing.stack_gap + block_h[c as usize];
            }
        }
    }
    let is_head = |v: usize| nesting[v].is_some_and(|d| d > 0);
    let stacked_under: Vec<Option<u32>> =
        parent.iter().map(|&p| (p != NIL && is_head(p as usize)).then_some(p)).collect();

    // Sibling groups (from two nesting levels on): under a parent whose row
    // also holds wider subtrees, runs of two or more neighbouring column
    // blocks share one column, hung from the parent's bus line.
    let mut group_of: Vec<u32> = vec![NIL; n];
    let mut groups: Vec<Vec<u32>> = Vec::new();
    if levels >= 2 {
        for v in 0..n {
            let kids = all.of(v);
            if is_head(v) || kids.iter().all(|&c| nesting[c as usize].is_some()) {
                continue;
            }
            for run in kids.split(|&c| nesting[c as usize].is_none()).filter(|run| run.len() >= 2) {
                run.iter().for_each(|&c| group_of[c as usize] = groups.len() as u32);
                groups.push(run.to_vec());
            }
        }
    }
    let group_w: Vec<f32> = groups
        .iter()
        .map(|g| spacing.stack_indent + g.iter().map(|&m| block_w[m as usize]).fold(0.0, f32::max))
        .collect();
    let group_h: Vec<f32> = groups
        .iter()
        .map(|g| g.iter().map(|&m| block_h[m as usize]).sum::<f32>() + spacing.stack_gap * (g.len() - 1) as f32)
        .collect();

    // The tidy tree: every node not hanging in a column, and one block per
    // group, renumbered in pre-order.
    let mut slots: Vec<Slot> = Vec::with_capacity(n);
    let mut tidy_parent: Vec<u32> = Vec::with_capacity(n);
    let mut tidy_index = vec![NIL; n];
    for v in 0..n {
        if stacked_under[v].is_some() {
            continue;
        }
        let p = parent[v];
        let p_index = if p == NIL { NIL } else { tidy_index[p as usize] };
        match group_of[v] {
            NIL => {
                tidy_index[v] = slots.len() as u32;
                tidy_parent.push(p_index);
                slots.push(Slot::Node(v as u32));
            }
            g if groups[g as usize][0] == v as u32 => {
                tidy_parent.push(p_index);
                slots.push(Slot::Group(g));
            }
            _ => {}
        }
    }
    let tidy_children = if slots.len() == n { all } else { Children::from_parents(&tidy_parent) };
    let (b_gap, d_gap) = (spacing.sibling_gap, spacing.level_gap);
    let (breadth, depth) = if top_down { (&block_w, &block_h) } else { (&block_h, &block_w) };
    let extent = |slot: &Slot| match *slot {
        Slot::Node(v) => (breadth[v as usize], depth[v as usize]),
        Slot::Group(g) => (group_w[g as usize], group_h[g as usize]),
    };
    let breadth_padded: Vec<f64> = slots.iter().map(|s| f64::from(extent(s).0 + b_gap)).collect();
    let depth_padded: Vec<f64> = slots.iter().map(|s| f64::from(extent(s).1 + d_gap)).collect();
    let (b_pos, d_pos) = tidy::place(&tidy_children, &breadth_padded, &depth_padded);

    let mut rects = vec![Rect::default(); n];
    let mut group_rects = vec![Rect::default(); groups.len()];
    for (t, slot) in slots.iter().enumerate() {
        let b = (b_pos[t] + f64::from(b_gap) / 2.0) as f32;
        let d = d_pos[t] as f32;
        let (x, y) = if top_down { (b, d) } else { (d, b) };
        match *slot {
            Slot::Node(v) => {
                // A column head is drawn as wide as its block, so head and column line up.
                let v = v as usize;
                let w = if top_down { block_w[v] } else { tree.width[v] };
                rects[v] = Rect::from_min_size(Point::new(x, y), w, tree.height[v]);
            }
            Slot::Group(g) => {
                let g = g as usize;
                group_rects[g] = Rect::from_min_size(Point::new(x, y), group_w[g], group_h[g]);
            }
        }
    }
    // Columns, in pre-order so a nested head is placed before its own column.
    let mut next_y: Vec<f32> = vec![0.0; n];
    let mut group_next_y: Vec<f32> = group_rects.iter().map(|r| r.min.y).collect();
    let mut group_spine: Vec<Option<f32>> = vec![None; n];
    for v in 0..n {
        if let Some(head) = stacked_under[v] {
            let head_rect = rects[head as usize];
            let y = next_y[head as usize] + spacing.stack_gap;
            let x = head_rect.min.x + spacing.stack_indent;
            rects[v] = Rect::from_min_size(Point::new(x, y), head_rect.max.x - x, tree.height[v]);
            next_y[head as usize] = y + block_h[v];
        } else if group_of[v] != NIL {
            let g = group_of[v] as usize;
            let area = group_rects[g];
            let (x, y) = (area.min.x + spacing.stack_indent, group_next_y[g]);
            rects[v] = Rect::from_min_size(Point::new(x, y), area.max.x - x, tree.height[v]);
            group_next_y[g] = y + block_h[v] + spacing.stack_gap;
            group_spine[v] = Some(area.min.x + spacing.stack_indent / 2.0);
        }
        next_y[v] = rects[v].max.y;
    }
    Ok(TreePlacement { rects, stacked_under, group_spine })
}
