//! The task list editor driven through the real editor: add, type (one undo
//! step per field), reorder, indent, paste from Word; undo and redo each step.

mod common;

use common::{department, harness, id};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use schemat::app::SchematApp;

fn points(h: &Harness<'static, SchematApp>) -> Vec<String> {
    let unit = h.state().doc.unit(&id("om")).expect("OM exists");
    unit.tasks
        .points
        .iter()
        .map(|p| {
            let letters: Vec<&str> = p.sub.iter().map(|s| s.text.as_str()).collect();
            if letters.is_empty() { p.text.clone() } else { format!("{} [{}]", p.text, letters.join(", ")) }
        })
        .collect()
}

fn type_into(h: &mut Harness<'static, SchematApp>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

#[test]
fn add_three_tasks_reorder_indent_undo_and_redo_each_step() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    h.get_by_label("Biuro Obsługi Mieszkańców (OM)").click();
    h.run();
    for _ in 0..3 {
        h.get_by_label("Dodaj punkt").click();
        h.run();
        // Let half a second pass, so the next click is not a double click.
        h.run_steps(30);
    }
    assert_eq!(points(&h), vec!["", "", ""]);
    // Typing in one field in two bursts is one undo step.
    type_into(&mut h, "1)", "obsługa ");
    h.get_by_label("1)").type_text("kancelarii");
    h.run();
    type_into(&mut h, "2)", "archiwum");
    type_into(&mut h, "3)", "skargi i wnioski");
    assert_eq!(points(&h), vec!["obsługa kancelarii", "archiwum", "skargi i wnioski"]);
    assert_eq!(h.state().history.undo_len(), 6, "3 adds + 3 typed fields");

    let mut states = vec![points(&h)];
    for button in ["W dół: Punkt 1", "W górę: Punkt 3", "Zamień na literę (pkt na lit.): Punkt 3"] {
        h.get_by_label(button).click();
        h.run();
        h.run_steps(30);
        states.push(points(&h));
    }
    assert_eq!(
        states[1..],
        [
            vec!["archiwum", "obsługa kancelarii", "skargi i wnioski"],
            vec!["archiwum", "skargi i wnioski", "obsługa kancelarii"],
            vec!["archiwum", "skargi i wnioski [obsługa kancelarii]"],
        ]
    );

    // Undo walks back through every state, redo forward again.
    for expected in states.iter().rev().skip(1) {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        assert_eq!(&points(&h), expected);
    }
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert_eq!(points(&h), vec!["", "", ""], "each typed field was one step");
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
        h.run();
    }
    for expected in states.iter().skip(1) {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
        h.run();
        assert_eq!(&points(&h), expected);
    }
}

#[test]
fn pasting_numbered_lines_from_word_adds_one_point_per_line() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    h.get_by_label("Biuro Obsługi Mieszkańców (OM)").click();
    h.run();
    type_into(&mut h, "Wklej listę z Worda", "1) przyjmowanie wniosków;\n2) wydawanie zaświadczeń.");
    h.get_by_label("Dodaj jako punkty (2)").click();
    h.run();
    assert_eq!(points(&h), vec!["przyjmowanie wniosków", "wydawanie zaświadczeń"]);
    assert_eq!(h.state().history.undo_len(), 1);
}
