//! Plik → Importuj…: an office's Regulamin brought in from its Word, text or
//! Markdown form by [`crate::import::import_file`], the function `schemat
//! import` calls. The result opens as an unsaved, untitled document, with
//! the import report in a panel below the chart: one row per thing the
//! importer found, assumed or kept as it was (the CLI's lines), ambiguities
//! in the warning colour; a click on a row selects its unit, or shows its
//! piece in the Regulamin view when it concerns no unit.

use std::path::{Path, PathBuf};

use crate::i18n;
use crate::import::{self, Note, Report, Row};
use crate::model::History;
use crate::validate::Severity;

use super::SchematApp;
use super::command::{Action, AfterPrompt};
use super::context::Env;
use super::regulamin::LegalAction;
use super::view::Prompt;

/// The report of the import that made the open document.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportReport {
    /// The source file, as the panel's heading names it.
    pub path: String,
    /// Its name, as the rows name it ("doa.docx:12: § 3 ust. 1: …").
    pub file: String,
    pub report: Report,
}

/// The import's view state: the report of the import that made the open
/// document, and the file field shown when the platform's dialog gave no file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportView {
    pub report: Option<ImportReport>,
    pub field: Option<String>,
}

/// What the import menu item and panel ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportAction {
    /// Import this file, or ask for one when `None` (after the unsaved-changes question).
    Import(Option<PathBuf>),
    /// Close the file field without importing.
    CancelField,
    /// A report row was clicked.
    ShowRow(usize),
    /// Close the report panel.
    Close,
}

/// The extensions Plik → Importuj… and a dropped file are imported from.
pub const EXTENSIONS: [&str; 4] = ["docx", "txt", "md", "markdown"];

/// Whether a dropped file is a source to import rather than a document to open.
pub fn is_source(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

impl SchematApp {
    pub(super) fn import_action(&mut self, action: ImportAction) {
        match action {
            ImportAction::Import(path) => self.guard_unsaved(AfterPrompt::Import(path)),
            ImportAction::ShowRow(index) => {
                let Some(row) = self.view.import.report.as_ref().and_then(|r| r.report.rows.get(index)).cloned() else {
                    return;
                };
                match (&row.unit, &row.at) {
                    (Some(unit), _) if self.doc.unit(unit).is_some() => {
                        self.view.selected = Some(unit.clone());
                        self.view.reveal_selected = true;
                    }
                    (_, Some(at)) => self.legal(LegalAction::Show(at.clone())),
                    _ => {}
                }
            }
            ImportAction::Close => self.view.import.report = None,
            ImportAction::CancelField => self.view.import.field = None,
        }
    }

    /// Imports the file at `path` (asking for one when `None`) as a new,
    /// unsaved document; an unreadable file changes nothing and says why.
    pub(super) fn import_file(&mut self, path: Option<PathBuf>) {
        let Some(path) = path.or_else(|| self.dialogs.pick_import()) else {
            // No file from the platform's dialog (cancelled, or no dialog on this
            // machine): a field to type the path in, never a silent no-op.
            self.view.import.field.get_or_insert_with(String::new);
            return;
        };
        self.view.import.field = None;
        let lang = self.lang();
        match import::import_file(&path) {
            Ok(imported) => {
                self.replace_document(imported.doc, None);
                // Not saved anywhere yet: closing or opening another file asks first.
                self.history = History::default();
                let shown = i18n::io::path_text(&path);
                let file = path.file_name().map_or_else(|| shown.clone(), |n| i18n::io::path_text(Path::new(n)));
                self.view.status = Some(self.text().imported(&file));
                self.view.import.report = Some(ImportReport { path: shown, file, report: imported.report });
            }
            Err(err) => self.view.prompt = Some(Prompt::Error(i18n::import::error(lang, &err))),
        }
    }
}

/// The report panel, while the open document is an import.
pub fn panel(ui: &mut egui::Ui, env: &Env, report: &ImportReport, out: &mut Vec<Action>) {
    let lang = env.settings.lang;
    egui::Panel::bottom("import-report").resizable(true).default_size(180.0).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.strong(env.t.import_report_title(&report.path));
            ui.label(i18n::import::summary(lang, &report.report));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(env.t.import_report_close()).clicked() {
                    out.push(Action::Import(ImportAction::Close));
                }
            });
        });
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            for (index, row) in report.report.rows.iter().enumerate() {
                let text = i18n::import::row(lang, &report.file, row);
                let rich = egui::RichText::new(&text).color(color(ui, row));
                let response = ui.add(egui::Button::selectable(false, rich).wrap_mode(egui::TextWrapMode::Wrap));
                // A list item, so a screen reader (and a test) tells the rows from the buttons around them.
                response.widget_info(|| egui::WidgetInfo::selected(egui::Role::ListItem, true, false, &text));
                if response.clicked() {
                    out.push(Action::Import(ImportAction::ShowRow(index)));
                }
            }
        });
    });
}

/// Ambiguities and errors stand out; what was found as expected does not.
fn color(ui: &egui::Ui, row: &Row) -> egui::Color32 {
    let visuals = ui.visuals();
    match &row.note {
        note if note.is_ambiguity() => visuals.warn_fg_color,
        Note::Finding(f) if f.severity == Severity::Error => visuals.error_fg_color,
        Note::Finding(f) if f.severity == Severity::Warning => visuals.warn_fg_color,
        Note::Read(_) | Note::NotKept(_) | Note::DivisionAssumed => visuals.warn_fg_color,
        _ => visuals.text_color(),
    }
}

/// The file field of Plik → Importuj…, while the platform's dialog gave no file.
pub fn field(ctx: &egui::Context, env: &Env, view: &mut ImportView, out: &mut Vec<Action>) {
    let Some(path) = &mut view.field else { return };
    let t = env.t;
    egui::Window::new(t.import_title())
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_TOP, [0.0, 80.0])
        .min_width(600.0)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                let label = ui.label(t.import_file_label());
                ui.add(egui::TextEdit::singleline(path).desired_width(440.0)).labelled_by(label.id);
            });
            ui.weak(t.import_file_hint());
            ui.horizontal(|ui| {
                let typed = path.trim();
                if ui.add_enabled(!typed.is_empty(), egui::Button::new(t.import_button())).clicked() {
                    out.push(Action::Import(ImportAction::Import(Some(PathBuf::from(typed)))));
                }
                if ui.button(t.prompt_cancel).clicked() {
                    out.push(Action::Import(ImportAction::CancelField));
                }
            });
        });
}
