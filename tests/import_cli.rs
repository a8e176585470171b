//! `schemat import` as a user runs it: the examples' text in, a document
//! out whose Regulamin reads the same; a file with no § refused with one
//! line and nothing written; ambiguities give exit 1.

use std::path::Path;
use std::process::{Command, Output};

fn schemat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_schemat")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn the_example_text_imports_to_a_document_of_the_same_text() {
    let dir = tempfile::tempdir().unwrap();
    for (format, name) in [("text", "doa.txt"), ("markdown", "doa.md")] {
        let printed = schemat(&["regulamin", "examples/doa-2022.ron", "--format", format]);
        let source = dir.path().join(name);
        std::fs::write(&source, &printed.stdout).unwrap();
        let ron = dir.path().join(format!("{name}.ron"));
        let out = schemat(&["import", path(&source), "-o", path(&ron)]);
        let report = text(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{report}{}", text(&out.stderr));
        assert!(
            report.contains(
                ": § 3 ust. 4 pkt 5: jednostka: wieloosobowe stanowisko pracy ds. dokumentacji technicznych (IT-SS-IV)"
            ),
            "{report}"
        );
        assert!(report.contains("niejednoznaczności: 0"), "{report}");
        let again = schemat(&["regulamin", path(&ron), "--format", format]);
        assert_eq!(text(&again.stdout), text(&printed.stdout), "{format}");
    }
}

#[test]
fn without_output_the_document_goes_to_stdout_and_the_report_to_stderr_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("doa.txt");
    std::fs::write(&source, schemat(&["regulamin", "examples/doa-2022.ron"]).stdout).unwrap();
    let out = schemat(&["--lang", "en", "import", path(&source)]);
    assert_eq!(out.status.code(), Some(0));
    let doc = schemat::io::from_ron_str(&text(&out.stdout), Path::new("stdout.ron")).expect("RON on stdout");
    assert!(doc.units.iter().any(|u| u.symbol == "IT-ZIII"));
    assert!(text(&out.stderr).contains("units: 19, task paragraphs: 17"), "{}", text(&out.stderr));
}

#[test]
fn a_file_with_no_paragraph_sign_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("list.txt");
    std::fs::write(&source, "Lista zakupów\n1. chleb\n2. mleko\n").unwrap();
    let ron = dir.path().join("out.ron");
    let out = schemat(&["import", path(&source), "-o", path(&ron)]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("list.txt: w tekście nie ma żadnego §"), "{err}");
    assert!(!ron.exists());
    assert!(text(&out.stdout).is_empty());
}

#[test]
fn unreadable_input_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, b"\xa7 1\n\0\x01\x02").unwrap();
    let missing = dir.path().join("missing.txt");
    for file in [&binary, &missing] {
        let out = schemat(&["--lang", "en", "import", path(file)]);
        assert_eq!(out.status.code(), Some(2), "{}", file.display());
        assert_eq!(text(&out.stderr).lines().count(), 1, "{}", text(&out.stderr));
    }
    let out = schemat(&["--lang", "en", "import", path(&binary)]);
    assert!(text(&out.stderr).contains("binary data"), "{}", text(&out.stderr));
}

#[test]
fn a_latin2_text_imports_and_the_report_says_how_it_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let latin2 = dir.path().join("latin2.txt");
    // "Regulamin określa organizację Wydziału." in ISO-8859-2 (ś is 0xB6 there, 0x9C in Windows-1250).
    std::fs::write(&latin2, b"\xa7 1\nRegulamin okre\xb6la organizacj\xea Wydzia\xb3u.\n").unwrap();
    let ron = dir.path().join("latin2.ron");
    let out = schemat(&["--lang", "en", "import", path(&latin2), "-o", path(&ron)]);
    let report = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{report}{}", text(&out.stderr));
    assert!(report.lines().next().is_some_and(|l| l.contains("the file is not UTF-8: read as ISO-8859-2")), "{report}");
    assert!(std::fs::read_to_string(&ron).unwrap().contains("Regulamin określa organizację Wydziału"));
}

#[test]
fn a_task_paragraph_with_no_unit_is_an_ambiguity_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("r.txt");
    std::fs::write(
        &source,
        "Regulamin Organizacyjny Biura X\n§ 1\nReferat ds. kadr realizuje w szczególności zadania z zakresu:\n1) kadr.\n",
    )
    .unwrap();
    let ron = dir.path().join("r.ron");
    let out = schemat(&["import", path(&source), "-o", path(&ron)]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(report.contains("r.txt:2: § 1: niejednoznaczne: zadania „Referat ds. kadr”"), "{report}");
    // Nothing dropped: the paragraph is there as provisions.
    let again = text(&schemat(&["regulamin", path(&ron)]).stdout);
    assert!(again.contains("Referat ds. kadr realizuje w szczególności zadania z zakresu:\n1) kadr.\n"), "{again}");
}
