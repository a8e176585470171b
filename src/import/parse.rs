//! The paragraphs of a source read as legal text: the frame before the first
//! § (the title "Regulamin Organizacyjny …", the act it is the annex to, "w
//! sprawie nadania Regulaminu Organizacyjnego …"), chapter headings
//! ("Rozdział 2" and the title line after it, kept before the § they open),
//! and the § / ust. / pkt / lit. tree, which
//! [`crate::legal::apply::quoted`] builds, the same parser that reads the
//! quoted text of an ordinance.
//!
//! A paragraph that opens with no label inside a § is a line the source
//! wrapped (text taken from a PDF or the BIP) or a tiret: it is joined to the
//! piece before it, and the report says so.

use std::collections::BTreeMap;

use super::report::{NotKept, Note, Row};
use super::source::Paragraph;
use crate::legal::apply::{marker, quoted};
use crate::legal::derive::TITLE;
use crate::legal::text::UNKNOWN;
use crate::legal::{Piece, Regulamin};
use crate::model::{Chapter, Date, Designation, Level, Metadata, PieceState};

/// What the parser made of the source.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// The text: its title and its numbered pieces, as the source has them.
    pub text: Regulamin,
    /// The frame metadata read before the first §.
    pub meta: Metadata,
    /// Where each piece opens in the source (its paragraph's origin).
    pub origins: BTreeMap<Designation, usize>,
    /// Lines joined to the piece before them, and frame lines the model has no place for.
    pub rows: Vec<Row>,
}

impl Parsed {
    /// Whether the source has a § at all.
    pub fn has_paragraphs(&self) -> bool {
        !self.text.paragraphs.is_empty()
    }
}

/// One paragraph after its Markdown marks are taken off.
struct Line {
    text: String,
    origin: usize,
}

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// "§ 14", "§ 22. (uchylony)".
    Heading,
    /// "1.", "1)", "a)".
    Numbered,
    /// "– …": a tiret, below the lit. the model holds.
    Tiret,
    /// "Rozdział 2".
    Chapter,
    /// Anything else.
    Plain,
}

/// Parses the paragraphs of a source.
pub fn parse(paragraphs: &[Paragraph]) -> Parsed {
    let mut parsed = Parsed::default();
    let lines: Vec<Line> = paragraphs
        .iter()
        // The reader took the Markdown marks off and made every run of spaces and tabs one space.
        .map(|p| Line { text: p.text.trim().to_owned(), origin: p.origin })
        .filter(|l| !l.text.is_empty())
        .collect();
    // Lines as the tree parser takes them: each numbered line whole, a §
    // heading with at most one lead line after it.
    let mut body: Vec<Line> = Vec::new();
    let mut lead_open = false;
    // A chapter heading read, waiting for its title line and the § it opens.
    let mut chapter: Option<Pending> = None;
    for line in lines {
        let class = classify(&line.text);
        if let Some(open) = chapter.as_mut().filter(|_| class == Class::Plain) {
            if !open.title.is_empty() {
                open.title.push(' ');
            }
            open.title.push_str(line.text.trim_end_matches('.'));
            continue;
        }
        if body.is_empty() && !matches!(class, Class::Heading | Class::Chapter) {
            frame(&mut parsed, line);
            continue;
        }
        match class {
            Class::Heading => {
                if let Some(open) = chapter.take() {
                    match Designation::paragraph(heading_label(&line.text)) {
                        Ok(before) => {
                            let row = Row::new(Note::Chapter(open.heading.clone())).at(&before).origin(open.origin);
                            parsed.rows.push(row);
                            parsed.text.chapters.push(Chapter { before, heading: open.heading, title: open.title });
                        }
                        Err(_) => open.left_out(&mut parsed),
                    }
                }
                // "§ 5" alone takes a lead line; "§ 5. Tekst" and "§ 22. (uchylony)" have theirs.
                lead_open = heading_rest(&line.text).is_empty();
                body.push(line);
            }
            Class::Numbered => {
                lead_open = false;
                body.push(line);
            }
            Class::Chapter => {
                // Two headings in a row: the first opens no §.
                if let Some(left) =
                    chapter.replace(Pending { heading: line.text, title: String::new(), origin: line.origin })
                {
                    left.left_out(&mut parsed);
                }
            }
            Class::Plain if lead_open => {
                lead_open = false;
                body.push(line);
            }
            class @ (Class::Plain | Class::Tiret) => {
                let tiret = class == Class::Tiret;
                if let Some(last) = body.last_mut() {
                    last.text.push(' ');
                    last.text.push_str(&line.text);
                    parsed.rows.push(Row::new(Note::Joined { tiret, to: last.origin }).origin(line.origin));
                }
            }
        }
    }
    if let Some(left) = chapter {
        left.left_out(&mut parsed);
    }
    let texts: Vec<String> = body.iter().map(|l| l.text.clone()).collect();
    let mut pieces = quoted(&texts, Level::Par);
    for piece in &mut pieces {
        mark_unknown(piece);
    }
    // Every heading and numbered line made one piece, in pre-order; a lead line none.
    let mut starts = body.iter().filter(|l| classify(&l.text) != Class::Plain).map(|l| l.origin);
    for piece in &pieces {
        if let Ok(d) = Designation::paragraph(&piece.label) {
            record_origins(piece, d, &mut starts, &mut parsed.origins);
        }
    }
    parsed.text.paragraphs = pieces;
    if parsed.text.title.is_empty() {
        parsed.text.title = TITLE.to_owned();
    }
    parsed
}

