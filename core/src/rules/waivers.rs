//! The waiver rule: a waiver is a recorded decision, so it needs a real
//! reason, must name a rule that exists, and (for a rule of error severity,
//! which blocks an approval gate) must name who approved it.
//!
//! What counts as a real reason is defined here once, and the engine applies
//! waivers by the same test ([`waiver_takes_effect`]): a waiver the rule
//! reports as not taking effect never waives anything.

use unicode_general_category::{GeneralCategory, get_general_category};

use crate::model::Severity;
use crate::model::{Draft, Waiver};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

/// The id of the rule that checks waivers; its own findings cannot be waived.
pub(crate) const WAIVER_RULE: &str = "waiver-recorded";

/// Letters a reason needs: enough for a few real words ("Quoted from the
/// 2009 policy"), too many for "N/A", "ok", "." or "none".
pub(crate) const REASON_LETTERS: usize = 6;

/// Letters an approver needs: a name of any length, but not an invisible
/// string or punctuation.
pub(crate) const APPROVER_LETTERS: usize = 1;

/// Letters in `text`, counting only what a reader sees: a letter is a
/// character of Unicode general category L (any script). Invisible and blank
/// characters do not count: format characters (Cf: U+200B zero width space,
/// U+200C, U+2060 word joiner, U+FEFF, the bidirectional controls), controls
/// (Cc, NUL), white space, and the fillers that Unicode files as letters
/// although they draw nothing (U+115F, U+1160, U+3164 and U+FFA0, the Hangul
/// fillers). Braille blank U+2800 is a symbol, not a letter, so it does not
/// count either.
pub(crate) fn visible_letters(text: &str) -> usize {
    text.chars()
        .filter(|&c| !matches!(c, '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}'))
        .filter(|&c| {
            matches!(
                get_general_category(c),
                GeneralCategory::UppercaseLetter
                    | GeneralCategory::LowercaseLetter
                    | GeneralCategory::TitlecaseLetter
                    | GeneralCategory::ModifierLetter
                    | GeneralCategory::OtherLetter
            )
        })
        .count()
}

/// Whether a reason records a decision: at least [`REASON_LETTERS`] visible letters.
pub(crate) fn is_real_reason(reason: &str) -> bool {
    visible_letters(reason) >= REASON_LETTERS
}

/// Whether an approver is named: at least [`APPROVER_LETTERS`] visible letter.
pub(crate) fn names_an_approver(approved_by: Option<&str>) -> bool {
    approved_by.is_some_and(|a| visible_letters(a) >= APPROVER_LETTERS)
}

/// Whether a waiver takes effect, given the severity of the rule it names
/// in this pack (`None`: no such rule). It needs a real reason; a waiver of
/// an error-severity rule also needs its approver named.
pub(crate) fn waiver_takes_effect(waiver: &Waiver, severity: Option<Severity>) -> bool {
    match severity {
        None => false,
        Some(severity) => {
            is_real_reason(&waiver.reason)
                && (severity != Severity::Error || names_an_approver(waiver.approved_by.as_deref()))
        }
    }
}

pub(crate) struct WaiverRecorded;

