//! `schemat show FILE`: the hierarchy as an indented tree, one unit a line:
//! `SYMBOL name [kind]`, two spaces of indent per level.

use std::io::Write;
use std::path::Path;

use super::Outcome;
use crate::i18n::{self, Lang};
use crate::model::Document;

pub fn run(file: &Path, lang: Lang, out: &mut impl Write) -> anyhow::Result<Outcome> {
    let doc = crate::io::load(file)?;
    // One unit a line: a name's control characters are shown escaped, not obeyed.
    let tree = tree(&doc, lang);
    out.write_all(crate::i18n::io::shown_lines(&tree).as_bytes())?;
    Ok(Outcome::Ok)
}

/// The tree as text, one line per unit in document order.
pub fn tree(doc: &Document, lang: Lang) -> String {
    let mut text = String::new();
    for (unit, depth) in doc.units.iter().zip(doc.depths()) {
        text.push_str(&"  ".repeat(depth));
        if !unit.symbol.is_empty() {
            text.push_str(&unit.symbol);
            text.push(' ');
        }
        text.push_str(&unit.name);
        text.push_str(" [");
        text.push_str(i18n::model::kind(lang, unit.kind));
        text.push_str("]\n");
    }
    text
}
