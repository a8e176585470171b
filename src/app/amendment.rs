//! The "Projekt zarządzenia" panel (Widok → Projekt zarządzenia): the
//! amending ordinance that turns the version in force into the document
//! being edited, as [`crate::legal::amend`] writes it for `schemat amend`,
//! with its lints, live as the proposal is edited.
//!
//! The version in force is compare mode's baseline when one is loaded, else
//! the document as last opened or saved ([`super::SchematApp::baseline`]).
//! The ordinance is drafted off the UI thread ([`Drafting`]): amending a
//! 10 000-unit department takes about half a second, so a frame never waits
//! for it; the last ordinance stays on screen, marked "Obliczanie…", until
//! the new one is done. "Kopiuj" puts the plain text on the clipboard;
//! "Zapisz jako DOCX…" / "Zapisz jako TXT…" write the bytes of
//! [`docx::ordinance_bytes`] (what `schemat amend --format` writes),
//! atomically; a click on a point, letter or tiret selects the unit of the
//! first piece it touches.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::legal::amend::{AmendError, Amendment, Item, Role};
use crate::legal::docx::{self, OrdinanceFormat};
use crate::legal::{self, Piece, Regulamin, Source, Style};
use crate::model::{Designation, Document, UnitId};

use super::SchematApp;
use super::command::Action;
use super::compare::Comparison;
use super::context::Env;
use super::files::FileKind;
use super::view::Prompt;

/// The versions an ordinance is drafted for: the document's revision and the
/// revision of the version in force ([`SchematApp::in_force_revision`]).
pub type Key = (u64, u64);

/// The style profile of the panel's ordinance: Lublin's, as `schemat amend` by default.
fn style() -> Style {
    Style::lublin()
}

/// A file the ordinance is saved as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrdinanceFile {
    Docx,
    Text,
}

impl OrdinanceFile {
    fn format(self) -> OrdinanceFormat {
        match self {
            OrdinanceFile::Docx => OrdinanceFormat::Docx,
            OrdinanceFile::Text => OrdinanceFormat::Text,
        }
    }

    fn kind(self) -> FileKind {
        match self {
            OrdinanceFile::Docx => FileKind::Docx,
            OrdinanceFile::Text => FileKind::Text,
        }
    }
}

/// One printed line of the ordinance as the panel shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub role: Role,
    pub text: String,
    /// Its line in § 1 (the opening is line 1), the numbering the lints use.
    pub line: Option<usize>,
    /// The unit a click selects: for a point, letter or tiret and its quoted
    /// wording, the unit of the first piece the item touches; none for the frame.
    pub unit: Option<UnitId>,
}

/// The ordinance drafted for one pair of versions, ready to show.
#[derive(Debug, Clone)]
pub struct Drafted {
    pub result: Result<Amendment, AmendError>,
    /// The printed lines (none when there is no ordinance).
    pub rows: Vec<Row>,
}

impl Drafted {
    /// The ordinance amending `old` into `new`, with its lines.
    pub fn of(old: &Document, new: &Document) -> Self {
        // What `legal::amend` does, with each text derived once for the ordinance and its rows.
        let (old_text, new_text) = (legal::derive(old), legal::derive(new));
        let changed = legal::amend::chart_changed(old, new);
        let result = legal::amend::amend_texts(&old_text, &new_text, &new.meta, changed, &style());
        let rows = result.as_ref().map_or_else(|_| Vec::new(), |a| rows(a, &old_text, &new_text, new));
        Self { result, rows }
    }

    /// What a drafting thread that died without a result leaves: a generator bug.
    fn stopped() -> Self {
        Self {
            result: Err(AmendError::SelfCheck("the generator stopped without a result".to_owned())),
            rows: Vec::new(),
        }
    }
}

