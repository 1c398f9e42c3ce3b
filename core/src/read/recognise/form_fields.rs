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

/// Fields from a key/value table: the first cell the question, the second
/// the answer space. The table counts as a form only when at least one row
/// offers choices (☐ boxes, an option per line, or "(M/F)"); then plain
/// rows are text fields. Each field comes with its row index.
pub(super) fn from_table(
    table: &Table,
    _vocabulary: &Vocabulary,
    index: usize,
) -> Vec<(Field, usize)> {
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
