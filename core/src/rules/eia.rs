//! Equality impact assessment rules (framework element 3.1 and the Public
//! Sector Equality Duty): the assessment exists, covers every protected
//! characteristic with evidence, mitigates what it finds, engages the people
//! affected, and is done before the decision.

use crate::model::Severity;
use crate::model::{Audience, Draft, DraftKind, Eia, Engagement, EngagementKind, Group, Impact};
use crate::rules::{
    RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, blank, sources,
};

pub(crate) fn rules() -> Vec<Box<dyn StructuralRule>> {
    vec![
        Box::new(EiaPresent),
        Box::new(EiaCharacteristics),
        Box::new(EiaEvidence),
        Box::new(EiaNegativeMitigated),
        Box::new(EiaBeforeDecision),
        Box::new(EiaEngagement),
        Box::new(EiaAims),
        Box::new(EiaSignOffAndReview),
        Box::new(ActionsMeasurable),
        Box::new(VagueMeasures),
        Box::new(EiaWiderGroups),
        Box::new(EiaChildren),
        Box::new(EngagementFeedback),
        Box::new(LivedExperiencePaid),
    ]
}

/// The EIA, or why the rule does not apply. Kinds that do not make policy
/// (patient information, forms, other) need no EIA of their own.
fn assessment(draft: &Draft) -> Result<&Eia, Verdict> {
    match &draft.eia {
        Some(eia) => Ok(eia),
        None if draft.kind.needs_eia() => Err(Verdict::NotApplicable(
            "the draft has no equality impact assessment yet (see eia-present)".into(),
        )),
        None => Err(Verdict::NotApplicable(format!(
            "a {} has no equality impact assessment attached",
            draft.kind.as_str()
        ))),
    }
}

const MINIMAL: &str = r#"{"title":"Visiting policy","kind":"clinical_policy"}"#;

struct EiaPresent;

impl StructuralRule for EiaPresent {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-present",
            name: "Equality impact assessment written with the draft",
            severity: Severity::Error,
            advisory: false,
            elements: &["3.1"],
            tags: &["eia", "psed"],
            rationale: "A policy or service change needs an equality impact assessment, and it needs it while the draft can still change: the framework's pilot sites used the assessment as a development tool, and the courts read the duty as one met before a decision, not after.",
            source: sources::BROWN,
            fires: &[MINIMAL],
            passes: &[r#"{"title":"Visiting policy","kind":"clinical_policy","eia":{"assessor":"EDI lead"}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        if !draft.kind.needs_eia() {
            return Verdict::NotApplicable(format!(
                "a {} is covered by the assessment of the policy it serves",
                draft.kind.as_str()
            ));
        }
        match draft.eia {
            Some(_) => {
                Verdict::pass("an equality impact assessment is being written with the draft")
            }
            None => Verdict::findings(
                vec![RawFinding::violation(
                    "/eia",
                    "This draft has no equality impact assessment. Start one now, while the draft can still change.",
                )],
                "",
            ),
        }
    }
}

struct EiaCharacteristics;