/// The lines of the ordinance ([`Amendment::document_lines`]) with their
/// § 1 line numbers and units.
fn rows(amendment: &Amendment, old_text: &Regulamin, new_text: &Regulamin, new: &Document) -> Vec<Row> {
    let mut items = Vec::new();
    match amendment.items.as_slice() {
        // K10: the one change's formula is in the opening sentence; only its quote follows.
        [item] if amendment.is_single() => items.extend((0..item.quote.len()).map(|j| (item, Some(j)))),
        all => line_items(all, &mut items),
    }
    let quoted = Quoted::of(new_text, &items);
    // The title, the legal basis and "§ 1" come first; then § 1's opening (line 1) and its change list.
    let opening = amendment.title.len() + 2;
    amendment
        .document_lines()
        .into_iter()
        .enumerate()
        .map(|(i, (role, text))| {
            let line = (opening..=opening + items.len()).contains(&i).then(|| i - opening + 1);
            let unit = match role {
                Role::Item(_) | Role::Quote(..) => {
                    i.checked_sub(opening + 1).and_then(|k| items.get(k)).and_then(|&(item, quote_line)| {
                        // A quoted line is the new text's own line: it selects its own unit (a
                        // position in a quoted listing), else the item's.
                        let own = quote_line.and_then(|j| quoted.designation(item, j));
                        let at = own.unwrap_or(&item.at);
                        unit_at(at, new_text, old_text, new).or_else(|| unit_at(&item.at, new_text, old_text, new))
                    })
                }
                Role::Title | Role::Heading | Role::Body | Role::Signature => None,
            };
            Row { role, text, line, unit }
        })
        .collect()
}

/// The item each line of a change list belongs to, in the order
/// [`Amendment::change_lines`] prints them: an item's own line (`None`),
/// then its children's lines, or else its quoted lines (`Some(j)`, the j-th).
fn line_items<'a>(items: &'a [Item], out: &mut Vec<(&'a Item, Option<usize>)>) {
    for item in items {
        out.push((item, None));
        if item.children.is_empty() {
            out.extend((0..item.quote.len()).map(|j| (item, Some(j))));
        } else {
            line_items(&item.children, out);
        }
    }
}

/// The printed lines of the new text, found by their wording: an item
/// quotes a run of them ([`Item::quote`] holds their plain text).
struct Quoted {
    designations: Vec<Designation>,
    plain: Vec<String>,
    /// Where the first line of each item's quote stands in the text.
    starts: HashMap<String, Vec<usize>>,
}

impl Quoted {
    fn of(text: &Regulamin, items: &[(&Item, Option<usize>)]) -> Self {
        let lines = legal::lines(text);
        let plain: Vec<String> = lines.iter().map(legal::Line::plain).collect();
        let mut starts: HashMap<String, Vec<usize>> =
            items.iter().filter_map(|(item, _)| item.quote.first()).map(|q| (q.clone(), Vec::new())).collect();
        for (i, p) in plain.iter().enumerate() {
            if let Some(at) = starts.get_mut(p.as_str()) {
                at.push(i);
            }
        }
        Self { designations: lines.into_iter().map(|l| l.designation).collect(), plain, starts }
    }

    /// The designation of the `j`-th quoted line of `item`.
    fn designation(&self, item: &Item, j: usize) -> Option<&Designation> {
        let starts = self.starts.get(item.quote.first()?)?;
        let start = starts
            .iter()
            .find(|&&k| self.plain.get(k..k + item.quote.len()).is_some_and(|run| run.iter().eq(item.quote.iter())))?;
        self.designations.get(start + j)
    }
}

/// The unit of the piece at `d`: in the proposal, else in the version in
/// force (a piece the proposal repeals or drops), as long as the proposal
/// still has that unit; else the unit listed or given its tasks at `d`.
fn unit_at(d: &Designation, new_text: &Regulamin, old_text: &Regulamin, new: &Document) -> Option<UnitId> {
    let in_new = new_text.find(d).and_then(piece_unit);
    in_new.or_else(|| old_text.find(d).and_then(piece_unit)).filter(|id| new.unit(id).is_some()).or_else(|| {
        let owner = new.units.iter().find(|u| u.listed_at.as_ref() == Some(d) || u.tasks_at.as_ref() == Some(d));
        owner.map(|u| u.id.clone())
    })
}

