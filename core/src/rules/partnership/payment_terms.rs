//! `partnership-payment-terms`: partners know when and how they are paid.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::partnership::{AGREEMENT, per_partner};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct PartnershipPaymentTerms;

impl StructuralRule for PartnershipPaymentTerms {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "partnership-payment-terms",
            name: "Partners know when and how they are paid",
            family: Family::Partnership,
            severity: Severity::Warning,
            advisory: false,
            elements: &["6.2"],
            tags: &["partnership", "funding"],
            rationale: "Small community groups can run short of money when payment comes late or in a way their structure cannot handle. The National LGBT Partnership's guide asks for clear payment expectations from the start; partners report that monthly payment in advance works, and quarterly payment in arrears is what strains them.",
            source: sources::PARTNERSHIP_GUIDE,
            fires: &[
                r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"Rainbow Health Collective"}]}"#,
                r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"Rainbow Health Collective","payment_terms":"Invoices paid quarterly in arrears"}]}"#,
                r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"Rainbow Health Collective","payment_terms":"The Trust will pay the Collective £150 for each advisory review."}]}"#,
            ],
            passes: &[
                AGREEMENT,
                r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"Rainbow Health Collective","payment_terms":"The Collective invoices each month; the Trust pays within 30 days of invoice."}]}"#,
            ],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        per_partner(
            draft,
            "every partner is paid in advance, or promptly on invoice, on stated terms",
            |i, partner| {
                let path = format!("/partners/{i}/payment_terms");
                let terms = partner
                    .payment_terms
                    .as_deref()
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_lowercase);
                let name = &partner.name;
                let finding = match terms.as_deref().map(Timing::of) {
                    None => RawFinding::violation(
                        path,
                        format!("The agreement does not say when or how {name} is paid."),
                    ),
                    Some(Timing::InAdvance | Timing::Prompt) => return None,
                    Some(Timing::NotStated) => RawFinding::violation(
                        path,
                        format!(
                            "The agreement says how {name} is paid but not when: the timing of payment is not stated. Say when each payment is made; monthly in advance is what keeps small groups solvent."
                        ),
                    ),
                    Some(Timing::Later) => RawFinding::review(
                        path,
                        format!(
                            "{name} is not paid in advance. Community partners report that monthly payment in advance is what keeps small groups solvent; check these terms with them."
                        ),
                    ),
                };
                Some(finding.suggest("Paid monthly in advance"))
            },
        )
    }

    fn evidences(&self) -> &'static [&'static str] {
        // Paying partners in advance on stated terms is what keeps a small
        // LGBTQ+ organisation in a lasting relationship (6.2).
        &["6.2"]
    }

    fn evidence_at(&self) -> Option<&'static str> {
        Some("/partners")
    }
}

/// When the terms say a partner is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Timing {
    /// Before the work ("monthly in advance", "on signing").
    InAdvance,
    /// Promptly once invoiced ("within 30 days of invoice", "on receipt of invoice").
    Prompt,
    /// After the work, or on a schedule not said to be in advance ("quarterly in arrears").
    Later,
    /// Not said at all ("£150 for each review").
    NotStated,
}

/// Words that put payment before the work.
const IN_ADVANCE: [&str; 5] = [
    "advance",
    "upfront",
    "up front",
    "on signing",
    "at the start of",
];

/// Words that say when payment is made, without putting it before the work.
const WHEN: [&str; 15] = [
    "monthly",
    "quarterly",
    "annually",
    "yearly",
    "weekly",
    "fortnightly",
    "each month",
    "every month",
    "each quarter",
    "every quarter",
    "end of",
    "on completion",
    "on delivery",
    "instalment",
    "on receipt",
];

/// The longest wait after an invoice that still counts as prompt.
const PROMPT_DAYS: u32 = 30;

impl Timing {
    /// The timing `terms` (lower case) state.
    fn of(terms: &str) -> Timing {
        let invoiced = terms.contains("invoice");
        if terms.contains("arrears") {
            Timing::Later
        } else if IN_ADVANCE.iter().any(|w| terms.contains(w)) {
            Timing::InAdvance
        } else if within_days(terms).is_some_and(|days| days <= PROMPT_DAYS)
            || (invoiced && terms.contains("on receipt"))
        {
            Timing::Prompt
        } else if WHEN.iter().any(|w| terms.contains(w)) || within_days(terms).is_some() {
            Timing::Later
        } else {
            Timing::NotStated
        }
    }
}

