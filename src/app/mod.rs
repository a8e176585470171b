//! The egui/eframe editor: one module per panel; panels read state and emit
//! [`Action`]s, and [`handling`] applies them once per frame, the only place
//! where the document changes (always through `model::History` and
//! `model::apply`).
//!
//! Three kinds of state stay apart: the document (`doc`, `history`, `path`),
//! persisted settings ([`settings::Settings`]) and transient view state
//! ([`view::ViewState`]).

pub mod amendment;
mod changes;
mod chart;
pub mod command;
pub mod compare;
pub mod context;
mod designations;
pub mod export;
pub mod files;
mod handling;
pub mod import;
mod inspector;
mod menus;
pub mod paste;
mod prompts;
mod properties;
mod regulamin;
mod removal;
mod replace;
mod search;
pub mod settings;
mod status;
mod steps;
mod task_changes;
mod tasks;
mod tree;
mod validation;
pub mod view;

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::i18n::app::{self as text, AppText};
use crate::model::{Document, History};

pub use command::{Action, Command};
pub use context::Env;
use files::{FileDialogs, NativeDialogs, Recovery, ScriptedDialogs};
use settings::{Settings, Theme};
use view::{Prompt, ViewState};

/// Seconds between writes of the recovery file while there are unsaved changes.
pub const AUTOSAVE_SECONDS: f64 = 30.0;

/// The editor: one open document, its undo history, settings and view state.
pub struct SchematApp {
    pub doc: Document,
    pub history: History,
    /// Where the document was loaded from or last saved to.
    pub path: Option<PathBuf>,
    /// The document as last opened or saved: a unit whose tasks have a
    /// designation here is in force, and its designation is read-only.
    pub baseline: Document,
    pub settings: Settings,
    pub view: ViewState,
    pub dialogs: Box<dyn FileDialogs>,
    pub recovery: Option<Recovery>,
    /// Requests of this frame, applied at its end.
    actions: Vec<Action>,
    /// Set once the user agreed to close: the next close request goes through.
    close_confirmed: bool,
    /// The user threw the unsaved work away ("Nie zapisuj" on close): eframe's
    /// save on exit must not write it to the recovery file again.
    work_discarded: bool,
    /// The file a restored draft came from when that file no longer exists:
    /// saving asks where (suggesting its name) instead of silently recreating it.
    pub missing_source: Option<PathBuf>,
    title: String,
    last_autosave: f64,
    changed_since_autosave: bool,
    applied_theme: Option<Theme>,
    /// Counts every change of the document (edits, undo, redo, open), so
    /// caches know when to recompute.
    revision: u64,
    findings: validation::Findings,
    /// Compare mode: the baseline and the diff against it, when on.
    pub compare: Option<compare::Comparison>,
    /// Counts every change of the version in force the draft ordinance
    /// amends (the baseline opened or saved, compare mode started or
    /// stopped), as `revision` counts the document's.
    in_force_revision: u64,
    /// The "Projekt zarządzenia" panel's ordinance, drafted off the UI thread.
    pub amendment: amendment::Drafting,
    /// The chart's cached layout and the canvas view (zoom, pan, collapsed units).
    pub chart: chart::ChartCanvas,
    fonts_installed: bool,
}

impl SchematApp {
    /// An editor on `doc` (loaded from `path`, if given), with default
    /// settings, no recovery file and dialogs that answer nothing: for tests
    /// and embedding. The real window uses [`SchematApp::from_creation`].
    pub fn new(doc: Document, path: Option<PathBuf>) -> Self {
        let selected = doc.root().map(|u| u.id.clone());
        // Absolute from the start: a save writes this file whatever the working directory is later.
        let path = path.as_deref().map(files::canonical);
        Self {
            baseline: doc.clone(),
            doc,
            history: History::new_saved(),
            path,
            settings: Settings::default(),
            view: ViewState { selected, ..ViewState::default() },
            dialogs: Box::new(ScriptedDialogs::default()),
            recovery: None,
            actions: Vec::new(),
            close_confirmed: false,
            work_discarded: false,
            missing_source: None,
            title: String::new(),
            last_autosave: 0.0,
            changed_since_autosave: false,
            applied_theme: None,
            revision: 0,
            findings: validation::Findings::default(),
            compare: None,
            in_force_revision: 0,
            amendment: amendment::Drafting::default(),
            chart: chart::ChartCanvas::new(),
            fonts_installed: false,
        }
    }

