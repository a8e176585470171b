//! Names of the model's terms: unit kinds and relation kinds.

use super::Lang;
use crate::model::{RelationKind, UnitKind};

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