impl StructuralRule for WaiverRecorded {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: WAIVER_RULE,
            name: "Waivers give a reason and name a real rule",
            family: Family::Waivers,
            severity: Severity::Error,
            advisory: false,
            elements: &["3.1"],
            tags: &["governance", "waivers"],
            rationale: "Deciding that a check does not apply is part of paying due regard, and the record of that decision is what shows it was made. A waiver with no reason records nothing, so it does not take effect. A reason counts when it has at least 6 letters a reader can see: letters of any script, not counting invisible characters (zero width spaces and joiners, byte order marks, direction marks, control characters), white space, or blank fillers such as U+3164 and U+2800, so \"N/A\", \".\" or an invisible string waive nothing. A waiver of a rule of error severity, which would otherwise block approval, must also name who approved it (with at least one visible letter); without that it does not take effect either.",
            source: sources::BROWN,
            fires: &[
                r#"{"title":"t","waivers":[{"rule":"term-binary-pronouns","reason":"  "}]}"#,
                r#"{"title":"t","waivers":[{"rule":"no-such-rule","reason":"Legacy wording","approved_by":"EDI lead"}]}"#,
                r#"{"title":"t","waivers":[{"rule":"term-binary-pronouns","reason":"\u200b\u200b\u3164\u3164\u2800","approved_by":"EDI lead"}]}"#,
                r#"{"title":"t","waivers":[{"rule":"term-trans-slurs","reason":"Quoted from the 1998 scheme for comparison","approved_by":"\u200b"}]}"#,
            ],
            passes: &[r#"{"title":"t","sections":[{"id":"history","text":"The 1998 scheme said he or she."}],"waivers":[{"rule":"term-binary-pronouns","reason":"Quoted from the 1998 scheme for comparison","approved_by":"EDI lead"}]}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, cx: &RuleContext<'_>) -> Verdict {
        if draft.waivers.is_empty() {
            return Verdict::NotApplicable("the draft waives no rules".into());
        }
        let mut findings = Vec::new();
        for (i, waiver) in draft.waivers.iter().enumerate() {
            let severity = cx.known_rules.get(&waiver.rule).copied();
            if severity.is_none() {
                findings.push(RawFinding::violation(
                    format!("/waivers/{i}/rule"),
                    format!("The waiver names {:?}, which is not a rule in this pack, so it waives nothing.", waiver.rule),
                ));
            } else if waiver.reason.trim().is_empty() {
                findings.push(RawFinding::violation(
                    format!("/waivers/{i}/reason"),
                    format!("The waiver of {:?} gives no reason, so it does not take effect. Record why the rule does not apply here.", waiver.rule),
                ));
            } else if !is_real_reason(&waiver.reason) {
                findings.push(RawFinding::violation(
                    format!("/waivers/{i}/reason"),
                    format!(
                        "The waiver of {:?} gives no real reason ({:?} has fewer than {REASON_LETTERS} visible letters), so it does not take effect. Record why the rule does not apply here.",
                        waiver.rule, waiver.reason
                    ),
                ));
            }
            if !names_an_approver(waiver.approved_by.as_deref()) {
                let path = format!("/waivers/{i}/approved_by");
                findings.push(if severity == Some(Severity::Error) {
                    RawFinding::violation(
                        path,
                        format!(
                            "The waiver of {:?} does not say who approved it; a rule of error severity is waived only with its approver named, so it does not take effect.",
                            waiver.rule
                        ),
                    )
                } else {
                    RawFinding::review(
                        path,
                        format!(
                            "The waiver of {:?} does not say who approved it.",
                            waiver.rule
                        ),
                    )
                });
            }
        }
        Verdict::findings(findings, "every waiver gives a reason and names a rule")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&WaiverRecorded);
    }

    #[test]
    fn a_waiver_without_a_reason_or_approver() {
        let found = findings(
            &WaiverRecorded,
            r#"{"title":"t","waivers":[{"rule":"term-binary-pronouns","reason":"  "}]}"#,
        );
        assert_eq!(
            paths(&found),
            [
                ("/waivers/0/reason", false),
                ("/waivers/0/approved_by", true)
            ]
        );
        assert!(
            found[0].message.contains("does not take effect"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_waiver_of_an_unknown_rule_waives_nothing() {
        let found = findings(
            &WaiverRecorded,
            r#"{"title":"t","waivers":[{"rule":"no-such-rule","reason":"r","approved_by":"EDI lead"}]}"#,
        );
        assert_eq!(paths(&found), [("/waivers/0/rule", false)]);
        assert_eq!(
            found[0].message,
            "The waiver names \"no-such-rule\", which is not a rule in this pack, so it waives nothing."
        );
    }
}
