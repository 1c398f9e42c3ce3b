//! Partnership rules (framework elements 6.1 and 6.2, and the tips in the
//! National LGBT Partnership's 2025 guide): how an agreement with a community
//! organisation pays, names, decides, credits and protects its partner.

use crate::model::Severity;
use crate::model::{Draft, DraftKind, Partner};
use crate::rules::{
    RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, blank, sources,
};

pub(crate) fn rules() -> Vec<Box<dyn StructuralRule>> {
    vec![
        Box::new(PartnersNamed),
        Box::new(PaymentTerms),
        Box::new(NamedLeads),
        Box::new(DecisionProcess),
        Box::new(Credit),
        Box::new(BacklashPlan),
    ]
}

/// The partners, or why partnership rules do not apply.
fn partners(draft: &Draft) -> Result<&[Partner], Verdict> {
    if draft.partners.is_empty() {
        return Err(Verdict::NotApplicable(
            if draft.kind == DraftKind::PartnershipAgreement {
                "the agreement names no partner yet (see partnership-partners-named)".into()
            } else {
                "the draft names no community partners".into()
            },
        ));
    }
    Ok(&draft.partners)
}

/// Runs `check` on each partner (at most one finding each), or says why the
/// rule does not apply.
fn per_partner(
    draft: &Draft,
    pass: &str,
    check: impl Fn(usize, &Partner) -> Option<RawFinding>,
) -> Verdict {
    match partners(draft) {
        Ok(list) => {
            let findings = list
                .iter()
                .enumerate()
                .filter_map(|(i, p)| check(i, p))
                .collect();
            Verdict::findings(findings, pass)
        }
        Err(verdict) => verdict,
    }
}

const AGREEMENT: &str = r#"{"title":"Outreach partnership","kind":"partnership_agreement","partners":[{"name":"Rainbow Health Collective","lgbtq_led":true,"partner_lead":"Sam Okafor, director","our_lead":"Head of sexual health","payment_terms":"Paid monthly in advance","decision_process":"Joint steering group; changes agreed by both leads","credit":"Named as co-designer on all materials"}],"sections":[{"id":"risk","text":"If the project attracts anti-LGBTQ+ backlash we will agree a safety plan and a joint communications plan."}]}"#;

struct PartnersNamed;

impl StructuralRule for PartnersNamed {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "partnership-partners-named",
            name: "A partnership agreement names its partners",
            severity: Severity::Error,
            advisory: false,
            elements: &["6.1"],
            tags: &["partnership"],
            rationale: "The framework asks organisations to use the knowledge and reach of community organisations when they design or commission services. An agreement that does not record who the partner is cannot show that, and the other partnership checks have nothing to read.",
            source: sources::FRAMEWORK,
            fires: &[r#"{"title":"Outreach partnership","kind":"partnership_agreement"}"#],
            passes: &[AGREEMENT],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        if draft.kind != DraftKind::PartnershipAgreement {
            return Verdict::NotApplicable("the draft is not a partnership agreement".into());
        }
        if draft.partners.is_empty() {
            let finding = RawFinding::violation(
                "/partners",
                "The agreement names no partner organisation. Record each partner, whether it is LGBTQ+-led, and its lead.",
            );
            return Verdict::findings(vec![finding], "");
        }
        Verdict::pass("the agreement names its community partners")
    }
}

struct PaymentTerms;

impl StructuralRule for PaymentTerms {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "partnership-payment-terms",
            name: "Partners know when and how they are paid",
            severity: Severity::Warning,
            advisory: false,
            elements: &["6.2"],
            tags: &["partnership", "funding"],
            rationale: "Small community groups can run short of money when payment comes late or in a way their structure cannot handle. The National LGBT Partnership's guide asks for clear payment expectations from the start; partners report that monthly payment in advance works, and quarterly payment in arrears is what strains them.",
            source: sources::PARTNERSHIP_GUIDE,
            fires: &[
                r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"Rainbow Health Collective"}]}"#,
                r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"Rainbow Health Collective","payment_terms":"Invoices paid quarterly in arrears"}]}"#,
            ],
            passes: &[AGREEMENT],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        per_partner(
            draft,
            "every partner is paid in advance on stated terms",
            |i, partner| {
                let path = format!("/partners/{i}/payment_terms");
                let terms = partner
                    .payment_terms
                    .as_deref()
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_ascii_lowercase);
                let in_advance = |terms: &str| {
                    !terms.contains("arrears")
                        && [
                            "advance",
                            "upfront",
                            "up front",
                            "on signing",
                            "at the start of",
                        ]
                        .iter()
                        .any(|w| terms.contains(w))
                };
                let finding = match terms {
                    None => RawFinding::violation(
                        path,
                        format!(
                            "The agreement does not say when or how {} is paid.",
                            partner.name
                        ),
                    ),
                    Some(terms) if !in_advance(&terms) => RawFinding::review(
                        path,
                        format!(
                            "{} is not paid in advance. Community partners report that monthly payment in advance is what keeps small groups solvent; check these terms with them.",
                            partner.name
                        ),
                    ),
                    Some(_) => return None,
                };
                Some(finding.suggest("Paid monthly in advance"))
            },
        )
    }
}

struct NamedLeads;

