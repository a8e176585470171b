//! The amending ordinance generator against the reference ordinance Z58
//! (`../shared/reference/zarzadzenie-58-12-2021.md`) and the rules of
//! `../shared/docs/amendment-spec.md`: § 1 for doa-2021 → doa-2022 line by
//! line, the parser and applier on the reference text itself, the
//! consolidated placeholders, the frame, and the numbering rules N1-N10 and
//! templates K1-K9 end to end on small texts.

use schemat::legal::amend::{AmendError, amend, amend_texts};
use schemat::legal::apply::{self, quoted};
use schemat::legal::consolidated::consolidate;
use schemat::legal::lint::LintCode;
use schemat::legal::ops::NotExpressible;
use schemat::legal::{self, Regulamin, Style, templates};
use schemat::model::{Document, LabelKind, Level, Metadata, UnitId, designate, draft};

fn load(name: &str) -> Document {
    schemat::io::load(std::path::Path::new(&format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR")))).unwrap()
}

fn reference() -> String {
    std::fs::read_to_string(format!("{}/../shared/reference/zarzadzenie-58-12-2021.md", env!("CARGO_MANIFEST_DIR")))
        .or_else(|_| std::fs::read_to_string("/work/shared/reference/zarzadzenie-58-12-2021.md"))
        .unwrap()
}

/// A small text from lines as the consolidated text prints them (without endings).
fn text(lines: &[&str]) -> Regulamin {
    let lines: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    Regulamin { title: "Regulamin".into(), paragraphs: quoted(&lines, Level::Par), ..Regulamin::default() }
}

fn meta() -> Metadata {
    Metadata { department_genitive: "Departamentu X".into(), ..Metadata::default() }
}

/// § 1 after the amended act's identification for two small texts: the
/// change list, or for a single change (K10) the sentence's change and its quote.
fn changes(old: &Regulamin, new: &Regulamin, style: &Style) -> Vec<String> {
    let amendment = amend_texts(old, new, &meta(), false, style).unwrap();
    let mut lines = amendment.section1();
    let act = format!("{} ", templates::act(&meta()));
    match lines[0].strip_prefix(&act) {
        Some(change) if amendment.is_single() => {
            lines[0] = change.to_owned();
            lines
        }
        _ => lines[1..].to_vec(),
    }
}

#[test]
fn z58_section_1_is_generated_line_by_line() {
    let old = load("doa-2021.ron");
    let new = load("doa-2022.ron");
    let amendment = amend(&old, &new, &Style::lublin()).unwrap();
    let expected =
        std::fs::read_to_string(format!("{}/tests/expected/z58-section1.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let expected: Vec<&str> = expected.lines().collect();
    let got = amendment.section1();
    for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
        assert_eq!(g, e, "line {} of § 1 differs", i + 1);
    }
    assert_eq!(got.len(), expected.len(), "§ 1 has {} lines, expected {}", got.len(), expected.len());
    // 13 points, letters only in 1), 8) and 11), tirets only in 1) b).
    let points: Vec<&String> =
        got.iter().filter(|l| l.starts_with(|c: char| c.is_ascii_digit()) && !l.starts_with('„')).collect();
    assert_eq!(amendment.items.len(), 13);
    let with_letters: Vec<usize> =
        amendment.items.iter().enumerate().filter(|(_, p)| !p.children.is_empty()).map(|(i, _)| i + 1).collect();
    assert_eq!(with_letters, [1, 8, 11]);
    assert!(!points.is_empty());
    assert_eq!(amendment.items[0].children[1].children.len(), 2);
}

#[test]
fn z58_frame_has_title_placeholders_section_2_and_entry_into_force() {
    let old = load("doa-2021.ron");
    let new = load("doa-2022.ron");
    let amendment = amend(&old, &new, &Style::lublin()).unwrap();
    assert_eq!(amendment.title[0], "Zarządzenie nr …");
    assert_eq!(amendment.title[1], "Prezydenta Miasta Lublin");
    assert_eq!(amendment.title[2], "z dnia … r.");
    assert_eq!(
        amendment.title[3],
        "zmieniające zarządzenie nr 56/12/2018 Prezydenta Miasta Lublin z dnia 31 grudnia 2018 r. w sprawie nadania Regulaminu Organizacyjnego Departamentu Organizacji i Administracji"
    );
    assert!(amendment.basis.ends_with("zarządzam, co następuje:"));
    assert_eq!(
        amendment.annex.as_deref(),
        Some(
            "Schemat graficzny struktury organizacyjnej Departamentu Organizacji i Administracji, stanowiący załącznik do Regulaminu Organizacyjnego Departamentu Organizacji i Administracji, otrzymuje brzmienie określone w załączniku do zarządzenia."
        )
    );
    assert_eq!(amendment.entry_into_force, "Zarządzenie wchodzi w życie z dniem 1 stycznia 2022 r.");
    let text = amendment.to_text();
    assert!(text.contains("\n§ 2\n\nSchemat graficzny"), "{text}");
    assert!(text.contains("\n§ 3\n\nZarządzenie wchodzi w życie z dniem 1 stycznia 2022 r.\n"), "{text}");
}

#[test]
fn z58_lints_name_the_inconsistent_reference_and_the_missing_space() {
    let amendment = amend(&load("doa-2021.ron"), &load("doa-2022.ron"), &Style::lublin()).unwrap();
    let codes: Vec<LintCode> = amendment.lints.iter().map(|l| l.code).collect();
    assert!(codes.contains(&LintCode::InconsistentReference), "{codes:?}");
    assert!(codes.contains(&LintCode::ParagraphSpace), "{codes:?}");
    assert!(!codes.contains(&LintCode::Ending), "the generator's own endings follow the rule: {codes:?}");
}

#[test]
fn recommended_style_writes_i_for_two_units_and_en_dashes() {
    let amendment = amend(&load("doa-2021.ron"), &load("doa-2022.ron"), &Style::recommended()).unwrap();
    let s1 = amendment.section1();
    assert!(s1[0].ends_with("wprowadza się następujące zmiany:"));
    assert!(s1.iter().any(|l| l == "10) po § 22f dodaje się § 22g i 22h w brzmieniu:"));
    assert!(s1.iter().any(|l| l.contains("dodaje się pkt 14–18 w brzmieniu:")));
}

#[test]
fn the_reference_ordinance_applied_to_2021_gives_2022_with_its_deviations_as_lints() {
    let old = legal::derive(&load("doa-2021.ron"));
    let new = legal::derive(&load("doa-2022.ron"));
    let result = consolidate(&old, &reference()).unwrap();
    assert!(result.text.same_wording(&new), "{}", legal::amend::first_difference(&result.text, &new));
    let count = |code| result.lints.iter().filter(|l| l.code == code).count();
    assert_eq!(count(LintCode::AddressWithoutParagraph), 1, "D2 \"w 25\"");
    // D1 (1) a)) and D3 (11) a), b), c)).
    assert_eq!(count(LintCode::Ending), 4, "{:#?}", result.lints);
    assert_eq!(count(LintCode::ParagraphSpace), 1, "D4 \"§13-16\"");
    assert_eq!(count(LintCode::InconsistentReference), 1, "D8");
    assert_eq!(count(LintCode::Markdown), 1, "D11");
    assert_eq!(count(LintCode::WordsNotFound), 0);
}

#[test]
fn consolidated_text_keeps_the_repealed_placeholders() {
    let old = legal::derive(&load("doa-2021.ron"));
    let result = consolidate(&old, &reference()).unwrap();
    let printed = legal::consolidated::print(&result.text, legal::Format::Text);
    assert!(printed.starts_with("(tekst ujednolicony)\n"));
    for placeholder in ["§ 22. (uchylony)", "5. (uchylony)", "3) (uchylony)", "d) (uchylona)"] {
        assert!(printed.lines().any(|l| l.trim() == placeholder || l.trim().starts_with(placeholder)), "{placeholder}");
    }
    // § 22a-22f keep their numbers (N1), § 22g-22h follow § 22f.
    let labels: Vec<&str> = result.text.paragraphs.iter().map(|p| p.label.as_str()).collect();
    let at = labels.iter().position(|l| *l == "22").unwrap();
    assert_eq!(&labels[at..at + 9], ["22", "22a", "22b", "22c", "22d", "22e", "22f", "22g", "22h"]);
}

#[test]
fn generated_text_round_trips_through_the_parser() {
    let old = legal::derive(&load("doa-2021.ron"));
    let new = legal::derive(&load("doa-2022.ron"));
    let amendment = amend(&load("doa-2021.ron"), &load("doa-2022.ron"), &Style::recommended()).unwrap();
    let result = consolidate(&old, &amendment.to_text()).unwrap();
    assert!(result.text.same_wording(&new));
    let markdown = consolidate(&old, &amendment.to_markdown()).unwrap();
    assert!(markdown.text.same_wording(&new));
}

#[test]
fn a_wrong_ordinance_is_caught_by_the_check() {
    let old = legal::derive(&load("doa-2021.ron"));
    let new = legal::derive(&load("doa-2022.ron"));
    let wrong = reference().replace("uchyla się pkt 3,", "uchyla się pkt 2,");
    let result = consolidate(&old, &wrong).unwrap();
    assert!(!result.text.same_wording(&new));
    let missing = reference().replace("w § 67 w pkt 1", "w § 67 w pkt 9");
    assert!(matches!(consolidate(&old, &missing), Err(apply::ApplyError::Missing(_))));
}

// ---- K templates end to end ----

#[test]
fn k1_a_paragraph_whose_leaves_all_change_is_replaced_whole() {
    let old = text(&["§ 1", "1. a", "2. b", "§ 2", "1. c"]);
    let new = text(&["§ 1", "1. x", "2. y", "§ 2", "1. c"]);
    assert_eq!(changes(&old, &new, &Style::lublin()), ["§ 1 otrzymuje brzmienie:", "„§ 1", "1. x.", "2. y.”."]);
}

#[test]
fn k2_one_changed_point_of_many_is_replaced_alone() {
    let old = text(&["§ 9", "Wstęp", "1) a", "2) b", "3) c"]);
    let new = text(&["§ 9", "Wstęp", "1) a", "2) b", "3) z"]);
    assert_eq!(changes(&old, &new, &Style::lublin()), ["w § 9 pkt 3 otrzymuje brzmienie:", "„3) z.”."]);
}

#[test]
fn k2_t1_a_changed_letter_replaces_its_point_and_a_repealed_letter_does_not() {
    let old = text(&["§ 3", "1. W", "1) p", "2) r", "a) x", "b) y", "3) s"]);
    let new = text(&["§ 3", "1. W", "1) p", "2) r", "a) x", "b) z", "3) s"]);
    assert_eq!(
        changes(&old, &new, &Style::lublin()),
        ["w § 3 w ust. 1 pkt 2 otrzymuje brzmienie:", "„2) r:", "a) x,", "b) z;”."]
    );
    let new = text(&["§ 3", "1. W", "1) p", "2) r", "a) x", "b) (uchylona)", "3) s"]);
    assert_eq!(changes(&old, &new, &Style::lublin()), ["w § 3 w ust. 1 w pkt 2 uchyla się lit. b."]);
}

#[test]
fn k3_repeals_with_tirets_inside_one_ust() {
    let old = text(&["§ 3", "1. A", "2. W", "1) p", "2) r", "a) x", "b) y", "3) s", "4) t", "5) u", "6) v", "3. B"]);
    let new = text(&[
        "§ 3",
        "1. A",
        "2. W",
        "1) p",
        "2) r",
        "a) x",
        "b) (uchylona)",
        "3) (uchylony)",
        "4) t",
        "5) u",
        "6) v",
        "3. B",
    ]);
    assert_eq!(
        changes(&old, &new, &Style::lublin()),
        ["1) w § 3 w ust. 2:", "a) w pkt 2 uchyla się lit. b,", "b) uchyla się pkt 3."]
    );
}

#[test]
fn k3_k4_o5_repeal_comes_before_the_insertion_after_the_next_sibling() {
    let old = text(&["§ 22", "A", "§ 22a", "B", "§ 23", "C"]);
    let new = text(&["§ 22. (uchylony)", "§ 22a", "B", "§ 22b", "N", "§ 23", "C"]);
    assert_eq!(
        changes(&old, &new, &Style::lublin()),
        ["1) uchyla się § 22;", "2) po § 22a dodaje się § 22b w brzmieniu:", "„§ 22b", "N.”."]
    );
}

#[test]
fn k5a_and_k5b_append_at_the_end() {
    let old = text(&["§ 21", "1. A", "2. W", "1) p", "2) q", "3) r", "4) s", "3. B", "4. C", "5. D", "6. E"]);
    let new =
        text(&["§ 21", "1. A", "2. W", "1) p", "2) q", "3) r", "4) s", "5) t", "6) u", "3. B", "4. C", "5. D", "6. E"]);
    assert_eq!(
        changes(&old, &new, &Style::lublin()),
        [
            "w § 21 w ust. 2 w pkt 4 kropkę zastępuje się średnikiem i dodaje się pkt 5-6 w brzmieniu:",
            "„5) t;",
            "6) u.”."
        ]
    );
    let old = text(&["§ 21", "1. A", "2. B", "3. C"]);
    let new = text(&["§ 21", "1. A", "2. B", "3. C", "4. D"]);
    assert_eq!(changes(&old, &new, &Style::lublin()), ["w § 21 po ust. 3 dodaje się ust. 4 w brzmieniu:", "„4. D.”."]);
    let style = Style { append_with_anchor: false, ..Style::lublin() };
    assert_eq!(changes(&old, &new, &style), ["w § 21 dodaje się ust. 4 w brzmieniu:", "„4. D.”."]);
}

#[test]
fn k6m_groups_one_substitution_found_in_two_places_and_k2_for_one() {
    let old = text(&[
        "§ 10",
        "1. jak w (j.t. z dnia 1 r. z późn. zm.) dalej",
        "2. inne",
        "§ 12",
        "1) też (j.t. z dnia 1 r. z późn. zm.) tu",
        "2) b",
        "3) c",
    ]);
    let new = text(&[
        "§ 10",
        "1. jak w (j.t. z dnia 2 r.) dalej",
        "2. inne",
        "§ 12",
        "1) też (j.t. z dnia 2 r.) tu",
        "2) b",
        "3) c",
    ]);
    assert_eq!(
        changes(&old, &new, &Style::lublin()),
        [
            "użyte w § 10 w ust. 1 oraz w § 12 w pkt 1 wyrazy „(j.t. z dnia 1 r. z późn. zm.)” zastępuje się wyrazami „(j.t. z dnia 2 r.)”."
        ]
    );
    let old = text(&[
        "§ 10",
        "1. jak w (j.t. z dnia 1 r. z późn. zm.) dalej",
        "2. inne",
        "3. trzecie",
        "§ 12",
        "1) też (j.t. z dnia 1 r. z późn. zm.) tu",
        "2) b",
        "3) c",
    ]);
    let new = text(&[
        "§ 10",
        "1. jak w (j.t. z dnia 2 r.) dalej",
        "2. inne",
        "3. trzecie",
        "§ 12",
        "1) też (j.t. z dnia 1 r. z późn. zm.) tu",
        "2) b",
        "3) c",
    ]);
    assert_eq!(
        changes(&old, &new, &Style::lublin()),
        ["w § 10 ust. 1 otrzymuje brzmienie:", "„1. jak w (j.t. z dnia 2 r.) dalej.”."]
    );
}

#[test]
fn k7_words_only_deleted_are_struck_out_where_t6_writes_word_operations() {
    let old = text(&[
        "§ 10",
        "1. sprawy z zakresu obsługi kancelaryjnej i archiwum",
        "2. inne",
        "3. dalsze",
        "§ 12",
        "1) obsługi kancelaryjnej i archiwum",
        "2) b",
        "3) c",
    ]);
    let new = text(&[
        "§ 10",
        "1. sprawy z zakresu obsługi i archiwum",
        "2. inne",
        "3. dalsze",
        "§ 12",
        "1) obsługi i archiwum",
        "2) b",
        "3) c",
    ]);
    // Two places (T6): one K7 with the locator list of K6m.
    assert_eq!(
        changes(&old, &new, &Style::lublin()),
        ["w § 10 w ust. 1 oraz w § 12 w pkt 1 skreśla się wyraz „kancelaryjnej”."]
    );
    // One place: the piece in its new wording by default (T6), K7 when the profile writes word operations there.
    let old = text(&["§ 2", "1. w razie odmowy mediacji, a także oczywiście nieuzasadnionej odmowy", "2. b", "3. c"]);
    let new = text(&["§ 2", "1. w razie odmowy mediacji", "2. b", "3. c"]);
    assert_eq!(changes(&old, &new, &Style::lublin())[0], "w § 2 ust. 1 otrzymuje brzmienie:");
    let one = Style { word_places: 1, ..Style::lublin() };
    assert_eq!(
        changes(&old, &new, &one),
        ["w § 2 w ust. 1 skreśla się wyrazy „, a także oczywiście nieuzasadnionej odmowy”."]
    );
}

#[test]
fn k8_words_only_added_follow_an_anchor_named_once() {
    let one = Style { word_places: 1, ..Style::lublin() };
    let old = text(&["§ 2", "1. środki na dofinansowanie zadań i dofinansowanie inwestycji", "2. b", "3. c"]);
    let new = text(&[
        "§ 2",
        "1. środki na dofinansowanie, z zastrzeżeniem art. 21a, zadań i dofinansowanie inwestycji",
        "2. b",
        "3. c",
    ]);
    assert_eq!(
        changes(&old, &new, &one),
        ["w § 2 w ust. 1 po wyrazach „na dofinansowanie” dodaje się wyrazy „, z zastrzeżeniem art. 21a,”."]
    );
    // After one word: "po wyrazie"; two places make one point (O2), the other change its own.
    let old = text(&[
        "§ 9",
        "W",
        "1) obsługi sieci",
        "2) obsługi serwera",
        "3) c",
        "4) d",
        "§ 10",
        "1. obsługi sieci",
        "2. x",
        "3. z",
        "4. w",
    ]);
    let new = text(&[
        "§ 9",
        "W",
        "1) obsługi sieci i poczty",
        "2) obsługi serwera",
        "3) c",
        "4) d",
        "§ 10",
        "1. obsługi sieci i poczty",
        "2. y",
        "3. z",
        "4. w",
    ]);
    assert_eq!(
        changes(&old, &new, &Style::lublin()),
        [
            "1) w § 9 w pkt 1 oraz w § 10 w ust. 1 po wyrazie „sieci” dodaje się wyrazy „i poczty”;",
            "2) w § 10 ust. 2 otrzymuje brzmienie:",
            "„2. y.”."
        ]
    );
    // The parser reads the generated K8 back, and a missing anchor is reported.
    let parsed = apply::parse("1) w § 9 w pkt 2 po wyrazie „sieci” dodaje się wyrazy „i poczty”.").unwrap();
    assert!(matches!(apply::apply(&old, &parsed.instructions), Err(apply::ApplyError::WordsNotFound { .. })));
}

#[test]
fn k9_section_2_only_when_the_chart_changed() {
    let old = text(&["§ 1", "1. a", "2. b", "3. c"]);
    let new = text(&["§ 1", "1. a", "2. z", "3. c"]);
    let without = amend_texts(&old, &new, &meta(), false, &Style::lublin()).unwrap();
    assert!(without.annex.is_none());
    assert!(without.to_text().contains("\n§ 2\n\nZarządzenie wchodzi w życie"));
    let with = amend_texts(&old, &new, &meta(), true, &Style::lublin()).unwrap();
    assert!(with.to_text().contains("\n§ 2\n\nSchemat graficzny struktury organizacyjnej Departamentu X"));
}

#[test]
fn unknown_wording_is_never_quoted() {
    // The new § 5 holds a point the file does not know: it cannot be quoted whole,
    // so the known change goes lower down.
    let mut old = text(&["§ 5", "1) a", "2) b", "3) c"]);
    let mut new = text(&["§ 5", "1) a", "2) x", "3) y"]);
    for t in [&mut old, &mut new] {
        t.paragraphs[0].children[0].state = schemat::model::PieceState::Unknown;
        t.paragraphs[0].children[0].text.clear();
    }
    assert_eq!(changes(&old, &new, &Style::lublin()), ["w § 5 pkt 2-3 otrzymują brzmienie:", "„2) x;", "3) y.”."]);
    // A new piece of unknown wording cannot be inserted at all.
    let mut new = text(&["§ 5", "1) a", "2) b", "3) c", "4) d"]);
    new.paragraphs[0].children[3].state = schemat::model::PieceState::Unknown;
    new.paragraphs[0].children[3].text.clear();
    let err = amend_texts(&old, &new, &meta(), false, &Style::lublin()).unwrap_err();
    assert!(
        matches!(err, AmendError::NotExpressible(ref p) if matches!(p[0], NotExpressible::UnknownWording(_))),
        "{err}"
    );
}

#[test]
fn k10_one_change_at_each_level_is_one_sentence_without_a_list() {
    let style = Style::lublin();
    // § 14 otrzymuje brzmienie (a top-level target, no "w").
    let old = text(&["§ 14", "1. a", "2. b", "§ 15", "C"]);
    let new = text(&["§ 14", "1. x", "2. y", "§ 15", "C"]);
    assert_eq!(changes(&old, &new, &style), ["§ 14 otrzymuje brzmienie:", "„§ 14", "1. x.", "2. y.”."]);
    // … uchyla się § 22.
    let old = text(&["§ 22", "A", "§ 22a", "B"]);
    let new = text(&["§ 22. (uchylony)", "§ 22a", "B"]);
    assert_eq!(changes(&old, &new, &style), ["uchyla się § 22."]);
    // … po § 22f dodaje się § 22g w brzmieniu:
    let old = text(&["§ 22f", "F", "§ 23", "C"]);
    let new = text(&["§ 22f", "F", "§ 22g", "G", "§ 23", "C"]);
    assert_eq!(changes(&old, &new, &style), ["po § 22f dodaje się § 22g w brzmieniu:", "„§ 22g", "G.”."]);
    // … w § 19 pkt 3 otrzymuje brzmienie: one pkt of a §, its letter inside (T1).
    let old = text(&["§ 19", "Wstęp", "1) a", "2) b", "3) c", "a) d", "§ 20", "E"]);
    let new = text(&["§ 19", "Wstęp", "1) a", "2) b", "3) c", "a) z", "§ 20", "E"]);
    assert_eq!(changes(&old, &new, &style), ["w § 19 pkt 3 otrzymuje brzmienie:", "„3) c:", "a) z.”."]);
    // One change nested in a ust. and a pkt collapses to one locator.
    let old = text(&["§ 3", "1. W", "1) p", "2) r", "a) x", "b) y", "3) s", "4) t", "2. V"]);
    let new = text(&["§ 3", "1. W", "1) p", "2) r", "a) x", "b) (uchylona)", "3) s", "4) t", "2. V"]);
    assert_eq!(changes(&old, &new, &style), ["w § 3 w ust. 1 w pkt 2 uchyla się lit. b."]);
    // Two changes keep the list.
    let new = text(&["§ 3", "1. W", "1) p", "2) r", "a) x", "b) (uchylona)", "3) s", "4) t", "2. Z"]);
    let amendment = amend_texts(&old, &new, &meta(), false, &style).unwrap();
    assert!(!amendment.is_single());
    assert!(amendment.section1()[0].ends_with("wprowadzam następujące zmiany:"));
}

#[test]
fn k10_on_the_example_reads_back_from_text_and_markdown() {
    // Z58's point 7 alone: "w § 19 uchyla się pkt 3".
    let old = load("doa-2021.ron");
    let mut new = old.clone();
    let (edit, _) = draft::remove_point(&new, &UnitId::new("it-zi"), &["3".to_owned()]).unwrap();
    schemat::model::apply(&mut new, edit).unwrap();
    let amendment = amend(&old, &new, &Style::lublin()).unwrap();
    let sentence = "W Regulaminie Organizacyjnym Departamentu Organizacji i Administracji, stanowiącym załącznik do zarządzenia nr 56/12/2018 Prezydenta Miasta Lublin z dnia 31 grudnia 2018 r. w sprawie nadania Regulaminu Organizacyjnego Departamentu Organizacji i Administracji (j.t. Obwieszczenie Prezydenta Miasta Lublin z dnia 10 listopada 2020 r.) w § 19 uchyla się pkt 3.";
    assert_eq!(amendment.section1(), [sentence]);
    let text = amendment.to_text();
    assert!(text.contains(&format!("\n§ 1\n\n{sentence}\n\n§ 2\n")), "{text}");
    let old_text = legal::derive(&old);
    let new_text = legal::derive(&new);
    for printed in [text, amendment.to_markdown()] {
        let result = consolidate(&old_text, &printed).unwrap();
        assert!(legal::amend::same_law(&result.text, &new_text), "{printed}");
        assert!(result.lints.iter().all(|l| l.code != LintCode::Ending), "{:?}", result.lints);
    }
}

// ---- numbering N1-N10 ----

#[test]
fn n1_n2_no_renumbering_and_no_reuse_of_a_repealed_designation() {
    let old = text(&["§ 1", "A", "§ 2", "B", "§ 3", "C"]);
    let new = text(&["§ 1", "A", "§ 2. (uchylony)", "§ 3", "C"]);
    let amendment = amend_texts(&old, &new, &meta(), false, &Style::lublin()).unwrap();
    let labels: Vec<&str> = amendment.consolidated.paragraphs.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["1", "2", "3"]);
    let reused = text(&["§ 1", "A", "§ 2", "N", "§ 3", "C"]);
    let err = amend_texts(&new, &reused, &meta(), false, &Style::lublin()).unwrap_err();
    assert!(matches!(err, AmendError::NotExpressible(ref p) if matches!(p[0], NotExpressible::RepealedReused(_))));
}

#[test]
fn n3_to_n6_designations_of_new_units() {
    assert_eq!(designate(LabelKind::Number, &["22f", "23"], Some(0)).unwrap(), "22g"); // N3
    assert_eq!(designate(LabelKind::Number, &["22", "23"], Some(0)).unwrap(), "22a"); // N3
    assert_eq!(designate(LabelKind::Number, &["8c", "8d"], Some(0)).unwrap(), "8ca"); // N4
    assert_eq!(designate(LabelKind::Number, &["12", "13"], Some(1)).unwrap(), "14"); // N5
    assert_eq!(designate(LabelKind::Number, &["70", "70a"], Some(1)).unwrap(), "71"); // N5a
    assert_eq!(designate(LabelKind::Letter, &["y", "z"], Some(1)).unwrap(), "za"); // N6
    assert_eq!(designate(LabelKind::Letter, &["a", "b"], Some(0)).unwrap(), "aa"); // N6 with N4
}

#[test]
fn n7_a_unit_before_the_first_is_not_invented() {
    assert!(designate(LabelKind::Number, &["1", "2"], None).is_err());
    // In a text that can be quoted, the parent is replaced instead (T2).
    let old = text(&["§ 1", "1) a", "2) b", "§ 2", "C"]);
    let new = text(&["§ 1", "0) n", "1) a", "2) b", "§ 2", "C"]);
    assert_eq!(changes(&old, &new, &Style::lublin())[0], "§ 1 otrzymuje brzmienie:");
    // Where it cannot be quoted, it is reported.
    let mut old = old;
    let mut new = new;
    old.paragraphs[0].children[1].state = schemat::model::PieceState::Unknown;
    new.paragraphs[0].children[2].state = schemat::model::PieceState::Unknown;
    let err = amend_texts(&old, &new, &meta(), false, &Style::lublin()).unwrap_err();
    assert!(matches!(err, AmendError::NotExpressible(_)), "{err}");
}

#[test]
fn n8_lettered_labels_stay_plain() {
    let old = text(&["§ 125", "A", "§ 126", "B"]);
    let new = text(&["§ 125", "A", "§ 125a", "N", "§ 126", "B"]);
    assert_eq!(changes(&old, &new, &Style::lublin())[0], "po § 125 dodaje się § 125a w brzmieniu:");
}

#[test]
fn n9_ranges_for_consecutive_units_and_n9a_n9c_settings() {
    let old = text(&["§ 1", "1. a", "2. b", "3. c", "4. d", "5. e", "6. f", "7. g"]);
    let new = text(&["§ 1", "1. a", "2. (uchylony)", "3. (uchylony)", "4. (uchylony)", "5. e", "6. f", "7. g"]);
    assert_eq!(changes(&old, &new, &Style::lublin()), ["w § 1 uchyla się ust. 2-4."]);
    assert_eq!(changes(&old, &new, &Style::recommended()), ["w § 1 uchyla się ust. 2–4."]);
    let new = text(&["§ 1", "1. a", "2. (uchylony)", "3. (uchylony)", "4. d", "5. e", "6. f", "7. g"]);
    assert_eq!(changes(&old, &new, &Style::recommended()), ["w § 1 uchyla się ust. 2 i 3."]);
    assert_eq!(changes(&old, &new, &Style::lublin()), ["w § 1 uchyla się ust. 2-3."]);
    // N9b: units that are not adjacent are not merged (E10).
    let new = text(&["§ 1", "1. a", "2. (uchylony)", "3. c", "4. (uchylony)", "5. e", "6. f", "7. g"]);
    assert_eq!(changes(&old, &new, &Style::lublin()), ["1) w § 1:", "a) uchyla się ust. 2,", "b) uchyla się ust. 4."]);
}

#[test]
fn n10_quoted_text_carries_the_final_designations() {
    let old = text(&["§ 22f", "F", "§ 23", "C"]);
    let new = text(&["§ 22f", "F", "§ 22g", "G", "§ 22h", "H", "§ 23", "C"]);
    assert_eq!(
        changes(&old, &new, &Style::lublin()),
        ["po § 22f dodaje się § 22g-22h w brzmieniu:", "„§ 22g", "G.", "§ 22h", "H.”."]
    );
}

#[test]
fn a_first_piece_of_a_new_level_is_expressed_by_its_parent_in_the_new_wording() {
    // § 5 ust. 1 had no points: its new wording is quoted whole (T3).
    let old = text(&["§ 5", "1. Zadania", "2. B", "3. C"]);
    let new = text(&["§ 5", "1. Zadania", "1) nowe", "2. B", "3. C"]);
    assert_eq!(
        changes(&old, &new, &Style::lublin()),
        ["w § 5 ust. 1 otrzymuje brzmienie:", "„1. Zadania:", "1) nowe.”."]
    );
}

#[test]
fn ust_and_pkt_side_by_side_are_refused_not_printed_ambiguously() {
    // No reader can tell whether the new "1)" belongs to ust. 2 or to § 3 itself.
    let old = text(&["§ 3", "1. A", "2. B"]);
    let mut new = text(&["§ 3", "1. A", "2. B"]);
    new.paragraphs[0].children.push(quoted(&["1) C".to_owned()], Level::Pkt).remove(0));
    let err = amend_texts(&old, &new, &meta(), false, &Style::lublin()).unwrap_err();
    assert!(
        matches!(err, AmendError::NotExpressible(ref p) if p == &[NotExpressible::MixedLevels("§ 3".parse().unwrap())]),
        "{err}"
    );
}

#[test]
fn range_lint_when_the_profile_writes_i() {
    let lints = legal::lint::lint_ranges("10) po § 22f dodaje się § 22g-22h w brzmieniu:", &Style::recommended());
    assert_eq!(lints.len(), 1);
    assert!(legal::lint::lint_ranges("pkt 14-18", &Style::recommended()).is_empty());
    assert!(legal::lint::lint_ranges("§ 22g-22h", &Style::lublin()).is_empty());
}

#[test]
fn nothing_to_amend_is_an_error() {
    let t = text(&["§ 1", "A"]);
    assert_eq!(amend_texts(&t, &t, &meta(), false, &Style::lublin()).unwrap_err(), AmendError::NoChange);
}

#[test]
fn lints_on_pasted_text() {
    let old = text(&["§ 10", "1. według (a r.) dalej", "2. inne", "§ 12", "1) tu (a r.) też", "2) tu nic"]);
    let pasted = "W Regulaminie … wprowadzam następujące zmiany:\n\
        1) użyte w § 10 w ust. 1 oraz w § 12 w pkt 2 wyrazy „(a r.)” zastępuje się wyrazami „(b r.)”;\n\
        2) użyte w § 12 w pkt 1 wyrazy „(a r.)” zastępuje się wyrazami „(b r. z późn. zm.)”;\n\
        3) w 10 ust. 2 otrzymuje brzmienie:\n\
        „2. zob. §13-16.”\n";
    let parsed = apply::parse(pasted).unwrap();
    let mut lints = parsed.lints.clone();
    lints.extend(legal::lint::lint_instructions(&old, &parsed.instructions));
    let codes: Vec<LintCode> = lints.iter().map(|l| l.code).collect();
    // "w 10" (D2), "§13-16" (P10), no ending after ” of the last point (P1/P6),
    // § 12 pkt 2 lacks the words, and the two groups cite "(b r.)" two ways (D8).
    for code in [
        LintCode::AddressWithoutParagraph,
        LintCode::ParagraphSpace,
        LintCode::Ending,
        LintCode::WordsNotFound,
        LintCode::InconsistentReference,
    ] {
        assert_eq!(codes.iter().filter(|c| **c == code).count(), 1, "{code:?} in {lints:#?}");
    }
    assert!(matches!(apply::apply(&old, &parsed.instructions), Err(apply::ApplyError::WordsNotFound { .. })));
}

#[test]
fn an_ordinance_of_wording_and_repeals_maps_back_onto_the_units_and_so_does_one_that_adds_units() {
    let doc = load("doa-2021.ron");
    let old = legal::derive(&doc);
    let ordinance = "W Regulaminie … wprowadzam następujące zmiany:\n\
        1) w § 12 pkt 2 otrzymuje brzmienie:\n„2) nadzoru nad wszystkim;”;\n\
        2) w § 19 uchyla się pkt 3;\n\
        3) użyte w § 10 w ust. 1 oraz w § 12 w pkt 1 wyrazy „z późn. zm.” zastępuje się wyrazami „ze zm.”.\n";
    let result = consolidate(&old, ordinance).unwrap();
    let mapped = legal::map::map_back(&doc, &result.text).unwrap();
    assert!(legal::amend::same_law(&legal::derive(&mapped), &result.text));
    assert_ne!(mapped, doc);
    assert_eq!(mapped.units.len(), doc.units.len(), "no unit added or removed");
    // Z58 adds units (IT-TB-I, the deputy of ust. 4 and its referat, § 22g-22h): recognised and added.
    let z58 = consolidate(&old, &reference()).unwrap();
    let mapped = legal::map::map_back(&doc, &z58.text).unwrap();
    assert!(legal::amend::same_law(&legal::derive(&mapped), &z58.text));
    assert!(
        mapped
            .units
            .iter()
            .any(|u| u.symbol == "IT-ZIII" && u.tasks_at.as_ref().is_some_and(|d| d.to_string() == "§ 22g"))
    );
}

/// A chapter heading is no numbered piece: the generator does not write its
/// change, and says so instead of printing an ordinance that leaves it out.
#[test]
fn a_changed_chapter_heading_is_refused_not_left_out() {
    let old = load("doa-2022.ron");
    let mut new = old.clone();
    new.chapters.push(schemat::model::Chapter {
        before: "§ 3".parse().unwrap(),
        heading: "Rozdział 2".into(),
        title: "Struktura organizacyjna".into(),
    });
    let err = amend(&old, &new, &Style::lublin()).unwrap_err();
    assert!(
        matches!(err, AmendError::NotExpressible(ref p) if p == &[NotExpressible::Chapters("§ 3".parse().unwrap())]),
        "{err:?}"
    );
    // With the same chapters on both sides, the numbered change is written as ever.
    let mut edited = new.clone();
    let referat = edited.units.iter_mut().find(|u| u.symbol == "IT-SS" && !u.tasks.points.is_empty()).unwrap();
    referat.tasks.points[1].text = "zarządzania stacjami roboczymi i drukarkami".into();
    let amendment = amend(&new, &edited, &Style::lublin()).unwrap_or_else(|e| panic!("{e}"));
    assert!(amendment.to_text().contains("drukarkami"));
    assert_eq!(amendment.consolidated.chapters, new.chapters, "the consolidated text keeps the chapters");
}
