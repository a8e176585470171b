//! `schemat export`: PNG, SVG and RON outputs, numbered sheets, exit codes.

mod layout_fixture;

use std::path::Path;
use std::process::Command;

fn schemat(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_schemat")).args(args).output().unwrap()
}

fn write_doc(dir: &Path, doc: &schemat::model::Document) -> String {
    let path = dir.join("doc.ron");
    std::fs::write(&path, schemat::io::to_ron_string(doc)).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn export_writes_png_svg_and_canonical_ron() {
    let dir = tempfile::tempdir().unwrap();
    let doc = write_doc(dir.path(), &layout_fixture::department());
    let (png, svg, ron) = (dir.path().join("c.png"), dir.path().join("c.svg"), dir.path().join("c.ron"));
    let out = schemat(&[
        "export",
        &doc,
        "--png",
        png.to_str().unwrap(),
        "--dpi",
        "96",
        "--svg",
        svg.to_str().unwrap(),
        "--ron",
        ron.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
    assert_eq!(std::fs::read_to_string(&ron).unwrap(), std::fs::read_to_string(&doc).unwrap());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "atomic writes leave no temporary files");
}

#[test]
fn a_chart_split_over_sheets_goes_to_numbered_files() {
    let dir = tempfile::tempdir().unwrap();
    let doc = write_doc(dir.path(), &layout_fixture::wide(30));
    let out_path = dir.path().join("chart.png");
    let out = schemat(&["export", &doc, "--png", out_path.to_str().unwrap(), "--dpi", "50", "--page", "a4-landscape"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!out_path.exists());
    let listed = String::from_utf8(out.stdout).unwrap();
    let count = listed.lines().count();
    assert!(count > 1, "{listed}");
    for i in 1..=count {
        assert!(dir.path().join(format!("chart-{i}.png")).exists());
    }
}

#[test]
fn export_errors_exit_with_2() {
    let dir = tempfile::tempdir().unwrap();
    let doc = write_doc(dir.path(), &layout_fixture::department());
    let png = dir.path().join("x.png");
    let png = png.to_str().unwrap();
    for args in [
        vec!["export", &doc],
        vec!["export", "/nonexistent/doc.ron", "--png", png],
        vec!["export", &doc, "--png", png, "--page", "letter"],
        vec!["export", &doc, "--png", png, "--dpi", "0"],
        vec!["export", &doc, "--png", "/nonexistent/dir/x.png"],
    ] {
        let out = schemat(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    assert!(!Path::new(png).exists());
}

/// Every file in `dir`, sorted (temporary files included, so leftovers show).
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// Issue 10, item 4: `--svg ok.svg --png DIR/` wrote ok.svg and exited 2.
#[test]
fn a_failing_output_leaves_the_other_outputs_unwritten() {
    let dir = tempfile::tempdir().unwrap();
    let doc = write_doc(dir.path(), &layout_fixture::department());
    let (svg, png_dir) = (dir.path().join("ok.svg"), dir.path().join("out"));
    std::fs::create_dir(&png_dir).unwrap();
    let out = schemat(&["export", &doc, "--svg", svg.to_str().unwrap(), "--png", png_dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(listing(dir.path()), ["doc.ron", "out"], "no ok.svg and no temporary file");
    assert!(listing(&png_dir).is_empty());
}

/// Issue 10, item 4: `--ron` with an unwritable `--png` target wrote the RON.
#[test]
fn an_unwritable_png_target_leaves_the_ron_copy_unwritten() {
    let dir = tempfile::tempdir().unwrap();
    let doc = write_doc(dir.path(), &layout_fixture::department());
    let ron = dir.path().join("copy.ron");
    // A path under a regular file cannot be written, even by root.
    std::fs::write(dir.path().join("plain"), "x").unwrap();
    let png = dir.path().join("plain").join("x.png");
    let out = schemat(&["export", &doc, "--ron", ron.to_str().unwrap(), "--png", png.to_str().unwrap(), "--dpi", "50"]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(listing(dir.path()), ["doc.ron", "plain"], "no copy.ron and no temporary file");
}

/// Issue 10, item 4: a multi-sheet PNG export where a later sheet fails left `chart-1.png`.
#[test]
fn a_failing_later_sheet_leaves_no_earlier_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let doc = write_doc(dir.path(), &layout_fixture::wide(30));
    let out_path = dir.path().join("chart.png");
    // Sheet 2 cannot be written: a folder holds its name.
    std::fs::create_dir(dir.path().join("chart-2.png")).unwrap();
    let out = schemat(&["export", &doc, "--png", out_path.to_str().unwrap(), "--dpi", "30", "--page", "a4-landscape"]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(listing(dir.path()), ["chart-2.png", "doc.ron"], "no chart-1.png and no temporary file");
    assert!(out.stdout.is_empty(), "no sheet is reported as written");
}

/// The same export run twice replaces its files and keeps the previous ones as `.bak`.
#[test]
fn writing_all_outputs_again_replaces_them_and_keeps_backups() {
    let dir = tempfile::tempdir().unwrap();
    let outputs = vec![(dir.path().join("a.txt"), b"one".to_vec()), (dir.path().join("b.txt"), b"two".to_vec())];
    schemat::io::write_all_atomic(&outputs).unwrap();
    let again = vec![(dir.path().join("a.txt"), b"ONE".to_vec()), (dir.path().join("b.txt"), b"TWO".to_vec())];
    schemat::io::write_all_atomic(&again).unwrap();
    assert_eq!(std::fs::read(dir.path().join("a.txt")).unwrap(), b"ONE");
    assert_eq!(std::fs::read(dir.path().join("a.txt.bak")).unwrap(), b"one");
    assert_eq!(listing(dir.path()), ["a.txt", "a.txt.bak", "b.txt", "b.txt.bak"]);
}

#[test]
fn a_pdf_export_is_one_vector_page_with_the_font_embedded() {
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/doa-2022.ron");
    let pdf = dir.path().join("out.pdf");
    let out = schemat(&["export", example.to_str().unwrap(), "--pdf", pdf.to_str().unwrap(), "--page", "a3-landscape"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(bytes.starts_with(b"%PDF-"));
    let pages = text.matches("/Type/Page").count() - text.matches("/Type/Pages").count();
    assert_eq!(pages, 1, "one page");
    assert!(text.contains("DejaVuSansCondensed") && text.contains("/FontFile2"), "the font is embedded");
    assert!(!text.contains("/Subtype/Image"), "vector, no raster image");
    // What a reader finds in it: every symbol of the document (poppler's pdftotext, where installed).
    let Ok(extracted) = Command::new("pdftotext").arg(&pdf).arg("-").output() else {
        eprintln!("pdftotext is not installed: the text check is skipped");
        return;
    };
    let found = String::from_utf8_lossy(&extracted.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    let doc = schemat::io::load(&example).unwrap();
    for unit in doc.units.iter().filter(|u| !u.symbol.is_empty()) {
        assert!(found.split(' ').any(|w| w == unit.symbol), "{} is not in the PDF's text", unit.symbol);
    }
    assert!(found.contains("Załącznik do zarządzenia nr 58/12/2021"), "{found}");
    assert!(found.contains("Wieloosobowe stanowisko pracy"), "Polish letters come out as they went in");
}
