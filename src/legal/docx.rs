//! The amending ordinance and the Regulamin as Word documents (.docx).

use super::amend::Amendment;

/// Why a DOCX cannot be written.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("DOCX output is not built into this version")]
    Unavailable,
}

/// The ordinance as DOCX bytes.
pub fn ordinance(_amendment: &Amendment) -> Result<Vec<u8>, DocxError> {
    Err(DocxError::Unavailable)
}
