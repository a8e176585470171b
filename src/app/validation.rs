//! The validation panel: the core's findings for the current document, kept
//! up to date as the document changes (recomputed once per revision), in the
//! UI's language with the code dimmed after each message; clicking a finding
//! selects its unit.

use crate::model::Document;
use crate::validate::{self, Finding, Severity};

use super::command::Action;
use super::context::Env;

/// The findings of one revision of the document.
#[derive(Debug, Default)]
pub struct Findings {
    revision: Option<u64>,
    pub list: Vec<Finding>,
}

impl Findings {
    /// Revalidates when the document changed since the last call.
    pub fn refresh(&mut self, doc: &Document, revision: u64) {
        if self.revision != Some(revision) {
            self.list = validate::validate(doc);
            self.revision = Some(revision);
        }
    }
}

/// Errors and warnings (infos are advice, not problems).
pub fn problems(findings: &[Finding]) -> usize {
    findings.iter().filter(|f| f.severity <= Severity::Warning).count()
}

pub fn show(ui: &mut egui::Ui, env: &Env, out: &mut Vec<Action>) {
    let findings = env.findings;
    let t = env.t;
    let lang = env.settings.lang;
    ui.horizontal(|ui| {
        ui.strong(t.validation_title);
        ui.label(t.findings_count(findings.len()));
    });
    if findings.is_empty() {
        ui.weak(t.no_findings);
        return;
    }
    egui::ScrollArea::vertical().auto_shrink([false, true]).max_height(ui.available_height()).show(ui, |ui| {
        for finding in findings {
            let unit = finding.unit.as_ref().and_then(|id| env.doc.unit(id));
            let color = match finding.severity {
                Severity::Error => ui.visuals().error_fg_color,
                Severity::Warning => ui.visuals().warn_fg_color,
                Severity::Info => ui.visuals().weak_text_color(),
            };
            let place =
                unit.map_or_else(String::new, |u| if u.symbol.is_empty() { u.name.clone() } else { u.symbol.clone() });
            // The message in the UI's language first; the code (for `schemat validate` users) after it, dimmed.
            let text =
                egui::RichText::new(format!("{}  {}: {}", finding.severity.label(lang), place, finding.message(lang)))
                    .color(color);
            let code = egui::RichText::new(format!("  [{}]", finding.code)).weak().small();
            let mut job = egui::text::LayoutJob::default();
            text.append_to(&mut job, ui.style(), egui::FontSelection::Default, egui::Align::Center);
            code.append_to(&mut job, ui.style(), egui::FontSelection::Default, egui::Align::Center);
            let response = ui.add(egui::Button::new(job).frame(false).wrap_mode(egui::TextWrapMode::Truncate));
            if response.clicked()
                && let Some(unit) = unit
            {
                out.push(Action::Select(unit.id.clone()));
            }
        }
    });
}