impl StructuralRule for EiaCharacteristics {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-characteristics",
            name: "Every protected characteristic assessed",
            severity: Severity::Error,
            advisory: false,
            elements: &["3.1"],
            tags: &["eia", "psed"],
            rationale: "The duty covers all nine protected characteristics. A characteristic left out of the assessment is one nobody considered, and gender reassignment and sexual orientation are the two most often skipped.",
            source: sources::PROTECTED,
            fires: &[r#"{"title":"t","kind":"workforce_policy","eia":{"groups":[{"group":"age","impact":"neutral","evidence":"Staff survey 2025"}]}}"#],
            passes: &[r#"{"title":"t","kind":"workforce_policy","eia":{"groups":[
                {"group":"age","impact":"neutral"},{"group":"disability","impact":"neutral"},
                {"group":"gender_reassignment","impact":"neutral"},{"group":"marriage_and_civil_partnership","impact":"neutral"},
                {"group":"pregnancy_and_maternity","impact":"neutral"},{"group":"race","impact":"neutral"},
                {"group":"religion_or_belief","impact":"neutral"},{"group":"sex","impact":"neutral"},
                {"group":"sexual_orientation","impact":"neutral"}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let eia = match assessment(draft) {
            Ok(eia) => eia,
            Err(verdict) => return verdict,
        };
        let missing: Vec<&str> = Group::PROTECTED
            .iter()
            .filter(|g| !eia.groups.iter().any(|a| a.group == **g))
            .map(|g| g.label())
            .collect();
        if missing.is_empty() {
            return Verdict::pass("all nine protected characteristics are assessed");
        }
        let message = format!(
            "The assessment does not consider {}. Add {} with an impact and the evidence for it.",
            list(&missing),
            if missing.len() == 1 { "it" } else { "each" }
        );
        Verdict::findings(vec![RawFinding::violation("/eia/groups", message)], "")
    }
}

struct EiaEvidence;

impl StructuralRule for EiaEvidence {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-evidence",
            name: "Each impact judgement rests on evidence",
            severity: Severity::Warning,
            advisory: false,
            elements: &["3.1", "2.1"],
            tags: &["eia", "evidence"],
            rationale: "An impact of \"neutral\" or \"none\" with nothing behind it is the box-ticking the courts warn against. Say what the judgement rests on (data, research, what people told you), or say why there is no evidence and how you will get it.",
            source: sources::BROWN,
            fires: &[r#"{"title":"t","kind":"workforce_policy","eia":{"groups":[{"group":"sexual_orientation","impact":"neutral"}]}}"#],
            passes: &[r#"{"title":"t","kind":"workforce_policy","eia":{"groups":[{"group":"sexual_orientation","impact":"neutral","evidence":"Staff network reviewed the draft; no differential effect found"}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let eia = match assessment(draft) {
            Ok(eia) => eia,
            Err(verdict) => return verdict,
        };
        if eia.groups.is_empty() {
            return Verdict::NotApplicable(
                "the assessment has no groups yet (see eia-characteristics)".into(),
            );
        }
        let mut findings = Vec::new();
        for (i, assessed) in eia.groups.iter().enumerate() {
            let path = format!("/eia/groups/{i}/evidence");
            let name = assessed.group.label();
            match assessed.impact {
                // Unknown, with what is missing said and an action to find it, is honest.
                Impact::Unknown if !blank(&assessed.evidence) && !assessed.actions.is_empty() => {}
                Impact::Unknown => findings.push(RawFinding::review(
                    format!("/eia/groups/{i}/impact"),
                    format!("The impact on {name} is marked unknown. Record what evidence is missing and the action that will find it."),
                )),
                _ if !blank(&assessed.evidence) => {}
                Impact::Negative => findings.push(RawFinding::violation(
                    path,
                    format!("The negative impact on {name} has no evidence recorded. Say what shows it, so the mitigation can be judged against it."),
                )),
                Impact::Neutral | Impact::Positive => findings.push(RawFinding::review(
                    path,
                    format!("The impact on {name} is judged {} with no evidence. Say what the judgement rests on, or why there is none.", impact_word(assessed.impact)),
                )),
            }
        }
        Verdict::findings(findings, "every impact judgement records its evidence")
    }
}

fn impact_word(impact: Impact) -> &'static str {
    match impact {
        Impact::Positive => "positive",
        Impact::Negative => "negative",
        Impact::Neutral => "neutral",
        Impact::Unknown => "unknown",
    }
}

struct EiaNegativeMitigated;

