//! The Polish formulas of an amending ordinance (`../shared/docs/amendment-spec.md`
//! §3.2, K1-K9, and the frame of §4.1-4.2). Each function returns a formula
//! without its closing punctuation: the change list adds ":", ";", "," or "."
//! by the ending algorithm of §5.
//!
//! These strings are legal data, the same whatever the interface language.

use super::ops::WordEdit;
use super::style::Style;
use crate::model::{Date, Designation, Level, Metadata};

/// "w § 3 w ust. 1": every ancestor level introduced by "w" (locative, §3.1).
pub fn locators(parts: &[(Level, String)]) -> String {
    parts.iter().map(|(level, label)| format!("w {} {label}", level.prefix())).collect::<Vec<_>>().join(" ")
}

/// "pkt 2", "pkt 14-18", "§ 22g-22h" or "§ 22g i 22h" (N9, N9a, N9c): the
/// labels are consecutive siblings.
pub fn targets(level: Level, labels: &[String], style: &Style) -> String {
    let list = match labels {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] if !style.range_for_two => format!("{a} i {b}"),
        [first, .., last] => format!("{first}{}{last}", style.dash),
    };
    format!("{} {list}", level.prefix())
}

fn with_locators(locators: &str, rest: &str) -> String {
    if locators.is_empty() { rest.to_owned() } else { format!("{locators} {rest}") }
}

/// K1/K1r/K2: "w § 9 pkt 3 otrzymuje brzmienie", "§ 5-8 otrzymują brzmienie".
pub fn replace(locators: &str, targets: &str, plural: bool) -> String {
    let verb = if plural { "otrzymują" } else { "otrzymuje" };
    with_locators(locators, &format!("{targets} {verb} brzmienie"))
}

/// K3/K3n: "uchyla się § 22", "w § 19 uchyla się pkt 3".
pub fn repeal(locators: &str, targets: &str) -> String {
    with_locators(locators, &format!("uchyla się {targets}"))
}

/// K4/K5a: "po § 22f dodaje się § 22g-22h w brzmieniu".
pub fn insert_after(locators: &str, anchor: &str, targets: &str) -> String {
    with_locators(locators, &format!("po {anchor} dodaje się {targets} w brzmieniu"))
}

/// K5a without the anchor: "dodaje się ust. 4 w brzmieniu" (Dz. U. form, D10).
pub fn append(locators: &str, targets: &str) -> String {
    with_locators(locators, &format!("dodaje się {targets} w brzmieniu"))
}

/// K5b: "w ust. 4 w pkt 13 kropkę zastępuje się średnikiem i dodaje się pkt 14-18 w brzmieniu".
pub fn append_after_period(locators: &str, last: &str, targets: &str) -> String {
    with_locators(locators, &format!("w {last} kropkę zastępuje się średnikiem i dodaje się {targets} w brzmieniu"))
}

/// "wyrazy" for a fragment of several words, "wyraz" for one (§3.1).
fn words_noun(fragment: &str, instrumental: bool) -> &'static str {
    let one = !fragment.trim().contains(char::is_whitespace);
    match (one, instrumental) {
        (true, false) => "wyraz",
        (true, true) => "wyrazem",
        (false, false) => "wyrazy",
        (false, true) => "wyrazami",
    }
}

/// The replacement clause: "wyrazy „X” zastępuje się wyrazami „Y”" (P8: fragments verbatim).
pub fn words_clause(old: &str, new: &str) -> String {
    format!("{} „{old}” zastępuje się {} „{new}”", words_noun(old, false), words_noun(new, true))
}

/// A word operation at its places, named by `locators` (one place's levels,
/// or the [`place_list`] of several): K6 "w § 10 w ust. 1 wyrazy „X”
/// zastępuje się wyrazami „Y”" and K6m "użyte w … wyrazy …" (E4), K7
/// "w § 2 skreśla się wyrazy „X”", K8 "w § 2 po wyrazach „A” dodaje się wyrazy „Y”".
pub fn words(locators: &str, edit: &WordEdit, several: bool) -> String {
    match edit {
        WordEdit::Replace { old, new } if several => format!("użyte {locators} {}", words_clause(old, new)),
        WordEdit::Replace { old, new } => with_locators(locators, &words_clause(old, new)),
        WordEdit::Delete { old } => words_delete(locators, old),
        WordEdit::Add { after, new } => words_add(locators, after, new),
    }
}

