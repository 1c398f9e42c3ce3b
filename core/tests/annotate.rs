//! The Word round trip: `annotate_docx` and `dueregard annotate`. Comments
//! land on exactly the finding's words, fixes become tracked changes that
//! keep each run's formatting, people's comments and changes stay, every
//! other part is copied, and annotating twice gives the same bytes.

use std::io::{Cursor, Read, Write};
use std::path::PathBuf;
use std::process::Command;

use dueregard::write::annotate::{AnchorKind, AnnotateOptions, Fixes, annotate_docx};
use dueregard::{Date, Engine, read_docx};
use zip::write::SimpleFileOptions;
use zip::{ZipArchive, ZipWriter};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = root().join("tests/fixtures/docx");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

/// A minimal .docx with this body (and, if given, a comments part).
fn docx(body: &str, comments: Option<&str>) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default();
    let mut put = |name: &str, text: &str| {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    };
    let comments_override = if comments.is_some() {
        r#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>"#
    } else {
        ""
    };
    put(
        "[Content_Types].xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>{comments_override}</Types>"#
        ),
    );
    put(
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
    );
    put(
        "word/document.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
        ),
    );
    if let Some(comments) = comments {
        put(
            "word/_rels/document.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>"#,
        );
        put(
            "word/comments.xml",
            &format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="{W}">{comments}</w:comments>"#
            ),
        );
    }
    zip.finish().unwrap().into_inner()
}

fn part(bytes: &[u8], name: &str) -> Option<String> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut entry = zip.by_name(name).ok()?;
    let mut text = String::new();
    entry.read_to_string(&mut text).unwrap();
    Some(text)
}

