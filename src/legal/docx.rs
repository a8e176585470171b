//! The amending ordinance and the Regulamin as Word documents (.docx), laid
//! out as the office's ordinances are: Times New Roman 12 pt, the title block
//! bold and centred, centred "§ 1" headings, hanging indents for points and
//! letters (the marker hangs, wrapped lines align with the text), quoted new
//! wording indented below its instruction, the signature on the right, page
//! numbers centred in the footer.

use std::io::Cursor;

use docx_rs::{AlignmentType, Docx, Footer, LineSpacing, PageNum, Paragraph, Run, RunFonts, SpecialIndentType};

use super::amend::{Amendment, Role};
use super::text::{LineKind, lines};
use super::tree::Regulamin;

/// Why a DOCX cannot be written.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("cannot write the DOCX: {0}")]
    Write(String),
}

/// One indentation step and the hanging width of a marker, in twips (1/20 pt).
const STEP: i32 = 425;
const HANG: i32 = 425;
const FONT: &str = "Times New Roman";

fn document() -> Docx {
    let fonts = RunFonts::new().ascii(FONT).hi_ansi(FONT).east_asia(FONT).cs(FONT);
    let footer =
        Footer::new().add_paragraph(Paragraph::new().add_page_num(PageNum::new()).align(AlignmentType::Center));
    Docx::new().default_fonts(fonts).default_size(24).default_line_spacing(LineSpacing::new().after(60)).footer(footer)
}

/// A paragraph whose leading marker ("1)", "a)", "–", "2.") hangs at `left`.
fn hanging(text: &str, left: i32) -> Paragraph {
    let (marker, rest) = split_marker(text);
    let p = Paragraph::new().align(AlignmentType::Both);
    match marker {
        Some(m) => p
            .indent(Some(left + HANG), Some(SpecialIndentType::Hanging(HANG)), None, None)
            .add_run(Run::new().add_text(m).add_tab().add_text(rest)),
        None => p.indent(Some(left), None, None, None).add_run(Run::new().add_text(text)),
    }
}

/// "„14) obsługi" → ("„14)", "obsługi"); a line without a marker → None.
fn split_marker(text: &str) -> (Option<&str>, &str) {
    let body = text.trim_start_matches('„');
    let quote = text.len() - body.len();
    let end = body.find(' ').unwrap_or(0);
    let token = &body[..end];
    let is_marker = token == "–"
        || (token.ends_with(')') || token.ends_with('.'))
            && token.len() <= 7
            && token[..token.len() - 1].chars().all(|c| c.is_ascii_alphanumeric())
            && token.len() > 1;
    if is_marker { (Some(&text[..quote + end]), &body[end + 1..]) } else { (None, text) }
}

fn centred(text: &str, bold: bool) -> Paragraph {
    let run = Run::new().add_text(text);
    Paragraph::new().align(AlignmentType::Center).add_run(if bold { run.bold() } else { run })
}

fn pack(docx: Docx) -> Result<Vec<u8>, DocxError> {
    let mut out = Cursor::new(Vec::new());
    docx.build().pack(&mut out).map_err(|e| DocxError::Write(e.to_string()))?;
    Ok(out.into_inner())
}

/// The ordinance as DOCX bytes.
pub fn ordinance(amendment: &Amendment) -> Result<Vec<u8>, DocxError> {
    let mut docx = document();
    let mut previous = None;
    for (role, line) in amendment.document_lines() {
        let paragraph = match role {
            Role::Title => {
                let p = centred(&line, true);
                // A blank line before the subject of the title, as in the reference.
                if previous == Some(Role::Title) && line.starts_with("zmieniające") {
                    docx = docx.add_paragraph(Paragraph::new());
                }
                p
            }
            Role::Heading => {
                docx = docx.add_paragraph(Paragraph::new());
                centred(&line, true)
            }
            Role::Body => Paragraph::new().align(AlignmentType::Both).add_run(Run::new().add_text(line.as_str())),
            Role::Item(depth) => hanging(&line, STEP * (depth as i32 - 1)),
            Role::Quote(_, _) if line.trim_start_matches('„').starts_with('§') => centred(&line, false),
            Role::Quote(depth, inner) => hanging(&line, STEP * (depth + inner) as i32),
            Role::Signature => {
                docx = docx.add_paragraph(Paragraph::new());
                Paragraph::new().align(AlignmentType::Right).add_run(Run::new().add_text(line.as_str()).bold())
            }
        };
        docx = docx.add_paragraph(paragraph);
        previous = Some(role);
    }
    pack(docx)
}

/// How an ordinance is written to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrdinanceFormat {
    /// Plain text ([`Amendment::to_text`]).
    Text,
    /// Markdown ([`Amendment::to_markdown`]).
    Markdown,
    /// Word ([`ordinance`]).
    Docx,
}

