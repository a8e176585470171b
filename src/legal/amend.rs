//! The amending ordinance (zarządzenie zmieniające) generated from two
//! versions: the operations of [`super::ops`] written as the change list of
//! § 1 with the formulas of [`super::templates`], nested as
//! `../shared/docs/amendment-spec.md` §4 says (one point per amended § or
//! K6m group, letters for its ust., tirets for their pkt, single changes
//! collapsed on one line), ordered by O1-O5 and punctuated by the ending
//! algorithm of §5 (P1-P7); the frame (title, legal basis, § 1 opening, § 2
//! annex K9, entry into force) from the frame metadata and the [`Style`].
//!
//! [`amend`] checks its own output by applying the printed § 1 to the old
//! text ([`super::apply`]): when the result does not read as the new text,
//! it reports its own bug instead of returning wrong law.

use super::apply;
use super::ops::{self, NotExpressible, Op};
use super::style::Style;
use super::templates;
use super::text::{Line, lines};
use super::tree::Regulamin;
use crate::model::{Designation, Document, Level, Metadata, PieceState, letter_label};

/// One item of the change list: a point, a letter or a tiret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The formula without its closing punctuation.
    pub head: String,
    /// The quoted new wording, in lines, without the „ ” marks.
    pub quote: Vec<String>,
    /// The nesting of each quoted line inside the quote (0 for its § or
    /// top pieces, 1 for the points under an ust., …), for the layout.
    pub quote_depths: Vec<usize>,
    pub children: Vec<Item>,
    /// The first piece the item touches (for a click that selects its unit).
    pub at: Designation,
}

/// Why no amendment is printed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmendError {
    #[error("the change cannot be expressed as an amendment: {}", list(.0))]
    NotExpressible(Vec<NotExpressible>),
    #[error("the two versions read the same: there is nothing to amend")]
    NoChange,
    #[error("generator bug: applying the generated § 1 to the old text does not give the new one ({0})")]
    SelfCheck(String),
}

fn list(problems: &[NotExpressible]) -> String {
    problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}

/// The generated ordinance.
#[derive(Debug, Clone, PartialEq)]
pub struct Amendment {
    pub title: Vec<String>,
    pub basis: String,
    /// § 1's first line: "W Regulaminie … wprowadzam następujące zmiany:"
    /// before the change list, or for a single change (K10) the whole
    /// sentence with it ("W Regulaminie … uchyla się § 22.", or ending with
    /// ":" before its quote).
    pub opening: String,
    /// The change list; for a single change (K10) its one item, printed in
    /// the opening sentence instead of as a list.
    pub items: Vec<Item>,
    /// § 2 (K9) when the chart changed.
    pub annex: Option<String>,
    pub entry_into_force: String,
    pub signature: String,
    /// The consolidated text (tekst ujednolicony), produced by applying § 1 to the old text.
    pub consolidated: Regulamin,
    /// Lints found on the generated text.
    pub lints: Vec<super::lint::Lint>,
}

/// How a printed line of the ordinance is laid out (for DOCX and Markdown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Title block: bold, centred.
    Title,
    /// A centred "§ 1" heading.
    Heading,
    /// A paragraph of the frame (basis, opening, § 2, § 3).
    Body,
    /// An item of the change list at its depth (1 point, 2 letter, 3 tiret).
    Item(usize),
    /// Quoted new wording inside an item at its depth, with its own nesting in the quote.
    Quote(usize, usize),
    /// The signature block.
    Signature,
}

impl Amendment {
    /// Whether the ordinance makes one change (K10): § 1 is one sentence, no list.
    pub fn is_single(&self) -> bool {
        is_single(&self.items)
    }

    /// The change list of § 1 as lines, each with the item depth it belongs
    /// to; for a single change (K10) only its quote, which ends the sentence.
    pub fn change_lines(&self) -> Vec<(Role, String)> {
        let mut out = Vec::new();
        match self.items.as_slice() {
            [item] if self.is_single() => render_quote(item, 1, ".", &mut out),
            items => render_items(items, 1, ".", &mut out),
        }
        out
    }

    /// § 1 as text: the opening sentence and the change list, line by line.
    pub fn section1(&self) -> Vec<String> {
        let mut out = vec![self.opening.clone()];
        out.extend(self.change_lines().into_iter().map(|(_, l)| l));
        out
    }

