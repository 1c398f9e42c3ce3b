//! Readers for documents as people write them: Word .docx and HTML pages,
//! into one format-neutral [`Document`] with a source place on every block.

mod document;
mod document_limits;
#[cfg(feature = "docx")]
mod docx;
mod error;
#[cfg(feature = "html")]
mod html;
mod sniff;

pub use document::*;
pub use document_limits::DocumentLimits;
#[cfg(feature = "docx")]
pub use docx::{Styles, read_docx, read_docx_xml};
pub use error::ReadError;
#[cfg(feature = "html")]
pub use html::read_html;
pub use sniff::{Sniffed, sniff};
