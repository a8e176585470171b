//! A Word document (DOCX: a zip of XML parts) read into paragraphs.
//!
//! The zip is inspected before anything is unpacked: the parts together may
//! declare at most [`ARCHIVE_LIMIT`] bytes, and a part read (the main
//! document, its styles and its numbering; nothing else is unpacked) at most
//! [`PART_LIMIT`], declared or actual, since a declared size can lie; a part
//! packed more densely than [`MAX_RATIO`] to one is a zip bomb. The parts are
//! read with quick-xml, the XML reader docx-rs is built on (docx-rs's own
//! reader keeps the numbering values private and unwraps decompression
//! errors, so it is not used for reading).
//!
//! From the main document: every `w:p` in order (in tables too), the text of
//! its runs (`w:t`; `w:tab` a space; a line break `w:br`/`w:cr` ends a
//! paragraph of the print, the number stays with the first), insertions
//! kept and deletions, moved-away and hidden (`w:vanish`) text left out,
//! text boxes and the fallback copies of `mc:AlternateContent` skipped. A
//! paragraph is bold when all its visible text is bold (by its runs, their
//! character style or the paragraph style), a heading when its style is
//! "heading N"/"Nagłówek N" or has an outline level, and its automatic
//! number is resolved by [`super::numbering`].

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

use super::error::{Foreign, Problem};
use super::numbering::{Abstract, Counters, Definitions, Format, Instance, LEVELS, Level, Override};
use super::{Paragraph, printed};

/// The most bytes one part of the archive may unpack to.
pub const PART_LIMIT: u64 = 64 * 1024 * 1024;

/// The most bytes all parts together may declare.
pub const ARCHIVE_LIMIT: u64 = 1024 * 1024 * 1024;

/// The densest packing of a real part (XML packs some 5-30 to one); a part
/// above it and above `DENSE_FROM` (1 MiB) is refused.
pub const MAX_RATIO: u64 = 200;
const DENSE_FROM: u64 = 1024 * 1024;

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// The paragraphs of the DOCX `bytes`.
pub(super) fn read(bytes: &[u8]) -> Result<Vec<Paragraph>, Problem> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| Problem::Corrupt { part: None, message: e.to_string() })?;
    if archive.decompressed_size().is_some_and(|size| size > u128::from(ARCHIVE_LIMIT)) {
        return Err(Problem::ArchiveTooLarge { limit: ARCHIVE_LIMIT });
    }
    let main = match part(&mut archive, "_rels/.rels")? {
        Some(rels) => target(&rels, "_rels/.rels", "", "/officeDocument")?,
        None => None,
    }
    .unwrap_or_else(|| "word/document.xml".to_owned());
    let Some(document) = part(&mut archive, &main)? else {
        let odt = archive.index_for_name("content.xml").is_some();
        return Err(if odt { Problem::Foreign(Foreign::Odt) } else { Problem::NotWord });
    };
    let (folder, file) = main.rsplit_once('/').unwrap_or(("", &main));
    let rels_name =
        if folder.is_empty() { format!("_rels/{file}.rels") } else { format!("{folder}/_rels/{file}.rels") };
    let rels = part(&mut archive, &rels_name)?;
    let related = |kind: &str, default: &str| -> Result<String, Problem> {
        let found = match &rels {
            Some(rels) => target(rels, &rels_name, folder, kind)?,
            None => None,
        };
        Ok(found.unwrap_or_else(|| default.to_owned()))
    };
    let styles_name = related("/styles", "word/styles.xml")?;
    let numbering_name = related("/numbering", "word/numbering.xml")?;
    let styles = match part(&mut archive, &styles_name)? {
        Some(xml) => styles(&xml, &styles_name)?,
        None => Styles::default(),
    };
    let definitions = match part(&mut archive, &numbering_name)? {
        Some(xml) => numbering(&xml, &numbering_name)?,
        None => Definitions::default(),
    };
    paragraphs(&document, &main, &styles, &definitions)
}