/// The ordinance as the bytes of a file in `format`: what `schemat amend
/// --format` writes and the editor's "Projekt zarządzenia" panel saves.
pub fn ordinance_bytes(amendment: &Amendment, format: OrdinanceFormat) -> Result<Vec<u8>, DocxError> {
    match format {
        OrdinanceFormat::Text => Ok(amendment.to_text().into_bytes()),
        OrdinanceFormat::Markdown => Ok(amendment.to_markdown().into_bytes()),
        OrdinanceFormat::Docx => ordinance(amendment),
    }
}

/// The Regulamin (or a consolidated text) as DOCX bytes.
pub fn regulamin(text: &Regulamin) -> Result<Vec<u8>, DocxError> {
    let mut docx = document().add_paragraph(centred(&text.title, true));
    for line in lines(text) {
        if line.kind == LineKind::Heading
            && let Some(chapter) = text.chapter_before(&line.designation)
        {
            docx = docx.add_paragraph(Paragraph::new()).add_paragraph(centred(&chapter.heading, true));
            if !chapter.title.is_empty() {
                docx = docx.add_paragraph(centred(&chapter.title, true));
            }
        }
        docx = match line.kind {
            LineKind::Heading => docx.add_paragraph(Paragraph::new()).add_paragraph(centred(&line.plain(), true)),
            LineKind::Body => docx.add_paragraph(hanging(&line.plain(), STEP * line.depth as i32)),
        };
    }
    pack(docx)
}

#[cfg(test)]
mod tests {
    use super::super::amend::amend_texts;
    use super::super::apply::quoted;
    use super::super::style::Style;
    use super::super::templates;
    use super::*;
    use crate::model::{Level, Metadata};

    #[test]
    fn markers_hang_and_plain_text_does_not() {
        assert_eq!(split_marker("1) w § 3:"), (Some("1)"), "w § 3:"));
        assert_eq!(split_marker("„14) obsługi"), (Some("„14)"), "obsługi"));
        assert_eq!(split_marker("– uchyla się pkt 3,"), (Some("–"), "uchyla się pkt 3,"));
        assert_eq!(split_marker("4. Zastępca"), (Some("4."), "Zastępca"));
        assert_eq!(split_marker("Zastępca Dyrektora"), (None, "Zastępca Dyrektora"));
        assert_eq!(split_marker("„§ 22g"), (None, "„§ 22g"));
    }

    /// The text of every paragraph of a DOCX, read back with docx-rs's reader.
    fn paragraphs(bytes: &[u8]) -> Vec<String> {
        use docx_rs::{DocumentChild, ParagraphChild, RunChild};
        let docx = docx_rs::read_docx(bytes).unwrap();
        docx.document
            .children
            .iter()
            .filter_map(|c| match c {
                DocumentChild::Paragraph(p) => Some(p),
                _ => None,
            })
            .map(|p| {
                let mut text = String::new();
                for child in &p.children {
                    if let ParagraphChild::Run(run) = child {
                        for r in &run.children {
                            match r {
                                RunChild::Text(t) => text.push_str(&t.text),
                                RunChild::Tab(_) => text.push(' '),
                                _ => {}
                            }
                        }
                    }
                }
                text
            })
            .collect()
    }

    #[test]
    fn k10_a_single_change_is_the_sentence_of_section_1_and_its_quote_follows() {
        let lines = |xs: &[&str]| xs.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
        let old = Regulamin {
            title: "R".into(),
            paragraphs: quoted(&lines(&["§ 14", "1. a", "§ 15", "B"]), Level::Par),
            ..Regulamin::default()
        };
        let new = Regulamin {
            title: "R".into(),
            paragraphs: quoted(&lines(&["§ 14", "1. x", "§ 15", "B"]), Level::Par),
            ..Regulamin::default()
        };
        let meta = Metadata { department_genitive: "Departamentu X".into(), ..Metadata::default() };
        let amendment = amend_texts(&old, &new, &meta, false, &Style::lublin()).unwrap();
        let texts = paragraphs(&ordinance(&amendment).unwrap());
        let at = texts.iter().position(|t| t == "§ 1").unwrap();
        let sentence = format!("{} § 14 otrzymuje brzmienie:", templates::act(&meta));
        let body: Vec<&str> = texts[at + 1..].iter().map(String::as_str).take(3).collect();
        assert_eq!(body, [sentence.as_str(), "„§ 14", "1. x.”."]);
        assert!(!texts.iter().any(|t| t.starts_with("1) ")), "{texts:?}");
    }

    #[test]
    fn a_regulamin_packs_into_a_zip_with_the_text() {
        let text = Regulamin { title: "Regulamin".into(), ..Regulamin::default() };
        let bytes = regulamin(&text).unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }
}
