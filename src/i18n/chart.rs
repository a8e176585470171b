//! Text of the chart (title block, legend) and of `schemat export`.

use super::Lang;
use crate::layout::BoxStyle;

/// Fixed strings of the chart and its export.
pub struct ChartText {
    /// "Schemat graficzny struktury organizacyjnej" (the department follows, in the genitive).
    pub title: &'static str,
    pub legend: &'static str,
    pub department: &'static str,
    pub division: &'static str,
    pub director: &'static str,
    pub deputy: &'static str,
    pub referat: &'static str,
    pub head: &'static str,
    pub position: &'static str,
    pub multi_position: &'static str,
    pub supervision: &'static str,
    pub cooperation: &'static str,
    pub in_force_from: &'static str,
    pub months: [&'static str; 12],
    pub year_suffix: &'static str,
    pub no_output: &'static str,
    pub page_of: &'static str,
}

const PL: ChartText = ChartText {
    title: "Schemat graficzny struktury organizacyjnej",
    legend: "Legenda",
    department: "departament",
    division: "wydział / biuro",
    director: "dyrektor",
    deputy: "zastępca dyrektora",
    referat: "referat / zespół",
    head: "kierownik referatu",
    position: "stanowisko pracy",
    multi_position: "wieloosobowe stanowisko pracy",
    supervision: "nadzoruje bezpośrednio",
    cooperation: "współpracuje z",
    in_force_from: "obowiązuje od",
    // The genitive month names legal dates use, kept once with the model's dates.
    months: crate::model::MONTHS_GENITIVE,
    year_suffix: " r.",
    no_output: "podaj co najmniej jedno z --png, --svg, --ron",
    page_of: "arkusz",
};

const EN: ChartText = ChartText {
    title: "Organizational chart of",
    legend: "Legend",
    department: "department",
    division: "division / office",
    director: "director",
    deputy: "deputy director",
    referat: "section / team",
    head: "head of section",
    position: "position",
    multi_position: "multi-person position",
    supervision: "directly supervises",
    cooperation: "cooperates with",
    in_force_from: "in force from",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    year_suffix: "",
    no_output: "give at least one of --png, --svg, --ron",
    page_of: "sheet",
};

pub fn text(lang: Lang) -> &'static ChartText {
    lang.pick(&PL, &EN)
}

/// The legend label of a box style.
pub fn style_name(lang: Lang, style: BoxStyle) -> &'static str {
    let t = text(lang);
    match style {
        BoxStyle::Department => t.department,
        BoxStyle::Division => t.division,
        BoxStyle::Director => t.director,
        BoxStyle::Deputy => t.deputy,
        BoxStyle::Referat => t.referat,
        BoxStyle::Head => t.head,
        BoxStyle::Position => t.position,
        BoxStyle::MultiPosition => t.multi_position,
    }
}

/// "Schemat graficzny struktury organizacyjnej Departamentu …": the
/// department's name with its first word in the genitive (Departament →
/// Departamentu, Wydział → Wydziału, Biuro → Biura); other names stay as written.
pub fn title(lang: Lang, department: &str) -> String {
    let t = text(lang);
    let department = department.trim();
    if department.is_empty() {
        return t.title.to_owned();
    }
    let name = match lang {
        Lang::Pl => genitive_of_first_word(department),
        Lang::En => department.to_owned(),
    };
    format!("{} {name}", t.title)
}

fn genitive_of_first_word(name: &str) -> String {
    let (first, rest) = name.split_once(' ').unwrap_or((name, ""));
    let genitive = match first {
        "Departament" => "Departamentu",
        "Wydział" => "Wydziału",
        "Biuro" => "Biura",
        "Urząd" => "Urzędu",
        _ => return name.to_owned(),
    };
    if rest.is_empty() { genitive.to_owned() } else { format!("{genitive} {rest}") }
}

/// An ISO date (`2022-01-01`) as the Regulamin writes it ("1 stycznia 2022 r.");
/// anything else is returned as given.
pub fn date(lang: Lang, iso: &str) -> String {
    let t = text(lang);
    let parts: Vec<&str> = iso.trim().split('-').collect();
    if let [y, m, d] = parts[..]
        && let (Ok(year), Ok(month), Ok(day)) = (y.parse::<u32>(), m.parse::<usize>(), d.parse::<u32>())
        && (1..=12).contains(&month)
        && (1..=31).contains(&day)
    {
        return format!("{day} {} {year}{}", t.months[month - 1], t.year_suffix);
    }
    iso.trim().to_owned()
}

/// "obowiązuje od 1 stycznia 2022 r."
pub fn in_force_from(lang: Lang, iso: &str) -> String {
    format!("{} {}", text(lang).in_force_from, date(lang, iso))
}

/// "Załącznik do zarządzenia nr 58/12/2021 Prezydenta Miasta Lublin z dnia
/// 22 grudnia 2021 r.": the annex header for an act given as "zarządzenie nr …"
/// (or a phrase from "nr" on).
pub fn annex_header(lang: Lang, act_from_nr: &str) -> String {
    match lang {
        Lang::Pl => format!("Załącznik do zarządzenia {act_from_nr}"),
        Lang::En => format!("Annex to zarządzenie {act_from_nr}"),
    }
}

/// The annex header when the act is not known yet: the numbers left to fill in.
pub fn annex_header_blank(lang: Lang) -> String {
    annex_header(lang, "nr … Prezydenta Miasta Lublin z dnia …")
}

/// "arkusz 2 z 5" on a sheet of a split chart.
pub fn sheet(lang: Lang, index: usize, count: usize) -> String {
    match lang {
        Lang::Pl => format!("{} {index} z {count}", text(lang).page_of),
        Lang::En => format!("{} {index} of {count}", text(lang).page_of),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_puts_the_department_in_the_genitive() {
        assert_eq!(
            title(Lang::Pl, "Departament Organizacji i Administracji"),
            "Schemat graficzny struktury organizacyjnej Departamentu Organizacji i Administracji"
        );
        assert_eq!(
            title(Lang::Pl, "Wydział Informatyki"),
            "Schemat graficzny struktury organizacyjnej Wydziału Informatyki"
        );
    }

    #[test]
    fn iso_dates_are_written_in_words() {
        assert_eq!(date(Lang::Pl, "2022-01-01"), "1 stycznia 2022 r.");
        assert_eq!(date(Lang::En, "2021-10-29"), "29 October 2021");
        assert_eq!(date(Lang::Pl, "wkrótce"), "wkrótce");
    }
}
