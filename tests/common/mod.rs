//! Shared fixture for the editor tests: a small department and a harness
//! driving the real `SchematApp` headless.
#![allow(dead_code)]

use egui_kittest::Harness;
use schemat::app::SchematApp;
use schemat::model::{Document, Metadata, TaskList, TaskPoint, Unit, UnitId, UnitKind};

pub fn id(s: &str) -> UnitId {
    UnitId::new(s)
}

/// Departament → Wydział Informatyki (IT) → referat IT-TB with one position; Biuro OM.
pub fn department() -> Document {
    let mut tb = Unit::new(id("it-tb"), Some(id("it")), UnitKind::Referat, "referat ds. bezpieczeństwa", "IT-TB");
    tb.tasks = TaskList { points: TaskPoint::numbered(["audyt bezpieczeństwa"]), ..TaskList::default() };
    Document {
        meta: Metadata { department: "Departament Organizacji i Administracji".into(), ..Metadata::default() },
        units: vec![
            Unit::new(id("doa"), None, UnitKind::Departament, "Departament Organizacji i Administracji", "DOA"),
            Unit::new(id("it"), Some(id("doa")), UnitKind::Wydzial, "Wydział Informatyki", "IT"),
            tb,
            Unit::new(
                id("it-tb-i"),
                Some(id("it-tb")),
                UnitKind::StanowiskoPracy,
                "stanowisko pracy inżynier bezpieczeństwa systemów",
                "IT-TB-I",
            ),
            Unit::new(id("om"), Some(id("doa")), UnitKind::Biuro, "Biuro Obsługi Mieszkańców", "OM"),
        ],
        ..Document::default()
    }
}

pub fn harness(app: SchematApp) -> Harness<'static, SchematApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut SchematApp| app.frame(ui), app)
}

pub fn names_under(app: &SchematApp, parent: &str) -> Vec<String> {
    let parent = id(parent);
    app.doc.children(Some(&parent)).map(|u| u.name.clone()).collect()
}
