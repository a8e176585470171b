//! The Regulamin tree printed as the office writes it.
//!
//! Layout: every § is a centred heading of its own ("§ 14"; plain text puts
//! it alone on its line, Markdown makes it a heading), its ust. follow as
//! "1. …", points as "1) …", letters as "a) …". Punctuation follows
//! `../shared/docs/amendment-spec.md` §5-§6 (P2, P7, C6):
//!
//! - an intro of an enumeration ends with ":";
//! - points end with ";", the last point of the enumeration with ".", which
//!   closes the sentence of its ust. or §;
//! - letters end with ",", the last letter with its point's ending;
//! - an ust. (or a §'s own text) that has no enumeration ends with ".";
//! - a repealed piece keeps its designation and its place in the
//!   punctuation: "3) (uchylony);", "b) (uchylona),", "5. (uchylony)",
//!   "§ 22. (uchylony)" (a lit., litera, is feminine);
//! - wording the file does not know prints as "[…]" with the punctuation of
//!   its place (Markdown sets it in italics); the full stop of an unknown
//!   ust. or § is part of the unknown wording and is not printed.
//!
//! [`lines`] gives the same text as lines with their designations and
//! sources, for a view that lets a click select the piece's unit.

use super::tree::{Piece, Regulamin, Source};
use crate::model::{Chapter, Designation, Level, PieceState};

/// A repealed §, ust. or pkt (paragraf, ustęp, punkt: masculine).
pub const REPEALED: &str = "(uchylony)";
/// A repealed lit. (litera: feminine).
pub const REPEALED_LETTER: &str = "(uchylona)";
/// Wording that exists but is not known to the file.
pub const UNKNOWN: &str = "[…]";

/// The output format of [`render`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Plain text: headings alone on their line, points indented.
    #[default]
    Text,
    /// Markdown: § as headings, list markers escaped so that no renderer renumbers them.
    Markdown,
}

/// What a line of the printed text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The centred "§ 14" heading (for a repealed §: "§ 22. (uchylony)").
    Heading,
    /// A numbered piece ("1. …", "1) …", "a) …") or the own text of a §.
    Body,
}

/// One printed line with the piece it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    pub kind: LineKind,
    pub designation: Designation,
    /// Nesting below the §: 0 for the § itself and its ust. (or its points
    /// when it has no ust.), 1 for the points of an ust., and so on.
    pub depth: usize,
    /// "§ 14", "§ 22.", "1.", "1)", "a)"; empty for the own text of a §.
    pub marker: String,
    /// The wording, or the formula of a repealed or unknown piece.
    pub text: String,
    /// The closing punctuation: ":", ";", ",", "." or nothing.
    pub ending: &'static str,
    pub state: PieceState,
    pub source: &'a Source,
}

impl Line<'_> {
    /// The line as plain text, without indentation.
    pub fn plain(&self) -> String {
        let mut out = self.marker.clone();
        if !self.text.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&self.text);
        }
        out.push_str(self.ending);
        out
    }
}

/// The text in lines, in order.
pub fn lines(regulamin: &Regulamin) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    walk(regulamin, &mut |d: Designation, raw: Raw<'_>| {
        out.push(Line {
            kind: raw.kind,
            designation: d,
            depth: raw.depth,
            marker: raw.marker,
            text: raw.text.to_owned(),
            ending: raw.ending,
            state: raw.state,
            source: raw.source,
        })
    });
    out
}

/// The whole text in `format`, starting with its title.
pub fn render(regulamin: &Regulamin, format: Format) -> String {
    let mut out = String::new();
    match format {
        Format::Text => out.push_str(&regulamin.title),
        Format::Markdown => {
            out.push_str("# ");
            out.push_str(&escape_markdown(&regulamin.title));
        }
    }
    out.push('\n');
    for paragraph in &regulamin.paragraphs {
        let at = Designation::paragraph(&paragraph.label).ok();
        if let Some(chapter) = at.and_then(|d| regulamin.chapter_before(&d)) {
            write_chapter(&mut out, format, chapter);
        }
        paragraph_lines(paragraph, (), &mut |(), line| write_line(&mut out, format, &line));
    }
    out
}

/// A chapter heading: "Rozdział 2" and its title on the next line, apart
/// from the text around them (a Markdown "##" heading, its title in bold).
fn write_chapter(out: &mut String, format: Format, chapter: &Chapter) {
    match format {
        Format::Text => {
            if !out.ends_with("\n\n") {
                out.push('\n');
            }
            out.push_str(&chapter.heading);
            out.push('\n');
            if !chapter.title.is_empty() {
                out.push_str(&chapter.title);
                out.push('\n');
            }
        }
        Format::Markdown => {
            out.push_str("\n## ");
            out.push_str(&escape_markdown(&chapter.heading));
            out.push('\n');
            if !chapter.title.is_empty() {
                out.push_str("\n**");
                out.push_str(&escape_markdown(&chapter.title));
                out.push_str("**\n");
            }
        }
    }
}

