//! One self-contained, accessible HTML page a board paper can link to:
//! headings in order, tables with captions and header cells, a language, text
//! colours that pass WCAG AA on white, and the pillar chart as inline SVG with
//! a text alternative (the pillar table beside it says the same in words).

use std::fmt::Write as _;

use super::checklist;
use crate::model::FrameworkStatus;
use crate::organisation::model::{CrossCheckOutcome, OrganisationReport};

/// Escapes text for HTML content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Fill colours for the chart, and text colours with at least 4.5:1 contrast
/// on white for the status words (NHS identity colours, amber darkened).
fn colour(status: FrameworkStatus) -> &'static str {
    match status {
        FrameworkStatus::InPlace => "#007f3b",
        FrameworkStatus::WorkInProgress => "#8a4600",
        FrameworkStatus::NotInPlace => "#b3261e",
        FrameworkStatus::NoIssuesFound => "#4c6272",
        FrameworkStatus::NotAssessed => "#5c6670",
    }
}

const STYLE: &str = "body{font-family:Arial,Helvetica,sans-serif;color:#212b32;background:#fff;max-width:72rem;margin:0 auto;padding:1rem;line-height:1.45;overflow-wrap:break-word}\
table{border-collapse:collapse;width:100%}\
.table-scroll{overflow-x:auto;margin:0.5rem 0 1.5rem}\
.table-scroll:focus{outline:3px solid #ffeb3b;outline-offset:2px}\
caption{text-align:left;font-weight:bold;padding:0.3rem 0}\
th,td{border:1px solid #aeb7bd;padding:0.35rem 0.5rem;text-align:left;vertical-align:top}\
td{overflow-wrap:anywhere}\
thead th{background:#e8edee}\
.status{font-weight:bold}\
.in_place{color:#007f3b}.work_in_progress{color:#8a4600}.not_in_place{color:#b3261e}.no_issues_found{color:#4c6272}.not_assessed{color:#5c6670}\
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}\
.swatch{display:inline-block;width:0.9rem;height:0.9rem;margin-right:0.3rem;vertical-align:middle;border:1px solid #212b32}\
small{color:#4c6272}";

/// The page.
pub fn html(report: &OrganisationReport) -> String {
    let mut out = String::new();
    let s = &report.summary;
    let as_of = report
        .as_of
        .as_ref()
        .map(|d| format!(" as of {d}"))
        .unwrap_or_default();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>LGBTQ+ Inclusion Framework: organisation view{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        esc(&as_of)
    );
    let _ = write!(
        out,
        "<h1>LGBTQ+ Inclusion Framework: organisation view{}</h1>\n\
         <p>{} documents checked: {} findings to change ({} blocking approval), {} to review, {} waived; \
         {} of 17 elements in place on the evidence of the documents.</p>\n",
        esc(&as_of),
        s.documents,
        s.violations,
        s.blocking,
        s.needs_review,
        s.waived,
        s.elements_in_place
    );
    pillars(&mut out, report);
    checklist_table(&mut out, report);
    cross_check(&mut out, report);
    documents(&mut out, report);
    waivers(&mut out, report);
    findings(&mut out, report);
    let _ = write!(
        out,
        "</main>\n<footer><p><small>{}</small></p></footer>\n</body>\n</html>\n",
        esc(&report.attribution)
    );
    out
}