    /// The whole ordinance as lines with their layout roles.
    pub fn document_lines(&self) -> Vec<(Role, String)> {
        let mut out: Vec<(Role, String)> = self.title.iter().map(|t| (Role::Title, t.clone())).collect();
        out.push((Role::Body, self.basis.clone()));
        out.push((Role::Heading, "§ 1".to_owned()));
        out.push((Role::Body, self.opening.clone()));
        out.extend(self.change_lines());
        let mut next = 2;
        if let Some(annex) = &self.annex {
            out.push((Role::Heading, format!("§ {next}")));
            out.push((Role::Body, annex.clone()));
            next += 1;
        }
        out.push((Role::Heading, format!("§ {next}")));
        out.push((Role::Body, self.entry_into_force.clone()));
        out.push((Role::Signature, self.signature.clone()));
        out
    }

    /// Plain text: blank lines between the blocks of the frame.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let mut previous: Option<Role> = None;
        for (role, line) in self.document_lines() {
            let block = !matches!(role, Role::Item(_) | Role::Quote(..));
            let after_title = previous == Some(Role::Title) && role == Role::Title;
            if previous.is_some() && block && !after_title {
                out.push('\n');
            }
            out.push_str(&line);
            out.push('\n');
            previous = Some(role);
        }
        out
    }

    /// Markdown: bold title block, "§" headings; list marks escaped.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        for (role, line) in self.document_lines() {
            let escaped = line.replace('*', "\\*").replace('#', "\\#");
            let written = match role {
                Role::Title | Role::Signature => format!("**{escaped}**  "),
                Role::Heading => format!("\n### {escaped}\n"),
                Role::Body => format!("\n{escaped}\n"),
                Role::Item(d) => format!("\n{}{}", "&emsp;".repeat(d.saturating_sub(1)), escape_list_marker(&escaped)),
                Role::Quote(d, inner) => format!("\n{}{}", "&emsp;".repeat(d + inner), escape_list_marker(&escaped)),
            };
            out.push_str(&written);
            out.push('\n');
        }
        out
    }
}

/// "1)" or "1." at the start of a Markdown line would start an ordered list.
fn escape_list_marker(line: &str) -> String {
    let digits = line.chars().take_while(|c| c.is_ascii_digit() || *c == '„').count();
    match line.chars().nth(digits) {
        Some('.') | Some(')') if digits > 0 => {
            let (head, tail) = line.split_at(line.char_indices().nth(digits).map_or(line.len(), |(i, _)| i));
            format!("{head}\\{tail}")
        }
        // An ASCII "-" would start a bullet list; the tiret "–" does not.
        Some('-') if digits == 0 => format!("\\{line}"),
        _ => line.to_owned(),
    }
}

/// The ending algorithm of §5: ";" after a point, "," after a letter or
/// tiret, the last child taking its parent's ending, the last point ".".
fn render_items(items: &[Item], depth: usize, end: &str, out: &mut Vec<(Role, String)>) {
    for (i, item) in items.iter().enumerate() {
        let ending = if i + 1 == items.len() {
            end
        } else if depth == 1 {
            ";"
        } else {
            ","
        };
        let marker = match depth {
            1 => format!("{})", i + 1),
            2 => format!("{})", letter_label(i)),
            _ => "–".to_owned(),
        };
        if !item.children.is_empty() {
            out.push((Role::Item(depth), format!("{marker} {}:", item.head)));
            render_items(&item.children, depth + 1, ending, out);
        } else if !item.quote.is_empty() {
            out.push((Role::Item(depth), format!("{marker} {}:", item.head)));
            render_quote(item, depth, ending, out);
        } else {
            out.push((Role::Item(depth), format!("{marker} {}{ending}", item.head)));
        }
    }
}

/// The quoted new wording of an item in „ ”, the item's ending after ” (P6).
fn render_quote(item: &Item, depth: usize, ending: &str, out: &mut Vec<(Role, String)>) {
    let last = item.quote.len().saturating_sub(1);
    for (j, line) in item.quote.iter().enumerate() {
        let inner = item.quote_depths.get(j).copied().unwrap_or(0);
        let mut text = String::new();
        if j == 0 {
            text.push('„');
        }
        text.push_str(line);
        if j == last {
            text.push('”');
            text.push_str(ending);
        }
        out.push((Role::Quote(depth, inner), text));
    }
}

/// K10: one change and nothing nested under it.
fn is_single(items: &[Item]) -> bool {
    matches!(items, [item] if item.children.is_empty())
}

