//! One open document: its text as the editor has it, and an editing session
//! that keeps each section's findings, so a keystroke re-checks the section
//! it falls in and reuses the rest. The report is kept up to date from the
//! session's diffs, so neither a keystroke nor a code action rebuilds it.

use std::sync::Arc;

use dueregard::{Draft, Engine, Format, Report, Session};
use lsp_types::{TextDocumentContentChangeEvent, Uri};

use super::encoding::{Encoding, Lines};

/// An open document the server checks.
#[derive(Debug)]
pub struct Document {
    pub uri: Uri,
    pub format: Format,
    pub version: i32,
    pub text: String,
    /// The title a plain-text draft takes: the file's name.
    title: String,
    session: Option<Session>,
    /// The report for the text as it stands, kept up to date from diffs.
    report: Option<Report>,
    /// Why the text could not be read as a draft (it is too large), if so.
    pub problem: Option<String>,
}

impl Document {
    /// A document the server checks, or `None` for a language it does not read.
    pub fn open(
        uri: Uri,
        language: &str,
        version: i32,
        text: String,
        engine: &Arc<Engine>,
    ) -> Option<Document> {
        let format = format_of(&uri, language)?;
        let title = uri
            .path()
            .as_str()
            .rsplit('/')
            .next()
            .and_then(|name| name.split('.').next())
            .unwrap_or("")
            .to_owned();
        let mut document = Document {
            uri,
            format,
            version,
            text,
            title,
            session: None,
            report: None,
            problem: None,
        };
        document.recheck(engine);
        Some(document)
    }

    /// Applies the editor's changes in order: a change with a range replaces
    /// that range, one without replaces the whole text.
    pub fn apply(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let lines = Lines::new(&self.text);
                    let start = lines.offset(range.start, encoding);
                    let end = lines.offset(range.end, encoding).max(start);
                    self.text.replace_range(start..end, &change.text);
                }
                None => self.text = change.text,
            }
        }
        self.version = version;
    }

    /// Reads the text again and checks it: the session re-scans only the
    /// sections whose text changed. A new engine starts a new session.
    pub fn recheck(&mut self, engine: &Arc<Engine>) {
        let draft = Draft::from_bytes(
            self.text.as_bytes(),
            self.format,
            &self.title,
            engine.limits(),
        );
        match draft {
            Err(error) => {
                self.problem = Some(error.to_string());
                self.session = None;
                self.report = None;
            }
            Ok(draft) => {
                self.problem = None;
                match (self.session.as_mut(), self.report.as_mut()) {
                    (Some(session), Some(report))
                        if std::ptr::eq(session.engine(), engine.as_ref()) =>
                    {
                        session.set_draft_diff(draft).apply(report);
                    }
                    _ => {
                        let session = Session::new(engine.clone(), draft);
                        self.report = Some(session.report());
                        self.session = Some(session);
                    }
                }
            }
        }
    }

    /// The report for the text as it stands, when it could be read.
    pub fn report(&self) -> Option<&Report> {
        self.report.as_ref()
    }
}

/// Markdown, plain text and HTML, by the editor's language id or the file's
/// extension. JSON drafts and Word files are not edited as text in an editor.
fn format_of(uri: &Uri, language: &str) -> Option<Format> {
    match language {
        "markdown" => return Some(Format::Markdown),
        "plaintext" | "text" => return Some(Format::Text),
        "html" => return Some(Format::Html),
        _ => {}
    }
    let path = uri.path().as_str();
    let ext = path.rsplit_once('.').map(|(_, ext)| ext)?;
    Format::from_extension(ext)
        .filter(|f| matches!(f, Format::Markdown | Format::Text | Format::Html))
}