/// The unpacked bytes of the part `name`, `None` when the archive has none.
fn part(archive: &mut Archive, name: &str) -> Result<Option<Vec<u8>>, Problem> {
    let Some(index) = archive.index_for_name(name) else { return Ok(None) };
    let corrupt = |e: &dyn std::fmt::Display| Problem::Corrupt { part: Some(name.to_owned()), message: e.to_string() };
    let entry = archive.by_index(index).map_err(|e| corrupt(&e))?;
    let too_large = || Problem::PartTooLarge { part: name.to_owned(), limit: PART_LIMIT };
    if entry.size() > PART_LIMIT {
        return Err(too_large());
    }
    if entry.size() > DENSE_FROM && entry.size() / entry.compressed_size().max(1) > MAX_RATIO {
        return Err(Problem::Packed { part: name.to_owned() });
    }
    // The declared size only sizes nothing: it can lie, so the limit holds while unpacking.
    let mut bytes = Vec::new();
    entry.take(PART_LIMIT + 1).read_to_end(&mut bytes).map_err(|e| corrupt(&e))?;
    if bytes.len() as u64 > PART_LIMIT {
        return Err(too_large());
    }
    Ok(Some(bytes))
}

/// Events of one XML part, with errors as [`Problem::Xml`].
struct Xml<'a> {
    reader: quick_xml::Reader<&'a [u8]>,
    part: &'a str,
}

impl<'a> Xml<'a> {
    fn new(bytes: &'a [u8], part: &'a str) -> Self {
        Xml { reader: quick_xml::Reader::from_reader(bytes), part }
    }

    fn next(&mut self) -> Result<Event<'a>, Problem> {
        self.reader.read_event().map_err(|e| Problem::Xml {
            part: self.part.to_owned(),
            position: self.reader.error_position(),
            message: e.to_string(),
        })
    }

    /// Skips the rest of the element just started.
    fn skip(&mut self) -> Result<(), Problem> {
        let mut depth = 1usize;
        while depth > 0 {
            match self.next()? {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
        Ok(())
    }
}

/// The value of the attribute with local name `name` (`w:val` → "val").
fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.decoded_and_normalized_value(XmlVersion::Implicit1_0, e.decoder()).ok().map(|v| v.into_owned()))
}

fn number<T: std::str::FromStr>(e: &BytesStart, name: &[u8]) -> Option<T> {
    attr(e, name)?.trim().parse().ok()
}

/// An on/off property (`<w:b/>`, `<w:b w:val="0"/>`).
fn on(e: &BytesStart) -> bool {
    !matches!(attr(e, b"val").as_deref(), Some("0" | "false" | "off" | "none"))
}

/// The target of the first relationship whose type ends in `kind`, as a path
/// in the archive (relative targets are relative to `folder`).
fn target(rels: &[u8], name: &str, folder: &str, kind: &str) -> Result<Option<String>, Problem> {
    let mut xml = Xml::new(rels, name);
    loop {
        match xml.next()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                let matches = attr(&e, b"Type").is_some_and(|t| t.ends_with(kind));
                let external = attr(&e, b"TargetMode").is_some_and(|m| m == "External");
                if let (true, false, Some(target)) = (matches, external, attr(&e, b"Target")) {
                    return Ok(Some(resolve(folder, &target)));
                }
            }
            Event::Eof => return Ok(None),
            _ => {}
        }
    }
}

/// "numbering.xml" in "word" → "word/numbering.xml"; "/word/x.xml" → "word/x.xml"; ".." steps up.
fn resolve(folder: &str, target: &str) -> String {
    let mut parts: Vec<&str> = match target.strip_prefix('/') {
        Some(_) => Vec::new(),
        None => folder.split('/').filter(|s| !s.is_empty()).collect(),
    };
    for piece in target.split(['/', '\\']) {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            piece => parts.push(piece),
        }
    }
    parts.join("/")
}

/// What the reader needs of a style (`w:style`).
#[derive(Debug, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    num_id: Option<usize>,
    ilvl: Option<usize>,
    outline: Option<u8>,
    bold: Option<bool>,
}

#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
    /// The numbering instance of each numbering style, for `numStyleLink`.
    lists: HashMap<String, usize>,
}

/// How far a `basedOn` chain is followed (a cycle must not hang the reader).
const MAX_BASED_ON: usize = 16;

impl Styles {
    /// The style `id` and the styles it is based on, nearest first.
    fn chain<'s>(&'s self, id: Option<&'s str>) -> impl Iterator<Item = &'s Style> {
        std::iter::successors(id.and_then(|id| self.by_id.get(id)), |s| {
            s.based_on.as_deref().and_then(|b| self.by_id.get(b))
        })
        .take(MAX_BASED_ON)
    }

    fn bold(&self, id: Option<&str>) -> Option<bool> {
        self.chain(id).find_map(|s| s.bold)
    }

    fn heading(&self, id: Option<&str>) -> Option<u8> {
        self.chain(id).find_map(|s| heading_name(&s.name).or(s.outline.map(|l| l + 1)))
    }

