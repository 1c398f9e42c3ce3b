//! The format-neutral document the .docx and HTML readers produce: headings,
//! paragraphs, tables cell by cell and form fields, each with the place in the
//! source file it came from, so a later step can recognise EIA tables, form
//! questions and document-control tables and point back at them.
//!
//! Tick boxes are normalised into the text: an empty box is `☐` and a ticked
//! one `☒`, whatever the source used (Word check-box content controls, legacy
//! FORMCHECKBOX fields, `☑ ✓ ✔ ✅`, Wingdings tick glyphs), so recognition sees
//! "☒ Negative" and never a font code.

use serde::Serialize;

/// An empty tick box, as every reader writes it.
pub const UNTICKED: char = '☐';
/// A ticked box, as every reader writes it.
pub const TICKED: char = '☒';

/// A document read from a .docx or HTML file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// The file format it was read from.
    pub format: SourceFormat,
    /// The document's title, when it has one.
    pub title: Option<Title>,
    /// The body, in reading order.
    pub blocks: Vec<Block>,
    /// Comments that are dueregard directives (inline waivers), in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<DocumentComment>,
}

/// A comment in the document that is a dueregard directive
/// ("dueregard: waive RULE because REASON; approved by NAME"), and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentComment {
    /// The comment's text.
    pub text: String,
    /// The index in `blocks` of the block it is about: for a Word comment,
    /// the block its anchor is in; for an HTML comment, the block after it.
    pub block: usize,
    /// Whether the comment is anchored inside `block` (Word) rather than
    /// written before it (HTML).
    pub inside: bool,
}

impl Document {
    /// Every table in the body, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Table(table) => Some(table),
            _ => None,
        })
    }

    /// Every form field in the body, in order.
    pub fn fields(&self) -> impl Iterator<Item = &FormField> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Field(field) => Some(field),
            _ => None,
        })
    }
}

/// The file format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    Docx,
    Html,
}

/// A document's title and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Title {
    pub text: String,
    /// The heading it was taken from; `None` when it came from the file's
    /// metadata (`docProps/core.xml` dc:title, or HTML `<title>`).
    pub source: Option<Source>,
}

/// One block of the body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Heading(Heading),
    Paragraph(Paragraph),
    Table(Table),
    Field(FormField),
}

impl Block {
    /// Where the block came from.
    pub fn source(&self) -> &Source {
        match self {
            Block::Heading(h) => &h.source,
            Block::Paragraph(p) => &p.source,
            Block::Table(t) => &t.source,
            Block::Field(f) => &f.source,
        }
    }

    /// The block's own text (a table's or field's is empty: read its cells or label).
    pub fn text(&self) -> &str {
        match self {
            Block::Heading(h) => &h.text,
            Block::Paragraph(p) => &p.text,
            Block::Table(_) | Block::Field(_) => "",
        }
    }
}

/// A heading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heading {
    /// 1 to 9 (HTML h1-h6; Word's "Heading N" styles and outline levels); 0 is
    /// Word's Title style, which sits above Heading 1.
    pub level: u8,
    pub text: String,
    /// The Word paragraph style's name, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub style: Option<String>,
    pub source: Source,
}

/// A paragraph of text (also a list item, or a paragraph inside a table cell).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    /// The text; `\t` for tabs, `\n` for line breaks within the paragraph.
    pub text: String,
    /// For a list item, its nesting level (0 = top level).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list_level: Option<u8>,
    /// The Word paragraph style's name, when it has one (e.g. "List Bullet", "TOC 1").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub style: Option<String>,
    pub source: Source,
}

/// A table, row by row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub rows: Vec<Row>,
    /// HTML `<caption>` or Word's table caption (alt text title).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    pub source: Source,
}

impl Table {
    /// The text of the cell at `row`, `cell` (indices as in [`Row::index`] and
    /// [`Cell::index`]), if it exists.
    pub fn cell_text(&self, row: usize, cell: usize) -> Option<String> {
        Some(self.rows.get(row)?.cells.get(cell)?.text())
    }

    /// The most cells in any row.
    pub fn width(&self) -> usize {
        self.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0)
    }
}

/// A table row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// 0-based position in the table (after tracked changes are accepted).
    pub index: usize,
    /// A header row: Word's "repeat as header row", or an HTML row in
    /// `<thead>` or made only of `<th>` cells.
    pub header: bool,
    pub cells: Vec<Cell>,
}