/// Whether the chart (the units, their names, symbols, kinds and hierarchy) differs.
pub fn chart_changed(old: &Document, new: &Document) -> bool {
    let key = |d: &Document| -> Vec<(String, Option<String>, String, String, String)> {
        d.units
            .iter()
            .map(|u| {
                (
                    u.id.as_str().to_owned(),
                    u.parent.as_ref().map(|p| p.as_str().to_owned()),
                    format!("{:?}", u.kind),
                    u.name.clone(),
                    u.symbol.clone(),
                )
            })
            .collect()
    };
    key(old) != key(new)
}

/// The ordinance amending `old` into `new`, checked by applying it back.
pub fn amend(old: &Document, new: &Document, style: &Style) -> Result<Amendment, AmendError> {
    let old_text = super::derive(old);
    let new_text = super::derive(new);
    amend_texts(&old_text, &new_text, &new.meta, chart_changed(old, new), style)
}

/// [`amend`] on derived texts, with the frame metadata of the new version.
pub fn amend_texts(
    old: &Regulamin,
    new: &Regulamin,
    meta: &Metadata,
    chart_changed: bool,
    style: &Style,
) -> Result<Amendment, AmendError> {
    let mut diff = ops::diff(old, new, style);
    if let Some(at) = chapters_differ(old, new) {
        diff.problems.push(NotExpressible::Chapters(at));
    }
    if !diff.problems.is_empty() {
        return Err(AmendError::NotExpressible(diff.problems));
    }
    if diff.ops.is_empty() {
        return Err(AmendError::NoChange);
    }
    let new_lines = lines(new);
    let items = change_list(&diff.ops, old, &new_lines, style);
    let opening = match items.as_slice() {
        [item] if is_single(&items) => {
            let ending = if item.quote.is_empty() { "." } else { ":" };
            format!("{}{ending}", templates::single(meta, &item.head))
        }
        _ => templates::opening(meta, style),
    };
    let mut amendment = Amendment {
        title: templates::title(meta, style),
        basis: style.legal_basis.clone(),
        opening,
        items,
        annex: chart_changed.then(|| templates::annex(meta)),
        entry_into_force: templates::entry_into_force(meta.effective),
        signature: style.signature.clone(),
        consolidated: Regulamin::default(),
        lints: Vec::new(),
    };
    // Self-check (§7 step 9): the printed text, parsed and applied to the old version.
    let text = amendment.section1().join("\n");
    let parsed = apply::parse(&text).map_err(|e| AmendError::SelfCheck(e.to_string()))?;
    let applied = apply::apply(old, &parsed.instructions).map_err(|e| AmendError::SelfCheck(e.to_string()))?;
    if !same_law(&applied, new) {
        return Err(AmendError::SelfCheck(first_difference(&applied, new)));
    }
    amendment.consolidated = applied;
    amendment.lints = parsed.lints;
    amendment.lints.extend(super::lint::lint_words(&diff.ops));
    amendment.lints.extend(super::lint::lint_ranges(&text, style));
    Ok(amendment)
}

/// The first § before which the two texts' chapter headings differ.
fn chapters_differ(old: &Regulamin, new: &Regulamin) -> Option<Designation> {
    let heads = |text: &Regulamin| -> Vec<(Designation, String, String)> {
        text.chapters.iter().map(|c| (c.before.clone(), c.heading.clone(), c.title.clone())).collect()
    };
    let (a, b) = (heads(old), heads(new));
    if a == b {
        return None;
    }
    let first = a.iter().zip(&b).find(|(x, y)| x != y).map(|(x, y)| x.0.clone().min(y.0.clone()));
    first.or_else(|| a.get(b.len()).or(b.get(a.len())).map(|c| c.0.clone()))
}

/// Whether two texts are the same law: [`Regulamin::same_wording`], except
/// that a repealed piece is only its placeholder: whatever the model still
/// keeps under it (a listing left inside it) is not part of the text.
pub fn same_law(a: &Regulamin, b: &Regulamin) -> bool {
    fn piece(a: &super::tree::Piece, b: &super::tree::Piece) -> bool {
        if a.state == PieceState::Repealed || b.state == PieceState::Repealed {
            return a.level == b.level && a.label == b.label && a.state == b.state;
        }
        a.level == b.level
            && a.label == b.label
            && a.state == b.state
            && a.text == b.text
            && a.children.len() == b.children.len()
            && a.children.iter().zip(&b.children).all(|(x, y)| piece(x, y))
    }
    a.title == b.title
        && a.paragraphs.len() == b.paragraphs.len()
        && a.paragraphs.iter().zip(&b.paragraphs).all(|(x, y)| piece(x, y))
}

