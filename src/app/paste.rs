//! Splitting a block of numbered lines pasted from Word ("1) …;\n2) …;") into
//! task points: numbering ("1)", "1.", "a)", "-", "•") and the closing ";" or
//! "." are stripped, because the Regulamin's punctuation is added on printing.
//! A line without a number continues the previous point (Word wraps long
//! points when copied as plain text).

/// The points in the pasted text, in order; empty lines are skipped.
pub fn split_points(text: &str) -> Vec<String> {
    let mut points: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match strip_number(line) {
            Some(rest) => points.push(rest.to_owned()),
            None => match points.last_mut() {
                Some(last) => {
                    last.push(' ');
                    last.push_str(line);
                }
                None => points.push(line.to_owned()),
            },
        }
    }
    points
        .into_iter()
        .map(|p| p.trim().trim_end_matches([';', '.', ',']).trim_end().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The text after a leading "12)", "12.", "a)", "-" or "•", if the line has one.
fn strip_number(line: &str) -> Option<&str> {
    if let Some(rest) = line.strip_prefix(['-', '•', '–', '*']) {
        return Some(rest.trim_start());
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let label_len = if digits > 0 {
        digits
    } else {
        // A letter label (lit. "a)") only with a closing parenthesis.
        let mut chars = line.chars();
        match (chars.next(), chars.next()) {
            (Some(c), Some(')')) if c.is_alphabetic() => c.len_utf8(),
            _ => return None,
        }
    };
    let rest = &line[label_len..];
    let rest = rest.strip_prefix(')').or_else(|| if digits > 0 { rest.strip_prefix('.') } else { None })?;
    Some(rest.trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_numbered_lines_become_points() {
        let pasted = "1) prowadzenie spraw kadrowych;\n2) obsługa sekretariatu;\r\n\n3) archiwizacja dokumentów.";
        assert_eq!(
            split_points(pasted),
            vec!["prowadzenie spraw kadrowych", "obsługa sekretariatu", "archiwizacja dokumentów"]
        );
    }

    #[test]
    fn wrapped_line_continues_previous_point() {
        let pasted = "1. koordynowanie prac\n   związanych z serwisem;\n2. zakupy;";
        assert_eq!(split_points(pasted), vec!["koordynowanie prac związanych z serwisem", "zakupy"]);
    }

    #[test]
    fn letters_and_bullets_are_stripped_but_years_are_kept() {
        assert_eq!(split_points("a) pierwsze;\n• drugie,\n- trzecie"), vec!["pierwsze", "drugie", "trzecie"]);
        assert_eq!(split_points("2022 rok budżetowy"), vec!["2022 rok budżetowy"]);
    }

    #[test]
    fn nothing_useful_gives_nothing() {
        assert!(split_points("  \n;\n").is_empty());
    }
}
