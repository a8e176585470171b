//! A unit's task list: "… realizuje w szczególności zadania z zakresu:"
//! followed by numbered points (pkt `1)`), which may nest letters (lit. `a)`).
//!
//! Every point and letter carries its own label (`"2"`, `"2a"`, `"b"`): the law
//! numbers the text for good, so a label is never derived from a list position
//! (rule N1 of `../shared/docs/amendment-spec.md`). A repealed point keeps its
//! label as a placeholder ("3) (uchylony)") and the label is never reused (N2).

use serde::{Deserialize, Serialize};

/// What a numbered piece of the Regulamin holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PieceState {
    /// The piece has its wording (the usual case).
    #[default]
    Text,
    /// The piece exists and is in force, but its wording is not known to this
    /// file (no source quotes it): shown greyed, never quoted in an amendment,
    /// yet it holds its designation and its punctuation.
    Unknown,
    /// The piece was repealed ("(uchylony)"): its label stays taken for ever.
    Repealed,
}

impl PieceState {
    pub fn is_text(&self) -> bool {
        *self == PieceState::Text
    }

    pub fn is_repealed(&self) -> bool {
        *self == PieceState::Repealed
    }
}

/// The tasks of one unit as its paragraph (or ustęp) of the Regulamin states them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskList {
    /// The lead sentence verbatim, e.g. "Kierownik referatu realizuje zadania
    /// określone w § 11 ust. 2 Regulaminu oraz zadania z zakresu:".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub intro: String,
    /// The lead sentence exists but its wording is not known (see [`PieceState::Unknown`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub intro_unknown: bool,
    /// The shared tasks the intro refers to, as cited there, e.g. "§ 11 ust. 2".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_ref: Option<String>,
    /// The numbered points, in order of their labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<TaskPoint>,
}

/// One numbered point (pkt) with optional letters (lit.) under it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskPoint {
    /// The label without its bracket: `"2"`, `"2a"` for a pkt, `"b"`, `"za"` for a lit.
    #[serde(default)]
    pub label: String,
    #[serde(default, skip_serializing_if = "PieceState::is_text")]
    pub state: PieceState,
    /// The wording without its number and without the closing ";" or ".",
    /// which the Regulamin's punctuation rules add when the text is printed.
    /// Empty for a repealed or unknown point.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub: Vec<TaskPoint>,
}

impl TaskPoint {
    /// A point with wording.
    pub fn new(label: impl Into<String>, text: impl Into<String>) -> Self {
        Self { label: label.into(), state: PieceState::Text, text: text.into(), sub: Vec::new() }
    }

    /// A point in force whose wording is not known.
    pub fn unknown(label: impl Into<String>) -> Self {
        Self { label: label.into(), state: PieceState::Unknown, text: String::new(), sub: Vec::new() }
    }

    /// The placeholder of a repealed point.
    pub fn repealed(label: impl Into<String>) -> Self {
        Self { label: label.into(), state: PieceState::Repealed, text: String::new(), sub: Vec::new() }
    }

    /// Points labelled `1`, `2`, … in order: a fresh enumeration, nothing
    /// inserted or repealed yet.
    pub fn numbered<S: Into<String>>(texts: impl IntoIterator<Item = S>) -> Vec<TaskPoint> {
        texts.into_iter().enumerate().map(|(i, text)| TaskPoint::new((i + 1).to_string(), text)).collect()
    }

    /// Letters labelled `a`, `b`, … (after z: za, zb …) in order.
    pub fn lettered<S: Into<String>>(texts: impl IntoIterator<Item = S>) -> Vec<TaskPoint> {
        texts.into_iter().enumerate().map(|(i, text)| TaskPoint::new(letter_label(i), text)).collect()
    }

    /// This point with letters.
    pub fn with_sub(mut self, sub: Vec<TaskPoint>) -> Self {
        self.sub = sub;
        self
    }
}

impl TaskList {
    pub fn is_empty(&self) -> bool {
        self.intro.is_empty() && !self.intro_unknown && self.shared_ref.is_none() && self.points.is_empty()
    }

    /// Number of points and letters together.
    pub fn point_count(&self) -> usize {
        fn count(points: &[TaskPoint]) -> usize {
            points.iter().map(|p| 1 + count(&p.sub)).sum()
        }
        count(&self.points)
    }

    /// The point at `path` (labels from the pkt down), if any.
    pub fn point(&self, path: &[String]) -> Option<&TaskPoint> {
        let (first, rest) = path.split_first()?;
        let mut point = self.points.iter().find(|p| &p.label == first)?;
        for label in rest {
            point = point.sub.iter().find(|p| &p.label == label)?;
        }
        Some(point)
    }

    /// The sibling list that holds the point at `path` (the points for a pkt,
    /// the letters of its pkt for a lit.), and the point's index in it.
    pub fn siblings_mut(&mut self, path: &[String]) -> Option<(&mut Vec<TaskPoint>, usize)> {
        let (last, parents) = path.split_last()?;
        let list = self.children_mut(parents)?;
        let index = list.iter().position(|p| &p.label == last)?;
        Some((list, index))
    }

    /// The list of points under `parent` (the top-level points for an empty path).
    pub fn children_mut(&mut self, parent: &[String]) -> Option<&mut Vec<TaskPoint>> {
        let mut list = &mut self.points;
        for label in parent {
            list = &mut list.iter_mut().find(|p| &p.label == label)?.sub;
        }
        Some(list)
    }

    /// The list of points under `parent` (the top-level points for an empty path).
    pub fn children(&self, parent: &[String]) -> Option<&[TaskPoint]> {
        match parent {
            [] => Some(&self.points),
            path => self.point(path).map(|p| p.sub.as_slice()),
        }
    }
}

/// The label of the letter (lit.) at `index` (0-based): `a` … `z`, then `za` …
/// `zz`, `zza` … (rule N6 of the amendment spec, after § 57 ust. 5 ZTP).
pub fn letter_label(index: usize) -> String {
    let mut label = "z".repeat(index / 26);
    label.push(char::from(b'a' + (index % 26) as u8));
    label
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_after_z_continue_with_za() {
        let labels: Vec<String> = [0, 1, 25, 26, 27, 51, 52].into_iter().map(letter_label).collect();
        assert_eq!(labels, ["a", "b", "z", "za", "zb", "zz", "zza"]);
    }

    #[test]
    fn points_are_found_by_label_not_position() {
        let tasks = TaskList {
            points: vec![
                TaskPoint::new("1", "one"),
                TaskPoint::repealed("2"),
                TaskPoint::new("2a", "two a").with_sub(vec![TaskPoint::new("a", "letter")]),
            ],
            ..TaskList::default()
        };
        let path = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(tasks.point(&path(&["2a"])).map(|p| p.text.as_str()), Some("two a"));
        assert_eq!(tasks.point(&path(&["2a", "a"])).map(|p| p.text.as_str()), Some("letter"));
        assert!(tasks.point(&path(&["3"])).is_none());
        assert_eq!(tasks.children(&path(&["2a"])).map(<[TaskPoint]>::len), Some(1));
    }
}
