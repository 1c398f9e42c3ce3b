//! Drafts from Markdown: the first level-one heading is the title and each
//! heading starts a section.

use std::collections::BTreeSet;

use super::inline_waivers::section_waivers;
use super::{Limits, UNTITLED, check_size, empty_draft, without_bom};
use crate::error::DraftError;
use crate::model::{Draft, Section};

impl Draft {
    /// Builds a draft from Markdown: the first level-one heading is the title,
    /// and each heading starts a section. Only text rules apply to such a draft.
    ///
    /// ```
    /// let draft = dueregard::Draft::from_markdown("# Visiting policy\n\n## Who may visit\n\nAnyone the patient names.\n").unwrap();
    /// assert_eq!(draft.title, "Visiting policy");
    /// assert_eq!(draft.sections[0].id, "who-may-visit");
    /// ```
    pub fn from_markdown(markdown: &str) -> Result<Draft, DraftError> {
        Draft::from_markdown_with(markdown, &Limits::default())
    }

    /// Builds a draft from Markdown within the given limits. A byte order
    /// mark is read past, and lines may end in LF, CRLF or CR alone.
    pub fn from_markdown_with(markdown: &str, limits: &Limits) -> Result<Draft, DraftError> {
        check_size(markdown.len(), limits)?;
        let (draft, _) = split_markdown_with_layout(markdown, limits.max_sections)?;
        draft.check_limits(limits)?;
        Ok(draft)
    }
}

/// Where a Markdown draft's parts are in its source, in bytes, so findings
/// can be placed in the file (SARIF, the language server).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct MarkdownLayout {
    /// The title heading's text, when the title came from a heading.
    pub title: Option<(usize, usize)>,
    /// One per section, in draft order.
    pub sections: Vec<SectionLayout>,
}

/// Where one section is in the source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SectionLayout {
    /// The heading's text (none for the preamble).
    pub heading: Option<(usize, usize)>,
    /// (offset in the section's text, offset in the source) where each run
    /// of the text starts: one run, except for a preamble the title splits.
    pub pieces: Vec<(usize, usize)>,
}

impl SectionLayout {
    /// The source offset of byte `offset` of the section's text.
    pub fn source_offset(&self, offset: usize) -> usize {
        let at = self.pieces.partition_point(|&(text, _)| text <= offset);
        match at.checked_sub(1).and_then(|i| self.pieces.get(i)) {
            Some(&(text, source)) => source + (offset - text),
            None => offset,
        }
    }
}

/// The lines of `text`, each with its ending: "\n", "\r\n" or a lone "\r".
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = match rest.find(['\n', '\r']) {
            None => rest.len(),
            Some(i) if rest[i..].starts_with("\r\n") => i + 2,
            Some(i) => i + 1,
        };
        let (line, after) = rest.split_at(end);
        rest = after;
        Some(line)
    })
}

fn too_many_sections(limit: usize) -> DraftError {
    DraftError::OverLimit {
        pointer: "/sections".into(),
        message: format!("more than {limit} sections (one per heading), over the limit"),
    }
}