/// A table cell and what is in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// 0-based position in the row.
    pub index: usize,
    /// How many grid columns it spans (Word gridSpan, HTML colspan); 1 usually.
    pub span: u32,
    /// True when this cell continues a vertically merged cell from the row
    /// above (Word vMerge): its text is in the cell above. HTML rowspans are
    /// not expanded: a spanned row simply has fewer cells.
    pub merged_above: bool,
    /// An HTML `<th>` cell.
    pub header: bool,
    /// Its paragraphs; empty paragraphs are left out, and a table nested in
    /// the cell is flattened into one paragraph per row, cells joined by tabs.
    pub paragraphs: Vec<Paragraph>,
    /// HTML form controls inside the cell.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FormField>,
    pub source: Source,
}

impl Cell {
    /// The cell's text, paragraphs joined by newlines.
    pub fn text(&self) -> String {
        let texts: Vec<&str> = self.paragraphs.iter().map(|p| p.text.as_str()).collect();
        texts.join("\n")
    }
}

/// A question on an HTML form: one control, or a group of radio buttons or
/// check boxes answering one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FormField {
    /// The question as written: the `<label>`, the fieldset's `<legend>`,
    /// `aria-label`, or the text just before the control. A trailing `*`,
    /// "(required)" or "(optional)" is taken off and recorded in `required`.
    pub label: String,
    pub control: Control,
    /// The control's `name` attribute (the first member's, for a group).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The answers offered: `<option>`s, or one per radio button or check box.
    pub options: Vec<FieldOption>,
    pub required: Requirement,
    /// Hint or purpose text near the control: `aria-describedby` targets, a
    /// "hint" element in the fieldset or label, or the placeholder.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    pub source: Source,
    /// Where the label's words were read from (the `<label>`, `<legend>`,
    /// or text before the control); `None` for an attribute (`aria-label`,
    /// `title`) or an option's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_source: Option<Source>,
}

/// The kind of form control.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Control {
    /// `<select>`; `multiple` when several may be chosen.
    Select { multiple: bool },
    /// A group of radio buttons sharing a name.
    Radio,
    /// One check box, or a group answering one question.
    Checkbox,
    /// A one-line `<input>`; `input_type` is its `type` (text, email, date, ...).
    Text { input_type: String },
    /// `<textarea>`.
    TextArea,
}

/// One answer offered by a field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldOption {
    /// What a person sees.
    pub label: String,
    /// The submitted value, when different from the label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Pre-selected or pre-ticked in the page.
    pub checked: bool,
    pub source: Source,
}

/// Whether a field says it must be answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// Nothing says either way.
    Unstated,
    /// The `required` or `aria-required` attribute.
    RequiredAttribute,
    /// An asterisk or "(required)" in the label.
    RequiredInLabel,
    /// "(optional)" in the label.
    Optional,
}

/// Where a block, cell or option came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "in", rename_all = "snake_case")]
pub enum Source {
    Docx(DocxPlace),
    Html(HtmlPlace),
}

impl Source {
    /// The place for a person: "paragraph 12", "table 1 › row 4 › cell 2 ›
    /// paragraph 1", "line 40, column 7".
    pub fn place(&self) -> String {
        match self {
            Source::Docx(place) => place.describe(),
            Source::Html(place) => format!("line {}, column {}", place.line, place.column),
        }
    }
}

/// Where in a .docx body something is: a path of 0-based steps from the body,
/// e.g. `[Table(0), Row(3), Cell(1), Paragraph(0)]`. Each container counts its
/// own paragraphs and tables: `Paragraph(11)` at the top is the body's twelfth
/// paragraph (tables not counted), `Table(0)` its first table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocxPlace {
    pub path: Vec<Step>,
}

/// One step of a [`DocxPlace`] (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Paragraph(usize),
    Table(usize),
    Row(usize),
    Cell(usize),
    /// A text box anchored in the paragraph before this step.
    TextBox(usize),
}

impl DocxPlace {
    /// The body paragraph index, when this is a paragraph of the body itself.
    pub fn body_paragraph(&self) -> Option<usize> {
        match self.path.as_slice() {
            [Step::Paragraph(i)] => Some(*i),
            _ => None,
        }
    }

