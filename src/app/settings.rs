//! Settings that persist between runs (eframe storage): language, theme and
//! recent files. The window size is persisted by eframe itself. Transient view
//! state (selection, zoom, drag) lives in [`super::view::ViewState`] and is
//! never saved; undo history is never saved either.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// The key under which the settings are stored.
pub const STORAGE_KEY: &str = "schemat.settings";

/// How many recent files the Plik menu lists.
pub const MAX_RECENT: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// Persisted settings; unknown or missing fields fall back to defaults, so an
/// older or newer settings blob never stops the app from starting.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    pub theme: Theme,
    /// Most recent first, no duplicates.
    pub recent: Vec<PathBuf>,
}

impl Settings {
    /// Puts `path` (made absolute and canonical) at the top of the recent files.
    pub fn remember(&mut self, path: &Path) {
        let path = super::files::canonical(path);
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remember_moves_to_front_without_duplicates() {
        let mut s = Settings::default();
        for name in ["a.ron", "b.ron", "a.ron"] {
            s.remember(Path::new(name));
        }
        let cwd = std::env::current_dir().unwrap().canonicalize().unwrap();
        assert_eq!(s.recent, vec![cwd.join("a.ron"), cwd.join("b.ron")], "absolute, so a restart elsewhere finds them");
        s.remember(&cwd.join("sub").join("..").join("b.ron"));
        assert_eq!(s.recent, vec![cwd.join("b.ron"), cwd.join("a.ron")], "the same file once, however it was named");
        for i in 0..20 {
            s.remember(&PathBuf::from(format!("{i}.ron")));
        }
        assert_eq!(s.recent.len(), MAX_RECENT);
    }

    #[test]
    fn settings_tolerate_missing_fields() {
        let s: Settings = ron::from_str("(lang: En)").unwrap();
        assert_eq!(s.lang, Lang::En);
        assert_eq!(s.theme, Theme::Light);
    }
}