/// The unit a piece comes from; for a level with no text of its own (§ 14,
/// whose ust. are the tasks of four units) the unit of its first piece.
fn piece_unit(piece: &Piece) -> Option<UnitId> {
    match &piece.source {
        Source::Implied => piece.children.iter().find_map(piece_unit),
        source => source.unit().cloned(),
    }
}

/// An ordinance being drafted on a background thread.
#[derive(Debug)]
struct Pending {
    key: Key,
    result: Receiver<Drafted>,
}

/// The panel's ordinance: the one shown and the one being drafted, at most
/// one at a time; when the document changes meanwhile, the newest version
/// is drafted once the running one is done.
#[derive(Debug, Default)]
pub struct Drafting {
    shown: Option<(Key, Drafted)>,
    pending: Option<Pending>,
}

impl Drafting {
    /// Starts drafting for `key` when neither the shown ordinance nor the
    /// one being drafted is for it; takes a finished one. Never waits.
    pub fn refresh(&mut self, old: &Document, new: &Document, key: Key) {
        self.poll();
        let shown = self.shown.as_ref().map(|(k, _)| *k);
        if shown == Some(key) || self.pending.is_some() {
            return;
        }
        let (sender, result) = mpsc::channel();
        let (old_doc, new_doc) = (old.clone(), new.clone());
        let spawned = std::thread::Builder::new().name("schemat-amend".into()).spawn(move || {
            // The panel may have been closed meanwhile: then nobody waits for the result.
            let _ = sender.send(Drafted::of(&old_doc, &new_doc));
        });
        match spawned {
            Ok(_) => self.pending = Some(Pending { key, result }),
            // No thread to be had: draft here rather than show nothing.
            Err(_) => self.shown = Some((key, Drafted::of(old, new))),
        }
    }

    /// Takes the background ordinance when it is done.
    fn poll(&mut self) {
        let Some(pending) = &self.pending else { return };
        let drafted = match pending.result.try_recv() {
            Ok(drafted) => drafted,
            Err(TryRecvError::Empty) => return,
            // The thread died without a result: a generator bug, reported as one, not retried every frame.
            Err(TryRecvError::Disconnected) => Drafted::stopped(),
        };
        let key = pending.key;
        self.pending = None;
        self.shown = Some((key, drafted));
    }

    /// True while an ordinance is drafted on a background thread (the shown one is older, or none).
    pub fn is_computing(&self) -> bool {
        self.pending.is_some()
    }

    /// Waits for the background ordinance, if one is drafted, and shows it (for tests).
    pub fn wait(&mut self) {
        if let Some(pending) = self.pending.take() {
            let drafted = pending.result.recv().unwrap_or_else(|_| Drafted::stopped());
            self.shown = Some((pending.key, drafted));
        }
    }

    /// The ordinance shown, if any (it may be for an earlier revision while one is drafted).
    pub fn shown(&self) -> Option<&Drafted> {
        self.shown.as_ref().map(|(_, d)| d)
    }

    /// The ordinance of `new` (at `key`) against `old`: the one shown when it
    /// is for `key`, else drafted now. A copy or a save must give the
    /// document as it is, not an ordinance still being replaced.
    pub fn ordinance(&self, old: &Document, new: &Document, key: Key) -> Result<Amendment, AmendError> {
        match &self.shown {
            Some((k, drafted)) if *k == key => drafted.result.clone(),
            _ => legal::amend(old, new, &style()),
        }
    }
}

/// The panel's view state: whether it is open, the file field and the line to scroll to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AmendmentView {
    pub open: bool,
    /// The file field, shown when the platform's dialog gave no file.
    pub save_field: Option<SaveField>,
    /// The § 1 line a clicked lint asked to be scrolled to.
    scroll_to: Option<usize>,
}

/// The file the ordinance is saved to, typed into the panel.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveField {
    pub file: OrdinanceFile,
    pub path: String,
}

