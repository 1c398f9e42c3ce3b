//! Inline waivers in HTML (`<!-- dueregard: waive ... -->`) and in Word (a
//! comment whose text starts "dueregard: waive") behave as the same waiver in
//! Markdown: `waive` covers the section, `waive-next` the next paragraph (in
//! Word, the paragraph the comment is anchored on); no reason, no effect.

use std::io::{Cursor, Write};

use dueregard::{Draft, Engine, Finding, Format, Limits, Report};

const RULE: &str = "term-binary-pronouns";

fn all(report: &Report) -> impl Iterator<Item = &Finding> {
    report.violations.iter().chain(&report.needs_review)
}

/// (section, waived?) of each finding of `RULE`, in report order.
fn pronoun_findings(report: &Report) -> Vec<(String, bool)> {
    all(report)
        .filter(|f| f.rule == RULE)
        .map(|f| {
            (
                f.location.section.as_deref().unwrap_or_default().to_owned(),
                f.waiver.is_some(),
            )
        })
        .collect()
}

fn rules(report: &Report) -> Vec<&str> {
    all(report).map(|f| f.rule.as_str()).collect()
}

fn check(bytes: &[u8], format: Format) -> Report {
    let draft = Draft::from_bytes(bytes, format, "t", &Limits::default()).unwrap();
    Engine::new().check(&draft)
}

const MARKDOWN: &str = "# Leave\n\n## Scope\n\nAsk if he or she needs leave.\n\n## History\n\n<!-- dueregard: waive term-binary-pronouns because quoting the 2009 scheme; approved by EDI lead -->\nThe 2009 scheme said he or she must apply in writing.\n";

