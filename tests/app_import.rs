//! Plik → Importuj… driven through the real editor: the example's Regulamin
//! as text and as a Word document opens as an unsaved, untitled document
//! equal to what `schemat import` writes, with the report panel whose rows
//! select their unit or show their piece; an unreadable file changes nothing
//! and says why; unsaved work is asked about first.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::harness;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use schemat::app::SchematApp;
use schemat::app::files::ScriptedDialogs;
use schemat::examples::DOA_2022;
use schemat::legal::{self, Format};
use schemat::model::{Document, Edit, UnitField};

const MENU_ITEM: &str = "Importuj Regulamin (DOCX, TXT, MD)…";

/// The example's Regulamin written as `schemat regulamin` prints it, in `dir`.
fn source(dir: &Path, name: &str) -> PathBuf {
    let text = legal::derive(&DOA_2022.load().unwrap());
    let path = dir.join(name);
    if name.ends_with(".docx") {
        std::fs::write(&path, legal::docx::regulamin(&text).unwrap()).unwrap();
    } else {
        std::fs::write(&path, legal::render(&text, Format::Text)).unwrap();
    }
    path
}

/// An editor on `doc` whose dialogs answer with `answers`.
fn editor(doc: Document, answers: Vec<PathBuf>) -> Harness<'static, SchematApp> {
    let mut app = SchematApp::new(doc, None);
    app.dialogs = Box::new(ScriptedDialogs { answers: answers.into() });
    let mut h = harness(app);
    h.run();
    h
}

fn import_from_menu(h: &mut Harness<'static, SchematApp>) {
    h.get_by_label("Plik").click();
    h.run();
    h.get_by_label(MENU_ITEM).click();
    h.run();
    h.run();
}

fn report_rows(h: &Harness<'static, SchematApp>) -> Vec<String> {
    h.query_all_by_role(egui::accesskit::Role::ListItem).filter_map(|node| node.accesskit_node().label()).collect()
}

