//! `schemat diff` from the command line: the report in Polish and English,
//! JSON and Markdown, exit codes, and the git external diff driver.

mod diff_fixture;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn schemat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_schemat")).args(args).output().unwrap()
}

fn write_pair(dir: &Path) -> (PathBuf, PathBuf) {
    let (old, new) = (dir.join("old.ron"), dir.join("new.ron"));
    schemat::io::save(&diff_fixture::old(), &old).unwrap();
    schemat::io::save(&diff_fixture::new(), &new).unwrap();
    (old, new)
}

fn text(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn report_in_polish_lists_each_change_with_symbol_and_name() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = write_pair(dir.path());
    let out = schemat(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let report = text(&out);
    for expected in [
        "Dokument: wersja: „stan na 31 grudnia 2021 r.” → „projekt”",
        "Dokument: uchylono § 22",
        "IT-ZIII Zastępca Dyrektora ds. wsparcia użytkowników: dodano (zastępca dyrektora, IT)",
        "IT-SS referat ds. serwisu sprzętu i oprogramowania: dodano (referat, IT-ZIII)",
        "IT-TB-III stanowisko pracy ds. audytu: usunięto (stanowisko pracy, IT-TB)",
        "IT-D Dyrektor Wydziału: § 12 pkt 2: zmieniono brzmienie",
        "    było: związane z bezpośrednim nadzorem nad realizacją zadań wykonywanych przez stanowisko pracy i referaty, o których mowa w § 13-16 i § 22",
        "    jest: związane z bezpośrednim nadzorem nad realizacją zadań wykonywanych przez stanowisko pracy i referaty, o których mowa w §13-16",
        "IT-SI referat ds. sieci: § 21 ust. 4 pkt 3: dodano",
        "    jest: obsługi systemu zgłoszeń serwisowych",
        "IT-ZIII Zastępca Dyrektora ds. wsparcia użytkowników: dodano relację: IT-ZIII nadzoruje bezpośrednio IT-SS",
        "liczba jednostek: 8 → 10; etaty razem: 3 → 8,5",
    ] {
        assert!(report.lines().any(|l| l.contains(expected)), "missing {expected:?} in\n{report}");
    }
    // The unchanged units are not mentioned.
    assert!(!report.contains("IT-TB-I "), "{report}");
    assert!(!report.contains("IT-TB referat"), "{report}");
}

#[test]
fn report_in_english_and_equal_versions_exit_zero() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = write_pair(dir.path());
    let out = schemat(&["--lang", "en", "diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("IT-TB-III stanowisko pracy ds. audytu: removed"), "{}", text(&out));
    let same = schemat(&["diff", "--lang", "en", old.to_str().unwrap(), old.to_str().unwrap()]);
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(text(&same), "The versions are the same.\n");
}

#[test]
fn errors_exit_two_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let (old, _) = write_pair(dir.path());
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "Regulamin(format_version: 1, units: [").unwrap();
    let out = schemat(&["diff", old.to_str().unwrap(), broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.ron"));
    let three = schemat(&["diff", "a", "b", "c"]);
    assert_eq!(three.status.code(), Some(2));
}

#[test]
fn json_output_is_machine_readable_and_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = write_pair(dir.path());
    let args = ["diff", "--format", "json", old.to_str().unwrap(), new.to_str().unwrap()];
    let out = schemat(&args);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(out.stdout, schemat(&args).stdout);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["equal"], false);
    assert_eq!(value["summary"]["counts"]["unit_added"], 3);
    assert_eq!(value["summary"]["counts"]["unit_removed"], 1);
    let changes = value["changes"].as_array().unwrap();
    let edited = changes.iter().find(|c| c["kind"] == "task_point" && c["point"]["change"] == "edited").unwrap();
    assert_eq!(edited["unit"]["symbol"], "IT-D");
    // Points by their labels, not by list indices.
    assert_eq!(edited["point"]["new"], serde_json::json!(["2"]));
    assert_eq!(edited["point_designation"], "§ 12 pkt 2");
    let added = changes.iter().find(|c| c["kind"] == "unit_added" && c["unit"]["symbol"] == "IT-SS").unwrap();
    assert_eq!(added["new_unit"]["parent"], "it-ziii");
    let removed = changes.iter().find(|c| c["kind"] == "unit_removed").unwrap();
    assert_eq!(removed["old_unit"]["symbol"], "IT-TB-III");
}

#[test]
fn markdown_report_strikes_out_old_words_and_bolds_new_ones() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = write_pair(dir.path());
    let out = schemat(&["diff", "--format", "markdown", old.to_str().unwrap(), new.to_str().unwrap()]);
    let md = text(&out);
    assert!(md.starts_with("# Zmiany w strukturze\n"), "{md}");
    assert!(md.contains("## Jednostki"));
    assert!(md.contains("- **IT-TB-III** stanowisko pracy ds. audytu: usunięto"), "{md}");
    assert!(md.contains("o których mowa w §13-16 ~~i § 22~~\n"), "{md}");
    assert!(md.contains("  - jest: **obsługi systemu zgłoszeń serwisowych**\n"), "{md}");
    assert!(md.contains("| dodane jednostki | 3 |"), "{md}");
}

#[test]
fn works_as_a_git_external_diff_driver() {
    let has_git = Command::new("git").arg("--version").output().is_ok_and(|o| o.status.success());
    if !has_git {
        eprintln!("git is not installed; skipping");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .args(args)
            .current_dir(repo)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", repo)
            .output()
            .unwrap();
        assert!(out.status.success() || args[0] == "diff", "git {args:?}: {out:?}");
        out
    };
    git(&["init", "-q"]);
    git(&["config", "user.email", "test@example.com"]);
    git(&["config", "user.name", "test"]);
    let command = format!("{} diff --git-external", env!("CARGO_BIN_EXE_schemat"));
    git(&["config", "diff.schemat.command", &command]);
    std::fs::write(repo.join(".gitattributes"), "*.ron diff=schemat\n").unwrap();
    let file = repo.join("doa.ron");
    schemat::io::save(&diff_fixture::old(), &file).unwrap();
    git(&["add", "."]);
    git(&["commit", "-qm", "old"]);
    schemat::io::save(&diff_fixture::new(), &file).unwrap();
    let out = git(&["diff"]);
    assert!(out.status.success(), "{out:?}");
    let report = text(&out);
    assert!(report.contains("schemat diff a/doa.ron b/doa.ron"), "{report}");
    assert!(report.contains("IT-TB-III stanowisko pracy ds. audytu: usunięto"), "{report}");
    // The commit that created the file: git passes /dev/null as the old side.
    let created = git(&["show", "--ext-diff", "--format=", "HEAD"]);
    assert!(created.status.success(), "{created:?}");
    assert!(text(&created).contains("a/doa.ron: plik nie istnieje w tej wersji"), "{}", text(&created));
}

#[test]
fn three_files_are_refused_with_exit_2_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = write_pair(dir.path());
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let out = schemat(&["diff", old, new, new]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    assert!(stderr.contains("diff przyjmuje dwa pliki (STARY NOWY)") && stderr.contains("podano 3"), "{stderr}");
    assert!(text(&out).is_empty());
    let out = schemat(&["--lang", "en", "diff", old, new, new]);
    assert!(String::from_utf8(out.stderr).unwrap().contains("got 3"));
}