fn body_text(bytes: &[u8]) -> String {
    let document = read_docx(bytes, &Default::default()).unwrap();
    document
        .blocks
        .iter()
        .map(|b| b.text().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Accepts every tracked change in a document part, as Word's "Accept All".
fn accept_all(xml: &str) -> String {
    let mut out = xml.to_owned();
    while let Some(start) = out.find("<w:del ") {
        let end = out[start..].find("</w:del>").unwrap() + start + "</w:del>".len();
        out.replace_range(start..end, "");
    }
    while let Some(start) = out.find("<w:ins ") {
        let open_end = out[start..].find('>').unwrap() + start + 1;
        out.replace_range(start..open_end, "");
        let close = out[start..].find("</w:ins>").unwrap() + start;
        out.replace_range(close..close + "</w:ins>".len(), "");
    }
    out
}

/// The package with its main part replaced.
fn with_document(bytes: &[u8], xml: &str) -> Vec<u8> {
    let mut input = ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..input.len() {
        let entry = input.by_index_raw(i).unwrap();
        if entry.name() == "word/document.xml" {
            drop(entry);
            zip.start_file("word/document.xml", SimpleFileOptions::default())
                .unwrap();
            zip.write_all(xml.as_bytes()).unwrap();
        } else {
            zip.raw_copy_file(entry).unwrap();
        }
    }
    zip.finish().unwrap().into_inner()
}

const RUNS_SPLIT: &str = concat!(
    r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Gender identity policy</w:t></w:r></w:p>"#,
    // "transgendered" runs across a bold and an italic run; "committed suicide" sits mid-run.
    r#"<w:p><w:r w:rsidR="00A1"><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Support for transgen</w:t></w:r>"#,
    r#"<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">dered staff is set out here. </w:t></w:r>"#,
    r#"<w:r><w:t>A colleague who committed suicide is remembered.</w:t></w:r></w:p>"#,
);

#[test]
fn comments_land_on_the_words_and_safe_fixes_become_tracked_changes() {
    let input = docx(RUNS_SPLIT, None);
    let engine = Engine::new();
    let options = AnnotateOptions {
        as_of: Some(Date::parse("2026-11-30").unwrap()),
        ..Default::default()
    };
    let annotated = annotate_docx(&engine, &input, &options).unwrap();
    let words: Vec<_> = annotated
        .annotations
        .iter()
        .filter(|a| a.anchor == AnchorKind::Words)
        .collect();
    let texts: Vec<&str> = words.iter().filter_map(|a| a.text.as_deref()).collect();
    assert!(texts.contains(&"transgendered"), "{texts:?}");
    assert!(texts.contains(&"committed suicide"), "{texts:?}");
    assert!(words.iter().all(|a| a.tracked_change), "{words:?}");
    assert_eq!(annotated.annotations[0].rule, "summary");
    assert_eq!(annotated.annotations[0].anchor, AnchorKind::Title);

    let xml = part(&annotated.bytes, "word/document.xml").unwrap();
    // Each half of the deleted word keeps its own run's formatting.
    assert!(
        xml.contains(r#"<w:r w:rsidR="00A1"><w:rPr><w:b/></w:rPr><w:delText xml:space="preserve">transgen</w:delText></w:r>"#),
        "{xml}"
    );
    assert!(
        xml.contains(
            r#"<w:r><w:rPr><w:i/></w:rPr><w:delText xml:space="preserve">dered</w:delText></w:r>"#
        ),
        "{xml}"
    );
    assert!(
        xml.contains(r#"w:author="dueregard" w:date="2026-11-30T00:00:00Z"><w:r w:rsidR="00A1"><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">transgender</w:t></w:r></w:ins>"#),
        "{xml}"
    );
    // The text around is split, not lost or reformatted.
    assert!(xml.contains(r#"<w:r w:rsidR="00A1"><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Support for </w:t></w:r>"#), "{xml}");
    assert!(
        xml.contains(r#"<w:t xml:space="preserve"> staff is set out here. </w:t>"#),
        "{xml}"
    );
    let comments = part(&annotated.bytes, "word/comments.xml").unwrap();
    assert_eq!(
        comments.matches(r#"w:author="dueregard""#).count(),
        annotated.annotations.len()
    );
    assert!(comments.contains("Approval gate"), "{comments}");
    assert!(
        comments.contains("docs/rules.md#term-trans-outdated"),
        "{comments}"
    );
    // The comments part is related and typed.
    assert!(
        part(&annotated.bytes, "word/_rels/document.xml.rels")
            .unwrap()
            .contains("comments.xml")
    );
    assert!(
        part(&annotated.bytes, "[Content_Types].xml")
            .unwrap()
            .contains("/word/comments.xml")
    );

    // Read with every change accepted (as the reader reads): the fixes are in.
    let accepted = body_text(&annotated.bytes);
    assert!(
        accepted.contains("Support for transgender staff"),
        "{accepted}"
    );
    assert!(accepted.contains("who died by suicide is"), "{accepted}");

    // Annotating the annotated document gives the same bytes.
    let again = annotate_docx(&engine, &annotated.bytes, &options).unwrap();
    assert_eq!(again.bytes, annotated.bytes);
    assert_eq!(again.annotations, annotated.annotations);
}

#[test]
fn accepting_every_change_leaves_no_safe_fix_finding() {
    let engine = Engine::new();
    let annotated = annotate_docx(&engine, &docx(RUNS_SPLIT, None), &Default::default()).unwrap();
    let xml = part(&annotated.bytes, "word/document.xml").unwrap();
    let accepted = with_document(&annotated.bytes, &accept_all(&xml));
    let recheck = annotate_docx(
        &engine,
        &accepted,
        &AnnotateOptions {
            fixes: Fixes::None,
            ..Default::default()
        },
    )
    .unwrap();
    let safe = recheck
        .report
        .violations
        .iter()
        .chain(&recheck.report.needs_review)
        .filter(|f| {
            f.fix
                .as_ref()
                .is_some_and(|x| x.applicability == dueregard::Applicability::Safe)
        })
        .count();
    assert_eq!(safe, 0);
}

#[test]
fn fixes_none_writes_comments_only() {
    let annotated = annotate_docx(
        &Engine::new(),
        &docx(RUNS_SPLIT, None),
        &AnnotateOptions {
            fixes: Fixes::None,
            ..Default::default()
        },
    )
    .unwrap();
    let xml = part(&annotated.bytes, "word/document.xml").unwrap();
    assert!(
        !xml.contains("<w:ins ") && !xml.contains("<w:del "),
        "{xml}"
    );
    assert!(annotated.annotations.iter().all(|a| !a.tracked_change));
    assert!(xml.contains("<w:commentRangeStart"));
}

#[test]
fn peoples_comments_and_changes_stay_and_ids_do_not_collide() {
    let body = concat!(
        r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Visiting</w:t></w:r></w:p>"#,
        r#"<w:p><w:commentRangeStart w:id="4"/><w:r><w:t>Partners may visit.</w:t></w:r><w:commentRangeEnd w:id="4"/><w:r><w:commentReference w:id="4"/></w:r>"#,
        r#"<w:ins w:id="9" w:author="Alex"><w:r><w:t xml:space="preserve"> Transgendered patients</w:t></w:r></w:ins>"#,
        r#"<w:r><w:t xml:space="preserve"> choose their visitors.</w:t></w:r></w:p>"#,
    );
    let comments = r#"<w:comment w:id="4" w:author="Alex" w:initials="AB"><w:p><w:r><w:t>Check with the ward.</w:t></w:r></w:p></w:comment>"#;
    let input = docx(body, Some(comments));
    let annotated = annotate_docx(&Engine::new(), &input, &Default::default()).unwrap();
    let out = part(&annotated.bytes, "word/comments.xml").unwrap();
    assert!(out.contains(comments), "{out}");
    assert!(annotated.annotations.iter().all(|a| a.comment_id > 9));
    let xml = part(&annotated.bytes, "word/document.xml").unwrap();
    assert!(xml.contains(r#"<w:ins w:id="9" w:author="Alex">"#), "{xml}");
    // The word is inside Alex's insertion: commented, but not changed by us.
    let word = annotated
        .annotations
        .iter()
        .find(|a| a.rule == "term-trans-outdated")
        .unwrap();
    assert_eq!(word.anchor, AnchorKind::Words);
    assert!(!word.tracked_change);
    // No second relationship or content type for the comments part.
    assert_eq!(
        part(&annotated.bytes, "word/_rels/document.xml.rels")
            .unwrap()
            .matches("<Relationship ")
            .count(),
        1
    );
}

#[test]
fn words_that_cannot_be_traced_go_on_their_paragraph() {
    // A symbol before the words: the reader's text there is not the runs' text.
    let body = concat!(
        r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Policy</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:sym w:font="Wingdings" w:char="F0FE"/><w:t xml:space="preserve"> transgendered staff</w:t></w:r></w:p>"#,
    );
    let annotated = annotate_docx(&Engine::new(), &docx(body, None), &Default::default()).unwrap();
    let finding = annotated
        .annotations
        .iter()
        .find(|a| a.rule == "term-trans-outdated")
        .unwrap();
    assert_eq!(finding.anchor, AnchorKind::Paragraph);
    assert!(!finding.tracked_change);
    assert!(read_docx(&annotated.bytes, &Default::default()).is_ok());
}

/// A term in a Word form table's question is the field's finding (the
/// question is not also section text): its comment still lands on the
/// words in the question's cell, traced through the label's origins.
#[test]
fn a_form_questions_term_is_commented_on_its_words_once() {
    let bytes =
        std::fs::read(root().join("tests/fixtures/docx/registration_form_ticks.docx")).unwrap();
    let annotated = annotate_docx(&Engine::new(), &bytes, &Default::default()).unwrap();
    let husband: Vec<_> = annotated
        .annotations
        .iter()
        .filter(|a| a.rule == "term-relationship-assumptions")
        .map(|a| (a.anchor, a.text.as_deref()))
        .collect();
    assert_eq!(husband, [(AnchorKind::Words, Some("husband / wife"))]);
}

#[test]
fn every_fixture_annotates_readably_copies_other_parts_and_is_idempotent() {
    let engine = Engine::new();
    for (name, input) in fixtures() {
        let annotated = annotate_docx(&engine, &input, &Default::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let document = read_docx(&annotated.bytes, &Default::default())
            .unwrap_or_else(|e| panic!("{name}: annotated copy unreadable: {e}"));
        let original = read_docx(&input, &Default::default()).unwrap();
        // Our changes accepted or not, the reader sees the same blocks when
        // no fix applies; with fixes, only the fixed words differ.
        assert_eq!(document.blocks.len(), original.blocks.len(), "{name}");
        let expected = 1 + annotated
            .report
            .violations
            .iter()
            .chain(&annotated.report.needs_review)
            .filter(|f| f.waiver.is_none())
            .count();
        assert_eq!(annotated.annotations.len(), expected, "{name}");

        // Every other part is the input's, byte for byte, still compressed.
        let mut before = ZipArchive::new(Cursor::new(&input[..])).unwrap();
        let mut after = ZipArchive::new(Cursor::new(&annotated.bytes[..])).unwrap();
        let changed = [
            "word/document.xml",
            "word/comments.xml",
            "word/_rels/document.xml.rels",
            "[Content_Types].xml",
        ];
        for i in 0..before.len() {
            let entry = before.by_index_raw(i).unwrap();
            let entry_name = entry.name().to_owned();
            if changed.contains(&entry_name.as_str()) {
                continue;
            }
            let (crc, size) = (entry.crc32(), entry.compressed_size());
            drop(entry);
            let copy = after.by_name(&entry_name).unwrap();
            assert_eq!(
                (copy.crc32(), copy.compressed_size()),
                (crc, size),
                "{name}: {entry_name}"
            );
        }

        let again = annotate_docx(&engine, &annotated.bytes, &Default::default()).unwrap();
        assert!(
            again.bytes == annotated.bytes,
            "{name}: annotating twice changed the bytes"
        );

        // Unsafe fixes too: still readable, still idempotent.
        let all = AnnotateOptions {
            fixes: Fixes::All,
            ..Default::default()
        };
        let annotated = annotate_docx(&engine, &input, &all).unwrap();
        read_docx(&annotated.bytes, &Default::default())
            .unwrap_or_else(|e| panic!("{name}: with all fixes, unreadable: {e}"));
        let again = annotate_docx(&engine, &annotated.bytes, &all).unwrap();
        assert!(
            again.bytes == annotated.bytes,
            "{name}: with all fixes, twice differs"
        );
    }
}

#[test]
fn bad_input_is_the_readers_error() {
    let engine = Engine::new();
    let options = AnnotateOptions::default();
    assert_eq!(
        annotate_docx(&engine, b"%PDF-1.7", &options)
            .unwrap_err()
            .kind(),
        "pdf"
    );
    let (_, good) = fixtures().remove(0);
    let cut = &good[..good.len() / 2];
    let err = annotate_docx(&engine, cut, &options).unwrap_err();
    assert_eq!(err.kind(), "truncated", "{err}");
    let json: AnnotateOptions =
        serde_json::from_str(r#"{"fixes": "all", "as_of": "2026-11-30"}"#).unwrap();
    assert_eq!(json.fixes, Fixes::All);
    assert!(serde_json::from_str::<AnnotateOptions>(r#"{"fixes": "some"}"#).is_err());
    assert_eq!(
        serde_json::from_str::<AnnotateOptions>("{}").unwrap(),
        AnnotateOptions::default()
    );
}

fn dueregard(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dueregard"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_command_writes_the_copy_and_exits_as_check_does() {
    let dir = std::env::temp_dir().join(format!("dueregard-annotate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = root().join("tests/fixtures/docx/special_leave_policy.docx");
    let out = dir.join("out.docx");
    let run = dueregard(&[
        "annotate".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        "--output".as_ref(),
        out.as_os_str(),
        input.as_os_str(),
    ]);
    // The policy claims an EIA it does not have: the gate is blocked.
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let printed: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let annotations = printed["annotations"].as_array().unwrap();
    let written = std::fs::read(&out).unwrap();
    assert_eq!(
        part(&written, "word/comments.xml")
            .unwrap()
            .matches("w:author=\"dueregard\"")
            .count(),
        annotations.len()
    );

    let text = dueregard(&[
        "annotate".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
        input.as_os_str(),
    ]);
    assert!(
        String::from_utf8_lossy(&text.stdout).contains("comments"),
        "{}",
        String::from_utf8_lossy(&text.stdout)
    );

    let missing = dueregard(&["annotate".as_ref(), input.as_os_str()]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("--output"));

    let pdf = dir.join("x.docx");
    std::fs::write(&pdf, b"%PDF-1.7").unwrap();
    let bad = dueregard(&[
        "annotate".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
        pdf.as_os_str(),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("PDF"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
