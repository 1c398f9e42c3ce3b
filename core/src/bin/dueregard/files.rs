//! Finding and reading the files named on the command line. Every read is
//! capped before the file is read whole, so a huge file, `/dev/zero` or a
//! pipe that never ends is refused without growing memory.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use dueregard::read::recognise::{Recognition, Vocabulary};
use dueregard::read::recognise_bytes_with;
use dueregard::write::Baseline;
use dueregard::{Draft, DraftKind, Format, Limits};

/// The core refuses a rule pack over this size; reading stops just past it.
pub use dueregard::pack_limits::MAX_PACK_BYTES;

/// A draft read from a file.
#[derive(Debug)]
pub struct ReadDraft {
    /// The file name as given (or as found in a folder).
    pub path: String,
    pub draft: Draft,
    /// For each section, the file line its text starts on (0 for the first
    /// line), when the file's lines are the section's lines (Markdown, text).
    pub section_lines: Option<Vec<Option<usize>>>,
    /// The format it was read as, and its text (for SARIF's places and fixes).
    pub format: Format,
    /// For a Word or HTML document: what was recognised, and where each
    /// part of the draft came from.
    pub recognition: Option<Recognition>,
    pub source: String,
}

impl ReadDraft {
    /// Checks the draft as `kind`, whatever its file says (`--kind`); a
    /// recognised document is re-read for what that kind has (an
    /// agreement's clauses).
    pub fn set_kind(&mut self, kind: DraftKind, vocabulary: &Vocabulary) {
        match &mut self.recognition {
            Some(recognition) => {
                recognition.set_kind(kind, vocabulary);
                self.draft = recognition.draft.clone();
            }
            None => self.draft.kind = kind,
        }
    }
}

/// The files to check, in order: each FILE as given, and with `recursive`
/// the drafts in each folder, depth first, sorted by name. Folders are listed
/// one at a time as the walk reaches them, not all up front.
#[derive(Debug)]
pub struct Inputs {
    /// Paths still to yield, last first.
    stack: Vec<PathBuf>,
    recursive: bool,
}

impl Inputs {
    pub fn new(files: &[PathBuf], recursive: bool) -> Inputs {
        Inputs {
            stack: files.iter().rev().cloned().collect(),
            recursive,
        }
    }
}

impl Iterator for Inputs {
    /// A file to read, or a folder that could not be listed.
    type Item = Result<PathBuf, (PathBuf, String)>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let path = self.stack.pop()?;
            if !(self.recursive && path.is_dir()) {
                return Some(Ok(path));
            }
            match list_folder(&path) {
                Ok(children) => self.stack.extend(children.into_iter().rev()),
                Err(e) => return Some(Err((path, io_message(&e)))),
            }
        }
    }
}

/// A folder's drafts and subfolders, sorted by name. Hidden entries (`.git`)
/// and symbolic links to folders (which could loop) are skipped.
fn list_folder(folder: &Path) -> io::Result<Vec<PathBuf>> {
    let mut children = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = entry.path();
        let is_folder = entry.file_type()?.is_dir();
        if is_folder || (!path.is_dir() && draft_format(&path).is_some()) {
            children.push(path);
        }
    }
    children.sort();
    Ok(children)
}

fn draft_format(path: &Path) -> Option<Format> {
    path.extension()
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension)
}

/// Reads a draft, within the engine's limits, and gives a one-line reason
/// when it cannot.
pub fn read_draft(
    path: &Path,
    limits: &Limits,
    vocabulary: &Vocabulary,
) -> Result<ReadDraft, String> {
    let Some(name) = path.to_str() else {
        return Err(format!(
            "{}: the file name is not valid UTF-8; rename the file",
            path.display()
        ));
    };
    let fail = |message: String| format!("{name}: {message}");
    if path.is_dir() {
        return Err(fail(
            "is a folder, not a draft; pass --recursive to check the drafts in it, or name the files (FOLDER/*.json)".into(),
        ));
    }
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let format = draft_format(path).ok_or_else(|| {
        fail(format!(
            "unsupported file type {ext:?}; use .docx, .html, .md, .txt or .json"
        ))
    })?;
    let bytes = read_capped(path, limits.max_bytes).map_err(|e| {
        fail(match e {
            CappedReadError::TooLarge => format!(
                "the file is over the limit of {} bytes; split it into smaller drafts",
                limits.max_bytes
            ),
            CappedReadError::Io(e) => io_message(&e),
        })
    })?;
    let title = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let (draft, recognition) = match format {
        Format::Docx | Format::Html => {
            let r = recognise_bytes_with(&bytes, format, title, limits, vocabulary)
                .map_err(|e| fail(e.to_string()))?;
            (r.draft.clone(), Some(r))
        }
        _ => (
            Draft::from_bytes(&bytes, format, title, limits).map_err(|e| fail(e.to_string()))?,
            None,
        ),
    };
    let section_lines = match format {
        Format::Json | Format::Docx | Format::Html => None,
        Format::Markdown | Format::Text => {
            // from_bytes has checked the bytes are UTF-8.
            std::str::from_utf8(&bytes)
                .ok()
                .map(|source| section_lines(source, &draft))
        }
    };
    Ok(ReadDraft {
        path: name.to_owned(),
        draft,
        section_lines,
        format,
        recognition,
        // from_bytes has checked the bytes are UTF-8.
        source: String::from_utf8(bytes).unwrap_or_default(),
    })
}