/// One line of the text in `format`.
fn write_line(out: &mut String, format: Format, line: &Raw<'_>) {
    match (format, line.kind) {
        (Format::Text, LineKind::Heading) => {
            if !out.ends_with("\n\n") {
                out.push('\n');
            }
            line.write_plain(out);
            out.push_str("\n\n");
        }
        (Format::Text, LineKind::Body) => {
            for _ in 0..line.depth {
                out.push_str("   ");
            }
            line.write_plain(out);
            out.push('\n');
        }
        (Format::Markdown, LineKind::Heading) => {
            out.push_str("\n### ");
            out.push_str(&markdown_line(line));
            out.push('\n');
        }
        (Format::Markdown, LineKind::Body) => {
            out.push('\n');
            out.push_str(&"&emsp;".repeat(line.depth));
            out.push_str(&markdown_line(line));
            out.push('\n');
        }
    }
}

/// A line before it is given its designation.
struct Raw<'a> {
    kind: LineKind,
    depth: usize,
    marker: String,
    text: &'a str,
    ending: &'static str,
    state: PieceState,
    source: &'a Source,
}

impl Raw<'_> {
    fn write_plain(&self, out: &mut String) {
        out.push_str(&self.marker);
        if !self.text.is_empty() {
            if !self.marker.is_empty() {
                out.push(' ');
            }
            out.push_str(self.text);
        }
        out.push_str(self.ending);
    }
}

/// Where a walk is: the designation for [`lines`], nothing for [`render`]
/// (which then builds none).
trait Place: Sized {
    fn paragraph(label: &str) -> Option<Self>;
    fn child(&self, level: Level, label: &str) -> Option<Self>;
    fn same(&self) -> Self;
}

impl Place for Designation {
    fn paragraph(label: &str) -> Option<Self> {
        Designation::paragraph(label).ok()
    }
    fn child(&self, level: Level, label: &str) -> Option<Self> {
        Designation::child(self, level, label).ok()
    }
    fn same(&self) -> Self {
        self.clone()
    }
}

impl Place for () {
    fn paragraph(_: &str) -> Option<Self> {
        Some(())
    }
    fn child(&self, _: Level, _: &str) -> Option<Self> {
        Some(())
    }
    fn same(&self) -> Self {}
}

/// Calls `visit` with every line of the text, in order.
fn walk<'a, P: Place>(regulamin: &'a Regulamin, visit: &mut impl FnMut(P, Raw<'a>)) {
    for paragraph in &regulamin.paragraphs {
        let Some(at) = P::paragraph(&paragraph.label) else { continue };
        paragraph_lines(paragraph, at, visit);
    }
}

fn paragraph_lines<'a, P: Place>(paragraph: &'a Piece, at: P, visit: &mut impl FnMut(P, Raw<'a>)) {
    let line = |kind, marker, text, ending| Raw {
        kind,
        depth: 0,
        marker,
        text,
        ending,
        state: paragraph.state,
        source: &paragraph.source,
    };
    if paragraph.state.is_repealed() {
        visit(at, line(LineKind::Heading, format!("§ {}.", paragraph.label), REPEALED, ""));
        return;
    }
    visit(at.same(), line(LineKind::Heading, format!("§ {}", paragraph.label), "", ""));
    let own = match paragraph.state {
        PieceState::Unknown => Some(UNKNOWN),
        _ if !paragraph.text.is_empty() => Some(paragraph.text.as_str()),
        _ => None,
    };
    if let Some(text) = own {
        visit(at.same(), line(LineKind::Body, String::new(), text, own_ending(paragraph, ".")));
    }
    children_lines(paragraph, &at, 0, ".", visit);
}

/// The children of `parent` at `depth`, the last point of an enumeration
/// ending with `end`.
fn children_lines<'a, P: Place>(
    parent: &'a Piece,
    at: &P,
    depth: usize,
    end: &'static str,
    visit: &mut impl FnMut(P, Raw<'a>),
) {
    let last_of = |level: Level| parent.children.iter().rposition(|c| c.level == level);
    let (last_pkt, last_lit) = (last_of(Level::Pkt), last_of(Level::Lit));
    for (i, child) in parent.children.iter().enumerate() {
        let Some(d) = at.child(child.level, &child.label) else { continue };
        let last = Some(i) == if child.level == Level::Lit { last_lit } else { last_pkt };
        let end = match child.level {
            Level::Par | Level::Ust => ".",
            Level::Pkt if last => end,
            Level::Pkt => ";",
            Level::Lit if last => end,
            Level::Lit => ",",
        };
        piece_lines(child, d, depth, end, visit);
    }
}

