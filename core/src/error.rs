//! Typed errors for bad input. Each names where the problem is and what was
//! expected, in one line a person can act on.

use serde::Serialize;

/// Why a draft could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    /// The input is larger than the configured limit.
    #[error(
        "the draft is {size} bytes, over the limit of {limit} bytes; split it into smaller drafts"
    )]
    TooLarge { size: usize, limit: usize },
    /// The JSON nests deeper than the configured limit.
    #[error(
        "the JSON nests deeper than {limit} levels (at line {line}, column {column}); a draft needs at most a few levels"
    )]
    TooDeep {
        limit: usize,
        line: usize,
        column: usize,
    },
    /// The input is not valid UTF-8.
    #[error(
        "the file is not valid UTF-8 text (first bad byte at offset {offset}); save it as UTF-8"
    )]
    NotUtf8 { offset: usize },
    /// The input is not well-formed JSON.
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON is well-formed but does not match the draft model.
    #[error("{pointer}: {message}", pointer = display_pointer(pointer))]
    Invalid {
        /// RFC 6901 JSON Pointer to the offending value ("" is the whole document).
        pointer: String,
        message: String,
        line: usize,
        column: usize,
    },
    /// The draft exceeds a structural limit (sections, fields, line length).
    #[error("{pointer}: {message}", pointer = display_pointer(pointer))]
    OverLimit { pointer: String, message: String },
    /// A Word or HTML document could not be read (a .doc, a PDF, a zip bomb, ...).
    #[error("{0}")]
    Document(crate::read::ReadError),
    /// The format's reader was left out of this build (a cargo feature).
    #[error(
        "this build of dueregard cannot read {format} files; use a build with the {format} feature"
    )]
    FormatNotBuilt { format: &'static str },
}

/// A JSON Pointer as people read it: the empty pointer (the whole document)
/// is shown as "(document)". The bindings use it in their error messages.
pub fn display_pointer(pointer: &str) -> &str {
    if pointer.is_empty() {
        "(document)"
    } else {
        pointer
    }
}

impl DraftError {
    /// The JSON Pointer of the offending value, when there is one.
    pub fn pointer(&self) -> Option<&str> {
        match self {
            DraftError::Invalid { pointer, .. } | DraftError::OverLimit { pointer, .. } => {
                Some(pointer)
            }
            _ => None,
        }
    }

    /// A short machine-readable kind, stable across versions.
    pub fn kind(&self) -> &'static str {
        match self {
            DraftError::TooLarge { .. } => "too_large",
            DraftError::TooDeep { .. } => "too_deep",
            DraftError::NotUtf8 { .. } => "not_utf8",
            DraftError::Syntax { .. } => "syntax",
            DraftError::Invalid { .. } => "invalid",
            DraftError::OverLimit { .. } => "over_limit",
            DraftError::Document(e) => e.kind(),
            DraftError::FormatNotBuilt { .. } => "format_not_built",
        }
    }

    /// The error as a serialisable value for the bindings.
    pub fn to_info(&self) -> ErrorInfo {
        ErrorInfo {
            error: "draft",
            kind: self.kind(),
            pointer: self.pointer().map(str::to_owned),
            message: self.to_string(),
        }
    }
}

/// Why a rule pack could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RulePackError {
    /// The pack is not well-formed JSON or does not match the rule pack schema.
    #[error("rule pack {pointer}: {message}", pointer = display_pointer(pointer))]
    Invalid { pointer: String, message: String },
    /// A rule in the pack is wrong (unknown id, bad term, over a limit).
    #[error("rule pack {pointer} (rule {rule:?}): {message}")]
    Rule {
        pointer: String,
        rule: String,
        message: String,
    },
}

impl RulePackError {
    /// The JSON Pointer of the offending value.
    pub fn pointer(&self) -> &str {
        match self {
            RulePackError::Invalid { pointer, .. } | RulePackError::Rule { pointer, .. } => pointer,
        }
    }

    /// The error as a serialisable value for the bindings.
    pub fn to_info(&self) -> ErrorInfo {
        ErrorInfo {
            error: "rule_pack",
            kind: match self {
                RulePackError::Invalid { .. } => "invalid",
                RulePackError::Rule { .. } => "rule",
            },
            pointer: Some(self.pointer().to_owned()),
            message: self.to_string(),
        }
    }
}

/// An error flattened for crossing a binding boundary as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorInfo {
    /// `draft`, `rule_pack`, `organisation` or `options`.
    pub error: &'static str,
    /// A short kind within that, e.g. `syntax`, `invalid`, `too_large`.
    pub kind: &'static str,
    /// RFC 6901 JSON Pointer to the offending value, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// One line a person can act on.
    pub message: String,
}

/// What a caught panic says, for a rule failure or a binding's error message.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no detail".into())
}