/// The most a baseline file may hold: room for the reports of thousands of drafts.
const MAX_BASELINE_BYTES: usize = 256 * 1024 * 1024;

/// Reads a baseline: a file written by --write-baseline, or earlier --format json output.
pub fn read_baseline(path: &Path) -> Result<Baseline, String> {
    let name = path.display();
    let bytes = read_capped(path, MAX_BASELINE_BYTES).map_err(|e| match e {
        CappedReadError::TooLarge => {
            format!("baseline {name}: over the limit of {MAX_BASELINE_BYTES} bytes")
        }
        CappedReadError::Io(e) => format!("baseline {name}: {}", io_message(&e)),
    })?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        format!(
            "baseline {name}: not valid UTF-8 text (first bad byte at offset {}); save it as UTF-8",
            e.valid_up_to()
        )
    })?;
    Baseline::from_json(text).map_err(|e| format!("baseline {name}: {e}"))
}

/// Reads a rule pack within the core's pack limit.
pub fn read_rule_pack(path: &Path) -> Result<String, String> {
    let name = path.display();
    if path.is_dir() {
        return Err(format!("rule pack {name}: is a folder, not a rule pack"));
    }
    let bytes = read_capped(path, MAX_PACK_BYTES).map_err(|e| match e {
        CappedReadError::TooLarge => format!(
            "rule pack {name}: over the limit of {MAX_PACK_BYTES} bytes (2 MiB); a rule pack is a small JSON file"
        ),
        CappedReadError::Io(e) => format!("rule pack {name}: {}", io_message(&e)),
    })?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "rule pack {name}: not valid UTF-8 text (first bad byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Reads a UTF-8 text file named for `what` (e.g. "self-assessment"), at most
/// `limit` bytes.
pub fn read_text(path: &Path, what: &str, limit: usize) -> Result<String, String> {
    let name = path.display();
    if path.is_dir() {
        return Err(format!("{what} {name}: is a folder, not a file"));
    }
    let bytes = read_capped(path, limit).map_err(|e| match e {
        CappedReadError::TooLarge => format!("{what} {name}: over the limit of {limit} bytes"),
        CappedReadError::Io(e) => format!("{what} {name}: {}", io_message(&e)),
    })?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{what} {name}: not valid UTF-8 text (first bad byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}

#[derive(Debug)]
pub enum CappedReadError {
    TooLarge,
    Io(io::Error),
}

/// Reads at most `limit` bytes: refuses a file whose size is known to be over
/// the limit before reading any of it, and stops one byte past the limit for
/// files that do not know their size (devices, pipes).
pub fn read_capped(path: &Path, limit: usize) -> Result<Vec<u8>, CappedReadError> {
    let file = File::open(path).map_err(CappedReadError::Io)?;
    let known = file.metadata().map_err(CappedReadError::Io)?.len();
    if known > limit as u64 {
        return Err(CappedReadError::TooLarge);
    }
    let mut bytes = Vec::with_capacity(known as usize);
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(CappedReadError::Io)?;
    if bytes.len() > limit {
        return Err(CappedReadError::TooLarge);
    }
    Ok(bytes)
}

/// An I/O error as a person reads it, without the OS error number.
pub fn io_message(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        io::ErrorKind::PermissionDenied => "permission denied: cannot read it".into(),
        _ => {
            let text = error.to_string();
            match text.split_once(" (os error") {
                Some((message, _)) => message.to_owned(),
                None => text,
            }
        }
    }
}

/// Where each section's text starts in the source, as a line index, found by
/// looking for the section's text in order from where the last one ended.
/// `None` for a section whose text is empty or not found verbatim, whose
/// positions then count from the section's own first line.
fn section_lines(source: &str, draft: &Draft) -> Vec<Option<usize>> {
    let mut from = 0;
    draft
        .sections
        .iter()
        .map(|section| {
            if section.text.is_empty() {
                return None;
            }
            let start = from + source.get(from..)?.find(section.text.as_str())?;
            // Only a match at the start of a line is the section itself.
            if start > 0 && source.as_bytes()[start - 1] != b'\n' {
                return None;
            }
            from = start + section.text.len();
            Some(source[..start].bytes().filter(|&b| b == b'\n').count())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_sections_know_their_first_line_in_the_file() {
        let source = "# Leave\n\nIntro.\n\n## Scope\n\nStaff and bank staff.\n\n## Empty\n## Carers\nCarers too.\n";
        let draft = Draft::from_markdown(source).unwrap();
        let lines = section_lines(source, &draft);
        let find = |heading: &str| {
            let i = draft
                .sections
                .iter()
                .position(|s| s.heading == heading)
                .unwrap();
            lines[i]
        };
        // "Scope" is on line 5 (index 4); its text starts on the next line.
        assert_eq!(find("Scope"), Some(5));
        assert_eq!(find("Carers"), Some(10));
        assert_eq!(find("Empty"), None);
    }

    #[test]
    fn a_capped_read_refuses_an_endless_file() {
        let result = read_capped(Path::new("/dev/zero"), 1024);
        assert!(matches!(result, Err(CappedReadError::TooLarge)));
    }
}
