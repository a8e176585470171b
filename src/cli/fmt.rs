//! `schemat fmt FILE`: rewrite a file in canonical form, atomically (the
//! previous file is kept as `NAME.ron.bak`). A file already canonical is not
//! touched at all.

use std::path::Path;

use super::Outcome;

pub fn run(file: &Path) -> anyhow::Result<Outcome> {
    let doc = crate::io::load(file)?;
    crate::io::save_if_changed(&doc, file)?;
    Ok(Outcome::Ok)
}
