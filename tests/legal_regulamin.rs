//! The Regulamin as legal text (`schemat::legal`) on the shipped example,
//! against the reference ordinance.
//!
//! The expected text is read from `../shared/reference/zarzadzenie-58-12-2021.md`
//! (beside the repository, as in CI): its quoted blocks („…”) with the
//! Markdown marks of the conversion stripped (headings `####`, list dashes,
//! bold), compared line by line with `schemat regulamin examples/doa-2022.ron`.

mod io_sample;

use std::path::Path;

use io_sample::{schemat, stderr, stdout};
use schemat::legal::{self, Format, Source};
use schemat::model::{Designation, PieceState, UnitId};

const EXAMPLE_2022: &str = "examples/doa-2022.ron";
const EXAMPLE_2021: &str = "examples/doa-2021.ron";

fn reference() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/zarzadzenie-58-12-2021.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A line of the reference without its Markdown marks: `#### `, `- `, `**`, indentation.
fn strip_markdown(line: &str) -> String {
    let mut line = line.trim();
    line = line.trim_start_matches('#').trim_start();
    while let Some(rest) = line.strip_prefix("- ") {
        line = rest.trim_start();
    }
    line.replace("**", "").trim().to_owned()
}

/// The lines of the quoted block of the reference that opens with „`start`,
/// up to its closing ”, without the quotation marks and what follows ”
/// (the amendment list's own punctuation).
fn quoted(reference: &str, start: &str) -> Vec<String> {
    let lines: Vec<String> = reference.lines().map(strip_markdown).filter(|l| !l.is_empty()).collect();
    let open = format!("„{start}");
    let first = lines.iter().position(|l| l.starts_with(&open)).unwrap_or_else(|| panic!("no quote „{start}"));
    let mut out = Vec::new();
    for line in &lines[first..] {
        let line = line.strip_prefix('„').unwrap_or(line);
        match line.find('”') {
            Some(close) => {
                out.push(line[..close].to_owned());
                return out;
            }
            None => out.push(line.to_owned()),
        }
    }
    panic!("quote „{start} is not closed");
}

fn printed(example: &str) -> String {
    let doc = schemat::io::load(Path::new(example)).unwrap();
    legal::render(&legal::derive(&doc), Format::Text)
}

