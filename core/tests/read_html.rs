//! The HTML reader on the pages in tests/fixtures/html (MANIFEST.md beside
//! them says what each holds).

#![cfg(feature = "html")]

use dueregard::read::{
    Block, Control, Document, DocumentLimits, FormField, HtmlPlace, Requirement, Source, read_html,
};

fn page(name: &str) -> Document {
    let path = format!(
        "{}/../tests/fixtures/html/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    read_html(&bytes, &DocumentLimits::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn field<'a>(doc: &'a Document, label: &str) -> &'a FormField {
    doc.fields().find(|f| f.label == label).unwrap_or_else(|| {
        panic!(
            "no field {label:?} in {:?}",
            doc.fields().map(|f| &f.label).collect::<Vec<_>>()
        )
    })
}

fn at(source: &Source) -> (usize, usize) {
    match source {
        Source::Html(HtmlPlace { line, column, .. }) => (*line, *column),
        Source::Docx(_) => panic!("an HTML source"),
    }
}

fn option_labels(field: &FormField) -> Vec<&str> {
    field.options.iter().map(|o| o.label.as_str()).collect()
}

#[test]
fn every_page_reads_with_a_title() {
    let dir = format!("{}/../tests/fixtures/html", env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let doc = page(&name);
        assert!(doc.title.is_some() && !doc.blocks.is_empty(), "{name}");
        count += 1;
    }
    assert!(count >= 5, "only {count} pages");
}

#[test]
fn registration_form_fields_labels_options_and_requirements() {
    let doc = page("registration_form.html");
    assert_eq!(
        doc.title.as_ref().unwrap().text,
        "Register with Riverside Surgery"
    );
    let fields: Vec<&str> = doc.fields().map(|f| f.label.as_str()).collect();
    assert_eq!(
        fields,
        [
            "Title",
            "Full name",
            "Date of birth",
            "What is your sex?",
            "Is the gender you identify with the same as your sex registered at birth?",
            "If no, you can write in your gender identity",
            "Do you need help to communicate?",
            "Next of kin or someone we can contact",
            "I agree to the surgery sharing my record with the hospital",
        ],
        "no field for the hidden input or the submit button"
    );

    let title = field(&doc, "Title");
    assert_eq!(title.control, Control::Select { multiple: false });
    assert_eq!(title.required, Requirement::Optional);
    assert_eq!(
        option_labels(title),
        ["Choose a title", "Mr", "Mrs", "Miss", "Ms", "Mx", "Dr"]
    );
    assert_eq!(at(&title.source), (17, 7));

    assert_eq!(
        field(&doc, "Full name").required,
        Requirement::RequiredInLabel
    );
    let dob = field(&doc, "Date of birth");
    assert_eq!(
        dob.control,
        Control::Text {
            input_type: "date".into()
        }
    );
    assert_eq!(dob.required, Requirement::RequiredAttribute);
    assert_eq!(dob.hint.as_deref(), Some("For example, 31 3 1980"));

    let sex = field(&doc, "What is your sex?");
    assert_eq!(sex.control, Control::Radio);
    assert_eq!(sex.name.as_deref(), Some("sex"));
    assert_eq!(option_labels(sex), ["Female", "Male", "Prefer not to say"]);
    assert_eq!(sex.options[0].value.as_deref(), Some("F"));
    assert_eq!(
        sex.hint.as_deref(),
        Some("We need this to invite you for the right screening.")
    );
    assert_eq!(sex.required, Requirement::RequiredAttribute);
    assert_eq!(
        at(&sex.source),
        (39, 5),
        "a group with a legend is placed at its fieldset"
    );
    assert_eq!(at(&sex.options[1].source), (44, 7));

    let gender = field(
        &doc,
        "Is the gender you identify with the same as your sex registered at birth?",
    );
    assert_eq!(gender.required, Requirement::Optional);
    assert_eq!(option_labels(gender), ["Yes", "No"]);

    let help = field(&doc, "Do you need help to communicate?");
    assert_eq!(help.control, Control::Checkbox);
    assert_eq!(help.hint.as_deref(), Some("Tick all that apply."));
    let ticked: Vec<bool> = help.options.iter().map(|o| o.checked).collect();
    assert_eq!(ticked, [false, true, false]);

    assert_eq!(
        field(&doc, "Next of kin or someone we can contact")
            .hint
            .as_deref(),
        Some("Anyone you choose")
    );
    let consent = field(
        &doc,
        "I agree to the surgery sharing my record with the hospital",
    );
    assert_eq!(consent.control, Control::Checkbox);
    assert_eq!(consent.options.len(), 1);

    // Labels and legends are read into their fields, not again as paragraphs.
    let paragraphs: Vec<&str> = doc
        .blocks
        .iter()
        .map(Block::text)
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(
        paragraphs,
        [
            "Register with Riverside Surgery",
            "It takes about 10 minutes. Questions marked with * must be answered."
        ]
    );
}

#[test]
fn monitoring_form_wrapped_labels_aria_groups_and_inline_questions() {
    let doc = page("monitoring_form_wrapped_labels.html");
    let orientation = field(
        &doc,
        "Which of the following options best describes how you think of yourself?",
    );
    assert_eq!(orientation.options.len(), 6);
    assert_eq!(orientation.options[5].label, "Prefer not to say");
    assert_eq!(orientation.options[5].value.as_deref(), Some("Z"));
    let identity = field(&doc, "Gender identity");
    assert_eq!(option_labels(identity)[0], "Male (including trans man)");
    let status = field(&doc, "Relationship status:");
    assert_eq!(
        option_labels(status),
        [
            "Single",
            "Married",
            "In a civil partnership",
            "Prefer not to say"
        ]
    );
    assert_eq!(
        field(&doc, "Languages you speak").control,
        Control::Select { multiple: true }
    );
    assert_eq!(
        field(&doc, "Anything else you would like us to know?").control,
        Control::TextArea
    );
    assert!(
        !doc.blocks.iter().any(|b| b.text() == "Gender identity"),
        "the aria label is not a paragraph too"
    );
}

#[test]
fn legacy_table_form_takes_labels_from_the_next_cell_and_following_text() {
    let doc = page("legacy_table_form.html");
    assert_eq!(doc.title.as_ref().unwrap().text, "Outpatient Referral Form");
    let table = doc.tables().next().unwrap();
    assert_eq!(table.rows.len(), 5, "rows closed implicitly");
    let gender = &table.rows[2].cells[1].fields[0];
    assert_eq!(gender.label, "Gender:");
    assert_eq!(gender.control, Control::Radio);
    assert_eq!(option_labels(gender), ["M", "F"]);
    let title = &table.rows[1].cells[1].fields[0];
    assert_eq!(option_labels(title), ["Mr", "Mrs", "Miss", "Ms"]);
    assert_eq!(
        table.rows[4].cells[1].fields[0].label,
        "Next of kin (spouse or nearest relative):"
    );
    let orientation = field(&doc, "Sexual orientation:");
    assert!(orientation.options[0].checked, "SELECTED");
    assert_eq!(orientation.options[1].label, "Homosexual");
    let urgent = field(&doc, "Urgent referral");
    assert_eq!(urgent.control, Control::Checkbox);
}

#[test]
fn intranet_page_headings_lists_tables_and_ticks() {
    let doc = page("intranet_policy_page.html");
    assert_eq!(
        doc.title.as_ref().unwrap().text,
        "Uniform and Dress Code Policy | Staff Intranet"
    );
    let h1 = doc
        .blocks
        .iter()
        .find(|b| matches!(b, Block::Heading(h) if h.level == 1))
        .unwrap();
    assert_eq!(h1.text(), "Uniform and Dress Code Policy");
    assert_eq!(at(h1.source()), (11, 1));
    let nested: Vec<(Option<u8>, &str)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) if p.list_level == Some(1) => Some((p.list_level, p.text.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        nested,
        [
            (Some(1), "headscarves in the trust colours are provided;"),
            (
                Some(1),
                "disposable over-sleeves are available for bare below the elbows."
            )
        ]
    );
    let tables: Vec<_> = doc.tables().collect();
    assert_eq!(tables.len(), 2);
    assert_eq!(tables[0].cell_text(1, 1).as_deref(), Some("5.2"));
    assert!(tables[0].rows[0].cells[0].header);
    let eia = tables[1];
    assert_eq!(
        eia.caption.as_deref(),
        Some("Impact by protected characteristic")
    );
    assert!(eia.rows[0].header && !eia.rows[1].header);
    let row = |r: usize| -> Vec<String> { eia.rows[r].cells.iter().map(|c| c.text()).collect() };
    assert_eq!(row(1)[..4], ["Age", "", "", "☒"]);
    assert_eq!(row(3)[..2], ["Gender reassignment", "☒"]);
    assert_eq!(row(4)[..4], ["Religion or belief", "☒", "☐", "☐"]);
    assert_eq!(at(&eia.rows[3].cells[1].source), (40, 37));
}

#[test]
fn script_style_template_hidden_and_svg_are_not_read() {
    let doc = page("script_style_ignored.html");
    let all: Vec<&str> = doc.blocks.iter().map(Block::text).collect();
    assert_eq!(
        all,
        [
            "Visiting times",
            "Visiting is open from 9am to 8pm. Patients choose who visits.",
            "Partners, friends and family are all welcome.",
            "Quiet times: 1pm to 2pm.",
        ]
    );
}

#[test]
fn broken_markup_is_read_as_a_browser_would() {
    let doc = page("broken_markup.html");
    assert_eq!(doc.title.as_ref().unwrap().text, "Clinic & Ward Contacts");
    let texts: Vec<&str> = doc
        .blocks
        .iter()
        .map(Block::text)
        .filter(|t| !t.is_empty())
        .collect();
    assert!(texts.contains(&"Ward 7 – open 24 hours"), "{texts:?}");
    assert!(texts.contains(&"Deep <b> text bold both italic end"));
    assert!(texts.contains(&"Café opening"));
    let lists: Vec<(Option<u8>, &str)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) if p.list_level.is_some() => Some((p.list_level, p.text.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        lists,
        [(Some(0), "First"), (Some(0), "Second"), (Some(1), "Nested")]
    );
    let table = doc.tables().next().unwrap();
    assert_eq!(table.rows[0].cells.len(), 2);
    assert_eq!(
        table.rows[0].cells[0].text(),
        "Outer cell\nInner A\tInner B"
    );
    // CRLF line ends count as one line; the column counts characters.
    let cafe = doc
        .blocks
        .iter()
        .find(|b| b.text() == "Café opening")
        .unwrap();
    assert_eq!(at(cafe.source()), (13, 1));
    let daily = doc
        .blocks
        .iter()
        .find(|b| b.text() == "Daily from 8am.")
        .unwrap();
    assert_eq!(at(daily.source()), (13, 22));
}

#[test]
fn places_are_lines_columns_and_offsets_of_the_tag() {
    let html = "<!doctype html>\n<h1>One</h1>\n  <p>Two é <b>three</b></p>\n\u{feff}";
    let doc = read_html(html.as_bytes(), &DocumentLimits::default()).unwrap();
    let Source::Html(place) = doc.blocks[1].source() else {
        panic!("html")
    };
    assert_eq!((place.line, place.column, place.offset), (3, 3, 31));
    assert_eq!(&html[place.offset..place.offset + 3], "<p>");
    assert_eq!(
        doc.title
            .as_ref()
            .unwrap()
            .source
            .as_ref()
            .map(Source::place)
            .as_deref(),
        Some("line 2, column 1")
    );
}

/// Where a field's question was read from: its `<label>`, its `<legend>`,
/// the cell before it, or the text before it, so a finding in a label lands
/// on the label's words rather than on the control.
#[test]
fn a_fields_label_source_is_where_its_question_was_written() {
    let doc = page("registration_form.html");
    let label_at = |label: &str| field(&doc, label).label_source.as_ref().map(at);
    // `<label for>` on line 16, column 7, the control two lines below it.
    assert_eq!(label_at("Title"), Some((16, 7)));
    assert_eq!(at(&field(&doc, "Title").source).0, 17);
    assert_eq!(label_at("What is your sex?"), Some((40, 7)));

    let legacy = page("legacy_table_form.html");
    let nok = legacy
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .flat_map(|t| t.rows.iter().flat_map(|r| &r.cells))
        .flat_map(|c| &c.fields)
        .find(|f| f.label.starts_with("Next of kin"))
        .expect("next of kin in the layout table");
    // The cell before the control's, not the control's own cell.
    assert_eq!(nok.label_source.as_ref().map(at), Some((12, 5)));
    assert_eq!(at(&nok.source), (12, 59));
    // "Sexual orientation: <SELECT>": the text before it in its paragraph.
    let orientation = field(&legacy, "Sexual orientation:");
    assert_eq!(
        orientation.label_source.as_ref().map(at).map(|p| p.0),
        Some(14)
    );

    // An `aria-label` has no words in the page to point at.
    let html = r#"<form><input type="text" aria-label="Preferred pronouns"></form>"#;
    let doc = read_html(html.as_bytes(), &DocumentLimits::default()).unwrap();
    let only = doc.fields().next().unwrap();
    assert_eq!(only.label, "Preferred pronouns");
    assert_eq!(only.label_source, None);
}
