//! The merged document: the new version plus its removed units as ghosts at
//! their old place, so one chart can show both (removed units drawn dashed).

use super::Diff;
use crate::model::{Document, Unit};

impl Diff {
    /// The new version with every removed unit put back under its old parent
    /// (or that parent's match), in the merged order of [`Diff::units`]. Ids
    /// stay unique: a removed unit's id is not used by the new version (it
    /// would have matched). Relations, metadata and chart options are the new
    /// version's. A removed old root has no place in the new tree and is left
    /// out with its subtree.
    pub fn merged_document(&self, old: &Document, new: &Document) -> Document {
        let mut units: Vec<Unit> = Vec::with_capacity(self.units.len());
        let mut kept = vec![false; self.units.len()];
        for (e, entry) in self.units.iter().enumerate() {
            let unit = match (&entry.new, &entry.old, entry.parent) {
                (Some(side), _, _) => new.units.get(side.index).cloned(),
                (None, Some(side), Some(parent)) if kept[parent] => {
                    let parent = &self.units[parent];
                    let parent_id = parent.new.as_ref().or(parent.old.as_ref()).map(|s| s.id.clone());
                    old.units.get(side.index).cloned().map(|unit| Unit { parent: parent_id, ..unit })
                }
                _ => None,
            };
            if let Some(unit) = unit {
                kept[e] = true;
                units.push(unit);
            }
        }
        Document { units, ..new.clone() }
    }
}