/// What the panel asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum AmendmentAction {
    /// Open (true) or close (false) the panel.
    Show(bool),
    /// Put the plain text on the clipboard.
    Copy,
    /// Save as this kind of file, asking where.
    Save(OrdinanceFile),
    /// Save to the path typed into the panel's file field.
    SaveTo(OrdinanceFile, PathBuf),
    /// Close the file field.
    CancelSave,
}

impl SchematApp {
    /// The version the ordinance amends: compare mode's baseline, else the document as last opened or saved.
    pub fn version_in_force(&self) -> &Document {
        in_force(self.compare.as_ref(), &self.baseline)
    }

    /// The versions the panel's ordinance is for now.
    fn amendment_key(&self) -> Key {
        (self.revision, self.in_force_revision)
    }

    /// Drafts the ordinance for the current versions while the panel is open.
    pub(super) fn refresh_amendment(&mut self) {
        if self.view.amendment.open {
            let key = self.amendment_key();
            self.amendment.refresh(in_force(self.compare.as_ref(), &self.baseline), &self.doc, key);
        }
    }

    /// Applies one of the panel's actions.
    pub(super) fn amendment_action(&mut self, ctx: &egui::Context, action: AmendmentAction) {
        match action {
            AmendmentAction::Show(open) => self.view.amendment.open = open,
            AmendmentAction::Copy => {
                if let Ok(amendment) = self.current_ordinance() {
                    ctx.copy_text(amendment.to_text());
                    self.view.status = Some(self.text().amendment_copied().to_owned());
                }
            }
            AmendmentAction::Save(file) => {
                let name = format!("{}-projekt-zarzadzenia.{}", self.file_stem(), file.kind().extension());
                match self.dialogs.pick_save(file.kind(), &name) {
                    Some(path) => self.save_ordinance(file, &path),
                    // No dialog answered (or it was cancelled): the panel's file field instead.
                    None => {
                        let path = super::export::beside_document(self.path.as_deref(), &name);
                        self.view.amendment.save_field = Some(SaveField { file, path: path.display().to_string() });
                    }
                }
            }
            AmendmentAction::SaveTo(file, path) => self.save_ordinance(file, &path),
            AmendmentAction::CancelSave => self.view.amendment.save_field = None,
        }
    }

    fn current_ordinance(&self) -> Result<Amendment, AmendError> {
        self.amendment.ordinance(self.version_in_force(), &self.doc, self.amendment_key())
    }

    /// Writes the ordinance as `file` to `path`, atomically, as `schemat amend --format` writes it.
    fn save_ordinance(&mut self, file: OrdinanceFile, path: &std::path::Path) {
        let Ok(amendment) = self.current_ordinance() else { return };
        match docx::ordinance_bytes(&amendment, file.format()) {
            Ok(bytes) => {
                if self.write_export(path, &bytes) {
                    self.view.amendment.save_field = None;
                }
            }
            Err(err) => self.view.prompt = Some(Prompt::Error(self.text().export_failed(&err.to_string()))),
        }
    }
}

/// Compare mode's baseline when comparing, else `baseline`.
fn in_force<'a>(compare: Option<&'a Comparison>, baseline: &'a Document) -> &'a Document {
    compare.map_or(baseline, |c| &c.baseline)
}

/// The Widok menu's item that opens and closes the panel.
pub fn menu_item(ui: &mut egui::Ui, env: &Env, view: &AmendmentView, out: &mut Vec<Action>) {
    let mut open = view.open;
    if ui.checkbox(&mut open, env.t.amendment_title()).changed() {
        out.push(Action::Amendment(AmendmentAction::Show(open)));
    }
}

/// Indentation of one level of the change list, and the width of the line-number gutter.
const STEP: f32 = 22.0;
const GUTTER: f32 = 30.0;

