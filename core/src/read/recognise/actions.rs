//! Action tables: a header row naming action, owner or lead, date and
//! measure columns; each row under it an action.

use super::document_control::parse_date;
use super::eia_table::cell_at;
use super::vocabulary::{Vocabulary, any_word};
use crate::model::Action;
use crate::read::document::Table;

/// Reads `table` as an action table, or `None` when its header names no
/// action column and no owner or date column. Each action comes with the
/// row index it was read from.
pub(super) fn read(
    table: &Table,
    vocabulary: &Vocabulary,
    already: usize,
) -> Option<Vec<(Action, usize)>> {
    let headers = &vocabulary.action_headers;
    // The header is the last row before the data: find the first row whose cells name an action column.
    // With two header rows, the one nearest the data names the columns.
    let (header_at, columns) = table
        .rows
        .iter()
        .take(3)
        .enumerate()
        .filter_map(|(i, row)| {
            // Grid columns, so a header cell spanning two columns lines up with the data.
            let mut start = 0;
            let texts: Vec<(usize, String)> = row
                .cells
                .iter()
                .map(|c| {
                    let at = start;
                    start += usize::try_from(c.span.max(1)).unwrap_or(1);
                    (at, c.text().to_lowercase())
                })
                .collect();
            let find = |words: &[String]| {
                texts
                    .iter()
                    .find(|(_, t)| t.len() < 60 && any_word(t, words))
                    .map(|(at, _)| *at)
            };
            let action = find(&headers.action)?;
            let owner = find(&headers.owner);
            let due = find(&headers.due);
            (owner.is_some() || due.is_some())
                .then(|| (i, (action, owner, due, find(&headers.measure))))
        })
        .next_back()?;
    let (action_col, owner_col, due_col, measure_col) = columns;
    let mut actions = Vec::new();
    for row in table.rows.iter().skip(header_at + 1) {
        if row.header {
            continue;
        }
        let cell = |col: Option<usize>| {
            col.and_then(|c| cell_at(row, c))
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty())
        };
        let Some(description) = cell(Some(action_col)) else {
            continue;
        };
        let first = cell(Some(0)).filter(|_| action_col != 0);
        let id = first
            .filter(|t| t.len() <= 8)
            .unwrap_or_else(|| format!("A{}", already + actions.len() + 1));
        actions.push((
            Action {
                id,
                description,
                owner: cell(owner_col),
                due: cell(due_col).and_then(|t| parse_date(&t)),
                measure: cell(measure_col.filter(|m| Some(*m) != due_col)),
            },
            row.index,
        ));
    }
    (!actions.is_empty()).then_some(actions)
}
