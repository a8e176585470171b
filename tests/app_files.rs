//! Files through the real editor: save and load back, the unsaved-changes
//! prompt on close and on open, load errors that change nothing, and the
//! recovery of unsaved work.

mod common;

use std::collections::VecDeque;
use std::path::PathBuf;

use common::{department, harness, id};
use egui::{Key, Modifiers, ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use schemat::app::files::{Recovery, ScriptedDialogs};
use schemat::app::{Action, SchematApp};
use schemat::model::{Edit, UnitField};

fn answering(paths: &[PathBuf]) -> Box<ScriptedDialogs> {
    Box::new(ScriptedDialogs { answers: VecDeque::from(paths.to_vec()) })
}

fn rename_om(h: &mut Harness<'static, SchematApp>, name: &str) {
    let edit = Edit::SetField { id: id("om"), field: UnitField::Name(name.into()) };
    h.state_mut().push(Action::Edit(edit));
    h.run();
}

fn request_close(h: &mut Harness<'static, SchematApp>) {
    h.input_mut().viewports.entry(ViewportId::ROOT).or_default().events.push(ViewportEvent::Close);
    h.run();
}

fn sent_close(h: &Harness<'static, SchematApp>) -> bool {
    h.output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .is_some_and(|v| v.commands.iter().any(|c| matches!(c, ViewportCommand::Close)))
}

#[test]
fn saving_writes_a_file_that_loads_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doa.ron");
    let mut app = SchematApp::new(department(), None);
    app.dialogs = answering(std::slice::from_ref(&path));
    let mut h = harness(app);
    h.run();
    rename_om(&mut h, "Biuro Obsługi Mieszkańców i Klientów");
    assert!(h.state().title().starts_with('●'), "unsaved marker in the title: {}", h.state().title());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let loaded = schemat::io::load(&path).expect("the saved file loads");
    assert_eq!(loaded, h.state().doc);
    assert_eq!(loaded.unit(&id("om")).map(|u| u.name.as_str()), Some("Biuro Obsługi Mieszkańców i Klientów"));
    assert!(!h.state().is_dirty());
    assert_eq!(h.state().title(), "doa.ron — schemat");
    assert_eq!(h.state().settings.recent, vec![path.clone()]);
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_keeps_the_window() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    request_close(&mut h);
    assert!(h.query_by_label("Niezapisane zmiany").is_none(), "no prompt without changes");

    rename_om(&mut h, "Biuro");
    request_close(&mut h);
    assert!(h.query_by_label("Niezapisane zmiany").is_some());
    h.get_by_label("Anuluj").click();
    h.run();
    assert!(h.query_by_label("Niezapisane zmiany").is_none());
    assert!(h.state().is_dirty());
    assert!(!sent_close(&h));

    request_close(&mut h);
    h.get_by_label("Nie zapisuj").click();
    h.step();
    assert!(sent_close(&h), "Don't save closes the window");
}

#[test]
fn opening_another_file_with_changes_asks_and_save_saves_first() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.ron");
    let other = dir.path().join("other.ron");
    let mut other_doc = department();
    other_doc.units.truncate(2);
    schemat::io::save(&other_doc, &other).unwrap();

    let mut app = SchematApp::new(department(), None);
    app.dialogs = answering(&[first.clone(), other.clone()]);
    let mut h = harness(app);
    h.run();
    rename_om(&mut h, "Biuro zmienione");
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Zapisz").click();
    h.run();
    assert_eq!(schemat::io::load(&first).unwrap().unit(&id("om")).unwrap().name, "Biuro zmienione");
    assert_eq!(h.state().doc, other_doc);
    assert_eq!(h.state().path.as_deref(), Some(other.as_path()));
    assert!(!h.state().is_dirty());
}