/// One ust., pkt or lit. and what lies under it; `end` is the punctuation
/// that closes it when it has no enumeration of its own.
fn piece_lines<'a, P: Place>(
    piece: &'a Piece,
    at: P,
    depth: usize,
    end: &'static str,
    visit: &mut impl FnMut(P, Raw<'a>),
) {
    let marker = match piece.level {
        Level::Par => format!("§ {}", piece.label),
        Level::Ust => format!("{}.", piece.label),
        Level::Pkt | Level::Lit => format!("{})", piece.label),
    };
    let sentence = matches!(piece.level, Level::Par | Level::Ust);
    let (text, ending) = match piece.state {
        PieceState::Repealed => {
            let formula = if piece.level == Level::Lit { REPEALED_LETTER } else { REPEALED };
            (formula, if sentence { "" } else { end })
        }
        PieceState::Unknown => (
            UNKNOWN,
            if !piece.children.is_empty() {
                ":"
            } else if sentence {
                ""
            } else {
                end
            },
        ),
        PieceState::Text => (piece.text.as_str(), own_ending(piece, end)),
    };
    let ending = if ending == "." && text.ends_with('.') { "" } else { ending };
    let line = Raw { kind: LineKind::Body, depth, marker, text, ending, state: piece.state, source: &piece.source };
    if piece.state.is_repealed() {
        visit(at, line);
        return;
    }
    visit(at.same(), line);
    children_lines(piece, &at, depth + 1, end, visit);
}

/// The ending of a piece's own text: ":" before its enumeration, `end`
/// otherwise; nothing after a level with no text.
fn own_ending(piece: &Piece, end: &'static str) -> &'static str {
    if piece.state == PieceState::Unknown {
        return if piece.children.is_empty() { "" } else { ":" };
    }
    if piece.text.is_empty() {
        ""
    } else if piece.children.is_empty() {
        end
    } else {
        ":"
    }
}

fn markdown_line(line: &Raw<'_>) -> String {
    let marker = match line.kind {
        // "1." and "1)" open an ordered list in Markdown, which would renumber the text.
        LineKind::Body => line.marker.replace('.', "\\.").replace(')', "\\)"),
        LineKind::Heading => line.marker.clone(),
    };
    let text = match line.state {
        // The heading of a § of unknown wording is "§ 4" alone; its "[…]" is the body line after it.
        PieceState::Unknown if line.kind == LineKind::Body => format!("*{UNKNOWN}*"),
        _ => escape_markdown(line.text),
    };
    let mut out = marker;
    if !text.is_empty() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text);
    }
    out.push_str(line.ending);
    out
}

fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '<' | '>' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::UnitId;

    fn piece(level: Level, label: &str, text: &str, children: Vec<Piece>) -> Piece {
        Piece {
            level,
            label: label.into(),
            state: PieceState::Text,
            text: text.into(),
            children,
            source: Source::Implied,
        }
    }

    fn with_state(mut p: Piece, state: PieceState) -> Piece {
        p.state = state;
        p.text.clear();
        p
    }

    fn body(regulamin: &Regulamin) -> Vec<String> {
        lines(regulamin).iter().map(Line::plain).collect()
    }

    fn doc(paragraphs: Vec<Piece>) -> Regulamin {
        Regulamin { title: "Regulamin".into(), paragraphs, ..Regulamin::default() }
    }

    #[test]
    fn points_end_with_semicolons_and_the_last_with_a_full_stop() {
        let text = doc(vec![piece(
            Level::Par,
            "12",
            "Dyrektor Wydziału realizuje zadania",
            vec![piece(Level::Pkt, "1", "pierwsze", vec![]), piece(Level::Pkt, "2", "drugie", vec![])],
        )]);
        assert_eq!(body(&text), ["§ 12", "Dyrektor Wydziału realizuje zadania:", "1) pierwsze;", "2) drugie."]);
    }

    #[test]
    fn letters_end_with_commas_and_the_last_takes_its_points_ending() {
        let letters = || vec![piece(Level::Lit, "a", "x", vec![]), piece(Level::Lit, "b", "y", vec![])];
        let text = doc(vec![piece(
            Level::Par,
            "9",
            "",
            vec![
                piece(Level::Pkt, "1", "r1, w skład którego wchodzi", letters()),
                piece(Level::Pkt, "2", "r2, w skład którego wchodzi", letters()),
            ],
        )]);
        assert_eq!(
            body(&text),
            [
                "§ 9",
                "1) r1, w skład którego wchodzi:",
                "a) x,",
                "b) y;",
                "2) r2, w skład którego wchodzi:",
                "a) x,",
                "b) y."
            ]
        );
    }

    #[test]
    fn every_ust_is_a_sentence_of_its_own() {
        let text = doc(vec![piece(
            Level::Par,
            "10",
            "",
            vec![
                piece(Level::Ust, "1", "Zdanie pierwsze", vec![]),
                piece(
                    Level::Ust,
                    "2",
                    "Wstęp",
                    vec![piece(Level::Pkt, "1", "a", vec![]), piece(Level::Pkt, "2", "b", vec![])],
                ),
                piece(Level::Ust, "3", "Zdanie z datą 2021 r.", vec![]),
            ],
        )]);
        assert_eq!(
            body(&text),
            ["§ 10", "1. Zdanie pierwsze.", "2. Wstęp:", "1) a;", "2) b.", "3. Zdanie z datą 2021 r."]
        );
    }

    #[test]
    fn repealed_pieces_keep_their_place_and_gender() {
        let text = doc(vec![
            piece(
                Level::Par,
                "3",
                "",
                vec![piece(
                    Level::Ust,
                    "2",
                    "Wstęp",
                    vec![
                        piece(
                            Level::Pkt,
                            "2",
                            "r",
                            vec![
                                piece(Level::Lit, "c", "z", vec![]),
                                with_state(piece(Level::Lit, "d", "", vec![]), PieceState::Repealed),
                            ],
                        ),
                        with_state(piece(Level::Pkt, "3", "", vec![]), PieceState::Repealed),
                    ],
                )],
            ),
            piece(Level::Par, "21", "", vec![with_state(piece(Level::Ust, "5", "", vec![]), PieceState::Repealed)]),
            with_state(piece(Level::Par, "22", "", vec![]), PieceState::Repealed),
        ]);
        assert_eq!(
            body(&text),
            [
                "§ 3",
                "2. Wstęp:",
                "2) r:",
                "c) z,",
                "d) (uchylona);",
                "3) (uchylony).",
                "§ 21",
                "5. (uchylony)",
                "§ 22. (uchylony)"
            ]
        );
    }

    #[test]
    fn unknown_wording_prints_as_an_ellipsis_with_the_punctuation_of_its_place() {
        let text = doc(vec![piece(
            Level::Par,
            "21",
            "",
            vec![
                with_state(piece(Level::Ust, "1", "", vec![]), PieceState::Unknown),
                piece(
                    Level::Ust,
                    "4",
                    "",
                    vec![
                        with_state(piece(Level::Pkt, "13", "", vec![]), PieceState::Unknown),
                        piece(Level::Pkt, "14", "obsługi", vec![]),
                    ],
                ),
            ],
        )]);
        let mut tree = text;
        tree.paragraphs[0].children[1].state = PieceState::Unknown;
        assert_eq!(body(&tree), ["§ 21", "1. […]", "4. […]:", "13) […];", "14) obsługi."]);
    }

    #[test]
    fn markdown_escapes_list_markers_and_marks_unknown_wording() {
        let mut p =
            piece(Level::Par, "12", "", vec![with_state(piece(Level::Pkt, "1", "", vec![]), PieceState::Unknown)]);
        p.children.push(piece(Level::Pkt, "2", "nadzór nad *x*", vec![]));
        let md = render(&doc(vec![p]), Format::Markdown);
        assert!(md.starts_with("# Regulamin\n"), "{md}");
        assert!(md.contains("\n### § 12\n"), "{md}");
        assert!(md.contains("\n1\\) *[…]*;\n"), "{md}");
        assert!(md.contains("\n2\\) nadzór nad \\*x\\*.\n"), "{md}");
        let unknown = with_state(piece(Level::Par, "4", "", vec![]), PieceState::Unknown);
        let md = render(&doc(vec![unknown]), Format::Markdown);
        assert!(md.ends_with("\n### § 4\n\n*[…]*\n"), "the heading does not repeat the unknown wording: {md}");
    }

    #[test]
    fn lines_carry_their_designation_and_source() {
        let mut p = piece(Level::Par, "14", "", vec![piece(Level::Ust, "1", "Wstęp", vec![])]);
        p.children[0].source = Source::Tasks(UnitId::new("it-tb"));
        let text = doc(vec![p]);
        let all = lines(&text);
        let ust = &all[1];
        assert_eq!(ust.designation.to_string(), "§ 14 ust. 1");
        assert_eq!(ust.source.unit().map(UnitId::as_str), Some("it-tb"));
        assert_eq!(all[0].kind, LineKind::Heading);
    }
}
