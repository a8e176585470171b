//! Plain text and Markdown sources into paragraphs: one paragraph per
//! non-empty line, as the office's texts put one provision on a line.
//!
//! Markdown is read for what the reference ordinance (`shared/reference/`)
//! and converters write, not as a renderer would: a renderer joins the lines
//! of a paragraph and would run "a)" lines together, so lines stay apart.
//! Taken off: "#" heading marks (the count is the heading level) and
//! setext underlines ("===", "---" under a line: levels 1 and 2), "> "
//! quote marks, the bullet marks "- ", "* ", "+ " before a label ("- a)" is
//! the letter "a)"; a bullet before plain words is a tiret and reads "– "),
//! "**" bold marks (a paragraph all in bold is bold, also when the bold runs
//! over a line break), "*" italic marks, the hard-break backslash, backslash escapes and HTML
//! entities. Ordered-list numbers ("1. ") are legal labels and stay, and so
//! do quotes „…”.

use super::{Paragraph, SourceKind, printed};

/// The paragraphs of a plain text or Markdown source: one per non-empty line.
pub fn read_text(text: &str, kind: SourceKind) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    // Markdown bold left open at the end of a line goes on in the next one.
    let mut bold_open = false;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            bold_open = false;
            continue;
        }
        if kind == SourceKind::Markdown
            && let Some(level) = setext(line)
        {
            // "===" or "---" right under a line makes it a heading; elsewhere "---" is a rule.
            if let Some(above) = paragraphs.last_mut().filter(|p: &&mut Paragraph| p.origin == i && p.heading.is_none())
            {
                above.heading = Some(level);
            }
            bold_open = false;
            continue;
        }
        let paragraph = match kind {
            SourceKind::Markdown => markdown(line, i + 1, &mut bold_open),
            SourceKind::Text | SourceKind::Docx => {
                let text = printed(line);
                (!text.is_empty()).then_some(Paragraph { text, bold: false, heading: None, origin: i + 1 })
            }
        };
        paragraphs.extend(paragraph);
    }
    paragraphs
}

/// One Markdown line; `None` for a line of marks only (a rule "---").
fn markdown(line: &str, origin: usize, bold_open: &mut bool) -> Option<Paragraph> {
    let mut rest = line.trim();
    if is_rule(rest) {
        *bold_open = false;
        return None;
    }
    let mut heading = None;
    let hashes = rest.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && (rest.len() == hashes || rest[hashes..].starts_with([' ', '\t'])) {
        heading = Some(hashes as u8);
        rest = closing_hashes(rest[hashes..].trim());
    }
    while let Some(quoted) = rest.strip_prefix('>') {
        rest = quoted.trim_start();
    }
    let bullet = ["- ", "* ", "+ ", "-\t", "*\t", "+\t"].iter().find_map(|mark| rest.strip_prefix(mark));
    if let Some(item) = bullet {
        rest = item.trim_start();
    }
    let inline = inline(rest, bold_open);
    let mut text = printed(&inline.text);
    if bullet.is_some() && !opens_with_label(&text) {
        text = format!("– {text}");
    }
    if text.is_empty() {
        return None;
    }
    Some(Paragraph { text, bold: inline.bold, heading, origin })
}

/// The heading level a setext underline gives ("===" 1, "---" 2).
fn setext(line: &str) -> Option<u8> {
    let line = line.trim();
    let level = match line.chars().next()? {
        '=' => 1,
        '-' => 2,
        _ => return None,
    };
    let mark = if level == 1 { '=' } else { '-' };
    (line.len() >= 3 && line.chars().all(|c| c == mark)).then_some(level)
}

/// A thematic break: three or more of one of "-", "*", "_", spaces between.
fn is_rule(line: &str) -> bool {
    let marks: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3 && ['-', '*', '_'].iter().any(|&m| marks.iter().all(|&c| c == m))
}

/// A heading's text without its optional closing "###".
fn closing_hashes(text: &str) -> &str {
    let cut = text.trim_end_matches('#');
    if cut.len() < text.len() && (cut.is_empty() || cut.ends_with([' ', '\t'])) { cut.trim_end() } else { text }
}

/// Whether a text opens with a legal label ("1)", "a)", "2.", "14a)"), a § or a quote.
fn opens_with_label(text: &str) -> bool {
    if text.starts_with(['„', '"', '§', '–']) {
        return true;
    }
    let token = text.split(' ').next().unwrap_or("");
    let Some(label) = token.strip_suffix(')').or_else(|| token.strip_suffix('.')) else { return false };
    let digits = label.chars().take_while(char::is_ascii_digit).count();
    let letters = &label[digits..];
    !label.is_empty()
        && letters.len() <= 3
        && letters.chars().all(|c| c.is_ascii_lowercase())
        && (digits > 0 || token.ends_with(')'))
}

/// A line's inline text without its marks.
struct Inline {
    text: String,
    /// Every visible character is inside "**" bold.
    bold: bool,
}