/// `schemat import SOURCE -o OUT` as a user runs it; the document it wrote.
fn cli_import(source: &Path, out: &Path) -> String {
    let status = Command::new(env!("CARGO_BIN_EXE_schemat"))
        .args(["import", source.to_str().unwrap(), "-o", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(0), "{}", String::from_utf8_lossy(&status.stderr));
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn a_text_and_a_word_regulamin_import_as_the_cli_imports_them() {
    let dir = tempfile::tempdir().unwrap();
    let original = DOA_2022.load().unwrap();
    for name in ["doa.txt", "doa.docx"] {
        let file = source(dir.path(), name);
        let mut h = editor(common::department(), vec![file.clone()]);
        import_from_menu(&mut h);
        let app = h.state();
        assert!(app.view.prompt.is_none(), "{name}: {:?}", app.view.prompt);
        // The units the text states (the example's reconstructed ones are "[…]" there), with their superior.
        let unit = |symbol: &str| app.doc.units.iter().find(|u| u.symbol == symbol);
        let position = unit("IT-SS-IV").unwrap_or_else(|| panic!("{name}: IT-SS-IV imported"));
        assert_eq!(position.parent.as_ref(), unit("IT-SS").map(|u| &u.id), "{name}");
        let text = |doc: &Document| legal::render(&legal::derive(doc), Format::Text);
        assert_eq!(text(&app.doc), text(&original), "{name}");
        // Untitled and unsaved: Ctrl+S asks where, closing asks first.
        assert!(app.path.is_none());
        assert!(app.is_dirty(), "{name}: an import is not saved anywhere yet");
        // The same document as `schemat import` writes, byte for byte.
        let cli = cli_import(&file, &dir.path().join(format!("{name}.ron")));
        assert_eq!(schemat::io::to_ron_string(&app.doc), cli, "{name}");
        assert!(h.query_by_label(&format!("Raport importu: {}", file.display())).is_some(), "{name}");
    }
}

#[test]
fn report_rows_select_their_unit_or_show_their_piece() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor(common::department(), vec![source(dir.path(), "doa.txt")]);
    import_from_menu(&mut h);
    let rows = report_rows(&h);
    let unit_row = rows
        .iter()
        .find(|r| {
            r.contains("§ 3 ust. 4 pkt 5: jednostka: wieloosobowe stanowisko pracy ds. dokumentacji technicznych")
        })
        .unwrap_or_else(|| panic!("a row of IT-SS-IV among {rows:#?}"))
        .clone();
    h.get_by_label(&unit_row).scroll_to_me();
    h.run();
    h.get_by_label(&unit_row).click();
    h.run();
    let selected = h.state().view.selected.clone().expect("a unit is selected");
    assert_eq!(h.state().doc.unit(&selected).unwrap().symbol, "IT-SS-IV");
    assert!(!h.state().view.legal.regulamin, "a unit's row stays on the chart");

    // A provision's row has no unit: it opens the Regulamin view at its piece.
    let provision_row = rows
        .iter()
        .find(|r| r.contains("przepis"))
        .unwrap_or_else(|| panic!("a provision row among {rows:#?}"))
        .clone();
    h.get_by_label(&provision_row).scroll_to_me();
    h.run();
    h.get_by_label(&provision_row).click();
    h.run();
    assert!(h.state().view.legal.regulamin, "the Regulamin view is shown");
    assert_eq!(h.state().view.selected, Some(selected), "the selection stays");

    h.get_by_label("Zamknij raport").click();
    h.run();
    assert!(report_rows(&h).is_empty(), "the report closes");
}

#[test]
fn an_unreadable_file_changes_nothing_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("lista.txt");
    std::fs::write(&list, "Lista zakupów\n1. chleb\n2. mleko\n").unwrap();
    let zip = dir.path().join("zepsuty.docx");
    std::fs::write(&zip, b"PK\x03\x04 not really a zip").unwrap();
    let mut h = editor(common::department(), vec![list.clone(), zip.clone()]);
    for (file, why) in [(&list, "nie ma żadnego §"), (&zip, "zepsuty.docx")] {
        import_from_menu(&mut h);
        let prompt = format!("{:?}", h.state().view.prompt);
        assert!(prompt.contains(why), "{file:?}: {prompt}");
        assert_eq!(h.state().doc, common::department(), "the document is untouched");
        assert!(!h.state().is_dirty());
        assert!(report_rows(&h).is_empty());
        h.state_mut().view.prompt = None;
        h.run();
    }
}

#[test]
fn importing_over_unsaved_work_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor(common::department(), vec![source(dir.path(), "doa.txt")]);
    h.state_mut().push(schemat::app::Action::Edit(Edit::SetField {
        id: common::id("om"),
        field: UnitField::Name("Biuro Obsługi".into()),
    }));
    h.run();
    import_from_menu(&mut h);
    assert!(h.query_by_label("Niezapisane zmiany").is_some(), "the unsaved-changes question");
    assert_eq!(h.state().doc.unit(&common::id("om")).unwrap().name, "Biuro Obsługi", "nothing imported yet");
    h.get_by_label("Nie zapisuj").click();
    h.run();
    h.run();
    assert!(h.state().doc.units.iter().any(|u| u.symbol == "IT-ZIII"), "imported after the answer");
}

#[test]
fn without_a_file_dialog_the_path_is_typed_into_a_field() {
    let dir = tempfile::tempdir().unwrap();
    let file = source(dir.path(), "doa.txt");
    // The dialogs answer nothing, as on a machine without a dialog backend.
    let mut h = editor(common::department(), Vec::new());
    import_from_menu(&mut h);
    assert_eq!(h.state().doc, common::department(), "nothing imported yet");
    h.get_by_label("Plik do importu").click();
    h.run();
    h.get_by_label("Plik do importu").type_text(file.to_str().unwrap());
    h.run();
    h.get_by_label("Importuj").click();
    h.run();
    h.run();
    assert!(h.state().doc.units.iter().any(|u| u.symbol == "IT-ZIII"), "imported from the typed path");
    assert!(h.query_by_label("Plik do importu").is_none(), "the field closes");
}
