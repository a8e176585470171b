//! Text of the import report (`schemat import` and the editor's import
//! panel): one line per report row, the summary, and the errors of an
//! import. The Polish legal wording the rows quote is the source's own.

use super::Lang;
use crate::import::{ImportError, ImportFileError, Kept, Match, NotKept, Note, Report, Row};

/// The source has no "§" heading.
pub fn no_paragraphs(lang: Lang) -> &'static str {
    lang.pick(
        "w tekście nie ma żadnego § (to nie jest Regulamin); nic nie zapisano",
        "the text has no § at all (it is not a Regulamin); nothing written",
    )
}

/// Why the file at the start of `error` gives no document, one line.
pub fn error(lang: Lang, error: &ImportFileError) -> String {
    match error {
        ImportFileError::Read(error) => error.message(lang),
        ImportFileError::Import(ImportError::NoParagraphs, path) => {
            format!("{}: {}", super::io::path_text(path), no_paragraphs(lang))
        }
    }
}

/// What a report row says, without its place.
pub fn note(lang: Lang, note: &Note) -> String {
    match note {
        Note::Read(note) => note.message(lang),
        Note::Chapter(heading) => lang.pick(format!("rozdział: {heading}"), format!("chapter: {heading}")),
        Note::Unit { kind, label } => {
            let kind = super::model::kind(lang, *kind);
            lang.pick(format!("jednostka: {label} [{kind}]"), format!("unit: {label} [{kind}]"))
        }
        Note::DivisionAssumed => lang
            .pick(
                "wydział przyjęty: paragraf wylicza jednostki, ale nie podaje nazwy wydziału",
                "division assumed: the § lists units but does not name their division",
            )
            .to_owned(),
        Note::Tasks(by) => {
            let by = match by {
                Match::Name => lang.pick("po nazwie", "by name"),
                Match::Symbol => lang.pick("po symbolu", "by symbol"),
                Match::Position => lang.pick(
                    "po miejscu w wykazie referatu (nazwa jest inna niż w wykazie)",
                    "by its place in the referat's listing (the name differs from the listing)",
                ),
            };
            lang.pick(format!("zadania przypisane jednostce {by}"), format!("tasks attached to the unit {by}"))
        }
        Note::Provision(kept) => {
            let why = match kept {
                Kept::Unknown => lang.pick("brzmienie nieznane („[…]”)", "wording unknown (“[…]”)"),
                Kept::NotRecognised => lang.pick(
                    "ani wykaz jednostek, ani zadania jednostki",
                    "neither a listing of units nor a unit's tasks",
                ),
                Kept::Verbatim => lang.pick(
                    "brzmienie inne niż wygenerowane z jednostek, zachowane dosłownie",
                    "wording other than the one generated from the units, kept verbatim",
                ),
            };
            lang.pick(format!("przepis: {why}"), format!("provision: {why}"))
        }
        Note::SameName { subject, units } => {
            let units: Vec<&str> = units.iter().map(|u| u.as_str()).collect();
            let units = units.join(", ");
            lang.pick(
                format!("niejednoznaczne: „{subject}” to kilka jednostek ({units}); zachowano jako przepis"),
                format!("ambiguous: “{subject}” names several units ({units}); kept as a provision"),
            )
        }
        Note::TasksWithoutUnit { subject } => lang.pick(
            format!("niejednoznaczne: zadania „{subject}” bez jednostki w wykazie; zachowano jako przepis"),
            format!("ambiguous: tasks of “{subject}”, a unit no listing names; kept as a provision"),
        ),
        Note::DuplicateDesignation => lang
            .pick(
                "niejednoznaczne: to oznaczenie występuje drugi raz; drugie wystąpienie pominięto",
                "ambiguous: this designation occurs a second time; the second one is left out",
            )
            .to_owned(),
        Note::Joined { tiret, to } => {
            if *tiret {
                lang.pick(
                    format!("tiret dołączono do tekstu z wiersza {to} (model nie ma poziomu poniżej lit.)"),
                    format!("tiret joined to the text of line {to} (the model has no level below lit.)"),
                )
            } else {
                lang.pick(
                    format!("wiersz bez oznaczenia dołączono do tekstu z wiersza {to}"),
                    format!("a line without a label joined to the text of line {to}"),
                )
            }
        }
        Note::NotKept(NotKept::Frame(text)) => lang.pick(
            format!("pominięto (poza paragrafami, model nie ma na to miejsca): {text}"),
            format!("left out (outside the §, the model has no place for it): {text}"),
        ),
        Note::NotKept(NotKept::Chapter(text)) => lang.pick(
            format!("pominięto nagłówek rozdziału (model nie ma rozdziałów): {text}"),
            format!("left out a chapter heading (the model has no chapters): {text}"),
        ),
        Note::Finding(f) => format!("{} {}: {}", f.severity.label(lang), f.code.as_str(), f.message(lang)),
    }
}

/// One row as a line: `FILE:LINE: § 3 ust. 1 pkt 2: what it says`.
pub fn row(lang: Lang, file: &str, row: &Row) -> String {
    let mut line = file.to_owned();
    if let Some(origin) = row.origin {
        line.push_str(&format!(":{origin}"));
    }
    line.push_str(": ");
    if let Some(at) = &row.at {
        line.push_str(&format!("{at}: "));
    } else if let Some(unit) = &row.unit {
        line.push_str(&format!("{unit}: "));
    }
    line.push_str(&note(lang, &row.note));
    line
}

/// The closing line: how many of each.
pub fn summary(lang: Lang, report: &Report) -> String {
    let units = report.count(|n| matches!(n, Note::Unit { .. } | Note::DivisionAssumed));
    let tasks = report.count(|n| matches!(n, Note::Tasks(_)));
    let provisions = report.count(|n| matches!(n, Note::Provision(_)));
    let ambiguous = report.count(Note::is_ambiguity);
    let findings = report.count(|n| matches!(n, Note::Finding(_)));
    lang.pick(
        format!(
            "jednostki: {units}, akapity zadań: {tasks}, przepisy: {provisions}, niejednoznaczności: {ambiguous}, \
             ustalenia walidacji: {findings}"
        ),
        format!(
            "units: {units}, task paragraphs: {tasks}, provisions: {provisions}, ambiguities: {ambiguous}, \
             validation findings: {findings}"
        ),
    )
}
