//! Compare mode: the document being edited (the proposal) against a baseline
//! (another file, or the document's own file as last saved).
//!
//! [`Comparison`] holds the baseline and the cached [`Diff`], recomputed only
//! when the document's revision changes, so the comparison survives edits and
//! follows them live. The diff never holds up a frame: it is first tried on
//! the UI thread with a small budget of word-diff work ([`INLINE_WORD_WORK`],
//! a few milliseconds; the same diff the command line computes whenever it
//! fits), and when it does not fit (a hostile or a huge document) it is
//! computed on a background thread while the panel says so and the last
//! diff stays on screen. [`ReviewAction`]s start and stop the comparison,
//! show a change, and export the highlighted chart and the change report;
//! they are applied here, next to the state they change.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::diff::{self, Diff};
use crate::i18n::io::message as io_message;
use crate::i18n::{self, Lang};
use crate::io;
use crate::model::{Document, UnitId};
use crate::render::Mark;
use crate::render::png::{self, PngOptions};
use crate::render::svg;

use super::command::Action;
use super::files::{FileKind, display_name};
use super::view::Prompt;
use super::{Env, SchematApp};

/// The word-diff work a diff may take on the UI thread (see `diff::words`):
/// a few milliseconds; every real department fits.
pub const INLINE_WORD_WORK: u64 = 200_000;

/// Documents with more units than this together are diffed off the UI thread
/// straight away: matching them alone takes about a frame.
pub const INLINE_MAX_UNITS: usize = 4_000;

/// The baseline of the comparison and the diff of the document against it.
#[derive(Debug)]
pub struct Comparison {
    /// The version the proposal is compared with (the "old" side of the diff).
    pub baseline: Document,
    /// The file the baseline was read from.
    pub baseline_path: PathBuf,
    /// The document's revision the shown diff was computed for (`None` before the first one).
    revision: Option<u64>,
    pub diff: Diff,
    /// The proposal with its removed units put back as ghosts (for the chart).
    pub merged: Document,
    /// The chart's marks of the merged document's units, by id.
    pub marks: HashMap<UnitId, Mark>,
    /// The changes panel's line of each change, in `rows_lang`.
    pub rows: Vec<String>,
    rows_lang: Lang,
    /// Tells this diff from every other one computed in this process.
    generation: u64,
    /// A diff being computed on a background thread, at most one at a time.
    pending: Option<Pending>,
    /// The revision the user is at, when newer than both the shown and the pending diff.
    wanted: Option<u64>,
}

/// A diff running off the UI thread.
#[derive(Debug)]
struct Pending {
    revision: u64,
    result: Receiver<Computed>,
}

/// Everything a diff gives the view, computed together (on either thread).
#[derive(Debug)]
struct Computed {
    diff: Diff,
    merged: Document,
    marks: HashMap<UnitId, Mark>,
    rows: Vec<String>,
    lang: Lang,
}

impl Computed {
    fn of(diff: Diff, baseline: &Document, doc: &Document, lang: Lang) -> Self {
        let merged = diff.merged_document(baseline, doc);
        let marks = diff::chart::marks(&diff);
        let rows = super::changes::row_texts(&diff, lang);
        Self { diff, merged, marks, rows, lang }
    }
}

/// Counts the diffs computed, so that each has a [`Comparison::chart_revision`] of its own.
static GENERATIONS: AtomicU64 = AtomicU64::new(0);

static NO_MARKS: LazyLock<HashMap<UnitId, Mark>> = LazyLock::new(HashMap::new);

impl Comparison {
    /// Compares `doc` (at `revision`) with `baseline`, read from `baseline_path`.
    /// Returns at once: a diff too large for a frame is left computing
    /// ([`Comparison::is_computing`]), with no changes shown meanwhile.
    pub fn new(baseline: Document, baseline_path: PathBuf, doc: &Document, revision: u64, lang: Lang) -> Self {
        let mut comparison = Self {
            baseline,
            baseline_path,
            revision: None,
            diff: Diff::default(),
            merged: doc.clone(),
            marks: HashMap::new(),
            rows: Vec::new(),
            rows_lang: lang,
            generation: GENERATIONS.fetch_add(1, Ordering::Relaxed),
            pending: None,
            wanted: None,
        };
        comparison.start(doc, revision, lang);
        comparison
    }

