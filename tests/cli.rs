//! The real `schemat` binary: `validate`, `show`, `fmt`, `--help`, `--lang`, exit codes.

mod io_sample;

use io_sample::{file_with, sample, sample_text, schemat, stderr, stdout};
use schemat::model::UnitKind;

fn write(doc: &schemat::model::Document) -> (tempfile::TempDir, std::path::PathBuf) {
    file_with(schemat::io::to_ron_string(doc).as_bytes(), "doa.ron")
}

#[test]
fn help_is_in_english_and_lists_the_commands() {
    let out = schemat(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    for needle in ["validate", "show", "fmt", "--lang", "Check files and print findings"] {
        assert!(help.contains(needle), "{needle} in {help}");
    }
}

#[test]
fn unknown_command_or_missing_argument_exits_2() {
    assert_eq!(schemat(&["show"]).status.code(), Some(2));
    assert_eq!(schemat(&["validate", "--bogus", "x.ron"]).status.code(), Some(2));
    assert_eq!(schemat(&["validate"]).status.code(), Some(2));
    assert_eq!(schemat(&["--lang", "de", "show", "x.ron"]).status.code(), Some(2));
}

#[test]
fn validate_a_clean_file_prints_nothing_and_exits_0() {
    let (_dir, path) = file_with(sample_text().as_bytes(), "doa.ron");
    let out = schemat(&["validate", path.to_str().unwrap()]);
    assert_eq!((out.status.code(), stdout(&out), stderr(&out)), (Some(0), String::new(), String::new()));
}

#[test]
fn validate_prints_findings_and_exits_1() {
    let mut doc = sample();
    doc.units[5].symbol = "IT-SS-1".into(); // Arabic instead of Roman
    doc.units[5].staffing = Some(1.0); // a multi-person position for one person
    doc.units[6].name.clear();
    let (_dir, path) = write(&doc);
    let file = path.to_str().unwrap();

    let out = schemat(&["--lang", "en", "validate", file]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "{file}: warning symbol-convention IT-SS-1: the symbol IT-SS-1 does not follow the convention; expected IT-SS-<Roman numeral>\n\
             {file}: warning multi-person-understaffed IT-SS-1: a multi-person position has a staffing of 1 (expected more than 1)\n\
             {file}: error empty-name IT-TB/it-tb: the unit has no name\n"
        )
    );
    // `--lang` after the command works too; Polish wording.
    let out = schemat(&["validate", file, "--lang", "pl"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains(&format!("{file}: błąd empty-name IT-TB/it-tb: jednostka nie ma nazwy\n")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_kierownik_is_named_by_symbol_and_id() {
    let mut doc = sample();
    doc.units[4].name.clear(); // the kierownik of IT-SS
    let (_dir, path) = write(&doc);
    let out = schemat(&["--lang", "en", "validate", path.to_str().unwrap()]);
    assert_eq!(stdout(&out), format!("{}: error empty-name IT-SS/it-ss-k: the unit has no name\n", path.display()));
}

#[test]
fn info_findings_are_printed_but_do_not_fail() {
    let mut doc = sample();
    doc.units[7].tasks = Default::default();
    doc.units[7].tasks_at = None;
    // Not a draft: in a draft, dropping § 14 ust. 2 (in force) would be the error in-force-lost.
    doc.in_force = None;
    let (_dir, path) = write(&doc);
    let out = schemat(&["--lang", "en", "validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains(": info missing-tasks IT-TB/it-tb-k: "), "{}", stdout(&out));
}

#[test]
fn validate_checks_every_file_and_exits_2_when_one_cannot_be_read() {
    let mut doc = sample();
    doc.units[6].name.clear();
    let (dir, bad_doc) = write(&doc);
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "Regulamin(").unwrap();
    let out = schemat(&["--lang", "en", "validate", broken.to_str().unwrap(), bad_doc.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with(&format!("schemat: error: {}:1:", broken.display())), "{}", stderr(&out));
    assert!(stdout(&out).contains("empty-name IT-TB/it-tb"), "the second file is still checked");
}

#[test]
fn show_prints_the_indented_tree() {
    let (_dir, path) = file_with(sample_text().as_bytes(), "doa.ron");
    let out = schemat(&["show", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "Departament Organizacji i Administracji [departament]\n\
        \x20 IT Wydział Informatyki [wydział]\n\
        \x20   IT-ZIII Zastępca Dyrektora ds. wsparcia użytkowników [zastępca dyrektora]\n\
        \x20     IT-SS referat ds. serwisu sprzętu i oprogramowania [referat]\n\
        \x20       IT-SS kierownik referatu [kierownik referatu]\n\
        \x20       IT-SS-I wieloosobowe stanowisko pracy inżynier serwisu [wieloosobowe stanowisko pracy]\n\
        \x20   IT-TB referat ds. technologii bezpieczeństwa [referat]\n\
        \x20     IT-TB kierownik referatu [kierownik referatu]\n"
    );
    let out = schemat(&["--lang", "en", "show", path.to_str().unwrap()]);
    assert!(stdout(&out).contains("IT-SS-I wieloosobowe stanowisko pracy inżynier serwisu [multi-person position]\n"));
    assert_eq!(schemat::i18n::model::kind(schemat::i18n::Lang::En, UnitKind::Zespol), "team");
}

#[test]
fn lang_is_only_set_when_given_so_the_editor_can_keep_its_saved_language() {
    use clap::Parser;
    use schemat::cli::Cli;
    use schemat::i18n::Lang;
    assert_eq!(Cli::try_parse_from(["schemat"]).unwrap().lang, None);
    assert_eq!(Cli::try_parse_from(["schemat", "--lang", "en"]).unwrap().lang, Some(Lang::En));
    assert_eq!(Cli::try_parse_from(["schemat", "show", "x.ron", "--lang", "pl"]).unwrap().lang, Some(Lang::Pl));
}

#[test]
fn fmt_upgrades_a_version_1_file_and_says_so_once() {
    let v1 = std::fs::read("tests/examples_v1/doa-2021.ron").unwrap();
    let (dir, path) = file_with(&v1, "doa.ron");
    let out = schemat(&["--lang", "en", "fmt", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("migrated from format version 1 to version 2"), "{}", stderr(&out));
    let upgraded = std::fs::read_to_string(&path).unwrap();
    assert!(upgraded.starts_with("Regulamin(\n    format_version: 2,\n"), "{upgraded}");
    assert!(upgraded.contains("label: \"1\""), "points got their labels");
    assert_eq!(std::fs::read(dir.path().join("doa.ron.bak")).unwrap(), v1, "the v1 original is the backup");
    // A second run finds a canonical v2 file: no message, no change.
    let out = schemat(&["--lang", "en", "fmt", path.to_str().unwrap()]);
    assert_eq!((out.status.code(), stderr(&out).as_str()), (Some(0), ""));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), upgraded);
}
