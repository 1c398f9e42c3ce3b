//! Scanning one text for term findings. An editing session keeps these per
//! text, so an edit re-scans only the text that changed.

use std::collections::{BTreeMap, BTreeSet};
use std::panic::{AssertUnwindSafe, catch_unwind};

use super::Engine;
use super::finding::{EXCERPT_WIDTH, finding, fingerprint, next_occurrence};
use super::texts::{TextKind, TextRef};
use crate::model::{Applicability, Edit, Finding, Fix, Location, Severity};
use crate::rules::{SectionScan, TermHit, match_case};
use crate::text::{LineIndex, excerpt};

/// The term findings of one text, before document-wide conditions apply.
#[derive(Debug, Clone)]
pub(crate) struct TextFindings {
    pub kind: TextKind,
    pub items: Vec<TermItem>,
    /// (rule, entry) pairs whose `unless_document` phrases this text contains.
    pub document_conditions: BTreeSet<(usize, usize)>,
    pub has_text: bool,
    /// Per section text rule, for a section's text: its scan, or why it failed.
    pub section_scans: Vec<Result<SectionScan, String>>,
    /// Term hits past the report's limit, counted but not built.
    pub omitted: usize,
    /// Of those, the ones that would block an approval gate.
    pub omitted_blocking: usize,
}

/// One term finding, with what the document-wide conditions need to know.
#[derive(Debug, Clone)]
pub(crate) struct TermItem {
    pub rule: usize,
    pub entry: usize,
    pub start: usize,
    pub finding: Finding,
}

/// What a rule that panicked leaves in the report.
pub(crate) fn rule_failure(payload: &(dyn std::any::Any + Send)) -> String {
    format!(
        "the rule failed to run ({}); its findings are missing from this report",
        crate::error::panic_message(payload)
    )
}

impl Engine {
    /// Term findings for one text. A session caches these per text, so an
    /// edit re-scans only the text that changed.
    pub(crate) fn text_findings(&self, text: &TextRef<'_>) -> TextFindings {
        let scan = self.terms.scan(text.text);
        let section_scans = if matches!(text.kind, TextKind::SectionText(_)) {
            self.section_rules
                .iter()
                .map(|(rule, _)| {
                    catch_unwind(AssertUnwindSafe(|| rule.scan(text.text, &self.options)))
                        .map_err(|panic| rule_failure(panic.as_ref()))
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut found = TextFindings {
            kind: text.kind,
            items: Vec::new(),
            document_conditions: scan.document_conditions,
            has_text: !text.text.trim().is_empty(),
            section_scans,
            omitted: 0,
            omitted_blocking: 0,
        };
        if scan.hits.is_empty() {
            return found;
        }
        let index = LineIndex::new(text.text);
        let mut seen = BTreeMap::new();
        let limit = self.limits.max_findings;
        for hit in scan.hits {
            if found.items.len() >= limit {
                let meta = &self.metas[self.term_metas[hit.rule]];
                found.omitted += 1;
                found.omitted_blocking +=
                    usize::from(meta.severity == Severity::Error && !meta.advisory);
                continue;
            }
            if !text.advisory && self.metas[self.term_metas[hit.rule]].advisory {
                continue;
            }
            let key = format!(
                "{}\u{0}{}",
                hit.rule,
                text.text[hit.start..hit.end].to_lowercase()
            );
            let occurrence = next_occurrence(&mut seen, &key);
            let finding = self.term_finding(text, &index, &hit, occurrence);
            found.items.push(TermItem {
                rule: hit.rule,
                entry: hit.entry,
                start: hit.start,
                finding,
            });
        }
        found
    }

    fn term_finding(
        &self,
        text: &TextRef<'_>,
        index: &LineIndex<'_>,
        hit: &TermHit,
        occurrence: usize,
    ) -> Finding {
        let spec = &self.terms.specs[hit.rule];
        let meta = &self.metas[self.term_metas[hit.rule]];
        let entry = &spec.entries[hit.entry];
        let found = &text.text[hit.start..hit.end];
        let span = index.span(hit.start, hit.end);
        let fix = match (entry.suggestions.first(), entry.fix) {
            (Some(first), applicability) if applicability != Applicability::None => {
                let replacement = match_case(found, first);
                Some(Fix {
                    title: format!("Replace “{found}” with “{replacement}”"),
                    applicability,
                    edits: vec![Edit {
                        path: text.path.clone(),
                        start: hit.start,
                        end: hit.end,
                        utf16_start: span.utf16_start,
                        utf16_end: span.utf16_end,
                        replacement,
                    }],
                })
            }
            _ => None,
        };
        let mut explanation = spec.rationale.clone();
        if let Some(note) = &entry.note {
            explanation.push(' ');
            explanation.push_str(note);
        }
        let anchor = match text.section {
            Some(id) => format!("{id}/{}", text.path.rsplit('/').next().unwrap_or("")),
            None => text.path.clone(),
        };
        let location = Location {
            path: text.path.clone(),
            section: text.section.map(str::to_owned),
            span: Some(span),
            place: None,
        };
        let fingerprint = fingerprint(&[
            &meta.id,
            &anchor,
            &found.to_lowercase(),
            &occurrence.to_string(),
        ]);
        let mut finding = finding(
            meta,
            spec.message.replace("{term}", found),
            location,
            fingerprint,
        );
        finding.explanation = explanation;
        finding.excerpt = Some(excerpt(text.text, hit.start, hit.end, EXCERPT_WIDTH));
        finding.suggestions = entry.suggestions.clone();
        finding.fix = fix;
        finding.also_matched = hit
            .also
            .iter()
            .map(|&rule| self.metas[self.term_metas[rule]].id.clone())
            .collect();
        finding
    }
}
