//! Applying the frame's actions, once per frame: here (and, for the review
//! actions, in `compare`) the document, the history, the files and the
//! settings change. Edits go through `History::apply` (one undo step, a batch
//! included) or `History::apply_coalescing` (typing); a refused edit leaves
//! everything as it was and says why in the status bar. Exports go through
//! the core's `crate::export`, as `schemat export` does.

use std::path::PathBuf;

use crate::i18n::io::message as io_message;
use crate::io;
use crate::model::draft;
use crate::model::{Document, Edit, History, Metadata, Unit, UnitField, UnitId, UnitKind};

use super::SchematApp;
use super::command::{Action, AfterPrompt, Command, PromptAnswer};
use super::export::{ExportDialog, ExportFormat};
use super::files::FileKind;
use super::view::{Prompt, Rename, ViewState};

impl SchematApp {
    pub(super) fn apply_actions(&mut self, ctx: &egui::Context) {
        // The frame was drawn before these changes: draw the next one.
        if !self.actions.is_empty() {
            ctx.request_repaint();
        }
        // Actions may queue further actions (e.g. a prompt answer), so loop.
        let mut rounds = 0;
        while !self.actions.is_empty() && rounds < 8 {
            rounds += 1;
            for action in std::mem::take(&mut self.actions) {
                self.handle(ctx, action);
            }
        }
    }

