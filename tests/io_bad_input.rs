//! Every bad input of issue #2: one clear message naming the file (and the
//! line:column where there is one), exit code 2 from the CLI, no panic, and no
//! byte on disk changed or added.

mod io_sample;

use std::path::Path;

use io_sample::{file_with, listing, sample_text, schemat, stderr, stdout};
use schemat::io::{self, IoError};
use schemat::model::StructureError;

/// Runs `fmt`, `validate` and `show` on `path` and checks each refuses it:
/// exit 2, nothing on stdout, one line on stderr containing `expected`,
/// and the folder exactly as it was, byte for byte.
fn assert_cli_refuses(path: &Path, expected: &str) {
    let dir = path.parent().unwrap();
    let before = listing(dir);
    let bytes = std::fs::metadata(path).ok().filter(|m| m.is_file()).map(|_| std::fs::read(path).unwrap());
    for command in ["fmt", "validate", "show"] {
        let out = schemat(&["--lang", "en", command, path.to_str().unwrap()]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{command}: {err}");
        assert_eq!(stdout(&out), "", "{command}");
        assert_eq!(err.lines().count(), 1, "{command}: one message: {err}");
        assert!(err.starts_with("schemat: error: "), "{command}: {err}");
        assert!(err.contains(expected), "{command}: expected {expected:?} in {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(listing(dir), before, "{command} created or removed a file");
        if let Some(bytes) = &bytes {
            assert_eq!(&std::fs::read(path).unwrap(), bytes, "{command} changed the file");
        }
    }
}

fn load_err(bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf, IoError) {
    let (dir, path) = file_with(bytes, "regulamin.ron");
    let err = io::load(&path).unwrap_err();
    (dir, path, err)
}

#[test]
fn malformed_ron() {
    let text = "Regulamin(\n    format_version: 1,\n    meta: (department: \"x\")\n    units: [],\n)\n";
    let (_dir, path, err) = load_err(text.as_bytes());
    assert!(matches!(err, IoError::Syntax { line: 4, column: 5, .. }), "{err:?}");
    assert_cli_refuses(&path, &format!("{}:4:5: invalid RON file: Expected comma", path.display()));
}

#[test]
fn truncated_file() {
    let text = sample_text();
    // Cut inside a string, then cut just before the closing parenthesis.
    let inside = text.find("Wydział Informatyki").unwrap() + 4;
    for cut in [&text[..inside], text.trim_end().strip_suffix(')').unwrap()] {
        let (_dir, path, err) = load_err(cut.as_bytes());
        let (line, column) = err.position().unwrap_or_else(|| panic!("a position: {err:?}"));
        assert!(line > 1 && column >= 1, "{err}");
        assert_cli_refuses(&path, &format!("{}:{line}:{column}: invalid RON file", path.display()));
    }
}

#[test]
fn future_format_version() {
    // A newer file may have fields this build does not know: the version is what matters.
    let text = sample_text().replace("format_version: 2,", "format_version: 3,").replacen(
        "symbol: \"IT\",",
        "symbol: \"IT\",\n            colour: \"blue\",",
        1,
    );
    let (_dir, path, err) = load_err(text.as_bytes());
    assert!(matches!(err, IoError::UnsupportedVersion { found: 3, supported: 2, .. }), "{err:?}");
    assert_cli_refuses(&path, "format_version 3 is not supported (this program reads 2); update schemat");

    let text = sample_text().replace("format_version: 2,", "format_version: 0,");
    let (_dir, _path, err) = load_err(text.as_bytes());
    assert!(matches!(err, IoError::UnsupportedVersion { found: 0, .. }), "{err:?}");
}

#[test]
fn unknown_field() {
    let text = sample_text().replacen(
        "            kind: Wydzial,",
        "            kind: Wydzial,\n            colour: \"red\",",
        1,
    );
    let line = text.lines().position(|l| l.contains("colour")).unwrap() + 1;
    let (_dir, path, err) = load_err(text.as_bytes());
    assert_eq!(err.position(), Some((line, 13)), "{err}");
    assert_cli_refuses(
        &path,
        &format!("{}:{line}:13: invalid RON file: Unexpected field named `colour`", path.display()),
    );
}

#[test]
fn duplicate_ids_point_at_the_second_id() {
    let text = sample_text().replace("id: \"it-tb-k\"", "id: \"it-ss-k\"");
    let line = text.lines().enumerate().filter(|(_, l)| l.contains("id: \"it-ss-k\"")).nth(1).unwrap().0 + 1;
    let (_dir, path, err) = load_err(text.as_bytes());
    assert!(
        matches!(&err, IoError::Structure { source: StructureError::DuplicateId(id), .. } if id.as_str() == "it-ss-k")
    );
    assert_eq!(err.position(), Some((line, 13)));
    assert_cli_refuses(&path, &format!("{}:{line}:13: unit id \"it-ss-k\" is used more than once", path.display()));
}

#[test]
fn missing_parent_points_at_the_parent_field() {
    let text = sample_text().replace("parent: \"it-tb\"", "parent: \"it-xx\"");
    let line = text.lines().position(|l| l.contains("parent: \"it-xx\"")).unwrap() + 1;
    let (_dir, path, err) = load_err(text.as_bytes());
    assert!(matches!(&err, IoError::Structure { source: StructureError::MissingParent { .. }, .. }), "{err:?}");
    assert_eq!(err.position(), Some((line, 13)));
    assert_cli_refuses(
        &path,
        &format!("{}:{line}:13: unit \"it-tb-k\" names the parent \"it-xx\", which does not exist", path.display()),
    );
}

#[test]
fn hierarchy_cycle() {
    // IT under its own referat: IT, IT-ZIII and IT-SS form a circle cut off from the root.
    let text = sample_text().replacen("parent: \"doa\"", "parent: \"it-ss\"", 1);
    let (_dir, path, err) = load_err(text.as_bytes());
    assert!(matches!(&err, IoError::Structure { source: StructureError::Cycle(_), .. }), "{err:?}");
    assert!(err.position().is_some());
    assert_cli_refuses(&path, "the hierarchy has a cycle through unit");
}

#[test]
fn second_root_and_dangling_relation() {
    let text = sample_text().replacen("            parent: \"it\",\n", "", 1);
    let (_dir, path, err) = load_err(text.as_bytes());
    assert!(matches!(&err, IoError::Structure { source: StructureError::TwoRoots(..), .. }), "{err:?}");
    assert_cli_refuses(&path, "both have no parent");

    let text = sample_text().replace("to: \"it-tb\"", "to: \"it-zz\"");
    let line = text.lines().position(|l| l.contains("to: \"it-zz\"")).unwrap() + 1;
    let (_dir, path, err) = load_err(text.as_bytes());
    assert_eq!(err.position(), Some((line, 13)), "{err}");
    assert_cli_refuses(&path, "a relation refers to unit \"it-zz\"");
}

#[test]
fn non_utf8_bytes() {
    let mut bytes = sample_text().into_bytes();
    let at = sample_text().find("Wydział").unwrap();
    bytes.splice(at..at + "Wydział".len(), b"Wydzia\xff".iter().copied());
    let line = sample_text()[..at].matches('\n').count() + 1;
    let column = sample_text()[..at].rsplit('\n').next().unwrap().chars().count() + 1 + "Wydzia".len();
    let (_dir, path, err) = load_err(&bytes);
    assert!(matches!(err, IoError::NotUtf8 { .. }), "{err:?}");
    assert_eq!(err.position(), Some((line, column)));
    assert_cli_refuses(&path, &format!("{}:{line}:{column}: the file is not UTF-8 text", path.display()));
}

#[test]
fn empty_file() {
    for bytes in [&b""[..], b"  \n\t\n"] {
        let (_dir, path, err) = load_err(bytes);
        assert!(matches!(err, IoError::Empty { .. }), "{err:?}");
        assert_cli_refuses(&path, &format!("{}: the file is empty", path.display()));
    }
}

#[test]
fn fifty_megabyte_file_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    // A sparse file: 50 MB long without writing 50 MB.
    std::fs::File::create(&path).unwrap().set_len(50_000_000).unwrap();
    let err = io::load(&path).unwrap_err();
    assert!(matches!(err, IoError::TooLarge { bytes: Some(50_000_000), .. }), "{err:?}");
    // Binary units: 50 000 000 bytes are 47.7 MiB (rounded up), the limit 16 MiB.
    assert_cli_refuses(&path, "the file is 47.7 MiB; schemat reads files up to 16 MiB");
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 50_000_000);
}

