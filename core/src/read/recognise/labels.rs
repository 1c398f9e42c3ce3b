//! A form field's label as words of the document. A question read into a
//! field is the field's alone: term rules read it at `/fields/i/label`, so
//! the table cells it was read from are left out of the section's text (else
//! a term in it was reported twice), and its findings are placed, and Word
//! comments anchored, on the label's own words through the stretches
//! recorded here (as a section's text has [`TextOrigin`]s).

use std::collections::BTreeSet;

use super::{State, TextOrigin, Vocabulary, form_fields, row_source};
use crate::model::Field;
use crate::read::document::{Cell, FormField, Source, Table};

impl State {
    /// An HTML control's field, its label's words placed where they were read.
    pub(super) fn push_html_field(&mut self, field: &FormField, vocabulary: &Vocabulary) {
        let index = self.draft.fields.len();
        let new = form_fields::from_html(field, index);
        if let Some(label) = &field.label_source {
            self.sources
                .insert(format!("/fields/{index}/label"), label.clone());
            self.label_origins
                .insert(index, from_element(&new.label, label));
        }
        self.push_field(new, &field.source, vocabulary);
    }

    /// A field read from row `row` of a form table, its label's words in
    /// the row's first cell.
    pub(super) fn push_table_field(
        &mut self,
        field: Field,
        table: &Table,
        row: usize,
        vocabulary: &Vocabulary,
    ) {
        let index = self.draft.fields.len();
        if let Some(cell) = table
            .rows
            .iter()
            .find(|r| r.index == row)
            .and_then(|r| r.cells.first())
        {
            let origins = from_cell(&field.label, cell);
            if !origins.is_empty() {
                self.sources
                    .insert(format!("/fields/{index}/label"), cell.source.clone());
                self.label_origins.insert(index, origins);
            }
        }
        self.push_field(field, &row_source(table, row), vocabulary);
    }
}

/// A label read whole from one element (an HTML `<label>`, legend, text or cell).
fn from_element(label: &str, source: &Source) -> Vec<TextOrigin> {
    vec![TextOrigin {
        start: 0,
        end: label.len(),
        source: source.clone(),
        offset: 0,
    }]
}

/// A label read from a table cell: it ends with the cell's text, trimmed
/// and without a trailing ":" or "*", perhaps after the heading it is read
/// under ("Next of kin: "), which the cell does not hold. One stretch per
/// line of the cell's paragraphs; none when the label is not the cell's text.
fn from_cell(label: &str, cell: &Cell) -> Vec<TextOrigin> {
    let text = cell.text();
    let own = text.trim().trim_end_matches([':', '*']).trim();
    let Some(prefix) = label.strip_suffix(own).map(str::len) else {
        return Vec::new();
    };
    let lead = text.len() - text.trim_start().len();
    let (from, to) = (lead, lead + own.len());
    let mut origins = Vec::new();
    let mut at = 0;
    for paragraph in &cell.paragraphs {
        let mut offset = 0;
        for line in paragraph.text.split('\n') {
            let (start, end) = ((at + offset).max(from), (at + offset + line.len()).min(to));
            if start < end {
                origins.push(TextOrigin {
                    start: prefix + start - from,
                    end: prefix + end - from,
                    source: paragraph.source.clone(),
                    offset: offset + start - (at + offset),
                });
            }
            offset += line.len() + 1;
        }
        at += paragraph.text.len() + 1;
    }
    origins
}

/// The cells of an HTML table that a field's label was read from whole (the
/// text in the cell before a control's), as (row index, cell index).
pub(super) fn html_label_cells(table: &Table) -> BTreeSet<(usize, usize)> {
    let cells = || {
        table
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().map(move |c| (r, c)))
    };
    let labels: Vec<&Source> = cells()
        .flat_map(|(_, c)| &c.fields)
        .filter_map(|f| f.label_source.as_ref())
        .collect();
    cells()
        .filter(|(_, c)| labels.contains(&&c.source))
        .map(|(r, c)| (r.index, c.index))
        .collect()
}

/// The question and answer cells (the first two) of the rows of a form
/// table read into fields, as (row index, cell index).
pub(super) fn question_cells(
    table: &Table,
    rows: impl Iterator<Item = usize>,
) -> BTreeSet<(usize, usize)> {
    let rows: BTreeSet<usize> = rows.collect();
    table
        .rows
        .iter()
        .filter(|r| rows.contains(&r.index))
        .flat_map(|r| r.cells.iter().take(2).map(|c| (r.index, c.index)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::recognise::test_tables::table;

    #[test]
    fn a_label_read_under_its_heading_starts_at_the_cells_words() {
        let t = table(&[&["Name of husband\nor wife:", ""]], false);
        let cell = &t.rows[0].cells[0];
        let label = "Next of kin: Name of husband\nor wife";
        let origins = from_cell(label, cell);
        let stretches: Vec<(&str, usize)> = origins
            .iter()
            .map(|o| (&label[o.start..o.end], o.offset))
            .collect();
        assert_eq!(stretches, [("Name of husband", 0), ("or wife", 0)]);
        assert_eq!(origins[1].source, cell.paragraphs[1].source);
        assert!(from_cell("Something else", cell).is_empty());
    }

    #[test]
    fn a_field_rows_question_and_answer_cells_are_left_out() {
        let t = table(&[&["Title", "☐ Mr ☐ Ms", "note"], &["Other", "x"]], false);
        let cells = question_cells(&t, [0].into_iter());
        assert_eq!(cells, BTreeSet::from([(0, 0), (0, 1)]));
    }
}
