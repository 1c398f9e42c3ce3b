//! One hit per phrase: where phrases of different term rules match
//! overlapping words, the strongest hit stands and names the others, which the
//! report shows as `also_matched`.
//!
//! Hits arrive from the scan in order of start, so overlapping ones form
//! clusters that are folded as soon as the next hit starts past them; only
//! one cluster is ever held (and at most [`MAX_CLUSTER`] hits of it).

use super::{TermHit, TermMatcher};

/// A cluster longer than this (a chain of overlapping phrases that only a
/// contrived pack produces) is folded in pieces, to keep memory bounded.
const MAX_CLUSTER: usize = 4096;

impl TermMatcher {
    /// How strong a hit is: a rule that reports violations over an advisory
    /// one, then severity, then the longer phrase; ties go to the earlier rule.
    fn strength(&self, hit: &TermHit) -> (bool, u8, usize, std::cmp::Reverse<usize>) {
        let spec = &self.specs[hit.rule];
        let severity = match spec.severity {
            crate::model::Severity::Error => 3,
            crate::model::Severity::Warning => 2,
            crate::model::Severity::Info => 1,
        };
        (
            !spec.advisory,
            severity,
            hit.end - hit.start,
            std::cmp::Reverse(hit.rule),
        )
    }
}

/// The cluster of overlapping hits being gathered.
#[derive(Debug, Default)]
pub(super) struct Folder {
    cluster: Vec<TermHit>,
    /// Where the cluster's words end.
    end: usize,
}

impl Folder {
    /// Takes the next hit (in order of start, longest first at one start).
    pub fn push(&mut self, matcher: &TermMatcher, hit: TermHit, emit: &mut dyn FnMut(TermHit)) {
        if !self.cluster.is_empty() && (hit.start >= self.end || self.cluster.len() >= MAX_CLUSTER)
        {
            self.flush(matcher, emit);
        }
        self.end = self.end.max(hit.end);
        self.cluster.push(hit);
    }

    /// Folds the cluster: hits of other rules on the strongest hit's words
    /// become its `also`; a hit that does not overlap the strongest stays.
    /// What stands goes to `emit` in order of start, then rule.
    pub fn flush(&mut self, matcher: &TermMatcher, emit: &mut dyn FnMut(TermHit)) {
        let mut hits = std::mem::take(&mut self.cluster);
        self.end = 0;
        let Some(best) = (0..hits.len()).max_by_key(|&k| matcher.strength(&hits[k])) else {
            return;
        };
        let (from, to, rule) = (hits[best].start, hits[best].end, hits[best].rule);
        let mut folded = vec![false; hits.len()];
        let mut also = Vec::new();
        for (k, hit) in hits.iter().enumerate() {
            if k != best && hit.rule != rule && hit.start < to && from < hit.end {
                also.push(hit.rule);
                folded[k] = true;
            }
        }
        also.sort_unstable();
        also.dedup();
        hits[best].also = also;
        let mut standing: Vec<TermHit> = hits
            .into_iter()
            .zip(folded)
            .filter_map(|(hit, folded)| (!folded).then_some(hit))
            .collect();
        standing.sort_by_key(|h| (h.start, h.rule, h.end));
        for hit in standing {
            emit(hit);
        }
    }
}