/// Splits Markdown into sections at ATX headings, ignoring fenced code,
/// collects the inline waivers each section records, and says where each part
/// is in the source (offsets count a byte order mark, which is skipped).
/// Stops at the heading past `max_sections`, before building more.
pub(crate) fn split_markdown_with_layout(
    source: &str,
    max_sections: usize,
) -> Result<(Draft, MarkdownLayout), DraftError> {
    let markdown = without_bom(source);
    let mut title: Option<(String, (usize, usize))> = None;
    let mut sections: Vec<(Section, SectionLayout)> = Vec::new();
    let mut current: Option<(Section, SectionLayout)> = None;
    let mut preamble = (String::new(), SectionLayout::default());
    let mut has_preamble = false;
    let mut fence: Option<&str> = None;
    let mut offset = source.len() - markdown.len();

    for line in lines(markdown) {
        let line_start = offset;
        offset += line.len();
        let trimmed = line.trim_start();
        if let Some(marker) = fence {
            if trimmed.starts_with(marker) {
                fence = None;
            }
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
        } else if let Some((level, heading)) = atx_heading(line) {
            // `heading` is a slice of `line`, so its place in the source follows.
            let at = line_start + (heading.as_ptr() as usize - line.as_ptr() as usize);
            let range = (at, at + heading.len());
            if level == 1 && title.is_none() && sections.is_empty() && current.is_none() {
                title = Some((heading.to_owned(), range));
                continue;
            }
            if let Some(done) = current.take() {
                sections.push(done);
            }
            // This heading's section, and a preamble, count towards the limit.
            if sections.len() + 1 + usize::from(has_preamble) > max_sections {
                return Err(too_many_sections(max_sections));
            }
            let section = Section {
                id: String::new(),
                heading: heading.to_owned(),
                text: String::new(),
            };
            let layout = SectionLayout {
                heading: Some(range),
                pieces: vec![(0, offset)],
            };
            current = Some((section, layout));
            continue;
        }
        let (text, layout) = match current.as_mut() {
            Some((section, layout)) => (&mut section.text, layout),
            None => {
                has_preamble |= !line.trim().is_empty();
                (&mut preamble.0, &mut preamble.1)
            }
        };
        // A run starts wherever the text's end and the source's part ways.
        if layout.source_offset(text.len()) != line_start || layout.pieces.is_empty() {
            layout.pieces.push((text.len(), line_start));
        }
        text.push_str(line);
    }
    if let Some(done) = current.take() {
        sections.push(done);
    }
    if !preamble.0.trim().is_empty() {
        let section = Section {
            id: String::new(),
            heading: String::new(),
            text: preamble.0,
        };
        sections.insert(0, (section, preamble.1));
    }
    if sections.len() > max_sections {
        return Err(too_many_sections(max_sections));
    }
    let (mut sections, layouts): (Vec<Section>, Vec<SectionLayout>) = sections.into_iter().unzip();
    assign_ids(&mut sections);
    let mut draft = empty_draft(title.as_ref().map_or(UNTITLED, |(t, _)| t.as_str()));
    draft.waivers = sections
        .iter()
        .flat_map(|s| section_waivers(&s.id, &s.text))
        .collect();
    draft.sections = sections;
    let layout = MarkdownLayout {
        title: title.map(|(_, range)| range),
        sections: layouts,
    };
    Ok((draft, layout))
}

/// `## Heading ##` -> (2, "Heading"); up to three leading spaces, as CommonMark allows.
fn atx_heading(line: &str) -> Option<(usize, &str)> {
    let line = line.trim_end_matches(['\n', '\r']);
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let level = rest.bytes().take_while(|&b| b == b'#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let after = &rest[level..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let text = after.trim().trim_end_matches('#').trim_end();
    Some((level, text))
}

/// Ids from headings (`Who may visit` -> `who-may-visit`), unique within the draft.
fn assign_ids(sections: &mut [Section]) {
    let mut used = BTreeSet::<String>::new();
    for section in sections.iter_mut() {
        let mut slug = String::new();
        for c in section.heading.chars() {
            if c.is_alphanumeric() {
                slug.extend(c.to_lowercase());
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        let mut base = slug.trim_end_matches('-').to_owned();
        if base.is_empty() {
            base = "preamble".into();
        }
        let mut id = base.clone();
        let mut n = 1;
        while used.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        used.insert(id.clone());
        section.id = id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_sections_follow_headings_and_skip_code() {
        let md = "Intro line\n# Title\n## Who\nA\n```\n# not a heading\n```\n## Who\nB\n";
        let draft = Draft::from_markdown(md).unwrap();
        let ids: Vec<_> = draft.sections.iter().map(|s| s.id.as_str()).collect();
        // The first H1, before any other heading, is the title.
        assert_eq!(draft.title, "Title");
        assert_eq!(ids, ["preamble", "who", "who-2"]);
        assert!(draft.sections[1].text.contains("# not a heading"));
    }

    #[test]
    fn generated_ids_are_unique_even_against_a_later_heading() {
        let draft = Draft::from_markdown("## A\nx\n## A\ny\n## A 2\nz\n## A\nw\n").unwrap();
        let ids: Vec<_> = draft.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["a", "a-2", "a-2-2", "a-3"]);
    }

    #[test]
    fn a_byte_order_mark_and_cr_only_line_endings_read_as_an_editor_shows_them() {
        let draft =
            Draft::from_markdown("\u{feff}# Title\r## One\rfirst\r\r## Two\rsecond\r").unwrap();
        assert_eq!(draft.title, "Title");
        let ids: Vec<_> = draft.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["one", "two"]);
        assert_eq!(draft.sections[1].text, "second\r");
    }

    #[test]
    fn too_many_headings_are_refused_before_the_rest_is_read() {
        let limits = Limits {
            max_sections: 3,
            ..Limits::default()
        };
        let md = "## h\n".repeat(1000);
        let err = Draft::from_markdown_with(&md, &limits).unwrap_err();
        assert_eq!(
            (err.kind(), err.pointer()),
            ("over_limit", Some("/sections"))
        );
        assert!(Draft::from_markdown_with(&"## h\n".repeat(3), &limits).is_ok());
    }
}
