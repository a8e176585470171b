//! The org chart layout (schemat graficzny): positioned boxes and connectors, no egui.