/// The panel, while open: a window over the chart.
pub fn show(
    ctx: &egui::Context,
    env: &Env,
    view: &mut AmendmentView,
    drafting: &Drafting,
    baseline_file: Option<&str>,
    selected: Option<&UnitId>,
    out: &mut Vec<Action>,
) {
    if !view.open {
        return;
    }
    let mut open = true;
    egui::Window::new(env.t.amendment_title())
        .id(egui::Id::unique("amendment-panel"))
        .open(&mut open)
        .default_size([600.0, 700.0])
        .default_pos([326.0, 60.0])
        .resizable(true)
        .collapsible(false)
        .show(ctx, |ui| body(ui, env, view, drafting, baseline_file, selected, out));
    if !open {
        out.push(Action::Amendment(AmendmentAction::Show(false)));
    }
}

fn body(
    ui: &mut egui::Ui,
    env: &Env,
    view: &mut AmendmentView,
    drafting: &Drafting,
    baseline_file: Option<&str>,
    selected: Option<&UnitId>,
    out: &mut Vec<Action>,
) {
    let t = env.t;
    ui.weak(t.amendment_in_force(baseline_file));
    if drafting.is_computing() {
        // No spinner: it would repaint at the frame rate for as long as drafting takes.
        ui.label(egui::RichText::new(t.amendment_computing()).italics());
        // The background thread cannot wake the window: look again shortly.
        ui.ctx().request_repaint_after(std::time::Duration::from_millis(50));
    }
    let Some(drafted) = drafting.shown() else { return };
    match &drafted.result {
        Ok(amendment) => {
            toolbar(ui, env, view, out);
            lints(ui, env, view, amendment);
            ui.separator();
            text(ui, env, view, &drafted.rows, amendment, selected, out);
        }
        Err(AmendError::NoChange) => {
            ui.add_space(8.0);
            ui.label(egui::RichText::new(t.amendment_no_change()).strong());
        }
        Err(AmendError::NotExpressible(problems)) => {
            ui.add_space(8.0);
            ui.label(egui::RichText::new(t.amendment_not_expressible()).strong());
            for problem in problems {
                ui.label(format!("• {}", t.not_expressible(problem)));
            }
        }
        Err(AmendError::SelfCheck(detail)) => {
            ui.add_space(8.0);
            ui.colored_label(ui.visuals().error_fg_color, t.amendment_self_check());
            ui.weak(detail);
        }
    }
}

/// Kopiuj, Zapisz jako DOCX…, Zapisz jako TXT…, and the file field when no dialog answered.
fn toolbar(ui: &mut egui::Ui, env: &Env, view: &mut AmendmentView, out: &mut Vec<Action>) {
    let t = env.t;
    ui.horizontal(|ui| {
        if ui.button(t.amendment_copy()).clicked() {
            out.push(Action::Amendment(AmendmentAction::Copy));
        }
        for (file, label) in
            [(OrdinanceFile::Docx, t.amendment_save_docx()), (OrdinanceFile::Text, t.amendment_save_txt())]
        {
            if ui.button(label).clicked() {
                out.push(Action::Amendment(AmendmentAction::Save(file)));
            }
        }
    });
    let Some(field) = &mut view.save_field else { return };
    ui.horizontal(|ui| {
        let label = ui.label(t.export_file);
        ui.add(egui::TextEdit::singleline(&mut field.path).desired_width(380.0)).labelled_by(label.id);
        if ui.button(t.amendment_save()).clicked() {
            let path = field.path.trim();
            if !path.is_empty() {
                out.push(Action::Amendment(AmendmentAction::SaveTo(field.file, PathBuf::from(path))));
            }
        }
        if ui.button(t.prompt_cancel).clicked() {
            out.push(Action::Amendment(AmendmentAction::CancelSave));
        }
    });
    ui.colored_label(ui.visuals().warn_fg_color, t.export_no_dialog);
}

