//! Recognition: a read [`Document`] (Word or HTML) into the [`Draft`] the
//! rules check, plus a [`Recognised`] summary saying what was read and what
//! could not be placed, so a person sees the gap instead of a silent pass.
//!
//! The words that recognise characteristics, impact columns and form cues
//! are data ([`Vocabulary`], built in from `vocabulary.json`), so a trust can
//! teach its own template without a new release.

mod actions;
mod clauses;
mod document_control;
mod eia_table;
mod form_fields;
mod kind;
mod labels;
mod nested;
mod places;
mod sections;
mod signatures;
#[cfg(test)]
mod test_tables;
mod vocabulary;

pub use places::apply_places;
pub use sections::{SectionOrigins, TextOrigin};
pub use vocabulary::Vocabulary;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use super::document::{Block, Document, DocxPlace, Paragraph, Source, SourceFormat, Step, Table};
use super::{UNTITLED, empty_draft};
use crate::model::{Draft, DraftKind, Eia, Field};
use sections::SectionBuilder;

/// What recognition read from a document, for the report and the text output.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recognised {
    /// "docx" or "html".
    pub format: String,
    /// Sections made from headings.
    pub sections: usize,
    /// Tables understood (EIA, actions, document control, form).
    pub tables_read: usize,
    /// EIA rows read, one per characteristic row.
    pub eia_rows: usize,
    /// EIA rows with evidence or comments written in.
    pub eia_rows_with_evidence: usize,
    /// Form fields read.
    pub fields: usize,
    /// Actions read from action tables.
    pub actions: usize,
    /// What could not be placed in the draft.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<Unplaced>,
}

/// Something in the document that recognition could not place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unplaced {
    /// Where it is, as a person counts ("table 3", "line 40, column 7").
    pub place: String,
    /// Why it was not placed.
    pub why: String,
}

impl Recognised {
    /// One line for the text output: "read your EIA table: 10 rows, 2 with
    /// evidence; read 7 form fields; 1 table not understood: table 3".
    pub fn describe(&self) -> String {
        let what = match self.format.as_str() {
            "docx" => "Word document",
            "html" => "web page",
            other => other,
        };
        let mut parts = vec![format!(
            "read your {what}: {} section{}",
            self.sections,
            plural(self.sections)
        )];
        if self.eia_rows > 0 {
            parts.push(format!(
                "EIA table: {} row{}, {} with evidence",
                self.eia_rows,
                plural(self.eia_rows),
                self.eia_rows_with_evidence
            ));
        }
        if self.fields > 0 {
            parts.push(format!(
                "read {} form field{}",
                self.fields,
                plural(self.fields)
            ));
        }
        if self.actions > 0 {
            parts.push(format!(
                "read {} action{}",
                self.actions,
                plural(self.actions)
            ));
        }
        if !self.unplaced.is_empty() {
            let places: Vec<&str> = self.unplaced.iter().map(|u| u.place.as_str()).collect();
            parts.push(format!(
                "{} not understood: {}",
                self.unplaced.len(),
                places.join(", ")
            ));
        }
        parts.join("; ")
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A recognised document: the draft, the summary, and where each part of
/// the draft came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Recognition {
    pub draft: Draft,
    pub recognised: Recognised,
    /// Draft JSON Pointer ("/eia/groups/3", "/fields/0", "/sections/2") to
    /// the place in the document it was read from ("table 2 › row 5").
    pub places: BTreeMap<String, String>,
    /// The same pointers to the block, row or table each was read from (and
    /// a field's "/fields/i/label" to the element or cell its words were read from).
    pub sources: BTreeMap<String, Source>,
    /// Per field (by index) whose label's words were read from the document:
    /// where each stretch of its label came from, as `origins` has it for a
    /// section's text. A label read under a heading ("Next of kin: Telephone")
    /// has no stretch for the heading's words.
    pub label_origins: BTreeMap<usize, Vec<TextOrigin>>,
    /// Per section (in the draft's order): where its heading and each
    /// stretch of its text came from. The one record of where text came
    /// from: Word comments are anchored by it, and findings' places
    /// ("paragraph 12, character 41", "line 40, column 7") are read from it.
    pub origins: Vec<SectionOrigins>,
    /// An HTML page's source as the reader took it (UTF-8, lossily), so a
    /// finding's words can be found in it; `None` for a Word document.
    pub html_page: Option<String>,
}

impl Recognition {
    /// Gives each finding in `report` its place in the document (see
    /// [`apply_places`]), and adds the recognised summary.
    pub fn apply_to(&self, report: &mut crate::model::Report) {
        apply_places(self, report);
        report.recognised = Some(self.recognised.clone());
    }
}

/// Recognises a document with the built-in vocabulary.
pub fn recognise(document: &Document) -> Recognition {
    recognise_with(document, Vocabulary::built_in())
}

/// Recognises a document with a given vocabulary.
pub fn recognise_with(document: &Document, vocabulary: &Vocabulary) -> Recognition {
    let title = document
        .title
        .as_ref()
        .map(|t| t.text.trim().to_owned())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| UNTITLED.to_owned());
    let mut state = State {
        draft: empty_draft(&title),
        recognised: Recognised {
            format: match document.format {
                SourceFormat::Docx => "docx".into(),
                SourceFormat::Html => "html".into(),
            },
            ..Recognised::default()
        },
        eia: Eia::default(),
        places: BTreeMap::new(),
        sources: BTreeMap::new(),
        label_origins: BTreeMap::new(),
        builder: SectionBuilder::default(),
        recent: Vec::new(),
        heading: None,
    };

