//! Sections from the document's blocks: a heading starts one, text before
//! the first heading goes into an opening section. Each stretch of a
//! section's text remembers the paragraph it came from ([`TextOrigin`]), so
//! a finding's span can be traced back into the document (Word comments).

use crate::model::Section;
use crate::read::document::{Source, Table};

/// Where a stretch of a section's text was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextOrigin {
    /// Byte offset in the section's text where the stretch starts.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// The paragraph (or, for an HTML field's label, the field) it came from.
    pub source: Source,
    /// Byte offset in that paragraph's text where the stretch starts.
    pub offset: usize,
}

/// Where one section came from: its heading and its text's stretches.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SectionOrigins {
    /// The heading's block; `None` for an opening section without one.
    pub heading: Option<Source>,
    /// The text's stretches, in order; separators (newlines, " | ",
    /// list-item dashes) belong to none.
    pub text: Vec<TextOrigin>,
}

struct Building {
    section: Section,
    place: String,
    origins: SectionOrigins,
}

#[derive(Default)]
pub(super) struct SectionBuilder {
    sections: Vec<Building>,
    current: Option<Building>,
}

impl SectionBuilder {
    pub(super) fn start(&mut self, heading: &str, source: &Source) {
        self.flush();
        self.current = Some(Building {
            section: Section {
                id: String::new(),
                heading: heading.trim().to_owned(),
                text: String::new(),
            },
            place: source.place(),
            origins: SectionOrigins {
                heading: Some(source.clone()),
                text: Vec::new(),
            },
        });
    }

    /// Adds a line: `prefix` (a list item's dash) and then `text`, all read from `source`.
    pub(super) fn push_line(&mut self, prefix: &str, text: &str, source: &Source) {
        if prefix.trim().is_empty() && text.trim().is_empty() {
            return;
        }
        let building = self.line_start(source);
        building.section.text.push_str(prefix);
        let start = building.section.text.len();
        building.section.text.push_str(text);
        building.origins.text.push(TextOrigin {
            start,
            end: start + text.len(),
            source: source.clone(),
            offset: 0,
        });
    }

    /// A table's rows as lines, cells joined by " | " and a cell's lines by
    /// " / ", so term rules read them.
    pub(super) fn push_table_text(&mut self, table: &Table) {
        for row in &table.rows {
            let cells: Vec<_> = row.cells.iter().filter(|c| !c.merged_above).collect();
            let texts: Vec<String> = cells
                .iter()
                .map(|c| c.text().replace('\n', " / "))
                .collect();
            if texts.join(" | ").trim().is_empty() {
                continue;
            }
            let building = self.line_start(&table.source);
            let text = &mut building.section.text;
            for (i, cell) in cells.iter().enumerate() {
                if i > 0 {
                    text.push_str(" | ");
                }
                for (j, paragraph) in cell.paragraphs.iter().enumerate() {
                    if j > 0 {
                        text.push_str(" / ");
                    }
                    let mut offset = 0;
                    for (k, line) in paragraph.text.split('\n').enumerate() {
                        if k > 0 {
                            text.push_str(" / ");
                        }
                        let start = text.len();
                        text.push_str(line);
                        building.origins.text.push(TextOrigin {
                            start,
                            end: start + line.len(),
                            source: paragraph.source.clone(),
                            offset,
                        });
                        offset += line.len() + 1;
                    }
                }
            }
        }
    }

    /// The section a new line goes into, with the newline before it written.
    fn line_start(&mut self, source: &Source) -> &mut Building {
        let building = self.current.get_or_insert_with(|| Building {
            section: Section {
                id: String::new(),
                heading: String::new(),
                text: String::new(),
            },
            place: source.place(),
            origins: SectionOrigins::default(),
        });
        if !building.section.text.is_empty() {
            building.section.text.push('\n');
        }
        building
    }

    fn flush(&mut self) {
        if let Some(building) = self.current.take()
            && !(building.section.heading.is_empty() && building.section.text.trim().is_empty())
        {
            self.sections.push(building);
        }
    }

    pub(super) fn finish(mut self) -> (Vec<Section>, Vec<String>, Vec<SectionOrigins>) {
        self.flush();
        let mut used = std::collections::BTreeSet::new();
        let mut sections = Vec::with_capacity(self.sections.len());
        let mut places = Vec::with_capacity(self.sections.len());
        let mut origins = Vec::with_capacity(self.sections.len());
        for (i, mut building) in self.sections.into_iter().enumerate() {
            let mut id = slug(&building.section.heading);
            if id.is_empty() {
                id = format!("section-{}", i + 1);
            }
            if !used.insert(id.clone()) {
                id = format!("{id}-{}", i + 1);
                used.insert(id.clone());
            }
            building.section.id = id;
            sections.push(building.section);
            places.push(building.place);
            origins.push(building.origins);
        }
        (sections, places, origins)
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
