//! A session's diffs: applied one after another to the report the session
//! started with, they give, after every edit, exactly the report a full
//! check of the draft as it then stands gives. Edits are random: text typed
//! into, deleted from or replaced in a section, sections reordered, headings
//! and the title changed.

use dueregard::{Draft, Engine, Report, ReportDiff, Section, Session};
use proptest::prelude::*;
use std::sync::{Arc, LazyLock};

static ENGINE: LazyLock<Arc<Engine>> = LazyLock::new(|| Arc::new(Engine::new()));

/// Pieces of prose with findings, traps and white space.
const PIECES: &[&str] = &[
    "he or she",
    "his/her",
    "chairman",
    "transgendered",
    "husband or wife",
    "mother and father",
    "the elderly",
    "sexual preference",
    "BAME",
    "Equality Act",
    "staff",
    "policy",
    "LGBTQ+",
    "age, disability, race, religion, sex and sexual orientation",
    "Trans women may use the female changing rooms.",
    "n=3",
    "\"",
    " ",
    "\n",
    "\n\n",
    ".",
    ", ",
    "é",
];

fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..30).prop_map(|p| p.concat())
}

/// One edit to a draft.
#[derive(Debug, Clone)]
enum Edit {
    /// Insert text into a section at a fraction of its length.
    Type(usize, f64, String),
    /// Delete a fraction of a section's text from a point.
    Delete(usize, f64, f64),
    /// Replace a section's text.
    Replace(usize, String),
    /// Move a section to the front (a whole-draft edit).
    Reorder(usize),
    /// Change a heading and the title (a whole-draft edit).
    Retitle(usize, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (0..4usize, 0.0..1.0f64, prose()).prop_map(|(s, at, t)| Edit::Type(s, at, t)),
        2 => (0..4usize, 0.0..1.0f64, 0.0..0.5f64).prop_map(|(s, at, n)| Edit::Delete(s, at, n)),
        1 => (0..4usize, prose()).prop_map(|(s, t)| Edit::Replace(s, t)),
        1 => (0..4usize).prop_map(Edit::Reorder),
        1 => (0..4usize, prose()).prop_map(|(s, t)| Edit::Retitle(s, t)),
    ]
}

fn draft_of(texts: &[String]) -> Draft {
    let mut draft = Draft::from_text("Diff draft", "").unwrap();
    draft.sections = texts
        .iter()
        .enumerate()
        .map(|(i, text)| Section {
            id: format!("s{i}"),
            heading: format!("Part {i}"),
            text: text.clone(),
        })
        .collect();
    draft
}

