//! The "Regulamin" view beside the chart: the whole text with its
//! designations, as [`crate::legal`] derives and lays it out (this module
//! draws its lines and renders nothing of its own), live as the draft is
//! edited. Repealed pieces read "(uchylony)", wording not known to the file is
//! greyed, a click on a piece selects its unit, and the provisions that
//! belong to no unit are edited here, each change one [`Edit::SetProvisions`].
//!
//! Also the legal layer's view state ([`LegalView`]) and actions
//! ([`LegalAction`]): which central view is shown and the document
//! properties dialog ([`super::properties`]).

use crate::legal::{self, LineKind, Regulamin, Source};
use std::collections::HashMap;

use crate::model::{Designation, Document, Edit, PieceState, Provision, UnitId};

use super::Env;
use super::command::Action;
use super::properties::PropertiesDialog;

/// Transient view state of the legal layer.
#[derive(Debug, Clone, Default)]
pub struct LegalView {
    /// The central panel shows the Regulamin instead of the chart.
    pub regulamin: bool,
    /// The document properties dialog, while it is open.
    pub properties: Option<PropertiesDialog>,
    /// The derived text and the revision it was derived at.
    cache: Option<(u64, Regulamin)>,
    /// The unit whose first piece was last scrolled into view: a selection
    /// made elsewhere (tree, chart) brings its piece into view once.
    revealed: Option<crate::model::UnitId>,
    /// The provision being edited (double click on it), and whether its field
    /// opened this frame; editing ends when the field loses focus.
    editing: Option<(Designation, bool)>,
    /// The piece a row elsewhere (the import report) asked for: marked, and
    /// scrolled into view once (while the flag is set).
    shown: Option<(Designation, bool)>,
}

impl LegalView {
    /// The text of the document at `revision`, derived once per revision.
    fn text(&mut self, doc: &Document, revision: u64) -> &Regulamin {
        if self.cache.as_ref().is_none_or(|(r, _)| *r != revision) {
            self.cache = Some((revision, legal::derive(doc)));
        }
        match &mut self.cache {
            Some((_, text)) => text,
            // Invariant: filled just above.
            None => unreachable!("the Regulamin cache was filled above"),
        }
    }
}

/// Requests of the legal layer's panels.
#[derive(Debug, Clone, PartialEq)]
pub enum LegalAction {
    /// Show the Regulamin (true) or the chart (false) in the central panel.
    ShowRegulamin(bool),
    OpenProperties,
    CloseProperties,
    /// Show the Regulamin with this piece marked and in view.
    Show(Designation),
}

impl super::SchematApp {
    pub(super) fn legal(&mut self, action: LegalAction) {
        match action {
            LegalAction::ShowRegulamin(on) => self.view.legal.regulamin = on,
            LegalAction::Show(at) => {
                self.view.legal.regulamin = true;
                self.view.legal.shown = Some((at, true));
            }
            LegalAction::OpenProperties => {
                let dialog = self.view.legal.properties.take().unwrap_or_default();
                self.view.legal.properties = Some(dialog.reopen());
            }
            // Closing keeps what was typed in the date fields, valid or not.
            LegalAction::CloseProperties => {
                if let Some(dialog) = &mut self.view.legal.properties {
                    dialog.open = false;
                }
            }
        }
    }
}

/// The "Schemat | Regulamin" switch at the top of the central panel; true
/// when the Regulamin is shown.
pub fn tabs(ui: &mut egui::Ui, env: &Env, view: &LegalView, out: &mut Vec<Action>) -> bool {
    ui.horizontal(|ui| {
        ui.add_space(6.0);
        for (on, text) in [(false, env.t.view_chart()), (true, env.t.view_regulamin())] {
            if ui.selectable_label(view.regulamin == on, text).clicked() && view.regulamin != on {
                out.push(Action::Legal(LegalAction::ShowRegulamin(on)));
            }
        }
    });
    view.regulamin
}

