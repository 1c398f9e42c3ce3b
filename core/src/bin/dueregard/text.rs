//! The report as plain text for a policy author: each finding with a label
//! the summary counts, its place in words and as a JSON Pointer, then the
//! approval gate and each framework pillar's status with its reason.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use dueregard::{Date, Finding, FrameworkStatus, Report, Severity, framework};

use crate::files::ReadDraft;
use crate::places;

/// Indent of a finding's detail lines, under its label.
const INDENT: &str = "         ";

/// What a finding asks of the author; each label is one count in the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    /// An unwaived error-severity violation: blocks the approval gate.
    Error,
    /// An unwaived warning-severity violation.
    Warning,
    /// An unwaived info-severity violation.
    Note,
    /// An unwaived finding a person must judge.
    Review,
    /// Any finding covered by a waiver.
    Waived,
}

impl Label {
    fn of(finding: &Finding, review: bool) -> Label {
        match (finding.waiver.is_some(), review, finding.severity) {
            (true, _, _) => Label::Waived,
            (false, true, _) => Label::Review,
            (false, false, Severity::Error) => Label::Error,
            (false, false, Severity::Warning) => Label::Warning,
            (false, false, Severity::Info) => Label::Note,
        }
    }

    fn text(self) -> &'static str {
        match self {
            Label::Error => "ERROR",
            Label::Warning => "WARNING",
            Label::Note => "NOTE",
            Label::Review => "REVIEW",
            Label::Waived => "WAIVED",
        }
    }
}

/// One draft's report as text.
pub fn render(read: &ReadDraft, report: &Report, as_of: &Date) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", read.path);
    let _ = writeln!(
        out,
        "{} ({}), checked with {} {} as of {as_of}\n",
        report.draft.title,
        report.draft.kind,
        report.engine.rule_pack,
        report.engine.rule_pack_version
    );
    if let Some(recognised) = &report.recognised {
        let _ = writeln!(out, "{}\n", recognised.describe());
    }

    let mut findings: Vec<(&Finding, Label)> = report
        .violations
        .iter()
        .map(|f| (f, Label::of(f, false)))
        .chain(report.needs_review.iter().map(|f| (f, Label::of(f, true))))
        .collect();
    findings.sort_by(|(a, _), (b, _)| places::reading_order(&a.location, &b.location));
    if findings.is_empty() {
        let _ = writeln!(out, "No findings.\n");
    }
    let mut explained = BTreeSet::new();
    for (finding, label) in &findings {
        finding_lines(&mut out, read, finding, *label, &mut explained);
    }

    summary_lines(&mut out, report, &findings);
    pillar_lines(&mut out, report);
    out
}

fn finding_lines<'r>(
    out: &mut String,
    read: &ReadDraft,
    finding: &'r Finding,
    label: Label,
    explained: &mut BTreeSet<&'r str>,
) {
    let place = places::in_words(
        &read.draft,
        &finding.location,
        read.section_lines.as_deref(),
    );
    let pointer = match finding.location.path.as_str() {
        "" => "(whole draft)",
        path => path,
    };
    let in_document = match &finding.location.place {
        Some(at) => format!(" ({at})"),
        None => String::new(),
    };
    let _ = writeln!(out, "{:<8} {place}{in_document}  [{pointer}]", label.text());
    let _ = writeln!(out, "{INDENT}{}", finding.message);
    if let Some(excerpt) = &finding.excerpt {
        let _ = writeln!(out, "{INDENT}“{excerpt}”");
    }
    if let Some(first) = finding.suggestions.first() {
        let _ = writeln!(out, "{INDENT}Try: {first}");
    }
    // The reason is the same for every finding of a rule: say it once.
    if explained.insert(finding.rule.as_str()) {
        let _ = writeln!(out, "{INDENT}Why: {}", finding.explanation);
    }
    let elements: Vec<String> = finding
        .elements
        .iter()
        .map(|id| match framework::element(id) {
            Some(e) => format!("{id} {}", e.title),
            None => id.clone(),
        })
        .collect();
    let _ = writeln!(out, "{INDENT}Framework: {}", elements.join("; "));
    let _ = writeln!(
        out,
        "{INDENT}Rule: {} ({})",
        finding.rule, finding.source.title
    );
    if let Some(w) = &finding.waiver {
        let by = w.approved_by.as_deref().unwrap_or("nobody named");
        let _ = writeln!(out, "{INDENT}Waived: {} (approved by {by})", w.reason);
    }
    out.push('\n');
}

fn summary_lines(out: &mut String, report: &Report, findings: &[(&Finding, Label)]) {
    let count = |label: Label| findings.iter().filter(|(_, l)| *l == label).count();
    let s = &report.summary;
    let _ = writeln!(
        out,
        "Summary: to change: {}, {}, {}; to review: {}; waived: {}.",
        plural(count(Label::Error), "error"),
        plural(count(Label::Warning), "warning"),
        plural(count(Label::Note), "note"),
        count(Label::Review),
        count(Label::Waived),
    );
    let _ = writeln!(
        out,
        "Rules: {} passed, {} not applicable, {} failed to run.",
        s.passes, s.inapplicable, s.errors
    );
    if s.omitted > 0 {
        let _ = writeln!(
            out,
            "{} more findings are not listed: the report stops at its limit. Fix the ones above and check again.",
            s.omitted
        );
    }
    if report.passes_gate() {
        let _ = writeln!(out, "Approval gate: clear (no unwaived errors).");
    } else {
        let _ = writeln!(
            out,
            "Approval gate: blocked by {} to fix or waive with a reason.",
            plural(s.blocking, "error")
        );
    }
}

/// Each pillar's status, then each of its assessed elements with the reason
/// for its status: the evidence that shows it, or the gaps in the way.
fn pillar_lines(out: &mut String, report: &Report) {
    let _ = writeln!(
        out,
        "\nFramework pillars (self-assessment scale, on evidence):"
    );
    for pillar in &report.pillars {
        let status = match pillar.status.level() {
            Some(level) => format!("{} ({})", level.label(), level.traffic_light()),
            None => pillar.status.label().to_owned(),
        };
        let _ = writeln!(out, "  {} {}: {status}", pillar.number, pillar.title);
        let assessed: Vec<_> = report
            .elements
            .iter()
            .filter(|e| e.pillar == pillar.number && e.status != FrameworkStatus::NotAssessed)
            .collect();
        if assessed.is_empty() {
            let _ = writeln!(
                out,
                "    Not assessed: no rule that applies to this draft speaks to its elements."
            );
        }
        for e in assessed {
            let _ = writeln!(out, "    {} {}: {}", e.id, e.status.label(), e.reason);
        }
    }
    out.push('\n');
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
