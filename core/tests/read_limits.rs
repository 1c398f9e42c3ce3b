//! Hostile and wrong input for the document readers: each gets its own typed
//! error with a message saying what to do, never a panic or a huge allocation.

#![cfg(all(feature = "docx", feature = "html"))]

use std::io::{Cursor, Write};

use dueregard::read::{DocumentLimits, ReadError, read_docx, read_html};
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

const DOC_START: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#;
const DOC_END: &str = "</w:body></w:document>";

/// A zip of the given entries, deflated.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    // Level 9 explicitly: the default level depends on which deflate backend
    // the build unifies on, and a bomb must compress far past the ratio limit.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(9));
    for (name, data) in entries {
        writer.start_file(*name, options).unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn docx_with_body(body: &str) -> Vec<u8> {
    let xml = format!("{DOC_START}{body}{DOC_END}");
    zip_of(&[("word/document.xml", xml.as_bytes())])
}

fn docx_error(bytes: &[u8], limits: &DocumentLimits) -> ReadError {
    match read_docx(bytes, limits) {
        Ok(doc) => panic!("read {} blocks from hostile input", doc.blocks.len()),
        Err(e) => e,
    }
}

#[test]
fn a_minimal_docx_without_rels_or_styles_reads() {
    let bytes = docx_with_body(r#"<w:p><w:r><w:t>Hello</w:t></w:r></w:p>"#);
    let doc = read_docx(&bytes, &DocumentLimits::default()).unwrap();
    assert_eq!(doc.blocks.len(), 1);
    assert_eq!(doc.blocks[0].text(), "Hello");
}

#[test]
fn zip_bomb_is_refused_by_its_ratio_while_inflating() {
    // 8 MiB of one repeated paragraph deflates to a few KB: a ratio in the thousands.
    let paragraph = "<w:p><w:r><w:t>a</w:t></w:r></w:p>";
    let body = paragraph.repeat(8 * 1024 * 1024 / paragraph.len());
    let bytes = docx_with_body(&body);
    assert!(bytes.len() < 200_000, "the bomb is small: {}", bytes.len());
    let err = docx_error(&bytes, &DocumentLimits::default());
    assert_eq!(err.kind(), "compression_ratio", "{err}");
    assert!(err.to_string().contains("zip bomb"), "{err}");
}

#[test]
fn part_size_limit_is_checked_while_inflating() {
    let body = "<w:p><w:r><w:t>some words</w:t></w:r></w:p>".repeat(10_000);
    let bytes = docx_with_body(&body);
    let limits = DocumentLimits {
        max_part_bytes: 100_000,
        ..DocumentLimits::default()
    };
    let err = docx_error(&bytes, &limits);
    assert_eq!(err.kind(), "part_too_large", "{err}");
    assert!(err.to_string().contains("word/document.xml"), "{err}");
}

#[test]
fn a_header_that_understates_the_size_does_not_get_past_the_limit() {
    let body = "<w:p><w:r><w:t>some words</w:t></w:r></w:p>".repeat(10_000);
    let mut bytes = docx_with_body(&body);
    // Claim 100 bytes uncompressed in the local and central headers.
    for signature in [&b"PK\x03\x04"[..], &b"PK\x01\x02"[..]] {
        let at = bytes.windows(4).position(|w| w == signature).unwrap();
        let field = if signature[2] == 3 { at + 22 } else { at + 24 };
        bytes[field..field + 4].copy_from_slice(&100u32.to_le_bytes());
    }
    let limits = DocumentLimits {
        max_part_bytes: 100_000,
        ..DocumentLimits::default()
    };
    let err = docx_error(&bytes, &limits);
    assert!(
        matches!(err.kind(), "part_too_large" | "truncated"),
        "a lying header is caught by counting or by the checksum, got {err}"
    );
}

#[test]
fn total_inflated_size_is_bounded() {
    let body = "<w:p><w:r><w:t>words</w:t></w:r></w:p>".repeat(2_000);
    let xml = format!("{DOC_START}{body}{DOC_END}");
    let styles = format!(
        r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{}</w:styles>"#,
        "<!-- padding -->".repeat(5_000)
    );
    let bytes = zip_of(&[
        ("word/styles.xml", styles.as_bytes()),
        ("word/document.xml", xml.as_bytes()),
    ]);
    let limits = DocumentLimits {
        max_total_bytes: 100_000,
        ..DocumentLimits::default()
    };
    let err = docx_error(&bytes, &limits);
    assert_eq!(err.kind(), "total_too_large", "{err}");
}

#[test]
fn too_many_entries_are_refused_before_indexing() {
    let names: Vec<String> = (0..50)
        .map(|i| format!("word/media/image{i}.png"))
        .collect();
    let mut entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
    let xml = format!("{DOC_START}{DOC_END}");
    entries.push(("word/document.xml", xml.as_bytes()));
    let bytes = zip_of(&entries);
    let limits = DocumentLimits {
        max_zip_entries: 10,
        ..DocumentLimits::default()
    };
    let err = docx_error(&bytes, &limits);
    assert_eq!(
        err,
        ReadError::TooManyEntries {
            count: 51,
            limit: 10
        }
    );
}

#[test]
fn billion_laughs_in_document_xml_is_refused() {
    let xml = r#"<?xml version="1.0"?>
<!DOCTYPE w:document [
  <!ENTITY a "aaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&d;</w:t></w:r></w:p></w:body></w:document>"#;
    let bytes = zip_of(&[("word/document.xml", xml.as_bytes())]);
    let err = docx_error(&bytes, &DocumentLimits::default());
    assert_eq!(
        err,
        ReadError::Dtd {
            part: "word/document.xml".into()
        }
    );
}

#[test]
fn external_entity_is_never_fetched() {
    let xml = r#"<!DOCTYPE x [<!ENTITY ext SYSTEM "http://example.invalid/secret">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&ext;</w:t></w:r></w:p></w:body></w:document>"#;
    let bytes = zip_of(&[("word/document.xml", xml.as_bytes())]);
    assert_eq!(docx_error(&bytes, &DocumentLimits::default()).kind(), "dtd");
}

#[test]
fn deep_nesting_is_refused() {
    let body = "<w:sdt><w:sdtContent>".repeat(300) + &"</w:sdtContent></w:sdt>".repeat(300);
    let bytes = docx_with_body(&body);
    let err = docx_error(&bytes, &DocumentLimits::default());
    assert_eq!(err.kind(), "too_deep", "{err}");
    // Deeply nested tables: the same limit, in a fraction of the size.
    let tables = "<w:tbl><w:tr><w:tc>".repeat(100) + &"</w:tc></w:tr></w:tbl>".repeat(100);
    assert_eq!(
        docx_error(&docx_with_body(&tables), &DocumentLimits::default()).kind(),
        "too_deep"
    );
}

#[test]
fn truncated_and_damaged_zips() {
    let path = format!(
        "{}/../tests/fixtures/docx/policy_eia_screening_ticks.docx",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(path).unwrap();
    let err = docx_error(&bytes[..bytes.len() / 2], &DocumentLimits::default());
    assert_eq!(err.kind(), "truncated", "{err}");
    assert!(
        err.to_string().contains("copy or download it again"),
        "{err}"
    );
    // A flipped byte inside the deflated document.xml fails its checksum or its inflating.
    let xml = format!(
        "{DOC_START}{}{DOC_END}",
        "<w:p><w:r><w:t>x</w:t></w:r></w:p>".repeat(50)
    );
    let mut damaged = zip_of(&[("word/document.xml", xml.as_bytes())]);
    damaged[60] ^= 0xFF;
    let err = docx_error(&damaged, &DocumentLimits::default());
    assert!(matches!(err.kind(), "truncated" | "xml"), "{err}");
}

#[test]
fn unsupported_compression_method_is_named() {
    let mut bytes = docx_with_body("<w:p/>");
    // Rewrite the method (8, deflate) as 12 (bzip2) in both headers.
    for (signature, offset) in [(&b"PK\x03\x04"[..], 8), (&b"PK\x01\x02"[..], 10)] {
        let at = bytes.windows(4).position(|w| w == signature).unwrap();
        bytes[at + offset..at + offset + 2].copy_from_slice(&12u16.to_le_bytes());
    }
    let err = docx_error(&bytes, &DocumentLimits::default());
    assert_eq!(err.kind(), "unsupported_entry", "{err:?}");
    assert!(err.to_string().contains("save it again"), "{err}");
}

#[test]
fn zip_without_a_word_document() {
    let bytes = zip_of(&[("xl/workbook.xml", b"<workbook/>")]);
    let err = docx_error(&bytes, &DocumentLimits::default());
    assert_eq!(
        err,
        ReadError::NotWord {
            part: "word/document.xml".into()
        }
    );
}

#[test]
fn other_formats_are_named_with_what_to_do() {
    let limits = DocumentLimits::default();
    let ole2 = |stream: &str| {
        let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        bytes.resize(1024, 0);
        bytes.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    };
    let doc = docx_error(&ole2("WordDocument"), &limits);
    assert_eq!(doc, ReadError::LegacyDoc);
    assert!(
        doc.to_string().contains("Word 97-2003 .doc")
            && doc.to_string().contains("save it as .docx")
    );
    let encrypted = docx_error(&ole2("EncryptedPackage"), &limits);
    assert_eq!(encrypted, ReadError::Encrypted);
    assert!(encrypted.to_string().contains("password-protected"));
    assert_eq!(docx_error(b"%PDF-1.4\n%...", &limits), ReadError::Pdf);
    assert_eq!(docx_error(b"plain words", &limits), ReadError::NotZip);
    assert_eq!(
        docx_error(b"<html><p>x</p></html>", &limits).kind(),
        "text_not_docx"
    );

    let mut odt = zip::ZipWriter::new(Cursor::new(Vec::new()));
    odt.start_file(
        "mimetype",
        SimpleFileOptions::default().compression_method(CompressionMethod::Stored),
    )
    .unwrap();
    odt.write_all(b"application/vnd.oasis.opendocument.text")
        .unwrap();
    let odt = odt.finish().unwrap().into_inner();
    let err = docx_error(&odt, &limits);
    assert_eq!(err.kind(), "open_document");
    assert!(
        err.to_string().contains(".odt") && err.to_string().contains("save it as .docx"),
        "{err}"
    );

    let too_big = DocumentLimits {
        max_input_bytes: 10,
        ..DocumentLimits::default()
    };
    assert_eq!(docx_error(b"%PDF-1.4\n%...", &too_big).kind(), "too_large");
}

#[test]
fn html_nesting_element_count_size_and_encoding_limits() {
    let limits = DocumentLimits::default();
    let deep = "<div>".repeat(100_000);
    let err = read_html(deep.as_bytes(), &limits).unwrap_err();
    assert_eq!(err.kind(), "too_deep", "{err}");
    assert!(err.to_string().contains("line 1, column"), "{err}");

    let many = "<p>x".repeat(5_000);
    let small = DocumentLimits {
        max_html_elements: 1_000,
        ..DocumentLimits::default()
    };
    assert_eq!(
        read_html(many.as_bytes(), &small).unwrap_err(),
        ReadError::TooManyElements { limit: 1_000 }
    );
    assert!(read_html(many.as_bytes(), &limits).is_ok());

    let err = read_html(b"<p>caf\xE9</p>", &limits).unwrap_err();
    assert_eq!(err, ReadError::NotUtf8 { offset: 6 });
    assert!(err.to_string().contains("save it as UTF-8"));

    let tiny = DocumentLimits {
        max_input_bytes: 4,
        ..DocumentLimits::default()
    };
    assert_eq!(
        read_html(b"<p>hello</p>", &tiny).unwrap_err().kind(),
        "too_large"
    );
}
