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
