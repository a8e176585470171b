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
use crate::model::{Document, Edit, PieceState, Provision};

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
}

impl super::SchematApp {
    pub(super) fn legal(&mut self, action: LegalAction) {
        match action {
            LegalAction::ShowRegulamin(on) => self.view.legal.regulamin = on,
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
    let text = view.text(env.doc, env.revision);
    let lines = legal::lines(text);
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.add_space(8.0);
        ui.vertical_centered(|ui| ui.heading(&text.title));
        ui.vertical_centered(|ui| ui.weak(t.regulamin_hint()));
        ui.add_space(8.0);
        let indent = 28.0;
        for line in &lines {
            if line.kind == LineKind::Heading {
                ui.add_space(10.0);
                let heading = line.plain();
                ui.vertical_centered(|ui| ui.strong(heading));
                continue;
            }
            ui.horizontal(|ui| {
                ui.add_space(8.0 + indent * line.depth as f32);
                if *line.source == Source::Provision
                    && let Some(provision) = env.doc.provisions.iter().find(|p| p.at == line.designation)
                {
                    provision_field(ui, env, provision, &line.marker, line.ending, out);
                    return;
                }
                let mut rich = egui::RichText::new(line.plain());
                match line.state {
                    PieceState::Unknown => rich = rich.weak(),
                    PieceState::Repealed => rich = rich.italics(),
                    PieceState::Text => {}
                }
                let unit = line.source.unit();
                if unit.is_some() && unit == selected {
                    rich = rich.background_color(ui.visuals().selection.bg_fill.gamma_multiply(0.4));
                }
                let sense = if unit.is_some() { egui::Sense::click() } else { egui::Sense::hover() };
                let response = ui.add(egui::Label::new(rich).wrap().sense(sense));
                if let Some(unit) = unit {
                    let response = response.on_hover_cursor(egui::CursorIcon::PointingHand);
                    if response.clicked() {
                        out.push(Action::Select(unit.clone()));
                    }
                }
            });
        }
        ui.add_space(16.0);
    });
}

/// A provision that belongs to no unit: its marker and its wording as a field.
fn provision_field(
    ui: &mut egui::Ui,
    env: &Env,
    provision: &Provision,
    marker: &str,
    ending: &str,
    out: &mut Vec<Action>,
) {
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
    if response.lost_focus() {
        out.push(Action::Seal);
    }
}
