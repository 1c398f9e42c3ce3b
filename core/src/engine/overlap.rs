//! One finding per phrase: where findings of different rules cover
//! overlapping words of the same text, the strongest stands and names the
//! others in `also_matched` (a slur both quoted-note and error; a single-sex
//! mention inside a sentence already flagged about accommodation).

use super::finding::Placed;
use crate::model::Severity;

/// How strong a finding is: a violation over a needs-review note, then the
/// higher severity, then the longer span; ties keep report order.
fn strength(p: &Placed) -> (bool, u8, usize) {
    let severity = match p.finding.severity {
        Severity::Error => 3,
        Severity::Warning => 2,
        Severity::Info => 1,
    };
    let span = p
        .finding
        .location
        .span
        .map_or(0, |s| s.end.saturating_sub(s.start));
    (!p.review, severity, span)
}

/// Folds findings whose spans overlap within the same text into the
/// strongest of them. Findings without a span are left alone.
pub(crate) fn fold_overlaps(placed: &mut Vec<Placed>) {
    let mut spanned: Vec<usize> = (0..placed.len())
        .filter(|&i| placed[i].finding.location.span.is_some())
        .collect();
    if spanned.len() < 2 {
        return;
    }
    let span = |p: &Placed| {
        let s = p
            .finding
            .location
            .span
            .expect("filtered to spanned findings");
        (s.start, s.end)
    };
    spanned.sort_by(|&a, &b| {
        let (pa, pb) = (&placed[a], &placed[b]);
        pa.finding
            .location
            .path
            .cmp(&pb.finding.location.path)
            .then(span(pa).cmp(&span(pb)))
            .then(a.cmp(&b))
    });
    let mut folded = vec![false; placed.len()];
    let mut cluster: Vec<usize> = Vec::new();
    let mut cluster_end = 0;
    let mut flush = |cluster: &mut Vec<usize>, placed: &mut Vec<Placed>| {
        if cluster.len() > 1 {
            let best = *cluster
                .iter()
                .max_by(|&&a, &&b| {
                    strength(&placed[a])
                        .cmp(&strength(&placed[b]))
                        .then(b.cmp(&a))
                })
                .expect("a cluster is not empty");
            let mut others: Vec<String> = cluster
                .iter()
                .filter(|&&i| i != best && placed[i].finding.rule != placed[best].finding.rule)
                .map(|&i| placed[i].finding.rule.clone())
                .collect();
            // Two findings of one rule on overlapping words stay separate.
            let same_rule: Vec<usize> = cluster
                .iter()
                .copied()
                .filter(|&i| i != best && placed[i].finding.rule == placed[best].finding.rule)
                .collect();
            for &i in cluster.iter() {
                if i != best && !same_rule.contains(&i) {
                    folded[i] = true;
                }
            }
            others.sort();
            others.dedup();
            let also = &mut placed[best].finding.also_matched;
            also.extend(others);
            also.sort();
            also.dedup();
        }
        cluster.clear();
    };
    for k in 0..spanned.len() {
        let i = spanned[k];
        let (start, end) = span(&placed[i]);
        let same_text = cluster
            .first()
            .is_some_and(|&c| placed[c].finding.location.path == placed[i].finding.location.path);
        if !(same_text && start < cluster_end) {
            flush(&mut cluster, placed);
            cluster_end = 0;
        }
        cluster.push(i);
        cluster_end = cluster_end.max(end);
    }
    flush(&mut cluster, placed);
    let mut index = 0;
    placed.retain(|_| {
        let keep = !folded[index];
        index += 1;
        keep
    });
}