    let mut comments = document.comments.iter().peekable();
    for (index, block) in document.blocks.iter().enumerate() {
        let mut here = Vec::new();
        while let Some(comment) = comments.next_if(|c| c.block <= index) {
            here.push(comment);
        }
        let before = state.builder.position();
        let fields_before = state.draft.fields.len();
        match block {
            Block::Heading(h) => {
                if h.level == 0 && state.draft.title == UNTITLED {
                    state.draft.title = h.text.trim().to_owned();
                }
                state.builder.start(&h.text, &h.source);
                // The title names the document, not a group of questions.
                state.heading = (h.level > 0).then(|| h.text.clone());
            }
            Block::Paragraph(p) => state.paragraph(p, vocabulary),
            Block::Field(field) => {
                // The label is read as the field's own (term rules scan
                // `/fields/i/label`, placed on the label's words), not also as
                // section text: there it was reported a second time, placed by
                // walking the page from the control, so on the wrong words.
                state.push_html_field(field, vocabulary);
            }
            Block::Table(table) => {
                // HTML controls laid out in a table are fields wherever the table is.
                for cell in table.rows.iter().flat_map(|r| &r.cells) {
                    for field in &cell.fields {
                        state.push_html_field(field, vocabulary);
                    }
                }
                if state.read_table(table, vocabulary) {
                    state.recognised.tables_read += 1;
                } else {
                    // Questions laid out in the cells before their controls
                    // are the fields' words: the rest is section text.
                    let questions = labels::html_label_cells(table);
                    state.builder.push_table_text_without(table, &questions);
                    // A layout table: the grids nested in its cells may still be read.
                    let nested = nested::tables_in(table)
                        .iter()
                        .filter(|inner| state.read_grid(inner, vocabulary).is_some())
                        .count();
                    let form = !questions.is_empty();
                    state.recognised.tables_read += nested + usize::from(form);
                    if nested == 0 && !form && table.rows.len() > 1 && table.width() > 1 {
                        state.recognised.unplaced.push(Unplaced {
                            place: table_place(table),
                            why: "not an EIA, action, document-control or form table; read as section text".into(),
                        });
                    }
                }
            }
        }
        let after = state.builder.position();
        let fields: Vec<String> = state.draft.fields[fields_before..]
            .iter()
            .map(|f| f.id.clone())
            .collect();
        for comment in here {
            state.builder.attach(comment, before, after, &fields);
        }
    }
    // Comments after the last block belong to the last section.
    let end = state.builder.position();
    for comment in comments {
        state.builder.attach(comment, end, end, &[]);
    }
    let State {
        mut draft,
        mut recognised,
        eia,
        mut places,
        mut sources,
        label_origins,
        builder,
        ..
    } = state;
    if draft.title == UNTITLED
        && let Some(first) = document.blocks.iter().find_map(|b| match b {
            Block::Heading(h) if !h.text.trim().is_empty() => Some(h.text.trim().to_owned()),
            _ => None,
        })
    {
        draft.title = first;
    }
    let (sections, section_places, origins, waivers) = builder.finish();
    draft.waivers.extend(waivers);
    for (i, place) in section_places.into_iter().enumerate() {
        places.insert(format!("/sections/{i}"), place);
    }
    draft.sections = sections;
    let headings: Vec<&str> = draft.sections.iter().map(|s| s.heading.as_str()).collect();
    draft.kind = kind::guess(
        &draft.title,
        &headings,
        vocabulary,
        !draft.fields.is_empty(),
    );