/// The first designation where two texts read differently.
pub fn first_difference(a: &Regulamin, b: &Regulamin) -> String {
    let left: Vec<String> = lines(a).iter().map(|l| format!("{}: {}", l.designation, l.plain())).collect();
    let right: Vec<String> = lines(b).iter().map(|l| format!("{}: {}", l.designation, l.plain())).collect();
    for (x, y) in left.iter().zip(&right) {
        if x != y {
            return format!("got {x:?}, expected {y:?}");
        }
    }
    match left.len().cmp(&right.len()) {
        std::cmp::Ordering::Less => return format!("missing {:?}", right[left.len()]),
        std::cmp::Ordering::Greater => return format!("extra {:?}", left[right.len()]),
        std::cmp::Ordering::Equal => {}
    }
    // Differences the printed text does not show (a repealed piece's hidden wording or children).
    let show = |(d, p): (Designation, &super::tree::Piece)| {
        let under = if p.state == PieceState::Repealed { 0 } else { p.children.len() };
        format!("{d}: {:?} {:?} ({under} under it)", p.state, p.text)
    };
    for (x, y) in a.pieces().into_iter().map(show).zip(b.pieces().into_iter().map(show)) {
        if x != y {
            return format!("got {x:?}, expected {y:?}");
        }
    }
    if a.title != b.title { format!("title {:?}, expected {:?}", a.title, b.title) } else { "unknown".to_owned() }
}

/// Which § an op belongs to as a point of its own (`None`: a point by itself).
fn group_of(op: &Op) -> Option<String> {
    match op {
        Op::Replace { targets } | Op::Repeal { targets } => {
            (targets[0].level() != Level::Par).then(|| targets[0].paragraph_label().to_owned())
        }
        Op::Insert { anchor, .. } => (anchor.level() != Level::Par).then(|| anchor.paragraph_label().to_owned()),
        Op::Words { places, .. } => (places.len() == 1).then(|| places[0].paragraph_label().to_owned()),
    }
}

/// The ust. an op lies in, below its § (for letters and tirets).
fn ust_of(op: &Op) -> Option<String> {
    let d = match op {
        Op::Replace { targets } | Op::Repeal { targets } => &targets[0],
        Op::Insert { anchor, .. } => anchor,
        Op::Words { places, .. } => &places[0],
    };
    let parts = d.parts();
    (parts.len() >= 3 && parts[1].0 == Level::Ust).then(|| parts[1].1.clone())
}

/// Builds the change list: points by § (O1) and K6m groups (O2), letters
/// for ust., tirets for pkt, single changes collapsed (§4.4).
pub fn change_list(ops: &[Op], old: &Regulamin, new_lines: &[Line<'_>], style: &Style) -> Vec<Item> {
    let mut points: Vec<(Designation, Vec<&Op>)> = Vec::new();
    for op in ops {
        let group = group_of(op);
        let existing =
            group.as_ref().and_then(|g| points.iter().position(|(_, ops)| group_of(ops[0]).as_ref() == Some(g)));
        match existing {
            Some(i) => points[i].1.push(op),
            None => points.push((op.key().0, vec![op])),
        }
    }
    points.sort_by(|a, b| a.1[0].key().cmp(&b.1[0].key()));
    let mut first_line: std::collections::HashMap<&Designation, usize> = std::collections::HashMap::new();
    for (i, line) in new_lines.iter().enumerate() {
        first_line.entry(&line.designation).or_insert(i);
    }
    let writer = Writer { old, new_lines, first_line, style };
    points
        .into_iter()
        .map(|(at, ops)| {
            if ops.len() == 1 {
                return writer.item(ops[0], 0);
            }
            let par = at.paragraph_label().to_owned();
            let par_part = (Level::Par, par.clone());
            let usts: Vec<Option<String>> = ops.iter().map(|op| ust_of(op)).collect();
            if let Some(Some(u)) = usts.first()
                && usts.iter().all(|x| x.as_deref() == Some(u.as_str()))
            {
                // All changes in one ust.: "w § 25 w ust. 3:" and letters (§4.4.2).
                let head = templates::locators(&[par_part, (Level::Ust, u.clone())]);
                let children = ops.iter().map(|op| writer.item(op, 2)).collect();
                return Item { head, quote: Vec::new(), quote_depths: Vec::new(), children, at };
            }
            let mut children: Vec<Item> = Vec::new();
            let mut i = 0;
            while i < ops.len() {
                let run = usts[i..].iter().take_while(|u| u.is_some() && **u == usts[i]).count();
                if run >= 2 {
                    let u = usts[i].clone().unwrap_or_default();
                    let tirets: Vec<Item> = ops[i..i + run].iter().map(|op| writer.item(op, 2)).collect();
                    let at = tirets[0].at.clone();
                    children.push(Item {
                        head: templates::locators(&[(Level::Ust, u)]),
                        quote: Vec::new(),
                        quote_depths: Vec::new(),
                        children: tirets,
                        at,
                    });
                    i += run;
                } else {
                    children.push(writer.item(ops[i], 1));
                    i += 1;
                }
            }
            Item { head: templates::locators(&[par_part]), quote: Vec::new(), quote_depths: Vec::new(), children, at }
        })
        .collect()
}

struct Writer<'a, 'b> {
    old: &'a Regulamin,
    new_lines: &'a [Line<'b>],
    /// The first printed line of each designation.
    first_line: std::collections::HashMap<&'a Designation, usize>,
    style: &'a Style,
}

