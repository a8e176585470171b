//! Names of the model's terms: unit kinds and relation kinds.

use super::Lang;
use crate::model::{DesignationError, RelationKind, UnitKind};

/// The kind of a unit as the Regulamin names it (Polish) or its English gloss.
pub fn kind(lang: Lang, kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Departament => lang.pick("departament", "department"),
        UnitKind::Wydzial => lang.pick("wydział", "division"),
        UnitKind::Biuro => lang.pick("biuro", "office"),
        UnitKind::Dyrektor => lang.pick("dyrektor", "director"),
        UnitKind::ZastepcaDyrektora => lang.pick("zastępca dyrektora", "deputy director"),
        UnitKind::Referat => lang.pick("referat", "section (referat)"),
        UnitKind::KierownikReferatu => lang.pick("kierownik referatu", "head of section"),
        UnitKind::StanowiskoPracy => lang.pick("stanowisko pracy", "position"),
        UnitKind::WieloosoboweStanowiskoPracy => lang.pick("wieloosobowe stanowisko pracy", "multi-person position"),
        UnitKind::SamodzielneStanowisko => lang.pick("samodzielne stanowisko", "independent position"),
        UnitKind::Zespol => lang.pick("zespół", "team"),
    }
}

/// The name of a relation kind.
pub fn relation(lang: Lang, kind: RelationKind) -> &'static str {
    match kind {
        RelationKind::NadzorujeBezposrednio => lang.pick("nadzoruje bezpośrednio", "directly supervises"),
        RelationKind::WspolpracujeZ => lang.pick("współpracuje z", "cooperates with"),
    }
}

/// Why a citation is not a designation, in words (for the inspector's field).
pub fn designation_error(lang: Lang, error: &DesignationError) -> String {
    match error {
        DesignationError::MissingParagraph(text) => lang.pick(
            format!("oznaczenie musi zaczynać się od „§”, jest „{text}”"),
            format!("a designation must start with \"§\", found \"{text}\""),
        ),
        DesignationError::UnknownLevel(level) => lang.pick(
            format!("nieznany poziom „{level}” (oczekiwano §, ust., pkt lub lit.)"),
            format!("unknown level \"{level}\" (expected §, ust., pkt or lit.)"),
        ),
        DesignationError::MissingLabel(level) => {
            lang.pick(format!("po „{level}” brak numeru"), format!("\"{level}\" has no number"))
        }
        DesignationError::InvalidLabel(label) => lang.pick(
            format!("nieprawidłowy numer „{label}”: cyfry z ewentualną małą literą (22g), dla lit. małe litery"),
            format!(
                "invalid number \"{label}\": digits with an optional lowercase letter (22g), lowercase letters for lit."
            ),
        ),
        DesignationError::OutOfOrder(level) => lang.pick(
            format!("„{level}” nie może następować po głębszym poziomie (kolejność: § ust. pkt lit.)"),
            format!("\"{level}\" cannot follow a deeper level (order: § ust. pkt lit.)"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Designation;

    #[test]
    fn designation_errors_in_both_languages() {
        for text in ["ust. 2", "§ 3 pkt 2 ust. 1", "§ x", "§ 3 ust.", "art. 5"] {
            let error = text.parse::<Designation>().unwrap_err();
            let (pl, en) = (designation_error(Lang::Pl, &error), designation_error(Lang::En, &error));
            assert!(!pl.is_empty() && pl != en, "{text}: {pl} / {en}");
        }
        let error = "§ 3 ust. 2 ust. 1".parse::<Designation>().unwrap_err();
        assert_eq!(
            designation_error(Lang::Pl, &error),
            "„ust.” nie może następować po głębszym poziomie (kolejność: § ust. pkt lit.)"
        );
    }
}
