//! Reading drafts: JSON with pointers in every error, Markdown and plain
//! text; and documents as people write them, Word .docx and HTML pages, into
//! one format-neutral [`Document`] with a source place on every block. All
//! within limits, so hostile input cannot hang or abort.

mod document;
mod document_limits;
#[cfg(feature = "docx")]
pub(crate) mod docx;
mod error;
#[cfg(feature = "html")]
mod html;
pub mod inline_waivers;
mod json;
mod markdown;
pub mod recognise;
mod sniff;
mod strict;

pub use document::*;
pub use document_limits::DocumentLimits;
#[cfg(feature = "docx")]
pub use docx::{Styles, read_docx, read_docx_xml};
pub use error::ReadError;
#[cfg(feature = "html")]
pub use html::read_html;
pub(crate) use json::{JsonProblem, check_depth, deserialize_with_pointer, without_bom};
pub(crate) use markdown::{MarkdownLayout, SectionLayout, split_markdown_with_layout};
pub use sniff::{Sniffed, sniff};

use crate::error::DraftError;
use crate::model::{Draft, Section};

/// Bounds on input, checked before any work is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted, in bytes.
    pub max_bytes: usize,
    /// Deepest JSON nesting accepted (a draft needs about six levels).
    pub max_depth: usize,
    /// Most sections a draft may have.
    pub max_sections: usize,
    /// Most form fields a draft may have.
    pub max_fields: usize,
    /// Most findings a report lists; the rest are counted in
    /// `summary.omitted`, so a pathological draft cannot exhaust memory.
    pub max_findings: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 10 * 1024 * 1024,
            max_depth: 32,
            max_sections: 10_000,
            max_fields: 5_000,
            max_findings: 10_000,
        }
    }
}

/// The format of a draft given as bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Markdown,
    Text,
    /// Word .docx, read and recognised into a draft (feature "docx").
    Docx,
    /// An HTML page, read and recognised into a draft (feature "html").
    Html,
}

impl Format {
    /// Picks the format from a file name's extension: `.json`, `.md`/`.markdown`,
    /// `.txt`, `.docx`, `.html`/`.htm`.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "md" | "markdown" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            "docx" => Some(Format::Docx),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

impl Draft {
    /// Builds a one-section draft from plain text. Only text rules apply.
    /// The title counts towards the size limit with the text.
    pub fn from_text(title: &str, text: &str) -> Result<Draft, DraftError> {
        check_size(title.len() + text.len(), &Limits::default())?;
        Ok(text_draft(title, without_bom(text)))
    }

    /// Reads a draft from bytes in the given format, checking UTF-8 first.
    /// `title` names a plain-text draft (a Markdown draft's own heading
    /// wins), and counts towards the size limit with the bytes.
    pub fn from_bytes(
        bytes: &[u8],
        format: Format,
        title: &str,
        limits: &Limits,
    ) -> Result<Draft, DraftError> {
        if matches!(format, Format::Docx | Format::Html) {
            return Ok(recognise_bytes(bytes, format, title, limits)?.draft);
        }
        let title_bytes = if format == Format::Json {
            0
        } else {
            title.len()
        };
        check_size(bytes.len().saturating_add(title_bytes), limits)?;
        let text = std::str::from_utf8(bytes).map_err(|e| DraftError::NotUtf8 {
            offset: e.valid_up_to(),
        })?;
        match format {
            Format::Json => Draft::from_json_with(text, limits),
            Format::Markdown => {
                let mut draft = Draft::from_markdown_with(text, limits)?;
                if draft.title == UNTITLED && !title.is_empty() {
                    draft.title = title.to_owned();
                }
                Ok(draft)
            }
            Format::Text => Ok(text_draft(title, without_bom(text))),
            // Sent to recognise_bytes above; never reached.
            Format::Docx | Format::Html => Err(wrong_reader(format)),
        }
    }