/// The lints, each with its line of § 1; a click scrolls to that line.
fn lints(ui: &mut egui::Ui, env: &Env, view: &mut AmendmentView, amendment: &Amendment) {
    let t = env.t;
    if amendment.lints.is_empty() {
        ui.weak(t.amendment_no_lints());
        return;
    }
    ui.label(egui::RichText::new(t.amendment_lints(amendment.lints.len())).strong());
    for lint in &amendment.lints {
        let text = t.lint(lint);
        let warn = egui::RichText::new(text).color(ui.visuals().warn_fg_color);
        let sense = if lint.line > 0 { egui::Sense::click() } else { egui::Sense::hover() };
        let response = ui.add(egui::Label::new(warn).wrap().selectable(false).sense(sense));
        if lint.line > 0 && response.on_hover_cursor(egui::CursorIcon::PointingHand).clicked() {
            view.scroll_to = Some(lint.line);
        }
    }
}

/// The ordinance, one row per printed line, indented as in the ordinance.
fn text(
    ui: &mut egui::Ui,
    env: &Env,
    view: &mut AmendmentView,
    rows: &[Row],
    amendment: &Amendment,
    selected: Option<&UnitId>,
    out: &mut Vec<Action>,
) {
    let linted: Vec<usize> = amendment.lints.iter().map(|l| l.line).collect();
    // The department (the root) is in every part of the text: selecting it marks no row.
    let selected = selected.filter(|id| env.doc.unit(id).is_some_and(|u| u.parent.is_some()));
    let scroll_to = view.scroll_to.take();
    egui::ScrollArea::vertical().id_salt("amendment-text").auto_shrink([false, false]).show(ui, |ui| {
        for row in rows {
            match row.role {
                Role::Title => {
                    ui.vertical_centered(|ui| ui.strong(&row.text));
                }
                Role::Heading => {
                    ui.add_space(8.0);
                    ui.vertical_centered(|ui| ui.strong(&row.text));
                    ui.add_space(2.0);
                }
                Role::Signature => {
                    ui.add_space(12.0);
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::TOP), |ui| ui.strong(&row.text));
                }
                Role::Body | Role::Item(_) | Role::Quote(..) => {
                    let indent = match row.role {
                        Role::Item(depth) => STEP * depth.saturating_sub(1) as f32,
                        Role::Quote(depth, inner) => STEP * (depth + inner) as f32,
                        _ => 0.0,
                    };
                    ui.horizontal_top(|ui| {
                        line_number(ui, row.line, &linted);
                        ui.add_space(indent);
                        let mut rich = egui::RichText::new(&row.text);
                        if row.unit.is_some() && row.unit.as_ref() == selected {
                            rich = rich.background_color(ui.visuals().selection.bg_fill.gamma_multiply(0.4));
                        }
                        let sense = if row.unit.is_some() { egui::Sense::click() } else { egui::Sense::hover() };
                        let response = ui.add(egui::Label::new(rich).wrap().selectable(false).sense(sense));
                        if scroll_to.is_some() && scroll_to == row.line {
                            ui.scroll_to_rect_animation(
                                response.rect,
                                Some(egui::Align::Center),
                                egui::style::ScrollAnimation::none(),
                            );
                        }
                        if let Some(unit) = &row.unit
                            && response.on_hover_cursor(egui::CursorIcon::PointingHand).clicked()
                        {
                            out.push(Action::Select(unit.clone()));
                        }
                    });
                }
            }
        }
        ui.add_space(12.0);
    });
}

