//! A unit's task list: "… realizuje w szczególności zadania z zakresu:"
//! followed by numbered points (pkt `1)`), which may nest letters (lit. `a)`).

use serde::{Deserialize, Serialize};

/// The tasks of one unit as its paragraph (or ustęp) of the Regulamin states them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskList {
    /// The lead sentence verbatim, e.g. "Kierownik referatu realizuje zadania
    /// określone w § 11 ust. 2 Regulaminu oraz zadania z zakresu:".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub intro: String,
    /// The shared tasks the intro refers to, as cited there, e.g. "§ 11 ust. 2".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_ref: Option<String>,
    /// The numbered points, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<TaskPoint>,
}

/// One numbered point (pkt) with optional letters (lit.) under it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskPoint {
    /// The wording without its number and without the closing ";" or ".",
    /// which the Regulamin's punctuation rules add when the text is printed.
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub: Vec<TaskPoint>,
}

impl TaskPoint {
    pub fn new(text: impl Into<String>) -> Self {
        Self { text: text.into(), sub: Vec::new() }
    }
}

impl TaskList {
    pub fn is_empty(&self) -> bool {
        self.intro.is_empty() && self.shared_ref.is_none() && self.points.is_empty()
    }

    /// Number of points and letters together.
    pub fn point_count(&self) -> usize {
        fn count(points: &[TaskPoint]) -> usize {
            points.iter().map(|p| 1 + count(&p.sub)).sum()
        }
        count(&self.points)
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
    use super::letter_label;

    #[test]
    fn letters_after_z_continue_with_za() {
        let labels: Vec<String> = [0, 1, 25, 26, 27, 51, 52].into_iter().map(letter_label).collect();
        assert_eq!(labels, ["a", "b", "z", "za", "zb", "zz", "zza"]);
    }
}
