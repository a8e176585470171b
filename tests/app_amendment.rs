//! The "Projekt zarządzenia" panel through the real editor (issue 9): it
//! shows the ordinance `schemat amend` writes for the version in force and
//! the document, with its lints, follows edits, says when there is nothing
//! to amend, copies the text, saves the CLI's very bytes as DOCX and TXT
//! (also through its file field when no dialog answers), and a click on a
//! point selects its unit.

use std::path::{Path, PathBuf};
use std::process::Command;

use egui::accesskit::Role;
use egui::{Key, Modifiers, OutputCommand};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use schemat::app::SchematApp;
use schemat::app::command::Action;
use schemat::app::compare::ReviewAction;
use schemat::app::files::ScriptedDialogs;
use schemat::legal::{self, Amendment, Style};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name)
}

/// The editor on doa-2022 compared with doa-2021, the panel opened from the Widok menu.
fn comparing(answers: Vec<PathBuf>) -> Harness<'static, SchematApp> {
    let new = example("doa-2022.ron");
    let mut app = SchematApp::new(schemat::io::load(&new).unwrap(), Some(new));
    app.dialogs = Box::new(ScriptedDialogs { answers: answers.into() });
    app.push(Action::Review(ReviewAction::CompareWith(example("doa-2021.ron"))));
    let mut h = harness(app);
    h.run();
    open_panel(&mut h);
    h
}

/// The editor headless, as `common::harness`, with room for the frames the
/// panel's window takes to appear and to take in the drafted ordinance.
fn harness(app: SchematApp) -> Harness<'static, SchematApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(24)
        .build_ui_state(|ui, app: &mut SchematApp| app.frame(ui), app)
}

fn open_panel(h: &mut Harness<'static, SchematApp>) {
    toggle_panel(h);
    settle(h);
}

/// Widok → Projekt zarządzenia (a checkbox; the open panel's title has the same words).
fn toggle_panel(h: &mut Harness<'static, SchematApp>) {
    h.get_by_label("Widok").click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "Projekt zarządzenia").click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
}

/// Lets the background drafting finish and the panel show the ordinance of the document as it is.
fn settle(h: &mut Harness<'static, SchematApp>) {
    h.run();
    // A frame after a finished draft starts the next one if the document changed meanwhile.
    while h.state().amendment.is_computing() {
        h.state_mut().amendment.wait();
        h.run();
    }
}

/// What `schemat amend` makes of the two examples.
fn reference() -> Amendment {
    let old = schemat::io::load(&example("doa-2021.ron")).unwrap();
    let new = schemat::io::load(&example("doa-2022.ron")).unwrap();
    legal::amend(&old, &new, &Style::lublin()).unwrap()
}

fn cli_amend(format: &str, out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_schemat"))
        .args(["amend", "examples/doa-2021.ron", "examples/doa-2022.ron", "--format", format, "-o"])
        .arg(out)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
        .status;
    assert_eq!(status.code(), Some(1), "written, with the examples' two lints");
}

#[test]
fn the_panel_shows_the_ordinance_of_the_comparison_with_its_lints() {
    let mut h = comparing(Vec::new());
    let reference = reference();
    assert!(reference.opening.ends_with("wprowadzam następujące zmiany:"));
    assert!(h.query_by_label(&reference.opening).is_some(), "§ 1's opening");
    for line in ["13) § 70 otrzymuje brzmienie:", "7) w § 19 uchyla się pkt 3;", "– uchyla się pkt 3,", "§ 1"] {
        assert!(h.query_by_label(line).is_some(), "{line}");
    }
    assert!(h.query_by_label("Zmienia wersję obowiązującą z pliku doa-2021.ron (porównanie).").is_some());
    // Both lints, in Polish, each at its line of § 1 (the numbering `schemat amend` reports).
    assert!(h.query_by_label("Uwagi do tekstu (2):").is_some());
    let line = reference.lints.iter().find(|l| l.line > 0).unwrap().line;
    assert!(h.query_by_label(&format!("wiersz {line} § 1: „§” bez spacji przed numerem (P10)")).is_some());
    let d8 = "dwie zamiany wyrazów przytaczają ten sam akt różnie: „(j.t. Obwieszczenie Prezydenta Miasta Lublin z dnia 29 października 2021 r.)” i „(j.t. Obwieszczenie Prezydenta Miasta Lublin z dnia 29 października 2021 r. z późn. zm.)” (D8)";
    assert!(h.query_by_label(d8).is_some());
    assert!(h.query_by_label("Obliczanie…").is_none(), "done");

    // A click on the lint brings its line into view.
    let linted = "„2) związane z bezpośrednim nadzorem nad realizacją zadań wykonywanych przez stanowisko pracy i referaty, o których mowa w §13-16;”;";
    assert_eq!(reference.section1()[line - 1], linted);
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 900.0));
    assert!(!screen.intersects(h.get_by_label(linted).rect()), "below the window at first");
    h.get_by_label(&format!("wiersz {line} § 1: „§” bez spacji przed numerem (P10)")).click();
    h.run();
    assert!(screen.contains_rect(h.get_by_label(linted).rect()), "{:?}", h.get_by_label(linted).rect());
}

