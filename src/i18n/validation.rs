//! Messages of validation findings (see `crate::validate` for the codes).

use super::Lang;

/// Names of the severities.
pub struct SeverityText {
    pub error: &'static str,
    pub warning: &'static str,
    pub info: &'static str,
}

const PL: SeverityText = SeverityText { error: "błąd", warning: "ostrzeżenie", info: "informacja" };
const EN: SeverityText = SeverityText { error: "error", warning: "warning", info: "info" };

pub fn severity(lang: Lang) -> &'static SeverityText {
    lang.pick(&PL, &EN)
}

pub fn duplicate_id(lang: Lang, id: &str) -> String {
    lang.pick(format!("identyfikator „{id}” występuje więcej niż raz"), format!("id \"{id}\" is used more than once"))
}

pub fn missing_parent(lang: Lang, parent: &str) -> String {
    lang.pick(
        format!("jednostka nadrzędna „{parent}” nie istnieje"),
        format!("the parent unit \"{parent}\" does not exist"),
    )
}

pub fn two_roots(lang: Lang) -> String {
    lang.pick(
        "druga jednostka bez jednostki nadrzędnej; dokument ma jeden korzeń (departament)".to_owned(),
        "a second unit without a parent; a document has one root (the department)".to_owned(),
    )
}

pub fn hierarchy_cycle(lang: Lang) -> String {
    lang.pick(
        "jednostka leży w cyklu hierarchii (jest swoją własną jednostką nadrzędną)".to_owned(),
        "the unit lies on a cycle of the hierarchy (it is its own superior)".to_owned(),
    )
}

pub fn under_position(lang: Lang, position: &str) -> String {
    lang.pick(
        format!("stanowisko {position} nie może mieć jednostek podległych"),
        format!("the position {position} cannot have sub-units"),
    )
}

pub fn empty_name(lang: Lang) -> String {
    lang.pick("jednostka nie ma nazwy".to_owned(), "the unit has no name".to_owned())
}

pub fn missing_symbol(lang: Lang, suggestion: Option<&str>) -> String {
    match suggestion {
        Some(s) => lang.pick(
            format!("jednostka nie ma symbolu (proponowany: {s})"),
            format!("the unit has no symbol (suggested: {s})"),
        ),
        None => lang.pick("jednostka nie ma symbolu".to_owned(), "the unit has no symbol".to_owned()),
    }
}

pub fn duplicate_symbol(lang: Lang, symbol: &str, first: &str) -> String {
    lang.pick(
        format!("symbol {symbol} ma już jednostka „{first}”"),
        format!("the symbol {symbol} is already used by \"{first}\""),
    )
}

/// `expected` describes the form, e.g. "IT-SS-<liczba rzymska>".
pub fn symbol_convention(lang: Lang, symbol: &str, expected: &str) -> String {
    lang.pick(
        format!("symbol {symbol} nie odpowiada konwencji; oczekiwano {expected}"),
        format!("the symbol {symbol} does not follow the convention; expected {expected}"),
    )
}

/// The placeholder for a Roman numeral in [`symbol_convention`] patterns.
pub fn roman_placeholder(lang: Lang) -> &'static str {
    lang.pick("<liczba rzymska>", "<Roman numeral>")
}

/// The placeholder for a letter code in [`symbol_convention`] patterns.
pub fn code_placeholder(lang: Lang) -> &'static str {
    lang.pick("<litery>", "<letters>")
}

pub fn referat_without_kierownik(lang: Lang) -> String {
    lang.pick("referat nie ma kierownika referatu".to_owned(), "the referat has no kierownik referatu".to_owned())
}

pub fn kierownik_outside_referat(lang: Lang) -> String {
    lang.pick(
        "kierownik referatu nie jest w referacie".to_owned(),
        "the kierownik referatu is not inside a referat".to_owned(),
    )
}

pub fn dangling_relation(lang: Lang, missing: &str) -> String {
    lang.pick(
        format!("relacja wskazuje jednostkę „{missing}”, która nie istnieje"),
        format!("a relation refers to the unit \"{missing}\", which does not exist"),
    )
}