impl StructuralRule for EiaNegativeMitigated {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-negative-mitigated",
            name: "Negative impacts mitigated by owned, dated, measurable actions",
            severity: Severity::Error,
            advisory: false,
            elements: &["3.1", "5.3"],
            tags: &["eia", "actions"],
            rationale: "Finding a negative impact is the start of the work. The assessment should say how the impact is removed or reduced (or why it is justified), and tie that to actions someone owns, with a date and a way to tell they worked.",
            source: sources::PSED,
            fires: &[
                r#"{"title":"t","kind":"service_design","eia":{"groups":[{"group":"gender_reassignment","impact":"negative","evidence":"Trans patients report being misgendered at reception"}]}}"#,
                r#"{"title":"t","kind":"service_design","eia":{"groups":[{"group":"age","impact":"negative","evidence":"e","mitigation":"m","actions":["A9"]}]}}"#,
            ],
            passes: &[r#"{"title":"t","kind":"service_design","eia":{"groups":[{"group":"gender_reassignment","impact":"negative","evidence":"e","mitigation":"Reception staff record and use the name a patient gives","actions":["A1"]}],
                "actions":[{"id":"A1","description":"Update the booking system to hold a chosen name","owner":"Head of digital","due":"2027-03-31","measure":"Audit of 50 bookings shows chosen name used in 95%"}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let eia = match assessment(draft) {
            Ok(eia) => eia,
            Err(verdict) => return verdict,
        };
        if !eia.groups.iter().any(|g| g.impact == Impact::Negative) {
            return Verdict::NotApplicable("the assessment records no negative impact".into());
        }
        let mut findings = Vec::new();
        for (i, assessed) in eia.groups.iter().enumerate() {
            if assessed.impact != Impact::Negative {
                continue;
            }
            let name = assessed.group.label();
            if blank(&assessed.mitigation) {
                findings.push(RawFinding::violation(
                    format!("/eia/groups/{i}/mitigation"),
                    format!("The negative impact on {name} has no mitigation. Say how it will be removed or reduced, or why it is justified."),
                ));
            }
            if assessed.actions.is_empty() {
                findings.push(RawFinding::violation(
                    format!("/eia/groups/{i}/actions"),
                    format!("The negative impact on {name} has no action. Add at least one action with an owner, a due date and a measure."),
                ));
            }
            for (j, id) in assessed.actions.iter().enumerate() {
                let path = format!("/eia/groups/{i}/actions/{j}");
                if !eia.actions.iter().any(|a| &a.id == id) {
                    findings.push(RawFinding::violation(
                        path,
                        format!("The mitigation for {name} refers to action {id:?}, which is not in the action plan."),
                    ));
                }
            }
        }
        Verdict::findings(
            findings,
            "every negative impact is mitigated by an owned, dated, measurable action",
        )
    }
}

fn missing_parts(eia: &Eia, index: usize) -> Vec<&'static str> {
    let action = &eia.actions[index];
    let mut missing = Vec::new();
    if blank(&action.owner) {
        missing.push("owner");
    }
    if action.due.is_none() {
        missing.push("due date");
    }
    if blank(&action.measure) {
        missing.push("measure");
    }
    missing
}

struct EiaBeforeDecision;

impl StructuralRule for EiaBeforeDecision {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-before-decision",
            name: "Assessment completed before the decision",
            severity: Severity::Error,
            advisory: false,
            elements: &["3.1"],
            tags: &["eia", "psed", "timing"],
            rationale: "Due regard has to be paid before and at the time a decision is taken; an assessment dated after the decision reads as a justification written afterwards. The framework asks for the assessment to be a development tool, not a review.",
            source: sources::BROWN,
            fires: &[r#"{"title":"t","kind":"clinical_policy","dates":{"decision":"2026-05-01"},"eia":{"completed_on":"2026-06-10"}}"#],
            passes: &[r#"{"title":"t","kind":"clinical_policy","dates":{"decision":"2026-05-01"},"eia":{"completed_on":"2026-04-02"}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let eia = match assessment(draft) {
            Ok(eia) => eia,
            Err(verdict) => return verdict,
        };
        let (Some(done), Some(decision)) = (&eia.completed_on, &draft.dates.decision) else {
            let finding = RawFinding::review(
                if eia.completed_on.is_none() {
                    "/eia/completed_on"
                } else {
                    "/dates/decision"
                },
                "Record when the assessment was completed and when the decision is due, so the record shows it came first.",
            );
            return Verdict::findings(vec![finding], "");
        };
        if done > decision {
            let finding = RawFinding::violation(
                "/eia/completed_on",
                format!(
                    "The assessment was completed on {done}, after the decision on {decision}. Revisit the decision in the light of the assessment, and record that you did."
                ),
            );
            return Verdict::findings(vec![finding], "");
        }
        Verdict::pass(format!(
            "the assessment ({done}) came before the decision ({decision})"
        ))
    }
}

struct EiaEngagement;