#[test]
fn an_unedited_document_has_nothing_to_amend_and_an_edit_updates_the_panel() {
    let mut h = harness(SchematApp::new(schemat::examples::default_document(), None));
    h.run();
    open_panel(&mut h);
    let no_change = "Brak zmian względem wersji obowiązującej";
    assert!(h.query_by_label(no_change).is_some());
    assert!(h.query_by_label("Kopiuj").is_none(), "nothing to copy");

    // Rename a task of IT-SS: the panel replaces that point.
    h.get_by_label("referat ds. serwisu sprzętu i oprogramowania (IT-SS)").click();
    h.run();
    h.get_by_label("2)").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("2)").type_text("zarządzania stacjami roboczymi i drukarkami");
    settle(&mut h);
    assert!(h.query_by_label(no_change).is_none());
    let state = h.state();
    let expected = legal::amend(state.version_in_force(), &state.doc, &Style::lublin()).unwrap();
    let lines: Vec<String> = expected.change_lines().into_iter().map(|(_, line)| line).collect();
    assert!(lines.iter().any(|l| l.contains("drukarkami")), "{lines:?}");
    // One change (K10): no list, § 1 is one sentence whose quote follows it.
    assert!(expected.is_single());
    assert!(expected.opening.contains("w § 22h"), "{}", expected.opening);
    assert!(h.query_by_label(&expected.opening).is_some(), "{}", expected.opening);
    for line in &lines {
        assert!(h.query_by_label(line).is_some(), "{line}");
    }

    // Undo: nothing to amend again.
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert!(h.query_by_label(no_change).is_some());
}

#[test]
fn kopiuj_puts_the_plain_text_on_the_clipboard() {
    let mut h = comparing(Vec::new());
    h.get_by_label("Kopiuj").click();
    h.step();
    let copied: Vec<&String> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| if let OutputCommand::CopyText(text) = c { Some(text) } else { None })
        .collect();
    assert_eq!(copied, vec![&reference().to_text()]);
}

#[test]
fn saving_as_docx_and_txt_writes_the_bytes_of_schemat_amend() {
    let dir = tempfile::tempdir().unwrap();
    let (docx, txt) = (dir.path().join("gui.docx"), dir.path().join("gui.txt"));
    let mut h = comparing(vec![docx.clone(), txt.clone()]);
    h.get_by_label("Zapisz jako DOCX…").click();
    h.run();
    h.get_by_label("Zapisz jako TXT…").click();
    h.run();
    let (cli_docx, cli_txt) = (dir.path().join("cli.docx"), dir.path().join("cli.txt"));
    cli_amend("docx", &cli_docx);
    cli_amend("text", &cli_txt);
    // docx-rs writes fixed dates (1980 in the zip, 1970 in docProps), so the bytes compare whole.
    assert_eq!(std::fs::read(&docx).unwrap(), std::fs::read(&cli_docx).unwrap());
    assert_eq!(std::fs::read(&txt).unwrap(), std::fs::read(&cli_txt).unwrap());
    assert_eq!(h.state().view.status.as_deref(), Some(format!("Wyeksportowano: {}", txt.display()).as_str()));
}