    /// Computes the diff for `revision` on this thread when it fits a frame,
    /// else starts it on a background thread (or, while one runs, remembers
    /// the revision for when it is done).
    fn start(&mut self, doc: &Document, revision: u64, lang: Lang) {
        if self.pending.is_some() {
            self.wanted = Some(revision);
            return;
        }
        self.wanted = None;
        let units = self.baseline.units.len() + doc.units.len();
        if units <= INLINE_MAX_UNITS
            && let Some(diff) = diff::diff_within(&self.baseline, doc, INLINE_WORD_WORK)
        {
            let computed = Computed::of(diff, &self.baseline, doc, lang);
            self.show(computed, revision);
            return;
        }
        let (sender, result) = mpsc::channel();
        let (old, new) = (self.baseline.clone(), doc.clone());
        let spawned = std::thread::Builder::new().name("schemat-diff".into()).spawn(move || {
            let diff = diff::diff(&old, &new);
            // The comparison may have been closed meanwhile: then nobody waits for the result.
            let _ = sender.send(Computed::of(diff, &old, &new, lang));
        });
        match spawned {
            Ok(_) => self.pending = Some(Pending { revision, result }),
            // No thread to be had: compute here rather than show nothing.
            Err(_) => {
                let computed = Computed::of(diff::diff(&self.baseline, doc), &self.baseline, doc, lang);
                self.show(computed, revision);
            }
        }
    }

    /// Puts a computed diff on screen.
    fn show(&mut self, computed: Computed, revision: u64) {
        let Computed { diff, merged, marks, rows, lang } = computed;
        (self.diff, self.merged, self.marks, self.rows, self.rows_lang) = (diff, merged, marks, rows, lang);
        self.revision = Some(revision);
        self.generation = GENERATIONS.fetch_add(1, Ordering::Relaxed);
    }

    /// Takes the background diff when it is done; true when it was.
    fn poll(&mut self) -> bool {
        let Some(pending) = &self.pending else { return false };
        match pending.result.try_recv() {
            Ok(computed) => {
                let revision = pending.revision;
                self.pending = None;
                self.show(computed, revision);
                true
            }
            Err(TryRecvError::Empty) => false,
            // The thread died without a result (it cannot, short of a bug): try again.
            Err(TryRecvError::Disconnected) => {
                let revision = pending.revision;
                self.pending = None;
                self.wanted = self.wanted.or(Some(revision));
                false
            }
        }
    }

    /// Recomputes the diff when the document changed since the last call,
    /// and the panel's lines when the language changed; takes a background
    /// diff that is done. Never waits for one.
    pub fn refresh(&mut self, doc: &Document, revision: u64, lang: Lang) {
        self.poll();
        let pending = self.pending.as_ref().map(|p| p.revision);
        if self.revision != Some(revision) && pending != Some(revision) {
            self.start(doc, revision, lang);
        } else if let Some(wanted) = self.wanted
            && self.pending.is_none()
            && wanted == revision
        {
            self.start(doc, revision, lang);
        }
        if lang != self.rows_lang {
            self.rows = super::changes::row_texts(&self.diff, lang);
            self.rows_lang = lang;
        }
    }

    /// True while a diff is computed on a background thread (the shown one is older, or empty).
    pub fn is_computing(&self) -> bool {
        self.pending.is_some()
    }

    /// Waits for the background diff, if one runs, and shows it (for tests
    /// and for an export that needs the current diff).
    pub fn wait(&mut self) {
        if let Some(pending) = self.pending.take() {
            match pending.result.recv() {
                Ok(computed) => self.show(computed, pending.revision),
                Err(_) => self.wanted = self.wanted.or(Some(pending.revision)),
            }
        }
    }

    /// The diff of `doc` (at `revision`) against the baseline: the one shown
    /// when it is for that revision, else computed now. An export must
    /// describe the document as it is, not a diff still being replaced.
    pub fn current_diff(&self, doc: &Document, revision: u64) -> std::borrow::Cow<'_, Diff> {
        if self.revision == Some(revision) {
            std::borrow::Cow::Borrowed(&self.diff)
        } else {
            std::borrow::Cow::Owned(diff::diff(&self.baseline, doc))
        }
    }

    /// The revision of the merged document, for the chart's cache: a number
    /// the document's own revisions (counting up from 0) never reach, new for
    /// every diff computed, so the chart is redrawn when comparison starts,
    /// stops or follows an edit.
    pub fn chart_revision(&self) -> u64 {
        u64::MAX - self.generation
    }

    /// The baseline's file name, as the panel and the report name it.
    pub fn baseline_name(&self) -> String {
        display_name(Some(&self.baseline_path), "")
    }

    /// The unit a change concerns, by the id the chart and the tree know it by
    /// (the new version's id; the old one for a removed unit).
    pub fn unit_of_change(&self, change: usize) -> Option<UnitId> {
        let entry = &self.diff.units[self.diff.changes.get(change)?.unit?];
        entry.new.as_ref().or(entry.old.as_ref()).map(|side| side.id.clone())
    }

    /// The diff entry of a unit by its id: in the proposal, or a removed unit's old id.
    pub fn entry_of(&self, id: &UnitId) -> Option<&diff::UnitEntry> {
        let index = self.diff.entry_index_by_new_id(id).or_else(|| {
            self.diff.entry_index_by_old_id(id).filter(|&e| self.diff.units[e].status == diff::Status::Removed)
        })?;
        self.diff.units.get(index)
    }
}