fn pillars(out: &mut String, report: &OrganisationReport) {
    let _ = writeln!(out, "<h2 id=\"pillars\">Pillars</h2>");
    // The chart: per pillar, its elements as segments coloured by status.
    let (width, row, label_w) = (720, 34, 40);
    let height = row * report.pillars.len() + 10;
    let desc: Vec<String> = report
        .pillars
        .iter()
        .map(|p| format!("Pillar {}: {}", p.number, p.status.label().to_lowercase()))
        .collect();
    let _ = write!(
        out,
        "<figure>\n<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 {width} {height}\" width=\"100%\" style=\"max-width:{width}px\">\n\
         <title id=\"chart-title\">Each pillar's elements by status</title>\n<desc id=\"chart-desc\">{}. The table below gives each element's status in words.</desc>\n",
        esc(&desc.join("; "))
    );
    let per_element = f64::from(width - label_w - 10) / 4.0;
    for (i, p) in report.pillars.iter().enumerate() {
        let y = i * row + 5;
        let _ = writeln!(
            out,
            "<text x=\"0\" y=\"{}\" font-size=\"14\" fill=\"#212b32\">{}.</text>",
            y + 20,
            p.number
        );
        let mine = report.elements.iter().filter(|e| e.pillar == p.number);
        for (j, e) in mine.enumerate() {
            // j is at most 3: no pillar has more than four elements.
            let x = f64::from(label_w) + per_element * f64::from(u8::try_from(j).unwrap_or(0));
            let _ = writeln!(
                out,
                "<rect x=\"{x:.0}\" y=\"{y}\" width=\"{:.0}\" height=\"{}\" fill=\"{}\" stroke=\"#fff\" stroke-width=\"2\"/><text x=\"{:.0}\" y=\"{}\" font-size=\"13\" fill=\"#fff\">{}</text>",
                per_element,
                row - 6,
                colour(e.status),
                x + 6.0,
                y + 19,
                esc(&e.id)
            );
        }
    }
    let _ = writeln!(out, "</svg>\n<figcaption><ul class=\"legend\">");
    for status in FrameworkStatus::ALL {
        let _ = writeln!(
            out,
            "<li><span class=\"swatch\" style=\"background:{}\"></span>{}</li>",
            colour(status),
            status.label()
        );
    }
    let _ = writeln!(out, "</ul></figcaption>\n</figure>");
    let _ = writeln!(
        out,
        "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"caption-pillars\" tabindex=\"0\">\n<table>\n<caption id=\"caption-pillars\">Pillars and their elements</caption>\n<thead><tr><th scope=\"col\">Pillar</th><th scope=\"col\">Status</th><th scope=\"col\">Elements</th></tr></thead>\n<tbody>"
    );
    for p in &report.pillars {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}. {}</th><td class=\"status {}\">{}</td><td>{}</td></tr>",
            p.number,
            esc(&p.title),
            p.status.as_str(),
            p.status.label(),
            esc(&p.reason)
        );
    }
    let _ = writeln!(out, "</tbody>\n</table>\n</div>");
}

fn checklist_table(out: &mut String, report: &OrganisationReport) {
    let rows = checklist(report);
    let claims = !report.self_assessment.is_empty();
    let _ = writeln!(
        out,
        "<h2 id=\"checklist\">Progress checklist</h2>\n<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"caption-checklist\" tabindex=\"0\">\n<table>\n<caption id=\"caption-checklist\">The framework's progress checklist, with the status the documents show</caption>\n<thead><tr>\
         <th scope=\"col\">Pillars and recommendations</th><th scope=\"col\">Progress</th><th scope=\"col\">Action to date</th>\
         <th scope=\"col\">Status found</th><th scope=\"col\">Evidence</th><th scope=\"col\">Gaps to act on</th>{}</tr></thead>\n<tbody>",
        if claims {
            "<th scope=\"col\">Claimed</th>"
        } else {
            ""
        }
    );
    let mut pillar = 0;
    for (row, element) in rows.iter().zip(&report.elements) {
        if row.pillar != pillar {
            pillar = row.pillar;
            let title = report
                .pillars
                .iter()
                .find(|p| p.number == pillar)
                .map_or("", |p| p.title.as_str());
            let _ = writeln!(
                out,
                "<tr><th scope=\"colgroup\" colspan=\"{}\">{pillar}. {}</th></tr>",
                if claims { 7 } else { 6 },
                esc(title)
            );
        }
        let _ = writeln!(
            out,
            "<tr id=\"element-{}\"><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td class=\"status {}\">{}</td><td>{}</td><td>{}</td>{}</tr>",
            esc(&row.element),
            esc(&row.recommendation),
            esc(if row.progress.is_empty() {
                "–"
            } else {
                &row.progress
            }),
            esc(&row.action_to_date),
            element.status.as_str(),
            esc(&row.status),
            esc(&row.evidence),
            esc(&row.gaps),
            if claims {
                format!("<td>{}</td>", esc(&row.claimed))
            } else {
                String::new()
            }
        );
    }
    let _ = writeln!(out, "</tbody>\n</table>\n</div>");
}