#[test]
fn without_a_dialog_the_file_is_typed_into_the_panel() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("typed.txt");
    // No answer from the dialog: the panel offers its file field instead.
    let mut h = comparing(Vec::new());
    h.get_by_label("Zapisz jako TXT…").click();
    h.run();
    let suggested = h.get_by_label("Zapisz do pliku").value().unwrap_or_default();
    assert!(suggested.ends_with("doa-2022-projekt-zarzadzenia.txt"), "{suggested}");
    h.get_by_label("Zapisz do pliku").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Zapisz do pliku").type_text(txt.to_str().unwrap());
    h.run();
    h.get_by_label("Zapisz").click();
    h.run();
    assert_eq!(std::fs::read_to_string(&txt).unwrap(), reference().to_text());
    assert!(h.query_by_label("Zapisz do pliku").is_none(), "the field closes once saved");
}

#[test]
fn a_click_on_a_point_selects_its_unit_and_the_frame_selects_nothing() {
    let mut h = comparing(Vec::new());
    let root = h.state().view.selected.clone();
    h.get_by_label("§ 1").click();
    h.run();
    assert_eq!(h.state().view.selected, root, "a heading has no unit");
    h.get_by_label("7) w § 19 uchyla się pkt 3;").scroll_to_me();
    h.run();
    h.get_by_label("7) w § 19 uchyla się pkt 3;").click();
    h.run();
    assert_eq!(h.state().view.selected.as_ref().map(|id| id.as_str()), Some("it-zi"));
    assert_eq!(h.get_by_label("Nazwa").value().as_deref(), Some("Zastępca Dyrektora"));
    h.get_by_label("a) w ust. 1 pkt 2 otrzymuje brzmienie:").scroll_to_me();
    h.run();
    h.get_by_label("a) w ust. 1 pkt 2 otrzymuje brzmienie:").click();
    h.run();
    assert_eq!(h.get_by_label("Nazwa").value().as_deref(), Some("referat ds. technologii bezpieczeństwa"));
    // A quoted line selects the unit it lists.
    let quoted = "b) stanowisko pracy inżynier bezpieczeństwa systemów (IT-TB-I),";
    h.get_by_label(quoted).click();
    h.run();
    assert_eq!(h.get_by_label("Nazwa").value().as_deref(), Some("stanowisko pracy inżynier bezpieczeństwa systemów"));
}

#[test]
fn closing_the_panel_hides_it() {
    let mut h = comparing(Vec::new());
    assert!(h.query_by_label("13) § 70 otrzymuje brzmienie:").is_some());
    toggle_panel(&mut h);
    assert!(!h.state().view.amendment.open);
    assert!(h.query_by_label("13) § 70 otrzymuje brzmienie:").is_none());
}

#[test]
fn a_change_that_cannot_be_expressed_is_listed_with_its_reason_in_either_language() {
    // The proposal no longer knows the wording of § 19 pkt 1, which the version in force has.
    let doc = schemat::examples::default_document();
    let mut in_force = doc.clone();
    let it_zi = in_force.units.iter_mut().find(|u| u.id.as_str() == "it-zi").unwrap();
    it_zi.tasks.points[0].state = schemat::model::PieceState::Text;
    it_zi.tasks.points[0].text = "zadania znane".to_owned();
    let mut app = SchematApp::new(doc, None);
    app.baseline = in_force;
    let mut h = harness(app);
    h.run();
    open_panel(&mut h);
    assert!(h.query_by_label("Tych zmian nie da się wyrazić w zarządzeniu zmieniającym:").is_some());
    let reason = "• § 19 pkt 1: nowe brzmienie nie jest znane w pliku, więc nie można go przytoczyć";
    assert!(h.query_by_label(reason).is_some());
    assert!(h.query_by_label("Kopiuj").is_none(), "nothing to copy or save");

    h.state_mut().settings.lang = schemat::i18n::Lang::En;
    h.run();
    assert!(h.query_by_label("Draft ordinance").is_some(), "the window's title");
    assert!(h.query_by_label("These changes cannot be expressed in an amending ordinance:").is_some());
    assert!(
        h.query_by_label("• § 19 pkt 1: the new wording is not known to the file, so it cannot be quoted").is_some()
    );
}
