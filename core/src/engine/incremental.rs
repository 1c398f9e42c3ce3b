//! Patching the report a session last showed after one section's text
//! changed, instead of building the whole report again and diffing it.
//!
//! A report lists term findings first, text by text in draft order, then
//! the structural and section-text findings and the waiver notes (the
//! "volatile" tail, recomputed on every edit because it is cheap). When the
//! document-wide inputs that decide how an unchanged text's term findings
//! read are the same after the edit (the `unless_document` conditions, the
//! waivers' coverage, the folds of term findings into wider findings, and
//! no findings limit in play), those findings stay exactly as shown. Only
//! the edited text's findings and the tail are replaced, and the summary,
//! elements and pillars are recomputed from running counts ([`Tally`]).
//! Otherwise the session falls back to a full assemble and
//! [`ReportDiff::between`].

use std::collections::{BTreeMap, BTreeSet};

use super::Engine;
use super::check::{Verdicts, sort_placed};
use super::diff::{Segment, diff_findings};
use super::finding::Placed;
use super::overlap::fold_overlaps;
use super::rollup::{OwnFindings, RuleFacts, element_verdict, pillars_with_counts};
use super::scan::TextFindings;
use super::tally::Tally;
use super::texts::{TextKind, texts_of};
use super::waivers::Waivers;
use crate::model::framework::ELEMENTS;
use crate::model::{Bucket, Draft, Finding, Report, ReportDiff};
use crate::model::{REPORT_DIFF_FORMAT_VERSION, REPORT_FORMAT_VERSION};
use crate::rules::subsumes;

mod lists;
use lists::text_range;

/// The report a session last showed, with what patching it needs.
#[derive(Debug)]
pub(crate) struct Shown {
    pub report: Report,
    /// Whether the report can be patched at all: nothing was counted past
    /// the findings limit and no term rule folds other findings into its own.
    patchable: bool,
    /// How many term findings head `violations` and `needs_review`.
    term_len: [usize; 2],
    /// Per element, how many term findings head each of its lists:
    /// [gaps, review, waived violations, waived findings to review], and
    /// (last) how many waived violations it lists in all.
    element_terms: Vec<[usize; 5]>,
    tally: Tally,
    /// Per term rule, its findings across the texts that no condition
    /// cancels (before folding): the rule fired if any.
    fired: Vec<usize>,
    /// How many texts have any text.
    has_text: usize,
    /// Per (rule, entry) `unless_document` condition, the texts that meet it.
    conditions: BTreeMap<(usize, usize), usize>,
    /// Per waiver that takes effect, the term findings listed that it covers.
    waiver_terms: Vec<usize>,
}

const GAPS: usize = 0;
const REVIEW: usize = 1;
const WAIVED_V: usize = 2;
const WAIVED_R: usize = 3;
const WAIVED_V_ALL: usize = 4;

/// The findings of a placed list as (term findings, the rest), each split
/// into (violations, needs_review).
type Split = ([Vec<Finding>; 2], [Vec<Finding>; 2]);

fn split(placed: Vec<Placed>) -> Split {
    let mut out: Split = Default::default();
    for p in placed {
        let side = if p.order.0 == 0 {
            &mut out.0
        } else {
            &mut out.1
        };
        side[usize::from(p.review)].push(p.finding);
    }
    out
}

fn is_covering(f: &Finding) -> bool {
    f.location.span.is_some() && !subsumes(&f.rule).is_empty()
}

/// (rule, path, start, end) of each finding that can fold others into it,
/// outside `except` (the edited text's path), sorted.
fn coverings<'a>(
    findings: impl Iterator<Item = &'a Finding>,
    except: &str,
) -> Vec<(&'a str, &'a str, usize, usize)> {
    let mut list: Vec<_> = findings
        .filter(|f| is_covering(f) && f.location.path != except)
        .filter_map(|f| {
            let span = f.location.span?;
            Some((
                f.rule.as_str(),
                f.location.path.as_str(),
                span.start,
                span.end,
            ))
        })
        .collect();
    list.sort_unstable();
    list
}

