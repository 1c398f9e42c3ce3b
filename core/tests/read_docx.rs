//! The .docx reader on the fixtures in tests/fixtures/docx (made by
//! tests/fixtures/make_fixtures.py; MANIFEST.md says what each holds).

#![cfg(feature = "docx")]

use dueregard::read::{Block, Document, DocumentLimits, Source, Step, Table, read_docx};

fn fixture(name: &str) -> Document {
    let path = format!(
        "{}/../tests/fixtures/docx/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    read_docx(&bytes, &DocumentLimits::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn tables(doc: &Document) -> Vec<&Table> {
    doc.tables().collect()
}

fn row_texts(table: &Table, row: usize) -> Vec<String> {
    table.rows[row].cells.iter().map(|c| c.text()).collect()
}

fn texts(doc: &Document) -> Vec<&str> {
    doc.blocks
        .iter()
        .map(Block::text)
        .filter(|t| !t.is_empty())
        .collect()
}

#[test]
fn every_fixture_reads() {
    let dir = format!("{}/../tests/fixtures/docx", env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "docx") {
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            let doc = fixture(&name);
            assert!(!doc.blocks.is_empty(), "{name} has no blocks");
            assert!(doc.title.is_some(), "{name} has no title");
            count += 1;
        }
    }
    assert!(count >= 15, "only {count} .docx fixtures");
}

#[test]
fn eia_screening_table_keeps_rows_ticks_and_places() {
    let doc = fixture("policy_eia_screening_ticks.docx");
    assert_eq!(doc.title.as_ref().unwrap().text, "Flexible Working Policy");
    assert_eq!(
        doc.title.as_ref().unwrap().source,
        None,
        "from docProps/core.xml"
    );
    let tables = tables(&doc);
    assert_eq!(tables.len(), 2);
    let eia = tables[1];
    assert_eq!(eia.rows.len(), 11);
    assert!(eia.rows[0].header);
    assert_eq!(
        row_texts(eia, 0),
        [
            "Protected characteristic",
            "Positive",
            "Negative",
            "Neutral",
            "Evidence / comments"
        ]
    );
    assert_eq!(
        row_texts(eia, 3),
        [
            "Gender (Male, Female and Transsexual)",
            "☐",
            "☐",
            "☒",
            "No differential impact identified."
        ]
    );
    assert_eq!(row_texts(eia, 5)[0], "Marriage & civil partnership");
    assert_eq!(row_texts(eia, 5)[4], "");
    assert_eq!(
        row_texts(eia, 10)[..2],
        ["Carers".to_owned(), "☒".to_owned()]
    );
    let cell = &eia.rows[3].cells[3];
    assert_eq!(cell.source.place(), "table 2 › row 4 › cell 4");
    assert_eq!(
        cell.paragraphs[0].source.place(),
        "table 2 › row 4 › cell 4 › paragraph 1"
    );
    let Source::Docx(place) = &cell.paragraphs[0].source else {
        panic!("docx source")
    };
    assert_eq!(place.table_cell(), Some((1, 3, 3, Some(0))));
}

#[test]
fn document_control_and_lists_and_page_break_paragraph_index() {
    let doc = fixture("policy_eia_screening_ticks.docx");
    let control = tables(&doc)[0];
    assert_eq!(control.rows.len(), 6);
    assert!(!control.rows[0].header);
    assert_eq!(
        row_texts(control, 1),
        ["Document owner", "Head of Workforce Policy"]
    );
    assert_eq!(row_texts(control, 5), ["Review date", "March 2029"]);
    let bullets: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) if p.list_level.is_some() => Some(p),
            _ => None,
        })
        .collect();
    assert_eq!(bullets.len(), 3);
    assert_eq!(bullets[0].style.as_deref(), Some("List Bullet"));
    // The page-break paragraph (index 11) is empty, so left out, but counted.
    let appendix = doc
        .blocks
        .iter()
        .find(|b| b.text().starts_with("Appendix A"))
        .unwrap();
    assert_eq!(appendix.source().place(), "paragraph 13");
    assert!(
        matches!(appendix, Block::Heading(h) if h.level == 1 && h.style.as_deref() == Some("Heading 1"))
    );
}

#[test]
fn eia_with_words_and_title_from_first_heading() {
    let doc = fixture("policy_eia_screening_words.docx");
    let title = doc.title.unwrap();
    assert_eq!(title.text, "Chaperone Policy");
    assert_eq!(title.source.unwrap().place(), "paragraph 1");
    let eia = doc.blocks.iter().find_map(|b| match b {
        Block::Table(t) => Some(t),
        _ => None,
    });
    let eia = eia.unwrap();
    assert_eq!(eia.rows.len(), 12);
    assert_eq!(
        row_texts(eia, 4)[..2],
        [
            "Transgender / gender reassignment".to_owned(),
            "Negative".to_owned()
        ]
    );
    assert_eq!(row_texts(eia, 10)[0], "Carers");
}

