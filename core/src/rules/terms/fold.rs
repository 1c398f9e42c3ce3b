//! One hit per phrase: where phrases of different term rules match
//! overlapping words, the strongest hit stands and names the others, which the
//! report shows as `also_matched`.

use super::{TermHit, TermMatcher};

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

    /// Folds hits of different rules on overlapping words into the strongest.
    /// A hit of another rule that does not overlap the strongest one stays.
    pub(super) fn fold(&self, mut hits: Vec<TermHit>) -> Vec<TermHit> {
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.rule));
        let mut folded = vec![false; hits.len()];
        let mut i = 0;
        while i < hits.len() {
            let mut end = hits[i].end;
            let mut j = i + 1;
            while j < hits.len() && hits[j].start < end {
                end = end.max(hits[j].end);
                j += 1;
            }
            let best = (i..j)
                .max_by_key(|&k| self.strength(&hits[k]))
                .expect("a cluster is not empty");
            let (from, to, rule) = (hits[best].start, hits[best].end, hits[best].rule);
            let mut also = Vec::new();
            for k in (i..j).filter(|&k| k != best) {
                let hit = &hits[k];
                if hit.rule != rule && hit.start < to && from < hit.end {
                    also.push(hit.rule);
                    folded[k] = true;
                }
            }
            also.sort_unstable();
            also.dedup();
            hits[best].also = also;
            i = j;
        }
        hits.into_iter()
            .zip(folded)
            .filter_map(|(hit, folded)| (!folded).then_some(hit))
            .collect()
    }
}