impl StructuralRule for EiaEngagement {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-engagement",
            name: "People affected engaged, LGBTQ+ voices included",
            severity: Severity::Warning,
            advisory: false,
            elements: &["5.1", "6.1"],
            tags: &["eia", "co-production"],
            rationale: "The framework asks that LGBTQ+ voices are included when services are designed and commissioned. An assessment with no engagement, or with none led by LGBTQ+ people, is judging the impact on people it has not asked.",
            source: sources::FRAMEWORK,
            fires: &[
                r#"{"title":"t","kind":"service_design","eia":{"assessor":"a"}}"#,
                r#"{"title":"t","kind":"service_design","eia":{"engagement":[{"with":"Patient panel","kind":"meeting"}]}}"#,
            ],
            passes: &[r#"{"title":"t","kind":"service_design","eia":{"engagement":[{"with":"Local LGBTQ+ health collective","kind":"co_production","lgbtq_led":true}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let eia = match assessment(draft) {
            Ok(eia) => eia,
            Err(verdict) => return verdict,
        };
        if eia.engagement.is_empty() {
            let finding = RawFinding::violation(
                "/eia/engagement",
                "No engagement is recorded. Record who was asked, how and when, including an LGBTQ+ group or network.",
            );
            return Verdict::findings(vec![finding], "");
        }
        if !eia.engagement.iter().any(|e| e.lgbtq_led) {
            let finding = RawFinding::violation(
                "/eia/engagement",
                "None of the engagement recorded was with an LGBTQ+-led group. Ask the LGBTQ+ staff network or a local LGBTQ+ organisation.",
            );
            return Verdict::findings(vec![finding], "");
        }
        Verdict::pass("engagement is recorded, including with an LGBTQ+-led group")
    }
}

struct EiaAims;

impl StructuralRule for EiaAims {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-psed-aims",
            name: "The three aims of the equality duty addressed",
            severity: Severity::Warning,
            advisory: false,
            elements: &["3.1"],
            tags: &["eia", "psed"],
            rationale: "Section 149 asks for due regard to three aims: eliminating discrimination, harassment and victimisation; advancing equality of opportunity; and fostering good relations. An assessment should say how the draft serves each.",
            source: sources::PSED,
            fires: &[r#"{"title":"t","kind":"commissioning","eia":{"aims":{"eliminate_discrimination":"Complaints route named"}}}"#],
            passes: &[r#"{"title":"t","kind":"commissioning","eia":{"aims":{"eliminate_discrimination":"a","advance_equality":"b","foster_good_relations":"c"}}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let eia = match assessment(draft) {
            Ok(eia) => eia,
            Err(verdict) => return verdict,
        };
        let aims = [
            (
                "eliminate_discrimination",
                "eliminating discrimination, harassment and victimisation",
                &eia.aims.eliminate_discrimination,
            ),
            (
                "advance_equality",
                "advancing equality of opportunity",
                &eia.aims.advance_equality,
            ),
            (
                "foster_good_relations",
                "fostering good relations",
                &eia.aims.foster_good_relations,
            ),
        ];
        let findings = aims
            .iter()
            .filter(|(_, _, text)| blank(text))
            .map(|(key, words, _)| {
                RawFinding::violation(
                    format!("/eia/aims/{key}"),
                    format!("The assessment does not say how the draft serves the duty's aim of {words}."),
                )
            })
            .collect();
        Verdict::findings(findings, "all three aims of the duty are addressed")
    }
}

struct EiaSignOffAndReview;

impl StructuralRule for EiaSignOffAndReview {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-sign-off-review",
            name: "Assessment signed off, with a review date",
            severity: Severity::Warning,
            advisory: false,
            elements: &["3.1"],
            tags: &["eia", "governance"],
            rationale: "The duty is a continuing one and cannot be delegated: someone accountable signs the assessment off, and a review date makes sure the impacts are looked at again once the policy is in use.",
            source: sources::BROWN,
            fires: &[r#"{"title":"t","kind":"workforce_policy","eia":{"assessor":"a"}}"#],
            passes: &[r#"{"title":"t","kind":"workforce_policy","dates":{"decision":"2026-03-01","review":"2027-03-01"},"eia":{"sign_off":{"name":"Director of People","date":"2026-02-20"}}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let eia = match assessment(draft) {
            Ok(eia) => eia,
            Err(verdict) => return verdict,
        };
        let mut findings = Vec::new();
        if eia
            .sign_off
            .as_ref()
            .is_none_or(|s| s.name.trim().is_empty())
        {
            findings.push(RawFinding::violation(
                "/eia/sign_off",
                "Nobody has signed the assessment off. Name the accountable person and the date.",
            ));
        }
        match (&draft.dates.review, &draft.dates.decision) {
            (None, _) => findings.push(RawFinding::violation(
                "/dates/review",
                "There is no review date. Set one, so the impacts are looked at again once the policy is in use.",
            )),
            (Some(review), Some(decision)) if review <= decision => findings.push(RawFinding::violation(
                "/dates/review",
                format!("The review date ({review}) is not after the decision ({decision})."),
            )),
            _ => {}
        }
        Verdict::findings(
            findings,
            "the assessment is signed off and has a review date",
        )
    }
}