fn cross_check(out: &mut String, report: &OrganisationReport) {
    if report.self_assessment.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<h2 id=\"self-assessment\">Self-assessment cross-check</h2>\n<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"caption-claims\" tabindex=\"0\">\n<table>\n<caption id=\"caption-claims\">Each claim against what the documents show</caption>\n\
         <thead><tr><th scope=\"col\">Element</th><th scope=\"col\">Claimed</th><th scope=\"col\">Found</th><th scope=\"col\">Outcome</th><th scope=\"col\">Why</th></tr></thead>\n<tbody>"
    );
    for c in &report.self_assessment {
        let outcome = match c.outcome {
            CrossCheckOutcome::Agrees => "Agrees",
            CrossCheckOutcome::Contradicted => "Contradicted",
            CrossCheckOutcome::NotShown => "Not shown",
            CrossCheckOutcome::Understated => "Documents show more",
        };
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"status {}\">{}</td><td>{outcome}</td><td>{}</td></tr>",
            esc(&c.element),
            c.claimed.label(),
            c.found.as_str(),
            c.found.label(),
            esc(&c.message)
        );
    }
    let _ = writeln!(out, "</tbody>\n</table>\n</div>");
}

fn documents(out: &mut String, report: &OrganisationReport) {
    let _ = writeln!(
        out,
        "<h2 id=\"documents\">Documents</h2>\n<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"caption-documents\" tabindex=\"0\">\n<table>\n<caption id=\"caption-documents\">Documents checked{}</caption>\n\
         <thead><tr><th scope=\"col\">Document</th><th scope=\"col\">Kind</th><th scope=\"col\">Review date</th><th scope=\"col\">To change</th><th scope=\"col\">Blocking</th><th scope=\"col\">To review</th></tr></thead>\n<tbody>",
        if report.past_review.is_empty() {
            String::new()
        } else {
            format!("; {} past their review date", report.past_review.len())
        }
    );
    for d in &report.documents {
        let past = report.past_review.iter().any(|r| r.document == d.document);
        let name = match &d.title {
            Some(title) => format!("{} ({})", esc(title), esc(&d.document)),
            None => esc(&d.document),
        };
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{name}</th><td>{}</td><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&d.kind),
            d.review
                .as_ref()
                .map_or_else(|| "none set".to_owned(), |r| r.to_string()),
            if past {
                " <strong>(past review)</strong>"
            } else {
                ""
            },
            d.violations,
            d.blocking,
            d.needs_review
        );
    }
    let _ = writeln!(out, "</tbody>\n</table>\n</div>");
}

fn waivers(out: &mut String, report: &OrganisationReport) {
    let _ = writeln!(out, "<h2 id=\"waivers\">Waiver register</h2>");
    if report.waivers.is_empty() {
        let _ = writeln!(out, "<p>No finding is waived.</p>");
        return;
    }
    let _ = writeln!(
        out,
        "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"caption-waived\" tabindex=\"0\">\n<table>\n<caption id=\"caption-waived\">Every waived finding, with its reason and approver</caption>\n\
         <thead><tr><th scope=\"col\">Document</th><th scope=\"col\">Rule</th><th scope=\"col\">Reason</th><th scope=\"col\">Approved by</th><th scope=\"col\">Finding</th></tr></thead>\n<tbody>"
    );
    for w in &report.waivers {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&w.document),
            esc(&w.rule),
            esc(&w.reason),
            esc(w.approved_by.as_deref().unwrap_or(if w.approved {
                "named (left out)"
            } else {
                "nobody named"
            })),
            esc(&w.message)
        );
    }
    let _ = writeln!(out, "</tbody>\n</table>\n</div>");
}

fn findings(out: &mut String, report: &OrganisationReport) {
    let _ = writeln!(out, "<h2 id=\"findings\">Findings</h2>");
    if report.findings.is_empty() {
        let _ = writeln!(out, "<p>No findings.</p>");
        return;
    }
    let _ = writeln!(
        out,
        "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"caption-findings\" tabindex=\"0\">\n<table>\n<caption id=\"caption-findings\">Every finding in every document</caption>\n\
         <thead><tr><th scope=\"col\">Document</th><th scope=\"col\">Rule</th><th scope=\"col\">Severity</th><th scope=\"col\">Change or review</th><th scope=\"col\">Elements</th><th scope=\"col\">Found</th><th scope=\"col\">Where</th></tr></thead>\n<tbody>"
    );
    for f in &report.findings {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><th scope=\"row\">{}</th><td>{}</td><td>{}{}</td><td>{}</td><td>{}</td><td><code>{}</code></td></tr>",
            esc(&f.document),
            esc(&f.rule),
            f.severity.as_str(),
            if f.bucket == "violations" {
                "change"
            } else {
                "review"
            },
            if f.waived { " (waived)" } else { "" },
            esc(&f.elements.join(", ")),
            esc(&f.message),
            esc(&f.path)
        );
    }
    let _ = writeln!(out, "</tbody>\n</table>\n</div>");
}
