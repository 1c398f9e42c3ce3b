//! The framework's progress checklist: each element against an earlier
//! organisation report, with the action to date read from the gaps that were
//! closed since (matched by fingerprint) and the evidence that appeared.

use std::collections::BTreeMap;

use super::OrganisationOptions;
use super::model::{ElementProgress, FixedFinding, OrganisationElement, OrganisationReport};
use crate::model::FrameworkStatus;
use crate::model::framework::Progress;

/// Where a status sits on the framework's scale; none for no issues found
/// and not assessed, which are not on it.
fn rank(status: FrameworkStatus) -> Option<u8> {
    match status {
        FrameworkStatus::NotInPlace => Some(0),
        FrameworkStatus::WorkInProgress => Some(1),
        FrameworkStatus::InPlace => Some(2),
        FrameworkStatus::NoIssuesFound | FrameworkStatus::NotAssessed => None,
    }
}

/// A gap's identity across the two reports: its document and fingerprint,
/// or the fingerprint alone when either report left names out.
type Key = (String, String);

fn open_gaps(element: &OrganisationElement, by_fingerprint_only: bool) -> Vec<(Key, FixedFinding)> {
    element
        .contradicted_by
        .iter()
        .flat_map(|doc| {
            doc.gaps.iter().map(move |g| {
                let document = if by_fingerprint_only {
                    String::new()
                } else {
                    doc.document.clone()
                };
                (
                    (document, g.fingerprint.to_string()),
                    FixedFinding {
                        document: doc.document.clone(),
                        rule: g.rule.to_string(),
                        message: g.message.to_string(),
                        fingerprint: g.fingerprint.to_string(),
                    },
                )
            })
        })
        .collect()
}

/// Fills each element's `progress` from the earlier report.
pub(super) fn add_progress(
    elements: &mut [OrganisationElement],
    previous: &OrganisationReport,
    options: &OrganisationOptions,
) {
    let by_fingerprint_only = previous.no_excerpts || options.no_excerpts;
    let since = previous
        .as_of
        .as_ref()
        .map_or_else(|| "the previous report".to_owned(), |d| d.to_string());
    for element in elements.iter_mut() {
        let Some(before) = previous.elements.iter().find(|e| e.id == element.id) else {
            continue;
        };
        // Multisets: the same fingerprint can stand for two findings.
        let mut now: BTreeMap<Key, usize> = BTreeMap::new();
        for (key, _) in open_gaps(element, by_fingerprint_only) {
            *now.entry(key).or_default() += 1;
        }
        let mut fixed = Vec::new();
        for (key, finding) in open_gaps(before, by_fingerprint_only) {
            match now.get_mut(&key) {
                Some(n) if *n > 0 => *n -= 1,
                _ => fixed.push(finding),
            }
        }
        let new_gaps: usize = now.values().sum();
        if options.no_excerpts {
            // The earlier report may name documents and quote them; this one must not.
            for f in &mut fixed {
                f.document = "(not named)".into();
                f.message = f.rule.clone();
            }
        }
        let earlier_gaps = before
            .contradicted_by
            .iter()
            .map(|d| d.gaps.len())
            .sum::<usize>();
        let (from, to) = (before.status, element.status);
        let rose = matches!((rank(from), rank(to)), (Some(a), Some(b)) if b > a)
            || (!from.has_evidence() && to.has_evidence());
        // In place at both dates, or assessed at neither: nothing to progress.
        let unchanged = from == to
            && matches!(
                from,
                FrameworkStatus::InPlace | FrameworkStatus::NotAssessed
            );
        let progress = if unchanged {
            None
        } else if to == FrameworkStatus::InPlace
            || (earlier_gaps > 0 && fixed.len() == earlier_gaps && new_gaps == 0)
        {
            Some(Progress::Significant)
        } else if !fixed.is_empty() || rose {
            Some(Progress::Moderate)
        } else {
            Some(Progress::NoProgress)
        };
        let newly_shown: Vec<&str> = element
            .evidenced_by
            .iter()
            .filter(|d| !before.evidenced_by.iter().any(|b| b.document == d.document))
            .map(|d| d.document.as_str())
            .collect();
        let mut action = Vec::new();
        if !fixed.is_empty() {
            let items: Vec<String> = fixed
                .iter()
                .map(|f| {
                    if options.no_excerpts {
                        f.rule.clone()
                    } else {
                        format!("{}: {} ({})", f.document, f.message, f.rule)
                    }
                })
                .collect();
            action.push(format!("Fixed since {since}: {}", items.join("; ")));
        }
        if !newly_shown.is_empty() && !by_fingerprint_only {
            action.push(format!("Now shown in {}", newly_shown.join(", ")));
        }
        if action.is_empty() {
            action.push(format!("No gap closed since {since}"));
        }
        let still_open: usize = element.contradicted_by.iter().map(|d| d.gaps.len()).sum();
        if still_open > 0 {
            action.push(format!("{still_open} gaps open ({new_gaps} new)"));
        }
        action.push(format!(
            "status then {}, now {}",
            from.label().to_lowercase(),
            to.label().to_lowercase()
        ));
        element.progress = Some(ElementProgress {
            previous: from,
            progress,
            action_to_date: format!("{}.", action.join(". ")),
            fixed,
            new_gaps,
        });
    }
}
