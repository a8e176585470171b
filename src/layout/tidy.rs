//! The non-layered tidy tree of van der Ploeg ("Drawing non-layered tidy
//! trees in linear time", Software: Practice and Experience 44(12), 2014):
//! boxes of any size, each child row directly below its own parent, parents
//! centred over their children, subtrees packed as close as their contours
//! allow, in time linear in the number of nodes.
//!
//! The tree is given in abstract axes: *breadth* runs along a row of siblings
//! and *depth* from a parent to its children; the caller maps them to x and y
//! (top-down) or y and x (left-right). Sizes already include the gaps, so the
//! placed extents touch but the boxes drawn inside them do not.
//!
//! Nodes are indices in pre-order (every parent index is below its
//! children's), which lets both walks run as plain loops instead of
//! recursion: deep trees cannot overflow the stack.

/// Marks "no node" in index fields.
pub(crate) const NIL: u32 = u32::MAX;

/// Children lists of a tree in one flat array (compressed sparse rows).
#[derive(Debug, Clone, Default)]
pub(crate) struct Children {
    start: Vec<u32>,
    list: Vec<u32>,
}

impl Children {
    /// Builds the lists from parent indices (`NIL` for the root); siblings
    /// keep index order. Every parent index must be smaller than its child's.
    pub(crate) fn from_parents(parent: &[u32]) -> Self {
        let n = parent.len();
        let mut start = vec![0u32; n + 1];
        for &p in parent {
            if p != NIL {
                start[p as usize + 1] += 1;
            }
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut list = vec![0u32; start[n] as usize];
        for (child, &p) in parent.iter().enumerate() {
            if p != NIL {
                let slot = &mut fill[p as usize];
                list[*slot as usize] = child as u32;
                *slot += 1;
            }
        }
        Self { start, list }
    }

    pub(crate) fn of(&self, node: usize) -> &[u32] {
        &self.list[self.start[node] as usize..self.start[node + 1] as usize]
    }
}

/// Per-node state of the first walk (field names follow the paper).
#[derive(Debug, Clone, Copy)]
struct Work {
    prelim: f64,
    modifier: f64,
    shift: f64,
    change: f64,
    /// Sums of modifiers at the extreme left and right nodes.
    msel: f64,
    mser: f64,
    /// Left and right threads (contour continuations of a leaf).
    tl: u32,
    tr: u32,
    /// Extreme (deepest) left and right nodes of the subtree.
    el: u32,
    er: u32,
}

const FRESH: Work = Work {
    prelim: 0.0,
    modifier: 0.0,
    shift: 0.0,
    change: 0.0,
    msel: 0.0,
    mser: 0.0,
    tl: NIL,
    tr: NIL,
    el: NIL,
    er: NIL,
};

/// Lays out the tree; returns for each node the breadth coordinate of its
/// extent's start and the depth coordinate of its extent's top. Node 0 is
/// the root and sits at depth 0 with its extent starting at breadth 0.
pub(crate) fn place(children: &Children, breadth: &[f64], depth: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let n = breadth.len();
    let mut top = vec![0.0f64; n];
    for v in 0..n {
        let below = top[v] + depth[v];
        for &c in children.of(v) {
            top[c as usize] = below;
        }
    }
    let mut walk = Walk { children, breadth, depth, top: &top, w: vec![FRESH; n], iyl: Vec::new() };
    for v in (0..n).rev() {
        walk.first_walk(v);
    }
    let mut x = vec![0.0f64; n];
    let mut modsum = vec![0.0f64; n];
    if n > 0 {
        modsum[0] = walk.w[0].modifier;
    }
    for v in 0..n {
        x[v] = walk.w[v].prelim + modsum[v];
        walk.add_child_spacing(v);
        for &c in children.of(v) {
            modsum[c as usize] = modsum[v] + walk.w[c as usize].modifier;
        }
    }
    if let Some(&root) = x.first() {
        x.iter_mut().for_each(|v| *v -= root);
    }
    (x, top)
}

struct Walk<'a> {
    children: &'a Children,
    breadth: &'a [f64],
    depth: &'a [f64],
    top: &'a [f64],
    w: Vec<Work>,
    /// Left siblings still visible below the current subtree, as a stack of
    /// (lowest depth coordinate, sibling position); the paper's IYL list.
    iyl: Vec<(f64, usize)>,
}

