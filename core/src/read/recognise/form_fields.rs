//! Form fields: HTML controls as the reader gives them; Word tables whose
//! answer cells hold ☐ options or one option per line; "(M/F)" in a label;
//! and "Label: option / option" lines.

use super::vocabulary::Vocabulary;
use crate::model::{Field, FieldKind};
use crate::read::document::{Control, FormField, Requirement, TICKED, Table, UNTICKED};

/// A field from an HTML form control.
pub(super) fn from_html(field: &FormField, index: usize) -> Field {
    let options: Vec<String> = field
        .options
        .iter()
        .map(|o| o.label.trim().to_owned())
        .collect();
    let kind = match &field.control {
        Control::Select { multiple: true } => FieldKind::MultipleChoice,
        Control::Select { multiple: false } | Control::Radio => FieldKind::SingleChoice,
        Control::Checkbox if options.len() > 1 => FieldKind::MultipleChoice,
        Control::Checkbox => FieldKind::Boolean,
        Control::Text { input_type } if input_type == "date" => FieldKind::Date,
        Control::Text { input_type } if input_type == "number" => FieldKind::Number,
        Control::Text { .. } | Control::TextArea => FieldKind::Text,
    };
    Field {
        id: field_id(field.name.as_deref().unwrap_or(&field.label), index),
        label: clean_label(&field.label),
        kind,
        options,
        required: matches!(
            field.required,
            Requirement::RequiredAttribute | Requirement::RequiredInLabel
        ),
        purpose: field.hint.clone(),
        field_use: None,
    }
}

/// Where a table is: on a form already (fields read before it), and under
/// which heading.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Context<'a> {
    pub in_form: bool,
    pub heading: Option<&'a str>,
}

/// Fields from a key/value table: the first cell the question, the second
/// the answer space. The table counts as a form when at least one row
/// offers choices (☐ boxes, an option per line, or "(M/F)"); then plain
/// rows are text fields. On a form, a table of questions with blank
/// answer spaces is one too, and its labels are read under its heading
/// ("Next of kin: Telephone"), as the person filling it in reads them.
/// Each field comes with its row index.
pub(super) fn from_table(
    table: &Table,
    _vocabulary: &Vocabulary,
    index: usize,
    context: Context<'_>,
) -> Vec<(Field, usize)> {
    let fields = choice_table(table, index);
    if !fields.is_empty() || !context.in_form {
        return fields;
    }
    blank_table(table, index, context.heading)
}

/// Two cells a row, every answer cell blank or a line to write on.
fn blank_table(table: &Table, index: usize, heading: Option<&str>) -> Vec<(Field, usize)> {
    let blank = |text: &str| {
        text.chars()
            .all(|c| c.is_whitespace() || matches!(c, '_' | '.' | '/' | '-'))
    };
    let questions = table.rows.len() >= 2
        && table.rows.iter().all(|row| {
            row.cells.len() == 2
                && !row.header
                && row.cells[1].fields.is_empty()
                && blank(&row.cells[1].text())
                && (1..=120).contains(&clean_label(&row.cells[0].text()).chars().count())
        });
    if !questions {
        return Vec::new();
    }
    let heading = heading.map(str::trim).filter(|h| !h.is_empty());
    table
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let own = clean_label(&row.cells[0].text());
            let label = match heading {
                Some(h) if !own.to_lowercase().contains(&h.to_lowercase()) => {
                    format!("{h}: {own}")
                }
                _ => own,
            };
            (
                Field {
                    id: field_id(&label, index + i),
                    label,
                    kind: FieldKind::Text,
                    options: Vec::new(),
                    required: false,
                    purpose: None,
                    field_use: None,
                },
                row.index,
            )
        })
        .collect()
}

/// A table with at least one row offering choices.
fn choice_table(table: &Table, index: usize) -> Vec<(Field, usize)> {
    let mut fields = Vec::new();
    let mut any_choice = false;
    for row in &table.rows {
        let Some(label_cell) = row.cells.first() else {
            continue;
        };
        let label = clean_label(&label_cell.text());
        if label.is_empty() || label.chars().count() > 120 {
            continue;
        }
        let answer = row.cells.get(1).map(|c| c.text()).unwrap_or_default();
        let (kind, options) = match choices(&label, &answer) {
            Some(options) => {
                any_choice = true;
                (FieldKind::SingleChoice, options)
            }
            None if row.cells.len() == 2 && !has_box(&answer) => (FieldKind::Text, Vec::new()),
            None => continue,
        };
        if kind == FieldKind::Text && row.header {
            continue;
        }
        fields.push((
            Field {
                id: field_id(&label, index + fields.len()),
                label,
                kind,
                options,
                required: false,
                purpose: None,
                field_use: None,
            },
            row.index,
        ));
    }
    if any_choice { fields } else { Vec::new() }
}