pub fn self_relation(lang: Lang) -> String {
    lang.pick("relacja łączy jednostkę z nią samą".to_owned(), "a relation joins the unit to itself".to_owned())
}

pub fn duplicate_relation(lang: Lang, to: &str) -> String {
    lang.pick(format!("relacja z {to} występuje dwa razy"), format!("the relation with {to} is listed twice"))
}

pub fn relation_cycle(lang: Lang, members: &str) -> String {
    lang.pick(format!("nadzór tworzy cykl: {members}"), format!("supervision forms a cycle: {members}"))
}

pub fn duplicate_designation(lang: Lang, designation: &str, first: &str) -> String {
    lang.pick(
        format!("oznaczenie {designation} jest już użyte przez „{first}”"),
        format!("the designation {designation} is already used by \"{first}\""),
    )
}

pub fn retired_designation(lang: Lang, designation: &str, retired: &str) -> String {
    lang.pick(
        format!(
            "oznaczenie {designation} leży w uchylonej jednostce {retired}; uchylonych oznaczeń nie używa się ponownie"
        ),
        format!("the designation {designation} lies in the repealed {retired}; repealed designations are never reused"),
    )
}

pub fn label_sequence(lang: Lang, designation: &str, previous: Option<&str>) -> String {
    match previous {
        Some(previous) => lang.pick(
            format!("oznaczenie {designation} nie może następować po {previous} według zasad numeracji (N3-N6)"),
            format!("{designation} cannot follow {previous} by the numbering rules (N3-N6)"),
        ),
        None => lang.pick(
            format!("wyliczenie zaczyna się od {designation}, a nie od 1 (lub a)"),
            format!("the enumeration starts at {designation}, not at 1 (or a)"),
        ),
    }
}

pub fn in_force_lost(lang: Lang, designation: &str) -> String {
    lang.pick(
        format!(
            "{designation} jest w wersji obowiązującej, a w projekcie nie ma go ani jako uchylonego; oznaczenie w mocy się nie zmienia"
        ),
        format!("{designation} is in the version in force but the draft neither has nor repeals it; a designation in force never changes"),
    )
}

pub fn listing_misplaced(lang: Lang, designation: &str, superior: &str) -> String {
    lang.pick(
        format!("jednostka jest wymieniona w {designation}, poza wykazem swojej jednostki nadrzędnej ({superior})"),
        format!("the unit is listed at {designation}, outside its superior's listing ({superior})"),
    )
}

pub fn empty_tasks(lang: Lang, designation: &str) -> String {
    lang.pick(format!("{designation} nie zawiera żadnych zadań"), format!("{designation} holds no tasks"))
}

pub fn missing_tasks(lang: Lang) -> String {
    lang.pick(
        "jednostka nie ma zadań ani oznaczenia ich miejsca w Regulaminie".to_owned(),
        "the unit has no tasks and no designation of where the Regulamin holds them".to_owned(),
    )
}

pub fn invalid_staffing(lang: Lang, staffing: f64) -> String {
    lang.pick(
        format!("obsada {staffing} etatu nie jest dodatnią liczbą"),
        format!("the staffing {staffing} is not a positive number"),
    )
}

pub fn multi_person_understaffed(lang: Lang, staffing: f64) -> String {
    lang.pick(
        format!("wieloosobowe stanowisko pracy ma obsadę {staffing} etatu (oczekiwano więcej niż 1)"),
        format!("a multi-person position has a staffing of {staffing} (expected more than 1)"),
    )
}

pub fn kierownik_overstaffed(lang: Lang, staffing: f64) -> String {
    lang.pick(
        format!("kierownik referatu ma obsadę {staffing} etatu; to stanowisko jednej osoby (najwyżej 1 etat)"),
        format!("a head of section has a staffing of {staffing}; it is a one-person post (at most 1)"),
    )
}

pub fn single_person_overstaffed(lang: Lang, staffing: f64) -> String {
    lang.pick(
        format!("stanowisko pracy ma obsadę {staffing} etatu; przy więcej niż 1 to wieloosobowe stanowisko pracy"),
        format!("a single position has a staffing of {staffing}; above 1 it is a multi-person position"),
    )
}
