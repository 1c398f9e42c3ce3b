//! One finding per phrase, across kinds of rule: a rule whose finding covers
//! a sentence can stand for a narrower rule it subsumes on the same words
//! (`services-accommodation-gender-identity` stands for the
//! `term-single-sex-services` note inside its sentence). The subsumed rule is
//! named in the finding's `also_matched`. Overlaps between term rules are
//! folded earlier, when a text is scanned.

use super::finding::Placed;
use crate::rules::subsumes;

/// Folds each finding that lies within the span of a finding of a rule that
/// subsumes it, in the same text, into that finding.
pub(crate) fn fold_overlaps(placed: &mut Vec<Placed>) {
    let covering: Vec<usize> = (0..placed.len())
        .filter(|&i| {
            placed[i].finding.location.span.is_some()
                && !subsumes(&placed[i].finding.rule).is_empty()
        })
        .collect();
    if covering.is_empty() {
        return;
    }
    let mut folded = vec![false; placed.len()];
    for &a in &covering {
        let Some(outer) = placed[a].finding.location.span else {
            continue;
        };
        let narrower = subsumes(&placed[a].finding.rule);
        let mut also = Vec::new();
        for (b, p) in placed.iter().enumerate() {
            let inside = p.finding.location.path == placed[a].finding.location.path
                && p.finding
                    .location
                    .span
                    .is_some_and(|s| outer.start <= s.start && s.end <= outer.end);
            if b != a && !folded[b] && inside && narrower.contains(&p.finding.rule.as_str()) {
                folded[b] = true;
                also.push(p.finding.rule.clone());
            }
        }
        let list = &mut placed[a].finding.also_matched;
        list.extend(also);
        list.sort();
        list.dedup();
    }
    let mut index = 0;
    placed.retain(|_| {
        let keep = !folded[index];
        index += 1;
        keep
    });
}

#[cfg(test)]
mod tests {
    use crate::engine::Engine;
    use crate::model::{Draft, Report};

    fn check(text: &str) -> Report {
        Engine::new().check(&Draft::from_text("t", text).unwrap())
    }

    #[test]
    fn a_single_sex_mention_inside_an_accommodation_sentence_is_one_finding() {
        let report = check(
            "Patients are accommodated on single-sex wards according to their gender identity.",
        );
        let all: Vec<_> = report
            .violations
            .iter()
            .chain(&report.needs_review)
            .collect();
        assert_eq!(all.len(), 1, "{all:#?}");
        assert_eq!(all[0].rule, "services-accommodation-gender-identity");
        assert_eq!(all[0].also_matched, ["term-single-sex-services"]);
    }

    #[test]
    fn an_unquoted_slur_is_one_error_that_also_matched_the_note() {
        let report = check("Graffiti calling a nurse a tranny was found.");
        assert!(report.needs_review.is_empty(), "{:#?}", report.needs_review);
        assert_eq!(report.violations.len(), 1);
        assert_eq!(report.violations[0].rule, "term-trans-slurs");
        assert_eq!(report.violations[0].also_matched, ["term-slur-quoted"]);
        let quoted = check("Examples include calling someone a \"tranny\".");
        assert!(quoted.violations.is_empty());
        assert_eq!(quoted.needs_review[0].rule, "term-slur-quoted");
    }

    #[test]
    fn a_wording_note_inside_an_accommodation_sentence_stays_its_own_finding() {
        let report =
            check("Pre-op trans women can be accommodated in single rooms on female wards.");
        let rules: Vec<&str> = report
            .violations
            .iter()
            .chain(&report.needs_review)
            .map(|f| f.rule.as_str())
            .collect();
        assert!(
            rules.contains(&"services-accommodation-gender-identity"),
            "{rules:?}"
        );
        assert!(rules.contains(&"term-trans-surgery-status"), "{rules:?}");
    }

    #[test]
    fn reports_carry_the_guidance_date_for_the_built_in_pack_only() {
        let report = check("Text.");
        assert_eq!(report.engine.guidance_as_of.as_deref(), Some("2026-11-30"));
        let own = Engine::from_pack_json(r#"{"name":"own","version":"1","extends_builtin":false}"#)
            .unwrap()
            .check(&Draft::from_text("t", "Text.").unwrap());
        assert_eq!(own.engine.guidance_as_of, None);
    }
}
