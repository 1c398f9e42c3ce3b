//! Assembling a report: term findings (cached per text), structural rules
//! (cheap, so re-run on every check), section text rules, waivers, the
//! findings limit, the summary and the roll-up to the framework.

use std::collections::{BTreeMap, BTreeSet};
use std::panic::{AssertUnwindSafe, catch_unwind};

use super::Engine;
use super::finding::{Placed, next_occurrence, outcome, structural_finding};
use super::overlap::fold_overlaps;
use super::rollup::{Outcomes, pillar_status, roll_up, summarise};
use super::scan::{TermItem, TextFindings, rule_failure};
use super::texts::TextKind;
use super::texts::TextRef;
use super::waivers::Waivers;
use crate::model::Draft;
use crate::model::{
    DraftInfo, EngineInfo, Finding, REPORT_FORMAT_VERSION, Report, RuleFailure, RuleOutcome,
    Severity,
};
use crate::rules::{ActSentence, RawFinding, RuleContext, Verdict};

impl Engine {
    /// Checks a draft. Never fails: a rule that breaks is reported in `errors`.
    pub fn check(&self, draft: &Draft) -> Report {
        let mut texts = self.all_text_findings(&super::texts::texts_of(draft));
        // The findings are the report's to keep: moved into it, not cloned.
        let items = texts
            .iter_mut()
            .map(|t| std::mem::take(&mut t.items))
            .collect();
        self.assemble_with(draft, &texts, TermItems::Owned(items))
    }

