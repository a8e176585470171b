//! Files that hold under faults (issue 10): special files refused at once,
//! bounded reads, atomic backups, stale temporary files cleaned, permissions
//! and symbolic links kept, and every error one clean line.

mod io_sample;
mod layout_fixture;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use io_sample::{file_with, listing, sample, sample_text, schemat, stderr};
use schemat::files::{self, SpecialKind};
use schemat::io::{self, IoError};

/// How long the harness lets one command run before calling it hung and killing it.
/// Not a timing assertion: a command that answers at all answers in milliseconds.
const HANG: Duration = Duration::from_secs(30);

/// Runs the binary and waits for it at most [`HANG`]; a command still running
/// then is killed and reported as hung.
fn run_with_deadline(args: &[&str]) -> (Option<i32>, String) {
    let mut child: Child = Command::new(env!("CARGO_BIN_EXE_schemat"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
            return (status.code(), err);
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("schemat {args:?} hung (killed after {HANG:?})");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[test]
fn a_fifo_is_refused_at_once_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("p.ron");
    mkfifo(&fifo);
    let ok = dir.path().join("ok.ron");
    std::fs::write(&ok, sample_text()).unwrap();
    let (p, ok) = (fifo.to_str().unwrap(), ok.to_str().unwrap());
    let out = dir.path().join("out.svg");
    let out = out.to_str().unwrap();
    for args in [
        vec!["validate", p],
        vec!["show", p],
        vec!["fmt", p],
        vec!["diff", p, ok],
        vec!["diff", ok, p],
        vec!["export", p, "--svg", out],
    ] {
        let mut all = vec!["--lang", "en"];
        all.extend(&args);
        let (code, err) = run_with_deadline(&all);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert_eq!(
            err,
            format!(
                "schemat: error: {p}: this is a named pipe (FIFO), not a regular file; schemat reads and writes regular files only\n"
            ),
            "{args:?}"
        );
    }
    assert!(!Path::new(out).exists());
    // Writing over a FIFO is refused too (export --ron onto it would otherwise block or replace it).
    let (code, err) = run_with_deadline(&["--lang", "en", "export", ok, "--ron", p]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("named pipe (FIFO)"), "{err}");
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo_like());
}

/// `is_fifo` without importing the Unix extension trait everywhere.
trait FifoLike {
    fn is_fifo_like(&self) -> bool;
}

impl FifoLike for std::fs::FileType {
    fn is_fifo_like(&self) -> bool {
        std::os::unix::fs::FileTypeExt::is_fifo(self)
    }
}

#[test]
fn devices_and_sockets_are_refused_without_claiming_a_size() {
    let err = io::load(Path::new("/dev/zero")).unwrap_err();
    assert!(matches!(err, IoError::NotRegular { kind: SpecialKind::CharDevice, .. }), "{err:?}");
    let (code, err) = run_with_deadline(&["--lang", "en", "validate", "/dev/zero"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "schemat: error: /dev/zero: this is a character device, not a regular file; schemat reads and writes regular files only\n"
    );
    assert!(!err.contains("MB") && !err.contains("MiB"), "an endless file has no size: {err}");

    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("s.ron");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let err = io::load(&socket).unwrap_err();
    assert!(matches!(err, IoError::NotRegular { kind: SpecialKind::Socket, .. }), "{err:?}");
    let (code, err) = run_with_deadline(&["validate", socket.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(err.contains("to nie jest zwykły plik, lecz gniazdo (socket)"), "{err}");
}

#[test]
fn the_size_limit_holds_while_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    std::fs::write(&path, vec![b' '; 2048]).unwrap();
    // By metadata: refused unread, with its size.
    assert!(matches!(files::read_bounded(&path, 1024), Err(files::FileError::TooLarge { bytes: Some(2048), .. })));
    assert_eq!(files::read_bounded(&path, 4096).unwrap().len(), 2048);
    // A file that is longer than its metadata said by the time it is read stops at the limit
    // (here: /proc files report length 0 and are read to their end).
    let status = Path::new("/proc/self/status");
    if status.exists() {
        assert!(matches!(files::read_bounded(status, 16), Err(files::FileError::TooLarge { bytes: None, limit: 16 })));
        let err = io::load(status).unwrap_err();
        assert!(
            matches!(err, IoError::TooLarge { bytes: None, .. })
                || matches!(err, IoError::NotUtf8 { .. } | IoError::Syntax { .. }),
            "{err:?}"
        );
        let message = schemat::i18n::io::message(
            schemat::i18n::Lang::En,
            &IoError::TooLarge { path: status.to_owned(), bytes: None, limit: io::MAX_FILE_BYTES },
        );
        assert_eq!(message, "/proc/self/status: the file is longer than 16 MiB, the most schemat reads");
    }
}

#[test]
fn the_backup_is_made_atomically_and_keeps_the_previous_file() {
    let original = sample_text().replace("    ", "  ");
    let (dir, path) = file_with(original.as_bytes(), "doa.ron");
    let bak = dir.path().join("doa.ron.bak");
    io::save(&sample(), &path).unwrap();
    assert_eq!(std::fs::read_to_string(&bak).unwrap(), original);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), sample_text());
    // The next save: the backup is the file as it was just before (replaced in one rename).
    let mut changed = sample();
    changed.meta.version = "projekt".into();
    io::save(&changed, &path).unwrap();
    assert_eq!(std::fs::read_to_string(&bak).unwrap(), sample_text());
    assert_eq!(io::load(&path).unwrap(), changed);
    assert_eq!(listing(dir.path()), ["doa.ron", "doa.ron.bak"]);
    // The backup is its own file: writing the document again does not touch it.
    use std::os::unix::fs::MetadataExt;
    assert_ne!(std::fs::metadata(&bak).unwrap().ino(), std::fs::metadata(&path).unwrap().ino());
}

#[test]
fn stale_temp_files_of_killed_saves_are_cleaned_on_the_next_save() {
    let (dir, path) = file_with(sample_text().as_bytes(), "doa.ron");
    // A PID that no process has: the largest Linux allows is 2^22.
    let dead = 4_194_304 + 17;
    let stale =
        [format!(".doa.ron.{dead}.tmp"), format!(".doa.ron.{dead}-3.tmp"), format!(".doa.ron.{dead}-4.bak.tmp")];
    for name in &stale {
        std::fs::write(dir.path().join(name), b"half a file").unwrap();
    }
    // Not ours or not stale: another file's, a live process's (this one's), a folder.
    let kept =
        [format!(".other.ron.{dead}.tmp"), format!(".doa.ron.{}.tmp", std::process::id()), "notes.txt".to_owned()];
    for name in &kept {
        std::fs::write(dir.path().join(name), b"x").unwrap();
    }
    std::fs::create_dir(dir.path().join(format!(".doa.ron.{}.tmp", dead + 1))).unwrap();
    let mut changed = sample();
    changed.meta.version = "projekt".into();
    io::save(&changed, &path).unwrap();
    let mut expected: Vec<String> = kept.to_vec();
    expected.extend(["doa.ron".to_owned(), "doa.ron.bak".to_owned(), format!(".doa.ron.{}.tmp", dead + 1)]);
    expected.sort();
    assert_eq!(listing(dir.path()), expected);
}

#[test]
fn a_save_keeps_the_permissions_of_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let original = sample_text().replace("    ", "  ");
    let (_dir, path) = file_with(original.as_bytes(), "doa.ron");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = schemat(&["fmt", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), sample_text(), "fmt rewrote it");
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o7777, 0o600);
    let bak = path.with_file_name("doa.ron.bak");
    assert_eq!(std::fs::metadata(&bak).unwrap().permissions().mode() & 0o7777, 0o600, "the backup too");
    // A file readable by the group stays so.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    io::write_atomic(&path, b"x").unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o7777, 0o640);
}

