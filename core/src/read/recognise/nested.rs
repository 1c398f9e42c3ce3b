//! Tables nested in a layout table's cell. The readers flatten each into
//! its cell as a paragraph per row, cells joined by tabs; here they are
//! rebuilt so the table readers can read an EIA grid or action plan
//! wherever a template puts it.

use crate::read::document::{Cell, DocxPlace, Paragraph, Row, Source, Step, Table};

/// Fewest rows for tabbed lines to count as a table.
const MIN_ROWS: usize = 2;

/// Each table flattened into a cell of `table`, rebuilt: a Word table with
/// its own place ("table 1 › row 2 › cell 1 › table 1") and rows numbered
/// as in the document; an HTML one placed at its cell.
pub(super) fn tables_in(table: &Table) -> Vec<Table> {
    let mut found = Vec::new();
    for cell in table.rows.iter().flat_map(|r| &r.cells) {
        let mut run: Vec<&Paragraph> = Vec::new();
        for paragraph in cell.paragraphs.iter().map(Some).chain([None]) {
            let continues = paragraph.is_some_and(|p| {
                p.text.contains('\t')
                    && run
                        .last()
                        .is_none_or(|last| same_table(&last.source, &p.source))
            });
            if continues {
                run.extend(paragraph);
                continue;
            }
            if run.len() >= MIN_ROWS {
                found.push(rebuild(&run, &cell.source));
            }
            run.clear();
            run.extend(paragraph.filter(|p| p.text.contains('\t')));
        }
    }
    found
}

/// The nested table's own place, and the row's index in it, for a Word row.
fn parent(source: &Source) -> Option<(Vec<Step>, usize)> {
    let Source::Docx(DocxPlace { path }) = source else {
        return None;
    };
    match path.split_last() {
        Some((Step::Row(row), table)) => Some((table.to_vec(), *row)),
        _ => None,
    }
}

/// Whether two flattened rows come from the same nested table.
fn same_table(a: &Source, b: &Source) -> bool {
    parent(a).map(|(table, _)| table) == parent(b).map(|(table, _)| table)
}

fn rebuild(lines: &[&Paragraph], cell: &Source) -> Table {
    let rows = lines
        .iter()
        .enumerate()
        .map(|(at, line)| Row {
            index: parent(&line.source).map_or(at, |(_, row)| row),
            header: false,
            cells: line
                .text
                .split('\t')
                .enumerate()
                .map(|(i, text)| Cell {
                    index: i,
                    span: 1,
                    merged_above: false,
                    header: false,
                    paragraphs: (!text.trim().is_empty())
                        .then(|| Paragraph {
                            text: text.to_owned(),
                            list_level: None,
                            style: None,
                            source: line.source.clone(),
                        })
                        .into_iter()
                        .collect(),
                    fields: Vec::new(),
                    source: line.source.clone(),
                })
                .collect(),
        })
        .collect();
    let source = match lines.first().and_then(|l| parent(&l.source)) {
        Some((path, _)) => Source::Docx(DocxPlace { path }),
        None => cell.clone(),
    };
    Table {
        rows,
        caption: None,
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Group, Impact};
    use crate::read::recognise::eia_table;
    use crate::read::recognise::test_tables::table;
    use crate::read::recognise::vocabulary::Vocabulary;

    /// A one-column layout table whose second cell holds a grid, flattened
    /// as the Word reader flattens it.
    fn layout() -> Table {
        let mut outer = table(&[&["Part B: screening"], &["Groups:"]], false);
        let cell = &mut outer.rows[1].cells[0];
        let at = vec![Step::Table(0), Step::Row(1), Step::Cell(0), Step::Table(0)];
        let rows = [
            "Group\tImpact\tNotes",
            "Age\t\u{2612} Neutral\tDose is weight-based.",
            "Disability\t\u{2612} Positive\tLarge print.",
            "Sexual orientation\t\u{2612} Neutral\t",
        ];
        for (r, text) in rows.into_iter().enumerate() {
            cell.paragraphs.push(Paragraph {
                text: text.to_owned(),
                list_level: None,
                style: None,
                source: Source::Docx(DocxPlace {
                    path: [at.clone(), vec![Step::Row(r)]].concat(),
                }),
            });
        }
        cell.paragraphs.push(Paragraph {
            text: "Screened by the pharmacist.".to_owned(),
            list_level: None,
            style: None,
            source: Source::Docx(DocxPlace {
                path: vec![
                    Step::Table(0),
                    Step::Row(1),
                    Step::Cell(0),
                    Step::Paragraph(5),
                ],
            }),
        });
        outer
    }

    #[test]
    fn an_eia_grid_nested_in_a_layout_table_is_read_in_its_place() {
        let found = tables_in(&layout());
        assert_eq!(found.len(), 1, "one nested table");
        let inner = &found[0];
        assert_eq!(inner.source.place(), "table 1 › row 2 › cell 1 › table 1");
        let read = eia_table::read(inner, Vocabulary::built_in()).expect("an EIA grid");
        let groups: Vec<(Group, Impact, usize)> = read
            .groups
            .iter()
            .map(|(g, row)| (g.group, g.impact, *row))
            .collect();
        assert_eq!(
            groups,
            [
                (Group::Age, Impact::Neutral, 1),
                (Group::Disability, Impact::Positive, 2),
                (Group::SexualOrientation, Impact::Neutral, 3),
            ]
        );
        assert_eq!(
            read.groups[0].0.evidence.as_deref(),
            Some("Dose is weight-based."),
            "a Notes column is the evidence"
        );
    }

    #[test]
    fn a_table_with_no_nested_grid_gives_none() {
        let plain = table(&[&["Name", "Role"], &["A\tB", "C"]], false);
        assert!(tables_in(&plain).is_empty(), "one tabbed line is no table");
    }
}