/// The days in the first "within 30 days", "within 14 working days",
/// "within two weeks" or "within a month" of `terms` (lower case).
fn within_days(terms: &str) -> Option<u32> {
    terms.match_indices("within ").find_map(|(i, w)| {
        let mut words = terms[i + w.len()..]
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty());
        let count = number(words.next()?)?;
        let mut unit = words.next()?;
        if ["working", "business", "calendar"].contains(&unit) {
            unit = words.next()?;
        }
        let per = if unit.starts_with("day") {
            1
        } else if unit.starts_with("week") {
            7
        } else if unit.starts_with("month") {
            30
        } else {
            return None;
        };
        Some(count * per)
    })
}

/// "30", "thirty", "a".
fn number(word: &str) -> Option<u32> {
    const WORDS: [(&str, u32); 13] = [
        ("a", 1),
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("seven", 7),
        ("ten", 10),
        ("fourteen", 14),
        ("fifteen", 15),
        ("twenty", 20),
        ("thirty", 30),
        ("sixty", 60),
    ];
    word.parse()
        .ok()
        .or_else(|| WORDS.iter().find(|(w, _)| *w == word).map(|(_, n)| *n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, not_applicable, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&PartnershipPaymentTerms);
    }

    #[test]
    fn no_terms_is_a_violation_arrears_need_review() {
        let found = findings(
            &PartnershipPaymentTerms,
            r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"A"},{"name":"B","payment_terms":"Paid in advance, then quarterly in arrears"},{"name":"C","payment_terms":"Paid up front on signing"}]}"#,
        );
        assert_eq!(
            paths(&found),
            [
                ("/partners/0/payment_terms", false),
                ("/partners/1/payment_terms", true)
            ]
        );
        assert_eq!(
            found[0].message,
            "The agreement does not say when or how A is paid."
        );
        assert!(
            found
                .iter()
                .all(|f| f.suggestions == ["Paid monthly in advance"])
        );
    }

    #[test]
    fn an_amount_without_a_time_says_the_timing_is_not_stated() {
        let found = findings(
            &PartnershipPaymentTerms,
            r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"A","payment_terms":"The Trust will pay the Centre £150 for each advisory review."},{"name":"B","payment_terms":"£500 a quarter, paid quarterly"},{"name":"C","payment_terms":"Paid within 14 working days of receipt of a valid invoice"},{"name":"D","payment_terms":"Paid on receipt of invoice"},{"name":"E","payment_terms":"Paid within 90 days of invoice"}]}"#,
        );
        assert_eq!(
            paths(&found),
            [
                ("/partners/0/payment_terms", false),
                ("/partners/1/payment_terms", true),
                ("/partners/4/payment_terms", true),
            ]
        );
        assert_eq!(
            found[0].message,
            "The agreement says how A is paid but not when: the timing of payment is not stated. Say when each payment is made; monthly in advance is what keeps small groups solvent."
        );
        assert!(found[1].message.starts_with("B is not paid in advance."));
    }

    #[test]
    fn timings_are_read_from_the_words() {
        let cases = [
            ("paid monthly in advance", Timing::InAdvance),
            ("within 30 days of invoice", Timing::Prompt),
            ("within thirty days of invoice", Timing::Prompt),
            ("within two weeks of invoice", Timing::Prompt),
            ("within 31 days", Timing::Later),
            (
                "quarterly in arrears, within 30 days of invoice",
                Timing::Later,
            ),
            ("£150 for each review", Timing::NotStated),
            ("within the budget of £500", Timing::NotStated),
        ];
        for (terms, timing) in cases {
            assert_eq!(Timing::of(terms), timing, "{terms}");
        }
    }

    #[test]
    fn a_draft_with_no_partners_is_not_applicable() {
        assert!(not_applicable(
            &PartnershipPaymentTerms,
            r#"{"title":"t","kind":"service_design"}"#
        ));
    }
}
