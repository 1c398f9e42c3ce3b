//! The organisation report as an Excel workbook (rust_xlsxwriter): sheet 1 the
//! framework's progress checklist in its own layout (pillar rows, then each
//! recommendation with its progress and action to date), sheet 2 every
//! finding, sheet 3 the waiver register, and an About sheet with the
//! framework's attribution.

use rust_xlsxwriter::{
    Color, DataValidation, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::{CHECKLIST_HEADINGS, checklist};
use crate::model::FrameworkStatus;
use crate::model::framework::Progress;
use crate::organisation::model::OrganisationReport;

/// Why the workbook could not be written.
#[derive(Debug, thiserror::Error)]
#[error("could not write the workbook: {0}")]
pub struct WorkbookError(#[from] XlsxError);

/// Excel holds at most 32,767 characters in a cell.
const MAX_CELL: usize = 32_000;

fn cell(text: &str) -> String {
    if text.len() <= MAX_CELL {
        return text.to_owned();
    }
    let mut end = MAX_CELL;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{} … (cut: see the JSON report)", &text[..end])
}

fn status_fill(status: FrameworkStatus) -> Color {
    match status {
        FrameworkStatus::InPlace => Color::RGB(0xC6EFCE),
        FrameworkStatus::WorkInProgress => Color::RGB(0xFFEB9C),
        FrameworkStatus::NotInPlace => Color::RGB(0xFFC7CE),
        FrameworkStatus::NoIssuesFound | FrameworkStatus::NotAssessed => Color::RGB(0xE8EDEE),
    }
}

fn progress_fill(progress: Progress) -> Color {
    match progress {
        Progress::Significant => Color::RGB(0xC6EFCE),
        Progress::Moderate => Color::RGB(0xFFEB9C),
        Progress::NoProgress => Color::RGB(0xFFC7CE),
    }
}

/// The workbook as bytes.
pub fn xlsx(report: &OrganisationReport) -> Result<Vec<u8>, WorkbookError> {
    let mut workbook = Workbook::new();
    checklist_sheet(workbook.add_worksheet(), report)?;
    findings_sheet(workbook.add_worksheet(), report)?;
    waivers_sheet(workbook.add_worksheet(), report)?;
    about_sheet(workbook.add_worksheet(), report)?;
    Ok(workbook.save_to_buffer()?)
}

fn wrap() -> Format {
    Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
}

fn header() -> Format {
    wrap().set_bold().set_background_color(Color::RGB(0xE8EDEE))
}

fn checklist_sheet(ws: &mut Worksheet, report: &OrganisationReport) -> Result<(), XlsxError> {
    ws.set_name("Progress checklist")?;
    let title = Format::new().set_bold().set_font_size(14);
    ws.write_string_with_format(0, 0, "Progress checklist", &title)?;
    let as_of = report
        .as_of
        .as_ref()
        .map(|d| format!("As of {d}. "))
        .unwrap_or_default();
    ws.write_string(
        1,
        0,
        format!(
            "{as_of}Progress and action to date against the previous report; status found from the evidence in {} documents.",
            report.summary.documents
        ),
    )?;
    ws.write_string_with_format(2, 0, "Progress key", &header())?;
    for (i, level) in Progress::ALL.iter().enumerate() {
        let col = u16::try_from(i + 1).unwrap_or(1);
        ws.write_string_with_format(
            2,
            col,
            level.label(),
            &wrap().set_background_color(progress_fill(*level)),
        )?;
    }
    let headings_row = 3;
    for (col, heading) in (0u16..).zip(CHECKLIST_HEADINGS) {
        ws.write_string_with_format(headings_row, col, heading, &header())?;
    }
    let last_col = u16::try_from(CHECKLIST_HEADINGS.len() - 1).unwrap_or(0);
    let pillar_format = wrap().set_bold().set_background_color(Color::RGB(0xD9E2F3));
    let mut row = headings_row + 1;
    let mut pillar = 0;
    let rows = checklist(report);
    let first_element_row = row;
    for (r, element) in rows.iter().zip(&report.elements) {
        if r.pillar != pillar {
            pillar = r.pillar;
            let title = report
                .pillars
                .iter()
                .find(|p| p.number == pillar)
                .map_or(String::new(), |p| format!("{}. {}", p.number, p.title));
            ws.merge_range(row, 0, row, last_col, &title, &pillar_format)?;
            row += 1;
        }
        let cells = [
            &r.recommendation,
            &r.progress,
            &r.action_to_date,
            &r.status,
            &r.evidence,
            &r.gaps,
            &r.claimed,
            &r.cross_check,
            &r.element,
        ];
        for (col, text) in (0u16..).zip(cells) {
            let format = match col {
                1 => match element.progress.as_ref().and_then(|p| p.progress) {
                    Some(p) => wrap().set_background_color(progress_fill(p)),
                    None => wrap(),
                },
                3 => wrap().set_background_color(status_fill(element.status)),
                _ => wrap(),
            };
            ws.write_string_with_format(row, col, cell(text), &format)?;
        }
        row += 1;
    }
    // Progress stays editable on the framework's own scale.
    let labels: Vec<&str> = Progress::ALL.iter().map(|p| p.label()).collect();
    let validation = DataValidation::new().allow_list_strings(&labels)?;
    ws.add_data_validation(first_element_row, 1, row - 1, 1, &validation)?;
    for (col, width) in (0u16..).zip([60.0, 20.0, 60.0, 18.0, 60.0, 60.0, 16.0, 50.0, 9.0]) {
        ws.set_column_width(col, width)?;
    }
    ws.set_freeze_panes(headings_row + 1, 1)?;
    Ok(())
}

fn findings_sheet(ws: &mut Worksheet, report: &OrganisationReport) -> Result<(), XlsxError> {
    ws.set_name("Findings")?;
    let headings = [
        "Document",
        "Rule",
        "Name",
        "Severity",
        "Change or review",
        "Elements",
        "Found",
        "Where",
        "Excerpt",
        "Waived",
        "Fingerprint",
    ];
    for (col, h) in (0u16..).zip(headings) {
        ws.write_string_with_format(0, col, h, &header())?;
    }
    for (row, f) in (1u32..).zip(&report.findings) {
        let cells = [
            f.document.as_str(),
            &f.rule,
            &f.name,
            f.severity.as_str(),
            if f.bucket == "violations" {
                "change"
            } else {
                "review"
            },
            &f.elements.join(", "),
            &f.message,
            &f.path,
            f.excerpt.as_deref().unwrap_or(""),
            if f.waived { "yes" } else { "no" },
            &f.fingerprint,
        ];
        for (col, text) in (0u16..).zip(cells) {
            ws.write_string(row, col, cell(text))?;
        }
    }
    let last_row = u32::try_from(report.findings.len()).unwrap_or(u32::MAX);
    ws.autofilter(0, 0, last_row, 10)?;
    for (col, width) in (0u16..).zip([
        28.0, 30.0, 30.0, 9.0, 10.0, 10.0, 70.0, 24.0, 40.0, 8.0, 18.0,
    ]) {
        ws.set_column_width(col, width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn waivers_sheet(ws: &mut Worksheet, report: &OrganisationReport) -> Result<(), XlsxError> {
    ws.set_name("Waiver register")?;
    let headings = [
        "Document",
        "Rule",
        "Name",
        "Elements",
        "Reason",
        "Approved by",
        "Finding",
        "Where",
    ];
    for (col, h) in (0u16..).zip(headings) {
        ws.write_string_with_format(0, col, h, &header())?;
    }
    for (row, w) in (1u32..).zip(&report.waivers) {
        let approver = w.approved_by.clone().unwrap_or_else(|| {
            if w.approved {
                "named (left out)".into()
            } else {
                "nobody named".into()
            }
        });
        let cells = [
            w.document.as_str(),
            &w.rule,
            &w.name,
            &w.elements.join(", "),
            &w.reason,
            &approver,
            &w.message,
            &w.path,
        ];
        for (col, text) in (0u16..).zip(cells) {
            ws.write_string_with_format(row, col, cell(text), &wrap())?;
        }
    }
    for (col, width) in (0u16..).zip([28.0, 30.0, 30.0, 10.0, 50.0, 24.0, 60.0, 24.0]) {
        ws.set_column_width(col, width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn about_sheet(ws: &mut Worksheet, report: &OrganisationReport) -> Result<(), XlsxError> {
    ws.set_name("About")?;
    let lines = [
        "Made by dueregard from the reports of the documents listed in the JSON report.".to_owned(),
        "Status found: in place only on positive evidence in a document and no gap against the element in any; work in progress with evidence and gaps; not in place with gaps and no evidence; no issues found when documents were checked for it and show neither; not assessed when none was.".to_owned(),
        format!("Rule packs: {}", report.rule_packs.join(", ")),
        report.attribution.clone(),
    ];
    for (row, line) in (0u32..).zip(&lines) {
        ws.write_string_with_format(row, 0, line, &Format::new().set_text_wrap())?;
    }
    ws.set_column_width(0, 120.0)?;
    Ok(())
}