    fn handle(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Run(command) => self.run(ctx, command),
            Action::Edit(edit) => {
                self.edit(edit);
            }
            Action::Type { edit, key } => {
                let result = self.history.apply_coalescing(&mut self.doc, edit, &key);
                self.after_edit(result);
            }
            Action::Seal => self.history.seal(),
            Action::Select(id) => {
                self.view.selected = Some(id);
                self.view.reveal_selected = true;
            }
            Action::SelectInPlace(id) => self.view.selected = Some(id),
            Action::AddUnit { parent, index, kind } => self.add_unit(parent, index, kind),
            Action::DeleteConfirmed(id) => {
                let next = self.doc.unit(&id).and_then(|u| u.parent.clone());
                let repealed = super::removal::repealed(&self.doc, &id);
                if self.draft_edit(draft::remove_unit(&self.doc, &id).map(|(edit, _)| edit)) {
                    self.view.selected = next;
                    if !repealed.is_empty() {
                        self.view.status = Some(self.text().repealed_status(&repealed));
                    }
                }
            }
            Action::Move { id, parent, index } => {
                self.draft_edit(draft::move_unit(&self.doc, &id, &parent, index));
            }
            Action::StartRename(id) => {
                if let Some(unit) = self.doc.unit(&id) {
                    self.view.rename = Some(Rename { id: id.clone(), text: unit.name.clone(), fresh: true });
                    self.view.selected = Some(id);
                    self.view.reveal_selected = true;
                }
            }
            Action::OpenPath(path) => self.guard_unsaved(AfterPrompt::Open(Some(path))),
            Action::SaveAsPath(path) => {
                self.save_to(path);
            }
            Action::Prompt(answer) => self.answer_prompt(ctx, answer),
            Action::Restore(restore) => self.restore(restore),
            Action::SetLang(lang) => self.settings.lang = lang,
            Action::SetTheme(theme) => self.settings.theme = theme,
            Action::Refused(reason) => self.view.status = Some(reason),
            Action::DismissMessage => {
                self.view.prompt = None;
            }
            Action::Review(action) => {
                // Starting or stopping a comparison changes what the draft ordinance amends.
                use super::compare::ReviewAction as R;
                let baseline = !matches!(action, R::ShowChange(_) | R::ExportReport | R::ExportChart(_));
                self.review(action);
                if baseline {
                    self.in_force_revision += 1;
                }
            }
            Action::Amendment(action) => self.amendment_action(ctx, action),
            Action::Import(action) => self.import_action(action),
            Action::Legal(action) => self.legal(action),
            Action::SetExportDialog(dialog) => self.view.export = dialog,
            Action::ChooseExportPath => self.choose_export_path(),
            Action::Export(dialog) => {
                self.view.export = dialog;
                self.export_annex();
            }
        }
    }

    /// Applies one edit as an undo step; false (and a status message) when refused.
    fn edit(&mut self, edit: Edit) -> bool {
        let result = self.history.apply(&mut self.doc, edit);
        self.after_edit(result)
    }

    /// Applies a draft edit (numbered by the rules, repealing what is in
    /// force) as one undo step; false (and a status message) when refused.
    fn draft_edit(&mut self, edit: Result<Edit, draft::DraftError>) -> bool {
        match edit {
            Ok(edit) => self.edit(edit),
            Err(err) => {
                self.view.status = Some(self.text().draft_refused(&err));
                false
            }
        }
    }

    fn after_edit(&mut self, result: Result<(), crate::model::EditError>) -> bool {
        match result {
            Ok(()) => {
                self.document_changed();
                true
            }
            Err(err) => {
                self.view.status = Some(self.text().edit_refused(&err));
                false
            }
        }
    }

    /// After any change of the document: caches are stale, autosave is due,
    /// and the selection must still exist.
    fn document_changed(&mut self) {
        self.revision += 1;
        self.changed_since_autosave = true;
        self.keep_selection_valid();
    }

    fn keep_selection_valid(&mut self) {
        if self.view.selected.as_ref().is_some_and(|id| self.doc.unit(id).is_none()) {
            self.view.selected = self.doc.root().map(|u| u.id.clone());
        }
    }

    fn run(&mut self, ctx: &egui::Context, command: Command) {
        let selected = self.view.selected.clone();
        match command {
            Command::New => self.guard_unsaved(AfterPrompt::New),
            Command::Open => self.guard_unsaved(AfterPrompt::Open(None)),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => {
                self.save_as();
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => {
                let step = self.history.peek_undo().map(|(made, inverse)| (made.clone(), inverse.clone()));
                if self.history.undo(&mut self.doc) {
                    self.document_changed();
                    self.select_step_unit(step);
                }
            }
            Command::Redo => {
                let step = self.history.peek_redo().map(|(made, inverse)| (made.clone(), inverse.clone()));
                if self.history.redo(&mut self.doc) {
                    self.document_changed();
                    self.select_step_unit(step);
                }
            }
            Command::Rename => {
                if let Some(id) = selected {
                    self.handle(ctx, Action::StartRename(id));
                }
            }
            Command::Delete => {
                if let Some(id) = selected {
                    self.delete(id);
                }
            }
            Command::Duplicate => {
                if let Some(id) = selected {
                    self.duplicate(&id);
                }
            }
            Command::AddSibling => {
                if let Some(unit) = selected.and_then(|id| self.doc.unit(&id))
                    && let Some(parent) = unit.parent.clone()
                {
                    let index = sibling_position(&self.doc, &unit.id) + 1;
                    let kind = unit.kind;
                    self.add_unit(parent, Some(index), kind);
                }
            }
            Command::MoveUp | Command::MoveDown => {
                if let Some(unit) = selected.and_then(|id| self.doc.unit(&id))
                    && let Some(parent) = unit.parent.clone()
                {
                    let at = sibling_position(&self.doc, &unit.id);
                    let count = self.doc.children(Some(&parent)).count();
                    let target = if command == Command::MoveUp { at.checked_sub(1) } else { Some(at + 1) };
                    if let Some(index) = target.filter(|&i| i < count) {
                        let id = unit.id.clone();
                        self.draft_edit(draft::move_unit(&self.doc, &id, &parent, index));
                    }
                }
            }
            Command::Find => {
                self.view.search.open = true;
                self.view.search.focus = true;
            }
            Command::Replace => {
                self.view.replace.open = true;
                self.view.replace.focus = true;
            }
            Command::FitToWindow => self.chart.fit_and_follow(),
            Command::ZoomIn => self.chart.user_zoom(1.25, self.chart.focus()),
            Command::ZoomOut => self.chart.user_zoom(0.8, self.chart.focus()),
            Command::ZoomReset => {
                self.chart.auto_fit = false;
                self.chart.set_zoom(1.0);
            }
            Command::ExportRon => self.export_ron(),
            Command::ExportPng => self.open_export(ExportFormat::Png),
            Command::ExportSvg => self.open_export(ExportFormat::Svg),
            Command::ExportPdf => self.open_export(ExportFormat::Pdf),
            Command::About => self.view.prompt = Some(Prompt::About),
            Command::Help => self.view.prompt = Some(Prompt::Help),
        }
    }

    /// After an undo or redo: the unit the step changed is selected and shown.
    fn select_step_unit(&mut self, step: Option<(Edit, Edit)>) {
        if let Some((made, inverse)) = step
            && let Some(id) = super::steps::unit_to_select(&self.doc, &made, &inverse)
        {
            self.view.selected = Some(id);
            self.view.reveal_selected = true;
        }
    }

    /// Deletes at once, or asks first when the unit has sub-units or tasks.
    fn delete(&mut self, id: UnitId) {
        let Some(unit) = self.doc.unit(&id) else { return };
        if unit.parent.is_none() {
            self.view.status = Some(self.text().edit_refused(&crate::model::EditError::Root));
            return;
        }
        let has_children = self.doc.children(Some(&id)).next().is_some();
        // A repeal changes the law in force: always say what it repeals first.
        if has_children || !unit.tasks.is_empty() || super::removal::repeals(&self.doc, &id) {
            self.view.prompt = Some(Prompt::ConfirmDelete(id));
        } else {
            self.actions.push(Action::DeleteConfirmed(id));
        }
    }

    fn add_unit(&mut self, parent: UnitId, index: Option<usize>, kind: UnitKind) {
        let count = self.doc.children(Some(&parent)).count();
        let index = index.unwrap_or(count).min(count);
        let id = self.doc.fresh_id("u");
        let name = self.text().new_unit_name(kind);
        let symbol = crate::validate::suggest_symbol(&self.doc, &parent, kind).unwrap_or_default();
        let unit = Unit::new(id.clone(), Some(parent), kind, name, symbol.clone());
        // A referat is led by its kierownik, who carries the referat's symbol:
        // one step adds both, each designated by the numbering rules.
        let edit = draft::add_unit(&self.doc, unit, index).and_then(|edit| {
            if kind != UnitKind::Referat {
                return Ok(edit);
            }
            let mut scratch = self.doc.clone();
            crate::model::apply(&mut scratch, edit.clone())?;
            let head = scratch.fresh_id("u");
            let head_name = self.text().new_unit_name(UnitKind::KierownikReferatu);
            let kierownik = Unit::new(head, Some(id.clone()), UnitKind::KierownikReferatu, head_name, symbol);
            Ok(Edit::Batch(vec![edit, draft::add_unit(&scratch, kierownik, 0)?]))
        });
        if self.draft_edit(edit) {
            self.view.selected = Some(id);
            self.view.reveal_selected = true;
        }
    }

    /// Inserts a copy of the unit's subtree, with fresh ids, right after it.
    fn duplicate(&mut self, id: &UnitId) {
        let Some(at) = self.doc.index_of(id) else { return };
        if self.doc.units[at].parent.is_none() {
            return;
        }
        let mut copies: Vec<Unit> = self.doc.units[self.doc.subtree_range(at)].to_vec();
        let mut renamed: Vec<(UnitId, UnitId)> = Vec::new();
        let mut taken = self.doc.clone();
        for unit in &mut copies {
            let fresh = taken.fresh_id("u");
            taken.units.push(Unit::new(fresh.clone(), None, unit.kind, "", ""));
            renamed.push((unit.id.clone(), fresh.clone()));
            unit.id = fresh;
            // Designations belong to the original; the copy gets its own later.
            unit.listed_at = None;
            unit.tasks_at = None;
        }
        for unit in copies.iter_mut().skip(1) {
            if let Some(parent) = &unit.parent
                && let Some((_, fresh)) = renamed.iter().find(|(old, _)| old == parent)
            {
                unit.parent = Some(fresh.clone());
            }
        }
        let index = sibling_position(&self.doc, id) + 1;
        let new_id = copies[0].id.clone();
        if self.edit(Edit::InsertSubtree { units: copies, index, relations: Vec::new() }) {
            self.view.selected = Some(new_id);
            self.view.reveal_selected = true;
        }
    }

    /// Runs `after` now, or asks "Zapisz / Nie zapisuj / Anuluj" first.
    pub(super) fn guard_unsaved(&mut self, after: AfterPrompt) {
        if self.is_dirty() {
            self.view.prompt = Some(Prompt::Unsaved(after));
        } else {
            self.proceed(after);
        }
    }

    fn answer_prompt(&mut self, ctx: &egui::Context, answer: PromptAnswer) {
        let Some(Prompt::Unsaved(after)) = self.view.prompt.take() else { return };
        match answer {
            PromptAnswer::Cancel => {}
            PromptAnswer::Save => {
                if self.save() {
                    self.proceed_with(ctx, after);
                }
            }
            PromptAnswer::Discard => {
                if let Some(recovery) = &self.recovery {
                    recovery.clear();
                }
                self.work_discarded = after == AfterPrompt::Close;
                self.proceed_with(ctx, after);
            }
        }
    }

    fn proceed_with(&mut self, ctx: &egui::Context, after: AfterPrompt) {
        if after == AfterPrompt::Close {
            self.close_confirmed = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            self.proceed(after);
        }
    }

    fn proceed(&mut self, after: AfterPrompt) {
        match after {
            AfterPrompt::Close => self.close_confirmed = true,
            AfterPrompt::New => self.replace_document(new_document(self.text().new_department), None),
            AfterPrompt::Open(path) => {
                let Some(path) = path.or_else(|| self.dialogs.pick_open()) else { return };
                let path = super::files::canonical(&path);
                match io::load(&path) {
                    Ok(doc) => {
                        self.settings.remember(&path);
                        self.replace_document(doc, Some(path));
                    }
                    Err(err) => {
                        self.view.prompt = Some(Prompt::Error(self.text().load_failed(&io_message(self.lang(), &err))))
                    }
                }
            }
            AfterPrompt::Import(path) => self.import_file(path),
        }
    }

    pub(super) fn replace_document(&mut self, doc: Document, path: Option<PathBuf>) {
        // Another document: a fresh view (selection, search, zoom fitted, nothing collapsed).
        let export = std::mem::take(&mut self.view.export);
        let amendment_open = self.view.amendment.open;
        self.view = ViewState { selected: doc.root().map(|u| u.id.clone()), export, ..ViewState::default() };
        // The panel stays open and drafts the ordinance of the new document.
        self.view.amendment.open = amendment_open;
        self.chart.collapsed.clear();
        self.chart.fit_and_follow();
        self.baseline = doc.clone();
        self.in_force_revision += 1;
        self.compare = None;
        self.doc = doc;
        self.history = History::new_saved();
        self.path = path;
        self.missing_source = None;
        self.revision += 1;
        self.changed_since_autosave = false;
    }

    /// Saves to the current path (asking for one if there is none); true when saved.
    fn save(&mut self) -> bool {
        match self.path.clone() {
            Some(path) => self.save_to(path),
            None => self.save_as(),
        }
    }

    fn save_as(&mut self) -> bool {
        let suggested = format!("{}.ron", self.file_stem());
        match self.dialogs.pick_save(FileKind::Ron, &suggested) {
            Some(path) => self.save_to(path),
            None => false,
        }
    }

    fn save_to(&mut self, path: PathBuf) -> bool {
        let path = super::files::canonical(&path);
        match io::save(&self.doc, &path) {
            Ok(()) => {
                self.history.mark_saved();
                self.baseline = self.doc.clone();
                self.in_force_revision += 1;
                self.settings.remember(&path);
                self.view.status = Some(self.text().saved(&path.display().to_string()));
                self.path = Some(path);
                self.missing_source = None;
                self.changed_since_autosave = false;
                if let Some(recovery) = &self.recovery {
                    recovery.clear();
                }
                true
            }
            Err(err) => {
                self.view.prompt = Some(Prompt::Error(self.text().save_failed(&io_message(self.lang(), &err))));
                false
            }
        }
    }

    /// Writes a copy of the document without making it the current file.
    fn export_ron(&mut self) {
        let suggested = format!("{}.ron", self.file_stem());
        let Some(path) = self.dialogs.pick_save(FileKind::Ron, &suggested) else { return };
        match io::save(&self.doc, &path) {
            Ok(()) => self.view.status = Some(self.text().exported(&path.display().to_string())),
            Err(err) => self.view.prompt = Some(Prompt::Error(self.text().save_failed(&io_message(self.lang(), &err)))),
        }
    }

    /// Opens the export dialog for `format`, with the last options and a file beside the document.
    fn open_export(&mut self, format: ExportFormat) {
        let stem = self.file_stem();
        self.view.export = ExportDialog::open(&self.view.export, format, self.path.as_deref(), &stem);
        self.view.prompt = Some(Prompt::Export);
    }

    /// "Wybierz…": the platform's save dialog fills the path field; when it
    /// gives nothing the dialog says to type the path (no silent no-op).
    fn choose_export_path(&mut self) {
        let dialog = &self.view.export;
        let suggested = std::path::Path::new(&dialog.path)
            .file_name()
            .map_or_else(|| format!("{}.{}", self.file_stem(), dialog.format.name()), |n| n.to_string_lossy().into());
        let picked = self.dialogs.pick_save(dialog.format.file_kind(), &suggested);
        match picked {
            Some(path) => {
                self.view.export.path = path.display().to_string();
                self.view.export.note = None;
            }
            None => self.view.export.note = Some(self.text().export_no_dialog.to_owned()),
        }
    }

    /// Writes the chart through the core's export path, as `schemat export` does.
    fn export_annex(&mut self) {
        let dialog = self.view.export.clone();
        let Some(targets) = dialog.targets() else {
            self.view.export.note = Some(self.text().export_no_path.to_owned());
            return;
        };
        self.view.prompt = None;
        match crate::export::export(&self.doc, &targets, &dialog.options(self.lang())) {
            Ok(files) => {
                let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
                self.view.status = Some(self.text().exported(&names.join(", ")));
            }
            Err(err) => self.view.prompt = Some(Prompt::Error(self.text().export_failed(&err.to_string()))),
        }
    }

    pub(super) fn file_stem(&self) -> String {
        self.path
            .as_deref()
            .or(self.missing_source.as_deref())
            .and_then(|p| p.file_stem())
            .map_or_else(|| "schemat".to_owned(), |s| s.to_string_lossy().into_owned())
    }

    fn restore(&mut self, restore: bool) {
        self.view.prompt = None;
        let Some(recovery) = self.recovery.clone() else { return };
        if !restore {
            recovery.clear();
            return;
        }
        match recovery.read() {
            Ok((doc, source)) => {
                // The restored work is unsaved (an empty history is "never
                // saved"); it belongs to the file it was autosaved from, if
                // that still exists. A vanished file is not recreated behind
                // the user's back: saving asks where, suggesting its name.
                let (path, missing) = match source {
                    Some(source) if source.is_file() => (Some(source), None),
                    Some(source) => (None, Some(source)),
                    None => (None, None),
                };
                self.replace_document(doc, path);
                self.history = History::default();
                if let Some(missing) = missing {
                    self.view.status = Some(self.text().source_missing(&missing.display().to_string()));
                    self.missing_source = Some(missing);
                }
            }
            Err(err) => self.view.prompt = Some(Prompt::Error(self.text().load_failed(&io_message(self.lang(), &err)))),
        }
    }
}

/// The position of a unit among its siblings.
pub(super) fn sibling_position(doc: &Document, id: &UnitId) -> usize {
    let parent = doc.unit(id).and_then(|u| u.parent.as_ref());
    doc.children(parent).position(|u| &u.id == id).unwrap_or(0)
}

/// A new document: just the department.
fn new_document(name: &str) -> Document {
    let root = Unit::new(UnitId::new("departament"), None, UnitKind::Departament, name, "");
    Document {
        meta: Metadata { department: name.to_owned(), ..Metadata::default() },
        units: vec![root],
        ..Document::default()
    }
}

/// The edit that sets one field of a unit.
pub fn set_field(id: &UnitId, field: UnitField) -> Edit {
    Edit::SetField { id: id.clone(), field }
}