impl Writer<'_, '_> {
    /// One op as an item, naming its levels from `context` down (§4.4).
    fn item(&self, op: &Op, context: usize) -> Item {
        let style = self.style;
        let labels = |ds: &[Designation]| ds.iter().map(|d| d.label().to_owned()).collect::<Vec<_>>();
        let ancestors = |d: &Designation| {
            let parts = d.parts();
            templates::locators(&parts[context.min(parts.len() - 1)..parts.len() - 1])
        };
        match op {
            Op::Replace { targets } => {
                let (quote, quote_depths) = self.quote(targets);
                Item {
                    head: templates::replace(
                        &ancestors(&targets[0]),
                        &templates::targets(targets[0].level(), &labels(targets), style),
                        targets.len() > 1,
                    ),
                    quote,
                    quote_depths,
                    children: Vec::new(),
                    at: targets[0].clone(),
                }
            }
            Op::Repeal { targets } => Item {
                head: templates::repeal(
                    &ancestors(&targets[0]),
                    &templates::targets(targets[0].level(), &labels(targets), style),
                ),
                quote: Vec::new(),
                quote_depths: Vec::new(),
                children: Vec::new(),
                at: targets[0].clone(),
            },
            Op::Insert { anchor, new, period_swap } => {
                let loc = ancestors(anchor);
                let t = templates::targets(new[0].level(), &labels(new), style);
                let anchor_name = format!("{} {}", anchor.level().prefix(), anchor.label());
                let head = if *period_swap {
                    templates::append_after_period(&loc, &anchor_name, &t)
                } else if !style.append_with_anchor && self.is_last(anchor) {
                    templates::append(&loc, &t)
                } else {
                    templates::insert_after(&loc, &anchor_name, &t)
                };
                let (quote, quote_depths) = self.quote(new);
                Item { head, quote, quote_depths, children: Vec::new(), at: anchor.clone() }
            }
            Op::Words { edit, places } => {
                let head = if places.len() == 1 {
                    let parts = places[0].parts();
                    templates::words(&templates::locators(&parts[context.min(parts.len())..]), edit, false)
                } else {
                    templates::words(&templates::place_list(places), edit, true)
                };
                Item { head, quote: Vec::new(), quote_depths: Vec::new(), children: Vec::new(), at: places[0].clone() }
            }
        }
    }

    fn is_last(&self, d: &Designation) -> bool {
        let siblings = match d.parent() {
            None => self.old.paragraphs.iter().collect::<Vec<_>>(),
            Some(p) => self.old.find(&p).map(|p| p.children.iter().collect()).unwrap_or_default(),
        };
        siblings.iter().rfind(|s| s.level == d.level()).is_some_and(|s| s.label == d.label())
    }

    /// The new wording of the targets as the consolidated text prints it (P7, N10).
    fn quote(&self, targets: &[Designation]) -> (Vec<String>, Vec<usize>) {
        let first = self.first_line.get(&targets[0]).copied().unwrap_or(self.new_lines.len());
        let lines: Vec<&Line<'_>> =
            self.new_lines[first..].iter().take_while(|l| targets.iter().any(|t| l.designation.is_within(t))).collect();
        let base = lines.iter().map(|l| l.depth).min().unwrap_or(0);
        (lines.iter().map(|l| l.plain()).collect(), lines.iter().map(|l| l.depth - base).collect())
    }
}
