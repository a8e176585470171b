//! The frame data of the act: who issues it, which act the Regulamin is the
//! annex to, its latest consolidated text, the department's name in the cases
//! the formulas need, and the date the version is in force from.
//!
//! These feed the titles and formulas of the amendment ("zmieniające
//! zarządzenie nr 56/12/2018 Prezydenta Miasta Lublin z dnia 31 grudnia 2018 r.
//! w sprawie nadania Regulaminu Organizacyjnego Departamentu …"), the annex
//! header of the chart and the consolidated text.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date, written `YYYY-MM-DD` in files and "31 grudnia 2018 r." in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// Month names in the genitive, as Polish dates use them ("31 grudnia").
pub const MONTHS_GENITIVE: [&str; 12] = [
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
];

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date {0:?}: expected YYYY-MM-DD")]
pub struct DateError(pub String);

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
            2 => 28,
            _ => return None,
        };
        (year > 0 && (1..=days).contains(&day)).then_some(Self { year, month, day })
    }

    /// "31 grudnia 2018 r.", as the acts write dates.
    pub fn polish(&self) -> String {
        format!("{} {} {} r.", self.day, MONTHS_GENITIVE[usize::from(self.month - 1)], self.year)
    }

    /// Reads "31 grudnia 2018" (with or without " r."), the Polish written form.
    pub fn parse_polish(text: &str) -> Option<Self> {
        let mut words = text.split_whitespace();
        let day: u8 = words.next()?.parse().ok()?;
        let month = words.next()?;
        let month = MONTHS_GENITIVE.iter().position(|m| *m == month)? as u8 + 1;
        let year: u16 = words.next()?.trim_end_matches("r.").trim_end_matches('.').parse().ok()?;
        Self::new(year, month, day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || DateError(s.to_owned());
        let mut parts = s.splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else { return Err(bad()) };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let (y, m, d) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
        Self::new(y, m, d).ok_or_else(bad)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// An act identified as the Lublin acts cite it: "zarządzenie nr 56/12/2018
/// Prezydenta Miasta Lublin z dnia 31 grudnia 2018 r. w sprawie …".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ActRef {
    /// "56/12/2018".
    pub number: String,
    pub date: Option<Date>,
    /// "w sprawie nadania Regulaminu Organizacyjnego Departamentu Organizacji i Administracji".
    pub title: String,
}

/// What the Regulamin is, and which version of it this file holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// The department in the nominative, e.g. "Departament Organizacji i Administracji".
    pub department: String,
    /// The department in the genitive, e.g. "Departamentu Organizacji i Administracji"
    /// ("Regulamin Organizacyjny Departamentu …").
    #[serde(default)]
    pub department_genitive: String,
    /// The issuing organ in the nominative, e.g. "Prezydent Miasta Lublin".
    #[serde(default)]
    pub organ: String,
    /// The issuing organ in the genitive, e.g. "Prezydenta Miasta Lublin"
    /// ("zarządzenie nr … Prezydenta Miasta Lublin").
    #[serde(default)]
    pub organ_genitive: String,
    /// The act the Regulamin is the annex to.
    #[serde(default)]
    pub base_act: ActRef,
    /// The date of the obwieszczenie announcing the latest consolidated text
    /// ("j.t. Obwieszczenie Prezydenta Miasta Lublin z dnia 29 października 2021 r.").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consolidated: Option<Date>,
    /// A version label, e.g. "stan na 1 stycznia 2022 r." or "projekt".
    #[serde(default)]
    pub version: String,
    /// The date the version is in force from ("wchodzi w życie z dniem").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
}

impl Metadata {
    /// "zarządzenie nr 56/12/2018 Prezydenta Miasta Lublin z dnia 31 grudnia 2018 r."
    /// (without the title), or an empty string when the number is not known.
    pub fn base_act_citation(&self) -> String {
        if self.base_act.number.is_empty() {
            return String::new();
        }
        let mut out = format!("zarządzenie nr {}", self.base_act.number);
        if !self.organ_genitive.is_empty() {
            out.push(' ');
            out.push_str(&self.organ_genitive);
        }
        if let Some(date) = self.base_act.date {
            out.push_str(" z dnia ");
            out.push_str(&date.polish());
        }
        out
    }

    /// "(j.t. Obwieszczenie Prezydenta Miasta Lublin z dnia 29 października 2021 r.)",
    /// when a consolidated text is known.
    pub fn consolidated_citation(&self) -> Option<String> {
        let date = self.consolidated?;
        Some(format!("(j.t. Obwieszczenie {} z dnia {})", self.organ_genitive, date.polish()))
    }
}

/// The genitive of a department or division name by the common Lublin
/// patterns ("Departament X" → "Departamentu X", "Wydział X" → "Wydziału X",
/// "Biuro X" → "Biura X"); other names are returned as they are, for the
/// clerk to correct in the document properties.
pub fn genitive_of_unit_name(name: &str) -> String {
    for (nominative, genitive) in [("Departament ", "Departamentu "), ("Wydział ", "Wydziału "), ("Biuro ", "Biura ")]
    {
        if let Some(rest) = name.strip_prefix(nominative) {
            return format!("{genitive}{rest}");
        }
    }
    name.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_and_print_both_forms() {
        let date: Date = "2018-12-31".parse().unwrap();
        assert_eq!(date.polish(), "31 grudnia 2018 r.");
        assert_eq!(date.to_string(), "2018-12-31");
        assert_eq!(Date::parse_polish("29 października 2021 r."), Date::new(2021, 10, 29));
        assert!("2021-02-29".parse::<Date>().is_err());
        assert!("2021-2-1".parse::<Date>().is_err());
        assert!("".parse::<Date>().is_err());
        assert_eq!("2024-02-29".parse::<Date>().map(|d| d.day), Ok(29));
    }

    #[test]
    fn citations_come_from_the_typed_fields() {
        let meta = Metadata {
            department: "Departament Organizacji i Administracji".into(),
            department_genitive: genitive_of_unit_name("Departament Organizacji i Administracji"),
            organ: "Prezydent Miasta Lublin".into(),
            organ_genitive: "Prezydenta Miasta Lublin".into(),
            base_act: ActRef { number: "56/12/2018".into(), date: Date::new(2018, 12, 31), title: String::new() },
            consolidated: Date::new(2021, 10, 29),
            ..Metadata::default()
        };
        assert_eq!(meta.department_genitive, "Departamentu Organizacji i Administracji");
        assert_eq!(
            meta.base_act_citation(),
            "zarządzenie nr 56/12/2018 Prezydenta Miasta Lublin z dnia 31 grudnia 2018 r."
        );
        assert_eq!(
            meta.consolidated_citation().as_deref(),
            Some("(j.t. Obwieszczenie Prezydenta Miasta Lublin z dnia 29 października 2021 r.)")
        );
    }
}