/// The whole text, one line per piece.
pub fn show(
    ui: &mut egui::Ui,
    env: &Env,
    view: &mut LegalView,
    selected: Option<&crate::model::UnitId>,
    out: &mut Vec<Action>,
) {
    let t = env.t;
    // The department (the root) is the whole text: selecting it scrolls nowhere.
    let reveal = selected
        .filter(|id| view.revealed.as_ref() != Some(*id))
        .filter(|id| env.doc.unit(id).is_some_and(|u| u.parent.is_some()))
        .cloned();
    let mut editing = view.editing.clone();
    view.revealed = selected.cloned();
    let mut shown_piece = view.shown.take();
    let text = view.text(env.doc, env.revision);
    let lines = legal::lines(text);
    let mut revealing = reveal.is_some();
    let mut clicked = None;
    // A provision may stand where a unit is listed or has its tasks (its lead
    // sentence): a click on it selects that unit.
    let owners: HashMap<&Designation, &UnitId> =
        env.doc.units.iter().flat_map(|u| u.listed_at.iter().chain(&u.tasks_at).map(move |d| (d, &u.id))).collect();
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.add_space(8.0);
        ui.vertical_centered(|ui| ui.heading(&text.title));
        ui.vertical_centered(|ui| ui.weak(t.regulamin_hint()));
        ui.add_space(8.0);
        let indent = 28.0;
        for line in &lines {
            if line.kind == LineKind::Heading
                && let Some(chapter) = text.chapter_before(&line.designation)
            {
                ui.add_space(14.0);
                ui.vertical_centered(|ui| ui.strong(&chapter.heading));
                if !chapter.title.is_empty() {
                    ui.vertical_centered(|ui| ui.strong(&chapter.title));
                }
            }
            if line.kind == LineKind::Heading {
                ui.add_space(10.0);
                let heading = line.plain();
                ui.vertical_centered(|ui| ui.strong(heading));
                continue;
            }
            ui.horizontal(|ui| {
                ui.add_space(8.0 + indent * line.depth as f32);
                let provision = (*line.source == Source::Provision)
                    .then(|| env.doc.provisions.iter().find(|p| p.at == line.designation))
                    .flatten();
                if let Some(provision) = provision
                    && let Some((_, fresh)) = editing.as_mut().filter(|(d, _)| *d == line.designation)
                {
                    let open = provision_field(ui, env, provision, &line.marker, line.ending, *fresh, out);
                    *fresh = false;
                    if !open {
                        editing = None;
                    }
                    return;
                }
                let mut rich = egui::RichText::new(line.plain());
                match line.state {
                    PieceState::Unknown => rich = rich.weak(),
                    PieceState::Repealed => rich = rich.italics(),
                    PieceState::Text => {}
                }
                let unit = line.source.unit().or_else(|| owners.get(&line.designation).copied());
                let shown = shown_piece.as_ref().is_some_and(|(d, _)| *d == line.designation);
                if unit.is_some() && unit == selected || shown {
                    rich = rich.background_color(ui.visuals().selection.bg_fill.gamma_multiply(0.4));
                }
                let sense =
                    if unit.is_some() || provision.is_some() { egui::Sense::click() } else { egui::Sense::hover() };
                // Not selectable text: a click is for selecting the unit or opening the provision.
                let mut response = ui.add(egui::Label::new(rich).wrap().selectable(false).sense(sense));
                if provision.is_some() {
                    response = response.on_hover_text(t.provision_edit_hint());
                    // A provision of its own opens on a click; one that lists a
                    // unit (its lead sentence) selects the unit on a click and
                    // opens on a click once the unit is selected, or from its context menu.
                    let mut open = response.clicked() && (unit.is_none() || unit == selected);
                    response.context_menu(|ui| {
                        if ui.button(t.provision_edit()).clicked() {
                            open = true;
                            ui.close();
                        }
                    });
                    if open {
                        editing = Some((line.designation.clone(), true));
                    }
                }
                if let Some((_, scroll @ true)) = shown_piece.as_mut().filter(|_| shown) {
                    ui.scroll_to_rect_animation(
                        response.rect,
                        Some(egui::Align::Center),
                        egui::style::ScrollAnimation::none(),
                    );
                    *scroll = false;
                }
                if revealing && unit == reveal.as_ref() {
                    // At once: the clerk asked for this piece, there is nothing to animate towards.
                    let none = egui::style::ScrollAnimation::none();
                    ui.scroll_to_rect_animation(response.rect, Some(egui::Align::Center), none);
                    revealing = false;
                }
                if let Some(unit) = unit {
                    let response = response.on_hover_cursor(egui::CursorIcon::PointingHand);
                    if response.clicked() {
                        // Selected from here: already in view, so no scrolling to its first piece.
                        clicked = Some(unit.clone());
                        out.push(Action::Select(unit.clone()));
                    }
                }
            });
        }
        ui.add_space(16.0);
    });
    if clicked.is_some() {
        view.revealed = clicked;
    }
    view.editing = editing;
    view.shown = shown_piece;
}

/// A provision that belongs to no unit, being edited: its marker and its
/// wording as a field. False once the field has lost focus (editing ends).
fn provision_field(
    ui: &mut egui::Ui,
    env: &Env,
    provision: &Provision,
    marker: &str,
    ending: &str,
    fresh: bool,
    out: &mut Vec<Action>,
) -> bool {
    let t = env.t;
    let name = t.provision_label(&provision.at.to_string());
    let label = ui.label(marker);
    // The accessible name says which provision it is ("Przepis § 3 ust. 1"), not just "1.".
    label.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
    let mut text = provision.text.clone();
    let hint = if provision.unknown { t.unknown_wording } else { "" };
    let width = (ui.available_width() - 24.0).max(120.0);
    let response = ui
        .add(egui::TextEdit::multiline(&mut text).desired_rows(1).desired_width(width).hint_text(hint))
        .labelled_by(label.id)
        .on_hover_text(&name);
    // Focused when it opens (the double click), so typing goes here at once.
    if fresh {
        response.request_focus();
    }
    ui.label(ending);
    if text != provision.text {
        let provisions = env
            .doc
            .provisions
            .iter()
            .map(|p| {
                if p.at == provision.at {
                    Provision { at: p.at.clone(), unknown: p.unknown && text.is_empty(), text: text.clone() }
                } else {
                    p.clone()
                }
            })
            .collect();
        out.push(Action::Type { edit: Edit::SetProvisions(provisions), key: format!("provision:{}", provision.at) });
    }
    let open = fresh || response.has_focus();
    if !open {
        out.push(Action::Seal);
    }
    open
}
