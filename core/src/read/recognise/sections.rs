//! Sections from a document's blocks: a heading starts one, text before the
//! first heading goes into an opening section, and each piece of a section's
//! text remembers the block it came from, so a finding in the text can be
//! placed on its paragraph, cell or HTML line.

use super::places::{Piece, SectionSources};
use crate::model::Section;
use crate::read::document::{Source, Table};

/// A section, the place of its start for people, and its pieces' sources.
type Built = (Section, String, SectionSources);

#[derive(Default)]
pub(super) struct SectionBuilder {
    sections: Vec<Built>,
    current: Option<Built>,
}

impl SectionBuilder {
    pub fn start(&mut self, heading: &str, source: &Source) {
        self.flush();
        self.current = Some((
            Section {
                id: String::new(),
                heading: heading.trim().to_owned(),
                text: String::new(),
            },
            source.place(),
            SectionSources {
                heading: Some(source.clone()),
                pieces: Vec::new(),
            },
        ));
    }

    /// Adds a line read from `source`, whose first `skip` bytes the reader
    /// added (a list item's "- ").
    pub fn push_line(&mut self, line: &str, skip: usize, source: &Source) {
        self.push_pieces(line, &[(0, skip, source)]);
    }

    /// Adds a line made of pieces, each (start in the line, bytes the reader
    /// added there, where it came from).
    fn push_pieces(&mut self, line: &str, pieces: &[(usize, usize, &Source)]) {
        if line.trim().is_empty() {
            return;
        }
        let (section, _, sources) = self.current.get_or_insert_with(|| {
            (
                Section {
                    id: String::new(),
                    heading: String::new(),
                    text: String::new(),
                },
                pieces.first().map_or_else(String::new, |p| p.2.place()),
                SectionSources::default(),
            )
        });
        if !section.text.is_empty() {
            section.text.push('\n');
        }
        let at = section.text.len();
        sources
            .pieces
            .extend(pieces.iter().map(|&(start, skip, source)| Piece {
                at: at + start,
                skip,
                source: source.clone(),
            }));
        section.text.push_str(line);
    }

    /// A table's rows as lines, cells joined by " | " and a cell's
    /// paragraphs by " / ", so term rules read them; each paragraph is a
    /// piece, so a finding lands on its cell.
    pub fn push_table_text(&mut self, table: &Table) {
        for row in &table.rows {
            let mut line = String::new();
            let mut pieces: Vec<(usize, usize, &Source)> = Vec::new();
            for cell in row.cells.iter().filter(|c| !c.merged_above) {
                if !pieces.is_empty() || !line.is_empty() {
                    line.push_str(" | ");
                }
                if cell.paragraphs.is_empty() {
                    pieces.push((line.len(), 0, &cell.source));
                }
                for (i, paragraph) in cell.paragraphs.iter().enumerate() {
                    if i > 0 {
                        line.push_str(" / ");
                    }
                    pieces.push((line.len(), 0, &paragraph.source));
                    line.push_str(&paragraph.text.replace('\n', " / "));
                }
            }
            if pieces.is_empty() {
                pieces.push((0, 0, &table.source));
            }
            self.push_pieces(&line, &pieces);
        }
    }

    fn flush(&mut self) {
        if let Some(built) = self.current.take()
            && !(built.0.heading.is_empty() && built.0.text.trim().is_empty())
        {
            self.sections.push(built);
        }
    }

    /// The sections with their ids, each one's place, and its pieces' sources.
    pub fn finish(mut self) -> (Vec<Section>, Vec<String>, Vec<SectionSources>) {
        self.flush();
        let mut used = std::collections::BTreeSet::new();
        for (i, (section, _, _)) in self.sections.iter_mut().enumerate() {
            let mut id = slug(&section.heading);
            if id.is_empty() {
                id = format!("section-{}", i + 1);
            }
            if !used.insert(id.clone()) {
                id = format!("{id}-{}", i + 1);
                used.insert(id.clone());
            }
            section.id = id;
        }
        let mut sections = Vec::with_capacity(self.sections.len());
        let mut places = Vec::with_capacity(self.sections.len());
        let mut sources = Vec::with_capacity(self.sections.len());
        for (section, place, source) in self.sections {
            sections.push(section);
            places.push(place);
            sources.push(source);
        }
        (sections, places, sources)
    }
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out.chars().take(60).collect()
}