#[test]
fn a_broken_file_is_reported_with_its_line_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "Regulamin(\n    format_version: 1,\n    meta: (department: \"D\" oops),\n)\n").unwrap();
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    h.state_mut().push(Action::OpenPath(broken.clone()));
    h.run();
    assert!(h.query_by_label_contains("broken.ron:3:28: nieprawidłowy plik RON: brak przecinka").is_some());
    let shown = format!("{:?}", h.state().view.prompt);
    assert!(shown.contains("broken.ron:3:28"), "file, line and column: {shown}");
    assert_eq!(h.state().doc, department());
    assert_eq!(h.state().path, None);
    h.get_by_label("OK").click();
    h.run();
    assert!(h.query_by_label("Błąd").is_none());
}

#[test]
fn unsaved_work_is_offered_back_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = Recovery { path: dir.path().join("recovery.ron") };
    let opened = dir.path().join("doa.ron");
    schemat::io::save(&department(), &opened).unwrap();
    let mut app = SchematApp::new(department(), Some(opened.clone()));
    app.set_recovery(Some(recovery.clone()));
    let mut h = harness(app);
    h.run();
    rename_om(&mut h, "Biuro po awarii");
    h.state_mut().write_recovery();
    let edited = h.state().doc.clone();
    assert!(recovery.exists());
    drop(h);

    // The next session starts on the original document and offers the work back.
    let mut app = SchematApp::new(department(), None);
    app.set_recovery(Some(recovery.clone()));
    let mut h = harness(app);
    h.run();
    h.get_by_label("Przywróć").click();
    h.run();
    assert_eq!(h.state().doc, edited);
    assert!(h.state().is_dirty(), "restored work still has to be saved");
    assert_eq!(h.state().path.as_deref(), Some(opened.as_path()), "and is saved back to its file");

    // Discarding removes the file.
    let mut app = SchematApp::new(department(), None);
    app.set_recovery(Some(recovery.clone()));
    let mut h = harness(app);
    h.run();
    h.get_by_label("Odrzuć").click();
    h.run();
    assert!(!recovery.exists());
    assert_eq!(h.state().doc, department());
}

/// A file dropped from the file manager, as the windowing integration hands it over.
#[derive(Debug)]
struct FileOnDisk(PathBuf);

impl egui::DroppedFile for FileOnDisk {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_ron_file_on_the_window_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let dropped = dir.path().join("dropped.ron");
    let mut other = department();
    other.units.truncate(3);
    schemat::io::save(&other, &dropped).unwrap();
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    h.input_mut().dropped_files.push(std::sync::Arc::new(FileOnDisk(dropped.clone())));
    h.run();
    assert_eq!(h.state().doc, other);
    assert_eq!(h.state().title(), "dropped.ron — schemat");
}

#[test]
fn the_language_switch_turns_the_menus_english() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    h.get_by_label("Widok").click();
    h.run();
    h.get_by_label("Język").click();
    h.run();
    h.get_by_label("English").click();
    h.run();
    assert!(h.query_by_label("File").is_some());
    assert!(h.query_by_label("Plik").is_none());
    assert_eq!(h.state().settings.lang, schemat::i18n::Lang::En);
}

#[test]
fn unsaved_work_is_written_to_the_recovery_file_after_thirty_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = Recovery { path: dir.path().join("recovery.ron") };
    let mut app = SchematApp::new(department(), None);
    app.set_recovery(Some(recovery.clone()));
    // Simulated time: each frame is one second.
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_step_dt(1.0)
        .build_ui_state(|ui, app: &mut SchematApp| app.frame(ui), app);
    h.run_steps(2);
    rename_om(&mut h, "Biuro przed autozapisem");
    h.run_steps(5);
    assert!(!recovery.exists(), "not before 30 s");
    h.run_steps(30);
    let (saved, source) = recovery.read().expect("the recovery file is written");
    assert_eq!(saved, h.state().doc);
    assert_eq!(source, None, "an untitled document");
    // Saving the document removes it.
    let path = dir.path().join("doa.ron");
    h.state_mut().dialogs = answering(std::slice::from_ref(&path));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert!(!recovery.exists());
}