#[test]
fn action_plan_rows_and_merged_header() {
    let doc = fixture("full_eia_with_actions.docx");
    let tables = tables(&doc);
    assert_eq!(tables.len(), 4);
    let actions = tables[2];
    assert_eq!(
        row_texts(actions, 0),
        ["Action", "Owner", "Date", "Measure of success"]
    );
    assert_eq!(actions.rows.len(), 5);
    assert_eq!(
        row_texts(actions, 3),
        [
            "Start recording sexual orientation at referral",
            "Clinical Systems Lead",
            "31 July 2026",
            "Field completed on 80% of referrals"
        ]
    );

    let plan = fixture("action_plan_table.docx");
    let table = tables_of(&plan)[0].clone();
    assert!(table.rows[0].header && table.rows[1].header && !table.rows[2].header);
    assert_eq!(
        table.rows[0].cells[0].span, 2,
        "Priority area spans two columns"
    );
    assert_eq!(table.rows[0].cells.len(), 5);
    assert_eq!(
        table.rows[4].cells[2].text(),
        "Record sexual orientation and gender identity at first contact"
    );
}

fn tables_of(doc: &Document) -> Vec<Table> {
    doc.tables().cloned().collect()
}

#[test]
fn tracked_changes_read_as_accepted() {
    let doc = fixture("tracked_changes.docx");
    let all = texts(&doc).join("\n");
    assert!(all.contains("on the death of a spouse, civil partner or partner, a child, or someone they regard as family."));
    assert!(!all.contains("husband or wife"), "deleted text is dropped");
    assert!(!all.contains("a parent"));
    assert_eq!(
        all.matches("Managers will not ask for a death certificate.")
            .count(),
        1,
        "moved text read once"
    );
    let table = tables(&doc)[0];
    assert_eq!(table.rows.len(), 4, "the deleted row is dropped");
    assert!(
        table
            .rows
            .iter()
            .all(|r| !r.cells[0].text().contains("blood relative"))
    );
    assert_eq!(table.rows[2].index, 2);
    // A pPrChange (old style) does not make the paragraph a heading.
    let approved = doc
        .blocks
        .iter()
        .find(|b| b.text().starts_with("Approved with changes"))
        .unwrap();
    assert!(matches!(approved, Block::Paragraph(_)));
}

#[test]
fn text_boxes_read_once_and_checkbox_controls_become_boxes() {
    let doc = fixture("textbox_and_checkbox_sdt.docx");
    let all = texts(&doc).join("\n");
    assert_eq!(
        all.matches("Discharge co-ordinator: extension 4410")
            .count(),
        1
    );
    let boxed = doc
        .blocks
        .iter()
        .find(|b| b.text() == "Out of hours: call the ward")
        .unwrap();
    assert_eq!(
        boxed.source().place(),
        "paragraph 2 › text box 1 › paragraph 2"
    );
    let table = tables(&doc)[0];
    let done: Vec<String> = table.rows[1..].iter().map(|r| r.cells[1].text()).collect();
    assert_eq!(done, ["☒", "☐", "☒", "☐"]);
    assert!(all.contains("Patient has a copy of the discharge letter: ☒ Yes  ☐ No"));
}

#[test]
fn legacy_form_fields_show_state_and_results_not_instructions() {
    let doc = fixture("legacy_form_fields.docx");
    let table = tables(&doc)[0];
    assert_eq!(row_texts(table, 0), ["Language needed", "Polish"]);
    assert_eq!(row_texts(table, 1), ["Face to face", "☒"]);
    assert_eq!(row_texts(table, 2), ["Telephone", "☐"]);
    assert_eq!(row_texts(table, 3), ["Interpreter's sex", "No preference"]);
    let all = texts(&doc).join("\n");
    assert!(all.contains("Page 1 of the request form."));
    assert!(all.contains("Printed on 1 November 2026"));
    assert!(!all.contains("FORM") && !all.contains("PAGE ") && !all.contains("DATE"));
}

