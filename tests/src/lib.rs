//! The conformance corpus shared by the Rust, node and Python tests: each case
//! is a draft and the exact report JSON every implementation must produce.
//!
//! Cases are the example drafts (`examples/drafts/*.{json,md,docx}`, expected
//! reports in `examples/drafts/expected/`) and the focused cases in
//! `tests/corpus/<case>/{draft.json, expected.json}`.

use std::path::{Path, PathBuf};

use dueregard::{Draft, Engine, Format, Report};

/// One draft and where its expected report lives.
#[derive(Debug, Clone)]
pub struct Case {
    /// A name for messages.
    pub name: String,
    /// The draft file.
    pub draft: PathBuf,
    /// The expected report, pretty JSON with a final newline.
    pub expected: PathBuf,
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every case, in a stable order.
pub fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let examples = root().join("examples/drafts");
    for path in sorted_entries(&examples) {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !path.is_file() || Format::from_extension(ext).is_none() {
            continue;
        }
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        cases.push(Case {
            name: format!("examples/{stem}"),
            expected: examples
                .join("expected")
                .join(format!("{stem}.report.json")),
            draft: path,
        });
    }
    for dir in sorted_entries(&root().join("tests/corpus")) {
        if dir.join("draft.json").is_file() {
            cases.push(Case {
                name: format!("corpus/{}", dir.file_name().unwrap().to_string_lossy()),
                draft: dir.join("draft.json"),
                expected: dir.join("expected.json"),
            });
        }
    }
    cases
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    entries.sort();
    entries
}

/// Reads a case's draft the way the check command does.
pub fn read_draft(path: &Path) -> Draft {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let format = Format::from_extension(ext).expect("a supported extension");
    let bytes = std::fs::read(path).expect("the draft is readable");
    let title = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    Draft::from_bytes(&bytes, format, title, &Default::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The canonical rendering every implementation is compared against.
pub fn render(report: &Report) -> String {
    let mut text = report.to_json_pretty();
    text.push('\n');
    text
}

/// Checks a case with the built-in engine, as the command does: a Word or
/// HTML document is recognised, and its report carries what was recognised
/// and each finding's place in the document.
pub fn check(engine: &Engine, case: &Case) -> String {
    let ext = case
        .draft
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("");
    let format = Format::from_extension(ext).expect("a supported extension");
    if !matches!(format, Format::Docx | Format::Html) {
        return render(&engine.check(&read_draft(&case.draft)));
    }
    let bytes = std::fs::read(&case.draft).expect("the draft is readable");
    let title = case
        .draft
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    let recognition = dueregard::read::recognise_bytes_with(
        &bytes,
        format,
        title,
        engine.limits(),
        &engine.recognise_vocabulary(),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", case.draft.display()));
    let mut report = engine.check(&recognition.draft);
    recognition.apply_to(&mut report);
    render(&report)
}