    if draft.kind == DraftKind::PartnershipAgreement {
        let words = &vocabulary.agreement_clauses;
        clauses::fill(&mut draft, &origins, words, &mut places, &mut sources);
    }

    recognised.sections = draft.sections.len();
    recognised.eia_rows = eia.groups.len();
    recognised.eia_rows_with_evidence = eia.groups.iter().filter(|g| g.evidence.is_some()).count();
    recognised.fields = draft.fields.len();
    recognised.actions = eia.actions.len();
    if eia != Eia::default() {
        draft.eia = Some(eia);
    }
    Recognition {
        draft,
        recognised,
        places,
        sources,
        label_origins,
        origins,
        html_page: None,
    }
}

/// Which grid reader placed a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grid {
    Actions,
    Eia,
    Signatures,
}

/// What recognition has built so far.
struct State {
    draft: Draft,
    recognised: Recognised,
    eia: Eia,
    places: BTreeMap<String, String>,
    sources: BTreeMap<String, Source>,
    label_origins: BTreeMap<usize, Vec<TextOrigin>>,
    builder: SectionBuilder,
    /// The last few paragraphs, for a field's purpose ("Answering is optional").
    recent: Vec<String>,
    /// The last heading, which a form's blank-answer table is read under.
    heading: Option<String>,
}

impl State {
    fn paragraph(&mut self, p: &Paragraph, vocabulary: &Vocabulary) {
        let prefix = match p.list_level {
            Some(level) => format!("{}- ", "  ".repeat(usize::from(level))),
            None => String::new(),
        };
        self.builder.push_line(&prefix, &p.text, &p.source);
        if self.eia.assessor.is_none() {
            self.eia.assessor = document_control::assessor_in_line(&p.text);
        }
        for line in p.text.lines() {
            if let Some(field) = form_fields::from_line(line, self.draft.fields.len()) {
                self.push_field(field, &p.source, vocabulary);
            }
        }
        self.recent.push(p.text.clone());
        if self.recent.len() > 3 {
            self.recent.remove(0);
        }
    }

    fn push_field(&mut self, mut field: Field, source: &Source, vocabulary: &Vocabulary) {
        if field.purpose.is_none() {
            field.purpose = self
                .recent
                .iter()
                .rev()
                .find(|t| vocabulary::any_word(t, &vocabulary.optional_cues))
                .cloned();
        }
        let pointer = format!("/fields/{}", self.draft.fields.len());
        self.places.insert(pointer.clone(), source.place());
        self.sources.insert(pointer, source.clone());
        self.draft.fields.push(field);
    }