/// What the compare mode's menu items and panel ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum ReviewAction {
    /// Compare with a file picked in the open dialog.
    PickBaseline,
    /// Compare with this file.
    CompareWith(PathBuf),
    /// Compare with the document's own file on disk (its last saved version).
    CompareWithSaved,
    Stop,
    /// Select the unit of the `n`-th change and centre the chart on it.
    ShowChange(usize),
    /// Write the change report as Markdown (asks where).
    ExportReport,
    /// Write the highlighted chart, with the legend, as PNG or SVG (asks where).
    ExportChart(FileKind),
}

impl SchematApp {
    /// Applies one compare-mode action.
    pub(super) fn review(&mut self, action: ReviewAction) {
        match action {
            ReviewAction::PickBaseline => {
                if let Some(path) = self.dialogs.pick_open() {
                    self.compare_with(path);
                }
            }
            ReviewAction::CompareWith(path) => self.compare_with(path),
            ReviewAction::CompareWithSaved => match self.path.clone() {
                Some(path) => self.compare_with(path),
                None => self.view.status = Some(i18n::review::text(self.lang()).compare_with_saved_hint.to_owned()),
            },
            ReviewAction::Stop => {
                self.compare = None;
                self.chart.fit_pending = true;
            }
            ReviewAction::ShowChange(change) => {
                let Some(comparison) = &self.compare else { return };
                let Some(id) = comparison.unit_of_change(change) else { return };
                // The chart shows the merged document (ghosts included).
                if let Some(index) = comparison.merged.index_of(&id) {
                    self.chart.centre_on(index);
                }
                self.view.selected = Some(id);
                self.view.reveal_selected = true;
            }
            ReviewAction::ExportReport => self.export_report(),
            ReviewAction::ExportChart(kind) => self.export_chart(kind),
        }
    }

    /// Reads the baseline from `path` and turns compare mode on; a file that
    /// cannot be read is reported and changes nothing.
    fn compare_with(&mut self, path: PathBuf) {
        match io::load(&path) {
            Ok(baseline) => {
                self.compare = Some(Comparison::new(baseline, path, &self.doc, self.revision, self.lang()));
                // The chart gains the ghosts and the panel takes room: show it whole.
                self.chart.fit_pending = true;
            }
            Err(err) => {
                self.view.prompt = Some(Prompt::Error(self.text().load_failed(&io_message(self.lang(), &err))));
            }
        }
    }

    fn export_report(&mut self) {
        let Some(comparison) = &self.compare else { return };
        let new_name = display_name(self.path.as_deref(), self.text().untitled);
        let suggested = format!("{}-zmiany.md", self.file_stem());
        let Some(path) = self.dialogs.pick_save(FileKind::Markdown, &suggested) else { return };
        let diff = comparison.current_diff(&self.doc, self.revision);
        let report = diff::report::markdown(&diff, self.lang(), &comparison.baseline_name(), &new_name);
        self.write_export(&path, report.as_bytes());
    }

    /// The chart the diff report would draw (`schemat diff --png/--svg`):
    /// the proposal with the marks, the ghosts, the title block and both legends.
    fn export_chart(&mut self, kind: FileKind) {
        let Some(comparison) = &self.compare else { return };
        let suggested = format!("{}-zmiany.{}", self.file_stem(), kind.extension());
        let Some(path) = self.dialogs.pick_save(kind, &suggested) else { return };
        // The diff of the document as it is: the one on screen may still be for an earlier edit.
        let diff = comparison.current_diff(&self.doc, self.revision);
        let scene = diff::chart::review_scene(&diff, &comparison.baseline, &self.doc, self.lang());
        let bytes = match kind {
            FileKind::Png => match png::to_png(&scene, &PngOptions::default()) {
                Ok(bytes) => bytes,
                Err(err) => {
                    self.view.prompt = Some(Prompt::Error(self.text().export_failed(&err.to_string())));
                    return;
                }
            },
            FileKind::Svg => svg::to_svg(&scene).into_bytes(),
            FileKind::Ron | FileKind::Pdf | FileKind::Markdown | FileKind::Docx | FileKind::Text => return,
        };
        self.write_export(&path, &bytes);
    }

