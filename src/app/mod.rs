//! The egui/eframe editor: one module per panel; panels read state and emit edits.
