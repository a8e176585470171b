//! The example documents shipped with schemat; the first is the editor's default document.
