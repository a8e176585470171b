//! Legal designations: where in the Regulamin a unit is listed or its tasks are
//! held, e.g. `§ 14 ust. 2` or `§ 3 ust. 1 pkt 2 lit. b`.
//!
//! A designation is a path of (level, label) pairs. Labels are kept as text
//! because inserted units get lettered labels (`22g`, `8ca`, `aa`); ordering
//! compares the numeric part first, then the letter suffix (see
//! `../shared/docs/amendment-spec.md`, rule N4). In files a designation is
//! written as its citation string, `"§ 22h ust. 1"`.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A level of the Regulamin's numbering: paragraph, section, point, letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// `§` (paragraf)
    Par,
    /// `ust.` (ustęp)
    Ust,
    /// `pkt` (punkt)
    Pkt,
    /// `lit.` (litera)
    Lit,
}

impl Level {
    /// Whether labels at this level are numbers (`2a`) or letters (`b`).
    pub fn label_kind(self) -> crate::model::LabelKind {
        match self {
            Level::Lit => crate::model::LabelKind::Letter,
            _ => crate::model::LabelKind::Number,
        }
    }

    /// The citation prefix of this level ("§", "ust.", "pkt", "lit.").
    pub fn prefix(self) -> &'static str {
        match self {
            Level::Par => "§",
            Level::Ust => "ust.",
            Level::Pkt => "pkt",
            Level::Lit => "lit.",
        }
    }
}

/// A path such as `§ 3 ust. 1 pkt 2 lit. b`; always starts with a `§`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Designation {
    parts: Vec<(Level, String)>,
}

/// Why a citation string is not a designation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DesignationError {
    #[error("a designation must start with \"§\", found {0:?}")]
    MissingParagraph(String),
    #[error("unknown level {0:?} (expected §, ust., pkt or lit.)")]
    UnknownLevel(String),
    #[error("level {0:?} has no label")]
    MissingLabel(String),
    #[error("invalid label {0:?}: expected digits with an optional lowercase letter suffix")]
    InvalidLabel(String),
    #[error("levels out of order: {0:?} cannot follow a deeper level")]
    OutOfOrder(String),
}

impl Designation {
    /// A designation of a whole paragraph, `§ {label}`.
    pub fn paragraph(label: &str) -> Result<Self, DesignationError> {
        validate_label(Level::Par, label)?;
        Ok(Self { parts: vec![(Level::Par, label.to_owned())] })
    }

    /// This designation extended by one deeper level.
    pub fn child(&self, level: Level, label: &str) -> Result<Self, DesignationError> {
        validate_label(level, label)?;
        if let Some((last, _)) = self.parts.last()
            && level <= *last
        {
            return Err(DesignationError::OutOfOrder(level.prefix().to_owned()));
        }
        let mut parts = self.parts.clone();
        parts.push((level, label.to_owned()));
        Ok(Self { parts })
    }

    /// The (level, label) pairs from the paragraph down.
    pub fn parts(&self) -> &[(Level, String)] {
        &self.parts
    }

    /// The paragraph label, e.g. `"22h"` for `§ 22h ust. 1`.
    pub fn paragraph_label(&self) -> &str {
        &self.parts[0].1
    }

    /// The designation one level up, or `None` for a whole paragraph.
    pub fn parent(&self) -> Option<Self> {
        (self.parts.len() > 1).then(|| Self { parts: self.parts[..self.parts.len() - 1].to_vec() })
    }

    /// The deepest level of this designation.
    pub fn level(&self) -> Level {
        self.parts.last().map_or(Level::Par, |(level, _)| *level)
    }

    /// The label of the deepest level ("b" for `§ 3 ust. 1 pkt 2 lit. b`).
    pub fn label(&self) -> &str {
        self.parts.last().map_or("", |(_, label)| label.as_str())
    }

    /// The level of an enumeration under this piece: points (pkt) under a §
    /// or an ust., letters (lit.) under a pkt; a lit. has none.
    pub fn enumeration_level(&self) -> Option<Level> {
        match self.level() {
            Level::Par | Level::Ust => Some(Level::Pkt),
            Level::Pkt => Some(Level::Lit),
            Level::Lit => None,
        }
    }

    /// The designation of the point at `path` (labels from the pkt down) of
    /// an enumeration under this piece, or `None` when the levels run out.
    pub fn point(&self, path: &[String]) -> Option<Designation> {
        let mut out = self.clone();
        for label in path {
            let level = out.enumeration_level()?;
            out = out.child(level, label).ok()?;
        }
        Some(out)
    }

    /// True when `self` is `other` or lies inside it (`§ 14 ust. 2` is within `§ 14`).
    pub fn is_within(&self, other: &Designation) -> bool {
        self.parts.len() >= other.parts.len() && self.parts[..other.parts.len()] == other.parts[..]
    }
}

/// Labels are digits with an optional lowercase suffix (`22`, `22g`, `8ca`) for
/// §, ust. and pkt, and lowercase Latin letters without diacritics for lit.
fn validate_label(level: Level, label: &str) -> Result<(), DesignationError> {
    let ok = match level {
        Level::Lit => !label.is_empty() && label.chars().all(|c| c.is_ascii_lowercase()),
        _ => {
            let digits = label.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && label[digits..].chars().all(|c| c.is_ascii_lowercase())
        }
    };
    if ok { Ok(()) } else { Err(DesignationError::InvalidLabel(label.to_owned())) }
}

