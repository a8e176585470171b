//! Messages of the command line.

use super::Lang;

/// Fixed strings of the command line.
pub struct CliText {
    pub error: &'static str,
}

const PL: CliText = CliText { error: "błąd" };

const EN: CliText = CliText { error: "error" };

pub fn text(lang: Lang) -> &'static CliText {
    lang.pick(&PL, &EN)
}