impl StructuralRule for NamedLeads {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "partnership-named-leads",
            name: "A named lead on both sides",
            severity: Severity::Warning,
            advisory: false,
            elements: &["6.2"],
            tags: &["partnership"],
            rationale: "A named project lead on each side, with current contact details, is how a small group finds its way around NHS systems and how problems get raised early. The partnership guide recommends it from the start of a project.",
            source: sources::PARTNERSHIP_GUIDE,
            fires: &[r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"Rainbow Health Collective","partner_lead":"Sam Okafor"}]}"#],
            passes: &[AGREEMENT],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        per_partner(
            draft,
            "each partnership has a named lead on both sides",
            |i, p| {
                let (path, side) = match (blank(&p.partner_lead), blank(&p.our_lead)) {
                    (false, false) => return None,
                    (true, true) => (format!("/partners/{i}"), "either side".to_owned()),
                    (true, false) => (
                        format!("/partners/{i}/partner_lead"),
                        format!("{}'s side", p.name),
                    ),
                    (false, true) => (format!("/partners/{i}/our_lead"), "our side".to_owned()),
                };
                Some(RawFinding::violation(
                    path,
                    format!(
                        "The partnership with {} has no named lead on {side}.",
                        p.name
                    ),
                ))
            },
        )
    }
}

struct DecisionProcess;

impl StructuralRule for DecisionProcess {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "partnership-decision-process",
            name: "An agreed way to make decisions",
            severity: Severity::Warning,
            advisory: false,
            elements: &["6.1"],
            tags: &["partnership"],
            rationale: "Partners who cannot shape key decisions are being consulted, not working in partnership. The guide recommends agreeing at the start how decisions and edits to materials are made, so both sides contribute and disagreements have a route.",
            source: sources::PARTNERSHIP_GUIDE,
            fires: &[r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"Rainbow Health Collective"}]}"#],
            passes: &[AGREEMENT],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        const SHARED: [&str; 11] = [
            "joint",
            "jointly",
            "both",
            "agree",
            "agreed",
            "agreement",
            "consensus",
            "co-chair",
            "together",
            "shared",
            "each partner",
        ];
        per_partner(
            draft,
            "each partnership has an agreed, shared decision process",
            |i, p| {
                let path = format!("/partners/{i}/decision_process");
                match p.decision_process.as_deref().map(str::trim) {
                    None | Some("") => Some(RawFinding::violation(
                        path,
                        format!(
                            "The agreement does not say how decisions are made with {}. Agree how both sides contribute to key decisions and edits.",
                            p.name
                        ),
                    )),
                    Some(process) => {
                        let lower = process.to_lowercase();
                        (!SHARED.iter().any(|w| lower.contains(w))).then(|| {
                        RawFinding::review(
                            path,
                            format!("The decision process does not say how {} shares in decisions. Check that both sides can shape key decisions, not only be consulted.", p.name),
                        )
                    })
                    }
                }
            },
        )
    }
}

struct Credit;

impl StructuralRule for Credit {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "partnership-credit",
            name: "Partners credited, not co-opted",
            severity: Severity::Warning,
            advisory: false,
            elements: &["6.2"],
            tags: &["partnership"],
            rationale: "Community groups describe having their name kept on work whose substance was removed, so that it looked co-produced. Saying in the agreement how the partner's contribution is credited, and that it is not used without their agreement, protects the relationship the framework asks organisations to foster.",
            source: sources::PARTNERSHIP_GUIDE,
            fires: &[r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"Rainbow Health Collective"}]}"#],
            passes: &[AGREEMENT],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        per_partner(draft, "each partner's contribution is credited", |i, p| {
            blank(&p.credit).then(|| {
                RawFinding::violation(
                    format!("/partners/{i}/credit"),
                    format!("The agreement does not say how {}'s contribution is credited. Record how they are named, and that their name is not used on work they have not agreed.", p.name),
                )
            })
        })
    }
}

struct BacklashPlan;

/// Phrases that show the risk of backlash is planned for; bare "abuse" or
/// "attack" would also match "drug and alcohol abuse" or "heart attack".
const BACKLASH_WORDS: [&str; 10] = [
    "backlash",
    "online abuse",
    "abuse of staff",
    "harassment",
    "hostility",
    "hostile",
    "safety plan",
    "safety planning",
    "anti-lgbtq",
    "anti-trans",
];

impl StructuralRule for BacklashPlan {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "partnership-backlash-plan",
            name: "Honest about the risk of backlash",
            severity: Severity::Info,
            advisory: true,
            elements: &["6.2"],
            tags: &["partnership", "safety"],
            rationale: "Anti-LGBTQ+ backlash is becoming more common, and its weight often falls on small groups staffed by the people under attack. The partnership guide asks health organisations to be honest with partners when a project is at risk, and to plan together: safety planning, spotting discriminatory rhetoric, communications that do not feed the backlash.",
            source: sources::PARTNERSHIP_GUIDE,
            fires: &[r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"Rainbow Health Collective","lgbtq_led":true}],"sections":[{"id":"a","text":"Both partners will publicise the service."}]}"#],
            passes: &[AGREEMENT],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let list = match partners(draft) {
            Ok(list) => list,
            Err(verdict) => return verdict,
        };
        if !list.iter().any(|p| p.lgbtq_led) {
            return Verdict::NotApplicable("no partner is LGBTQ+-led".into());
        }
        let mentions = draft.sections.iter().any(|s| {
            let text = s.text.to_ascii_lowercase();
            BACKLASH_WORDS.iter().any(|w| text.contains(w))
        });
        if mentions {
            return Verdict::pass("the agreement plans for the risk of backlash with its partner");
        }
        let finding = RawFinding::review(
            "/sections",
            "The agreement does not say what happens if the work attracts anti-LGBTQ+ backlash. Agree how you will support the partner: safety planning, shared communications, and honesty if the project is at risk.",
        );
        Verdict::findings(vec![finding], "")
    }
}
