//! Reading drafts and rule packs: JSON with pointers in every error, Markdown
//! and plain text, all within limits so hostile input cannot hang or abort.

use serde::de::DeserializeOwned;

use crate::error::DraftError;
use crate::model::{Draft, Section};

/// Bounds on input, checked before any work is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted, in bytes.
    pub max_bytes: usize,
    /// Deepest JSON nesting accepted (a draft needs about six levels).
    pub max_depth: usize,
    /// Most sections a draft may have.
    pub max_sections: usize,
    /// Most form fields a draft may have.
    pub max_fields: usize,
    /// Most findings a report lists; the rest are counted in
    /// `summary.omitted`, so a pathological draft cannot exhaust memory.
    pub max_findings: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 10 * 1024 * 1024,
            max_depth: 32,
            max_sections: 10_000,
            max_fields: 5_000,
            max_findings: 10_000,
        }
    }
}

/// The format of a draft given as bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Markdown,
    Text,
}

impl Format {
    /// Picks the format from a file name's extension: `.json`, `.md`/`.markdown`, `.txt`.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "md" | "markdown" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }
}

impl Draft {
    /// Reads a draft from JSON with the default [`Limits`].
    ///
    /// ```
    /// let draft = dueregard::Draft::from_json(r#"{"title": "Leave policy", "kind": "workforce_policy"}"#).unwrap();
    /// assert_eq!(draft.title, "Leave policy");
    ///
    /// let err = dueregard::Draft::from_json(r#"{"title": 7}"#).unwrap_err();
    /// assert_eq!(err.pointer(), Some("/title"));
    /// ```
    pub fn from_json(json: &str) -> Result<Draft, DraftError> {
        Draft::from_json_with(json, &Limits::default())
    }

    /// Reads a draft from JSON within the given limits.
    pub fn from_json_with(json: &str, limits: &Limits) -> Result<Draft, DraftError> {
        check_size(json.len(), limits)?;
        check_depth(json, limits.max_depth)?;
        let draft: Draft = deserialize_with_pointer(json).map_err(|e| match e {
            JsonProblem::Syntax {
                line,
                column,
                message,
            } => DraftError::Syntax {
                line,
                column,
                message,
            },
            JsonProblem::Invalid {
                pointer,
                message,
                line,
                column,
            } => DraftError::Invalid {
                pointer,
                message,
                line,
                column,
            },
        })?;
        draft.check_limits(limits)?;
        Ok(draft)
    }

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

    /// Builds a one-section draft from plain text. Only text rules apply.
    pub fn from_text(title: &str, text: &str) -> Result<Draft, DraftError> {
        check_size(text.len(), &Limits::default())?;
        Ok(text_draft(title, text))
    }

    /// Reads a draft from bytes in the given format, checking UTF-8 first.
    /// `title` names a plain-text draft (a Markdown draft's own heading wins).
    pub fn from_bytes(
        bytes: &[u8],
        format: Format,
        title: &str,
        limits: &Limits,
    ) -> Result<Draft, DraftError> {
        check_size(bytes.len(), limits)?;
        let text = std::str::from_utf8(bytes).map_err(|e| DraftError::NotUtf8 {
            offset: e.valid_up_to(),
        })?;
        match format {
            Format::Json => Draft::from_json_with(text, limits),
            Format::Markdown => {
                let mut draft = Draft::from_markdown_with(text, limits)?;
                if draft.title == UNTITLED && !title.is_empty() {
                    draft.title = title.to_owned();
                }
                Ok(draft)
            }
            Format::Text => Ok(text_draft(title, text)),
        }
    }

    fn check_limits(&self, limits: &Limits) -> Result<(), DraftError> {
        if self.sections.len() > limits.max_sections {
            return Err(DraftError::OverLimit {
                pointer: "/sections".into(),
                message: format!(
                    "{} sections, over the limit of {}",
                    self.sections.len(),
                    limits.max_sections
                ),
            });
        }
        if self.fields.len() > limits.max_fields {
            return Err(DraftError::OverLimit {
                pointer: "/fields".into(),
                message: format!(
                    "{} fields, over the limit of {}",
                    self.fields.len(),
                    limits.max_fields
                ),
            });
        }
        Ok(())
    }
}

const UNTITLED: &str = "Untitled draft";

fn text_draft(title: &str, text: &str) -> Draft {
    let mut draft = empty_draft(if title.is_empty() { UNTITLED } else { title });
    draft.sections.push(Section {
        id: "text".into(),
        heading: String::new(),
        text: text.to_owned(),
    });
    draft
}