impl Shown {
    /// Takes a report just assembled from `texts` as the one shown.
    pub fn new(engine: &Engine, draft: &Draft, texts: &[TextFindings], report: Report) -> Shown {
        let term_rules: BTreeSet<&str> = engine
            .term_metas
            .iter()
            .map(|&m| engine.metas[m].id.as_str())
            .collect();
        let patchable = report.summary.omitted == 0
            && texts.iter().all(|t| t.omitted.is_empty())
            && term_rules.iter().all(|id| subsumes(id).is_empty());
        let term_len = [&report.violations, &report.needs_review]
            .map(|list| list.partition_point(|f| term_rules.contains(f.rule.as_str())));
        let mut element_terms = vec![[0; 5]; ELEMENTS.len()];
        for (bucket, list) in [&report.violations, &report.needs_review]
            .into_iter()
            .enumerate()
        {
            for (i, f) in list.iter().enumerate() {
                for (index, element) in ELEMENTS.iter().enumerate() {
                    if !f.elements.iter().any(|e| e == element.id) {
                        continue;
                    }
                    let counts = &mut element_terms[index];
                    let waived = f.waiver.is_some();
                    if waived && bucket == 0 {
                        counts[WAIVED_V_ALL] += 1;
                    }
                    if i < term_len[bucket] {
                        counts[match (waived, bucket) {
                            (false, 0) => GAPS,
                            (false, _) => REVIEW,
                            (true, 0) => WAIVED_V,
                            (true, _) => WAIVED_R,
                        }] += 1;
                    }
                }
            }
        }
        let mut conditions = BTreeMap::new();
        for text in texts {
            for &key in &text.document_conditions {
                *conditions.entry(key).or_insert(0) += 1;
            }
        }
        let set: BTreeSet<(usize, usize)> = conditions.keys().copied().collect();
        let mut fired = vec![0; engine.term_metas.len()];
        for text in texts {
            for item in text.items.iter().filter(|i| engine.keeps(i, &set)) {
                fired[item.rule] += 1;
            }
        }
        let waivers = Waivers::new(draft, |id| engine.known_rules.get(id).copied());
        let waiver_terms = (0..waivers.count())
            .map(|k| {
                let listed = report.violations[..term_len[0]]
                    .iter()
                    .chain(&report.needs_review[..term_len[1]]);
                listed.filter(|f| waivers.covers(k, f)).count()
            })
            .collect();
        Shown {
            tally: Tally::of(&report.violations, &report.needs_review),
            report,
            patchable,
            term_len,
            element_terms,
            fired,
            has_text: texts.iter().filter(|t| t.has_text).count(),
            conditions,
            waiver_terms,
        }
    }