/// The § 1 line number in the gutter, in the warning colour where a lint points.
fn line_number(ui: &mut egui::Ui, line: Option<usize>, linted: &[usize]) {
    let size = egui::vec2(GUTTER, ui.spacing().interact_size.y * 0.8);
    let Some(line) = line else {
        ui.allocate_space(size);
        return;
    };
    let mut number = egui::RichText::new(line.to_string()).small();
    number = if linted.contains(&line) { number.color(ui.visuals().warn_fg_color) } else { number.weak() };
    ui.add_sized(size, egui::Label::new(number).selectable(false));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::{DOA_2021, DOA_2022};

    #[test]
    fn every_line_of_the_change_list_has_its_item_and_its_number() {
        let (old, new) = (DOA_2021.load().unwrap(), DOA_2022.load().unwrap());
        let drafted = Drafted::of(&old, &new);
        let amendment = drafted.result.as_ref().unwrap();
        let mut items = Vec::new();
        line_items(&amendment.items, &mut items);
        assert_eq!(items.len(), amendment.change_lines().len());
        assert_eq!(drafted.rows.len(), amendment.document_lines().len());
        let section1 = amendment.section1();
        let numbered: Vec<(usize, &str)> =
            drafted.rows.iter().filter_map(|r| r.line.map(|l| (l, r.text.as_str()))).collect();
        assert_eq!(numbered.len(), section1.len());
        for (line, text) in numbered {
            assert_eq!(section1[line - 1], text, "line {line} of § 1");
        }
        // The lint about "§13-16" points at the line that has it.
        let lint = amendment.lints.iter().find(|l| l.line > 0).unwrap();
        assert!(section1[lint.line - 1].contains("§13-16"), "{}", section1[lint.line - 1]);
    }

    #[test]
    fn items_select_the_unit_of_their_first_piece_and_the_frame_nothing() {
        let (old, new) = (DOA_2021.load().unwrap(), DOA_2022.load().unwrap());
        let drafted = Drafted::of(&old, &new);
        let unit_of = |text: &str| {
            let row = drafted.rows.iter().find(|r| r.text == text).unwrap_or_else(|| panic!("no row {text}"));
            row.unit.as_ref().and_then(|id| new.unit(id)).map(|u| u.symbol.clone())
        };
        assert_eq!(unit_of("a) w ust. 1 pkt 2 otrzymuje brzmienie:").as_deref(), Some("IT-TB"));
        assert_eq!(unit_of("7) w § 19 uchyla się pkt 3;").as_deref(), Some("IT-ZI"));
        // A quoted line selects its own unit: the position it lists.
        assert_eq!(
            unit_of("b) stanowisko pracy inżynier bezpieczeństwa systemów (IT-TB-I),").as_deref(),
            Some("IT-TB-I")
        );
        assert_eq!(
            unit_of("„2) referat ds. technologii bezpieczeństwa (IT-TB), w skład którego wchodzi:").as_deref(),
            Some("IT-TB")
        );
        // § 70 has no text of its own: its first ust., the referat's tasks.
        assert_eq!(unit_of("13) § 70 otrzymuje brzmienie:").as_deref(), Some("OM-IU"));
        assert_eq!(unit_of("§ 1"), None);
        assert_eq!(unit_of("Prezydent Miasta Lublin"), None);
        let frame = drafted.rows.iter().filter(|r| matches!(r.role, Role::Title | Role::Body | Role::Heading));
        assert!(frame.clone().count() > 4);
        assert!(frame.clone().all(|r| r.unit.is_none()));
    }

    #[test]
    fn a_background_ordinance_is_shown_once_done_and_stays_until_the_next() {
        let (old, new) = (DOA_2021.load().unwrap(), DOA_2022.load().unwrap());
        let mut drafting = Drafting::default();
        drafting.refresh(&old, &new, (1, 0));
        assert!(drafting.is_computing());
        assert!(drafting.shown().is_none());
        drafting.wait();
        assert!(!drafting.is_computing());
        assert!(drafting.shown().unwrap().result.is_ok());
        // The same versions: nothing is drafted again.
        drafting.refresh(&old, &new, (1, 0));
        assert!(!drafting.is_computing());
        // Other versions: the old ordinance stays shown while the new one is drafted.
        drafting.refresh(&new, &new, (1, 1));
        assert!(drafting.is_computing());
        assert!(drafting.shown().unwrap().result.is_ok());
        assert_eq!(drafting.ordinance(&new, &new, (1, 1)), Err(AmendError::NoChange), "drafted now when asked");
        drafting.wait();
        assert_eq!(drafting.shown().unwrap().result, Err(AmendError::NoChange));
    }
}
