//! `schemat amend`, `schemat apply` and `schemat regulamin --format docx` as
//! a user runs them on the example pair and the reference ordinance.

use std::process::{Command, Output};

fn schemat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_schemat")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
}

fn reference() -> String {
    let shared = format!("{}/../shared/reference/zarzadzenie-58-12-2021.md", env!("CARGO_MANIFEST_DIR"));
    if std::path::Path::new(&shared).exists() {
        shared
    } else {
        "/work/shared/reference/zarzadzenie-58-12-2021.md".into()
    }
}

#[test]
fn amend_prints_the_ordinance_and_its_lints() {
    let out = schemat(&["amend", "examples/doa-2021.ron", "examples/doa-2022.ron"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "lints make exit 1: {err}");
    assert!(text.starts_with("Zarządzenie nr …\nPrezydenta Miasta Lublin\nz dnia … r.\n"), "{text}");
    assert!(text.contains("\n13) § 70 otrzymuje brzmienie:\n"), "{text}");
    assert!(text.contains("\n§ 3\n\nZarządzenie wchodzi w życie z dniem 1 stycznia 2022 r.\n"), "{text}");
    assert!(err.contains("inconsistent-reference"), "{err}");
}

#[test]
fn amend_and_regulamin_write_docx_files() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("z.docx");
    let out = schemat(&[
        "amend",
        "examples/doa-2021.ron",
        "examples/doa-2022.ron",
        "--format",
        "docx",
        "-o",
        docx.to_str().unwrap(),
    ]);
    assert_ne!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(&std::fs::read(&docx).unwrap()[..2], b"PK");
    let no_file = schemat(&["regulamin", "examples/doa-2022.ron", "--format", "docx"]);
    assert_eq!(no_file.status.code(), Some(2));
    let reg = dir.path().join("r.docx");
    let out = schemat(&["regulamin", "examples/doa-2022.ron", "--format", "docx", "-o", reg.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::metadata(&reg).unwrap().len() > 1000);
}

#[test]
fn apply_reads_the_reference_ordinance_and_checks_it_against_2022() {
    let out = schemat(&["apply", "examples/doa-2021.ron", &reference(), "--expect", "examples/doa-2022.ron"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(text.starts_with("(tekst ujednolicony)\n"), "{text}");
    assert!(text.contains("§ 22. (uchylony)"), "{text}");
    assert!(err.contains("reads as examples/doa-2022.ron"), "{err}");
    assert!(err.contains("address-without-paragraph"), "{err}");
    assert_eq!(out.status.code(), Some(1), "the tolerated deviations are findings");
}
