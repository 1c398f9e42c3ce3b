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

mod anchor;
mod comments;
mod layout;
mod package;
mod render;
mod scan;
mod strip;
mod summary;
#[cfg(test)]
mod tests;
mod walk;
mod walk_runs;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::engine::Engine;
use crate::error::DraftError;
use crate::model::{DraftKind, Report};
use crate::read::ReadError;

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
    /// The draft recognised from the document, as checked.
    pub draft: crate::model::Draft,
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
    annotate(engine, bytes, options).map_err(|e| match e {
        Failure::Read(e) => DraftError::Document(e),
        Failure::Draft(e) => e,
    })
}

/// Reading fails with either kind of error; the caller sees a [`DraftError`].
enum Failure {
    Read(ReadError),
    Draft(DraftError),
}

impl From<ReadError> for Failure {
    fn from(e: ReadError) -> Self {
        Failure::Read(e)
    }
}

impl From<DraftError> for Failure {
    fn from(e: DraftError) -> Self {
        Failure::Draft(e)
    }
}

fn annotate(
    engine: &Engine,
    bytes: &[u8],
    options: &AnnotateOptions,
) -> Result<AnnotatedDocx, Failure> {
    let limits = crate::read::document_limits(engine.limits());
    let depth = limits.max_depth;
    let package = package::Package::open(bytes, &limits)?;
    // Our earlier comments and changes go first, so the document is checked
    // as its author left it and never with our suggestions taken as theirs.
    let stripped = strip::strip_ours(
        &package.document_xml,
        &package.main,
        package.comments_xml.as_deref(),
        depth,
    )?;
    let document =
        crate::read::docx::read_docx_replacing(bytes, &limits, Some(&stripped.document_xml))?;
    let vocabulary = engine.recognise_vocabulary();
    let mut recognition = crate::read::recognise_document(
        &document,
        options.title.as_deref().unwrap_or(""),
        engine.limits(),
        &vocabulary,
    )?;
    if let Some(kind) = options.kind {
        recognition.set_kind(kind, &vocabulary);
    }
    let draft = recognition.draft.clone();
    let mut report = engine.check(&draft);
    recognition.apply_to(&mut report);

    let layout = layout::Layout::read(&stripped.document_xml, &package.main, depth)?;
    let first_id = u32::try_from(layout.max_id.max(stripped.max_comment_id) + 1).map_err(|_| {
        ReadError::CannotAnnotate {
            part: package.main.clone(),
            why: "its annotation ids are too large for another comment".into(),
        }
    })?;
    let plan = anchor::plan(&anchor::Inputs {
        report: &report,
        draft: &draft,
        recognition: &recognition,
        title: document.title.as_ref().and_then(|t| t.source.as_ref()),
        layout: &layout,
        options,
        first_id,
    });
    let date = options
        .as_of
        .as_ref()
        .map(|d| format!(" w:date=\"{d}T00:00:00Z\""))
        .unwrap_or_default();
    let first_revision = first_id + plan.comments.len() as u32;
    let document_xml = render::render(
        &stripped.document_xml,
        &layout,
        &plan,
        first_revision,
        &date,
    );

    let findings: Vec<&crate::model::Finding> = anchor::commented(&report).collect();
    let doc_base_url = options
        .doc_base_url
        .as_deref()
        .unwrap_or(crate::write::sarif::DEFAULT_DOC_BASE_URL);
    let commented = plan.comments.iter().filter(|c| c.finding.is_some()).count();
    let mut comment_parts = String::new();
    for comment in &plan.comments {
        let text = match comment.finding.and_then(|i| findings.get(i)) {
            Some(finding) => comments::finding_text(
                finding,
                &report,
                comment.annotation.tracked_change,
                doc_base_url,
            ),
            None => summary::summary_text(&report, commented),
        };
        comment_parts.push_str(&comments::comment_xml(
            comment.annotation.comment_id,
            &date,
            &text,
        ));
    }
    let comments_xml = comments::append(stripped.comments_xml.as_deref(), &comment_parts)?;
    let bytes = package.finish(&document_xml, &comments_xml)?;
    Ok(AnnotatedDocx {
        bytes,
        report,
        draft,
        annotations: plan.comments.into_iter().map(|c| c.annotation).collect(),
    })
}
