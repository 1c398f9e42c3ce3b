//! One finding per phrase, across kinds of rule: a rule whose finding covers
//! a sentence can stand for a narrower rule it subsumes on the same words
//! (`services-accommodation-gender-identity` stands for the
//! `term-single-sex-services` note inside its sentence). The subsumed rule is
//! named in the finding's `also_matched`. Overlaps between term rules are
//! folded earlier, when a text is scanned.

use super::finding::Placed;
use crate::rules::subsumes;

/// Folds each finding that lies within the span of a finding of a rule that
/// subsumes it, in the same text, into that finding.
pub(crate) fn fold_overlaps(placed: &mut Vec<Placed>) {
    let covering: Vec<usize> = (0..placed.len())
        .filter(|&i| {
            placed[i].finding.location.span.is_some()
                && !subsumes(&placed[i].finding.rule).is_empty()
        })
        .collect();
    if covering.is_empty() {
        return;
    }
    let mut folded = vec![false; placed.len()];
    for &a in &covering {
        let Some(outer) = placed[a].finding.location.span else {
            continue;
        };
        let narrower = subsumes(&placed[a].finding.rule);
        let mut also = Vec::new();
        for (b, p) in placed.iter().enumerate() {
            let inside = p.finding.location.path == placed[a].finding.location.path
                && p.finding
                    .location
                    .span
                    .is_some_and(|s| outer.start <= s.start && s.end <= outer.end);
            if b != a && !folded[b] && inside && narrower.contains(&p.finding.rule.as_str()) {
                folded[b] = true;
                also.push(p.finding.rule.clone());
            }
        }
        let list = &mut placed[a].finding.also_matched;
        list.extend(also);
        list.sort();
        list.dedup();
    }
    let mut index = 0;
    placed.retain(|_| {
        let keep = !folded[index];
        index += 1;
        keep
    });
}
