//! The "Właściwości dokumentu" dialog (Plik menu): the typed frame metadata
//! of the act (the department and the issuing organ in the nominative and
//! genitive, the base act's number, date and title, the consolidated text's
//! date, the version label and the effective date). Every change is one
//! [`Edit::SetMeta`], typing in one field one undo step. Dates are typed as
//! `YYYY-MM-DD` or "31 grudnia 2018"; text that is not a date is refused with
//! a message and kept in its field (even across closing the dialog) until it
//! is corrected or cleared, never applied and never thrown away.

use std::collections::HashMap;

use crate::i18n::app::MetaField;
use crate::model::{Date, Edit, Metadata};

use super::Env;
use super::command::Action;
use super::regulamin::{LegalAction, LegalView};

/// The dialog's own state: whether it is open, and date fields whose text is
/// being typed or does not parse.
#[derive(Debug, Clone, Default)]
pub struct PropertiesDialog {
    pub open: bool,
    dates: HashMap<MetaField, String>,
}

impl PropertiesDialog {
    /// The dialog as it opens again: the half-typed dates of last time are still there.
    pub fn reopen(mut self) -> Self {
        self.open = true;
        self
    }
}

/// A date as the clerk types it: `YYYY-MM-DD`, or "31 grudnia 2018" (with or
/// without "r."); empty is no date. `Err` when it is not a date.
pub fn parse_date(text: &str) -> Result<Option<Date>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if let Ok(date) = text.parse::<Date>() {
        return Ok(Some(date));
    }
    // A year of four digits, so that "31 grudnia 201" on the way to 2018 is not the year 201.
    let year = text.split_whitespace().nth(2).map(|y| y.trim_end_matches("r.").trim_end_matches('.'));
    match (year, Date::parse_polish(text)) {
        (Some(y), Some(date)) if y.len() == 4 => Ok(Some(date)),
        _ => Err(()),
    }
}

const TEXT_FIELDS: [MetaField; 7] = [
    MetaField::Department,
    MetaField::DepartmentGenitive,
    MetaField::Organ,
    MetaField::OrganGenitive,
    MetaField::BaseNumber,
    MetaField::BaseTitle,
    MetaField::Version,
];

fn text_of(meta: &mut Metadata, field: MetaField) -> Option<&mut String> {
    Some(match field {
        MetaField::Department => &mut meta.department,
        MetaField::DepartmentGenitive => &mut meta.department_genitive,
        MetaField::Organ => &mut meta.organ,
        MetaField::OrganGenitive => &mut meta.organ_genitive,
        MetaField::BaseNumber => &mut meta.base_act.number,
        MetaField::BaseTitle => &mut meta.base_act.title,
        MetaField::Version => &mut meta.version,
        MetaField::BaseDate | MetaField::Consolidated | MetaField::Effective => return None,
    })
}

fn date_of(meta: &mut Metadata, field: MetaField) -> Option<&mut Option<Date>> {
    Some(match field {
        MetaField::BaseDate => &mut meta.base_act.date,
        MetaField::Consolidated => &mut meta.consolidated,
        MetaField::Effective => &mut meta.effective,
        _ => return None,
    })
}

/// The order of the rows: each date next to what it dates.
const ROWS: [MetaField; 10] = [
    MetaField::Department,
    MetaField::DepartmentGenitive,
    MetaField::Organ,
    MetaField::OrganGenitive,
    MetaField::BaseNumber,
    MetaField::BaseDate,
    MetaField::BaseTitle,
    MetaField::Consolidated,
    MetaField::Version,
    MetaField::Effective,
];