    /// The numbering a paragraph style gives: numId and, when set, ilvl.
    fn numbering(&self, id: Option<&str>) -> Option<(usize, Option<usize>)> {
        self.chain(id).find_map(|s| Some((s.num_id?, s.ilvl)))
    }
}

/// "heading 2", "Heading 2", "Nagłówek 2" → 2.
fn heading_name(name: &str) -> Option<u8> {
    let name = name.to_lowercase();
    let level = name.strip_prefix("heading").or_else(|| name.strip_prefix("nagłówek"))?;
    level.trim().parse().ok().filter(|l| (1..=9).contains(l))
}

/// An outline level (`w:outlineLvl`, 0-8; 9 is body text).
fn outline(e: &BytesStart) -> Option<u8> {
    number::<u8>(e, b"val").filter(|&l| l < 9)
}

/// The elements whose content never reaches the print: tracked changes of
/// formatting, deleted and moved-away text, text boxes (read apart from the
/// flow they float in), the fallback copy of alternate content.
fn skipped(local: &[u8]) -> bool {
    matches!(local, b"pPrChange" | b"rPrChange" | b"del" | b"moveFrom" | b"txbxContent" | b"Fallback" | b"instrText")
}

fn styles(bytes: &[u8], name: &str) -> Result<Styles, Problem> {
    let mut xml = Xml::new(bytes, name);
    let mut styles = Styles::default();
    let mut current: Option<(String, bool, Style)> = None;
    let (mut in_ppr, mut in_rpr) = (false, false);
    loop {
        let event = xml.next()?;
        let (e, start) = match &event {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::End(e) => {
                match e.local_name().as_ref() {
                    b"style" => {
                        if let Some((id, numbering_style, style)) = current.take() {
                            if let (true, Some(num)) = (numbering_style, style.num_id) {
                                styles.lists.insert(id.clone(), num);
                            }
                            styles.by_id.insert(id, style);
                        }
                    }
                    b"pPr" => in_ppr = false,
                    b"rPr" => in_rpr = false,
                    _ => {}
                }
                continue;
            }
            Event::Eof => return Ok(styles),
            _ => continue,
        };
        let local = e.local_name();
        if start && skipped(local.as_ref()) {
            xml.skip()?;
            continue;
        }
        match (local.as_ref(), current.as_mut()) {
            (b"style", _) if start => {
                let id = attr(e, b"styleId").unwrap_or_default();
                let numbering_style = attr(e, b"type").as_deref() == Some("numbering");
                current = Some((id, numbering_style, Style::default()));
            }
            (b"pPr", Some(_)) if start => in_ppr = true,
            (b"rPr", Some(_)) if start => in_rpr = true,
            (b"name", Some((_, _, s))) => s.name = attr(e, b"val").unwrap_or_default(),
            (b"basedOn", Some((_, _, s))) => s.based_on = attr(e, b"val"),
            (b"numId", Some((_, _, s))) if in_ppr => s.num_id = number(e, b"val"),
            (b"ilvl", Some((_, _, s))) if in_ppr => s.ilvl = number(e, b"val"),
            (b"outlineLvl", Some((_, _, s))) if in_ppr => s.outline = outline(e),
            (b"b", Some((_, _, s))) if in_rpr => s.bold = Some(on(e)),
            _ => {}
        }
    }
}