/// Takes off "**" (tracking bold across lines in `bold_open`), "*" of italics, a trailing
/// hard-break backslash, backslash escapes and HTML entities.
fn inline(text: &str, bold_open: &mut bool) -> Inline {
    let text = text.strip_suffix('\\').filter(|t| !t.ends_with('\\')).unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    let (mut bold_chars, mut plain_chars) = (0usize, 0usize);
    let mut count = |c: char, bold: bool| {
        if !c.is_whitespace() {
            if bold { bold_chars += 1 } else { plain_chars += 1 }
        }
    };
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("**") {
            *bold_open = !*bold_open;
            rest = after;
            continue;
        }
        if c == '\\'
            && let Some(escaped) = rest[1..].chars().next().filter(char::is_ascii_punctuation)
        {
            out.push(escaped);
            count(escaped, *bold_open);
            rest = &rest[1 + escaped.len_utf8()..];
            continue;
        }
        if c == '*' {
            // A single "*" next to a word marks italics ("*[…]*"); alone between spaces it is text.
            let next = rest[1..].chars().next();
            if next.is_some_and(|n| !n.is_whitespace()) || out.chars().last().is_some_and(|p| !p.is_whitespace()) {
                rest = &rest[1..];
                continue;
            }
        }
        if c == '&'
            && let Some((entity, len)) = entity(rest)
        {
            out.push(entity);
            count(entity, *bold_open);
            rest = &rest[len..];
            continue;
        }
        out.push(c);
        count(c, *bold_open);
        rest = &rest[c.len_utf8()..];
    }
    Inline { text: out, bold: bold_chars > 0 && plain_chars == 0 }
}

/// The character of an HTML entity at the start of `text` ("&amp;", "&#8222;",
/// "&#x201E;", "&nbsp;") and the entity's length.
fn entity(text: &str) -> Option<(char, usize)> {
    let end = text.char_indices().take(12).find(|&(_, c)| c == ';')?.0;
    let name = &text[1..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "bdquo" => '„',
        "rdquo" => '”',
        "sect" => '§',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> Vec<(String, bool, Option<u8>)> {
        read_text(text, SourceKind::Markdown).into_iter().map(|p| (p.text, p.bold, p.heading)).collect()
    }

    fn texts(text: &str) -> Vec<String> {
        md(text).into_iter().map(|(t, ..)| t).collect()
    }

    #[test]
    fn bullets_before_labels_go_and_before_words_become_tirets() {
        assert_eq!(
            texts(
                "- a) kierownik referatu (IT-TB),\n  - 4) wieloosobowe\n* „3) referat\n- w pkt 2 uchyla się lit. d,\n+ 14a) obsługi"
            ),
            [
                "a) kierownik referatu (IT-TB),",
                "4) wieloosobowe",
                "„3) referat",
                "– w pkt 2 uchyla się lit. d,",
                "14a) obsługi"
            ]
        );
    }

    #[test]
    fn ordered_numbers_are_labels_and_stay() {
        assert_eq!(
            md("1. **Referat ds. technologii bezpieczeństwa** realizuje:\n#### 2. Kierownik referatu"),
            [
                ("1. Referat ds. technologii bezpieczeństwa realizuje:".to_owned(), false, None),
                ("2. Kierownik referatu".to_owned(), false, Some(4))
            ]
        );
    }

    #[test]
    fn bold_over_a_hard_line_break_is_bold_on_both_lines() {
        assert_eq!(
            md("**Zarządzenie nr 58/12/2021  \nPrezydenta Miasta Lublin**\nzarządzam"),
            [
                ("Zarządzenie nr 58/12/2021".to_owned(), true, None),
                ("Prezydenta Miasta Lublin".to_owned(), true, None),
                ("zarządzam".to_owned(), false, None)
            ]
        );
        // A blank line ends a Markdown paragraph, and with it an unclosed bold.
        assert_eq!(md("**otwarte\n\ndalej"), [("otwarte".to_owned(), true, None), ("dalej".to_owned(), false, None)]);
    }

    #[test]
    fn escapes_entities_and_marks_are_read() {
        assert_eq!(
            texts(
                "\\- nie lista\\\n5\\. punkt &amp; &#8222;cytat&#x201D; &nbsp;x\n---\n# Tytuł #\n> „§ 22g\n1) *[…]* a * b \\*"
            ),
            ["- nie lista", "5. punkt & „cytat” x", "Tytuł", "„§ 22g", "1) […] a * b *"]
        );
        assert_eq!(md("#hashtag"), [("#hashtag".to_owned(), false, None)]);
        // Regression: an "&" before a multi-byte letter within an entity's length cut a char.
        assert_eq!(texts("&emsp;2\\) […] & ąę;"), ["2) […] & ąę;"]);
    }

    #[test]
    fn setext_underlines_make_headings() {
        assert_eq!(
            md("Regulamin\n=========\n§ 1\n---\n\n---\ntekst"),
            [
                ("Regulamin".to_owned(), false, Some(1)),
                ("§ 1".to_owned(), false, Some(2)),
                ("tekst".to_owned(), false, None)
            ]
        );
    }

    #[test]
    fn plain_text_keeps_every_mark() {
        let read = read_text("- a) **x**\n\n# y\r\n", SourceKind::Text);
        let texts: Vec<_> = read.iter().map(|p| (p.text.as_str(), p.origin)).collect();
        assert_eq!(texts, [("- a) **x**", 1), ("# y", 3)]);
    }
}
