//! Reading and applying amendment text: the parser of a change list (the
//! generated one, or a pasted ordinance such as the reference Z58 in its
//! Markdown form) and the applier that runs it on the old Regulamin.
//!
//! The parser accepts the formulas of [`super::templates`] and tolerates what
//! real ordinances do (`../shared/docs/amendment-spec.md` §9): Markdown list
//! marks, "####" headings and bold (D11), a missing "§" in an address (D2),
//! a missing or wrong ending after ” (D1, D3), "§13" without a space (D4);
//! each tolerated deviation is reported as a [`Lint`].

use super::lint::{Lint, LintCode};
use super::ops::WordEdit;
use super::text::{REPEALED, REPEALED_LETTER};
use super::tree::{Piece, Regulamin, Source};
use crate::import::source::{SourceKind, read_text};
use crate::model::{Designation, Level, PieceState, compare_labels};

/// One instruction of the change list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Instruction {
    /// The quoted pieces replace the pieces with their labels under `parent`.
    Replace { parent: Vec<(Level, String)>, pieces: Vec<Piece> },
    /// The siblings from `first` to `last` (in the old text) are repealed.
    Repeal { parent: Vec<(Level, String)>, level: Level, first: String, last: String },
    /// The quoted pieces are inserted after `after` (or at the end of their level).
    Insert { parent: Vec<(Level, String)>, after: Option<String>, pieces: Vec<Piece> },
    /// The word operation (K6, K7, K8) at every place.
    Words { edit: WordEdit, places: Vec<Designation> },
}

/// A change list read from text, with what it tolerated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub instructions: Vec<Instruction>,
    pub lints: Vec<Lint>,
}

/// Why a text is not a change list, or does not apply.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApplyError {
    #[error("line {line}: cannot read the instruction {text:?}")]
    Unreadable { line: usize, text: String },
    #[error("line {line}: the quoted text of {text:?} never closes with ”")]
    OpenQuote { line: usize, text: String },
    #[error("{0}: no such piece in the old text")]
    Missing(String),
    #[error("{0}: the piece already exists")]
    Exists(String),
    #[error("{place}: the words {old:?} are not there")]
    WordsNotFound { place: String, old: String },
    #[error("no change list found (expected \"… następujące zmiany:\")")]
    NoChangeList,
}

/// "12)" → (Pkt-like, "12", rest); "b)" → letter; "4." → ust. (Public for
/// the importer, which tells numbered lines from wrapped ones with it.)
pub fn marker(s: &str) -> Option<(char, String, &str)> {
    let label: String = s.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    if label.is_empty() || label.len() > 6 {
        return None;
    }
    let rest = &s[label.len()..];
    let digits = label.chars().next().is_some_and(|c| c.is_ascii_digit());
    let valid = if digits {
        let n = label.chars().take_while(char::is_ascii_digit).count();
        label[n..].chars().all(|c| c.is_ascii_lowercase())
    } else {
        label.chars().all(|c| c.is_ascii_lowercase())
    };
    if !valid {
        return None;
    }
    // One space separates the marker from the wording; the wording keeps the rest.
    if let Some(r) = rest.strip_prefix(')') {
        return Some((if digits { ')' } else { 'a' }, label, r.strip_prefix(' ').unwrap_or(r)));
    }
    if digits && let Some(r) = rest.strip_prefix(". ") {
        return Some(('.', label, r));
    }
    if digits && rest == "." {
        return Some(('.', label, ""));
    }
    None
}

/// The change-list depth of an instruction line: 1 "1)", 2 "a)", 3 "–".
fn item_depth(s: &str) -> Option<(usize, &str)> {
    for dash in ["– ", "- ", "— "] {
        if let Some(rest) = s.strip_prefix(dash) {
            return Some((3, rest));
        }
    }
    match marker(s)? {
        (')', _, rest) => Some((1, rest.trim_start())),
        ('a', _, rest) => Some((2, rest.trim_start())),
        _ => None,
    }
}

/// Splits the ending punctuation after a head or after ”.
fn split_ending(s: &str) -> (&str, &str) {
    let t = s.trim_end();
    let cut = t.trim_end_matches([';', ',', '.', ':']);
    (cut, &t[cut.len()..])
}

