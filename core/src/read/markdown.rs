//! Drafts from Markdown: the first level-one heading is the title and each
//! heading starts a section.

use super::{Limits, UNTITLED, check_size, empty_draft};
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

    /// Builds a draft from Markdown within the given limits.
    pub fn from_markdown_with(markdown: &str, limits: &Limits) -> Result<Draft, DraftError> {
        check_size(markdown.len(), limits)?;
        let draft = split_markdown(markdown);
        draft.check_limits(limits)?;
        Ok(draft)
    }
}

/// Splits Markdown into sections at ATX headings, ignoring fenced code.
fn split_markdown(markdown: &str) -> Draft {
    let mut title: Option<String> = None;
    let mut sections: Vec<Section> = Vec::new();
    let mut current: Option<Section> = None;
    let mut preamble = String::new();
    let mut fence: Option<&str> = None;

    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(marker) = fence {
            if trimmed.starts_with(marker) {
                fence = None;
            }
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
        } else if let Some((level, heading)) = atx_heading(line) {
            if level == 1 && title.is_none() && sections.is_empty() && current.is_none() {
                title = Some(heading.to_owned());
                continue;
            }
            if let Some(done) = current.take() {
                sections.push(done);
            }
            current = Some(Section {
                id: String::new(),
                heading: heading.to_owned(),
                text: String::new(),
            });
            continue;
        }
        match current.as_mut() {
            Some(section) => section.text.push_str(line),
            None => preamble.push_str(line),
        }
    }
    if let Some(done) = current.take() {
        sections.push(done);
    }
    if !preamble.trim().is_empty() {
        sections.insert(
            0,
            Section {
                id: String::new(),
                heading: String::new(),
                text: preamble,
            },
        );
    }
    assign_ids(&mut sections);
    let mut draft = empty_draft(title.as_deref().unwrap_or(UNTITLED));
    draft.sections = sections;
    draft
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
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
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
        let count = seen.entry(base.clone()).or_insert(0);
        *count += 1;
        section.id = if *count == 1 {
            base
        } else {
            format!("{base}-{count}")
        };
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
}
