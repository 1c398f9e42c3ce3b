//! Scanning one text for term findings. An editing session keeps these per
//! text, so an edit re-scans only the text that changed.

use std::collections::{BTreeMap, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};

use super::Engine;
use super::finding::{EXCERPT_WIDTH, Fingerprint, finding};
use super::texts::{TextKind, TextRef};
use crate::model::{Applicability, Edit, Finding, Fix, Location, SharedText};
use crate::rules::{ActSentence, Gates, SectionText};
use crate::rules::{DocumentConditions, SectionScan, TermHit, match_case, squeeze_whitespace};
use crate::text::{LineIndex, excerpt};

/// The term findings of one text, before document-wide conditions apply.
#[derive(Debug, Clone)]
pub(crate) struct TextFindings {
    pub kind: TextKind,
    /// The findings built, at most the budget the text was scanned with.
    pub items: Vec<TermItem>,
    /// (rule, entry) pairs whose `unless_document` phrases this text contains.
    pub document_conditions: DocumentConditions,
    pub has_text: bool,
    /// Per section text rule, for a section's text: its scan, or why it failed.
    pub section_scans: Vec<Result<SectionScan, String>>,
    /// Term hits past the budget, counted but not built, per (rule, entry),
    /// so the report can still leave out the ones a document-wide condition
    /// or a waiver covers.
    pub omitted: BTreeMap<(usize, usize), usize>,
    /// For a section's text: its sentences that list the Act's protected
    /// characteristics, which three structural rules read.
    pub act_lists: Vec<ActSentence>,
    /// For a section's text: which phrase lists it holds, for structural
    /// rules that ask of every section.
    pub gates: Option<Gates>,
}

/// One term finding, with what the document-wide conditions need to know.
#[derive(Debug, Clone)]
pub(crate) struct TermItem {
    pub rule: usize,
    pub entry: usize,
    pub start: usize,
    pub finding: Finding,
}

/// What every term finding in one text shares: the text's line index, and
/// its path and section id, made once for all of them.
struct TextPlace<'t> {
    index: LineIndex<'t>,
    path: SharedText,
    section: Option<SharedText>,
}

impl<'t> TextPlace<'t> {
    fn of(text: &TextRef<'t>) -> Self {
        TextPlace {
            index: LineIndex::new(text.text),
            path: text.path.as_str().into(),
            section: text.section.map(SharedText::from),
        }
    }
}

/// What a rule that panicked leaves in the report.
pub(crate) fn rule_failure(payload: &(dyn std::any::Any + Send)) -> String {
    format!(
        "the rule failed to run ({}); its findings are missing from this report",
        crate::error::panic_message(payload)
    )
}

impl Engine {
    /// Term findings for one text, building at most `budget` of them (the
    /// rest are counted). A session caches these per text, so an edit
    /// re-scans only the text that changed.
    pub(crate) fn text_findings(&self, text: &TextRef<'_>, budget: usize) -> TextFindings {
        // A section's text is read once, by the term scan, for its terms and
        // for all its section text rules.
        let mut read =
            matches!(text.kind, TextKind::SectionText(_)).then(|| SectionText::start(text.text));
        let mut items = Vec::new();
        let mut omitted: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        let mut place: Option<TextPlace<'_>> = None;
        // Per rule, how often each phrase (lowercased) has been found so far.
        let mut seen: Vec<HashMap<String, usize>> = Vec::new();
        // The hit lowercased, in one buffer for all hits.
        let mut lower = String::new();
        let document_conditions = self.terms.scan(text.text, read.as_mut(), &mut |hit| {
            let meta = &self.metas[self.term_metas[hit.rule]];
            if !text.advisory && meta.advisory {
                return;
            }
            if items.len() >= budget {
                *omitted.entry((hit.rule, hit.entry)).or_insert(0) += 1;
                return;
            }
            let found = squeeze_whitespace(&text.text[hit.start..hit.end]);
            lower.clear();
            if found.is_ascii() {
                lower.push_str(&found);
                lower.make_ascii_lowercase();
            } else {
                lower.push_str(&found.to_lowercase());
            }
            if seen.len() <= hit.rule {
                seen.resize_with(hit.rule + 1, HashMap::new);
            }
            let occurrence = match seen[hit.rule].get_mut(lower.as_str()) {
                Some(count) => {
                    *count += 1;
                    *count
                }
                None => {
                    seen[hit.rule].insert(lower.clone(), 1);
                    1
                }
            };
            let place = place.get_or_insert_with(|| TextPlace::of(text));
            let finding = self.term_finding(text, place, &hit, (&found, &lower), occurrence);
            items.push(TermItem {
                rule: hit.rule,
                entry: hit.entry,
                start: hit.start,
                finding,
            });
        });
        let read = read.map(SectionText::finish);
        let section_scans = match &read {
            Some(read) => self
                .section_rules
                .iter()
                .map(|(rule, _)| {
                    catch_unwind(AssertUnwindSafe(|| rule.scan(read, &self.options)))
                        .map_err(|panic| rule_failure(panic.as_ref()))
                })
                .collect(),
            None => Vec::new(),
        };
        TextFindings {
            kind: text.kind,
            items,
            document_conditions,
            has_text: !text.text.trim().is_empty(),
            section_scans,
            omitted,
            gates: read.as_ref().map(SectionText::gates),
            act_lists: read.map(|read| read.act_lists()).unwrap_or_default(),
        }
    }

    /// One term finding. `found` is the text hit with its white space
    /// squeezed, so a phrase wrapped over two lines is named (and
    /// fingerprinted) as it reads.
    fn term_finding(
        &self,
        text: &TextRef<'_>,
        place: &TextPlace<'_>,
        hit: &TermHit,
        (found, lower): (&str, &str),
        occurrence: usize,
    ) -> Finding {
        let spec = &self.terms.specs[hit.rule];
        let meta = &self.finding_metas[self.term_metas[hit.rule]];
        let entry = &spec.entries[hit.entry];
        let shared = &self.term_entries[hit.rule][hit.entry];
        let span = place.index.span(hit.start, hit.end);
        let fix = match (entry.suggestions.first(), entry.fix) {
            (Some(first), applicability) if applicability != Applicability::None => {
                let replacement = match_case(found, first);
                Some(Fix {
                    title: format!("Replace “{found}” with “{replacement}”"),
                    applicability,
                    edits: vec![Edit {
                        path: place.path.clone(),
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
        // The anchor names the section by id, so moving it keeps the print.
        let anchor = match text.section {
            Some(id) => Fingerprint::new()
                .part(&meta.rule)
                .piece(id)
                .piece("/")
                .piece(text.path.rsplit('/').next().unwrap_or("")),
            None => Fingerprint::new().part(&meta.rule).piece(&text.path),
        };
        let location = Location {
            path: place.path.clone(),
            section: place.section.clone(),
            span: Some(span),
            place: None,
        };
        let fingerprint = anchor.end_part().part(lower).number(occurrence).finish();
        let mut finding = finding(
            meta,
            spec.message.replace("{term}", found),
            location,
            fingerprint,
        );
        // The rule's rationale followed by the entry's note.
        finding.explanation = shared.explanation.clone();
        finding.excerpt = Some(excerpt(text.text, hit.start, hit.end, EXCERPT_WIDTH));
        finding.suggestions = shared.suggestions.clone();
        finding.fix = fix;
        finding.also_matched = hit
            .also
            .iter()
            .map(|&rule| self.finding_metas[self.term_metas[rule]].rule.clone())
            .collect();
        finding
    }
}