    /// The editor in a real window: settings from eframe storage, native
    /// dialogs, and an offer to restore unsaved work from the last session.
    pub fn from_creation(cc: &eframe::CreationContext<'_>, doc: Document, path: Option<PathBuf>) -> Self {
        let mut app = Self::new(doc, path);
        if let Some(settings) = cc.storage.and_then(|s| eframe::get_value(s, settings::STORAGE_KEY)) {
            app.settings = settings;
        }
        app.dialogs = Box::new(NativeDialogs);
        app.set_recovery(Recovery::in_storage_dir());
        app
    }

    /// Uses `recovery` for autosave and offers to restore it if it exists.
    pub fn set_recovery(&mut self, recovery: Option<Recovery>) {
        if recovery.as_ref().is_some_and(Recovery::exists) {
            self.view.prompt = Some(Prompt::Restore);
        }
        self.recovery = recovery;
    }

    pub fn lang(&self) -> Lang {
        self.settings.lang
    }

    pub fn text(&self) -> &'static AppText {
        text::text(self.settings.lang)
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Queues an action as if a panel had emitted it (tests, scripted use).
    pub fn push(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// One frame of the whole editor.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            // The chart's font is used from the next frame on.
            chart::install_fonts(&ctx);
            self.fonts_installed = true;
            ctx.request_repaint();
            return;
        }
        self.apply_theme(&ctx);
        self.read_shortcuts(&ctx);
        self.read_dropped_files(&ctx);
        self.read_close_request(&ctx);

