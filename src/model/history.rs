//! Undo/redo over a session: a stack of applied steps, each holding the edit
//! that redoes it and the edit that undoes it.
//!
//! Typing in one field is coalesced into one step: the GUI passes a
//! coalescing key (e.g. "name of unit u7") and consecutive edits with the same
//! key merge until [`History::seal`] is called (focus left the field, the drag
//! ended, another command ran). The history also knows whether the document
//! differs from the last saved state.

use super::document::Document;
use super::edit::{Edit, EditError, apply};

#[derive(Debug, Clone)]
struct Step {
    redo: Edit,
    undo: Edit,
    key: Option<String>,
    /// Unique per step, so "saved" can point at a step.
    serial: u64,
}

/// The session's undo and redo stacks.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_serial: u64,
    /// Serial of the step on top of `undo` when the document was saved
    /// (`Some(None)` = saved with an empty undo stack; `None` = never saved).
    saved_at: Option<Option<u64>>,
    open_key: Option<String>,
}

impl History {
    /// A history for a document that is saved as it is now.
    pub fn new_saved() -> Self {
        Self { saved_at: Some(None), ..Self::default() }
    }

    /// Applies `edit` as a new undo step.
    pub fn apply(&mut self, doc: &mut Document, edit: Edit) -> Result<(), EditError> {
        self.seal();
        self.push(doc, edit, None)
    }

    /// Applies `edit`, merging it into the previous step when that step had
    /// the same `key` and was not sealed since.
    pub fn apply_coalescing(&mut self, doc: &mut Document, edit: Edit, key: &str) -> Result<(), EditError> {
        if self.open_key.as_deref() != Some(key) {
            self.seal();
        }
        self.push(doc, edit, Some(key.to_owned()))
    }

    fn push(&mut self, doc: &mut Document, edit: Edit, key: Option<String>) -> Result<(), EditError> {
        let undo = apply(doc, edit.clone())?;
        self.redo.clear();
        let mergeable = key.is_some()
            && self.open_key == key
            && self.undo.last().is_some_and(|s| s.key == key && Some(Some(s.serial)) != self.saved_at);
        if mergeable && let Some(last) = self.undo.last_mut() {
            last.redo = merge_forward(std::mem::replace(&mut last.redo, Edit::Batch(Vec::new())), edit);
            last.undo = merge_backward(undo, std::mem::replace(&mut last.undo, Edit::Batch(Vec::new())));
        } else {
            let serial = self.next_serial;
            self.next_serial += 1;
            self.undo.push(Step { redo: edit, undo, key: key.clone(), serial });
        }
        self.open_key = key;
        Ok(())
    }

    /// Ends the current coalescing group: the next edit starts a new step.
    pub fn seal(&mut self) {
        self.open_key = None;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The step the next undo reverts: the edit as it was made and the edit
    /// that reverts it (for naming the step and finding its unit).
    pub fn peek_undo(&self) -> Option<(&Edit, &Edit)> {
        self.undo.last().map(|s| (&s.redo, &s.undo))
    }

    /// The step the next redo makes again: the edit as it was made and its inverse.
    pub fn peek_redo(&self) -> Option<(&Edit, &Edit)> {
        self.redo.last().map(|s| (&s.redo, &s.undo))
    }

    /// Undoes the last step; false when there is nothing to undo.
    pub fn undo(&mut self, doc: &mut Document) -> bool {
        self.seal();
        replay(&mut self.undo, &mut self.redo, doc, |step| step.undo.clone())
    }

    /// Redoes the last undone step; false when there is nothing to redo.
    pub fn redo(&mut self, doc: &mut Document) -> bool {
        self.seal();
        replay(&mut self.redo, &mut self.undo, doc, |step| step.redo.clone())
    }

    /// Marks the current state as saved.
    pub fn mark_saved(&mut self) {
        self.seal();
        self.saved_at = Some(self.undo.last().map(|s| s.serial));
    }

    /// True when the document differs from the last saved state (or was never saved).
    pub fn is_dirty(&self) -> bool {
        self.saved_at != Some(self.undo.last().map(|s| s.serial))
    }

    /// Number of steps that can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }
}

/// Applies the edit `edit_of` picks from the top step of `from` and moves the
/// step to `to`; false when `from` is empty. A step whose edit is refused stays
/// where it was (cannot happen for the inverses `apply` produces).
fn replay(from: &mut Vec<Step>, to: &mut Vec<Step>, doc: &mut Document, edit_of: impl Fn(&Step) -> Edit) -> bool {
    let Some(step) = from.pop() else { return false };
    let applied = apply(doc, edit_of(&step)).is_ok();
    if applied {
        to.push(step)
    } else {
        from.push(step)
    }
    applied
}

/// `first` then `second` as one forward edit; two settings of the same field
/// collapse to the later one.
fn merge_forward(first: Edit, second: Edit) -> Edit {
    match (&first, &second) {
        (Edit::SetField { id: a, field: fa }, Edit::SetField { id: b, field: fb }) if a == b && fa.same_field(fb) => {
            second
        }
        _ => Edit::Batch(vec![first, second]),
    }
}

/// The undo of `later` then the undo of `earlier`; for the same field only
/// the earliest old value matters.
fn merge_backward(later: Edit, earlier: Edit) -> Edit {
    match (&later, &earlier) {
        (Edit::SetField { id: a, field: fa }, Edit::SetField { id: b, field: fb }) if a == b && fa.same_field(fb) => {
            earlier
        }
        _ => Edit::Batch(vec![later, earlier]),
    }
}