struct ActionsMeasurable;

impl StructuralRule for ActionsMeasurable {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "actions-measurable",
            name: "Every action has an owner, a date and a measure",
            severity: Severity::Warning,
            advisory: false,
            elements: &["5.3"],
            tags: &["actions", "action-plan"],
            rationale: "The framework asks for targeted interventions with measurable outcomes. An action without an owner, a due date or a measure cannot be followed up, so it rarely happens.",
            source: sources::FRAMEWORK,
            fires: &[r#"{"title":"t","kind":"action_plan","eia":{"actions":[{"id":"A1","description":"Raise awareness of trans health needs"}]}}"#],
            passes: &[r#"{"title":"t","kind":"action_plan","eia":{"actions":[{"id":"A1","description":"Train reception teams","owner":"Practice manager","due":"2027-01-31","measure":"90% of reception staff trained"}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let Some(eia) = draft.eia.as_ref().filter(|e| !e.actions.is_empty()) else {
            return Verdict::NotApplicable("the draft has no actions".into());
        };
        let findings = (0..eia.actions.len())
            .filter_map(|k| {
                let missing = missing_parts(eia, k);
                let action = &eia.actions[k];
                let mitigates: Vec<&str> = eia
                    .groups
                    .iter()
                    .filter(|g| g.impact == Impact::Negative && g.actions.contains(&action.id))
                    .map(|g| g.group.label())
                    .collect();
                let context = if mitigates.is_empty() {
                    String::new()
                } else {
                    format!(
                        ", which mitigates the negative impact on {},",
                        list(&mitigates)
                    )
                };
                (!missing.is_empty()).then(|| {
                    RawFinding::violation(
                        format!("/eia/actions/{k}"),
                        format!("Action {:?}{context} has no {}.", action.id, list(&missing)),
                    )
                })
            })
            .collect();
        Verdict::findings(
            findings,
            "every action has an owner, a due date and a measure",
        )
    }
}

/// "a", "a and b", "a, b and c".
pub(crate) fn list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

struct VagueMeasures;

/// Words that describe an activity or a direction, not a result.
const VAGUE: [&str; 12] = [
    "raise awareness",
    "raising awareness",
    "increase awareness",
    "improve",
    "improvement",
    "enhance",
    "promote",
    "ongoing",
    "continue",
    "continued",
    "in place",
    "completed",
];

/// A measure says how much, by when or compared with what.
fn is_measurable(measure: &str) -> bool {
    measure.bytes().any(|b| b.is_ascii_digit())
        || ["baseline", "target", "audit", "every", "all "]
            .iter()
            .any(|w| measure.to_ascii_lowercase().contains(w))
}