/// Fields from lines of text: "Gender: Male / Female", "Sex (M/F)".
pub(super) fn from_line(line: &str, index: usize) -> Option<Field> {
    let (label, rest) = match line.split_once(':') {
        Some((label, rest)) => (label, rest),
        None => (line, ""),
    };
    let label = clean_label(label);
    if label.is_empty() || label.chars().count() > 60 {
        return None;
    }
    let options = choices(&label, rest).filter(|o| o.len() >= 2)?;
    Some(Field {
        id: field_id(&label, index),
        label,
        kind: FieldKind::SingleChoice,
        options,
        required: false,
        purpose: None,
        field_use: None,
    })
}

/// The options an answer offers, or `None` when it offers no choice.
fn choices(label: &str, answer: &str) -> Option<Vec<String>> {
    if has_box(answer) {
        let options: Vec<String> = answer
            .split([TICKED, UNTICKED])
            .map(|o| o.trim().trim_end_matches(['/', ',']).trim().to_owned())
            .filter(|o| !o.is_empty())
            .collect();
        return (!options.is_empty()).then_some(options);
    }
    if let Some(inner) = label.split('(').nth(1).and_then(|s| s.split(')').next())
        && inner.len() <= 12
        && inner.contains('/')
        && inner.split('/').all(|p| (1..=2).contains(&p.trim().len()))
    {
        return Some(inner.split('/').map(|p| p.trim().to_owned()).collect());
    }
    let lines: Vec<&str> = answer
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() >= 2 && lines.iter().all(|l| l.chars().count() <= 50) {
        return Some(lines.iter().map(|l| (*l).to_owned()).collect());
    }
    let parts: Vec<&str> = answer
        .split('/')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.chars().count() <= 30 && p.chars().any(char::is_alphabetic))
    {
        return Some(parts.iter().map(|p| (*p).to_owned()).collect());
    }
    None
}

fn has_box(text: &str) -> bool {
    text.contains(TICKED) || text.contains(UNTICKED)
}

fn clean_label(text: &str) -> String {
    text.trim().trim_end_matches([':', '*']).trim().to_owned()
}

fn field_id(text: &str, index: usize) -> String {
    let mut id: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    id = id
        .split('_')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("_");
    id.truncate(40);
    if id.is_empty() {
        format!("field_{}", index + 1)
    } else {
        format!("{id}_{}", index + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::recognise::test_tables::table;

    fn next_of_kin() -> Table {
        table(
            &[
                &["Name of husband / wife or nearest relative:", ""],
                &["Relationship to you:", ""],
                &["Telephone:", "____________"],
            ],
            false,
        )
    }

    #[test]
    fn on_a_form_blank_answer_rows_are_fields_read_under_their_heading() {
        let v = Vocabulary::built_in();
        let context = Context {
            in_form: true,
            heading: Some("Next of kin"),
        };
        let fields = from_table(&next_of_kin(), v, 4, context);
        let labels: Vec<(&str, FieldKind, usize)> = fields
            .iter()
            .map(|(f, row)| (f.label.as_str(), f.kind, *row))
            .collect();
        assert_eq!(
            labels,
            [
                (
                    "Next of kin: Name of husband / wife or nearest relative",
                    FieldKind::Text,
                    0
                ),
                ("Next of kin: Relationship to you", FieldKind::Text, 1),
                ("Next of kin: Telephone", FieldKind::Text, 2),
            ]
        );
        assert_eq!(fields[1].0.id, "next_of_kin_relationship_to_you_6");
    }

    #[test]
    fn blank_answer_rows_outside_a_form_or_with_answers_are_not_fields() {
        let v = Vocabulary::built_in();
        let outside = Context {
            in_form: false,
            heading: Some("Next of kin"),
        };
        assert!(from_table(&next_of_kin(), v, 0, outside).is_empty());
        let answered = table(&[&["Owner:", "Head of HR"], &["Version:", "2"]], false);
        let inside = Context {
            in_form: true,
            heading: None,
        };
        assert!(from_table(&answered, v, 0, inside).is_empty());
    }
}
