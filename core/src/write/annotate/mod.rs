//! Word round trip: the author's own .docx back, with each finding as a Word
//! comment anchored on its words, safe fixes as tracked changes, and one
//! summary comment on the title.
//!
//! One call, [`annotate_docx`]. It reads the document as `check` does,
//! checks it, then rewrites only `word/document.xml` and
//! `word/comments.xml` (adding the comments part's relationship and content
//! type when the document had no comments); every other part is copied from
//! the input zip byte for byte. Our own earlier annotations (author
//! "dueregard") are removed, and our tracked changes rejected, before
//! anything else, so annotating an annotated document gives the same bytes
//! as annotating it once. Comments and tracked changes by people are left
//! as they are.
//!
//! Waived findings get no comment; the summary comment counts them.
//!
//! A finding is anchored on exactly its words when the text the reader saw
//! there can be traced to runs of the XML; when it cannot (the words are in
//! a field code, a symbol-font glyph, a check-box control) its comment goes
//! on the nearest enclosing paragraph, cell or row instead, and its fix is
//! left to the comment. Never a corrupt file: what is not understood is
//! copied, not edited.


use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::engine::Engine;
use crate::error::DraftError;
use crate::model::{DraftKind, Report};

/// The author name on every comment and tracked change dueregard writes;
/// what it removes first when a document is annotated again.
pub const AUTHOR: &str = "dueregard";
/// The initials on dueregard's comments.
pub const INITIALS: &str = "DR";

/// Which fixes become tracked changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Fixes {
    /// Comments only.
    None,
    /// Fixes marked safe (meaning is kept) as tracked changes.
    #[default]
    Safe,
    /// Safe and unsafe fixes as tracked changes (never display-only ones).
    All,
}

/// How to annotate a document. Every field has a default, so `{}` is valid
/// JSON for the bindings.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct AnnotateOptions {
    /// Which fixes become tracked changes (default `safe`).
    pub fixes: Fixes,
    /// Check the document as this kind, whatever recognition guessed.
    pub kind: Option<DraftKind>,
    /// The date written on dueregard's comments and tracked changes
    /// (midnight UTC). Without it they carry no date, so the output depends
    /// on nothing but the input.
    pub as_of: Option<Date>,
    /// The title for a document that has none of its own.
    pub title: Option<String>,
    /// Where the rule documentation is: each comment links to URL#RULE-ID
    /// [default: docs/rules.md in the repository, as in SARIF output].
    pub doc_base_url: Option<String>,
}

/// The annotated document and what went into it.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotatedDocx {
    /// The .docx file, ready to write.
    pub bytes: Vec<u8>,
    /// The report the comments were made from (as `check` gives it).
    pub report: Report,
    /// One entry per comment written, in comment-id order: the summary first.
    pub annotations: Vec<Annotation>,
}

/// One comment dueregard wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Annotation {
    /// The comment's `w:id` in word/comments.xml.
    pub comment_id: u32,
    /// The finding's rule, or `summary` for the summary comment.
    pub rule: String,
    /// The finding's fingerprint; absent for the summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// What the comment is anchored on.
    pub anchor: AnchorKind,
    /// For an anchor on the finding's own words: those words, as the
    /// checked text has them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Whether the finding's fix was written as a tracked change.
    pub tracked_change: bool,
}

/// What a comment is anchored on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnchorKind {
    /// Exactly the finding's words.
    Words,
    /// The paragraph the finding is in (its words could not be traced).
    Paragraph,
    /// A table cell.
    Cell,
    /// A table row (an EIA row, a form field's row, an action).
    Row,
    /// A whole table.
    Table,
    /// The title or first paragraph: the summary, and findings about the
    /// document as a whole.
    Title,
}

/// What `dueregard annotate --format json` prints: the report and the
/// comments written.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AnnotateOutput {
    pub report: Report,
    pub annotations: Vec<Annotation>,
}

/// Annotates a Word document: reads and checks it as `check` does, and
/// returns a copy with the findings as comments and fixes as tracked
/// changes (see [`AnnotateOptions`]). Bad input is the same
/// [`DraftError`] reading gives, under the same limits.
///
/// ```
/// use dueregard::{Engine, write::annotate::{annotate_docx, AnnotateOptions}};
///
/// let err = annotate_docx(&Engine::new(), b"%PDF-1.7", &AnnotateOptions::default()).unwrap_err();
/// assert_eq!(err.kind(), "pdf");
/// ```
pub fn annotate_docx(
    engine: &Engine,
    bytes: &[u8],
    options: &AnnotateOptions,
) -> Result<AnnotatedDocx, DraftError> {
    // Interim body while the writer lands (this commit settles the API only).
    let _ = (engine, bytes, options);
    Err(DraftError::FormatNotBuilt { format: "docx" })
}