        self.findings.refresh(&self.doc, self.revision);
        if let Some(comparison) = &mut self.compare {
            comparison.refresh(&self.doc, self.revision, self.settings.lang);
        }
        self.refresh_amendment();
        let in_force_name = self.compare.as_ref().map(compare::Comparison::baseline_name);
        let env = Env {
            doc: &self.doc,
            baseline: &self.baseline,
            history: &self.history,
            settings: &self.settings,
            t: text::text(self.settings.lang),
            file_name: files::display_name(self.path.as_deref(), text::text(self.settings.lang).untitled),
            revision: self.revision,
            findings: &self.findings.list,
            compare: self.compare.as_ref(),
            zoom: self.chart.zoom,
        };
        let out = &mut self.actions;
        egui::Panel::top("menu").show(ui, |ui| menus::show(ui, &env, &self.view, out));
        egui::Panel::bottom("status").show(ui, |ui| status::show(ui, &env, &mut self.view));
        if self.view.show_findings {
            egui::Panel::bottom("validation")
                .resizable(true)
                .default_size(140.0)
                .show(ui, |ui| validation::show(ui, &env, out));
        }
        if let Some(report) = &self.view.import.report {
            import::panel(ui, &env, report, out);
        }
        changes::panel(ui, &env, &self.view, out);
        egui::Panel::left("tree")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| tree::show(ui, &env, &mut self.view, out));
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(480.0)
            .show(ui, |ui| inspector::show(ui, &env, &mut self.view, out));
        egui::CentralPanel::default().frame(egui::Frame::central_panel(ui.style()).inner_margin(0.0)).show(ui, |ui| {
            let regulamin = regulamin::tabs(ui, &env, &self.view.legal, out);
            search::show(ui, &env, &mut self.view, out);
            replace::show(ui, &env, &mut self.view, out);
            if regulamin {
                regulamin::show(ui, &env, &mut self.view.legal, self.view.selected.as_ref(), out);
            } else {
                chart::show(ui, &compare::chart_env(&env), &self.view, &mut self.chart, out);
            }
        });
        properties::show(&ctx, &env, &mut self.view.legal, out);
        let (view, selected) = (&mut self.view.amendment, self.view.selected.as_ref());
        amendment::show(&ctx, &env, view, &self.amendment, in_force_name.as_deref(), selected, out);
        import::field(&ctx, &env, &mut self.view.import, out);
        prompts::show(&ctx, &env, &self.view, out);

        self.apply_actions(&ctx);
        self.update_title(&ctx);
        self.autosave(&ctx);
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.applied_theme != Some(self.settings.theme) {
            ctx.set_theme(match self.settings.theme {
                Theme::Light => egui::Theme::Light,
                Theme::Dark => egui::Theme::Dark,
            });
            self.applied_theme = Some(self.settings.theme);
        }
    }

    fn read_shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let blocked = self.view.prompt.is_some();
        for command in Command::WITH_SHORTCUTS {
            if blocked || (typing && command.yields_to_text_fields()) {
                continue;
            }
            if command.shortcuts().iter().any(|s| ctx.input_mut(|i| i.consume_shortcut(s))) {
                self.actions.push(Action::Run(command));
            }
        }
    }

    fn read_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect());
        if let Some(path) = dropped.iter().find(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"))) {
            self.actions.push(Action::OpenPath(path.clone()));
        } else if let Some(path) = dropped.into_iter().find(|p| import::is_source(p)) {
            // A Regulamin in Word or text form: imported, as Plik → Importuj… would.
            self.actions.push(Action::Import(import::ImportAction::Import(Some(path))));
        }
    }

    /// The `CancelClose` pattern: with unsaved changes, closing asks first.
    fn read_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && self.is_dirty() && !self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.view.prompt = Some(Prompt::Unsaved(command::AfterPrompt::Close));
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let t = self.text();
        let name = files::display_name(self.path.as_deref(), t.untitled);
        let title = if self.is_dirty() { format!("● {name} — schemat") } else { format!("{name} — schemat") };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window title as last sent.
    pub fn title(&self) -> &str {
        &self.title
    }

    fn autosave(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        if self.changed_since_autosave && now - self.last_autosave >= AUTOSAVE_SECONDS {
            self.write_recovery();
            self.last_autosave = now;
        }
        if self.changed_since_autosave {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(AUTOSAVE_SECONDS));
        }
    }

    /// Writes unsaved work to the recovery file, if there is any.
    pub fn write_recovery(&mut self) {
        let Some(recovery) = &self.recovery else { return };
        if !self.is_dirty() || self.work_discarded {
            return;
        }
        match recovery.write(&self.doc, self.path.as_deref()) {
            Ok(()) => self.changed_since_autosave = false,
            Err(err) => {
                self.view.status = Some(self.text().autosave_failed(&crate::i18n::io::message(self.lang(), &err)));
            }
        }
    }
}

impl eframe::App for SchematApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, settings::STORAGE_KEY, &self.settings);
        // A crash-safe moment: eframe saves on exit and every 30 s.
        self.write_recovery();
    }
}

/// Opens the editor window on `doc` (from `path`, if given), comparing it
/// with the file `compare` if given, in `lang` if given (else the saved
/// language), and returns when it closes.
pub fn run_window(
    doc: Document,
    path: Option<PathBuf>,
    compare: Option<PathBuf>,
    lang: Option<Lang>,
) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true)
            .with_app_id("schemat"),
        ..eframe::NativeOptions::default()
    };
    let app = move |cc: &eframe::CreationContext<'_>| {
        let mut app = SchematApp::from_creation(cc, doc, path);
        if let Some(lang) = lang {
            // `--lang` on the command line wins over the language saved in the settings.
            app.settings.lang = lang;
        }
        if let Some(baseline) = compare {
            app.push(Action::Review(compare::ReviewAction::CompareWith(baseline)));
        }
        Ok(Box::new(app) as Box<dyn eframe::App>)
    };
    eframe::run_native("schemat", options, Box::new(app)).map_err(|e| anyhow::anyhow!("{e}"))
}
