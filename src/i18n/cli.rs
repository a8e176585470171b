//! Messages of the command line.

use super::Lang;

/// Fixed strings of the command line.
pub struct CliText {
    pub error: &'static str,
    pub no_gui_yet: &'static str,
}

const PL: CliText = CliText {
    error: "błąd",
    no_gui_yet: "Edytor graficzny nie jest jeszcze dostępny; użyj `schemat --help`, aby zobaczyć polecenia.",
};

const EN: CliText = CliText {
    error: "error",
    no_gui_yet: "The graphical editor is not available yet; see `schemat --help` for the commands.",
};

pub fn text(lang: Lang) -> &'static CliText {
    lang.pick(&PL, &EN)
}