#[test]
fn a_save_through_a_symlink_writes_its_target() {
    let original = sample_text().replace("    ", "  ");
    let (dir, target) = file_with(original.as_bytes(), "real.ron");
    let sub = dir.path().join("links");
    std::fs::create_dir(&sub).unwrap();
    let link = sub.join("doa.ron");
    std::os::unix::fs::symlink("../real.ron", &link).unwrap();
    let out = schemat(&["fmt", link.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), sample_text(), "its target is formatted");
    assert_eq!(std::fs::read_to_string(dir.path().join("real.ron.bak")).unwrap(), original, "backup beside the target");
    assert_eq!(listing(&sub), ["doa.ron"]);
    // A dangling link: the file it names is created.
    let dangling = sub.join("new.ron");
    std::os::unix::fs::symlink("../created.ron", &dangling).unwrap();
    io::save(&sample(), &dangling).unwrap();
    assert_eq!(std::fs::read_to_string(dir.path().join("created.ron")).unwrap(), sample_text());
    assert!(std::fs::symlink_metadata(&dangling).unwrap().file_type().is_symlink());
}

#[test]
fn an_escape_in_an_id_is_shown_escaped_and_located() {
    // The id written with an escape: "it-ss-k" twice, the second time as "it\u{2d}ss-k".
    let text = sample_text().replace("id: \"it-tb-k\"", "id: \"it\\u{2d}ss-k\"");
    let line = text.lines().position(|l| l.contains("it\\u{2d}ss-k")).unwrap() + 1;
    let (_dir, path) = file_with(text.as_bytes(), "doa.ron");
    let err = io::load(&path).unwrap_err();
    assert_eq!(err.position(), Some((line, 13)), "{err}");

    // The same with a raw string.
    let text = sample_text().replace("id: \"it-tb-k\"", "id: r#\"it-ss-k\"#");
    let line = text.lines().position(|l| l.contains("r#\"it-ss-k\"#")).unwrap() + 1;
    let (_dir, path) = file_with(text.as_bytes(), "doa.ron");
    assert_eq!(io::load(&path).unwrap_err().position(), Some((line, 13)));

    // An id holding a terminal escape sequence reaches the terminal escaped.
    let text = sample_text()
        .replace("id: \"it-tb-k\"", "id: \"it\\u{1b}[2J\"")
        .replace("id: \"it-ss-k\"", "id: \"it\\u{1b}[2J\"");
    let line = text.lines().enumerate().filter(|(_, l)| l.contains("it\\u{1b}[2J")).nth(1).unwrap().0 + 1;
    let (_dir, path) = file_with(text.as_bytes(), "doa.ron");
    let err = io::load(&path).unwrap_err();
    assert_eq!(err.position(), Some((line, 13)), "{err}");
    let (code, message) = run_with_deadline(&["--lang", "en", "validate", path.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(!message.contains('\u{1b}'), "{message:?}");
    assert_eq!(
        message,
        format!("schemat: error: {}:{line}:13: unit id \"it\\u{{1b}}[2J\" is used more than once\n", path.display())
    );
}

#[test]
fn a_missing_closing_quote_gives_one_short_line() {
    // The designation's string runs on to the next quote, over several lines.
    let text = sample_text().replacen("tasks_at: \"§ 22g\",", "tasks_at: \"§ 22g,", 1);
    let (_dir, path) = file_with(text.as_bytes(), "doa.ron");
    for lang in ["en", "pl"] {
        let (code, err) = run_with_deadline(&["--lang", lang, "validate", path.to_str().unwrap()]);
        assert_eq!(code, Some(2));
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.chars().count() <= 400 + 20, "{err}");
        assert!(err.contains('…'), "the quoted text is cut: {err}");
        assert!(
            err.contains(if lang == "en" {
                "is a closing quote missing?"
            } else {
                "czy brakuje cudzysłowu zamykającego?"
            }),
            "{err}"
        );
    }
}

#[test]
fn a_huge_or_hostile_echo_stays_one_short_line() {
    // An unknown field with a 100 000-character name, and a control character where a value goes.
    let long = "x".repeat(100_000);
    let text = sample_text().replacen(
        "            kind: Wydzial,",
        &format!("            kind: Wydzial,\n            {long}: 1,"),
        1,
    );
    let (_dir, path) = file_with(text.as_bytes(), "doa.ron");
    for lang in ["en", "pl"] {
        let (code, err) = run_with_deadline(&["--lang", lang, "validate", path.to_str().unwrap()]);
        assert_eq!(code, Some(2));
        assert_eq!(err.lines().count(), 1);
        assert!(err.chars().count() < 500, "{} chars", err.chars().count());
        assert!(err.contains("xxx…"), "{err}");
    }
    let version = format!("format_version: {},", schemat::model::FORMAT_VERSION);
    assert!(sample_text().contains(&version));
    let text = sample_text().replacen(&version, "format_version: \u{1b}[2J,", 1);
    let (_dir, path) = file_with(text.as_bytes(), "doa.ron");
    let (code, err) = run_with_deadline(&["--lang", "en", "validate", path.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(!err.contains('\u{1b}') && err.lines().count() == 1, "{err:?}");
}

#[test]
fn quoting_escapes_and_cuts() {
    use schemat::i18n::io::{one_line, path_text, quoted};
    assert_eq!(quoted("abc", 3), "abc");
    assert_eq!(quoted("abcd", 3), "ab…");
    assert_eq!(quoted("a\nb\u{1b}[2J\u{202e}", 100), "a\\nb\\u{1b}[2J\\u{202e}");
    assert_eq!(quoted("\u{1b}\u{1b}", 8), "\\u{1b}…");
    assert_eq!(one_line(&"ą".repeat(1000)).chars().count(), 400);
    let long = format!("/{}/doa.ron", "katalog/".repeat(40));
    let shown = path_text(Path::new(&long));
    assert!(shown.starts_with('…') && shown.ends_with("/doa.ron") && shown.chars().count() == 160, "{shown}");
}

#[test]
fn sizes_are_in_mib() {
    use schemat::i18n::{Lang, io::mib};
    assert_eq!(mib(Lang::En, 16 * 1024 * 1024), "16 MiB");
    assert_eq!(mib(Lang::En, 16 * 1024 * 1024 + 1), "16.1 MiB", "just over the limit does not read as the limit");
    assert_eq!(mib(Lang::Pl, 50_000_000), "47,7 MiB");
}

#[test]
fn the_page_fit_error_names_the_file_and_reads_correctly() {
    // 400 referaty side by side need more sheets of A4 than a chart may take.
    let doc = layout_fixture::wide(400);
    let (dir, path) = file_with(io::to_ron_string(&doc).as_bytes(), "doa.ron");
    let out_png = dir.path().join("chart.png");
    for (lang, expected) in [
        ("en", "the chart does not fit on page a4-portrait, not even in parts, at text of at least 7 pt"),
        ("pl", "schemat nie mieści się na stronie a4-portrait nawet w częściach przy tekście co najmniej 7 pt"),
    ] {
        let (code, err) = run_with_deadline(&[
            "--lang",
            lang,
            "export",
            path.to_str().unwrap(),
            "--png",
            out_png.to_str().unwrap(),
            "--page",
            "a4-portrait",
        ]);
        assert_eq!(code, Some(2), "{err}");
        assert!(
            err.starts_with(&format!("schemat: {}: {}: ", if lang == "en" { "error" } else { "błąd" }, path.display())),
            "{err}"
        );
        assert!(err.contains(expected), "{err}");
        assert!(!err.contains("a a3"), "{err}");
    }
    assert!(!out_png.exists());
}

#[test]
fn a_save_killed_between_backup_and_rename_leaves_nothing_behind_on_the_next() {
    // The state such a kill leaves: the backup is a second link to the file itself.
    let (dir, path) = file_with(sample_text().as_bytes(), "doa.ron");
    std::fs::hard_link(&path, dir.path().join("doa.ron.bak")).unwrap();
    let mut changed = sample();
    changed.meta.version = "projekt".into();
    io::save(&changed, &path).unwrap();
    assert_eq!(listing(dir.path()), ["doa.ron", "doa.ron.bak"], "no temporary link is left");
    assert_eq!(std::fs::read_to_string(dir.path().join("doa.ron.bak")).unwrap(), sample_text());
    assert_eq!(io::load(&path).unwrap(), changed);
}

#[test]
fn a_bad_argument_is_one_line_too_and_shown_escaped() {
    for (args, expected) in [
        (
            vec!["validate", "--bogus\u{202e}\u{9b}", "x.ron"],
            "schemat: błąd: unexpected argument '--bogus\\u{202e}\\u{9b}' found (zob. schemat --help)\n",
        ),
        (
            vec!["--lang", "en", "validate"],
            "schemat: error: the following required arguments were not provided: <FILES>... (see schemat --help)\n",
        ),
        (
            vec!["--lang=en", "export", "x.ron", "--dpi", "5"],
            "schemat: error: invalid value '5' for '--dpi <DPI>': expected a number from 10 to 1200 (see schemat --help)\n",
        ),
    ] {
        let out = schemat(&args);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(stderr(&out), expected);
    }
    // A terminal sequence in an argument does not reach the terminal either (clap drops it).
    let out = schemat(&["validate", "--bogus\u{1b}[2J", "x.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!stderr(&out).contains('\u{1b}') && stderr(&out).lines().count() == 1, "{:?}", stderr(&out));
    // --help is not an error: the whole help, on stdout.
    let out = schemat(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(io_sample::stdout(&out).lines().count() > 5);
}