/// The printed lines without indentation and blank lines.
fn printed_lines(example: &str) -> Vec<String> {
    printed(example).lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

/// The `len` printed lines from the one equal to `first`.
fn block(lines: &[String], first: &str, len: usize) -> Vec<String> {
    let start = lines.iter().position(|l| l == first).unwrap_or_else(|| panic!("no line {first:?}"));
    lines[start..(start + len).min(lines.len())].to_vec()
}

fn assert_block(lines: &[String], expected: &[String]) {
    let got = block(lines, &expected[0], expected.len());
    for (i, (g, e)) in got.iter().zip(expected).enumerate() {
        assert_eq!(g, e, "line {i} of the block opening {:?}", expected[0]);
    }
    assert_eq!(got.len(), expected.len(), "block opening {:?}", expected[0]);
}

#[test]
fn paragraphs_14_22g_22h_and_70_print_exactly_as_the_ordinance_quotes_them() {
    let reference = reference();
    let lines = printed_lines(EXAMPLE_2022);
    // § 1 pkt 6 and 13 quote § 14 and § 70 whole; pkt 10 quotes § 22g and § 22h in one block.
    for start in ["§ 14", "§ 70"] {
        let expected = quoted(&reference, start);
        assert_eq!(expected[0], start);
        assert_block(&lines, &expected);
        // The paragraph ends where the quote ends: the next printed line is another §.
        let end = lines.iter().position(|l| l == start).unwrap() + expected.len();
        assert!(lines.get(end).is_none_or(|l| l.starts_with("§ ")), "{start} goes on: {:?}", lines.get(end));
    }
    let both = quoted(&reference, "§ 22g");
    let split = both.iter().position(|l| l == "§ 22h").unwrap();
    assert_block(&lines, &both[..split]);
    assert_block(&lines, &both[split..]);
    assert_eq!(
        lines.iter().position(|l| l == "§ 22h").map(|i| i + both.len() - split),
        lines.iter().position(|l| l == "§ 23")
    );
}

/// § 1 pkt 1 and 2 of the ordinance quote § 3 ust. 1 pkt 2, § 3 ust. 4 and § 9 pkt 3.
///
/// The reference closes the quote of § 3 ust. 1 pkt 2 with "(IT-TB-II);”" and
/// nothing after ” (its deviation D1, `amendment-spec.md` §9: a non-last
/// letter of the change list needs ";”,"). That concerns only the punctuation
/// of the amendment list after ”; inside the quote, the last letter takes its
/// point's ";" because pkt 3 follows pkt 2 (spec §5 P2, P7), which is what the
/// consolidated text prints, so the quoted content compares exactly.
#[test]
fn the_composition_of_section_3_and_9_prints_as_the_ordinance_quotes_it() {
    let reference = reference();
    let lines = printed_lines(EXAMPLE_2022);
    for start in ["2) referat ds. technologii bezpieczeństwa", "4. Zastępca Dyrektora", "3) referat ds. informacyjnych"]
    {
        let expected = quoted(&reference, start);
        assert!(expected.len() >= 4, "{expected:?}");
        assert_block(&lines, &expected);
    }
    let pkt2 = quoted(&reference, "2) referat ds. technologii bezpieczeństwa");
    assert_eq!(
        pkt2.last().map(String::as_str),
        Some("c) wieloosobowe stanowisko pracy ds. technologii bezpieczeństwa (IT-TB-II);")
    );
}

#[test]
fn repealed_pieces_print_as_placeholders_in_their_gender() {
    let text = printed(EXAMPLE_2022);
    let section = |from: &str, to: &str| -> String {
        let start = text.find(&format!("\n{from}\n")).unwrap_or_else(|| panic!("{from}"));
        let end = text[start + 1..].find(&format!("\n{to}")).map_or(text.len(), |e| start + 1 + e);
        text[start..end].to_owned()
    };
    let par3 = section("§ 3", "§ 4");
    // § 3 ust. 2: lit. d of pkt 2 (the last letter, taking the ";" of pkt 2) and pkt 3, the last point.
    assert!(par3.contains("\n      c) […],\n      d) (uchylona);\n   3) (uchylony).\n3. […]:\n"), "{par3}");
    assert!(section("§ 19", "§ 20").contains("\n2) […];\n3) (uchylony).\n"));
    assert!(
        section("§ 21", "§ 22")
            .contains("\n   18) wsparcia użytkowników w zakresie działania sieci teleinformatycznej.\n5. (uchylony)\n")
    );
    assert!(text.contains("\n\n§ 22. (uchylony)\n\n§ 22a\n"), "§ 22 keeps its number, § 22a-22f follow");
    // In 2021 the same pieces are in force (their wording unknown), and § 21 ust. 4 ends with pkt 13.
    let old = printed(EXAMPLE_2021);
    assert!(!old.contains("uchylon"), "{old}");
    assert!(old.contains("\n   13) […].\n5. […]\n"), "{old}");
    assert!(old.contains("\n§ 22\n\n1. […]\n"), "{old}");
}

#[test]
fn unknown_wording_keeps_its_designation_and_punctuation() {
    let lines = printed_lines(EXAMPLE_2022);
    let after =
        |line: &str| lines[lines.iter().position(|l| l == line).unwrap_or_else(|| panic!("{line}")) + 1].clone();
    // The ordinance ends these points with ";": an unknown point follows each.
    assert_eq!(
        after(
            "2) związane z bezpośrednim nadzorem nad realizacją zadań wykonywanych przez stanowisko pracy i referaty, o których mowa w §13-16;"
        ),
        "3) […]."
    );
    assert_eq!(
        after("1) obsługi sekretarskiej i administracyjnej Dyrektora Wydziału i Zastępców Dyrektora Wydziału;"),
        "2) […]."
    );
    assert!(after("13) […];").starts_with("14) obsługi systemu zgłoszeń serwisowych;"));
    let pkt14 = lines.iter().find(|l| l.starts_with("14) opracowywania zbiorczych kwartalnych informacji")).unwrap();
    assert!(pkt14.ends_with("edukacji prawnej;"));
    assert_eq!(after(pkt14), "15) […].");
    // Only the cited words of § 12 pkt 1 are known.
    assert!(lines.contains(
        &"1) […] (j.t. Obwieszczenie Prezydenta Miasta Lublin z dnia 29 października 2021 r.) […];".to_owned()
    ));
}

#[test]
fn a_click_on_a_piece_finds_its_unit() {
    let doc = schemat::io::load(Path::new(EXAMPLE_2022)).unwrap();
    let text = legal::derive(&doc);
    let d = |s: &str| s.parse::<Designation>().unwrap();
    let unit = |s: &str| text.find(&d(s)).and_then(|p| p.source.unit().cloned());
    assert_eq!(unit("§ 22h ust. 3"), Some(UnitId::new("it-ss-i")));
    assert_eq!(unit("§ 22h ust. 3 pkt 11"), Some(UnitId::new("it-ss-i")));
    assert_eq!(unit("§ 3 ust. 4 pkt 5"), Some(UnitId::new("it-ss-iv")));
    assert_eq!(text.find(&d("§ 3 ust. 4")).map(|p| &p.source), Some(&Source::Provision));
    assert_eq!(text.find(&d("§ 22")).map(|p| p.state), Some(PieceState::Repealed));
    assert_eq!(text.find(&d("§ 14")).map(|p| &p.source), Some(&Source::Implied));
    // Every line of the view carries its designation, and the two versions share none of their wording at § 22g.
    let old = legal::derive(&schemat::io::load(Path::new(EXAMPLE_2021)).unwrap());
    assert!(old.find(&d("§ 22g")).is_none());
    assert!(!old.same_wording(&text));
    assert!(text.same_wording(&legal::derive(&doc)));
}

#[test]
fn schemat_regulamin_prints_the_text_through_the_binary() {
    let out = schemat(&["regulamin", EXAMPLE_2022]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    assert_eq!(stdout(&out), printed(EXAMPLE_2022));
    assert!(stdout(&out).starts_with("Regulamin Organizacyjny Departamentu Organizacji i Administracji\n\n§ 3\n\n"));

    let out = schemat(&["regulamin", "--format", "markdown", EXAMPLE_2022]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.starts_with("# Regulamin Organizacyjny Departamentu Organizacji i Administracji\n"), "{md}");
    assert!(md.contains("\n### § 22g\n"), "{md}");
    assert!(md.contains("\n### § 22. (uchylony)\n"), "{md}");
    assert!(md.contains(
        "\n1\\) bezpośredniego nadzoru nad realizacją zadań wykonywanych przez referat, o którym mowa w § 22h;\n"
    ));
    assert!(md.contains("\n&emsp;13\\) *[…]*;\n"), "{md}");

    let out = schemat(&["regulamin", "examples/missing.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("schemat: błąd: examples/missing.ron"), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");

    let out = schemat(&["regulamin", "--format", "pdf", EXAMPLE_2022]);
    assert_eq!(out.status.code(), Some(2));
}

/// The v1 files the examples were (kept in `tests/examples_v1/`) migrate to
/// v2 on loading; the v2 text then round-trips byte for byte, and the shipped
/// v2 examples are in that canonical form, with the same units.
#[test]
fn v1_examples_migrate_and_v2_round_trips() {
    for name in ["doa-2022.ron", "doa-2021.ron"] {
        let v1_path = Path::new("tests/examples_v1").join(name);
        let v1 = std::fs::read_to_string(&v1_path).unwrap();
        assert!(v1.contains("format_version: 1,"));
        let loaded = schemat::io::from_ron_str_versioned(&v1, &v1_path).unwrap();
        assert_eq!(loaded.migrated_from, Some(1));
        let v2 = schemat::io::to_ron_string(&loaded.doc);
        assert!(v2.contains("format_version: 2,"));
        let again = schemat::io::from_ron_str_versioned(&v2, &v1_path).unwrap();
        assert_eq!(again.migrated_from, None);
        assert_eq!(again.doc, loaded.doc);
        assert_eq!(schemat::io::to_ron_string(&again.doc), v2, "{name}: v2 is not stable");

        let shipped_path = Path::new("examples").join(name);
        let shipped = std::fs::read_to_string(&shipped_path).unwrap();
        let doc = schemat::io::from_ron_str_versioned(&shipped, &shipped_path).unwrap();
        assert_eq!(doc.migrated_from, None);
        assert_eq!(schemat::io::to_ron_string(&doc.doc), shipped, "{name} is not canonical v2");
        let ids = |d: &schemat::model::Document| d.units.iter().map(|u| u.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&doc.doc), ids(&loaded.doc), "{name}: the v2 example keeps the units of v1");
    }
}
