//! schemat: an editor for the organizational structure (Regulamin
//! Organizacyjny) of Polish city-hall departments.
//!
//! The core (`model`, `legal`, `import`, `io`, `files`, `validate`, `layout`, `render`, `export`, `diff`) has no GUI
//! dependency; `app` is the egui/eframe editor on top of it and `cli` the
//! command line. All user-facing text of both languages lives in `i18n`.

pub mod app;
pub mod cli;
pub mod diff;
pub mod examples;
pub mod export;
pub mod files;
pub mod i18n;
pub mod import;
pub mod io;
pub mod layout;
pub mod legal;
pub mod model;
pub mod render;
pub mod validate;

pub use cli::run;
