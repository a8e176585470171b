//! Text of the editor's compare mode: the menu items, the changes panel and
//! the inline task changes. The wording of each change is the diff report's
//! ([`super::diff`]); this table only frames it.

use super::Lang;

/// Fixed strings of the compare mode; messages with parameters are methods.
pub struct ReviewText {
    pub lang: Lang,
    pub compare_with: &'static str,
    pub compare_with_saved: &'static str,
    pub compare_with_saved_hint: &'static str,
    pub compare_off: &'static str,
    pub export_report: &'static str,
    pub export_chart_png: &'static str,
    pub export_chart_svg: &'static str,
    pub changes_title: &'static str,
    /// Shown in the changes panel while the diff is computed off the UI thread.
    pub computing: &'static str,
    pub task_changes_title: &'static str,
    pub removed_unit: &'static str,
    pub point_moved_here: &'static str,
}

const PL: ReviewText = ReviewText {
    lang: Lang::Pl,
    compare_with: "Porównaj z…",
    compare_with_saved: "Porównaj z ostatnio zapisaną wersją",
    compare_with_saved_hint: "Dokument nie ma jeszcze pliku na dysku.",
    compare_off: "Zakończ porównanie",
    export_report: "Raport zmian (Markdown)…",
    export_chart_png: "Schemat ze zmianami (PNG)…",
    export_chart_svg: "Schemat ze zmianami (SVG)…",
    changes_title: "Zmiany",
    computing: "Obliczanie zmian…",
    task_changes_title: "Zmiany zadań",
    removed_unit: "Ta jednostka została usunięta w projekcie.",
    point_moved_here: "przeniesiono tutaj",
};

const EN: ReviewText = ReviewText {
    lang: Lang::En,
    compare_with: "Compare with…",
    compare_with_saved: "Compare with the last saved version",
    compare_with_saved_hint: "The document has no file on disk yet.",
    compare_off: "Stop comparing",
    export_report: "Change report (Markdown)…",
    export_chart_png: "Chart with changes (PNG)…",
    export_chart_svg: "Chart with changes (SVG)…",
    changes_title: "Changes",
    computing: "Computing the changes…",
    task_changes_title: "Task changes",
    removed_unit: "This unit is removed in the proposal.",
    point_moved_here: "moved here",
};

pub fn text(lang: Lang) -> &'static ReviewText {
    lang.pick(&PL, &EN)
}

impl ReviewText {
    /// "zmiany względem doa-2021.ron".
    pub fn compared_with(&self, baseline: &str) -> String {
        match self.lang {
            Lang::Pl => format!("względem {baseline}"),
            Lang::En => format!("against {baseline}"),
        }
    }

    /// "1 zmiana", "3 zmiany", "12 zmian".
    pub fn changes_count(&self, n: usize) -> String {
        match self.lang {
            Lang::Pl => {
                let word = if n == 1 {
                    "zmiana"
                } else if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) {
                    "zmiany"
                } else {
                    "zmian"
                };
                format!("{n} {word}")
            }
            Lang::En => format!("{n} change{}", if n == 1 { "" } else { "s" }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_counts_take_the_right_plural() {
        let t = text(Lang::Pl);
        let words: Vec<String> = [1, 2, 4, 5, 12, 13, 22, 25, 101].iter().map(|&n| t.changes_count(n)).collect();
        assert_eq!(
            words,
            [
                "1 zmiana",
                "2 zmiany",
                "4 zmiany",
                "5 zmian",
                "12 zmian",
                "13 zmian",
                "22 zmiany",
                "25 zmian",
                "101 zmian"
            ]
        );
        assert_eq!(text(Lang::En).changes_count(1), "1 change");
        assert_eq!(text(Lang::En).changes_count(3), "3 changes");
    }
}