/// A chapter heading read, waiting for its title and the § it opens.
struct Pending {
    heading: String,
    title: String,
    origin: usize,
}

impl Pending {
    /// A heading that opens no § (another heading or the end follows): reported, not kept.
    fn left_out(self, parsed: &mut Parsed) {
        parsed.rows.push(Row::new(Note::NotKept(NotKept::Chapter(self.heading))).origin(self.origin));
    }
}

/// The label of a § heading ("22a" in "§ 22a. (uchylony)").
fn heading_label(text: &str) -> &str {
    let rest = text.trim_start_matches('§').trim_start();
    rest.split([' ', '.']).next().unwrap_or("")
}

/// What follows the label of a § heading ("(uchylony)" in "§ 22. (uchylony)").
fn heading_rest(text: &str) -> &str {
    let rest = text.trim_start_matches('§').trim_start();
    let label_end = rest.find([' ', '.']).unwrap_or(rest.len());
    rest[label_end..].trim_start_matches('.').trim()
}

fn classify(text: &str) -> Class {
    if let Some(rest) = text.strip_prefix('§') {
        let label = rest.trim_start().split([' ', '.']).next().unwrap_or("");
        let well_formed = label.chars().next().is_some_and(|c| c.is_ascii_digit())
            && label.chars().all(|c| c.is_ascii_alphanumeric());
        if well_formed && Designation::paragraph(label).is_ok() {
            return Class::Heading;
        }
    }
    if marker(text).is_some() {
        return Class::Numbered;
    }
    if ["– ", "— ", "- "].iter().any(|dash| text.starts_with(dash)) {
        return Class::Tiret;
    }
    let first = text.split_whitespace().next().unwrap_or("");
    if first.eq_ignore_ascii_case("rozdział") || first == "ROZDZIAŁ" {
        return Class::Chapter;
    }
    Class::Plain
}

/// A line before the first §: the title, the act's number and date, its
/// subject ("w sprawie …"); anything else has no place in the model.
fn frame(parsed: &mut Parsed, line: Line) {
    let text = line.text.trim_end_matches('.').trim();
    if parsed.text.title.is_empty() && text.starts_with(TITLE) {
        parsed.text.title = text.to_owned();
        return;
    }
    if text.starts_with("w sprawie ") && parsed.meta.base_act.title.is_empty() {
        parsed.meta.base_act.title = text.to_owned();
        return;
    }
    if let Some(act) = act_reference(&line.text) {
        let (number, organ, date) = act;
        parsed.meta.base_act.number = number;
        parsed.meta.organ_genitive = organ;
        parsed.meta.base_act.date = date;
        return;
    }
    parsed.rows.push(Row::new(Note::NotKept(NotKept::Frame(line.text))).origin(line.origin));
}

/// "Załącznik do zarządzenia nr 56/12/2018 Prezydenta Miasta Lublin z dnia
/// 31 grudnia 2018 r.": the number, the organ in the genitive, the date.
fn act_reference(text: &str) -> Option<(String, String, Option<Date>)> {
    let after = &text[text.find("zarządzenia nr ")? + "zarządzenia nr ".len()..];
    let number = after.split_whitespace().next()?.to_owned();
    let rest = after[number.len()..].trim();
    let (organ, date) = match rest.find(" z dnia ") {
        Some(at) => (rest[..at].trim(), Date::parse_polish(rest[at + " z dnia ".len()..].trim())),
        None => (rest, None),
    };
    Some((number, organ.to_owned(), date))
}

/// "[…]" as the wording is the unknown wording of the model.
fn mark_unknown(piece: &mut Piece) {
    if piece.state == PieceState::Text && piece.text == UNKNOWN {
        piece.state = PieceState::Unknown;
        piece.text.clear();
    }
    for child in &mut piece.children {
        mark_unknown(child);
    }
}

fn record_origins(
    piece: &Piece,
    at: Designation,
    starts: &mut impl Iterator<Item = usize>,
    origins: &mut BTreeMap<Designation, usize>,
) {
    if let Some(origin) = starts.next() {
        origins.entry(at.clone()).or_insert(origin);
    }
    for child in &piece.children {
        match at.child(child.level, &child.label) {
            Ok(d) => record_origins(child, d, starts, origins),
            // Not a designation: its lines still count, so the rest stay in step.
            Err(_) => skip(child, starts),
        }
    }
}