fn empty_draft(title: &str) -> Draft {
    Draft {
        title: title.to_owned(),
        kind: Default::default(),
        audience: Vec::new(),
        status: Default::default(),
        dates: Default::default(),
        owner: None,
        sections: Vec::new(),
        fields: Vec::new(),
        eia: None,
        partners: Vec::new(),
        waivers: Vec::new(),
    }
}

fn check_size(size: usize, limits: &Limits) -> Result<(), DraftError> {
    if size > limits.max_bytes {
        return Err(DraftError::TooLarge {
            size,
            limit: limits.max_bytes,
        });
    }
    Ok(())
}

/// Rejects deep nesting before serde recurses into it.
pub(crate) fn check_depth(json: &str, limit: usize) -> Result<(), DraftError> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (offset, byte) in json.bytes().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    let (line, column) = line_column(json, offset);
                    return Err(DraftError::TooDeep {
                        limit,
                        line,
                        column,
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, offset - line_start + 1)
}

pub(crate) enum JsonProblem {
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    Invalid {
        pointer: String,
        message: String,
        line: usize,
        column: usize,
    },
}

/// Deserializes JSON, reporting where a value went wrong as a JSON Pointer.
pub(crate) fn deserialize_with_pointer<T: DeserializeOwned>(json: &str) -> Result<T, JsonProblem> {
    let mut de = serde_json::Deserializer::from_str(json);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let pointer = to_pointer(e.path());
        problem(pointer, e.into_inner())
    })?;
    de.end().map_err(|e| problem(String::new(), e))?;
    Ok(value)
}

fn problem(pointer: String, error: serde_json::Error) -> JsonProblem {
    let (line, column) = (error.line(), error.column());
    let message = strip_position(&error.to_string());
    if error.is_data() {
        JsonProblem::Invalid {
            pointer,
            message,
            line,
            column,
        }
    } else {
        JsonProblem::Syntax {
            line,
            column,
            message,
        }
    }
}

/// serde_json appends " at line L column C"; the error carries those separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

fn to_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => {
                pointer.push('/');
                pointer.push_str(&index.to_string());
            }
            Segment::Map { key } | Segment::Enum { variant: key } => {
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Segment::Unknown => {}
        }
    }
    pointer
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
    fn unknown_field_names_its_pointer() {
        let err =
            Draft::from_json(r#"{"title":"t","sections":[{"id":"a","txt":"x"}]}"#).unwrap_err();
        assert_eq!(err.kind(), "invalid");
        assert!(err.pointer().unwrap().starts_with("/sections/0"), "{err}");
        assert!(err.to_string().contains("txt"), "{err}");
    }

    #[test]
    fn wrong_type_names_pointer_and_expectation() {
        let err =
            Draft::from_json(r#"{"title":"t","fields":[{"id":"f","label":"L","required":"yes"}]}"#)
                .unwrap_err();
        assert_eq!(err.pointer(), Some("/fields/0/required"));
        assert!(err.to_string().contains("expected a boolean"), "{err}");
    }

    #[test]
    fn bad_date_is_reported_at_its_pointer() {
        let err = Draft::from_json(r#"{"title":"t","dates":{"review":"2026-02-30"}}"#).unwrap_err();
        assert_eq!(err.pointer(), Some("/dates/review"));
    }

    #[test]
    fn truncated_json_is_a_syntax_error_with_position() {
        let err = Draft::from_json("{\"title\": \"t\",\n \"sections\": [").unwrap_err();
        assert!(matches!(err, DraftError::Syntax { line: 2, .. }), "{err:?}");
    }

    #[test]
    fn trailing_garbage_is_rejected() {
        let err = Draft::from_json(r#"{"title":"t"} x"#).unwrap_err();
        assert_eq!(err.kind(), "syntax");
    }

    #[test]
    fn deep_nesting_is_rejected_before_parsing() {
        let json = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let err = Draft::from_json(&json).unwrap_err();
        assert_eq!(err.kind(), "too_deep");
    }

    #[test]
    fn brackets_inside_strings_do_not_count_as_depth() {
        let json = format!(r#"{{"title":"{}"}}"#, "[".repeat(1000));
        assert!(Draft::from_json(&json).is_ok());
    }

    #[test]
    fn size_limit_is_enforced() {
        let limits = Limits {
            max_bytes: 10,
            ..Limits::default()
        };
        let err = Draft::from_json_with(r#"{"title":"a long title"}"#, &limits).unwrap_err();
        assert_eq!(err.kind(), "too_large");
    }

    #[test]
    fn invalid_utf8_is_reported_with_offset() {
        let err =
            Draft::from_bytes(b"# T\n\xff", Format::Markdown, "x", &Limits::default()).unwrap_err();
        assert_eq!(err, DraftError::NotUtf8 { offset: 4 });
    }

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