fn numbering(bytes: &[u8], name: &str) -> Result<Definitions, Problem> {
    let mut xml = Xml::new(bytes, name);
    let mut definitions = Definitions::default();
    // The abstract definition or the instance being read, and the level in it.
    let mut definition: Option<(usize, Abstract)> = None;
    let mut instance: Option<(usize, Instance)> = None;
    let mut level: Option<(usize, Level)> = None;
    let mut overriding: Option<(usize, Override)> = None;
    loop {
        let event = xml.next()?;
        let (e, start) = match &event {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::End(e) => {
                match e.local_name().as_ref() {
                    b"abstractNum" => {
                        if let Some((id, d)) = definition.take() {
                            definitions.abstracts.insert(id, d);
                        }
                    }
                    b"num" => {
                        if let Some((id, i)) = instance.take() {
                            definitions.instances.insert(id, i);
                        }
                    }
                    b"lvl" => match (level.take(), overriding.as_mut(), definition.as_mut()) {
                        (Some((_, l)), Some((_, o)), _) => o.level = Some(l),
                        (Some((i, l)), None, Some((_, d))) if i < LEVELS => d.levels[i] = Some(l),
                        _ => {}
                    },
                    b"lvlOverride" => {
                        if let (Some((l, o)), Some((_, i))) = (overriding.take(), instance.as_mut()) {
                            i.overrides.insert(l, o);
                        }
                    }
                    _ => {}
                }
                continue;
            }
            Event::Eof => return Ok(definitions),
            _ => continue,
        };
        let local = e.local_name();
        if start && skipped(local.as_ref()) {
            xml.skip()?;
            continue;
        }
        let val = || attr(e, b"val");
        match local.as_ref() {
            b"abstractNum" if start => {
                definition = number(e, b"abstractNumId").map(|id| (id, Abstract::default()));
            }
            b"num" if start => instance = number(e, b"numId").map(|id| (id, Instance::default())),
            b"lvl" if start => level = Some((number(e, b"ilvl").unwrap_or(0), Level::default())),
            b"lvlOverride" if start => overriding = Some((number(e, b"ilvl").unwrap_or(0), Override::default())),
            b"abstractNumId" => {
                if let Some((_, i)) = instance.as_mut() {
                    i.abstract_id = number(e, b"val").unwrap_or(usize::MAX);
                }
            }
            b"startOverride" => {
                if let Some((_, o)) = overriding.as_mut() {
                    o.start = number(e, b"val");
                }
            }
            b"numStyleLink" => {
                if let Some((_, d)) = definition.as_mut() {
                    d.style_link = val();
                }
            }
            _ => {
                let Some((_, l)) = level.as_mut() else { continue };
                match local.as_ref() {
                    b"start" => l.start = number(e, b"val").unwrap_or(0),
                    b"numFmt" => l.format = val().map_or(Format::Decimal, |v| Format::parse(&v)),
                    b"lvlText" => l.text = val().unwrap_or_default(),
                    b"lvlRestart" => l.restart = number(e, b"val"),
                    b"isLgl" => l.legal = on(e),
                    b"pStyle" => l.style = val(),
                    _ => {}
                }
            }
        }
    }
}

/// A paragraph of the print being read: the text since the last line break,
/// and how much of it is bold.
#[derive(Debug, Default)]
struct Line {
    text: String,
    bold: usize,
    plain: usize,
}

/// The `w:p` being read.
#[derive(Debug, Default)]
struct Para {
    style: Option<String>,
    num_id: Option<usize>,
    ilvl: Option<usize>,
    outline: Option<u8>,
    lines: Vec<Line>,
}

impl Para {
    fn line(&mut self) -> &mut Line {
        if self.lines.is_empty() {
            self.lines.push(Line::default());
        }
        let last = self.lines.len() - 1;
        &mut self.lines[last]
    }

    fn push(&mut self, text: &str, bold: bool) {
        let line = self.line();
        line.text.push_str(text);
        let visible = text.chars().filter(|c| !c.is_whitespace()).count();
        if bold { line.bold += visible } else { line.plain += visible }
    }
}

/// The run (`w:r`) being read: its own bold and character style.
#[derive(Debug, Default)]
struct Run {
    bold: Option<bool>,
    style: Option<String>,
    /// `w:vanish`: hidden text, not printed.
    hidden: bool,
}