pub fn show(ctx: &egui::Context, env: &Env, view: &mut LegalView, out: &mut Vec<Action>) {
    let Some(dialog) = view.properties.as_mut().filter(|d| d.open) else { return };
    let t = env.t;
    let mut open = true;
    egui::Window::new(t.properties_title())
        .id(egui::Id::unique("document-properties"))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(620.0)
        .show(ctx, |ui| {
            egui::Grid::new("document-properties-grid").num_columns(2).spacing([10.0, 6.0]).show(ui, |ui| {
                for field in ROWS {
                    row(ui, env, dialog, field, out);
                }
            });
            ui.separator();
            ui.label(egui::RichText::new(t.citation_preview()).strong());
            let meta = &env.doc.meta;
            let citation = [meta.base_act_citation(), meta.base_act.title.clone()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            ui.label(citation);
            if let Some(consolidated) = meta.consolidated_citation() {
                ui.label(consolidated);
            }
            ui.add_space(6.0);
            if ui.button(t.close()).clicked() {
                out.push(Action::Legal(LegalAction::CloseProperties));
            }
        });
    if !open {
        out.push(Action::Legal(LegalAction::CloseProperties));
    }
}

fn row(ui: &mut egui::Ui, env: &Env, dialog: &mut PropertiesDialog, field: MetaField, out: &mut Vec<Action>) {
    let t = env.t;
    let label = ui.label(t.properties_field(field));
    let key = format!("meta:{field:?}");
    let mut meta = env.doc.meta.clone();
    if TEXT_FIELDS.contains(&field) {
        let Some(value) = text_of(&mut meta, field) else { return };
        let before = value.clone();
        let edit = if matches!(field, MetaField::BaseTitle | MetaField::Version) {
            egui::TextEdit::multiline(value).desired_rows(2)
        } else {
            egui::TextEdit::singleline(value)
        };
        let response = ui.add(edit.desired_width(420.0)).labelled_by(label.id);
        if *value != before {
            out.push(Action::Type { edit: Edit::SetMeta(meta.clone()), key });
        }
        if response.lost_focus() {
            out.push(Action::Seal);
        }
        ui.end_row();
        return;
    }
    let Some(value) = date_of(&mut meta, field) else { return };
    let current = value.map(|d| d.to_string()).unwrap_or_default();
    let mut text = dialog.dates.get(&field).cloned().unwrap_or_else(|| current.clone());
    let parsed = parse_date(&text);
    let response = ui
        .horizontal(|ui| {
            let response = ui
                .add(egui::TextEdit::singleline(&mut text).desired_width(260.0).hint_text(t.date_hint()))
                .labelled_by(label.id);
            if let Some(date) = value.filter(|_| parsed.is_ok()) {
                ui.weak(date.polish());
            }
            response
        })
        .inner;
    ui.end_row();
    if response.changed()
        && let Ok(date) = parse_date(&text)
        && date != *value
    {
        *value = date;
        out.push(Action::Type { edit: Edit::SetMeta(meta), key });
    }
    // Keep the typed text while it is being typed, and for as long as it is not a date.
    let valid = parse_date(&text).is_ok();
    if response.has_focus() || !valid {
        dialog.dates.insert(field, text);
    } else {
        dialog.dates.remove(&field);
    }
    if !valid {
        ui.label("");
        let message = egui::RichText::new(t.date_invalid()).color(ui.visuals().error_fg_color);
        ui.scope(|ui| {
            ui.set_max_width(420.0);
            ui.add(egui::Label::new(message).wrap());
        });
        ui.end_row();
    }
    if response.lost_focus() {
        out.push(Action::Seal);
    }
}

/// The Plik menu item that opens the dialog.
pub fn menu_item(ui: &mut egui::Ui, env: &Env, out: &mut Vec<Action>) {
    if ui.button(env.t.properties_command()).clicked() {
        out.push(Action::Legal(LegalAction::OpenProperties));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_typed_in_either_form_and_anything_else_is_refused() {
        assert_eq!(parse_date("2018-12-31"), Ok(Date::new(2018, 12, 31)));
        assert_eq!(parse_date("31 grudnia 2018"), Ok(Date::new(2018, 12, 31)));
        assert_eq!(parse_date(" 29 października 2021 r. "), Ok(Date::new(2021, 10, 29)));
        assert_eq!(parse_date(""), Ok(None));
        assert_eq!(parse_date("31 grudnia 201"), Err(()), "not the year 201 on the way to 2018");
        assert_eq!(parse_date("2021-02-29"), Err(()));
        assert_eq!(parse_date("jutro"), Err(()));
    }
}
