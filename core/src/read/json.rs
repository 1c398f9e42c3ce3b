//! Drafts and rule packs from JSON: nesting is bounded before parsing, and
//! every error names the JSON Pointer, line and column of the bad value.

use std::borrow::Cow;

use serde::de::DeserializeOwned;

use super::strict::Strict;
use super::{Limits, check_size};
use crate::error::DraftError;
use crate::model::Draft;

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

    /// Reads a draft from JSON within the given limits. A byte order mark
    /// at the start is read past, as editors do.
    pub fn from_json_with(json: &str, limits: &Limits) -> Result<Draft, DraftError> {
        check_size(json.len(), limits)?;
        let json = without_bom(json);
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
        draft.check_section_ids()?;
        Ok(draft)
    }

    /// Section ids name sections in fingerprints, waivers and session edits,
    /// so two sections may not share one.
    fn check_section_ids(&self) -> Result<(), DraftError> {
        let mut seen = std::collections::HashMap::with_capacity(self.sections.len());
        for (i, section) in self.sections.iter().enumerate() {
            if let Some(first) = seen.insert(section.id.as_str(), i) {
                return Err(DraftError::Invalid {
                    pointer: format!("/sections/{i}/id"),
                    message: format!(
                        "the section id {:?} is already used by /sections/{first}; give each section its own id",
                        section.id
                    ),
                    line: 0,
                    column: 0,
                });
            }
        }
        Ok(())
    }
}

/// The text without a byte order mark (U+FEFF) at its start.
pub(crate) fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
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
/// Shapes the schemas forbid are refused ([`Strict`]), and a `\\u` escape
/// of a lone surrogate reads as U+FFFD, as a lone surrogate does everywhere
/// else (JavaScript strings, Python strings).
pub(crate) fn deserialize_with_pointer<T: DeserializeOwned>(json: &str) -> Result<T, JsonProblem> {
    let json = replace_lone_surrogate_escapes(json);
    let mut de = serde_json::Deserializer::from_str(&json);
    let value = serde_path_to_error::deserialize(Strict(&mut de)).map_err(|e| {
        let pointer = to_pointer(e.path());
        let error = e.into_inner();
        // A value of the wrong shape in text that is not JSON at all: the
        // syntax is the problem to report (the strict reader stops at shapes
        // before it reaches the end).
        if error.is_data() {
            if let Err(syntax) = serde_json::from_str::<serde::de::IgnoredAny>(&json) {
                if syntax.is_syntax() || syntax.is_eof() {
                    return problem(String::new(), syntax);
                }
            }
        }
        problem(pointer, error)
    })?;
    de.end().map_err(|e| problem(String::new(), e))?;
    Ok(value)
}

/// `\\uD800` with no low surrogate after it (or `\\uDC00` with no high one
/// before it) becomes `\\uFFFD`, which is the same length, so every line and
/// column in an error stays where it was. Text without such an escape is
/// not copied.
fn replace_lone_surrogate_escapes(json: &str) -> Cow<'_, str> {
    let bytes = json.as_bytes();
    let hex = |at: usize| -> Option<u32> {
        let digits = bytes.get(at..at + 4)?;
        u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()
    };
    let escape = |at: usize| -> Option<u32> {
        (bytes.get(at) == Some(&b'\\') && bytes.get(at + 1) == Some(&b'u'))
            .then(|| hex(at + 2))
            .flatten()
    };
    let mut lone: Vec<usize> = Vec::new();
    let mut i = 0;
    while let Some(found) = bytes[i..].iter().position(|&b| b == b'\\') {
        let at = i + found;
        match escape(at) {
            Some(0xD800..=0xDBFF) if matches!(escape(at + 6), Some(0xDC00..=0xDFFF)) => i = at + 12,
            Some(0xD800..=0xDFFF) => {
                lone.push(at);
                i = at + 6;
            }
            Some(_) => i = at + 6,
            // Any other escape is two bytes: skipping both keeps "\\\\u" from
            // being read as the start of a \\u escape.
            None => i = at + 2,
        }
        if i >= bytes.len() {
            break;
        }
    }
    if lone.is_empty() {
        return Cow::Borrowed(json);
    }
    let mut out = json.as_bytes().to_vec();
    for at in lone {
        out[at + 2..at + 6].copy_from_slice(b"FFFD");
    }
    // Only ASCII hex digits were replaced by ASCII, so the text is still UTF-8.
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| json.to_owned()))
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
    fn a_byte_order_mark_is_read_past() {
        let draft = Draft::from_json("\u{feff}{\"title\": \"t\"}").unwrap();
        assert_eq!(draft.title, "t");
    }

    #[test]
    fn lone_surrogate_escapes_are_u_fffd_and_pairs_are_kept() {
        let draft = Draft::from_json(r#"{"title": "a\ud800b\udc00c\ud83c\udff3\\ud800"}"#).unwrap();
        assert_eq!(draft.title, "a\u{fffd}b\u{fffd}c\u{1f3f3}\\ud800");
        assert!(matches!(
            replace_lone_surrogate_escapes(r#"{"title": "\u00e9 \\\ud83c\udff3"}"#),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn shapes_the_schema_forbids_are_refused_with_their_pointer() {
        let err = Draft::from_json(r#"["t"]"#).unwrap_err();
        assert_eq!((err.kind(), err.pointer()), ("invalid", Some("")));
        let err = Draft::from_json(r#"{"title": "t", "sections": [["a", "", "x"]]}"#).unwrap_err();
        assert_eq!(err.pointer(), Some("/sections/0"), "{err}");
        let err =
            Draft::from_json(r#"{"title": "t", "kind": {"workforce_policy": null}}"#).unwrap_err();
        assert_eq!(err.pointer(), Some("/kind"), "{err}");
    }

    #[test]
    fn duplicate_section_ids_are_refused_at_the_second() {
        let err = Draft::from_json(
            r#"{"title": "t", "sections": [{"id": "a", "text": "x"}, {"id": "b"}, {"id": "a"}]}"#,
        )
        .unwrap_err();
        assert_eq!(err.pointer(), Some("/sections/2/id"));
        assert!(
            err.to_string().contains("already used by /sections/0"),
            "{err}"
        );
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
}
