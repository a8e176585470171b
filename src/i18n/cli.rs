//! Messages of the command line.

use std::path::Path;

use super::Lang;

/// Fixed strings of the command line.
pub struct CliText {
    pub error: &'static str,
    /// `schemat regulamin` on a file none of whose pieces has a designation (on stderr).
    pub regulamin_empty: &'static str,
    /// After a bad argument: where the usage is.
    pub see_help: &'static str,
}

const PL: CliText = CliText {
    error: "błąd",
    regulamin_empty: "plik nie zawiera tekstu Regulaminu: żadna jednostka ani przepis nie ma oznaczenia (§, ust., pkt)",
    see_help: "zob. schemat --help",
};

const EN: CliText = CliText {
    error: "error",
    regulamin_empty: "the file holds no Regulamin text: no unit or provision has a designation (§, ust., pkt)",
    see_help: "see schemat --help",
};

/// `schemat fmt` upgraded a file from an older format version.
pub fn migrated(lang: Lang, file: &str, from: u32, to: u32) -> String {
    lang.pick(
        format!("{file}: przeniesiono z formatu w wersji {from} do wersji {to} (punkty otrzymały oznaczenia według kolejności)"),
        format!("{file}: migrated from format version {from} to version {to} (points labelled by their order)"),
    )
}

pub fn text(lang: Lang) -> &'static CliText {
    lang.pick(&PL, &EN)
}

/// `FILE: the chart does not fit …`: no sheet of `page` holds even the widest box at text of `min_pt`.
pub fn does_not_fit(lang: Lang, file: &Path, page: &str, min_pt: f32) -> String {
    let file = super::io::path_text(file);
    let min = super::diff::number(lang, f64::from(min_pt));
    lang.pick(
        format!(
            "{file}: schemat nie mieści się na stronie {page} nawet w częściach przy tekście co najmniej {min} pt \
             (najszersza ramka się nie mieści); wybierz większą stronę"
        ),
        format!(
            "{file}: the chart does not fit on page {page}, not even in parts, at text of at least {min} pt \
             (the widest box does not fit); pick a larger page"
        ),
    )
}