/// The locator list of K6m (E4): every level with "w"; places in one § joined
/// by " i ", naming only what differs from the previous place; § groups
/// separated by ", ", the last by " oraz ".
pub fn place_list(places: &[Designation]) -> String {
    let mut groups: Vec<Vec<&Designation>> = Vec::new();
    for place in places {
        match groups.last_mut() {
            Some(group) if group[0].paragraph_label() == place.paragraph_label() => group.push(place),
            _ => groups.push(vec![place]),
        }
    }
    let written: Vec<String> = groups
        .iter()
        .map(|group| {
            let mut parts = Vec::new();
            let mut previous: Option<&Designation> = None;
            for place in group {
                let all = place.parts();
                let common = previous.map_or(0, |p| all.iter().zip(p.parts()).take_while(|(a, b)| a == b).count());
                parts.push(locators(&all[common.min(all.len() - 1)..]));
                previous = Some(place);
            }
            parts.join(" i ")
        })
        .collect();
    match written.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} oraz {last}", init.join(", ")),
    }
}

/// "Regulamin Organizacyjny Departamentu …" in the locative: "Regulaminie Organizacyjnym Departamentu …".
pub fn regulamin_locative(meta: &Metadata) -> String {
    format!("Regulaminie Organizacyjnym {}", meta.department_genitive)
}

/// §4.2: the opening sentence of § 1, "W Regulaminie … wprowadzam następujące zmiany:".
pub fn opening(meta: &Metadata, style: &Style) -> String {
    let verb = if style.first_person { "wprowadzam" } else { "wprowadza się" };
    format!("{} {verb} następujące zmiany:", act(meta))
}

/// K10: the one change of an ordinance that has only one, as § 1's single
/// sentence without a list: "W Regulaminie … w § 19 uchyla się pkt 3" (the
/// ZTP pattern "W ustawie … art. … otrzymuje brzmienie", § 85 ust. 3-4).
pub fn single(meta: &Metadata, change: &str) -> String {
    format!("{} {change}", act(meta))
}

/// The amended act as § 1 names it (§4.2): "W Regulaminie Organizacyjnym …,
/// stanowiącym załącznik do zarządzenia nr … w sprawie … (j.t. …)".
pub fn act(meta: &Metadata) -> String {
    let mut out = format!("W {}, stanowiącym załącznik do ", regulamin_locative(meta));
    let citation = meta.base_act_citation();
    if citation.is_empty() {
        out.push_str("zarządzenia nr …");
    } else {
        // "zarządzenie nr …" → the genitive "zarządzenia nr …".
        out.push_str(&citation.replacen("zarządzenie", "zarządzenia", 1));
    }
    if !meta.base_act.title.is_empty() {
        out.push(' ');
        out.push_str(&meta.base_act.title);
    }
    if let Some(consolidated) = meta.consolidated_citation() {
        out.push(' ');
        out.push_str(&consolidated);
    }
    out
}

/// §4.1: the title block, with "…" for the number and date the clerk fills in.
pub fn title(meta: &Metadata, style: &Style) -> Vec<String> {
    let organ = if meta.organ_genitive.is_empty() { "…" } else { &meta.organ_genitive };
    let mut subject = String::from("zmieniające ");
    if style.title_with_number && !meta.base_act_citation().is_empty() {
        subject.push_str(&meta.base_act_citation());
    } else {
        subject.push_str("zarządzenie");
    }
    if !meta.base_act.title.is_empty() {
        subject.push(' ');
        subject.push_str(&meta.base_act.title);
    }
    vec!["Zarządzenie nr …".to_owned(), organ.to_owned(), "z dnia … r.".to_owned(), subject]
}

/// K7: "w § 2 skreśla się wyrazy „X”".
pub fn words_delete(locators: &str, old: &str) -> String {
    with_locators(locators, &format!("skreśla się {} „{old}”", words_noun(old, false)))
}

/// K8: "po wyrazach „X” dodaje się wyrazy „Y”" (after one word: "po wyrazie").
pub fn words_add(locators: &str, anchor: &str, new: &str) -> String {
    let after = if anchor.trim().contains(char::is_whitespace) { "po wyrazach" } else { "po wyrazie" };
    with_locators(locators, &format!("{after} „{anchor}” dodaje się {} „{new}”", words_noun(new, false)))
}

/// K9: the schemat graficzny annex replaced by the ordinance's annex.
pub fn annex(meta: &Metadata) -> String {
    let dept = &meta.department_genitive;
    format!(
        "Schemat graficzny struktury organizacyjnej {dept}, stanowiący załącznik do Regulaminu Organizacyjnego {dept}, otrzymuje brzmienie określone w załączniku do zarządzenia."
    )
}