/// Reads a whole ordinance or a bare change list.
pub fn parse(text: &str) -> Result<Parsed, ApplyError> {
    let mut lints = Vec::new();
    // The text as the import's reader reads Markdown (the reference's form):
    // list bullets, "#" marks, bold and escapes off; a plain text passes as it is.
    let lines: Vec<&str> = text.lines().collect();
    let raw: Vec<(usize, String)> =
        read_text(text, SourceKind::Markdown).into_iter().map(|p| (p.origin, p.text)).collect();
    // Lines the reader took marks off (a run of spaces it made one is no mark).
    let marked = |n: usize, l: &str| lines.get(n - 1).is_some_and(|raw| !raw.split_whitespace().eq(l.split(' ')));
    let marks: Vec<usize> = raw.iter().filter(|(n, l)| marked(*n, l)).map(|(n, _)| *n).collect();
    if let Some(first) = marks.first() {
        let message = format!("Markdown marks (list bullets, ####, bold) ignored on {} lines", marks.len());
        lints.push(Lint::new(LintCode::Markdown, *first, &message));
    }
    // The list runs from the opening "… zmiany:" to the next "§ 2" heading.
    // An ordinance of one change (K10) has no list: its § 1 sentence carries
    // the change, read as the list's one point, and its quote follows.
    let mut body: Vec<(usize, String)> = Vec::new();
    let start = match raw.iter().position(|(_, l)| l.ends_with("następujące zmiany:")) {
        Some(i) => i + 1,
        None => match raw.iter().enumerate().find_map(|(i, (n, l))| single_change(l).map(|c| (i, *n, c))) {
            Some((i, n, change)) => {
                body.push((n, format!("1) {change}")));
                i + 1
            }
            None => 0,
        },
    };
    let end = raw[start..].iter().position(|(_, l)| l == "§ 2").map_or(raw.len(), |i| start + i);
    body.extend(raw[start..end].iter().cloned());
    let body = body.as_slice();
    if body.is_empty() {
        return Err(ApplyError::NoChangeList);
    }
    for (n, l) in body {
        super::lint::lint_line(l, *n, &mut lints);
    }
    let mut parser = Parser { lints, contexts: vec![Vec::new()], items: Vec::new() };
    let mut i = 0;
    while i < body.len() {
        let (n, line) = &body[i];
        let Some((depth, rest)) = item_depth(line) else {
            return Err(ApplyError::Unreadable { line: *n, text: line.clone() });
        };
        let (head, ending) = split_ending(rest);
        i += 1;
        let mut quote = Vec::new();
        let mut quote_ending = String::new();
        if ending == ":" && (head.ends_with("brzmienie") || head.ends_with("w brzmieniu")) {
            // The quote runs to the line whose text ends with ” and list punctuation.
            loop {
                let Some((_, q)) = body.get(i) else {
                    return Err(ApplyError::OpenQuote { line: *n, text: line.clone() });
                };
                i += 1;
                let (inner, after) = split_ending(q);
                if let Some(inner) = inner.strip_suffix('”') {
                    quote.push(inner.to_owned());
                    quote_ending = after.to_owned();
                    break;
                }
                quote.push(q.clone());
            }
            if let Some(first) = quote.first_mut() {
                *first = first.trim_start_matches('„').to_owned();
            }
        }
        parser.item(*n, depth, head, if quote.is_empty() { ending.to_owned() } else { quote_ending }, quote)?;
    }
    parser.check_endings();
    Ok(Parsed { instructions: parser.take_instructions(), lints: parser.lints })
}

/// K10: the change in "W Regulaminie … (j.t. …) w § 19 uchyla się pkt 3.",
/// from its first formula on: a locator, a top-level target or an operation
/// (the act's identification before it names no §).
fn single_change(line: &str) -> Option<&str> {
    if !line.starts_with("W ") {
        return None;
    }
    let starts = [" w § ", " § ", " uchyla się ", " po § ", " dodaje się ", " użyte w "];
    let at = starts.iter().filter_map(|s| line.find(s)).min()?;
    Some(&line[at + 1..])
}

struct ParsedItem {
    line: usize,
    depth: usize,
    ending: String,
    instruction: Option<Instruction>,
}

struct Parser {
    lints: Vec<Lint>,
    /// The locator named by the open item at each depth (index 0: none).
    contexts: Vec<Vec<(Level, String)>>,
    items: Vec<ParsedItem>,
}