fn html(comment: &str) -> String {
    format!(
        "<!doctype html><html><head><title>Leave</title></head><body><h1>Leave</h1>\
         <h2>Scope</h2><p>Ask if he or she needs leave.</p>\
         <h2>History</h2><!-- {comment} --><p>The 2009 scheme said he or she must apply in writing.</p>\
         <p>Later schemes said he or she too.</p></body></html>"
    )
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn paragraph(text: &str, heading: Option<u8>, comment: Option<u32>) -> String {
    let ppr = heading.map_or(String::new(), |level| {
        format!(r#"<w:pPr><w:outlineLvl w:val="{}"/></w:pPr>"#, level - 1)
    });
    let (start, end) = match comment {
        Some(id) => (
            format!(r#"<w:commentRangeStart w:id="{id}"/>"#),
            format!(
                r#"<w:commentRangeEnd w:id="{id}"/><w:r><w:commentReference w:id="{id}"/></w:r>"#
            ),
        ),
        None => (String::new(), String::new()),
    };
    format!(r#"<w:p>{ppr}{start}<w:r><w:t>{text}</w:t></w:r>{end}</w:p>"#)
}

/// A .docx with the leave policy's paragraphs; `comments` are (id, text), and
/// comment 0 is anchored on the first History paragraph, 1 on the second.
fn docx(comments: &[(u32, &str)]) -> Vec<u8> {
    let anchored = |id: u32| comments.iter().any(|(c, _)| *c == id).then_some(id);
    let body = [
        paragraph("Leave", Some(1), None),
        paragraph("Scope", Some(2), None),
        paragraph("Ask if he or she needs leave.", None, None),
        paragraph("History", Some(2), None),
        paragraph(
            "The 2009 scheme said he or she must apply in writing.",
            None,
            anchored(0),
        ),
        paragraph("Later schemes said he or she too.", None, anchored(1)),
    ]
    .concat();
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>"#
    );
    let comment_xml: String = comments
        .iter()
        .map(|(id, text)| {
            format!(r#"<w:comment w:id="{id}" w:author="EDI lead"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:comment>"#)
        })
        .collect();
    let comments_part = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="{W}">{comment_xml}</w:comments>"#
    );
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>"#;
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, data) in [
        ("word/document.xml", document.as_str()),
        ("word/comments.xml", comments_part.as_str()),
        ("word/_rels/document.xml.rels", rels),
    ] {
        writer.start_file(name, options).unwrap();
        writer.write_all(data.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

const WAIVE: &str =
    "dueregard: waive term-binary-pronouns because quoting the 2009 scheme; approved by EDI lead";
const WAIVE_NEXT: &str = "dueregard: waive-next term-binary-pronouns because quoting the 2009 scheme; approved by EDI lead";

#[test]
fn a_section_waiver_covers_its_section_in_markdown_html_and_word_alike() {
    let markdown = check(MARKDOWN.as_bytes(), Format::Markdown);
    assert_eq!(
        pronoun_findings(&markdown),
        [("scope".into(), false), ("history".into(), true)]
    );
    let expected = [
        ("scope".to_owned(), false),
        ("history".to_owned(), true),
        ("history".to_owned(), true),
    ];
    let from_html = check(html(WAIVE).as_bytes(), Format::Html);
    assert_eq!(pronoun_findings(&from_html), expected);
    let from_word = check(&docx(&[(0, WAIVE)]), Format::Docx);
    assert_eq!(pronoun_findings(&from_word), expected);
    for report in [&from_html, &from_word] {
        let waiver = all(report).find_map(|f| f.waiver.as_ref()).unwrap();
        assert_eq!(waiver.reason, "quoting the 2009 scheme");
        assert_eq!(waiver.approved_by.as_deref(), Some("EDI lead"));
    }
}

#[test]
fn a_waiver_written_in_a_table_cell_covers_the_section_the_table_is_in() {
    let page = format!(
        "<!doctype html><html><head><title>Leave</title></head><body><h1>Leave</h1>\
         <h2>Scope</h2><p>Ask if he or she needs leave.</p>\
         <h2>History</h2><table><tr><th>Year</th><th>Wording</th></tr>\
         <tr><td>2009</td><td><!-- {WAIVE} -->The scheme said he or she must apply in writing.</td></tr>\
         </table></body></html>"
    );
    let report = check(page.as_bytes(), Format::Html);
    assert_eq!(
        pronoun_findings(&report),
        [("scope".into(), false), ("history".into(), true)]
    );
}

#[test]
fn waive_next_covers_one_paragraph() {
    let expected = [
        ("scope".to_owned(), false),
        ("history".to_owned(), true),
        ("history".to_owned(), false),
    ];
    // HTML: the paragraph after the comment.
    let from_html = check(html(WAIVE_NEXT).as_bytes(), Format::Html);
    assert_eq!(pronoun_findings(&from_html), expected);
    // Word: the paragraph the comment is anchored on.
    let from_word = check(&docx(&[(0, WAIVE_NEXT)]), Format::Docx);
    assert_eq!(pronoun_findings(&from_word), expected);
    let second = check(&docx(&[(1, WAIVE_NEXT)]), Format::Docx);
    assert_eq!(
        pronoun_findings(&second),
        [
            ("scope".to_owned(), false),
            ("history".to_owned(), false),
            ("history".to_owned(), true),
        ]
    );
}

/// A form question's label is its field's words, not section text, so a
/// `waive-next` written just before the question (its label, or the
/// fieldset its legend is in) waives the field's findings, and only that
/// field's; before an ordinary paragraph it still waives that paragraph.
#[test]
fn waive_next_before_an_html_form_question_waives_its_field() {
    let waive = |rule: &str| {
        format!(
            "<!-- dueregard: waive-next {rule} because the national dataset's wording; approved by EDI lead -->"
        )
    };
    let page = format!(
        "<!doctype html><html><head><title>Booking</title></head><body><h1>Booking</h1>\
         <h2>About you</h2><p>Ask if he or she needs an interpreter.</p>\
         {}<p>Ask if he or she needs a chaperone.</p>\
         <form>{}<label for=p>Preferred pronouns</label> <input id=p name=pronouns>\
         <fieldset><legend>Preferred pronouns of your birth partner</legend>\
         <input type=radio name=bp id=a><label for=a>She</label>\
         <input type=radio name=bp id=b><label for=b>They</label></fieldset>\
         {}<fieldset><legend>Your preferred pronouns at birth</legend>\
         <input type=radio name=pb id=c><label for=c>She</label>\
         <input type=radio name=pb id=d><label for=d>They</label></fieldset>\
         </form></body></html>",
        waive(RULE),
        waive("term-preferred-pronouns"),
        waive("term-preferred-pronouns"),
    );
    let draft = Draft::from_bytes(page.as_bytes(), Format::Html, "t", &Limits::default()).unwrap();
    let report = Engine::new().check(&draft);
    // The field's finding is waived, the next question's (not marked) is not,
    // and the fieldset's after the third comment is.
    let pronouns: Vec<(&str, bool)> = all(&report)
        .filter(|f| f.rule == "term-preferred-pronouns")
        .map(|f| (f.location.path.as_str(), f.waiver.is_some()))
        .collect();
    assert_eq!(
        pronouns,
        [
            ("/fields/0/label", true),
            ("/fields/1/label", false),
            ("/fields/2/label", true),
        ],
        "{:?}",
        draft.fields.iter().map(|f| &f.label).collect::<Vec<_>>()
    );
    let field_waiver = &draft.waivers[1];
    assert_eq!(field_waiver.fields, [draft.fields[0].id.clone()]);
    assert_eq!((&field_waiver.section, field_waiver.span), (&None, None));
    // Before an ordinary paragraph: that paragraph's finding only.
    assert_eq!(
        pronoun_findings(&report),
        [
            ("about-you".to_owned(), false),
            ("about-you".to_owned(), true)
        ]
    );
    // Every waiver covered something: no "covers no finding" note.
    assert!(
        all(&report).all(|f| f.rule != "waiver-recorded"),
        "{:?}",
        all(&report)
            .filter(|f| f.rule == "waiver-recorded")
            .map(|f| &f.message)
            .collect::<Vec<_>>()
    );
}

/// Before a table whose cells hold the questions, `waive-next` covers the
/// table: its text and the fields read from it.
#[test]
fn waive_next_before_a_form_table_waives_its_fields() {
    let page = "<!doctype html><html><head><title>Referral</title></head><body><h1>Referral</h1>\
        <form><!-- dueregard: waive-next term-family-assumptions because the national dataset's wording; approved by EDI lead -->\
        <table><tr><td>Surname:</td><td><input name=s></td></tr>\
        <tr><td>Next of kin (spouse or nearest relative):</td><td><input name=nok></td></tr></table>\
        </form></body></html>";
    let report = check(page.as_bytes(), Format::Html);
    let family: Vec<(&str, bool)> = all(&report)
        .filter(|f| f.rule == "term-family-assumptions")
        .map(|f| (f.location.path.as_str(), f.waiver.is_some()))
        .collect();
    assert_eq!(family, [("/fields/1/label", true)]);
    assert!(all(&report).all(|f| f.rule != "waiver-recorded"));
}

#[test]
fn without_a_reason_nothing_is_waived_and_the_waiver_is_itself_a_finding() {
    let bare = "dueregard: waive term-binary-pronouns";
    for report in [
        check(html(bare).as_bytes(), Format::Html),
        check(&docx(&[(0, bare)]), Format::Docx),
    ] {
        assert!(pronoun_findings(&report).iter().all(|(_, waived)| !waived));
        assert!(
            rules(&report).contains(&"waiver-recorded"),
            "{:?}",
            rules(&report)
        );
    }
}

#[test]
fn ordinary_comments_are_not_read() {
    let report = check(&docx(&[(0, "Please check this wording")]), Format::Docx);
    assert!(pronoun_findings(&report).iter().all(|(_, waived)| !waived));
    assert!(!rules(&report).contains(&"waiver-recorded"));
    let report = check(html("a note for the web team").as_bytes(), Format::Html);
    assert!(!rules(&report).contains(&"waiver-recorded"));
}

/// The Word waiver fixture other surfaces (Python, WebAssembly) compare
/// against: the leave policy with a "dueregard: waive" comment on its
/// History section, written by this test under `DUEREGARD_BLESS=1`.
#[cfg(feature = "cli")]
mod pinned {
    use super::*;
    use std::path::PathBuf;

    const FIXTURE: &str = "tests/fixtures/waivers/leave_policy_word_comment.docx";
    const EXPECTED: &str = "tests/fixtures/expected/waivers/leave_policy_word_comment.report.json";

    fn root() -> PathBuf {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
    }

    /// The command's report for the fixture (`dueregard check --format json`),
    /// pretty and with a final newline as the other pinned reports.
    fn commands_report(relative: &str) -> Report {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_dueregard"))
            .current_dir(root())
            .args(["check", "--format", "json", relative])
            .output()
            .unwrap();
        let reports: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(reports[0]["path"], relative);
        serde_json::from_value(reports[0]["report"].clone()).unwrap()
    }

    #[test]
    fn the_word_waiver_fixture_gives_its_pinned_report_from_the_command_and_the_api() {
        let bless = std::env::var_os("DUEREGARD_BLESS").is_some();
        let fixture = root().join(FIXTURE);
        if bless {
            std::fs::create_dir_all(fixture.parent().unwrap()).unwrap();
            std::fs::write(&fixture, docx(&[(0, WAIVE)])).unwrap();
        }
        let report = commands_report(FIXTURE);
        // The comment waives the History section's two findings, not Scope's.
        assert_eq!(
            pronoun_findings(&report),
            [
                ("scope".to_owned(), false),
                ("history".to_owned(), true),
                ("history".to_owned(), true),
            ]
        );
        let places: Vec<_> = all(&report)
            .filter(|f| f.rule == RULE)
            .map(|f| f.location.place.clone().unwrap_or_default())
            .collect();
        assert_eq!(
            places,
            [
                "paragraph 3, character 8",
                "paragraph 5, character 22",
                "paragraph 6, character 20"
            ]
        );
        // The API the bindings call gives the same report.
        let bytes = std::fs::read(&fixture).unwrap();
        let api = dueregard::json_api::check_bytes(
            &Engine::new(),
            &bytes,
            Format::Docx,
            "leave_policy_word_comment",
        )
        .unwrap();
        assert_eq!(api, report.to_json());
        let mut pretty = report.to_json_pretty();
        pretty.push('\n');
        let expected_path = root().join(EXPECTED);
        if bless {
            std::fs::create_dir_all(expected_path.parent().unwrap()).unwrap();
            std::fs::write(&expected_path, &pretty).unwrap();
        }
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|e| panic!("{EXPECTED}: {e} (DUEREGARD_BLESS=1 writes it)"));
        assert!(pretty == expected, "the report differs from {EXPECTED}");
    }
}