impl StructuralRule for VagueMeasures {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "actions-vague-measure",
            name: "Measures that say what success looks like",
            severity: Severity::Info,
            advisory: true,
            elements: &["5.3"],
            tags: &["actions", "action-plan"],
            rationale: "\"Raise awareness\" or \"improve access\" describe an activity or a direction, not a result anyone can check. A measure with a number, a baseline or a target date lets the people affected see whether the action worked.",
            source: sources::FRAMEWORK,
            fires: &[r#"{"title":"t","kind":"action_plan","eia":{"actions":[{"id":"A1","description":"Staff training","owner":"EDI lead","due":"2027-03-31","measure":"Raise awareness of trans patients' needs"}]}}"#],
            passes: &[r#"{"title":"t","kind":"action_plan","eia":{"actions":[{"id":"A1","description":"Staff training","owner":"EDI lead","due":"2027-03-31","measure":"80% of front-line staff trained; patient survey shows respectful care score up from 62% to 75%"}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let Some(eia) = draft
            .eia
            .as_ref()
            .filter(|e| e.actions.iter().any(|a| !blank(&a.measure)))
        else {
            return Verdict::NotApplicable("no action states a measure".into());
        };
        let findings = eia
            .actions
            .iter()
            .enumerate()
            .filter_map(|(k, action)| {
                let measure = action.measure.as_deref()?.trim();
                let lower = measure.to_ascii_lowercase();
                let vague = VAGUE.iter().any(|w| lower.contains(w)) && !is_measurable(measure);
                vague.then(|| {
                    RawFinding::review(
                        format!("/eia/actions/{k}/measure"),
                        format!("The measure for action {:?} (\"{measure}\") describes an activity, not a result. Say how much, compared with what, by when.", action.id),
                    )
                    .suggest("e.g. 90% of reception staff trained by March 2027; complaints about misgendering halved from the 2025-26 baseline")
                })
            })
            .collect();
        Verdict::findings(findings, "every measure states a checkable result")
    }
}

struct EiaWiderGroups;

impl StructuralRule for EiaWiderGroups {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-wider-groups",
            name: "The NHS's wider groups considered",
            severity: Severity::Info,
            advisory: true,
            elements: &["3.1"],
            tags: &["eia", "health-inequalities"],
            rationale: "NHS bodies also have health inequalities duties, and NHS equality assessments usually look beyond the nine protected characteristics: carers, people in the most deprived areas (Core20PLUS5), and inclusion health groups. The rule pack sets which groups are expected (by default carers, deprivation and inclusion health groups).",
            source: sources::NHS_INEQUALITIES,
            fires: &[r#"{"title":"t","kind":"service_design","eia":{"groups":[{"group":"carers","impact":"neutral","evidence":"e"}]}}"#],
            passes: &[r#"{"title":"t","kind":"service_design","eia":{"groups":[{"group":"carers","impact":"neutral","evidence":"e"},{"group":"deprivation","impact":"positive","evidence":"e"},{"group":"inclusion_health","impact":"unknown"}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, cx: &RuleContext<'_>) -> Verdict {
        // Health inequalities duties are about the people a service serves,
        // not the organisation's own staff.
        if draft.kind == DraftKind::WorkforcePolicy {
            return Verdict::NotApplicable(
                "a workforce policy is assessed for staff, not for health inequalities".into(),
            );
        }
        let eia = match assessment(draft) {
            Ok(eia) => eia,
            Err(verdict) => return verdict,
        };
        if cx.options.wider_groups.is_empty() {
            return Verdict::NotApplicable("the rule pack expects no wider groups".into());
        }
        let missing: Vec<&str> = cx
            .options
            .wider_groups
            .iter()
            .filter(|g| !eia.groups.iter().any(|a| a.group == **g))
            .map(|g| g.label())
            .collect();
        if missing.is_empty() {
            return Verdict::pass("the wider groups the pack expects are assessed");
        }
        let finding = RawFinding::review(
            "/eia/groups",
            format!(
                "The assessment does not consider {}. NHS health inequalities duties usually expect these groups to be considered too.",
                list(&missing)
            ),
        );
        Verdict::findings(vec![finding], "")
    }
}

struct EiaChildren;

impl StructuralRule for EiaChildren {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-children-young-people",
            name: "Children and young people considered",
            severity: Severity::Warning,
            advisory: false,
            elements: &["5.2"],
            tags: &["eia", "children"],
            rationale: "The framework asks organisations to listen and respond to the needs of LGBTQ+ children and young people, particularly around mental health. When a draft is for children and young people, the assessment should rest on evidence about them and on hearing from them.",
            source: sources::FRAMEWORK,
            fires: &[r#"{"title":"t","kind":"service_design","audience":["children_and_young_people"],"eia":{"groups":[{"group":"age","impact":"neutral"}]}}"#],
            passes: &[r#"{"title":"t","kind":"service_design","audience":["children_and_young_people"],"eia":{"groups":[{"group":"age","impact":"positive","evidence":"CAMHS waiting list data 2025"}],"engagement":[{"with":"Youth LGBTQ+ group","kind":"focus_group","lgbtq_led":true}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        if !draft.audience.contains(&Audience::ChildrenAndYoungPeople) {
            return Verdict::NotApplicable("the draft is not for children and young people".into());
        }
        let eia = match assessment(draft) {
            Ok(eia) => eia,
            Err(verdict) => return verdict,
        };
        let mut findings = Vec::new();
        let age_evidence = eia
            .groups
            .iter()
            .any(|g| g.group == Group::Age && !blank(&g.evidence));
        if !age_evidence {
            findings.push(RawFinding::violation(
                "/eia/groups",
                "The draft is for children and young people, but the assessment has no evidence on age. Say what is known about their needs, LGBTQ+ young people's included.",
            ));
        }
        let young = [
            "young", "youth", "children", "camhs", "pupil", "student", "school",
        ];
        let heard = eia.engagement.iter().any(|e| {
            let with = e.with.to_ascii_lowercase();
            young.iter().any(|w| with.contains(w))
        });
        if !heard {
            findings.push(RawFinding::violation(
                "/eia/engagement",
                "The draft is for children and young people, but no engagement with them is recorded.",
            ));
        }
        Verdict::findings(
            findings,
            "children and young people's needs are evidenced and they were heard",
        )
    }
}

struct EngagementFeedback;

impl StructuralRule for EngagementFeedback {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "engagement-feedback-given",
            name: "People told how their input was used",
            severity: Severity::Info,
            advisory: true,
            elements: &["5.1", "5.3"],
            tags: &["eia", "co-production"],
            rationale: "Groups who give their time and expertise want to know what difference it made; partners in the 2025 guide describe being asked and then hearing nothing, and being brought in earlier next time when they were told. Recording how feedback was given back keeps the relationship honest.",
            source: sources::PARTNERSHIP_GUIDE,
            fires: &[r#"{"title":"t","kind":"service_design","eia":{"engagement":[{"with":"Trans patient panel","kind":"focus_group","lgbtq_led":true}]}}"#],
            passes: &[r#"{"title":"t","kind":"service_design","eia":{"engagement":[{"with":"Trans patient panel","kind":"focus_group","lgbtq_led":true,"feedback_given":"Wrote to the panel in May with the changes made and those not made, and why"}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let Some(eia) = draft.eia.as_ref().filter(|e| !e.engagement.is_empty()) else {
            return Verdict::NotApplicable("no engagement is recorded".into());
        };
        let findings = eia
            .engagement
            .iter()
            .enumerate()
            .filter(|(_, e)| blank(&e.feedback_given))
            .map(|(i, e)| {
                RawFinding::review(
                    format!("/eia/engagement/{i}/feedback_given"),
                    format!(
                        "The record does not say how {} heard what was done with their input.",
                        e.with
                    ),
                )
            })
            .collect();
        Verdict::findings(
            findings,
            "everyone engaged was told how their input was used",
        )
    }
}

struct LivedExperiencePaid;

impl StructuralRule for LivedExperiencePaid {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "engagement-lived-experience-paid",
            name: "Lived-experience contributors paid for their time",
            severity: Severity::Warning,
            advisory: false,
            elements: &["5.1", "6.2"],
            tags: &["eia", "co-production", "funding"],
            rationale: "Co-production asks people to share their own experience, often of harm, and to give time that professionals are paid for. The partnership guide asks for lived experience to be remunerated and gathered in a trauma-informed way; an unpaid ask of a small community group is one the group may not be able to afford.",
            source: sources::PARTNERSHIP_GUIDE,
            fires: &[r#"{"title":"t","kind":"service_design","eia":{"engagement":[{"with":"Trans patient panel","kind":"co_production","lgbtq_led":true,"remunerated":false}]}}"#],
            passes: &[r#"{"title":"t","kind":"service_design","eia":{"engagement":[{"with":"Trans patient panel","kind":"co_production","lgbtq_led":true,"remunerated":true}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        // Staff networks and unions take part in work time; the duty to pay is
        // to people from outside who give their time and experience.
        let internal = ["staff", "employee", "union", "colleague", "workforce"];
        let lived = |e: &Engagement| {
            matches!(
                e.kind,
                EngagementKind::CoProduction
                    | EngagementKind::FocusGroup
                    | EngagementKind::Interview
            ) && !internal
                .iter()
                .any(|w| e.with.to_ascii_lowercase().contains(w))
        };
        let Some(eia) = draft
            .eia
            .as_ref()
            .filter(|e| e.engagement.iter().any(&lived))
        else {
            return Verdict::NotApplicable(
                "no co-production, focus group or interview with people from outside the organisation is recorded".into(),
            );
        };
        let mut findings = Vec::new();
        for (i, e) in eia.engagement.iter().enumerate().filter(|(_, e)| lived(e)) {
            let path = format!("/eia/engagement/{i}/remunerated");
            match e.remunerated {
                Some(true) => {}
                Some(false) => findings.push(RawFinding::violation(
                    path,
                    format!(
                        "{} gave their lived experience unpaid. Pay contributors for their time.",
                        e.with
                    ),
                )),
                None => findings.push(RawFinding::review(
                    path,
                    format!(
                        "The record does not say whether {} were paid for their time.",
                        e.with
                    ),
                )),
            }
        }
        Verdict::findings(findings, "lived-experience contributors were paid")
    }
}