    /// Term findings for every text, in order. Across the draft at most
    /// `max_findings` are built; past that they are counted, so memory stays
    /// bounded however many texts have hits.
    pub(crate) fn all_text_findings(&self, texts: &[TextRef<'_>]) -> Vec<TextFindings> {
        let mut budget = self.limits.max_findings;
        texts
            .iter()
            .map(|text| {
                let found = self.text_findings(text, budget);
                budget -= found.items.len();
                found
            })
            .collect()
    }

    /// Builds the report from per-text term findings (one per [`texts_of`]
    /// entry, in order) and the structural rules, which are cheap to re-run.
    pub(crate) fn assemble(&self, draft: &Draft, texts: &[TextFindings]) -> Report {
        self.assemble_with(draft, texts, TermItems::Borrowed)
    }

    fn assemble_with(&self, draft: &Draft, texts: &[TextFindings], items: TermItems) -> Report {
        let conditions = document_conditions(texts);
        let mut v = Verdicts::default();
        let fired = self.term_placed(texts, items, &conditions, &mut v.placed);
        let has_text = texts.iter().any(|t| t.has_text);
        self.term_rule_outcomes(&fired, has_text, &mut v);
        self.rule_verdicts(draft, texts, &mut v);
        let Verdicts {
            mut placed,
            mut passes,
            inapplicable,
            errors,
            evidence_paths,
        } = v;

        fold_overlaps(&mut placed);
        let waivers = Waivers::new(draft, |id| self.known_rules.get(id).copied());
        let unused = waivers.apply(&mut placed);
        self.unused_waiver_notes(draft, &unused, &mut placed, &mut passes);
        sort_placed(&mut placed);
        // Past the limit, findings are counted, not listed. Waivers and
        // document-wide conditions apply to the counted ones exactly as to the
        // listed ones, so the gate is the same whether a finding is listed or
        // not: only unwaived errors block.
        let is_blocking = |p: &Placed| {
            !p.review && p.finding.severity == Severity::Error && p.finding.waiver.is_none()
        };
        let (mut omitted, mut omitted_blocking) =
            self.counted_past_the_limit(draft, texts, &waivers);
        if placed.len() > self.limits.max_findings {
            let dropped = placed.split_off(self.limits.max_findings);
            omitted += dropped.len();
            omitted_blocking += dropped.iter().filter(|p| is_blocking(p)).count();
        }
        let reviews = placed.iter().filter(|p| p.review).count();
        let mut violations: Vec<Finding> = Vec::with_capacity(placed.len() - reviews);
        let mut needs_review: Vec<Finding> = Vec::with_capacity(reviews);
        for p in placed {
            match p.review {
                true => needs_review.push(p.finding),
                false => violations.push(p.finding),
            }
        }
        let elements = roll_up(
            draft,
            &self.metas,
            &Outcomes {
                violations: &violations,
                needs_review: &needs_review,
                passes: &passes,
                errors: &errors,
                evidence_paths: &evidence_paths,
            },
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
                review: draft.dates.review.clone(),
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

    /// The structural rules, run on the whole draft (they are cheap), then
    /// the section text rules from the scans cached per section text.
    pub(crate) fn rule_verdicts(&self, draft: &Draft, texts: &[TextFindings], v: &mut Verdicts) {
        let mut act_lists: Vec<&[ActSentence]> = vec![&[]; draft.sections.len()];
        let mut section_gates = vec![None; draft.sections.len()];
        for text in texts {
            if let TextKind::SectionText(i) = text.kind
                && let Some(slot) = act_lists.get_mut(i)
            {
                *slot = &text.act_lists;
                section_gates[i] = text.gates;
            }
        }
        let cx = RuleContext {
            options: &self.options,
            known_rules: &self.known_rules,
            as_of: self.as_of.as_ref(),
            act_lists: &act_lists,
            section_gates: &section_gates,
        };
        for (order, (rule, meta_index)) in self.structural.iter().enumerate() {
            let meta = &self.metas[*meta_index];
            let shared = &self.finding_metas[*meta_index];
            match catch_unwind(AssertUnwindSafe(|| rule.check(draft, &cx))) {
                Err(panic) => v.errors.push(RuleFailure {
                    rule: meta.id.clone(),
                    message: rule_failure(panic.as_ref()),
                }),
                Ok(Verdict::NotApplicable(reason)) => v.inapplicable.push(outcome(meta, reason)),
                Ok(Verdict::Checked {
                    findings,
                    pass_reason,
                }) if findings.is_empty() => {
                    if let Some(path) = rule.evidence_at() {
                        v.evidence_paths.insert(meta.id.clone(), path.to_owned());
                    }
                    v.passes.push(outcome(meta, pass_reason));
                }
                Ok(Verdict::Checked { findings, .. }) => {
                    let mut seen = BTreeMap::new();
                    for (n, raw) in findings.into_iter().enumerate() {
                        let occurrence = next_occurrence(&mut seen, &raw.path);
                        v.placed.push(structural_finding(
                            draft,
                            shared,
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
            &mut v.placed,
            (&mut v.passes, &mut v.evidence_paths),
            &mut v.inapplicable,
            &mut v.errors,
        );
    }

    /// Section text rules, from the scans cached per section text.
    fn section_outcomes(
        &self,
        draft: &Draft,
        texts: &[TextFindings],
        placed: &mut Vec<Placed>,
        (passes, evidence_paths): (&mut Vec<RuleOutcome>, &mut BTreeMap<String, String>),
        inapplicable: &mut Vec<RuleOutcome>,
        errors: &mut Vec<RuleFailure>,
    ) {
        for (order, (rule, meta_index)) in self.section_rules.iter().enumerate() {
            let meta = &self.metas[*meta_index];
            let shared = &self.finding_metas[*meta_index];
            let mut relevant = false;
            // The first section with what the rule looks at: where a pass is seen.
            let mut first_relevant = None;
            let mut failure = None;
            let mut raws = Vec::new();
            for text in texts {
                let TextKind::SectionText(i) = text.kind else {
                    continue;
                };
                match text.section_scans.get(order) {
                    Some(Ok(scan)) => {
                        relevant |= scan.relevant;
                        if scan.relevant && first_relevant.is_none() {
                            first_relevant = Some(i);
                        }
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
                if let Some(i) = first_relevant {
                    evidence_paths.insert(meta.id.clone(), format!("/sections/{i}/text"));
                }
                passes.push(outcome(meta, rule.pass_reason(&self.options)));
            } else {
                let mut seen = BTreeMap::new();
                for (n, (section, raw)) in raws.into_iter().enumerate() {
                    let occurrence = next_occurrence(&mut seen, &raw.path);
                    placed.push(structural_finding(
                        draft,
                        shared,
                        raw,
                        Some(section),
                        (2, order, n),
                        occurrence,
                    ));
                }
            }
        }
    }

    /// Term hits counted past the limit that a document-wide condition does
    /// not cancel, and those of them that block the gate (an error, not
    /// advisory, not covered by a waiver that takes effect).
    fn counted_past_the_limit(
        &self,
        draft: &Draft,
        texts: &[TextFindings],
        waivers: &Waivers<'_>,
    ) -> (usize, usize) {
        let conditions = document_conditions(texts);
        let (mut omitted, mut blocking) = (0, 0);
        for text in texts {
            let section = text
                .kind
                .section()
                .and_then(|i| draft.sections.get(i))
                .map(|s| s.id.as_str());
            for (&(rule, entry), &count) in &text.omitted {
                if conditions.contains(&(rule, entry)) {
                    continue;
                }
                omitted += count;
                let meta = &self.metas[self.term_metas[rule]];
                if meta.severity == Severity::Error
                    && !meta.advisory
                    && waivers.covering_counted(&meta.id, section).is_none()
                {
                    blocking += count;
                }
            }
        }
        (omitted, blocking)
    }

    /// Places the term findings no document-wide condition cancels (and
    /// whose rule is on); returns, per term rule, whether it fired.
    fn term_placed(
        &self,
        texts: &[TextFindings],
        items: TermItems,
        conditions: &BTreeSet<(usize, usize)>,
        placed: &mut Vec<Placed>,
    ) -> Vec<bool> {
        // Room for every term finding and a few more: growing a vector of
        // large findings by doubling moves them all each time.
        let terms: usize = match &items {
            TermItems::Borrowed => texts.iter().map(|t| t.items.len()).sum(),
            TermItems::Owned(items) => items.iter().map(Vec::len).sum(),
        };
        placed.reserve(terms + 64);
        let mut fired = vec![false; self.terms.specs.len()];
        for text in texts {
            // A rule whose hits were all counted past the limit still fired.
            for &(rule, entry) in text.omitted.keys() {
                fired[rule] |= !conditions.contains(&(rule, entry));
            }
        }
        let mut keep = |item: &TermItem| {
            let kept = self.keeps(item, conditions);
            fired[item.rule] |= kept;
            kept
        };
        match items {
            TermItems::Borrowed => {
                for (t, text) in texts.iter().enumerate() {
                    for item in text.items.iter().filter(|item| keep(item)) {
                        placed.push(self.place_term(
                            t,
                            item.rule,
                            item.start,
                            item.finding.clone(),
                        ));
                    }
                }
            }
            TermItems::Owned(items) => {
                for (t, list) in items.into_iter().enumerate() {
                    for item in list.into_iter().filter(|item| keep(item)) {
                        placed.push(self.place_term(t, item.rule, item.start, item.finding));
                    }
                }
            }
        }
        fired
    }

    /// Whether a term finding is listed: its rule is on and no document-wide
    /// condition cancels it.
    pub(crate) fn keeps(&self, item: &TermItem, conditions: &BTreeSet<(usize, usize)>) -> bool {
        !self.term_off[item.rule] && !conditions.contains(&(item.rule, item.entry))
    }

    /// A term finding of text `t`, with the key that orders it.
    pub(crate) fn place_term(
        &self,
        t: usize,
        rule: usize,
        start: usize,
        finding: Finding,
    ) -> Placed {
        Placed {
            order: (0, t, start),
            review: self.metas[self.term_metas[rule]].advisory,
            finding,
        }
    }

    /// Passes and inapplicable outcomes of the term rules, from which fired.
    pub(crate) fn term_rule_outcomes(&self, fired: &[bool], has_text: bool, v: &mut Verdicts) {
        for (rule, &fired) in fired.iter().enumerate() {
            let meta = &self.metas[self.term_metas[rule]];
            if let (true, Some(option)) = (self.term_off[rule], &meta.opt_in) {
                v.inapplicable.push(outcome(
                    meta,
                    format!("off unless the rule pack sets options.{option} to true"),
                ));
            } else if !has_text {
                v.inapplicable
                    .push(outcome(meta, "the draft has no text".into()));
            } else if !fired {
                v.passes.push(outcome(
                    meta,
                    "none of the rule's phrases appear in the draft's text".into(),
                ));
            }
        }
    }
}

/// What the rules concluded before waivers, the limit and the roll-up.
#[derive(Default)]
pub(crate) struct Verdicts {
    pub placed: Vec<Placed>,
    pub passes: Vec<RuleOutcome>,
    pub inapplicable: Vec<RuleOutcome>,
    pub errors: Vec<RuleFailure>,
    pub evidence_paths: BTreeMap<String, String>,
}

/// Report order: by family, text or rule, and position, then rule id.
pub(crate) fn sort_placed(placed: &mut [Placed]) {
    placed.sort_by(|a, b| {
        a.order
            .cmp(&b.order)
            .then_with(|| a.finding.rule.cmp(&b.finding.rule))
    });
}

/// Where the term findings come from: the texts' own (a session keeps them,
/// so they are cloned), or taken out of the texts (a one-off check).
enum TermItems {
    Borrowed,
    /// Per text, in order; the texts' `items` are then empty.
    Owned(Vec<Vec<TermItem>>),
}

/// Every (rule, entry) whose `unless_document` phrase appears anywhere in the draft.
pub(crate) fn document_conditions(texts: &[TextFindings]) -> BTreeSet<(usize, usize)> {
    texts
        .iter()
        .flat_map(|t| t.document_conditions.iter().copied())
        .collect()
}