    /// For something in a top-level table: (table, row, cell, paragraph in
    /// cell), the last `None` for the cell itself.
    pub fn table_cell(&self) -> Option<(usize, usize, usize, Option<usize>)> {
        match self.path.as_slice() {
            [Step::Table(t), Step::Row(r), Step::Cell(c)] => Some((*t, *r, *c, None)),
            [
                Step::Table(t),
                Step::Row(r),
                Step::Cell(c),
                Step::Paragraph(p),
                ..,
            ] => Some((*t, *r, *c, Some(*p))),
            _ => None,
        }
    }

    /// "table 1 › row 4 › cell 2 › paragraph 1" (1-based, as a person counts).
    pub fn describe(&self) -> String {
        let parts: Vec<String> = self
            .path
            .iter()
            .map(|step| match step {
                Step::Paragraph(i) => format!("paragraph {}", i + 1),
                Step::Table(i) => format!("table {}", i + 1),
                Step::Row(i) => format!("row {}", i + 1),
                Step::Cell(i) => format!("cell {}", i + 1),
                Step::TextBox(i) => format!("text box {}", i + 1),
            })
            .collect();
        if parts.is_empty() {
            "body".to_owned()
        } else {
            parts.join(" › ")
        }
    }
}

/// Where in an HTML file an element starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct HtmlPlace {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// 0-based byte offset of the element's `<`.
    pub offset: usize,
}

/// Replaces tick symbols with the two boxes every reader uses: `☑ ✓ ✔ ✅`
/// become `☒`, `□ ◻ ❏ ❑` become `☐`. Crosses (`✗ ✘`) are left alone: they
/// mean "no" as often as "ticked".
pub fn normalise_ticks(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_tick_symbol) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '☑' | '✓' | '✔' | '✅' | '🗹' => TICKED,
            '□' | '◻' | '❏' | '❑' | '🗆' => UNTICKED,
            other => other,
        })
        .collect::<String>()
        .into()
}

fn is_tick_symbol(c: char) -> bool {
    matches!(
        c,
        '☑' | '✓' | '✔' | '✅' | '🗹' | '□' | '◻' | '❏' | '❑' | '🗆'
    )
}

/// What goes into a table cell from the blocks read inside it: headings
/// become paragraphs keeping their style, a nested table becomes one
/// paragraph per row (cells joined by tabs), fields stay fields.
#[cfg(any(feature = "docx", feature = "html"))]
pub(crate) fn cell_contents(blocks: Vec<Block>) -> (Vec<Paragraph>, Vec<FormField>) {
    let mut paragraphs = Vec::new();
    let mut fields = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(p) => paragraphs.push(p),
            Block::Heading(h) => paragraphs.push(Paragraph {
                text: h.text,
                list_level: None,
                style: h.style,
                source: h.source,
            }),
            Block::Field(f) => fields.push(f),
            Block::Table(table) => {
                for row in table.rows {
                    let texts: Vec<String> = row
                        .cells
                        .iter()
                        .map(|c| c.text().replace('\n', " "))
                        .collect();
                    let text = texts.join("\t");
                    if !text.trim().is_empty() {
                        let source = match &table.source {
                            Source::Docx(place) => {
                                let mut path = place.path.clone();
                                path.push(Step::Row(row.index));
                                Source::Docx(DocxPlace { path })
                            }
                            Source::Html(_) => row
                                .cells
                                .first()
                                .map_or_else(|| table.source.clone(), |c| c.source.clone()),
                        };
                        paragraphs.push(Paragraph {
                            text,
                            list_level: None,
                            style: None,
                            source,
                        });
                    }
                    for cell in row.cells {
                        fields.extend(cell.fields);
                    }
                }
            }
        }
    }
    (paragraphs, fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docx_places_read_as_a_person_counts() {
        let place = DocxPlace {
            path: vec![
                Step::Table(0),
                Step::Row(3),
                Step::Cell(1),
                Step::Paragraph(0),
            ],
        };
        assert_eq!(place.describe(), "table 1 › row 4 › cell 2 › paragraph 1");
        assert_eq!(place.table_cell(), Some((0, 3, 1, Some(0))));
        assert_eq!(place.body_paragraph(), None);
        let body = DocxPlace {
            path: vec![Step::Paragraph(11)],
        };
        assert_eq!(Source::Docx(body.clone()).place(), "paragraph 12");
        assert_eq!(body.body_paragraph(), Some(11));
    }

    #[test]
    fn tick_symbols_become_two_boxes() {
        assert_eq!(normalise_ticks("✓ Yes ✔ ☑ □ No ✗"), "☒ Yes ☒ ☒ ☐ No ✗");
        assert!(matches!(
            normalise_ticks("no ticks"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
