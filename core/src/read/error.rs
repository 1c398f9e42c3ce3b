//! Why a .docx or HTML file could not be read: one line each, saying what to do.

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// The file is larger than `DocumentLimits::max_input_bytes`.
    #[error(
        "the file is {size} bytes, over the limit of {limit} bytes; split it or raise the limit"
    )]
    TooLarge { size: usize, limit: usize },
    /// A Word 97-2003 binary document.
    #[error(
        "this is a Word 97-2003 .doc file; open it in Word and save it as .docx (File › Save As › Word Document)"
    )]
    LegacyDoc,
    /// An Office file encrypted with a password (an OLE2 container holding EncryptedPackage).
    #[error(
        "the document is password-protected; remove the password (File › Info › Protect Document) and save it again"
    )]
    Encrypted,
    /// Another old Office binary file (.xls, .ppt, .msg, ...).
    #[error("this is an old Office binary file, not a Word document; save it as .docx")]
    OtherOle2,
    /// A PDF.
    #[error(
        "this is a PDF; dueregard reads the document it was made from: use the Word (.docx) or web page (HTML) original"
    )]
    Pdf,
    /// An OpenDocument file (LibreOffice, Google Docs export).
    #[error(
        "this is an OpenDocument {what} ({mime}); save it as .docx (File › Save As › Word 2007-365)"
    )]
    OpenDocument { what: &'static str, mime: String },
    /// Rich Text Format.
    #[error("this is a Rich Text Format (.rtf) file; open it in Word and save it as .docx")]
    Rtf,
    /// Text (HTML, XML or plain) handed to the .docx reader.
    #[error(
        "this is a text file ({what}), not a .docx; read it as {what} or save it from Word as .docx"
    )]
    TextNotDocx { what: &'static str },
    /// Not a zip archive, so not a .docx.
    #[error(
        "the file is not a .docx (it is not a zip archive); open it in Word and save it as .docx"
    )]
    NotZip,
    /// A zip archive cut short.
    #[error("the .docx is truncated or damaged ({detail}); copy or download it again")]
    Truncated { detail: String },
    /// A zip archive that cannot be read for another reason.
    #[error(
        "the .docx cannot be opened as a zip archive ({detail}); open it in Word and save it again"
    )]
    Zip { detail: String },
    /// A zip entry stored with encryption or a method other than stored/deflate.
    #[error("{part} is {why}; open the document in Word and save it again")]
    UnsupportedEntry { part: String, why: &'static str },
    /// A zip archive that is not a Word document (no main document part).
    #[error(
        "this zip has no {part}, so it is not a Word document (an .xlsx or .pptx?); save the document as .docx"
    )]
    NotWord { part: String },
    /// More zip entries than `DocumentLimits::max_zip_entries`.
    #[error(
        "the .docx lists {count} zip entries, over the limit of {limit}; a Word document has a few dozen"
    )]
    TooManyEntries { count: usize, limit: usize },
    /// A part inflates beyond `DocumentLimits::max_part_bytes`.
    #[error(
        "{part} inflates to more than {limit} bytes, over the limit; split the document or raise the limit"
    )]
    PartTooLarge { part: String, limit: u64 },
    /// The parts read inflate beyond `DocumentLimits::max_total_bytes` together.
    #[error(
        "the document's parts inflate to more than {limit} bytes together, over the limit; split the document"
    )]
    TotalTooLarge { limit: u64 },
    /// A part inflates far more than Word's XML does: a zip bomb.
    #[error(
        "{part} inflates {ratio} times its stored size, over the limit of {limit}; it looks like a zip bomb, not a Word document"
    )]
    CompressionRatio {
        part: String,
        ratio: u64,
        limit: u64,
    },
    /// An XML part declares a DTD; Word never writes one, and entities could expand without bound.
    #[error(
        "{part} declares a DTD (<!DOCTYPE>), which Word never writes; refused so entities cannot expand (\"billion laughs\")"
    )]
    Dtd { part: String },
    /// Elements nest deeper than `DocumentLimits::max_depth`.
    #[error(
        "{part} nests elements deeper than {limit} levels (at {at}); no real document needs that"
    )]
    TooDeep {
        part: String,
        limit: usize,
        at: String,
    },
    /// An HTML page makes more nodes than `DocumentLimits::max_html_elements`.
    #[error("the page has more than {limit} elements and text runs, over the limit; split it")]
    TooManyElements { limit: usize },
    /// An XML part is not well-formed.
    #[error(
        "{part} is not well-formed XML at byte {offset}: {message}; open the document in Word and save it again"
    )]
    Xml {
        part: String,
        offset: u64,
        message: String,
    },
    /// A .docx that can be read but not annotated safely.
    #[error("{part} cannot be annotated: {why}; open the document in Word and save it again")]
    CannotAnnotate { part: String, why: String },
    /// The HTML is not UTF-8.
    #[error("the page is not UTF-8 text (first bad byte at offset {offset}); save it as UTF-8")]
    NotUtf8 { offset: usize },
}

impl ReadError {
    /// A short machine-readable kind, stable across versions.
    pub fn kind(&self) -> &'static str {
        match self {
            ReadError::TooLarge { .. } => "too_large",
            ReadError::LegacyDoc => "legacy_doc",
            ReadError::Encrypted => "encrypted",
            ReadError::OtherOle2 => "other_ole2",
            ReadError::Pdf => "pdf",
            ReadError::OpenDocument { .. } => "open_document",
            ReadError::Rtf => "rtf",
            ReadError::TextNotDocx { .. } => "text_not_docx",
            ReadError::NotZip => "not_zip",
            ReadError::Truncated { .. } => "truncated",
            ReadError::Zip { .. } => "zip",
            ReadError::UnsupportedEntry { .. } => "unsupported_entry",
            ReadError::NotWord { .. } => "not_word",
            ReadError::TooManyEntries { .. } => "too_many_entries",
            ReadError::PartTooLarge { .. } => "part_too_large",
            ReadError::TotalTooLarge { .. } => "total_too_large",
            ReadError::CompressionRatio { .. } => "compression_ratio",
            ReadError::Dtd { .. } => "dtd",
            ReadError::TooDeep { .. } => "too_deep",
            ReadError::TooManyElements { .. } => "too_many_elements",
            ReadError::Xml { .. } => "xml",
            ReadError::CannotAnnotate { .. } => "cannot_annotate",
            ReadError::NotUtf8 { .. } => "not_utf8",
        }
    }
}
