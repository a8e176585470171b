//! Recovery and file paths through the real editor (issue 12): absolute,
//! canonical paths in the recovery note and the recent files, "Nie zapisuj"
//! removes the recovery file, a restored draft saves into the file it came
//! from (after a restart from another working directory too), a draft whose
//! file has gone asks where to save, and a recent file that has gone is
//! offered as "save here".
//!
//! One test changes the working directory, which is global to the process:
//! every other test here uses absolute paths only.

mod common;

use std::path::{Path, PathBuf};

use common::{department, harness, id};
use egui::{Key, Modifiers, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use schemat::app::files::{Recovery, ScriptedDialogs};
use schemat::app::{Action, SchematApp};
use schemat::model::{Edit, UnitField};

fn rename_om(h: &mut Harness<'static, SchematApp>, name: &str) {
    let edit = Edit::SetField { id: id("om"), field: UnitField::Name(name.into()) };
    h.state_mut().push(Action::Edit(edit));
    h.run();
}

fn om_name(path: &Path) -> String {
    let doc = schemat::io::load(path).unwrap();
    doc.unit(&id("om")).unwrap().name.clone()
}

/// A session on `file` that edits OM and is killed after an autosave.
fn session_killed_after_autosave(file: PathBuf, recovery: &Recovery, name: &str) {
    let doc = schemat::io::load(&file).unwrap();
    let mut app = SchematApp::new(doc, Some(file));
    app.set_recovery(Some(recovery.clone()));
    let mut h = harness(app);
    h.run();
    rename_om(&mut h, name);
    h.state_mut().write_recovery();
    // Dropped without saving or closing: what a kill -9 leaves.
}

#[test]
fn a_restart_from_another_folder_restores_and_saves_into_the_file_the_work_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let (work_dir, elsewhere) = (root.join("work"), root.join("elsewhere"));
    std::fs::create_dir_all(&work_dir).unwrap();
    std::fs::create_dir_all(&elsewhere).unwrap();
    schemat::io::save(&department(), &work_dir.join("work.ron")).unwrap();
    let recovery = Recovery { path: root.join("storage").join("recovery.ron") };
    let before = std::env::current_dir().unwrap();

    // `schemat work.ron` started in the file's folder…
    std::env::set_current_dir(&work_dir).unwrap();
    session_killed_after_autosave(PathBuf::from("work.ron"), &recovery, "Biuro po awarii");
    let note = std::fs::read_to_string(root.join("storage").join("recovery.ron.source")).unwrap();
    assert_eq!(Path::new(&note), work_dir.join("work.ron"), "the note holds the absolute path");

    // …and `schemat` started again from another folder.
    std::env::set_current_dir(&elsewhere).unwrap();
    let mut app = SchematApp::new(department(), None);
    app.set_recovery(Some(recovery.clone()));
    let mut h = harness(app);
    h.run();
    h.get_by_label("Przywróć").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    std::env::set_current_dir(before).unwrap();

    assert_eq!(om_name(&work_dir.join("work.ron")), "Biuro po awarii", "the real file got the work");
    assert!(!elsewhere.join("work.ron").exists(), "no stray copy where the editor was started");
    let status = h.state().view.status.clone().unwrap_or_default();
    assert!(status.contains(&work_dir.join("work.ron").display().to_string()), "{status}");
    assert!(!recovery.exists(), "saving removes the recovery file");
}

#[test]
fn recent_files_and_the_recovery_note_hold_canonical_paths() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::create_dir_all(root.join("a")).unwrap();
    let file = root.join("doa.ron");
    schemat::io::save(&department(), &file).unwrap();
    // The same file named the long way round.
    let roundabout = root.join("a").join("..").join(".").join("doa.ron");
    let recovery = Recovery { path: root.join("recovery.ron") };
    let mut app = SchematApp::new(department(), None);
    app.set_recovery(Some(recovery.clone()));
    app.dialogs = Box::new(ScriptedDialogs { answers: [roundabout].into() });
    let mut h = harness(app);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert_eq!(h.state().path.as_deref(), Some(file.as_path()));
    assert_eq!(h.state().settings.recent, vec![file.clone()]);
    rename_om(&mut h, "Biuro");
    h.state_mut().write_recovery();
    assert_eq!(recovery.read().unwrap().1, Some(file));
}

#[test]
fn dont_save_on_close_removes_the_recovery_file_and_exit_does_not_write_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = Recovery { path: dir.path().join("recovery.ron") };
    let mut app = SchematApp::new(department(), None);
    app.set_recovery(Some(recovery.clone()));
    let mut h = harness(app);
    h.run();
    rename_om(&mut h, "Biuro do wyrzucenia");
    h.state_mut().write_recovery();
    assert!(recovery.exists(), "the autosave wrote it");
    h.input_mut().viewports.entry(ViewportId::ROOT).or_default().events.push(ViewportEvent::Close);
    h.run();
    h.get_by_label("Nie zapisuj").click();
    h.run();
    assert!(!recovery.exists(), "Nie zapisuj removes it");
    // eframe saves the app state once more on exit.
    h.state_mut().write_recovery();
    assert!(!recovery.exists(), "the discarded work is not written back on exit");
    // The next start offers nothing.
    let mut next = SchematApp::new(department(), None);
    next.set_recovery(Some(recovery));
    let mut h = harness(next);
    h.run();
    assert!(h.query_by_label("Przywróć").is_none());
}

#[test]
fn a_restored_draft_whose_file_is_gone_asks_where_to_save() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let file = root.join("gone.ron");
    schemat::io::save(&department(), &file).unwrap();
    let recovery = Recovery { path: root.join("storage").join("recovery.ron") };
    session_killed_after_autosave(file.clone(), &recovery, "Biuro bez pliku");
    std::fs::remove_file(&file).unwrap();
    let _ = std::fs::remove_file(root.join("gone.ron.bak"));

    let chosen = root.join("chosen.ron");
    let mut app = SchematApp::new(department(), None);
    app.set_recovery(Some(recovery));
    app.dialogs = Box::new(ScriptedDialogs { answers: [chosen.clone()].into() });
    let mut h = harness(app);
    h.run();
    h.get_by_label("Przywróć").click();
    h.run();
    let status = h.state().view.status.clone().unwrap_or_default();
    assert!(status.contains("już nie istnieje"), "{status}");
    assert_eq!(h.state().path, None, "not saved back silently to a file that is gone");
    assert!(h.state().title().starts_with('●'), "unsaved: {}", h.state().title());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(om_name(&chosen), "Biuro bez pliku", "Ctrl+S asked (Save as) and wrote there");
    assert!(!file.exists());
}

#[test]
fn a_recent_file_that_is_gone_is_offered_as_save_as() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().canonicalize().unwrap().join("gone.ron");
    let mut app = SchematApp::new(department(), None);
    app.settings.recent = vec![gone.clone()];
    let mut h = harness(app);
    h.run();
    h.get_by_label("Plik").click();
    h.run();
    h.get_by_label("Ostatnio otwierane").click();
    h.run();
    let label = format!("{} (brak pliku) — zapisz tutaj", gone.display());
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(schemat::io::load(&gone).unwrap(), department(), "the open document is saved there");
    assert_eq!(h.state().path.as_deref(), Some(gone.as_path()));
    assert!(!h.state().is_dirty());
}