impl Parser {
    fn take_instructions(&mut self) -> Vec<Instruction> {
        self.items.drain(..).filter_map(|i| i.instruction).collect()
    }

    fn item(
        &mut self,
        line: usize,
        depth: usize,
        head: &str,
        ending: String,
        quote: Vec<String>,
    ) -> Result<(), ApplyError> {
        let unreadable = || ApplyError::Unreadable { line, text: head.to_owned() };
        self.contexts.truncate(depth);
        let base = self.contexts.last().cloned().unwrap_or_default();
        if let Some((list, edit)) = word_head(head) {
            let places = self.places(list, &base, line).ok_or_else(unreadable)?;
            self.push(line, depth, ending, Some(Instruction::Words { edit, places }));
            return Ok(());
        }
        let (locs, rest) = self.locators(head, line);
        let mut path = base.clone();
        path.extend(locs.iter().cloned());
        let rest = rest.trim();
        let instruction = if rest.is_empty() && ending == ":" {
            self.contexts.push(path);
            None
        } else if let Some(t) =
            rest.strip_suffix(" otrzymuje brzmienie").or_else(|| rest.strip_suffix(" otrzymują brzmienie"))
        {
            let (level, _) = targets(t).ok_or_else(unreadable)?;
            Some(Instruction::Replace { parent: path, pieces: quoted(&quote, level) })
        } else if let Some(t) = rest.strip_prefix("uchyla się ") {
            let (level, labels) = targets(t).ok_or_else(unreadable)?;
            let first = labels.first().cloned().ok_or_else(unreadable)?;
            let last = labels.last().cloned().ok_or_else(unreadable)?;
            Some(Instruction::Repeal { parent: path, level, first, last })
        } else if let Some(t) = rest.strip_prefix("kropkę zastępuje się średnikiem i dodaje się ") {
            let t = t.strip_suffix(" w brzmieniu").ok_or_else(unreadable)?;
            let (level, _) = targets(t).ok_or_else(unreadable)?;
            let (_, anchor) = path.pop().ok_or_else(unreadable)?;
            Some(Instruction::Insert { parent: path, after: Some(anchor), pieces: quoted(&quote, level) })
        } else if let Some(t) = rest.strip_prefix("po ") {
            let (anchor, t) = t.split_once(" dodaje się ").ok_or_else(unreadable)?;
            let t = t.strip_suffix(" w brzmieniu").ok_or_else(unreadable)?;
            let (_, anchor) = targets(anchor).ok_or_else(unreadable)?;
            let (level, _) = targets(t).ok_or_else(unreadable)?;
            Some(Instruction::Insert { parent: path, after: anchor.first().cloned(), pieces: quoted(&quote, level) })
        } else if let Some(t) = rest.strip_prefix("dodaje się ") {
            let t = t.strip_suffix(" w brzmieniu").ok_or_else(unreadable)?;
            let (level, _) = targets(t).ok_or_else(unreadable)?;
            Some(Instruction::Insert { parent: path, after: None, pieces: quoted(&quote, level) })
        } else {
            return Err(unreadable());
        };
        let is_context = instruction.is_none();
        self.push(line, depth, ending, instruction);
        if is_context && let Some(last) = self.items.last_mut() {
            last.ending = ":".to_owned();
        }
        Ok(())
    }

    fn push(&mut self, line: usize, depth: usize, ending: String, instruction: Option<Instruction>) {
        self.items.push(ParsedItem { line, depth, ending, instruction });
    }