    /// Patches the report after the text at `position` of `texts` changed
    /// from `old`, returning the diff; `None` (the report untouched) when
    /// patching could give a different report than a full assemble.
    pub fn patch(
        &mut self,
        engine: &Engine,
        draft: &Draft,
        texts: &[TextFindings],
        position: usize,
        old: &TextFindings,
    ) -> Option<ReportDiff> {
        let new = &texts[position];
        let TextKind::SectionText(section) = new.kind else {
            return None;
        };
        if !self.patchable || !old.omitted.is_empty() || !new.omitted.is_empty() {
            return None;
        }
        // The document-wide conditions must stay as they were.
        if old.document_conditions != new.document_conditions {
            let gone = old.document_conditions.difference(&new.document_conditions);
            let came = new.document_conditions.difference(&old.document_conditions);
            if gone.into_iter().any(|k| self.conditions.get(k) == Some(&1))
                || came.into_iter().any(|k| !self.conditions.contains_key(k))
            {
                return None;
            }
        }
        let conditions: BTreeSet<(usize, usize)> = self.conditions.keys().copied().collect();
        let mut fired = self.fired.clone();
        for item in old.items.iter().filter(|i| engine.keeps(i, &conditions)) {
            fired[item.rule] -= 1;
        }
        for item in new.items.iter().filter(|i| engine.keeps(i, &conditions)) {
            fired[item.rule] += 1;
        }
        let has_text = self.has_text + usize::from(new.has_text) - usize::from(old.has_text);

        let mut v = Verdicts::default();
        let fired_rules: Vec<bool> = fired.iter().map(|&n| n > 0).collect();
        engine.term_rule_outcomes(&fired_rules, has_text > 0, &mut v);
        engine.rule_verdicts(draft, texts, &mut v);

        // Folds into wider findings outside the edited text must be the same
        // as before; the texts they fold into are placed again to fold the
        // new findings the same way, then left out.
        let path = format!("/sections/{section}/text");
        let report = &self.report;
        let old_tail = report.violations[self.term_len[0]..]
            .iter()
            .chain(&report.needs_review[self.term_len[1]..]);
        let new_coverings = coverings(v.placed.iter().map(|p| &p.finding), &path);
        if coverings(old_tail, &path) != new_coverings {
            return None;
        }
        let mut placed: Vec<Placed> = Vec::new();
        if !new_coverings.is_empty() {
            let paths: BTreeSet<&str> = new_coverings.iter().map(|c| c.1).collect();
            for (t, text) in texts_of(draft).iter().enumerate() {
                if t != position && paths.contains(text.path.as_str()) {
                    placed.extend(
                        texts[t]
                            .items
                            .iter()
                            .filter(|i| engine.keeps(i, &conditions))
                            .map(|i| engine.place_term(t, i.rule, i.start, i.finding.clone())),
                    );
                }
            }
        }
        placed.extend(
            new.items
                .iter()
                .filter(|i| engine.keeps(i, &conditions))
                .map(|i| engine.place_term(position, i.rule, i.start, i.finding.clone())),
        );
        placed.sort_by_key(|p| p.order.1);
        placed.append(&mut v.placed);
        fold_overlaps(&mut placed);
        placed.retain(|p| p.order.0 != 0 || p.order.1 == position);

        // Old and new ranges of the edited text's findings.
        let ranges = [
            text_range(&report.violations[..self.term_len[0]], position),
            text_range(&report.needs_review[..self.term_len[1]], position),
        ];
        let old_edited = || {
            report.violations[ranges[0].0..ranges[0].1]
                .iter()
                .chain(&report.needs_review[ranges[1].0..ranges[1].1])
        };

        let waivers = Waivers::new(draft, |id| engine.known_rules.get(id).copied());
        let covered = waivers.mark(&mut placed);
        let waiver_terms: Vec<usize> = (0..waivers.count())
            .map(|k| {
                let gone = old_edited().filter(|f| waivers.covers(k, f)).count();
                let came = placed
                    .iter()
                    .filter(|p| p.order.0 == 0 && waivers.covers(k, &p.finding))
                    .count();
                self.waiver_terms[k] - gone + came
            })
            .collect();
        let unused = waivers.unused(|k| covered[k] || waiver_terms[k] > 0);
        engine.unused_waiver_notes(draft, &unused, &mut placed, &mut v.passes);
        sort_placed(&mut placed);

        let kept = self.term_len[0] + self.term_len[1] - old_edited().count();
        if kept + placed.len() > engine.limits.max_findings {
            return None;
        }
        // From here on the patch goes ahead.
        let (mut new_terms, mut new_tail) = split(placed);
        let mut diff = ReportDiff {
            format_version: REPORT_DIFF_FORMAT_VERSION,
            report_format_version: REPORT_FORMAT_VERSION,
            ..ReportDiff::default()
        };
        let lists = [&report.violations, &report.needs_review];
        let segments: Vec<Segment<'_>> = [Bucket::Violations, Bucket::NeedsReview]
            .into_iter()
            .enumerate()
            .flat_map(|(b, bucket)| {
                let (lo, hi) = ranges[b];
                [
                    Segment {
                        bucket,
                        old: &lists[b][lo..hi],
                        new: &new_terms[b],
                        new_offset: lo,
                    },
                    Segment {
                        bucket,
                        old: &lists[b][self.term_len[b]..],
                        new: &new_tail[b],
                        new_offset: self.term_len[b] - (hi - lo) + new_terms[b].len(),
                    },
                ]
            })
            .collect();
        diff_findings(&segments, &mut diff);

        for (b, bucket) in [Bucket::Violations, Bucket::NeedsReview]
            .into_iter()
            .enumerate()
        {
            let (lo, hi) = ranges[b];
            for f in lists[b][lo..hi].iter().chain(&lists[b][self.term_len[b]..]) {
                self.tally.remove(f, bucket);
            }
            for f in new_terms[b].iter().chain(&new_tail[b]) {
                self.tally.add(f, bucket);
            }
        }
        let changed_lists = self.patch_element_lists(position, &new_terms, &new_tail);

        let report = &mut self.report;
        for b in 0..2 {
            let list = if b == 0 {
                &mut report.violations
            } else {
                &mut report.needs_review
            };
            list.truncate(self.term_len[b]);
            list.append(&mut new_tail[b]);
            let (lo, hi) = ranges[b];
            self.term_len[b] = self.term_len[b] - (hi - lo) + new_terms[b].len();
            list.splice(lo..hi, std::mem::take(&mut new_terms[b]));
        }

        let Verdicts {
            passes,
            inapplicable,
            errors,
            evidence_paths,
            ..
        } = v;
        let facts = RuleFacts::new(&passes, &errors, &evidence_paths);
        for (index, element) in report.elements.iter_mut().enumerate() {
            let (gap_rules, review_rules) = self.tally.element_rules(index);
            let (status, reason, evidence) = element_verdict(
                draft,
                &engine.metas,
                index,
                &facts,
                &OwnFindings {
                    gaps: element.gaps.len(),
                    gap_rules,
                    review: element.review.len(),
                    review_rules,
                    open: &|id| self.tally.is_open(id),
                    with_findings: &|id| self.tally.has_findings(id),
                },
            );
            let same = element.status == status
                && element.reason == reason
                && element.evidence == evidence;
            if !same {
                element.status = status;
                element.reason = reason;
                element.evidence = evidence;
            }
            if !same || changed_lists[index] {
                diff.elements.push(element.clone());
            }
        }
        let pillars = pillars_with_counts(&report.elements, self.tally.pillar_counts());
        for (old, new) in report.pillars.iter_mut().zip(pillars) {
            if *old != new {
                diff.pillars.push(new.clone());
                *old = new;
            }
        }
        let summary = self.tally.summary(&passes, &inapplicable, &errors);
        replace_if_changed(&mut report.summary, summary, &mut diff.summary);
        replace_if_changed(&mut report.passes, passes, &mut diff.passes);
        replace_if_changed(
            &mut report.inapplicable,
            inapplicable,
            &mut diff.inapplicable,
        );
        replace_if_changed(&mut report.errors, errors, &mut diff.errors);

        for key in &old.document_conditions {
            if let Some(n) = self.conditions.get_mut(key) {
                *n -= 1;
                if *n == 0 {
                    self.conditions.remove(key);
                }
            }
        }
        for &key in &new.document_conditions {
            *self.conditions.entry(key).or_insert(0) += 1;
        }
        self.fired = fired;
        self.has_text = has_text;
        self.waiver_terms = waiver_terms;
        Some(diff)
    }
}

/// Puts `new` in the report's `slot`, and a copy in the diff's, when it differs.
fn replace_if_changed<T: PartialEq + Clone>(slot: &mut T, new: T, in_diff: &mut Option<T>) {
    if *slot != new {
        *in_diff = Some(new.clone());
        *slot = new;
    }
}

#[cfg(test)]
mod tests;
