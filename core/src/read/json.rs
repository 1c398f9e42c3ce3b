//! Drafts and rule packs from JSON: nesting is bounded before parsing, and
//! every error names the JSON Pointer, line and column of the bad value.

use serde::de::DeserializeOwned;

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
}
