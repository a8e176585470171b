//! Every user-facing string, in Polish (the default) and English.
//!
//! Each area has its own table module; a table is a struct of `&'static str`
//! fields (and functions for messages with parameters) with one constant per
//! language, so the compiler checks that both languages say everything.

pub mod app;
pub mod chart;
pub mod cli;
pub mod diff;
pub mod import;
pub mod io;
pub mod model;
pub mod review;
pub mod source;
pub mod validation;

use serde::{Deserialize, Serialize};

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize, clap::ValueEnum)]
pub enum Lang {
    /// Polski (default)
    #[default]
    Pl,
    /// English
    En,
}

impl Lang {
    /// Picks the string of this language.
    pub fn pick<T>(self, pl: T, en: T) -> T {
        match self {
            Lang::Pl => pl,
            Lang::En => en,
        }
    }
}
