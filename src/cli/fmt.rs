//! `schemat fmt FILE`: rewrite a file in canonical form, atomically (the
//! previous file is kept as `NAME.ron.bak`). A file already canonical is not
//! touched at all; a file of an older format version is upgraded to the
//! current one, and the command says so on stderr.

use std::path::Path;

use super::Outcome;
use crate::i18n::{Lang, cli};

pub fn run(file: &Path, lang: Lang) -> anyhow::Result<Outcome> {
    let loaded = crate::io::load_versioned(file)?;
    crate::io::save_if_changed(&loaded.doc, file)?;
    if let Some(from) = loaded.migrated_from {
        eprintln!("{}", cli::migrated(lang, &file.display().to_string(), from, crate::model::FORMAT_VERSION));
    }
    Ok(Outcome::Ok)
}