fn skip(piece: &Piece, starts: &mut impl Iterator<Item = usize>) {
    starts.next();
    for child in &piece.children {
        skip(child, starts);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::source::{SourceKind, read_text};

    fn parse_text(text: &str, kind: SourceKind) -> Parsed {
        parse(&read_text(text, kind))
    }

    #[test]
    fn headings_numbers_and_placeholders_become_pieces() {
        let parsed = parse_text(
            "Regulamin Organizacyjny Departamentu X\n\n§ 3\n\n1. […]:\n   1) referat ds. A (X-A);\n   2) (uchylony).\n\n§ 22. (uchylony)\n",
            SourceKind::Text,
        );
        assert_eq!(parsed.text.title, "Regulamin Organizacyjny Departamentu X");
        let ust = parsed.text.find(&"§ 3 ust. 1".parse().unwrap()).unwrap();
        assert_eq!(ust.state, PieceState::Unknown);
        assert_eq!(ust.children[0].text, "referat ds. A (X-A)");
        assert_eq!(ust.children[1].state, PieceState::Repealed);
        assert_eq!(parsed.text.find(&"§ 22".parse().unwrap()).unwrap().state, PieceState::Repealed);
        assert_eq!(parsed.origins[&"§ 3 ust. 1 pkt 2".parse().unwrap()], 7);
    }

    #[test]
    fn a_tab_after_a_label_is_a_space() {
        let paragraphs = read_text("§ 1\n1)\tobsługi;\n2)\tnadzoru.", SourceKind::Docx);
        let parsed = parse(&paragraphs);
        let texts: Vec<&str> = parsed.text.paragraphs[0].children.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["obsługi", "nadzoru"]);
    }

    #[test]
    fn markdown_marks_come_off() {
        let parsed = parse_text("### § 3\n\n1\\. *[…]*:\n\n&emsp;1\\) **referat** (X\\_A);\n", SourceKind::Markdown);
        let pkt = parsed.text.find(&"§ 3 ust. 1 pkt 1".parse().unwrap()).unwrap();
        assert_eq!(pkt.text, "referat (X_A)");
    }

    #[test]
    fn markdown_escapes_are_taken_off_once() {
        // The reader unescapes; a second pass here dropped the backslash and the stars.
        let parsed = parse_text("§ 1\n\nUkośnik \\\\ i gwiazdki \\*\\*.\n", SourceKind::Markdown);
        assert_eq!(parsed.text.find(&"§ 1".parse().unwrap()).unwrap().text, "Ukośnik \\ i gwiazdki **");
    }

    #[test]
    fn wrapped_lines_join_the_piece_before() {
        let parsed = parse_text("§ 1\n1. Pierwsze\nzdanie.\n2. Drugie.\n", SourceKind::Text);
        assert_eq!(parsed.text.find(&"§ 1 ust. 1".parse().unwrap()).unwrap().text, "Pierwsze zdanie");
        assert!(matches!(parsed.rows[0].note, Note::Joined { tiret: false, to: 2 }));
    }

    #[test]
    fn a_chapter_heading_and_its_title_are_kept_before_the_paragraph_they_open() {
        let source = "Rozdział 1\nPostanowienia ogólne\n§ 1\nTekst.\nRozdział 2\n§ 2\nDrugi.\nRozdział 3\nRozdział 4\n";
        let parsed = parse_text(source, SourceKind::Text);
        let chapters: Vec<(String, &str, &str)> =
            parsed.text.chapters.iter().map(|c| (c.before.to_string(), c.heading.as_str(), c.title.as_str())).collect();
        assert_eq!(
            chapters,
            [("§ 1".to_owned(), "Rozdział 1", "Postanowienia ogólne"), ("§ 2".to_owned(), "Rozdział 2", "")]
        );
        // The title line is the chapter's, not the text of the § before it.
        assert_eq!(parsed.text.find(&"§ 1".parse().unwrap()).unwrap().text, "Tekst");
        // Headings that open no § are reported as left out.
        let left: Vec<&Note> = parsed.rows.iter().map(|r| &r.note).filter(|n| matches!(n, Note::NotKept(_))).collect();
        assert_eq!(left.len(), 2, "{left:?}");
    }

    #[test]
    fn the_frame_gives_the_act() {
        let parsed = parse_text(
            "Załącznik do zarządzenia nr 56/12/2018 Prezydenta Miasta Lublin z dnia 31 grudnia 2018 r.\nw sprawie nadania Regulaminu Organizacyjnego Departamentu X\n§ 1\nTekst.\n",
            SourceKind::Text,
        );
        assert_eq!(parsed.meta.base_act.number, "56/12/2018");
        assert_eq!(parsed.meta.organ_genitive, "Prezydenta Miasta Lublin");
        assert_eq!(parsed.meta.base_act.date, Date::new(2018, 12, 31));
        assert_eq!(parsed.meta.base_act.title, "w sprawie nadania Regulaminu Organizacyjnego Departamentu X");
        assert_eq!(parsed.text.paragraphs[0].text, "Tekst");
    }
}
