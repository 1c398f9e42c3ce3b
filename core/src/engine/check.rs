//! Assembling a report: term findings (cached per text), structural rules
//! (cheap, so re-run on every check), section text rules, waivers, the
//! findings limit, the summary and the roll-up to the framework.

use std::collections::{BTreeMap, BTreeSet};
use std::panic::{AssertUnwindSafe, catch_unwind};

use super::Engine;
use super::finding::{Placed, next_occurrence, outcome, structural_finding};
use super::overlap::fold_overlaps;
use super::rollup::{pillar_status, roll_up, summarise};
use super::scan::{TextFindings, rule_failure};
use super::texts::TextKind;
use super::waivers::apply_waivers;
use crate::model::Draft;
use crate::model::{
    DraftInfo, EngineInfo, Finding, REPORT_FORMAT_VERSION, Report, RuleFailure, RuleOutcome,
    Severity,
};
use crate::rules::{RawFinding, RuleContext, Verdict};

impl Engine {
    /// Checks a draft. Never fails: a rule that breaks is reported in `errors`.
    pub fn check(&self, draft: &Draft) -> Report {
        let texts: Vec<TextFindings> = super::texts::texts_of(draft)
            .iter()
            .map(|text| self.text_findings(text))
            .collect();
        self.assemble(draft, &texts)
    }

    /// Builds the report from per-text term findings (one per [`texts_of`]
    /// entry, in order) and the structural rules, which are cheap to re-run.
    pub(crate) fn assemble(&self, draft: &Draft, texts: &[TextFindings]) -> Report {
        let mut placed: Vec<Placed> = Vec::new();
        let mut passes = Vec::new();
        let mut inapplicable = Vec::new();
        let mut errors = Vec::new();

        self.term_outcomes(texts, &mut placed, &mut passes, &mut inapplicable);

        let cx = RuleContext {
            options: &self.options,
            known_rules: &self.known_rules,
        };
        for (order, (rule, meta_index)) in self.structural.iter().enumerate() {
            let meta = &self.metas[*meta_index];
            match catch_unwind(AssertUnwindSafe(|| rule.check(draft, &cx))) {
                Err(panic) => errors.push(RuleFailure {
                    rule: meta.id.clone(),
                    message: rule_failure(panic.as_ref()),
                }),
                Ok(Verdict::NotApplicable(reason)) => inapplicable.push(outcome(meta, reason)),
                Ok(Verdict::Checked {
                    findings,
                    pass_reason,
                }) if findings.is_empty() => passes.push(outcome(meta, pass_reason)),
                Ok(Verdict::Checked { findings, .. }) => {
                    let mut seen = BTreeMap::new();
                    for (n, raw) in findings.into_iter().enumerate() {
                        let occurrence = next_occurrence(&mut seen, &raw.path);
                        placed.push(structural_finding(
                            draft,
                            meta,
                            raw,
                            None,
                            (1, order, n),
                            occurrence,
                        ));
                    }
                }
            }
        }

        self.section_outcomes(
            draft,
            texts,
            &mut placed,
            &mut passes,
            &mut inapplicable,
            &mut errors,
        );

        fold_overlaps(&mut placed);
        let unused = apply_waivers(draft, &mut placed);
        self.unused_waiver_notes(draft, &unused, &mut placed, &mut passes);
        placed.sort_by(|a, b| {
            a.order
                .cmp(&b.order)
                .then_with(|| a.finding.rule.cmp(&b.finding.rule))
        });
        // Past the limit, findings are counted, not listed; what blocks the
        // gate is counted first, so a long report never clears it by accident.
        let is_blocking = |p: &Placed| {
            !p.review && p.finding.severity == Severity::Error && p.finding.waiver.is_none()
        };
        let mut omitted: usize = texts.iter().map(|t| t.omitted).sum();
        let mut omitted_blocking: usize = texts.iter().map(|t| t.omitted_blocking).sum();
        if placed.len() > self.limits.max_findings {
            let dropped = placed.split_off(self.limits.max_findings);
            omitted += dropped.len();
            omitted_blocking += dropped.iter().filter(|p| is_blocking(p)).count();
        }
        let (review, violations): (Vec<Placed>, Vec<Placed>) =
            placed.into_iter().partition(|p| p.review);
        let violations: Vec<Finding> = violations.into_iter().map(|p| p.finding).collect();
        let needs_review: Vec<Finding> = review.into_iter().map(|p| p.finding).collect();
        let elements = roll_up(
            draft,
            &self.metas,
            &violations,
            &needs_review,
            &passes,
            &errors,
        );
        let pillars = pillar_status(&elements, &violations, &needs_review);
        let mut summary = summarise(&violations, &needs_review, &passes, &inapplicable, &errors);
        summary.omitted = omitted;
        summary.blocking += omitted_blocking;
        Report {
            format_version: REPORT_FORMAT_VERSION,
            engine: EngineInfo {
                version: env!("CARGO_PKG_VERSION").into(),
                rule_pack: self.pack_name.clone(),
                rule_pack_version: self.pack_version.clone(),
                guidance_as_of: self.guidance_as_of.clone(),
            },
            draft: DraftInfo {
                title: draft.title.clone(),
                kind: draft.kind.as_str().into(),
            },
            summary,
            violations,
            needs_review,
            passes,
            inapplicable,
            errors,
            elements,
            pillars,
            recognised: None,
        }
    }

