//! Messages of the command line.

use std::path::Path;

use super::Lang;

/// Fixed strings of the command line.
pub struct CliText {
    pub error: &'static str,
    /// After a bad argument: where the usage is.
    pub see_help: &'static str,
}

const PL: CliText = CliText { error: "błąd", see_help: "zob. schemat --help" };

const EN: CliText = CliText { error: "error", see_help: "see schemat --help" };

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