#[test]
fn directory_instead_of_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("regulamin.ron");
    std::fs::create_dir(&sub).unwrap();
    assert!(matches!(io::load(&sub), Err(IoError::IsDirectory { .. })));
    assert!(matches!(io::save(&io_sample::sample(), &sub), Err(IoError::IsDirectory { .. })));
    assert_cli_refuses(&sub, "this is a directory, not a file");
    assert!(sub.is_dir());
}

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nie-ma.ron");
    assert!(matches!(io::load(&path), Err(IoError::Read { .. })));
    assert_cli_refuses(&path, "cannot read: no such file or directory");
    assert!(!path.exists());
}

#[test]
fn unwritable_target_leaves_the_old_file_intact() {
    // The tests may run as root, so permissions cannot make a file unwritable;
    // a directory in the way of the backup makes the save fail half-way instead.
    let original = sample_text().replace("    ", "  "); // valid but not canonical, so fmt must write
    let (dir, path) = file_with(original.as_bytes(), "regulamin.ron");
    std::fs::create_dir(dir.path().join("regulamin.ron.bak")).unwrap();
    std::fs::write(dir.path().join("regulamin.ron.bak").join("keep"), b"x").unwrap();
    let err = io::save(&io_sample::sample(), &path).unwrap_err();
    assert!(matches!(err, IoError::Write { .. }), "{err:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
    assert_eq!(listing(dir.path()), ["regulamin.ron", "regulamin.ron.bak"], "no temporary file is left");

    let out = schemat(&["--lang", "en", "fmt", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot write (the previous file is intact)"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
    assert_eq!(listing(dir.path()), ["regulamin.ron", "regulamin.ron.bak"]);

    // A target whose folder does not exist (here: a path under a regular file).
    let err = io::save(&io_sample::sample(), &path.join("inside.ron")).unwrap_err();
    assert!(matches!(err, IoError::Write { .. }), "{err:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
}

#[test]
fn messages_are_polish_by_default() {
    let (_dir, path) = file_with(b"", "pusty.ron");
    let out = schemat(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), format!("schemat: błąd: {}: plik jest pusty\n", path.display()));
}

#[test]
fn missing_format_version_is_a_syntax_error_with_a_position() {
    let text = sample_text().replace("    format_version: 2,\n", "");
    let (_dir, path, err) = load_err(text.as_bytes());
    assert!(matches!(err, IoError::Syntax { .. }), "{err:?}");
    assert!(err.to_string().contains("format_version"), "{err}");
    assert_cli_refuses(&path, &format!("{}:", path.display()));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(sample_text().into_bytes());
    let (_dir, path) = file_with(&bytes, "bom.ron");
    assert_eq!(io::load(&path).unwrap(), io_sample::sample());
}

#[test]
fn a_document_without_units_points_at_the_units_field() {
    let text = "Regulamin(\n    format_version: 1,\n    meta: (department: \"x\"),\n    units: [],\n)\n";
    let (_dir, path, err) = load_err(text.as_bytes());
    assert!(matches!(&err, IoError::Structure { source: StructureError::Empty, .. }), "{err:?}");
    assert_eq!(err.position(), Some((4, 5)));
    assert_cli_refuses(&path, &format!("{}:4:5: the document has no units", path.display()));
}

#[test]
fn syntax_errors_are_worded_in_polish_too() {
    let text = sample_text().replacen("            kind: Wydzial,", "            kind: Wydział,", 1);
    let line = text.lines().position(|l| l.contains("kind: Wydział")).unwrap() + 1;
    let (_dir, path) = file_with(text.as_bytes(), "doa.ron");
    let out = schemat(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with(&format!(
            "schemat: błąd: {}:{line}:19: nieprawidłowy plik RON: nieznana wartość `Wydział`; dozwolone: `Departament`, `Wydzial`,",
            path.display()
        )),
        "{}",
        stderr(&out)
    );
    let text = sample_text().replacen(
        "            kind: Wydzial,",
        "            kind: Wydzial,\n            colour: \"red\",",
        1,
    );
    let (_dir, path) = file_with(text.as_bytes(), "doa.ron");
    let out = schemat(&["fmt", path.to_str().unwrap()]);
    assert!(
        stderr(&out).contains(": nieprawidłowy plik RON: nieznane pole `colour`; dozwolone: `id`, `parent`,"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_invalid_designation_is_named_in_both_languages() {
    let text = sample_text().replacen("tasks_at: \"§ 22g\"", "tasks_at: \"§ 22g ust. x\"", 1);
    let line = text.lines().position(|l| l.contains("§ 22g ust. x")).unwrap() + 1;
    let (_dir, path, err) = load_err(text.as_bytes());
    assert_eq!(err.position().map(|(l, _)| l), Some(line), "{err}");
    assert!(err.to_string().contains("invalid designation \"§ 22g ust. x\": invalid label \"x\""), "{err}");
    let out = schemat(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("nieprawidłowe oznaczenie „§ 22g ust. x”: nieprawidłowy numer „x”"),
        "{}",
        stderr(&out)
    );
}