/// §4.1: entry into force, "Zarządzenie wchodzi w życie z dniem 1 stycznia 2022 r.".
pub fn entry_into_force(effective: Option<Date>) -> String {
    match effective {
        Some(date) => format!("Zarządzenie wchodzi w życie z dniem {}", date.polish()),
        None => "Zarządzenie wchodzi w życie z dniem … r.".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Designation {
        s.parse().unwrap()
    }

    fn labels(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|x| (*x).to_owned()).collect()
    }

    #[test]
    fn k1_replaces_a_top_level_paragraph_without_w() {
        let t = targets(Level::Par, &labels(&["14"]), &Style::lublin());
        assert_eq!(replace("", &t, false), "§ 14 otrzymuje brzmienie");
    }

    #[test]
    fn k1r_several_paragraphs_take_the_plural() {
        let t = targets(Level::Par, &labels(&["5", "6", "7", "8"]), &Style::lublin());
        assert_eq!(replace("", &t, true), "§ 5-8 otrzymują brzmienie");
    }

    #[test]
    fn k2_nested_targets_name_their_ancestors_with_w() {
        let style = Style::lublin();
        assert_eq!(
            replace(&locators(d("§ 9").parts()), &targets(Level::Pkt, &labels(&["3"]), &style), false),
            "w § 9 pkt 3 otrzymuje brzmienie"
        );
        assert_eq!(
            replace(&locators(&d("§ 3 ust. 1").parts()[1..]), &targets(Level::Pkt, &labels(&["2"]), &style), false),
            "w ust. 1 pkt 2 otrzymuje brzmienie"
        );
    }

    #[test]
    fn k3_repeals_top_level_and_nested_units() {
        let style = Style::lublin();
        assert_eq!(repeal("", &targets(Level::Par, &labels(&["22"]), &style)), "uchyla się § 22");
        assert_eq!(repeal("w § 19", &targets(Level::Pkt, &labels(&["3"]), &style)), "w § 19 uchyla się pkt 3");
        assert_eq!(repeal("w pkt 2", &targets(Level::Lit, &labels(&["d"]), &style)), "w pkt 2 uchyla się lit. d");
    }

    #[test]
    fn k4_inserts_after_a_sibling_with_a_range() {
        let t = targets(Level::Par, &labels(&["22g", "22h"]), &Style::lublin());
        assert_eq!(insert_after("", "§ 22f", &t), "po § 22f dodaje się § 22g-22h w brzmieniu");
        let t = targets(Level::Par, &labels(&["22g", "22h"]), &Style::recommended());
        assert_eq!(insert_after("", "§ 22f", &t), "po § 22f dodaje się § 22g i 22h w brzmieniu");
    }

    #[test]
    fn k5a_appends_in_both_forms() {
        let t = targets(Level::Ust, &labels(&["4"]), &Style::lublin());
        assert_eq!(insert_after("", "ust. 3", &t), "po ust. 3 dodaje się ust. 4 w brzmieniu");
        assert_eq!(append("", &targets(Level::Par, &labels(&["4"]), &Style::lublin())), "dodaje się § 4 w brzmieniu");
    }

    #[test]
    fn k5b_swaps_the_period_and_appends_points() {
        let t = targets(Level::Pkt, &labels(&["14", "15", "16", "17", "18"]), &Style::lublin());
        assert_eq!(
            append_after_period("w ust. 4", "pkt 13", &t),
            "w ust. 4 w pkt 13 kropkę zastępuje się średnikiem i dodaje się pkt 14-18 w brzmieniu"
        );
        let t = targets(Level::Pkt, &labels(&["14", "15", "16", "17", "18"]), &Style::recommended());
        assert!(append_after_period("", "pkt 13", &t).contains("pkt 14–18"));
    }

    #[test]
    fn k6_one_place_and_singular_forms() {
        let edit = WordEdit::Replace { old: "a b".into(), new: "c d".into() };
        assert_eq!(words("w § 10 w ust. 1", &edit, false), "w § 10 w ust. 1 wyrazy „a b” zastępuje się wyrazami „c d”");
        assert_eq!(words_clause("stanowiska", "stanowisko"), "wyraz „stanowiska” zastępuje się wyrazem „stanowisko”");
        assert_eq!(words_clause("dwa wyrazy", "jeden"), "wyrazy „dwa wyrazy” zastępuje się wyrazem „jeden”");
    }

    #[test]
    fn k6m_writes_the_locator_list_of_z58_point_3() {
        let places: Vec<Designation> = [
            "§ 10 ust. 1",
            "§ 12 pkt 1",
            "§ 23 pkt 1",
            "§ 25 ust. 1 pkt 2",
            "§ 25 ust. 3 pkt 2",
            "§ 34 pkt 1",
            "§ 42 pkt 1",
            "§ 56 pkt 1",
            "§ 63 pkt 1",
            "§ 67 pkt 1",
        ]
        .iter()
        .map(|s| d(s))
        .collect();
        assert_eq!(
            place_list(&places),
            "w § 10 w ust. 1, w § 12 w pkt 1, w § 23 w pkt 1, w § 25 w ust. 1 w pkt 2 i w ust. 3 w pkt 2, w § 34 w pkt 1, w § 42 w pkt 1, w § 56 w pkt 1, w § 63 w pkt 1 oraz w § 67 w pkt 1"
        );
        let two = [d("§ 27 ust. 1 pkt 6"), d("§ 27 ust. 3 pkt 14")];
        assert_eq!(
            words(&place_list(&two), &WordEdit::Replace { old: "(x r.)".into(), new: "(y r.)".into() }, true),
            "użyte w § 27 w ust. 1 w pkt 6 i w ust. 3 w pkt 14 wyrazy „(x r.)” zastępuje się wyrazami „(y r.)”"
        );
    }

    #[test]
    fn k7_and_k8_delete_and_add_words() {
        assert_eq!(words_delete("w § 2", " , a także oczywiście"), "w § 2 skreśla się wyrazy „ , a także oczywiście”");
        assert_eq!(words_delete("w art. 1 w pkt 2", "samotnie"), "w art. 1 w pkt 2 skreśla się wyraz „samotnie”");
        assert_eq!(
            words_add("", "na dofinansowanie", ", z zastrzeżeniem art. 21a,"),
            "po wyrazach „na dofinansowanie” dodaje się wyrazy „, z zastrzeżeniem art. 21a,”"
        );
        // In several places the locator list names them all, as in K6m (E4).
        let places = [d("§ 10 ust. 1"), d("§ 12 pkt 1")];
        assert_eq!(
            words(&place_list(&places), &WordEdit::Delete { old: "z późn. zm.".into() }, true),
            "w § 10 w ust. 1 oraz w § 12 w pkt 1 skreśla się wyrazy „z późn. zm.”"
        );
        let add = WordEdit::Add { after: "zakresu".into(), new: "oraz innych".into() };
        assert_eq!(
            words("w § 9 w pkt 3", &add, false),
            "w § 9 w pkt 3 po wyrazie „zakresu” dodaje się wyrazy „oraz innych”"
        );
    }

    #[test]
    fn k9_replaces_the_chart_annex_as_z58_section_2() {
        let meta =
            Metadata { department_genitive: "Departamentu Organizacji i Administracji".into(), ..Metadata::default() };
        assert_eq!(
            annex(&meta),
            "Schemat graficzny struktury organizacyjnej Departamentu Organizacji i Administracji, stanowiący załącznik do Regulaminu Organizacyjnego Departamentu Organizacji i Administracji, otrzymuje brzmienie określone w załączniku do zarządzenia."
        );
    }

    #[test]
    fn entry_into_force_uses_the_effective_date_or_a_placeholder() {
        assert_eq!(entry_into_force(Date::new(2022, 1, 1)), "Zarządzenie wchodzi w życie z dniem 1 stycznia 2022 r.");
        assert_eq!(entry_into_force(None), "Zarządzenie wchodzi w życie z dniem … r.");
    }

    #[test]
    fn k10_one_change_is_one_sentence_after_the_act() {
        let meta = Metadata { department_genitive: "Departamentu X".into(), ..Metadata::default() };
        assert_eq!(
            single(&meta, "w § 19 uchyla się pkt 3"),
            "W Regulaminie Organizacyjnym Departamentu X, stanowiącym załącznik do zarządzenia nr … w § 19 uchyla się pkt 3"
        );
        assert_eq!(opening(&meta, &Style::lublin()), format!("{} wprowadzam następujące zmiany:", act(&meta)));
    }

    #[test]
    fn opening_follows_the_person_setting() {
        let meta = Metadata { department_genitive: "Departamentu X".into(), ..Metadata::default() };
        assert!(opening(&meta, &Style::lublin()).ends_with(" wprowadzam następujące zmiany:"));
        assert!(opening(&meta, &Style::recommended()).ends_with(" wprowadza się następujące zmiany:"));
        assert!(
            opening(&meta, &Style::lublin()).starts_with("W Regulaminie Organizacyjnym Departamentu X, stanowiącym")
        );
    }
}