/// The byte offset nearest `fraction` of `text` on a character boundary.
fn boundary(text: &str, fraction: f64) -> usize {
    let mut at = ((text.len() as f64) * fraction) as usize;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Applies `edit` through the session's diff methods; returns the diff.
fn apply(session: &mut Session, edit: &Edit) -> ReportDiff {
    let draft = session.draft().clone();
    let count = draft.sections.len();
    let section = |i: usize| &draft.sections[i % count];
    match edit {
        Edit::Type(i, at, typed) => {
            let s = section(*i);
            let mut text = s.text.clone();
            text.insert_str(boundary(&text, *at), typed);
            session.update_section_diff(&s.id, &text).unwrap()
        }
        Edit::Delete(i, at, n) => {
            let s = section(*i);
            let from = boundary(&s.text, *at);
            let to = from + boundary(&s.text[from..], *n);
            let text = format!("{}{}", &s.text[..from], &s.text[to..]);
            session.update_section_diff(&s.id, &text).unwrap()
        }
        Edit::Replace(i, text) => session.update_section_diff(&section(*i).id, text).unwrap(),
        Edit::Reorder(i) => {
            let mut next = draft.clone();
            let moved = next.sections.remove(i % count);
            next.sections.insert(0, moved);
            session.set_draft_diff(next)
        }
        Edit::Retitle(i, title) => {
            let mut next = draft.clone();
            next.sections[i % count].heading = title.clone();
            next.title = format!("Diff draft {title}");
            session.set_draft_diff(next)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn diffs_applied_in_turn_give_the_full_check_after_every_edit(
        texts in prop::collection::vec(prose(), 1..4),
        edits in prop::collection::vec(edit(), 1..12),
    ) {
        let mut session = Session::new(ENGINE.clone(), draft_of(&texts));
        let mut report: Report = session.report();
        for edit in &edits {
            let diff = apply(&mut session, edit);
            // What crosses a binding is JSON: apply the diff as read back.
            let read: ReportDiff = serde_json::from_str(&diff.to_json()).unwrap();
            prop_assert_eq!(&read, &diff);
            read.apply(&mut report);
            let full = ENGINE.check(session.draft());
            prop_assert_eq!(report.to_json(), full.to_json(), "after {:?}", edit);
            prop_assert_eq!(session.last_report(), Some(&full));
        }
    }
}

#[test]
fn a_keystroke_that_changes_no_finding_only_moves_the_ones_after_it() {
    let text = "Ask if he or she needs leave. Then his/her manager signs.".to_owned();
    let mut session = Session::new(
        ENGINE.clone(),
        draft_of(&[text.clone(), "he or she".into()]),
    );
    let _ = session.report();
    let diff = session
        .update_section_diff("s0", &format!("Please a{}", &text[1..]))
        .unwrap();
    assert!(diff.added.is_empty() && diff.removed.is_empty(), "{diff:?}");
    assert_eq!(diff.moved.len(), 2, "both findings in s0 shifted");
    assert!(diff.summary.is_none() && diff.elements.is_empty() && diff.pillars.is_empty());
    let same = session
        .update_section_diff("s0", &format!("Please a{}", &text[1..]))
        .unwrap();
    assert!(same.is_empty(), "typing nothing changes nothing: {same:?}");
}

#[test]
fn a_new_finding_is_added_with_its_place_and_the_changed_summary() {
    let mut session = Session::new(ENGINE.clone(), draft_of(&["Staff may ask.".into()]));
    let mut report = session.report();
    let diff = session
        .update_section_diff("s0", "Staff may ask if he or she agrees.")
        .unwrap();
    assert_eq!(diff.added.len(), 1);
    assert_eq!(diff.added[0].finding.rule, "term-binary-pronouns");
    assert_eq!(diff.added[0].index, 0);
    let summary = diff.summary.as_ref().expect("the counts changed");
    assert_eq!(summary.violations, report.summary.violations + 1);
    assert!(!diff.elements.is_empty(), "the finding's elements changed");
    diff.apply(&mut report);
    let gone = session.update_section_diff("s0", "Staff may ask.").unwrap();
    assert_eq!(
        gone.removed,
        vec![diff.added[0].finding.fingerprint.to_string()]
    );
    gone.apply(&mut report);
    assert_eq!(report, session.report());
}

#[test]
fn an_unknown_section_is_a_typed_error_and_the_next_diff_still_applies() {
    let mut session = Session::new(ENGINE.clone(), draft_of(&["he or she".into()]));
    let mut report = session.report();
    let err = session.update_section_diff("nope", "x").unwrap_err();
    assert_eq!(err.pointer(), Some("/sections"));
    let diff = session.update_section_diff("s0", "the chairman").unwrap();
    diff.apply(&mut report);
    assert_eq!(report, session.report());
}

#[test]
fn diffs_validate_against_their_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../schemas/report-diff.schema.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut session = Session::new(ENGINE.clone(), draft_of(&["Staff.".into()]));
    let diff = session
        .update_section_diff("s0", "The chairman asked if he or she agreed.")
        .unwrap();
    let value: serde_json::Value = serde_json::from_str(&diff.to_json()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(!diff.added.is_empty());
}
