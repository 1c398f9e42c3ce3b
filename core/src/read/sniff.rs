//! Telling file formats apart by their first bytes, so a file that is not a
//! .docx gets a message saying what it is and what to do, not a zip error.

#[cfg(feature = "docx")]
use super::error::ReadError;

/// What a file's bytes look like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sniffed {
    /// A zip archive (a .docx is one; so are .xlsx and .pptx).
    Zip,
    /// An OpenDocument file: a zip whose first entry is `mimetype`.
    OpenDocument {
        mime: String,
    },
    /// An OLE2 compound file holding a Word 97-2003 document.
    LegacyDoc,
    /// An OLE2 compound file holding an encrypted Office document.
    Encrypted,
    /// Another OLE2 compound file (.xls, .ppt, .msg).
    OtherOle2,
    Pdf,
    Rtf,
    /// Starts with `<` after optional BOM and whitespace: HTML or XML.
    Markup,
    /// Anything else.
    Unknown,
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP_MAGIC: &[u8] = b"PK\x05\x06";
const OLE2_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Guesses a file's format from its bytes.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(ZIP_MAGIC) {
        return match open_document_mime(bytes) {
            Some(mime) => Sniffed::OpenDocument { mime },
            None => Sniffed::Zip,
        };
    }
    if bytes.starts_with(EMPTY_ZIP_MAGIC) {
        return Sniffed::Zip;
    }
    if bytes.starts_with(OLE2_MAGIC) {
        // Stream names are stored UTF-16LE in the OLE2 directory.
        return if contains(bytes, &utf16le("EncryptedPackage")) {
            Sniffed::Encrypted
        } else if contains(bytes, &utf16le("WordDocument")) {
            Sniffed::LegacyDoc
        } else {
            Sniffed::OtherOle2
        };
    }
    if bytes.starts_with(b"%PDF") {
        return Sniffed::Pdf;
    }
    if bytes.starts_with(b"{\\rtf") {
        return Sniffed::Rtf;
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = text.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'<') {
        return Sniffed::Markup;
    }
    Sniffed::Unknown
}

/// The error for a file handed to the .docx reader that is something else, or
/// `None` when it is a zip worth opening.
#[cfg(feature = "docx")]
pub(crate) fn docx_refusal(bytes: &[u8]) -> Option<ReadError> {
    Some(match sniff(bytes) {
        Sniffed::Zip => return None,
        Sniffed::OpenDocument { mime } => ReadError::OpenDocument {
            what: open_document_kind(&mime),
            mime,
        },
        Sniffed::LegacyDoc => ReadError::LegacyDoc,
        Sniffed::Encrypted => ReadError::Encrypted,
        Sniffed::OtherOle2 => ReadError::OtherOle2,
        Sniffed::Pdf => ReadError::Pdf,
        Sniffed::Rtf => ReadError::Rtf,
        Sniffed::Markup => ReadError::TextNotDocx {
            what: if looks_like_html(bytes) {
                "HTML"
            } else {
                "XML"
            },
        },
        Sniffed::Unknown => ReadError::NotZip,
    })
}

#[cfg(feature = "docx")]
fn open_document_kind(mime: &str) -> &'static str {
    match mime.rsplit('.').next() {
        Some("text") => "text document (.odt)",
        Some("spreadsheet") => "spreadsheet (.ods)",
        Some("presentation") => "presentation (.odp)",
        _ => "file",
    }
}

#[cfg(feature = "docx")]
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    contains(&lower, b"<!doctype html") || contains(&lower, b"<html")
}

/// OpenDocument stores an uncompressed `mimetype` entry first; its content is
/// right after the local header.
fn open_document_mime(bytes: &[u8]) -> Option<String> {
    let name_len = u16::from_le_bytes([*bytes.get(26)?, *bytes.get(27)?]) as usize;
    let extra_len = u16::from_le_bytes([*bytes.get(28)?, *bytes.get(29)?]) as usize;
    let method = u16::from_le_bytes([*bytes.get(8)?, *bytes.get(9)?]);
    let size = u32::from_le_bytes([
        *bytes.get(18)?,
        *bytes.get(19)?,
        *bytes.get(20)?,
        *bytes.get(21)?,
    ]) as usize;
    if method != 0 || bytes.get(30..30 + name_len)? != b"mimetype" || size > 100 {
        return None;
    }
    let start = 30 + name_len + extra_len;
    let mime = std::str::from_utf8(bytes.get(start..start + size)?).ok()?;
    mime.starts_with("application/vnd.oasis.opendocument")
        .then(|| mime.to_owned())
}

fn utf16le(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ole2_with(stream: &str) -> Vec<u8> {
        let mut bytes = OLE2_MAGIC.to_vec();
        bytes.extend_from_slice(&[0; 504]);
        bytes.extend(utf16le(stream));
        bytes
    }

    #[test]
    fn ole2_files_are_told_apart_by_their_streams() {
        assert_eq!(sniff(&ole2_with("WordDocument")), Sniffed::LegacyDoc);
        assert_eq!(sniff(&ole2_with("EncryptedPackage")), Sniffed::Encrypted);
        assert_eq!(sniff(&ole2_with("Workbook")), Sniffed::OtherOle2);
    }

    #[cfg(feature = "docx")]
    #[test]
    fn open_document_mimetype_is_read_from_the_first_entry() {
        let mime = b"application/vnd.oasis.opendocument.text";
        let mut bytes = ZIP_MAGIC.to_vec();
        bytes.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        bytes.extend_from_slice(&(mime.len() as u32).to_le_bytes());
        bytes.extend_from_slice(&(mime.len() as u32).to_le_bytes());
        bytes.extend_from_slice(&8u16.to_le_bytes());
        bytes.extend_from_slice(&0u16.to_le_bytes());
        bytes.extend_from_slice(b"mimetype");
        bytes.extend_from_slice(mime);
        let err = docx_refusal(&bytes).unwrap();
        assert_eq!(err.kind(), "open_document");
        assert!(err.to_string().contains("save it as .docx"), "{err}");
    }

    #[cfg(feature = "docx")]
    #[test]
    fn other_formats_get_their_own_message() {
        assert_eq!(docx_refusal(b"%PDF-1.7\n"), Some(ReadError::Pdf));
        assert_eq!(docx_refusal(b"{\\rtf1\\ansi"), Some(ReadError::Rtf));
        assert_eq!(
            docx_refusal(b"\xEF\xBB\xBF <!DOCTYPE html><p>x"),
            Some(ReadError::TextNotDocx { what: "HTML" })
        );
        assert_eq!(docx_refusal(b"hello"), Some(ReadError::NotZip));
        assert_eq!(docx_refusal(b"PK\x03\x04rest"), None);
    }
}