fn paragraphs(bytes: &[u8], name: &str, styles: &Styles, definitions: &Definitions) -> Result<Vec<Paragraph>, Problem> {
    let mut xml = Xml::new(bytes, name);
    let mut counters = Counters::new(definitions, &styles.lists);
    let mut out = Vec::new();
    let mut count = 0usize;
    let mut para: Option<Para> = None;
    let mut run: Option<Run> = None;
    let (mut in_ppr, mut in_rpr, mut in_t) = (false, false, false);
    loop {
        let event = xml.next()?;
        let (e, start) = match &event {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::End(e) => {
                match e.local_name().as_ref() {
                    b"p" => {
                        if let Some(p) = para.take() {
                            count += 1;
                            finish(p, count, styles, &mut counters, &mut out);
                        }
                    }
                    b"r" => run = None,
                    b"pPr" => in_ppr = false,
                    b"rPr" => in_rpr = false,
                    b"t" => in_t = false,
                    _ => {}
                }
                continue;
            }
            Event::Text(t) if in_t => {
                let text = t.xml10_content().map_err(|e| xml_error(name, &xml, &e))?;
                push_text(para.as_mut(), run.as_ref(), styles, &text);
                continue;
            }
            Event::CData(t) if in_t => {
                let text = t.decode().map_err(|e| xml_error(name, &xml, &e))?;
                push_text(para.as_mut(), run.as_ref(), styles, &text);
                continue;
            }
            Event::GeneralRef(r) if in_t => {
                let text = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => {
                        r.decode().ok().and_then(|n| quick_xml::escape::resolve_xml_entity(&n)).unwrap_or("").to_owned()
                    }
                };
                push_text(para.as_mut(), run.as_ref(), styles, &text);
                continue;
            }
            Event::Eof => return Ok(out),
            _ => continue,
        };
        let local = e.local_name();
        if start && skipped(local.as_ref()) {
            xml.skip()?;
            continue;
        }
        let Some(p) = para.as_mut() else {
            if local.as_ref() == b"p" && start {
                para = Some(Para::default());
            } else if local.as_ref() == b"p" {
                // An empty <w:p/> is a paragraph of the count, with nothing to print.
                count += 1;
            }
            continue;
        };
        match local.as_ref() {
            b"pPr" if start && run.is_none() => in_ppr = true,
            b"rPr" if start => in_rpr = true,
            b"pStyle" if in_ppr && !in_rpr => p.style = attr(e, b"val"),
            b"numId" if in_ppr => p.num_id = number(e, b"val"),
            b"ilvl" if in_ppr => p.ilvl = number(e, b"val"),
            b"outlineLvl" if in_ppr => p.outline = outline(e),
            b"r" if start => run = Some(Run::default()),
            b"b" if in_rpr && !in_ppr => {
                if let Some(r) = run.as_mut() {
                    r.bold = Some(on(e));
                }
            }
            b"vanish" if in_rpr && !in_ppr => {
                if let Some(r) = run.as_mut() {
                    r.hidden = on(e);
                }
            }
            b"rStyle" if in_rpr && !in_ppr => {
                if let Some(r) = run.as_mut() {
                    r.style = attr(e, b"val");
                }
            }
            b"t" if start && run.is_some() && !in_rpr => in_t = true,
            b"tab" | b"noBreakHyphen" if run.is_some() && !in_ppr && !in_rpr => {
                let text = if local.as_ref() == b"tab" { " " } else { "-" };
                push_text(Some(p), run.as_ref(), styles, text);
            }
            b"br" | b"cr" if run.as_ref().is_some_and(|r| !r.hidden) && !in_ppr && !in_rpr => {
                let page = matches!(attr(e, b"type").as_deref(), Some("page" | "column"));
                if page {
                    push_text(Some(p), run.as_ref(), styles, " ");
                } else {
                    p.line();
                    p.lines.push(Line::default());
                }
            }
            _ => {}
        }
    }
}

fn xml_error(part: &str, xml: &Xml, error: &dyn std::fmt::Display) -> Problem {
    Problem::Xml { part: part.to_owned(), position: xml.reader.buffer_position(), message: error.to_string() }
}

fn push_text(para: Option<&mut Para>, run: Option<&Run>, styles: &Styles, text: &str) {
    let (Some(p), Some(r)) = (para, run) else { return };
    if r.hidden {
        return;
    }
    let bold =
        r.bold.or_else(|| styles.bold(r.style.as_deref())).or_else(|| styles.bold(p.style.as_deref())).unwrap_or(false);
    p.push(text, bold);
}

