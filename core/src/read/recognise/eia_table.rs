//! EIA screening tables: a row per characteristic, impact from ticks in
//! Positive / Negative / Neutral columns or from words, and an evidence or
//! comments column. The author's label is kept beside the matched group.

use super::Unplaced;
use super::vocabulary::{Vocabulary, any_word};
use crate::model::{GroupAssessment, Impact};
use crate::read::document::{Row, TICKED, Table};

/// Fewest characteristic rows for a table to count as an EIA table.
const MIN_ROWS: usize = 3;

/// What an EIA table gave: a group per recognised row, and rows that looked
/// like characteristics but matched none.
pub(super) struct EiaRead {
    pub groups: Vec<(GroupAssessment, usize)>,
    pub unplaced: Vec<Unplaced>,
}

/// What each grid column holds, from the header rows.
#[derive(Default)]
struct Columns {
    positive: Option<usize>,
    negative: Option<usize>,
    neutral: Option<usize>,
    impact: Option<usize>,
    evidence: Option<usize>,
}

/// Reads `table` as an EIA screening table, or `None` when it is not one.
/// Each group comes with the 0-based row index it was read from.
pub(super) fn read(table: &Table, vocabulary: &Vocabulary) -> Option<EiaRead> {
    let matched = table
        .rows
        .iter()
        .filter(|row| label_of(row).is_some_and(|l| vocabulary.group_for(&l).is_some()))
        .count();
    if matched < MIN_ROWS {
        return None;
    }
    let mut columns = Columns::default();
    let mut read = EiaRead {
        groups: Vec::new(),
        unplaced: Vec::new(),
    };
    let mut seen_data = false;
    for row in &table.rows {
        let Some(label) = label_of(row) else { continue };
        match vocabulary.group_for(&label) {
            Some(group) if !row.header || seen_data => {
                seen_data = true;
                let impact = impact_of(row, &columns, vocabulary);
                let evidence = columns
                    .evidence
                    .and_then(|c| cell_at(row, c))
                    .map(|t| t.trim().to_owned())
                    .filter(|t| !t.is_empty() && !matches!(t.as_str(), "-" | "–" | "n/a"));
                read.groups.push((
                    GroupAssessment {
                        group,
                        label: Some(label.trim().to_owned()),
                        impact,
                        evidence,
                        mitigation: None,
                        actions: Vec::new(),
                    },
                    row.index,
                ));
            }
            _ if !seen_data => learn_columns(row, &mut columns, vocabulary),
            _ => read.unplaced.push(Unplaced {
                place: row
                    .cells
                    .first()
                    .map_or_else(|| table.source.place(), |c| c.source.place()),
                why: format!(
                    "EIA row \"{}\" names no characteristic dueregard knows",
                    label.trim()
                ),
            }),
        }
    }
    // Without an impact or evidence column, only rows that state an impact make it an EIA.
    let has_columns = columns.positive.is_some()
        || columns.negative.is_some()
        || columns.neutral.is_some()
        || columns.impact.is_some()
        || columns.evidence.is_some();
    let stated = read
        .groups
        .iter()
        .filter(|(g, _)| g.impact != Impact::Unknown)
        .count();
    (has_columns || stated >= MIN_ROWS).then_some(read)
}

/// The row's first cell, when it reads like a characteristic label (not a
/// question such as "What is your sex?", which is a form row).
fn label_of(row: &Row) -> Option<String> {
    let text = row.cells.first()?.text();
    let trimmed = text.trim();
    (!trimmed.is_empty() && !trimmed.ends_with('?') && trimmed.chars().count() <= 80)
        .then_some(text)
}

/// The text of the cell covering grid column `col`.
pub(super) fn cell_at(row: &Row, col: usize) -> Option<String> {
    let mut start = 0;
    for cell in &row.cells {
        let span = usize::try_from(cell.span.max(1)).unwrap_or(1);
        if col >= start && col < start + span {
            return Some(cell.text());
        }
        start += span;
    }
    None
}

fn learn_columns(row: &Row, columns: &mut Columns, vocabulary: &Vocabulary) {
    let mut start = 0;
    for cell in &row.cells {
        let text = cell.text().to_lowercase();
        let span = usize::try_from(cell.span.max(1)).unwrap_or(1);
        let words = &vocabulary.impacts;
        let evidence = &vocabulary.evidence_headers;
        // A spanning "Impact" cell only labels the columns under it.
        if span == 1 {
            if any_word(&text, &words.negative) {
                columns.negative = Some(start);
            } else if any_word(&text, &words.positive) {
                columns.positive = Some(start);
            } else if any_word(&text, &words.neutral) && !opens_with(&text, evidence) {
                // "Notes" starts with the neutral word "no", but is a notes column.
                columns.neutral = Some(start);
            } else if any_word(&text, evidence) {
                columns.evidence = Some(start);
            } else if text.contains("impact") && start > 0 {
                columns.impact = Some(start);
            }
        }
        start += span;
    }
    // A header that says "Evidence" in the impact column too: keep the later one for evidence.
}

/// Whether `text` (lowercase) opens with one of `words`.
fn opens_with(text: &str, words: &[String]) -> bool {
    let text = text.trim_start();
    words.iter().any(|w| text.starts_with(&w.to_lowercase()))
}

fn impact_of(row: &Row, columns: &Columns, vocabulary: &Vocabulary) -> Impact {
    let ticked = |col: Option<usize>| {
        col.and_then(|c| cell_at(row, c))
            .is_some_and(|t| t.contains(TICKED) || t.trim().eq_ignore_ascii_case("x"))
    };
    let tick_columns = [
        (columns.negative, Impact::Negative),
        (columns.positive, Impact::Positive),
        (columns.neutral, Impact::Neutral),
    ];
    if tick_columns.iter().any(|(c, _)| c.is_some()) {
        if let Some((_, impact)) = tick_columns.iter().find(|(c, _)| ticked(*c)) {
            return *impact;
        }
    }
    // Impact in words: the impact column, else every cell but the label and evidence.
    let texts: Vec<String> = match columns.impact.and_then(|c| cell_at(row, c)) {
        Some(text) => vec![text],
        None => row
            .cells
            .iter()
            .skip(1)
            .enumerate()
            .filter(|(i, _)| Some(i + 1) != columns.evidence)
            .map(|(_, c)| c.text())
            .collect(),
    };
    for text in texts {
        let first_line = text.lines().next().unwrap_or("").to_lowercase();
        let words = &vocabulary.impacts;
        if any_word(&first_line, &words.negative) {
            return Impact::Negative;
        }
        if any_word(&first_line, &words.positive) {
            return Impact::Positive;
        }
        if any_word(&first_line, &words.neutral) {
            return Impact::Neutral;
        }
    }
    Impact::Unknown
}
