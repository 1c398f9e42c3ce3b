//! The summary comment on the title: counts, the approval gate, and each
//! pillar's status with the reason of its weakest element.

use crate::model::{FrameworkStatus, Report};

/// A pillar's reason is cut to about this many characters: the summary is a
/// margin note, and the report has the whole reason.
const REASON_CHARS: usize = 160;

/// `text` cut at a word boundary near `limit` characters, with an ellipsis.
fn shortened(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let cut: String = text.chars().take(limit).collect();
    let cut = match cut.rfind([' ', ',']) {
        Some(at) if at > limit / 2 => &cut[..at],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ' ']))
}

pub(super) fn summary_text(report: &Report, commented: usize) -> Vec<String> {
    let s = &report.summary;
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut paragraphs = vec![format!(
        "dueregard {}: {}, {} to review ({} error, {} warning, {} info); {} in this document.",
        report.engine.version,
        plural(s.violations, "violation", "violations"),
        s.needs_review,
        s.error_findings,
        s.warning_findings,
        s.info_findings,
        plural(commented, "comment", "comments"),
    )];
    if s.waived > 0 {
        paragraphs.push(format!(
            "{} waived, so not commented on.",
            plural(s.waived, "finding is", "findings are")
        ));
    }
    if s.omitted > 0 {
        paragraphs.push(format!(
            "{} over the report's limit, so not commented on.",
            plural(s.omitted, "finding is", "findings are")
        ));
    }
    paragraphs.push(if report.passes_gate() {
        "Approval gate: passes (no unwaived error-severity violation).".to_owned()
    } else {
        format!(
            "Approval gate: blocked by {}.",
            plural(
                s.blocking,
                "unwaived error-severity violation",
                "unwaived error-severity violations"
            )
        )
    });
    for pillar in &report.pillars {
        let status = pillar.status.label();
        // The reason of the weakest assessed element explains the pillar's status.
        let reason = report
            .elements
            .iter()
            .filter(|e| e.pillar == pillar.number && e.status != FrameworkStatus::NotAssessed)
            .min_by_key(|e| weakness_rank(e.status))
            .map(|e| format!(": {} {}", e.id, shortened(&e.reason, REASON_CHARS)))
            .unwrap_or_default();
        paragraphs.push(format!(
            "Pillar {} {}: {status}{reason}",
            pillar.number, pillar.title
        ));
    }
    if let Some(recognised) = &report.recognised {
        paragraphs.push(format!("Read: {}.", recognised.describe()));
    }
    paragraphs.push(
        "Comments and tracked changes by dueregard are replaced when the document is annotated again."
            .to_owned(),
    );
    paragraphs
}

/// Orders statuses weakest first, so a pillar is explained by its weakest element.
fn weakness_rank(status: FrameworkStatus) -> u8 {
    match status {
        FrameworkStatus::NotInPlace => 0,
        FrameworkStatus::WorkInProgress => 1,
        FrameworkStatus::NoIssuesFound => 2,
        FrameworkStatus::InPlace => 3,
        FrameworkStatus::NotAssessed => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::shortened;

    #[test]
    fn long_reasons_are_cut_at_a_word() {
        assert_eq!(shortened("short", 10), "short");
        assert_eq!(shortened("one two three four", 10), "one two…");
        assert_eq!(shortened("a, b, c, d, e, f", 9), "a, b, c…");
    }
}
