//! Running counts over a report's findings: what the summary, the elements'
//! statuses and the pillars read of them. A session patching its report
//! after an edit takes the findings that went out off the counts and adds
//! the ones that came in, instead of reading every finding again.

use std::collections::BTreeMap;

use crate::model::framework::{ELEMENTS, PILLARS};
use crate::model::{Bucket, Finding, RuleFailure, RuleOutcome, Severity, SharedText, Summary};

use super::rollup::touches_pillar;

#[derive(Debug, Clone)]
pub(crate) struct Tally {
    violations: usize,
    needs_review: usize,
    error_findings: usize,
    warning_findings: usize,
    info_findings: usize,
    waived: usize,
    /// Unwaived errors among the violations.
    blocking: usize,
    /// Per rule: its findings, and how many of them are unwaived.
    rules: BTreeMap<SharedText, (usize, usize)>,
    /// Per element: the rules of its gaps, and of its findings to review,
    /// with how many each.
    gap_rules: Vec<BTreeMap<SharedText, usize>>,
    review_rules: Vec<BTreeMap<SharedText, usize>>,
    /// Per pillar: the unwaived violations and findings to review on it.
    pillars: Vec<(usize, usize)>,
}

impl Tally {
    /// The counts over a report's two lists.
    pub fn of(violations: &[Finding], needs_review: &[Finding]) -> Tally {
        let mut tally = Tally {
            violations: 0,
            needs_review: 0,
            error_findings: 0,
            warning_findings: 0,
            info_findings: 0,
            waived: 0,
            blocking: 0,
            rules: BTreeMap::new(),
            gap_rules: vec![BTreeMap::new(); ELEMENTS.len()],
            review_rules: vec![BTreeMap::new(); ELEMENTS.len()],
            pillars: vec![(0, 0); PILLARS.len()],
        };
        for f in violations {
            tally.add(f, Bucket::Violations);
        }
        for f in needs_review {
            tally.add(f, Bucket::NeedsReview);
        }
        tally
    }

    pub fn add(&mut self, f: &Finding, bucket: Bucket) {
        self.count(f, bucket, true);
    }

    pub fn remove(&mut self, f: &Finding, bucket: Bucket) {
        self.count(f, bucket, false);
    }

    fn count(&mut self, f: &Finding, bucket: Bucket, add: bool) {
        let step = |n: &mut usize| {
            if add {
                *n += 1;
            } else {
                *n -= 1;
            }
        };
        let violation = bucket == Bucket::Violations;
        let unwaived = f.waiver.is_none();
        step(if violation {
            &mut self.violations
        } else {
            &mut self.needs_review
        });
        step(match f.severity {
            Severity::Error => &mut self.error_findings,
            Severity::Warning => &mut self.warning_findings,
            Severity::Info => &mut self.info_findings,
        });
        if !unwaived {
            step(&mut self.waived);
        }
        if violation && unwaived && f.severity == Severity::Error {
            step(&mut self.blocking);
        }
        let rule = self.rules.entry(f.rule.clone()).or_insert((0, 0));
        step(&mut rule.0);
        if unwaived {
            step(&mut rule.1);
            let lists = if violation {
                &mut self.gap_rules
            } else {
                &mut self.review_rules
            };
            for (index, element) in ELEMENTS.iter().enumerate() {
                if f.elements.iter().any(|e| e == element.id) {
                    step(lists[index].entry(f.rule.clone()).or_insert(0));
                }
            }
        }
        for (counts, pillar) in self.pillars.iter_mut().zip(PILLARS.iter()) {
            if touches_pillar(f, pillar.elements) {
                step(if violation {
                    &mut counts.0
                } else {
                    &mut counts.1
                });
            }
        }
    }

    /// The summary, with nothing counted past the findings limit.
    pub fn summary(
        &self,
        passes: &[RuleOutcome],
        inapplicable: &[RuleOutcome],
        errors: &[RuleFailure],
    ) -> Summary {
        Summary {
            violations: self.violations,
            needs_review: self.needs_review,
            passes: passes.len(),
            inapplicable: inapplicable.len(),
            errors: errors.len(),
            error_findings: self.error_findings,
            warning_findings: self.warning_findings,
            info_findings: self.info_findings,
            waived: self.waived,
            blocking: self.blocking,
            omitted: 0,
        }
    }

    /// Whether a rule has any finding in the report.
    pub fn has_findings(&self, rule: &str) -> bool {
        self.rules.get(rule).is_some_and(|c| c.0 > 0)
    }

    /// Whether a rule has an unwaived finding in the report.
    pub fn is_open(&self, rule: &str) -> bool {
        self.rules.get(rule).is_some_and(|c| c.1 > 0)
    }

    /// The rules of element `index`'s gaps and of its findings to review,
    /// each joined in order as the element's reason names them.
    pub fn element_rules(&self, index: usize) -> (String, String) {
        let join = |rules: &BTreeMap<SharedText, usize>| {
            rules
                .iter()
                .filter(|(_, n)| **n > 0)
                .map(|(rule, _)| rule.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        (
            join(&self.gap_rules[index]),
            join(&self.review_rules[index]),
        )
    }

    /// Per pillar, in order: its unwaived violations and findings to review.
    pub fn pillar_counts(&self) -> &[(usize, usize)] {
        &self.pillars
    }
}
