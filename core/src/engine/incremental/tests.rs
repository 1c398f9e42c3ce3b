//! Which section edits are patched, and that patching gives a full check's report.

use super::*;
use crate::engine::texts::texts_of;

/// Edits section `section` of `draft` to `text` and patches a report
/// shown for the draft before; the patched report when patching went
/// ahead, checked against a full check.
fn patched(draft: &Draft, section: usize, text: &str) -> Option<ReportDiff> {
    let engine = Engine::new();
    let texts = engine.all_text_findings(&texts_of(draft));
    let mut shown = Shown::new(&engine, draft, &texts, engine.assemble(draft, &texts));
    let before = shown.report.clone();
    let mut edited = draft.clone();
    edited.sections[section].text = text.into();
    let mut texts = texts;
    let position = 2 + 2 * section;
    let all = texts_of(&edited);
    let old = std::mem::replace(
        &mut texts[position],
        engine.text_findings(&all[position], usize::MAX),
    );
    let diff = shown.patch(&engine, &edited, &texts, position, &old)?;
    let expected = engine.check(&edited);
    assert_eq!(shown.report, expected);
    let mut applied = before;
    diff.apply(&mut applied);
    assert_eq!(applied, expected);
    Some(diff)
}

fn draft(texts: &[&str]) -> Draft {
    let mut draft = Draft::from_text("t", "x").unwrap();
    draft.sections = texts
        .iter()
        .enumerate()
        .map(|(i, text)| crate::model::Section {
            id: format!("s{i}"),
            heading: String::new(),
            text: (*text).into(),
        })
        .collect();
    draft
}

#[test]
fn a_plain_edit_is_patched() {
    let d = draft(&["he or she", "the chairman", "his/her"]);
    // (A draft this short also has a finding that counts its words.)
    let terms = |diff: &ReportDiff| {
        diff.added
            .iter()
            .filter(|a| a.finding.rule.starts_with("term-"))
            .count()
    };
    let diff = patched(&d, 1, "the chairman and he or she").expect("patched");
    assert_eq!(terms(&diff), 1, "{diff:?}");
    let diff = patched(&d, 1, "x the chairman").expect("patched");
    assert_eq!((terms(&diff), diff.moved.len()), (0, 1), "{diff:?}");
    assert_eq!(patched(&d, 2, "").expect("patched").removed.len(), 2);
    // An accommodation sentence in another section folds nothing new.
    let d = draft(&[
        "he or she",
        "Patients are accommodated on single-sex wards according to their gender identity.",
        "x",
    ]);
    assert!(patched(&d, 2, "his/her").is_some());
    // A waiver takes effect on a new finding, patched.
    let mut d = draft(&["he or she", "x"]);
    d.waivers = vec![crate::model::Waiver {
        rule: "term-binary-pronouns".into(),
        reason: "quoted".into(),
        approved_by: None,
        section: Some("s1".into()),
        span: None,
        fields: Vec::new(),
    }];
    assert!(patched(&d, 1, "his/her").is_some());
}

#[test]
fn document_wide_changes_fall_back_and_the_rest_is_patched() {
    // The condition phrase appears, cancelling a finding in section 0.
    let d = draft(&["mother or father", "x"]);
    assert!(patched(&d, 1, "birthing parent").is_none());
    // ... and goes.
    let d = draft(&["mother or father", "birthing parent"]);
    assert!(patched(&d, 1, "x").is_none());
    // But a second text with it can go without changing anything.
    let d = draft(&["mother or father birthing parent", "birthing parent"]);
    assert!(patched(&d, 1, "x").is_some());
    // An accommodation sentence comes into another section's tail: its
    // fold could differ, so the report is built again.
    let d = draft(&["single-sex wards", "x"]);
    assert!(
        patched(
            &d,
            1,
            "Patients are accommodated on single-sex wards according to their gender identity."
        )
        .is_some(),
        "the edited section's own fold is patched"
    );
    let d = draft(&[
        "Patients are accommodated on single-sex wards according to their gender identity.",
        "x",
    ]);
    assert!(
        patched(
            &d,
            0,
            "Patients are accommodated on single-sex wards according to their gender identity. More."
        )
        .is_some()
    );
}