    /// Leading "w § 3 w ust. 1" locators, tolerating "w 25" (D2).
    fn locators<'s>(&mut self, mut s: &'s str, line: usize) -> (Vec<(Level, String)>, &'s str) {
        let mut out = Vec::new();
        while let Some(rest) = s.strip_prefix("w ") {
            let (level, rest2) = match level_prefix(rest) {
                Some(x) => x,
                None if rest.starts_with(|c: char| c.is_ascii_digit()) => {
                    self.lints.push(Lint::quoting(
                        LintCode::AddressWithoutParagraph,
                        line,
                        vec![format!("w {}", first_word(rest))],
                        &format!(
                            "\"w {}\": a unit address without \"§\" (read as § {})",
                            first_word(rest),
                            first_word(rest)
                        ),
                    ));
                    (Level::Par, rest)
                }
                None => break,
            };
            let label = first_word(rest2);
            if label.is_empty() || label.contains(['-', '–']) {
                break;
            }
            out.push((level, label.to_owned()));
            s = rest2[label.len()..].trim_start();
        }
        (out, s)
    }

    /// The places of a word operation: one place's locators, or the K6m list
    /// "w § 10 w ust. 1, w § 12 w pkt 1 … oraz w § 67 w pkt 1" (E4); none
    /// when the enclosing item names the place ("w § 25 w ust. 3 w pkt 7:").
    fn places(&mut self, list: &str, base: &[(Level, String)], line: usize) -> Option<Vec<Designation>> {
        if list.is_empty() {
            return Some(vec![designation(base)?]);
        }
        let mut places = Vec::new();
        for group in list.split(", ").flat_map(|g| g.split(" oraz ")) {
            let mut previous: Vec<(Level, String)> = base.to_vec();
            for (k, place) in group.split(" i ").enumerate() {
                let (locs, tail) = self.locators(place.trim(), line);
                if locs.is_empty() || !tail.is_empty() {
                    return None;
                }
                let keep = if k == 0 && locs[0].0 == Level::Par {
                    0
                } else {
                    previous.iter().position(|(l, _)| *l >= locs[0].0).unwrap_or(previous.len())
                };
                let mut path: Vec<(Level, String)> = previous[..keep].to_vec();
                path.extend(locs);
                places.push(designation(&path)?);
                previous = path;
            }
        }
        Some(places)
    }

    /// D1/D3: the ending of every item against the ending algorithm of §5.
    fn check_endings(&mut self) {
        let n = self.items.len();
        for i in 0..n {
            let depth = self.items[i].depth;
            let next_sibling_or_end = self.items[i + 1..].iter().find(|x| x.depth <= depth);
            let has_children = self.items.get(i + 1).is_some_and(|x| x.depth > depth);
            let expected: String = if has_children {
                ":".to_owned()
            } else {
                expected_ending(&self.items, i, next_sibling_or_end.map(|x| x.depth))
            };
            let actual = &self.items[i].ending;
            if *actual != expected {
                let line = self.items[i].line;
                self.lints.push(Lint::quoting(
                    LintCode::Ending,
                    line,
                    vec![actual.clone(), expected.to_string()],
                    &format!("the item ends with {actual:?}; the ending rule (P1-P3, P6) gives {expected:?}"),
                ));
            }
        }
    }
}

/// The ending of a leaf item by §5: ";" (point) or "," (letter, tiret)
/// before a sibling; the last child takes its parent's ending; the last point ".".
fn expected_ending(items: &[ParsedItem], i: usize, _next_depth: Option<usize>) -> String {
    let depth = items[i].depth;
    let next = items[i + 1..].iter().find(|x| x.depth <= depth);
    if next.is_some_and(|x| x.depth == depth) {
        return (if depth == 1 { ";" } else { "," }).to_owned();
    }
    match items[..i].iter().rposition(|x| x.depth < depth) {
        Some(parent) => expected_ending(items, parent, None),
        None => ".".to_owned(),
    }
}

fn first_word(s: &str) -> &str {
    s.split_whitespace().next().unwrap_or("")
}

/// "§ 3 …" / "ust. 1 …" / "pkt 2 …" / "lit. d …": the level and what follows.
fn level_prefix(s: &str) -> Option<(Level, &str)> {
    for (prefix, level) in [("§", Level::Par), ("ust.", Level::Ust), ("pkt", Level::Pkt), ("lit.", Level::Lit)] {
        if let Some(rest) = s.strip_prefix(prefix) {
            return Some((level, rest.trim_start()));
        }
    }
    None
}

/// "pkt 14-18", "§ 22g i 22h", "lit. d": the level and the labels named (range ends only).
fn targets(s: &str) -> Option<(Level, Vec<String>)> {
    let (level, rest) = level_prefix(s.trim())?;
    let labels: Vec<String> = rest
        .split([',', '-', '–'])
        .flat_map(|p| p.split(" i "))
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    (!labels.is_empty() && labels.iter().all(|l| !l.contains(' '))).then_some((level, labels))
}