impl Walk<'_> {
    fn bottom(&self, v: u32) -> f64 {
        self.top[v as usize] + self.depth[v as usize]
    }

    /// Runs once all children of `v` are done (reverse pre-order).
    fn first_walk(&mut self, v: usize) {
        let kids = self.children.of(v);
        if kids.is_empty() {
            self.set_extremes(v);
            return;
        }
        self.iyl.clear();
        let first_low = self.bottom(self.w[kids[0] as usize].el);
        update_iyl(&mut self.iyl, first_low, 0);
        for i in 1..kids.len() {
            // Read before `separate` may thread the extreme node elsewhere.
            let min_y = self.bottom(self.w[kids[i] as usize].er);
            self.separate(kids, i);
            update_iyl(&mut self.iyl, min_y, i);
        }
        self.position_root(v, kids);
        self.set_extremes(v);
    }

    fn set_extremes(&mut self, v: usize) {
        let kids = self.children.of(v);
        match (kids.first(), kids.last()) {
            (Some(&first), Some(&last)) => {
                let (f, l) = (self.w[first as usize], self.w[last as usize]);
                let t = &mut self.w[v];
                t.el = f.el;
                t.msel = f.msel;
                t.er = l.er;
                t.mser = l.mser;
            }
            _ => {
                let t = &mut self.w[v];
                t.el = v as u32;
                t.er = v as u32;
                t.msel = 0.0;
                t.mser = 0.0;
            }
        }
    }

    fn next_left(&self, v: u32) -> u32 {
        self.children.of(v as usize).first().copied().unwrap_or(self.w[v as usize].tl)
    }

    fn next_right(&self, v: u32) -> u32 {
        self.children.of(v as usize).last().copied().unwrap_or(self.w[v as usize].tr)
    }

    /// Pushes child `i` right until it clears the right contour of its left siblings.
    fn separate(&mut self, kids: &[u32], i: usize) {
        let mut sr = kids[i - 1];
        let mut mssr = self.w[sr as usize].modifier;
        let mut cl = kids[i];
        let mut mscl = self.w[cl as usize].modifier;
        let mut ih = self.iyl.len() - 1;
        while sr != NIL && cl != NIL {
            if self.bottom(sr) > self.iyl[ih].0 && ih > 0 {
                ih -= 1;
            }
            let (s, c) = (&self.w[sr as usize], &self.w[cl as usize]);
            let dist = (mssr + s.prelim + self.breadth[sr as usize]) - (mscl + c.prelim);
            if dist > 0.0 {
                mscl += dist;
                self.move_subtree(kids, i, self.iyl[ih].1, dist);
            }
            let (sy, cy) = (self.bottom(sr), self.bottom(cl));
            if sy <= cy {
                sr = self.next_right(sr);
                if sr != NIL {
                    mssr += self.w[sr as usize].modifier;
                }
            }
            if sy >= cy {
                cl = self.next_left(cl);
                if cl != NIL {
                    mscl += self.w[cl as usize].modifier;
                }
            }
        }
        if sr == NIL && cl != NIL {
            self.set_left_thread(kids, i, cl, mscl);
        } else if sr != NIL && cl == NIL {
            self.set_right_thread(kids, i, sr, mssr);
        }
    }

    fn move_subtree(&mut self, kids: &[u32], i: usize, si: usize, dist: f64) {
        let c = &mut self.w[kids[i] as usize];
        c.modifier += dist;
        c.msel += dist;
        c.mser += dist;
        // Spread the move over the siblings in between (distribute_extra).
        if si != i - 1 {
            let nr = (i - si) as f64;
            self.w[kids[si + 1] as usize].shift += dist / nr;
            let c = &mut self.w[kids[i] as usize];
            c.shift -= dist / nr;
            c.change -= dist - dist / nr;
        }
    }

    fn set_left_thread(&mut self, kids: &[u32], i: usize, cl: u32, modsum_cl: f64) {
        let first = kids[0] as usize;
        let li = self.w[first].el as usize;
        self.w[li].tl = cl;
        // Keep the threaded node in place while the modifier sum along the thread becomes right.
        let diff = (modsum_cl - self.w[cl as usize].modifier) - self.w[first].msel;
        self.w[li].modifier += diff;
        self.w[li].prelim -= diff;
        let current = self.w[kids[i] as usize];
        self.w[first].el = current.el;
        self.w[first].msel = current.msel;
    }

    fn set_right_thread(&mut self, kids: &[u32], i: usize, sr: u32, modsum_sr: f64) {
        let current = kids[i] as usize;
        let ri = self.w[current].er as usize;
        self.w[ri].tr = sr;
        let diff = (modsum_sr - self.w[sr as usize].modifier) - self.w[current].mser;
        self.w[ri].modifier += diff;
        self.w[ri].prelim -= diff;
        let previous = self.w[kids[i - 1] as usize];
        self.w[current].er = previous.er;
        self.w[current].mser = previous.mser;
    }

    /// Centres `v` over the span from its first child's start to its last child's end.
    fn position_root(&mut self, v: usize, kids: &[u32]) {
        let (first, last) = (kids[0] as usize, kids[kids.len() - 1] as usize);
        let (f, l) = (self.w[first], self.w[last]);
        self.w[v].prelim =
            (f.prelim + f.modifier + l.modifier + l.prelim + self.breadth[last]) / 2.0 - self.breadth[v] / 2.0;
    }

    /// Turns the shifts and changes of `distribute_extra` into modifiers.
    fn add_child_spacing(&mut self, v: usize) {
        let (mut d, mut modsum_delta) = (0.0, 0.0);
        for &c in self.children.of(v) {
            let c = &mut self.w[c as usize];
            d += c.shift;
            modsum_delta += d + c.change;
            c.modifier += modsum_delta;
        }
    }
}

fn update_iyl(iyl: &mut Vec<(f64, usize)>, min_y: f64, i: usize) {
    while iyl.last().is_some_and(|&(low, _)| min_y >= low) {
        iyl.pop();
    }
    iyl.push((min_y, i));
}
