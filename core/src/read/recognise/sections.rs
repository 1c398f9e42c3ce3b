//! Sections from the document's blocks: a heading starts one, text before
//! the first heading goes into an opening section. Each stretch of a
//! section's text remembers the paragraph it came from ([`TextOrigin`]), so
//! a finding's span can be traced back into the document (Word comments).

use std::collections::BTreeSet;

use crate::model::{Section, Waiver};
use crate::read::document::{DocumentComment, Source, Table};
use crate::read::inline_waivers::{Directive, WaiverScope, parse_directive};

/// Where a stretch of a section's text was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextOrigin {
    /// Byte offset in the section's text where the stretch starts.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// The paragraph it came from (a table cell's, for table text).
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
    /// Directive comments read (inline waivers), to apply once sections have ids.
    waivers: Vec<PendingWaiver>,
}

/// A directive comment read: the index its section has (or will have) in
/// the builder's sections, if any; the directive; the paragraph `waive-next`
/// covers, and the ids of the form fields read from its block.
struct PendingWaiver {
    section: Option<usize>,
    directive: Directive,
    paragraph: Option<(usize, usize)>,
    fields: Vec<String>,
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
        self.push_table_text_without(table, &BTreeSet::new());
    }

    /// As [`SectionBuilder::push_table_text`], leaving out the cells at
    /// (row index, cell index) in `left_out`: a form's questions read into
    /// fields, whose words are then the fields' own (term rules read them
    /// at `/fields/i/label`), so a term in one is reported once.
    pub(super) fn push_table_text_without(
        &mut self,
        table: &Table,
        left_out: &BTreeSet<(usize, usize)>,
    ) {
        for row in &table.rows {
            let cells: Vec<_> = row
                .cells
                .iter()
                .filter(|c| !c.merged_above && !left_out.contains(&(row.index, c.index)))
                .collect();
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
        let at = self.sections.len();
        let waived = self.waivers.iter().any(|w| w.section == Some(at));
        if let Some(building) = self.current.take()
            && (waived
                || !(building.section.heading.is_empty()
                    && building.section.text.trim().is_empty()))
        {
            self.sections.push(building);
        }
    }

    /// The section being built (its index once pushed) and its text's length.
    pub(super) fn position(&self) -> Option<(usize, usize)> {
        let building = self.current.as_ref()?;
        Some((self.sections.len(), building.section.text.len()))
    }

    /// Records a directive comment, given where the section text stood
    /// before and after its block was read. `waive` applies to the section
    /// the comment is in: the block's own section for a Word comment anchored
    /// in it, the section before the block for an HTML comment written before
    /// it. `waive-next` covers the block's text and `fields`, the ids of
    /// the form fields read from the block (a form question's label is the
    /// field's, not section text).
    pub(super) fn attach(
        &mut self,
        comment: &DocumentComment,
        before: Option<(usize, usize)>,
        after: Option<(usize, usize)>,
        fields: &[String],
    ) {
        let Some(directive) = parse_directive(&comment.text) else {
            return;
        };
        let (section, paragraph) = match directive.scope {
            WaiverScope::Section => {
                let section = if comment.inside {
                    after
                } else {
                    before.or(after)
                };
                (section.map(|(s, _)| s), None)
            }
            WaiverScope::NextParagraph => match after {
                Some((s, end)) => {
                    let start = match before {
                        Some((b, len)) if b == s => len,
                        _ => 0,
                    };
                    let text = self
                        .current
                        .as_ref()
                        .map_or("", |b| b.section.text.as_str());
                    // Past the line break that joined the block to the text before.
                    let start = if text[start..end].starts_with('\n') {
                        start + 1
                    } else {
                        start
                    };
                    (Some(s), (start < end).then_some((start, end)))
                }
                None => (None, None),
            },
        };
        let fields = match directive.scope {
            WaiverScope::NextParagraph => fields.to_vec(),
            WaiverScope::Section => Vec::new(),
        };
        // A block with no text, only fields: the waiver is theirs alone.
        let section = section.filter(|_| paragraph.is_some() || fields.is_empty());
        self.waivers.push(PendingWaiver {
            section,
            directive,
            paragraph,
            fields,
        });
    }

    /// The sections with their ids, places and origins, and the waivers the
    /// directive comments make.
    pub(super) fn finish(
        mut self,
    ) -> (Vec<Section>, Vec<String>, Vec<SectionOrigins>, Vec<Waiver>) {
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
        let waivers = std::mem::take(&mut self.waivers)
            .into_iter()
            .map(|pending| {
                // A waiver with no section to apply to names one that does
                // not exist, so it covers nothing (and says so) rather than
                // the whole document.
                let id = pending
                    .section
                    .and_then(|i| sections.get(i))
                    .map_or("", |s| s.id.as_str());
                let mut waiver = pending.directive.into_waiver(Some(id), pending.paragraph);
                if !pending.fields.is_empty() {
                    if pending.paragraph.is_none() {
                        // No text of its block: its fields only.
                        waiver.section = None;
                        waiver.span = None;
                    }
                    waiver.fields = pending.fields;
                }
                waiver
            })
            .collect();
        (sections, places, origins, waivers)
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