/// A word operation's head split into its places and its clause: "użyte w
/// § 10 w ust. 1 oraz w § 12 w pkt 1 wyrazy „X” …", "w § 2 skreśla się
/// wyrazy „X”", "po wyrazie „A” dodaje się wyrazy „Y”".
fn word_head(head: &str) -> Option<(&str, WordEdit)> {
    let head = head.strip_prefix("użyte ").unwrap_or(head);
    let before_quote = &head[..head.find('„')?];
    let at = ["skreśla się wyraz", "po wyraz", "wyraz"]
        .iter()
        .filter_map(|c| {
            if before_quote.starts_with(c) { Some(0) } else { before_quote.find(&format!(" {c}")).map(|i| i + 1) }
        })
        .min()?;
    let (list, clause) = head.split_at(at);
    Some((list.trim_end(), word_clause(clause)?))
}

/// The clause of K6 "wyrazy „X” zastępuje się wyrazami „Y”", K7 "skreśla
/// się wyrazy „X”" (or "wyrazy „X” skreśla się") and K8 "po wyrazach „A”
/// dodaje się wyrazy „Y”", singular forms alike.
fn word_clause(s: &str) -> Option<WordEdit> {
    let quoted = |s: &str| -> Option<String> {
        let open = s.find('„')? + '„'.len_utf8();
        let close = s.rfind('”')?;
        (close >= open).then(|| s[open..close].to_owned())
    };
    if s.starts_with("skreśla się wyraz") {
        return Some(WordEdit::Delete { old: quoted(s)? });
    }
    if s.starts_with("po wyraz") {
        let (anchor, new) = s.split_once("” dodaje się ")?;
        return Some(WordEdit::Add { after: quoted(&format!("{anchor}”"))?, new: quoted(new)? });
    }
    if let Some((old, new)) = s.split_once("” zastępuje się ") {
        return Some(WordEdit::Replace { old: quoted(&format!("{old}”"))?, new: quoted(new)? });
    }
    let old = s.strip_suffix(" skreśla się")?;
    Some(WordEdit::Delete { old: quoted(old)? })
}

fn designation(path: &[(Level, String)]) -> Option<Designation> {
    let mut parts = path.iter();
    let (_, first) = parts.next()?;
    let mut d = Designation::paragraph(first).ok()?;
    for (level, label) in parts {
        d = d.child(*level, label).ok()?;
    }
    Some(d)
}

/// Abbreviations whose full stop belongs to the wording ("2021 r.").
const ABBREVIATIONS: [&str; 9] = ["r", "zm", "tj", "ust", "poz", "nr", "ds", "in", "późn"];

/// A line's own wording without its closing punctuation.
fn own_text(s: &str) -> String {
    let (cut, ending) = split_ending(s);
    if ending.starts_with('.') && ABBREVIATIONS.iter().any(|a| cut.ends_with(&format!(" {a}")) || cut == *a) {
        return format!("{cut}.");
    }
    cut.to_owned()
}

fn piece(level: Level, label: String, text: &str) -> Piece {
    let own = own_text(text);
    let repealed = own == REPEALED || own == REPEALED_LETTER;
    Piece {
        level,
        label,
        state: if repealed { PieceState::Repealed } else { PieceState::Text },
        text: if repealed { String::new() } else { own },
        children: Vec::new(),
        source: Source::Implied,
    }
}

/// The quoted lines as pieces: the roots at `level`, deeper pieces nested
/// under the nearest piece above them (a lit. under its pkt, a pkt under its
/// ust. or §, an ust. under its §); text without a marker is a §'s own text.
pub fn quoted(lines: &[String], level: Level) -> Vec<Piece> {
    let mut roots: Vec<Piece> = Vec::new();
    for line in lines {
        let line = line.trim_start();
        let (l, label, text) = if let Some(rest) = line.strip_prefix('§') {
            let rest = rest.trim();
            let label = first_word(rest).trim_end_matches('.').to_owned();
            let after = rest[first_word(rest).len()..].trim();
            (Level::Par, label, after.to_owned())
        } else if let Some((kind, label, rest)) = marker(line) {
            let l = match kind {
                '.' => Level::Ust,
                ')' => Level::Pkt,
                _ => Level::Lit,
            };
            (l, label, rest.to_owned())
        } else {
            // A § lead without a marker.
            if let Some(last) = roots.last_mut()
                && last.level == Level::Par
                && last.text.is_empty()
            {
                last.text = own_text(line);
            }
            continue;
        };
        let mut new = piece(l, label, &text);
        if l == Level::Par && text == REPEALED {
            new.state = PieceState::Repealed;
        }
        if l == Level::Par && text.is_empty() {
            new.text.clear();
        }
        if l <= level || roots.is_empty() {
            roots.push(new);
            continue;
        }
        // Nest under the deepest open piece of a shallower level.
        let mut parent = roots.last_mut().expect("roots is not empty");
        loop {
            let deeper = parent.children.last().is_some_and(|c| c.level < l);
            if !deeper {
                break;
            }
            parent = parent.children.last_mut().expect("checked above");
        }
        parent.children.push(new);
    }
    roots
}

