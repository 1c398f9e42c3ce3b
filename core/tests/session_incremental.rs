//! A session patches the report it last showed after a section edit instead
//! of building it again. After every edit of a random sequence, the previous
//! report with the diff applied (also through its JSON), the session's report
//! and its last report must all equal a full check of the draft as it then
//! stands. The edits add and remove term phrases, an `unless_document`
//! phrase that cancels findings in other sections, inline waiver comments,
//! text that section and structural rules read (an accommodation sentence
//! that folds a term finding into its own, small numbers, the Act's list),
//! and empty sections; the drafts carry waivers (whole-draft, per section,
//! per span) and fields after the sections; one engine has a findings limit
//! small enough that edits cross it.

use dueregard::{Draft, Engine, Limits, Report, ReportDiff, Session};
use proptest::prelude::*;
use std::sync::{Arc, LazyLock};

static ENGINES: LazyLock<[Arc<Engine>; 2]> = LazyLock::new(|| {
    [
        Arc::new(Engine::new()),
        Arc::new(Engine::new().with_limits(Limits {
            max_findings: 7,
            ..Limits::default()
        })),
    ]
});

/// Pieces of section text: phrases term rules find, the condition phrase
/// that cancels `term-perinatal-additive` draft-wide, inline waiver
/// comments, sentences section rules read, and filler.
const PIECES: &[&str] = &[
    "he or she ",
    "his/her ",
    "the chairman ",
    "husband or wife ",
    "mother or father ",
    "mother and father ",
    "birthing parent ",
    "BAME ",
    "Staff may use single-sex wards. ",
    "Patients are accommodated on single-sex wards according to their gender identity. ",
    "Trans women may use the female changing rooms. ",
    "<!-- dueregard: waive term-binary-pronouns because quoted from statute; approved by HR director -->\n",
    "<!-- dueregard: waive-next term-gendered-roles because job title; approved by HR -->\n",
    "Of the 40 respondents, 3 were trans. ",
    "age, disability, race, religion, sex and sexual orientation ",
    "The policy applies to all staff. ",
    "\n\n",
    "",
];

const SECTIONS: [&str; 5] = ["a", "b", "c", "d", "e"];

/// A draft of five sections with waivers of every scope and a field.
fn draft(texts: &[String]) -> Draft {
    let sections: Vec<serde_json::Value> = SECTIONS
        .iter()
        .zip(texts)
        .map(|(id, text)| serde_json::json!({"id": id, "heading": format!("Part {id}"), "text": text}))
        .collect();
    let json = serde_json::json!({
        "title": "Leave policy",
        "sections": sections,
        "fields": [{"id": "f", "label": "Is he or she a carer?", "options": ["Yes", "No"]}],
        "waivers": [
            {"rule": "term-binary-pronouns", "reason": "quoted from statute", "approved_by": "HR", "section": "b"},
            {"rule": "term-gendered-roles", "reason": "job title", "section": "c", "span": {"start": 0, "end": 40}},
            {"rule": "term-perinatal-additive", "reason": "clinical term"},
            {"rule": "term-no-such-rule", "reason": "stale"}
        ]
    });
    Draft::from_json(&json.to_string()).expect("a valid draft")
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..5).prop_map(|p| p.concat())
}

fn round_trip(diff: &ReportDiff) -> ReportDiff {
    serde_json::from_str(&diff.to_json()).expect("a diff reads back")
}

/// Runs `edits` (section index, new text) through a session, checking every step.
fn run(engine: &Arc<Engine>, start: Vec<String>, edits: Vec<(usize, String)>) {
    let mut session = Session::new(engine.clone(), draft(&start));
    let mut shown: Report = session.report();
    let mut shown_from_json = shown.clone();
    for (step, (section, text)) in edits.into_iter().enumerate() {
        let diff = session
            .update_section_diff(SECTIONS[section], &text)
            .expect("the section exists and the text is small");
        let expected = engine.check(session.draft());
        diff.apply(&mut shown);
        round_trip(&diff).apply(&mut shown_from_json);
        assert_eq!(shown, expected, "step {step}: diff applied");
        assert_eq!(shown_from_json, expected, "step {step}: diff through JSON");
        assert_eq!(session.last_report(), Some(&expected), "step {step}");
        assert_eq!(session.report(), expected, "step {step}: session report");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn patched_reports_equal_a_full_check(
        limited in any::<bool>(),
        start in prop::collection::vec(text(), 5),
        edits in prop::collection::vec((0..5usize, text()), 1..24),
    ) {
        run(&ENGINES[usize::from(limited)], start, edits);
    }
}

/// The cases the fast path must give up on, one after another: a condition
/// phrase appearing and going, a fold into an accommodation sentence in
/// another section, a span waiver's section, the findings limit crossed
/// both ways, a section emptied.
#[test]
fn edits_that_change_document_wide_inputs_match_a_full_check() {
    let start: Vec<String> = [
        "he or she ",
        "mother or father ",
        "Patients are accommodated on single-sex wards according to their gender identity. ",
        "the chairman ",
        "",
    ]
    .map(String::from)
    .to_vec();
    let edits: Vec<(usize, String)> = [
        (0, "he or she and his/her "),
        (4, "birthing parent "),
        (0, "he or she, mother and father "),
        (4, ""),
        (1, "mother or father, he or she "),
        (2, "Staff may use single-sex wards. "),
        (
            2,
            "Patients are accommodated on single-sex wards according to their gender identity. ",
        ),
        (3, "the chairman and his/her husband or wife "),
        (2, "the chairman, the chairman "),
        (0, "he or she his/her he or she his/her he or she his/her BAME BAME "),
        (0, ""),
        (1, "<!-- dueregard: waive term-binary-pronouns because quoted; approved by HR -->\nhe or she "),
        (3, "Of the 40 respondents, 3 were trans. "),
        (1, ""),
    ]
    .map(|(s, t)| (s, t.to_owned()))
    .to_vec();
    for engine in ENGINES.iter() {
        run(engine, start.clone(), edits.clone());
    }
}
