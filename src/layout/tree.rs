//! Placement of a plain tree of boxes: the one algorithm behind the chart of
//! a document and behind the benchmarks' synthetic trees.
//!
//! On top of the tidy tree ([`super::tidy`]) it adds compact stacking (the
//! leaf children of a marked node hang in one column under it, and the node
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
        Self { sibling_gap: 12.0, level_gap: 28.0, stack_indent: 12.0, stack_gap: 6.0 }
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
    /// Nodes whose children (when they are all leaves) stack in one column.
    pub stack: Vec<bool>,
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

    // Which nodes hang in a stacked column: leaf children of a stacking node.
    let mut stacked_under = vec![None; n];
    if top_down {
        for v in 0..n {
            let kids = all.of(v);
            if tree.stack[v] && !kids.is_empty() && kids.iter().all(|&c| all.of(c as usize).is_empty()) {
                kids.iter().for_each(|&c| stacked_under[c as usize] = Some(v as u32));
            }
        }
    }

    // The tidy tree: every node not in a column, renumbered in pre-order.
    let mut tidy_index = vec![NIL; n];
    let mut members: Vec<u32> = Vec::with_capacity(n);
    let mut tidy_parent: Vec<u32> = Vec::with_capacity(n);
    for v in 0..n {
        if stacked_under[v].is_none() {
            tidy_index[v] = members.len() as u32;
            members.push(v as u32);
            tidy_parent.push(if parent[v] == NIL { NIL } else { tidy_index[parent[v] as usize] });
        }
    }
    // Block sizes: a stacking node with its column is one block.
    let mut block_w: Vec<f32> = members.iter().map(|&v| tree.width[v as usize]).collect();
    let mut block_h: Vec<f32> = members.iter().map(|&v| tree.height[v as usize]).collect();
    for (v, under) in stacked_under.iter().enumerate() {
        if let Some(s) = under {
            let t = tidy_index[*s as usize] as usize;
            block_w[t] = block_w[t].max(spacing.stack_indent + tree.width[v]);
            block_h[t] += spacing.stack_gap + tree.height[v];
        }
    }
    let (breadth, depth, b_gap, d_gap) = if top_down {
        (&block_w, &block_h, spacing.sibling_gap, spacing.level_gap)
    } else {
        (&block_h, &block_w, spacing.sibling_gap, spacing.level_gap)
    };
    let breadth_padded: Vec<f64> = breadth.iter().map(|&b| f64::from(b + b_gap)).collect();
    let depth_padded: Vec<f64> = depth.iter().map(|&d| f64::from(d + d_gap)).collect();
    let (b_pos, d_pos) = tidy::place(&Children::from_parents(&tidy_parent), &breadth_padded, &depth_padded);

    let mut rects = vec![Rect::default(); n];
    for (t, &v) in members.iter().enumerate() {
        let b = (b_pos[t] + f64::from(b_gap) / 2.0) as f32;
        let d = d_pos[t] as f32;
        let (x, y) = if top_down { (b, d) } else { (d, b) };
        // A stacking node is drawn as wide as its block, so column and head line up.
        let w = if top_down { block_w[t] } else { tree.width[v as usize] };
        rects[v as usize] = Rect::from_min_size(Point::new(x, y), w, tree.height[v as usize]);
    }
    let mut column_bottom: Vec<Option<f32>> = vec![None; n];
    for v in 0..n {
        if let Some(s) = stacked_under[v] {
            let head = rects[s as usize];
            let y = column_bottom[s as usize].unwrap_or(head.max.y) + spacing.stack_gap;
            let x = head.min.x + spacing.stack_indent;
            rects[v] = Rect::from_min_size(Point::new(x, y), head.max.x - x, tree.height[v]);
            column_bottom[s as usize] = Some(y + tree.height[v]);
        }
    }
    Ok(TreePlacement { rects, stacked_under })
}
