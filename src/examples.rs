//! The example documents shipped with schemat; the first is the editor's default document.
//!
//! Both are the Regulamin Organizacyjny of the Departament Organizacji i
//! Administracji (Urząd Miasta Lublin), reconstructed from zarządzenie nr
//! 58/12/2021, the reference ordinance: [`DOA_2022`] as in force from 1 January
//! 2022, [`DOA_2021`] as it stood before. The pair shares unit ids, so diffing
//! them shows exactly the ordinance's changes. The files live in `examples/`
//! (format v2) and are embedded here, so the binary opens without any file.
//!
//! Every wording the ordinance quotes is verbatim; every piece it only implies
//! holds its designation and punctuation with its wording unknown (an unknown
//! intro, point or provision, printed "[…]"), and where only a cited fragment
//! is known ("(j.t. Obwieszczenie …)", replaced by § 1 pkt 3 and 12) the text
//! is that fragment between "[…]". Units the ordinance implies without naming
//! them carry a neutral name and a note saying what is assumed.

use std::path::Path;

use crate::io::{self, IoError};
use crate::model::Document;

/// One embedded example: its file name in `examples/` and its RON text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    /// The path the example has in the repository, used in messages.
    pub path: &'static str,
    /// The canonical RON text (format v2).
    pub text: &'static str,
}

/// The department as in force from 1 January 2022: the editor's default document.
pub const DOA_2022: Example = Example { path: "examples/doa-2022.ron", text: include_str!("../examples/doa-2022.ron") };

/// The department before zarządzenie nr 58/12/2021 (until 31 December 2021).
pub const DOA_2021: Example = Example { path: "examples/doa-2021.ron", text: include_str!("../examples/doa-2021.ron") };

/// Every embedded example, the default first.
pub const ALL: [Example; 2] = [DOA_2022, DOA_2021];

impl Example {
    /// Parses the embedded text.
    pub fn load(&self) -> Result<Document, IoError> {
        io::from_ron_str(self.text, Path::new(self.path))
    }
}

/// The document the editor opens with when no file is given.
pub fn default_document() -> Document {
    // Invariant: the embedded text is fixed at build time and
    // `tests/examples.rs` (`embedded_examples_load_and_match_the_files`) proves
    // that it parses, so this cannot fail in a tested build.
    DOA_2022.load().expect("the embedded example examples/doa-2022.ron parses")
}
