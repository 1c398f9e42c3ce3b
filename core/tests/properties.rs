//! Properties that hold for any text: locations are exact in every encoding,
//! reports are deterministic, safe fixes do what they say, and a section's
//! findings do not depend on where the section sits.

use dueregard::{Applicability, Draft, Engine, Finding, Report, Section};
use proptest::prelude::*;
use std::sync::LazyLock;

/// Compiled once: the properties are about checking, not compiling.
static ENGINE: LazyLock<Engine> = LazyLock::new(Engine::new);

/// Pieces of policy prose, with the traps the rules must get right.
const PIECES: &[&str] = &[
    "he or she",
    "his/her",
    "transgendered",
    "mother",
    "mothers",
    "mother tongue",
    "breastfeeding",
    "birthing parent",
    "chairman",
    "Manchester",
    "human",
    "the elderly",
    "Equality Act",
    "transsexual",
    "sexual preference",
    "husband or wife",
    "spouse",
    "civil partner",
    "BAME",
    "suffering from",
    "single-sex ward",
    "LGBTQ+",
    "n=3",
    "n = 12",
    "45%",
    "men who have sex with men",
    "\"",
    "“",
    "”",
    "'",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ".",
    ",",
    "é",
    "🏳️‍🌈",
    "漢字",
    "\t",
    "staff",
    "policy",
    "HE OR SHE",
    "Transgendered",
];

fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|p| p.concat())
}

fn draft_of(sections: &[String]) -> Draft {
    let mut draft = Draft::from_text("Property draft", "").unwrap();
    draft.sections = sections
        .iter()
        .enumerate()
        .map(|(i, text)| Section {
            id: format!("s{i}"),
            heading: String::new(),
            text: text.clone(),
        })
        .collect();
    draft
}

fn all(report: &Report) -> impl Iterator<Item = &Finding> {
    report.violations.iter().chain(&report.needs_review)
}

fn section_text<'d>(draft: &'d Draft, finding: &Finding) -> Option<&'d str> {
    let id = finding.location.section.as_ref()?;
    let section = draft.sections.iter().find(|s| &s.id == id)?;
    Some(if finding.location.path.ends_with("/heading") {
        &section.heading
    } else {
        &section.text
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn locations_are_exact_in_every_encoding(texts in prop::collection::vec(prose(), 1..4)) {
        let draft = draft_of(&texts);
        let report = ENGINE.check(&draft);
        for finding in all(&report) {
            let (Some(span), Some(text)) = (finding.location.span, section_text(&draft, finding)) else { continue };
            prop_assert!(span.start <= span.end && span.end <= text.len());
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            prop_assert_eq!(span.utf16_start, text[..span.start].encode_utf16().count());
            prop_assert_eq!(span.utf16_end, text[..span.end].encode_utf16().count());
            prop_assert_eq!(span.char_start, text[..span.start].chars().count());
            prop_assert_eq!(span.char_end, text[..span.end].chars().count());
            let before = &text[..span.start];
            prop_assert_eq!(span.line, before.matches('\n').count() + 1);
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            prop_assert_eq!(span.column, text[line_start..span.start].chars().count() + 1);
        }
    }

    #[test]
    fn the_same_draft_gives_the_same_bytes(texts in prop::collection::vec(prose(), 1..4)) {
        let draft = draft_of(&texts);
        prop_assert_eq!(ENGINE.check(&draft).to_json(), ENGINE.check(&draft).to_json());
    }

    #[test]
    fn safe_fixes_remove_their_finding_and_add_no_violation(text in prose()) {
        let engine = &*ENGINE;
        let draft = draft_of(std::slice::from_ref(&text));
        let report = engine.check(&draft);
        let mut edits: Vec<_> = all(&report)
            .filter_map(|f| f.fix.as_ref().map(|fix| (f, fix)))
            .filter(|(_, fix)| fix.applicability == Applicability::Safe)
            .flat_map(|(f, fix)| fix.edits.iter().map(move |e| (f, e)))
            .collect();
        // Apply from the end so earlier offsets stay valid; skip overlaps.
        edits.sort_by_key(|(_, e)| std::cmp::Reverse(e.start));
        let mut fixed = text.clone();
        let mut limit = usize::MAX;
        let mut applied = Vec::new();
        for (finding, edit) in edits {
            if edit.end > limit { continue; }
            fixed.replace_range(edit.start..edit.end, &edit.replacement);
            limit = edit.start;
            applied.push(finding.rule.clone());
        }
        let after = engine.check(&draft_of(&[fixed.clone()]));
        let count = |r: &Report, rule: &str| r.violations.iter().filter(|f| f.rule == rule).count();
        for rule in &applied {
            prop_assert!(count(&after, rule) < count(&report, rule), "{} still fires in {:?}", rule, fixed);
        }
        for finding in &after.violations {
            prop_assert!(
                report.violations.iter().any(|f| f.rule == finding.rule),
                "fixing created {} in {:?}", finding.rule, fixed
            );
        }
    }

    #[test]
    fn reordering_sections_keeps_each_sections_findings(texts in prop::collection::vec(prose(), 2..5)) {
        let engine = &*ENGINE;
        let draft = draft_of(&texts);
        let mut reversed = draft.clone();
        reversed.sections.reverse();
        let per_section = |report: &Report| {
            let mut found: Vec<(String, String, usize, usize, String)> = all(report)
                .filter_map(|f| {
                    let span = f.location.span?;
                    Some((f.location.section.as_deref()?.to_owned(), f.rule.to_string(), span.start, span.end, f.fingerprint.to_string()))
                })
                .collect();
            found.sort();
            found
        };
        prop_assert_eq!(per_section(&engine.check(&draft)), per_section(&engine.check(&reversed)));
    }
}