    fn check_limits(&self, limits: &Limits) -> Result<(), DraftError> {
        if self.sections.len() > limits.max_sections {
            return Err(DraftError::OverLimit {
                pointer: "/sections".into(),
                message: format!(
                    "{} sections, over the limit of {}",
                    self.sections.len(),
                    limits.max_sections
                ),
            });
        }
        if self.fields.len() > limits.max_fields {
            return Err(DraftError::OverLimit {
                pointer: "/fields".into(),
                message: format!(
                    "{} fields, over the limit of {}",
                    self.fields.len(),
                    limits.max_fields
                ),
            });
        }
        Ok(())
    }
}

/// Reads a Word or HTML document and recognises it into a draft, with what
/// was recognised and where each part came from. Other formats are read as
/// usual with nothing recognised. `title` names a document that has none.
pub fn recognise_bytes(
    bytes: &[u8],
    format: Format,
    title: &str,
    limits: &Limits,
) -> Result<recognise::Recognition, DraftError> {
    recognise_bytes_with(
        bytes,
        format,
        title,
        limits,
        recognise::Vocabulary::built_in(),
    )
}

/// [`recognise_bytes`] with a given vocabulary (e.g. [`crate::Engine::recognise_vocabulary`]).
pub fn recognise_bytes_with(
    bytes: &[u8],
    format: Format,
    title: &str,
    limits: &Limits,
    vocabulary: &recognise::Vocabulary,
) -> Result<recognise::Recognition, DraftError> {
    if matches!(format, Format::Json | Format::Markdown | Format::Text) {
        return Ok(recognise::Recognition {
            draft: Draft::from_bytes(bytes, format, title, limits)?,
            recognised: Default::default(),
            places: Default::default(),
            sources: Default::default(),
            label_origins: Default::default(),
            origins: Default::default(),
            html_page: None,
        });
    }
    let document = read_document(bytes, format, limits)?;
    let mut recognition = recognise_document(&document, title, limits, vocabulary)?;
    if format == Format::Html {
        // The reader took the bytes as UTF-8 (lossily where they were not);
        // findings' words are found in the page as it read it.
        recognition.html_page = Some(String::from_utf8_lossy(bytes).into_owned());
    }
    Ok(recognition)
}

/// Recognises a document already read, as [`recognise_bytes_with`] does.
pub(crate) fn recognise_document(
    document: &Document,
    title: &str,
    limits: &Limits,
    vocabulary: &recognise::Vocabulary,
) -> Result<recognise::Recognition, DraftError> {
    let mut recognition = recognise::recognise_with(document, vocabulary);
    if recognition.draft.title == UNTITLED && !title.is_empty() {
        recognition.draft.title = title.to_owned();
    }
    recognition.draft.check_limits(limits)?;
    Ok(recognition)
}

/// The document limits that go with a draft's limits.
pub(crate) fn document_limits(limits: &Limits) -> DocumentLimits {
    DocumentLimits {
        max_input_bytes: limits.max_bytes,
        ..DocumentLimits::default()
    }
}

/// Reads a Word or HTML document with its reader, when this build has it.
fn read_document(bytes: &[u8], format: Format, limits: &Limits) -> Result<Document, DraftError> {
    let document_limits = document_limits(limits);
    let _ = (bytes, &document_limits);
    match format {
        #[cfg(feature = "docx")]
        Format::Docx => read_docx(bytes, &document_limits).map_err(DraftError::Document),
        #[cfg(feature = "html")]
        Format::Html => read_html(bytes, &document_limits).map_err(DraftError::Document),
        #[cfg(not(feature = "docx"))]
        Format::Docx => Err(DraftError::FormatNotBuilt { format: "docx" }),
        #[cfg(not(feature = "html"))]
        Format::Html => Err(DraftError::FormatNotBuilt { format: "html" }),
        // recognise_bytes reads text formats itself; never reached.
        Format::Json | Format::Markdown | Format::Text => Err(wrong_reader(format)),
    }
}

/// The error for a format handed to the wrong reader (a bug, never a panic).
fn wrong_reader(format: Format) -> DraftError {
    DraftError::FormatNotBuilt {
        format: match format {
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Text => "text",
            Format::Docx => "docx",
            Format::Html => "html",
        },
    }
}

pub(crate) const UNTITLED: &str = "Untitled draft";

fn text_draft(title: &str, text: &str) -> Draft {
    let mut draft = empty_draft(if title.is_empty() { UNTITLED } else { title });
    draft.sections.push(Section {
        id: TEXT_SECTION.into(),
        heading: String::new(),
        text: text.to_owned(),
    });
    draft.waivers = inline_waivers::section_waivers(TEXT_SECTION, text);
    draft
}

/// The id of a plain-text draft's one section.
pub(crate) const TEXT_SECTION: &str = "text";

pub(crate) fn empty_draft(title: &str) -> Draft {
    Draft {
        title: title.to_owned(),
        kind: Default::default(),
        audience: Vec::new(),
        status: Default::default(),
        dates: Default::default(),
        owner: None,
        sections: Vec::new(),
        fields: Vec::new(),
        eia: None,
        partners: Vec::new(),
        waivers: Vec::new(),
    }
}

pub(crate) fn check_size(size: usize, limits: &Limits) -> Result<(), DraftError> {
    if size > limits.max_bytes {
        return Err(DraftError::TooLarge {
            size,
            limit: limits.max_bytes,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_reported_with_offset() {
        let err =
            Draft::from_bytes(b"# T\n\xff", Format::Markdown, "x", &Limits::default()).unwrap_err();
        assert_eq!(err, DraftError::NotUtf8 { offset: 4 });
    }
}
