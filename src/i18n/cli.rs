//! Messages of the command line.

use super::Lang;

/// Fixed strings of the command line.
pub struct CliText {
    pub error: &'static str,
    /// `schemat regulamin` on a file none of whose pieces has a designation (on stderr).
    pub regulamin_empty: &'static str,
}

const PL: CliText = CliText {
    error: "błąd",
    regulamin_empty: "plik nie zawiera tekstu Regulaminu: żadna jednostka ani przepis nie ma oznaczenia (§, ust., pkt)",
};

const EN: CliText = CliText {
    error: "error",
    regulamin_empty: "the file holds no Regulamin text: no unit or provision has a designation (§, ust., pkt)",
};

pub fn text(lang: Lang) -> &'static CliText {
    lang.pick(&PL, &EN)
}