    /// Tries each table reader in turn; true when one placed the table.
    fn read_table(&mut self, table: &Table, vocabulary: &Vocabulary) -> bool {
        match self.read_grid(table, vocabulary) {
            Some(Grid::Signatures) => {
                // Names and roles are words rules read too: keep them.
                self.builder.push_table_text(table);
                return true;
            }
            Some(Grid::Actions | Grid::Eia) => return true,
            None => {}
        }
        // A sign-off after the assessment's grid is its sign-off; before
        // it (a policy's document control), the policy's approval.
        let mut signed = false;
        if !self.eia.groups.is_empty()
            && self.eia.sign_off.is_none()
            && let Some((sign_off, row)) = signatures::sign_off_keys(table, vocabulary)
        {
            self.place_row("/eia/sign_off".to_owned(), table, row);
            self.eia.sign_off = Some(sign_off);
            signed = true;
        }
        if document_control::read(table, vocabulary, &mut self.draft, &mut self.eia) || signed {
            // Control tables hold words rules read too (audience, owner): keep them.
            self.builder.push_table_text(table);
            return true;
        }
        let context = form_fields::Context {
            in_form: !self.draft.fields.is_empty(),
            heading: self.heading.as_deref(),
        };
        let fields = form_fields::from_table(table, vocabulary, self.draft.fields.len(), context);
        if !fields.is_empty() {
            // The questions are the fields' words; other cells stay section text.
            let mut questions = labels::question_cells(table, fields.iter().map(|(_, row)| *row));
            questions.extend(labels::html_label_cells(table));
            self.builder.push_table_text_without(table, &questions);
            for (field, row) in fields {
                self.push_table_field(field, table, row, vocabulary);
            }
            return true;
        }
        false
    }

    /// The readers of grids with a header row, which place rows of their
    /// own and keep no text (so a grid nested in a layout table, whose
    /// text is kept with it, can be read too).
    fn read_grid(&mut self, table: &Table, vocabulary: &Vocabulary) -> Option<Grid> {
        if let Some(actions) = actions::read(table, vocabulary, self.eia.actions.len()) {
            self.place_table("/eia/actions", table);
            for (action, row) in actions {
                self.place_row(
                    format!("/eia/actions/{}", self.eia.actions.len()),
                    table,
                    row,
                );
                self.eia.actions.push(action);
            }
            return Some(Grid::Actions);
        }
        if let Some(read) = eia_table::read(table, vocabulary) {
            for pointer in ["/eia", "/eia/groups"] {
                self.place_table(pointer, table);
            }
            for (group, row) in read.groups {
                self.place_row(format!("/eia/groups/{}", self.eia.groups.len()), table, row);
                self.eia.groups.push(group);
            }
            self.recognised.unplaced.extend(read.unplaced);
            return Some(Grid::Eia);
        }
        self.read_signatures(table, vocabulary)
            .then_some(Grid::Signatures)
    }
}

impl State {
    /// Places `pointer` at the table, unless it is placed already.
    fn place_table(&mut self, pointer: &str, table: &Table) {
        if !self.places.contains_key(pointer) {
            self.places.insert(pointer.to_owned(), table_place(table));
            self.sources
                .insert(pointer.to_owned(), table.source.clone());
        }
    }

    fn place_row(&mut self, pointer: String, table: &Table, row: usize) {
        let source = row_source(table, row);
        self.places.insert(pointer.clone(), source.place());
        self.sources.insert(pointer, source);
    }
}

/// A .docx row ("table 2 › row 5"); the row's first cell for HTML.
fn row_source(table: &Table, row: usize) -> Source {
    match &table.source {
        Source::Docx(place) => {
            let mut path = place.path.clone();
            path.push(Step::Row(row));
            Source::Docx(DocxPlace { path })
        }
        Source::Html(_) => table
            .rows
            .iter()
            .find(|r| r.index == row)
            .and_then(|r| r.cells.first())
            .map_or_else(|| table.source.clone(), |c| c.source.clone()),
    }
}

fn table_place(table: &Table) -> String {
    let place = table.source.place();
    match &table.caption {
        Some(caption) => format!("{place} ({caption})"),
        None => place,
    }
}