    /// Section text rules, from the scans cached per section text.
    fn section_outcomes(
        &self,
        draft: &Draft,
        texts: &[TextFindings],
        placed: &mut Vec<Placed>,
        passes: &mut Vec<RuleOutcome>,
        inapplicable: &mut Vec<RuleOutcome>,
        errors: &mut Vec<RuleFailure>,
    ) {
        for (order, (rule, meta_index)) in self.section_rules.iter().enumerate() {
            let meta = &self.metas[*meta_index];
            let mut relevant = false;
            let mut failure = None;
            let mut raws = Vec::new();
            for text in texts {
                let TextKind::SectionText(i) = text.kind else {
                    continue;
                };
                match text.section_scans.get(order) {
                    Some(Ok(scan)) => {
                        relevant |= scan.relevant;
                        raws.extend(scan.findings.iter().map(|(start, end, message)| {
                            let raw =
                                RawFinding::review(format!("/sections/{i}/text"), message.clone());
                            (i, raw.at(*start, *end))
                        }));
                    }
                    Some(Err(message)) => failure = Some(message.clone()),
                    None => {}
                }
            }
            if let Some(message) = failure {
                errors.push(RuleFailure {
                    rule: meta.id.clone(),
                    message,
                });
            } else if !relevant {
                inapplicable.push(outcome(meta, rule.not_applicable().into()));
            } else if raws.is_empty() {
                passes.push(outcome(meta, rule.pass_reason(&self.options)));
            } else {
                let mut seen = BTreeMap::new();
                for (n, (section, raw)) in raws.into_iter().enumerate() {
                    let occurrence = next_occurrence(&mut seen, &raw.path);
                    placed.push(structural_finding(
                        draft,
                        meta,
                        raw,
                        Some(section),
                        (2, order, n),
                        occurrence,
                    ));
                }
            }
        }
    }

    fn term_outcomes(
        &self,
        texts: &[TextFindings],
        placed: &mut Vec<Placed>,
        passes: &mut Vec<RuleOutcome>,
        inapplicable: &mut Vec<RuleOutcome>,
    ) {
        let conditions: BTreeSet<(usize, usize)> = texts
            .iter()
            .flat_map(|t| t.document_conditions.iter().copied())
            .collect();
        let mut fired = vec![false; self.terms.specs.len()];
        for (t, text) in texts.iter().enumerate() {
            for item in &text.items {
                if self.term_off[item.rule] || conditions.contains(&(item.rule, item.entry)) {
                    continue;
                }
                fired[item.rule] = true;
                placed.push(Placed {
                    order: (0, t, item.start),
                    review: self.metas[self.term_metas[item.rule]].advisory,
                    finding: item.finding.clone(),
                });
            }
        }
        let has_text = texts.iter().any(|t| t.has_text);
        for (rule, fired) in fired.into_iter().enumerate() {
            let meta = &self.metas[self.term_metas[rule]];
            if let (true, Some(option)) = (self.term_off[rule], &meta.opt_in) {
                inapplicable.push(outcome(
                    meta,
                    format!("off unless the rule pack sets options.{option} to true"),
                ));
            } else if !has_text {
                inapplicable.push(outcome(meta, "the draft has no text".into()));
            } else if !fired {
                passes.push(outcome(
                    meta,
                    "none of the rule's phrases appear in the draft's text".into(),
                ));
            }
        }
    }
}
