//! `schemat fmt FILE`: rewrite a file in canonical form, atomically (the
//! previous file is kept as `NAME.ron.bak`). A file already canonical is not
//! touched at all.

use std::path::Path;

use super::Outcome;

pub fn run(file: &Path) -> anyhow::Result<Outcome> {
    let doc = crate::io::load(file)?;
    let canonical = crate::io::to_ron_string(&doc);
    // `load` just read the file as UTF-8 text, so a second read only fails if it changed meanwhile.
    let unchanged = std::fs::read(file).is_ok_and(|bytes| bytes == canonical.as_bytes());
    if !unchanged {
        crate::io::write_atomic(file, canonical.as_bytes())?;
    }
    Ok(Outcome::Ok)
}