#[test]
fn headings_from_styles_based_on_and_outline_levels() {
    let doc = fixture("headings_outline_level.docx");
    let headings: Vec<(u8, &str)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => Some((h.level, h.text.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            (0, "Gender Identity in Clinical Records"),
            (1, "Contents"),
            (1, "Recording a change of name"),
            (2, "Recording gender identity"),
            (3, "Screening invitations"),
        ]
    );
    assert_eq!(
        doc.title.as_ref().unwrap().text,
        "Gender Identity in Clinical Records"
    );
    assert!(
        texts(&doc).contains(&"Recording a change of name\t2"),
        "the TOC's shown text"
    );
    let demoted = doc
        .blocks
        .iter()
        .find(|b| b.text() == "Not a heading despite the style")
        .unwrap();
    assert!(matches!(demoted, Block::Paragraph(p) if p.style.as_deref() == Some("Heading 2")));
}

#[test]
fn list_levels_from_styles_and_direct_numbering() {
    let doc = fixture("lists_nested.docx");
    let levels: Vec<(Option<u8>, &str)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some((p.list_level, p.text.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        levels[0],
        (Some(0), "Ask how the person prefers to be contacted.")
    );
    assert_eq!(
        levels[2],
        (Some(1), "Double appointments are booked by reception.")
    );
    assert_eq!(
        levels[6],
        (Some(1), "Use easy read material where it helps.")
    );
    assert_eq!(
        levels[7],
        (None, "This paragraph has its numbering switched off.")
    );
    assert_eq!(levels[8], (Some(2), "Directly numbered at level three."));
}

#[test]
fn wingdings_symbols_become_boxes() {
    let doc = fixture("wingdings_ticks.docx");
    let table = tables(&doc)[0];
    assert_eq!(
        row_texts(table, 2)[..3],
        [
            "Gender reassignment".to_owned(),
            "☒".to_owned(),
            "☐".to_owned()
        ]
    );
    assert_eq!(
        row_texts(table, 4)[..3],
        [
            "Sexual orientation".to_owned(),
            "☐".to_owned(),
            "☒".to_owned()
        ]
    );
    assert!(texts(&doc).contains(&"☒ Yes   ☐ No"));
}

#[test]
fn nested_table_is_flattened_into_its_cell() {
    let doc = fixture("nested_table_layout.docx");
    let outer = tables(&doc)[0];
    let cell = &outer.rows[1].cells[0];
    let lines: Vec<&str> = cell.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        lines,
        [
            "Impact on each group:",
            "Group\tImpact\tNotes",
            "Age\t☒ Neutral\tDose is weight-based.",
            "Pregnancy and maternity\t☒ Negative\tExcluded; refer to the midwife.",
            "Sexual orientation\t☒ Neutral\t",
            "Screened by the Medicines Safety Officer.",
        ]
    );
    let Source::Docx(place) = &cell.paragraphs[2].source else {
        panic!("docx")
    };
    assert_eq!(
        place.path,
        [
            Step::Table(0),
            Step::Row(1),
            Step::Cell(0),
            Step::Table(0),
            Step::Row(1)
        ]
    );
}

#[test]
fn tabs_breaks_and_hyphens() {
    let doc = fixture("core_title_and_breaks.docx");
    assert_eq!(
        doc.title.as_ref().unwrap().text,
        "Supporting Trans and Non-binary Staff"
    );
    let texts = texts(&doc);
    assert!(texts.contains(&"Name:\tas the person asks\nPronouns:\tas the person asks"));
    assert!(texts.contains(&"A self-declared name is enough; no documents are needed."));
    assert!(
        texts.contains(&"Contact: the People Team."),
        "no-break spaces become spaces"
    );
}

#[test]
fn forms_in_tables_keep_their_tick_boxes() {
    let doc = fixture("registration_form_ticks.docx");
    let form = tables(&doc)[0];
    assert_eq!(row_texts(form, 0), ["Title:", "☐ Mr  ☐ Mrs  ☐ Miss  ☐ Ms"]);
    assert_eq!(row_texts(form, 5), ["Gender:", "☐ Male  ☐ Female"]);
    let children = tables(&doc)[2];
    assert_eq!(row_texts(children, 2), ["Sex (M/F):", ""]);

    let monitoring = fixture("monitoring_form_nhs_standard.docx");
    let question = &tables(&monitoring)[0].rows[2];
    let answers: Vec<&str> = question.cells[1]
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(answers.len(), 6);
    assert_eq!(answers[0], "☐ Heterosexual or Straight");
    assert_eq!(answers[5], "☐ Prefer not to say");
}

#[test]
fn long_policy_reads_in_full() {
    let doc = fixture("long_policy_100_pages.docx");
    let headings = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading(h) if h.level == 1))
        .count();
    assert_eq!(
        headings, 100,
        "100 sections, none lost (Document control is level 2)"
    );
    assert_eq!(doc.tables().count(), 34);
}