/// The paragraphs of the print of one `w:p` (the `origin`-th), with its number.
fn finish(p: Para, origin: usize, styles: &Styles, counters: &mut Counters, out: &mut Vec<Paragraph>) {
    let style = p.style.as_deref();
    let from_style = styles.numbering(style);
    let num_id = p.num_id.or(from_style.map(|(n, _)| n)).filter(|&n| n != 0);
    let label = num_id.and_then(|num| {
        let ilvl = p
            .ilvl
            .or(from_style.and_then(|(_, l)| l))
            .or_else(|| style.and_then(|s| counters.level_of_style(num, s)))
            .unwrap_or(0);
        counters.label(num, ilvl)
    });
    let heading = p.outline.map(|l| l + 1).or_else(|| styles.heading(style));
    let mut lines = p.lines.into_iter();
    let Line { text, bold, plain } = lines.next().unwrap_or_default();
    let first = match &label {
        Some(label) => format!("{label} {text}"),
        None => text,
    };
    let printed_lines = std::iter::once((first, bold, plain)).chain(lines.map(|l| (l.text, l.bold, l.plain)));
    for (text, bold, plain) in printed_lines {
        let text = printed(&text);
        if !text.is_empty() {
            out.push(Paragraph { text, bold: bold > 0 && plain == 0, heading, origin });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationship_targets_resolve_in_the_archive() {
        assert_eq!(resolve("word", "numbering.xml"), "word/numbering.xml");
        assert_eq!(resolve("word", "/word/styles2.xml"), "word/styles2.xml");
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
        assert_eq!(resolve("word/sub", "../styles.xml"), "word/styles.xml");
    }

    #[test]
    fn heading_styles_in_english_and_polish() {
        assert_eq!(heading_name("heading 2"), Some(2));
        assert_eq!(heading_name("Nagłówek 1"), Some(1));
        assert_eq!(heading_name("Normal"), None);
    }

    fn body(xml: &str) -> Vec<Paragraph> {
        let document = format!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{xml}</w:body></w:document>"#
        );
        paragraphs(document.as_bytes(), "word/document.xml", &Styles::default(), &Definitions::default()).unwrap()
    }

    #[test]
    fn runs_join_and_breaks_split_deletions_go() {
        let read = body(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr>
            <w:r><w:rPr><w:b/></w:rPr><w:t>Regulamin</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:br/><w:t xml:space="preserve">Organizacyjny </w:t></w:r>
            <w:del><w:r><w:delText>stary</w:delText></w:r></w:del><w:ins><w:r><w:rPr><w:b/></w:rPr><w:t>Departamentu&#160;&amp;</w:t></w:r></w:ins></w:p>
            <w:p/><w:p><w:r><w:t>1)</w:t><w:tab/><w:t>zadanie</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>ukryte</w:t><w:br/></w:r><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>;</w:t></w:r></w:p>"#,
        );
        let got: Vec<_> = read.iter().map(|p| (p.text.as_str(), p.bold, p.origin)).collect();
        assert_eq!(got, [("Regulamin", true, 1), ("Organizacyjny Departamentu &", true, 1), ("1) zadanie;", false, 3)]);
    }

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn numbering_by_paragraph_style_and_numbering_style_link() {
        // Word's "List Number" style carries the numbering; a list style links an abstract definition.
        let styles = format!(
            r#"<w:styles {W}>
            <w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="ListLetter"><w:name w:val="List Letter"/><w:basedOn w:val="ListNumber"/></w:style>
            <w:style w:type="numbering" w:styleId="Legal"><w:name w:val="Legal"/><w:pPr><w:numPr><w:numId w:val="6"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Tytul"><w:name w:val="Nagłówek 2"/><w:rPr><w:b/></w:rPr></w:style>
            </w:styles>"#
        );
        let numbering = format!(
            r#"<w:numbering {W}>
            <w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="Legal"/></w:abstractNum>
            <w:abstractNum w:abstractNumId="1"><w:styleLink w:val="Legal"/>
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/></w:lvl>
              <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/><w:pStyle w:val="ListLetter"/></w:lvl>
            </w:abstractNum>
            <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>
            </w:numbering>"#
        );
        let document = format!(
            r#"<w:document {W}><w:body>
            <w:p><w:pPr><w:pStyle w:val="Tytul"/></w:pPr><w:r><w:t>§ 2</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr><w:r><w:t>pierwszy</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="ListLetter"/></w:pPr><w:r><w:t>litera</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr><w:r><w:t>drugi</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="ListNumber"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>bez numeru</w:t></w:r></w:p>
            </w:body></w:document>"#
        );
        let styles = super::styles(styles.as_bytes(), "word/styles.xml").unwrap();
        let definitions = super::numbering(numbering.as_bytes(), "word/numbering.xml").unwrap();
        let read = paragraphs(document.as_bytes(), "word/document.xml", &styles, &definitions).unwrap();
        let got: Vec<_> = read.iter().map(|p| (p.text.as_str(), p.bold, p.heading)).collect();
        assert_eq!(
            got,
            [
                ("§ 2", true, Some(2)),
                ("1) pierwszy", false, None),
                ("a) litera", false, None),
                ("2) drugi", false, None),
                ("bez numeru", false, None)
            ]
        );
    }

    #[test]
    fn broken_xml_is_a_problem_with_its_part() {
        let error = paragraphs(
            b"<w:document><w:body><w:p></w:body>",
            "word/document.xml",
            &Styles::default(),
            &Definitions::default(),
        )
        .unwrap_err();
        assert!(matches!(error, Problem::Xml { ref part, .. } if part == "word/document.xml"), "{error:?}");
    }
}