/// Orders labels as the Regulamin does: `22f` < `22g` < `23`, `8c` < `8ca` < `8d`.
///
/// The number is compared as a digit string (leading zeros dropped, then the
/// shorter is smaller), so a label of any length orders correctly without
/// overflowing an integer; labels that differ only in leading zeros (`014`,
/// `14`) are ordered by their text, so the order agrees with `==`.
pub fn compare_labels(a: &str, b: &str) -> Ordering {
    split_label(a).cmp(&split_label(b)).then_with(|| a.cmp(b))
}

/// A label's number without leading zeros, with its digit count first, and its letter suffix.
fn split_label(label: &str) -> (usize, &str, &str) {
    let digits = label.bytes().take_while(u8::is_ascii_digit).count();
    let number = label[..digits].trim_start_matches('0');
    (number.len(), number, &label[digits..])
}

impl Ord for Designation {
    fn cmp(&self, other: &Self) -> Ordering {
        for ((la, a), (lb, b)) in self.parts.iter().zip(&other.parts) {
            let ord = la.cmp(lb).then_with(|| compare_labels(a, b));
            if ord != Ordering::Equal {
                return ord;
            }
        }
        self.parts.len().cmp(&other.parts.len())
    }
}

impl PartialOrd for Designation {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Designation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (level, label)) in self.parts.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{} {label}", level.prefix())?;
        }
        Ok(())
    }
}

impl FromStr for Designation {
    type Err = DesignationError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut tokens = s.split_whitespace();
        let mut parts: Vec<(Level, String)> = Vec::new();
        while let Some(prefix) = tokens.next() {
            let level = match prefix {
                "§" => Level::Par,
                "ust." => Level::Ust,
                "pkt" => Level::Pkt,
                "lit." => Level::Lit,
                other => return Err(DesignationError::UnknownLevel(other.to_owned())),
            };
            if parts.is_empty() && level != Level::Par {
                return Err(DesignationError::MissingParagraph(s.to_owned()));
            }
            if let Some((last, _)) = parts.last()
                && level <= *last
            {
                return Err(DesignationError::OutOfOrder(prefix.to_owned()));
            }
            let label = tokens.next().ok_or_else(|| DesignationError::MissingLabel(prefix.to_owned()))?;
            validate_label(level, label)?;
            parts.push((level, label.to_owned()));
        }
        if parts.is_empty() {
            return Err(DesignationError::MissingParagraph(s.to_owned()));
        }
        Ok(Self { parts })
    }
}

impl Serialize for Designation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Designation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(|error| serde::de::Error::custom(format!("{INVALID_DESIGNATION}{text}\": {error}")))
    }
}

/// How the message of a designation that does not parse in a file begins;
/// `crate::i18n::io` recognizes it to word the error in Polish.
pub const INVALID_DESIGNATION: &str = "invalid designation \"";

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Designation {
        s.parse().unwrap()
    }

    #[test]
    fn parses_and_prints_citations() {
        for s in ["§ 14", "§ 22h ust. 1", "§ 3 ust. 2 pkt 2 lit. d", "§ 21 ust. 4 pkt 14"] {
            assert_eq!(d(s).to_string(), s);
        }
    }

    #[test]
    fn rejects_malformed_citations() {
        assert!(matches!("ust. 2".parse::<Designation>(), Err(DesignationError::MissingParagraph(_))));
        assert!(matches!("§ 3 pkt 2 ust. 1".parse::<Designation>(), Err(DesignationError::OutOfOrder(_))));
        assert!(matches!("§ x".parse::<Designation>(), Err(DesignationError::InvalidLabel(_))));
        assert!(matches!("§ 3 lit. ą".parse::<Designation>(), Err(DesignationError::InvalidLabel(_))));
        assert!(matches!("§ 3 ust.".parse::<Designation>(), Err(DesignationError::MissingLabel(_))));
        assert!("".parse::<Designation>().is_err());
    }

    #[test]
    fn orders_inserted_labels_between_their_neighbours() {
        assert!(d("§ 22f") < d("§ 22g"));
        assert!(d("§ 22g") < d("§ 23"));
        assert!(d("§ 8c") < d("§ 8ca"));
        assert!(d("§ 8ca") < d("§ 8d"));
        assert!(d("§ 9") < d("§ 10"));
        assert!(d("§ 14") < d("§ 14 ust. 1"));
    }

    #[test]
    fn labels_too_long_for_an_integer_still_order_by_their_number() {
        // Parsed as u64, this label overflowed and ordered as 0, before § 1.
        let huge = d("§ 99999999999999999999999");
        assert!(d("§ 1") < huge);
        assert!(d("§ 99999999999999999999998z") < huge);
        assert!(huge < d("§ 100000000000000000000000"));
    }

    #[test]
    fn the_order_agrees_with_equality() {
        // Leading zeros used to compare Equal while the designations are not `==`,
        // so a BTreeMap or a sort+dedup merged two different designations.
        let (a, b) = (d("§ 014"), d("§ 14"));
        assert_ne!(a, b);
        assert_ne!(a.cmp(&b), Ordering::Equal);
        assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        assert!(d("§ 13") < a && a < d("§ 15"));
    }

    #[test]
    fn containment_follows_the_path() {
        assert!(d("§ 14 ust. 2").is_within(&d("§ 14")));
        assert!(!d("§ 14").is_within(&d("§ 14 ust. 2")));
        assert!(!d("§ 140").is_within(&d("§ 14")));
        assert_eq!(d("§ 14 ust. 2").parent(), Some(d("§ 14")));
    }
}
