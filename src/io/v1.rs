//! Format version 1 and its migration to the current model.
//!
//! Version 1 numbered task points by their position and kept the act as one
//! free string. Migrating gives every point the label its position had
//! (`1)`, `2)` …, letters `a)`, `b)` …, N6 after z), keeps `retired` as the
//! repealed placeholders and the listings as they were, and reads the frame
//! data out of the act string ("zarządzenie nr 56/12/2018 Prezydenta Miasta
//! Lublin z dnia 31 grudnia 2018 r.") where it has the usual form.

use serde::Deserialize;

use crate::model::{
    ActRef, ChartOptions, Date, Designation, Document, Metadata, Relation, TaskPoint, Unit, genitive_of_unit_name,
    letter_label,
};

/// The metadata of a v1 file.
#[derive(Debug, Default, Deserialize)]
#[serde(rename = "Metadata", deny_unknown_fields)]
struct MetadataV1 {
    department: String,
    #[serde(default)]
    act: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    effective: String,
}

/// The on-disk shape of a document, version 1.
#[derive(Debug, Deserialize)]
#[serde(rename = "Regulamin", deny_unknown_fields)]
struct FileV1 {
    #[allow(dead_code)] // read so that the field is known; the caller checked it is 1
    format_version: u32,
    meta: MetadataV1,
    #[serde(default)]
    chart: ChartOptions,
    units: Vec<Unit>,
    #[serde(default)]
    relations: Vec<Relation>,
    #[serde(default)]
    retired: Vec<Designation>,
}

/// Parses v1 text and migrates it (the structure is checked by the caller).
pub(super) fn parse(text: &str) -> Result<Document, ron::error::SpannedError> {
    let file: FileV1 = super::ron_options().from_str(text)?;
    let mut units = file.units;
    for unit in &mut units {
        label_by_position(&mut unit.tasks.points, false);
    }
    Ok(Document {
        meta: migrate_meta(file.meta),
        units,
        relations: file.relations,
        provisions: Vec::new(),
        retired: file.retired,
        in_force: None,
        chart: file.chart,
        chapters: Vec::new(),
    })
}

/// Points get `1`, `2` …, their letters `a`, `b` …: the labels v1 printed.
fn label_by_position(points: &mut [TaskPoint], letters: bool) {
    for (i, point) in points.iter_mut().enumerate() {
        if point.label.is_empty() {
            point.label = if letters { letter_label(i) } else { (i + 1).to_string() };
        }
        label_by_position(&mut point.sub, true);
    }
}

fn migrate_meta(old: MetadataV1) -> Metadata {
    let (organ_genitive, base_act) = parse_act(&old.act).unwrap_or_default();
    let organ = organ_genitive.replacen("Prezydenta ", "Prezydent ", 1);
    let title = format!("w sprawie nadania Regulaminu Organizacyjnego {}", genitive_of_unit_name(&old.department));
    Metadata {
        department_genitive: genitive_of_unit_name(&old.department),
        department: old.department,
        organ,
        organ_genitive,
        base_act: ActRef { title, ..base_act },
        consolidated: None,
        version: old.version,
        effective: old.effective.parse::<Date>().ok(),
    }
}

/// "zarządzenie nr 56/12/2018 Prezydenta Miasta Lublin z dnia 31 grudnia 2018 r."
/// → ("Prezydenta Miasta Lublin", number and date).
fn parse_act(act: &str) -> Option<(String, ActRef)> {
    let rest = act.trim().strip_prefix("zarządzenie nr ").or_else(|| act.trim().strip_prefix("Zarządzenie nr "))?;
    let (number, rest) = rest.split_once(' ')?;
    let (organ, date) = rest.split_once(" z dnia ")?;
    let date = Date::parse_polish(date);
    Some((organ.trim().to_owned(), ActRef { number: number.to_owned(), date, title: String::new() }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_act_string_becomes_frame_data() {
        let meta = migrate_meta(MetadataV1 {
            department: "Departament Organizacji i Administracji".into(),
            act: "zarządzenie nr 56/12/2018 Prezydenta Miasta Lublin z dnia 31 grudnia 2018 r.".into(),
            version: "projekt".into(),
            effective: "2022-01-01".into(),
        });
        assert_eq!(meta.organ, "Prezydent Miasta Lublin");
        assert_eq!(meta.organ_genitive, "Prezydenta Miasta Lublin");
        assert_eq!(meta.base_act.number, "56/12/2018");
        assert_eq!(meta.base_act.date, Date::new(2018, 12, 31));
        assert_eq!(
            meta.base_act.title,
            "w sprawie nadania Regulaminu Organizacyjnego Departamentu Organizacji i Administracji"
        );
        assert_eq!(meta.effective, Date::new(2022, 1, 1));
        assert_eq!(
            meta.base_act_citation(),
            "zarządzenie nr 56/12/2018 Prezydenta Miasta Lublin z dnia 31 grudnia 2018 r."
        );
    }

    #[test]
    fn an_act_string_of_another_form_leaves_the_fields_empty() {
        let meta =
            migrate_meta(MetadataV1 { department: "Biuro X".into(), act: "uchwała".into(), ..MetadataV1::default() });
        assert_eq!(meta.base_act.number, "");
        assert_eq!(meta.department_genitive, "Biura X");
        assert_eq!(meta.effective, None);
    }

    #[test]
    fn points_get_the_labels_their_positions_printed() {
        let mut points = vec![
            TaskPoint::new("", "a"),
            TaskPoint::new("", "b").with_sub(vec![TaskPoint::new("", "x"), TaskPoint::new("", "y")]),
        ];
        label_by_position(&mut points, false);
        assert_eq!(points[0].label, "1");
        assert_eq!(points[1].label, "2");
        assert_eq!(points[1].sub[1].label, "b");
    }
}
