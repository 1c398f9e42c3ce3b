//! Diffing two reports of the same draft by fingerprint, for a session's
//! `*_diff` methods: the findings added, removed and moved, and whatever
//! else changed.

use std::collections::{HashMap, HashSet};

use crate::model::{AddedFinding, Bucket, Finding, MovedFinding, Report, ReportDiff};
use crate::model::{REPORT_DIFF_FORMAT_VERSION, REPORT_FORMAT_VERSION};

impl ReportDiff {
    /// What turns `old` into `new` ([`ReportDiff::apply`] does the turning).
    /// Both are reports of the same engine; `engine` and `recognised` are
    /// not compared (a session never changes them).
    pub fn between(old: &Report, new: &Report) -> ReportDiff {
        let mut diff = ReportDiff {
            format_version: REPORT_DIFF_FORMAT_VERSION,
            report_format_version: REPORT_FORMAT_VERSION,
            ..ReportDiff::default()
        };
        diff_findings(
            &[
                Segment {
                    bucket: Bucket::Violations,
                    old: &old.violations,
                    new: &new.violations,
                    new_offset: 0,
                },
                Segment {
                    bucket: Bucket::NeedsReview,
                    old: &old.needs_review,
                    new: &new.needs_review,
                    new_offset: 0,
                },
            ],
            &mut diff,
        );
        if old.draft != new.draft {
            diff.draft = Some(new.draft.clone());
        }
        if old.summary != new.summary {
            diff.summary = Some(new.summary.clone());
        }
        if old.passes != new.passes {
            diff.passes = Some(new.passes.clone());
        }
        if old.inapplicable != new.inapplicable {
            diff.inapplicable = Some(new.inapplicable.clone());
        }
        if old.errors != new.errors {
            diff.errors = Some(new.errors.clone());
        }
        diff.elements = new
            .elements
            .iter()
            .filter(|e| old.elements.iter().find(|o| o.id == e.id) != Some(*e))
            .cloned()
            .collect();
        diff.pillars = new
            .pillars
            .iter()
            .filter(|p| old.pillars.iter().find(|o| o.number == p.number) != Some(*p))
            .cloned()
            .collect();
        diff
    }
}

/// A stretch of one bucket that may have changed: its findings in the old
/// report and in the new, where the new ones start at `new_offset` of the
/// new list. Findings outside every segment are the same, in the same
/// order, in both reports (a session patching one text's findings knows
/// this), so they need no comparing.
pub(crate) struct Segment<'a> {
    pub bucket: Bucket,
    pub old: &'a [Finding],
    pub new: &'a [Finding],
    pub new_offset: usize,
}

/// The findings removed, moved and added between the old and new sides of
/// the segments.
pub(crate) fn diff_findings(segments: &[Segment<'_>], diff: &mut ReportDiff) {
    // Fingerprints are unique in a report; one that is not (only a
    // hand-made report could do that) is removed and added whole.
    let mut seen: HashMap<&str, (usize, usize, bool)> =
        HashMap::with_capacity(segments.iter().map(|s| s.old.len()).sum());
    for (at, segment) in segments.iter().enumerate() {
        for (i, f) in segment.old.iter().enumerate() {
            seen.entry(&f.fingerprint)
                .and_modify(|e| e.2 = true)
                .or_insert((at, i, false));
        }
    }
    let mut new_count: HashMap<&str, usize> =
        HashMap::with_capacity(segments.iter().map(|s| s.new.len()).sum());
    for segment in segments {
        for f in segment.new {
            *new_count.entry(&f.fingerprint).or_insert(0) += 1;
        }
    }
    let mut kept: HashSet<&str> = HashSet::new();
    for (at, segment) in segments.iter().enumerate() {
        let list = segment.new;
        // Survivors: in the old report, in this segment, once in each.
        let survivors: Vec<(usize, usize)> = list
            .iter()
            .enumerate()
            .filter_map(|(i, f)| match seen.get(f.fingerprint.as_str()) {
                Some(&(s, old_index, false))
                    if s == at && new_count[f.fingerprint.as_str()] == 1 =>
                {
                    Some((i, old_index))
                }
                _ => None,
            })
            .collect();
        // Survivors whose order changed are removed and added again.
        let in_order = longest_increasing(&survivors);
        let mut next = 0;
        for (index, finding) in list.iter().enumerate() {
            let survivor = survivors.get(next).filter(|s| s.0 == index);
            let same = match survivor {
                Some(&(_, old_index)) => {
                    let keep = in_order[next];
                    next += 1;
                    keep.then(|| &segment.old[old_index])
                }
                None => None,
            };
            match same {
                Some(before) if before == finding => {
                    kept.insert(&finding.fingerprint);
                }
                Some(before) if same_but_place(before, finding) => {
                    kept.insert(&finding.fingerprint);
                    diff.moved.push(MovedFinding {
                        fingerprint: finding.fingerprint.to_string(),
                        location: finding.location.clone(),
                        excerpt: finding.excerpt.clone(),
                        fix: finding.fix.clone(),
                    });
                }
                _ => diff.added.push(AddedFinding {
                    bucket: segment.bucket,
                    index: segment.new_offset + index,
                    finding: finding.clone(),
                }),
            }
        }
    }
    for segment in segments {
        for f in segment.old {
            if kept.insert(&f.fingerprint) {
                diff.removed.push(f.fingerprint.to_string());
            }
        }
    }
}

/// Whether two findings differ at most in where they are (location, excerpt
/// and the offsets of their fix). Every field is named, so a new field of
/// `Finding` must be decided on here.
fn same_but_place(a: &Finding, b: &Finding) -> bool {
    let Finding {
        rule,
        name,
        severity,
        message,
        explanation,
        elements,
        source,
        help,
        location: _,
        excerpt: _,
        suggestions,
        fix,
        also_matched,
        waiver,
        fingerprint,
    } = a;
    let same_fix = match (fix, &b.fix) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            x.title == y.title
                && x.applicability == y.applicability
                && x.edits.len() == y.edits.len()
                && x.edits
                    .iter()
                    .zip(&y.edits)
                    .all(|(e, f)| e.path == f.path && e.replacement == f.replacement)
        }
        _ => false,
    };
    same_fix
        && *rule == b.rule
        && *name == b.name
        && *severity == b.severity
        && *message == b.message
        && *explanation == b.explanation
        && *elements == b.elements
        && *source == b.source
        && *help == b.help
        && *suggestions == b.suggestions
        && *also_matched == b.also_matched
        && *waiver == b.waiver
        && *fingerprint == b.fingerprint
}

/// For pairs (new index, old index) in order of new index: which of them
/// form a longest run whose old indices increase too (those kept in place).
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<bool> {
    // Patience sorting: tails[k] is the pair index ending the best run of length k+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; pairs.len()];
    for (i, &(_, old)) in pairs.iter().enumerate() {
        let k = tails.partition_point(|&t| pairs[t].1 < old);
        before[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut keep = vec![false; pairs.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        keep[i] = true;
        at = before[i];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::longest_increasing;

    #[test]
    fn the_longest_increasing_run_is_kept() {
        let pairs = [(0, 3), (1, 0), (2, 1), (3, 4), (4, 2), (5, 5)];
        let keep = longest_increasing(&pairs);
        let kept: Vec<usize> = pairs
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(p, _)| p.1)
            .collect();
        assert_eq!(kept.len(), 4);
        assert!(kept.windows(2).all(|w| w[0] < w[1]));
        assert!(longest_increasing(&[]).is_empty());
    }
}