    /// Writes an exported file atomically and says where, or why it failed; true when written.
    pub(super) fn write_export(&mut self, path: &Path, bytes: &[u8]) -> bool {
        match io::write_atomic(path, bytes) {
            Ok(()) => {
                self.view.status = Some(self.text().exported(&path.display().to_string()));
                true
            }
            Err(err) => {
                self.view.prompt = Some(Prompt::Error(self.text().save_failed(&io_message(self.lang(), &err))));
                false
            }
        }
    }
}

/// The compare items of the Plik menu: pick a baseline, the last saved
/// version, and (while comparing) turn comparison off.
pub fn file_menu_items(ui: &mut egui::Ui, env: &Env, out: &mut Vec<Action>) {
    let t = i18n::review::text(env.settings.lang);
    for (label, action) in
        [(t.compare_with, ReviewAction::PickBaseline), (t.compare_with_saved, ReviewAction::CompareWithSaved)]
    {
        if ui.button(label).clicked() {
            out.push(Action::Review(action));
        }
    }
    if ui.add_enabled(env.compare.is_some(), egui::Button::new(t.compare_off)).clicked() {
        out.push(Action::Review(ReviewAction::Stop));
    }
}

/// The compare items of the Eksport menu, while comparing: the highlighted
/// chart and the change report.
pub fn export_menu_items(ui: &mut egui::Ui, env: &Env, out: &mut Vec<Action>) {
    if env.compare.is_none() {
        return;
    }
    let t = i18n::review::text(env.settings.lang);
    ui.separator();
    for (label, action) in [
        (t.export_chart_png, ReviewAction::ExportChart(FileKind::Png)),
        (t.export_chart_svg, ReviewAction::ExportChart(FileKind::Svg)),
        (t.export_report, ReviewAction::ExportReport),
    ] {
        if ui.button(label).clicked() {
            out.push(Action::Review(action));
        }
    }
}

/// What the chart canvas shows: the document, or while comparing the merged
/// document (the proposal with removed units as ghosts) under its own revision.
pub fn chart_env<'a>(env: &Env<'a>) -> Env<'a> {
    match env.compare {
        Some(c) => Env { doc: &c.merged, revision: c.chart_revision(), file_name: env.file_name.clone(), ..*env },
        None => Env { file_name: env.file_name.clone(), ..*env },
    }
}

/// The review marks the chart draws (none when not comparing).
pub fn marks<'a>(env: &Env<'a>) -> &'a HashMap<UnitId, Mark> {
    env.compare.map_or(&NO_MARKS, |c| &c.marks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::{DOA_2021, DOA_2022};

    #[test]
    fn the_diff_is_recomputed_only_for_a_new_revision() {
        let (old, new) = (DOA_2021.load().unwrap(), DOA_2022.load().unwrap());
        let mut comparison = Comparison::new(old.clone(), PathBuf::from("doa-2021.ron"), &new, 3, Lang::Pl);
        let changes = comparison.diff.changes.len();
        let first_chart = comparison.chart_revision();
        // The same revision: the cached diff stands, even for another document.
        comparison.refresh(&old, 3, Lang::Pl);
        assert_eq!(comparison.diff.changes.len(), changes);
        assert_eq!(comparison.chart_revision(), first_chart);
        let polish = comparison.rows.clone();
        comparison.refresh(&new, 3, Lang::En);
        assert_eq!(comparison.rows.len(), polish.len());
        assert_ne!(comparison.rows, polish);
        assert_eq!(comparison.chart_revision(), first_chart);
        comparison.refresh(&old, 4, Lang::En);
        assert!(comparison.diff.is_empty());
        assert!(comparison.rows.is_empty());
        assert!(comparison.marks.is_empty());
        assert_ne!(comparison.chart_revision(), first_chart);
        assert_eq!(comparison.baseline, old);
        assert_eq!(comparison.baseline_name(), "doa-2021.ron");
    }

    #[test]
    fn removed_units_are_in_the_merged_document_and_marked() {
        let (old, new) = (DOA_2021.load().unwrap(), DOA_2022.load().unwrap());
        let comparison = Comparison::new(old, PathBuf::from("doa-2021.ron"), &new, 0, Lang::Pl);
        let removed: Vec<&UnitId> =
            comparison.marks.iter().filter(|(_, m)| **m == Mark::Removed).map(|(id, _)| id).collect();
        assert!(!removed.is_empty());
        for id in removed {
            assert!(new.unit(id).is_none());
            assert!(comparison.merged.unit(id).is_some(), "{id} is drawn as a ghost");
            assert_eq!(comparison.entry_of(id).map(|e| e.status), Some(diff::Status::Removed));
        }
    }
}
