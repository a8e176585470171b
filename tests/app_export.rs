//! Eksport from the editor's menu writes the same bytes as `schemat export`
//! with the same options (both call `schemat::export`), for the example and
//! for the 1k synthetic tree; the dialog's file field works when no file
//! dialog answers.

mod common;
mod orgtree_fixture;

use std::path::{Path, PathBuf};
use std::process::Command;

use egui_kittest::kittest::Queryable;
use schemat::app::SchematApp;
use schemat::app::files::ScriptedDialogs;
use schemat::model::Document;

/// Every file in `dir` (name and bytes), sorted by name.
fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_file())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

/// Runs `schemat export DOC --FORMAT OUT ARGS…`.
fn cli_export(doc: &Path, format: &str, out: &Path, args: &[&str]) {
    let output = Command::new(env!("CARGO_BIN_EXE_schemat"))
        .arg("export")
        .arg(doc)
        .arg(format!("--{format}"))
        .arg(out)
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

/// Eksport → `menu_item` in the editor on `doc`, the file picked with
/// "Wybierz…" (answered with `out`), optionally a lower DPI typed in, then
/// "Eksportuj".
fn menu_export(doc: Document, source: &Path, menu_item: &str, out: &Path, dpi: Option<&str>) {
    let mut app = SchematApp::new(doc, Some(source.to_owned()));
    app.dialogs = Box::new(ScriptedDialogs { answers: [out.to_owned()].into() });
    let mut h = common::harness(app);
    h.run();
    h.get_by_label("Eksport").click();
    h.run();
    h.get_by_label(menu_item).click();
    h.run();
    if let Some(dpi) = dpi {
        let field = h.get_by_label("Rozdzielczość (DPI)");
        field.click();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.run();
        h.get_by_label("Rozdzielczość (DPI)").type_text(dpi);
        h.run();
        h.key_press(egui::Key::Enter);
        h.run();
    }
    h.get_by_label("Wybierz…").click();
    h.run();
    h.get_by_label("Eksportuj").click();
    h.run();
    assert!(h.query_by_label("Eksportuj").is_none(), "the dialog closes after the export");
    let status = h.state().view.status.clone().unwrap_or_default();
    assert!(status.starts_with("Wyeksportowano:"), "{status}");
}

/// The menu and the command line, each into a folder of its own, give the same files.
fn assert_same_as_cli(doc: Document, format: &str, menu_item: &str, cli_args: &[&str], dpi: Option<&str>) {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("doc.ron");
    schemat::io::save(&doc, &source).unwrap();
    let (gui_dir, cli_dir) = (dir.path().join("gui"), dir.path().join("cli"));
    std::fs::create_dir_all(&gui_dir).unwrap();
    std::fs::create_dir_all(&cli_dir).unwrap();
    let name = format!("schemat.{format}");
    menu_export(doc, &source, menu_item, &gui_dir.join(&name), dpi);
    cli_export(&source, format, &cli_dir.join(&name), cli_args);
    let (gui, cli) = (files_in(&gui_dir), files_in(&cli_dir));
    assert!(!gui.is_empty());
    let names = |files: &[(String, Vec<u8>)]| files.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&gui), names(&cli));
    for ((name, a), (_, b)) in gui.iter().zip(&cli) {
        assert!(a == b, "{name}: the menu wrote {} bytes, schemat export {} different ones", a.len(), b.len());
    }
}

fn example() -> Document {
    schemat::io::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/doa-2022.ron")).unwrap()
}

#[test]
fn menu_png_of_the_example_is_byte_identical_to_schemat_export() {
    // The dialog's defaults are the CLI's: A3 landscape, 300 dpi.
    assert_same_as_cli(example(), "png", "PNG…", &["--page", "a3-landscape", "--dpi", "300"], None);
}

#[test]
fn menu_svg_of_the_example_is_byte_identical_to_schemat_export() {
    assert_same_as_cli(example(), "svg", "SVG…", &["--page", "a3-landscape"], None);
}

#[test]
fn menu_pdf_of_the_example_is_byte_identical_to_schemat_export() {
    assert_same_as_cli(example(), "pdf", "PDF…", &["--page", "a3-landscape"], None);
}

#[test]
fn menu_png_of_the_1k_tree_is_byte_identical_to_schemat_export() {
    // Every sheet of the split chart, at a DPI typed into the dialog (keeps the test quick).
    let doc = orgtree_fixture::orgtree("1k");
    assert_same_as_cli(doc, "png", "PNG…", &["--page", "a3-landscape", "--dpi", "72"], Some("72"));
}

#[test]
fn menu_svg_and_pdf_of_the_1k_tree_are_byte_identical_to_schemat_export() {
    let doc = orgtree_fixture::orgtree("1k");
    assert_same_as_cli(doc.clone(), "svg", "SVG…", &["--page", "a3-landscape"], None);
    assert_same_as_cli(doc, "pdf", "PDF…", &["--page", "a3-landscape"], None);
}

#[test]
fn without_a_file_dialog_the_path_field_still_exports() {
    let dir = tempfile::tempdir().unwrap();
    let out: PathBuf = dir.path().join("typed.svg");
    // No answers: like a machine with neither the portal nor zenity.
    let mut h = common::harness(SchematApp::new(common::department(), None));
    h.run();
    h.get_by_label("Eksport").click();
    h.run();
    h.get_by_label("SVG…").click();
    h.run();
    h.get_by_label("Wybierz…").click();
    h.run();
    assert!(
        h.query_by_label_contains("Okno wyboru pliku nie odpowiedziało").is_some(),
        "the dialog says why nothing was picked"
    );
    let suggested = h.state().view.export.path.clone();
    assert!(Path::new(&suggested).is_absolute() && suggested.ends_with("schemat.svg"), "{suggested}");
    // Replace the suggestion with a path of our own, typed into "Zapisz do pliku".
    h.get_by_label("Zapisz do pliku").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label("Zapisz do pliku").type_text(out.to_str().unwrap());
    h.run();
    h.get_by_label("Eksportuj").click();
    h.run();
    let svg = std::fs::read_to_string(&out).expect("the typed path is written");
    assert!(svg.contains("Wydział Informatyki"));
}