fn children_of<'a>(text: &'a mut Regulamin, parent: &[(Level, String)]) -> Result<&'a mut Vec<Piece>, ApplyError> {
    let mut list = &mut text.paragraphs;
    for (level, label) in parent {
        let name = || format!("{} {label}", level.prefix());
        let piece = list
            .iter_mut()
            .find(|p| p.level == *level && &p.label == label)
            .ok_or_else(|| ApplyError::Missing(name()))?;
        list = &mut piece.children;
    }
    Ok(list)
}

fn name(parent: &[(Level, String)], level: Level, label: &str) -> String {
    let mut parts: Vec<String> = parent.iter().map(|(l, x)| format!("{} {x}", l.prefix())).collect();
    parts.push(format!("{} {label}", level.prefix()));
    parts.join(" ")
}

/// Applies the instructions to a copy of `old`: the consolidated text
/// (repealed pieces kept as placeholders, numbering unchanged: N1, N2, C5, C6).
pub fn apply(old: &Regulamin, instructions: &[Instruction]) -> Result<Regulamin, ApplyError> {
    let mut text = old.clone();
    for instruction in instructions {
        match instruction {
            Instruction::Replace { parent, pieces } => {
                let list = children_of(&mut text, parent)?;
                for p in pieces {
                    let slot = list
                        .iter_mut()
                        .find(|c| c.level == p.level && c.label == p.label)
                        .ok_or_else(|| ApplyError::Missing(name(parent, p.level, &p.label)))?;
                    let source = slot.source.clone();
                    *slot = p.clone();
                    slot.source = source;
                }
            }
            Instruction::Repeal { parent, level, first, last } => {
                let list = children_of(&mut text, parent)?;
                let mut found = false;
                for c in list.iter_mut().filter(|c| c.level == *level) {
                    if compare_labels(&c.label, first).is_ge() && compare_labels(&c.label, last).is_le() {
                        c.state = PieceState::Repealed;
                        c.text.clear();
                        c.children.clear();
                        found = true;
                    }
                }
                if !found {
                    return Err(ApplyError::Missing(name(parent, *level, first)));
                }
            }
            Instruction::Insert { parent, after, pieces } => {
                let list = children_of(&mut text, parent)?;
                let Some(level) = pieces.first().map(|p| p.level) else { continue };
                let at = match after {
                    Some(a) => {
                        list.iter()
                            .position(|c| c.level == level && &c.label == a)
                            .ok_or_else(|| ApplyError::Missing(name(parent, level, a)))?
                            + 1
                    }
                    None => list.iter().rposition(|c| c.level == level).map_or(list.len(), |i| i + 1),
                };
                for (k, p) in pieces.iter().enumerate() {
                    if list.iter().any(|c| c.level == p.level && c.label == p.label) {
                        return Err(ApplyError::Exists(name(parent, p.level, &p.label)));
                    }
                    list.insert(at + k, p.clone());
                }
            }
            Instruction::Words { edit, places } => {
                for place in places {
                    let parts = place.parts();
                    let (last_level, last_label) = &parts[parts.len() - 1];
                    let list = children_of(&mut text, &parts[..parts.len() - 1])?;
                    let piece = list
                        .iter_mut()
                        .find(|c| c.level == *last_level && &c.label == last_label)
                        .ok_or_else(|| ApplyError::Missing(place.to_string()))?;
                    piece.text = edit.apply(&piece.text).ok_or_else(|| ApplyError::WordsNotFound {
                        place: place.to_string(),
                        old: edit.sought().to_owned(),
                    })?;
                }
            }
        }
    }
    Ok(text)
}
