//! The engine: compiled once from a rule pack, then checks any number of
//! drafts. `Engine` is `Send + Sync`; checking never fails, because a rule
//! that breaks is reported in the report's `errors` bucket.

use std::collections::{BTreeMap, BTreeSet};
use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::error::{DraftError, RulePackError};
use crate::framework::{self, SelfAssessment};
use crate::input::{JsonProblem, Limits, deserialize_with_pointer};
use crate::model::Draft;
use crate::pack::{Applicability, PackOptions, RulePack, Severity, TermRuleSpec};
use crate::report::{
    AppliedWaiver, DraftInfo, Edit, ElementStatus, EngineInfo, Finding, Fix, Location,
    PillarStatus, Report, RuleFailure, RuleOutcome, Summary,
};
use crate::rules::{
    BUILTIN_TERMS_JSON, RawFinding, RuleContext, RuleMeta, SectionScan, SectionTextRule,
    StructuralRule, TermHit, TermMatcher, Verdict, builtin_section_rules, builtin_structural,
};
use crate::text::{LineIndex, excerpt};

/// Bounds that keep a custom rule pack from hurting its host: compiling is
/// linear in the pack, and these keep the pack itself modest.
const MAX_PACK_BYTES: usize = 2 * 1024 * 1024;
const MAX_TERM_RULES: usize = 1_000;

/// The name and version of the built-in pack, shown in every report.
pub const BUILTIN_PACK: &str = "dueregard en-GB";

/// A compiled rule pack, ready to check drafts.
///
/// ```
/// use dueregard::{Draft, Engine};
///
/// let engine = Engine::new();
/// let draft = Draft::from_text("Note", "Each manager should ask if he or she needs support.").unwrap();
/// let report = engine.check(&draft);
/// assert_eq!(report.violations[0].rule, "term-binary-pronouns");
/// ```
pub struct Engine {
    pack_name: String,
    pack_version: String,
    metas: Vec<RuleMeta>,
    structural: Vec<(Box<dyn StructuralRule>, usize)>,
    /// Rules over each section's text, cached per section in a session.
    section_rules: Vec<(Box<dyn SectionTextRule>, usize)>,
    terms: TermMatcher,
    /// Index into `metas` for each term rule, by term rule index.
    term_metas: Vec<usize>,
    options: PackOptions,
    known_rules: BTreeSet<String>,
    limits: Limits,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("pack", &self.pack_name)
            .field("version", &self.pack_version)
            .field("rules", &self.metas.len())
            .finish()
    }
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

/// A piece of the draft's text that term rules read.
pub(crate) struct TextRef<'d> {
    pub path: String,
    pub section: Option<&'d str>,
    pub text: &'d str,
    /// Whether advisory wording rules read this text. Not in the assessment,
    /// which mostly quotes the wording it is about, nor in a form's short
    /// options, where the structural data rules speak more precisely.
    pub advisory: bool,
}

/// The term findings of one text, before document-wide conditions apply.
#[derive(Debug, Clone)]
pub(crate) struct TextFindings {
    items: Vec<TermItem>,
    document_conditions: BTreeSet<(usize, usize)>,
    has_text: bool,
    /// Per section text rule, for a section's text: its scan, or why it failed.
    section_scans: Vec<Result<SectionScan, String>>,
    /// Term hits past the report's limit, counted but not built.
    omitted: usize,
    /// Of those, the ones that would block an approval gate.
    omitted_blocking: usize,
}

#[derive(Debug, Clone)]
struct TermItem {
    rule: usize,
    entry: usize,
    start: usize,
    finding: Finding,
}

/// A finding with the key that orders it in the report.
struct Placed {
    order: (usize, usize, usize),
    review: bool,
    finding: Finding,
}

impl Engine {
    /// The built-in en-GB rules.
    pub fn new() -> Engine {
        let pack = RulePack {
            name: BUILTIN_PACK.into(),
            version: env!("CARGO_PKG_VERSION").into(),
            extends_builtin: true,
            disable: Vec::new(),
            severity: BTreeMap::new(),
            options: PackOptions::default(),
            term_rules: Vec::new(),
        };
        // The built-in catalogue is compiled in every test run; it cannot fail here.
        Engine::from_pack(&pack).expect("the built-in rule pack compiles")
    }

    /// Compiles a rule pack given as JSON (see `schemas/rule-pack.schema.json`).
    pub fn from_pack_json(json: &str) -> Result<Engine, RulePackError> {
        if json.len() > MAX_PACK_BYTES {
            return Err(RulePackError::Invalid {
                pointer: String::new(),
                message: format!(
                    "the rule pack is {} bytes, over the limit of {MAX_PACK_BYTES}",
                    json.len()
                ),
            });
        }
        crate::input::check_depth(json, Limits::default().max_depth).map_err(|e| {
            RulePackError::Invalid {
                pointer: String::new(),
                message: e.to_string(),
            }
        })?;
        let pack: RulePack = deserialize_with_pointer(json).map_err(|e| match e {
            JsonProblem::Syntax {
                line,
                column,
                message,
            } => RulePackError::Invalid {
                pointer: String::new(),
                message: format!("not valid JSON at line {line}, column {column}: {message}"),
            },
            JsonProblem::Invalid {
                pointer, message, ..
            } => RulePackError::Invalid { pointer, message },
        })?;
        Engine::from_pack(&pack)
    }

    /// Compiles a rule pack.
    pub fn from_pack(pack: &RulePack) -> Result<Engine, RulePackError> {
        let mut specs: Vec<TermRuleSpec> = Vec::new();
        let mut pointers: Vec<String> = Vec::new();
        let mut structural: Vec<Box<dyn StructuralRule>> = Vec::new();
        let mut section_rules: Vec<Box<dyn SectionTextRule>> = Vec::new();
        if pack.extends_builtin {
            let builtin: RulePack =
                serde_json::from_str(BUILTIN_TERMS_JSON).map_err(|e| RulePackError::Invalid {
                    pointer: String::new(),
                    message: format!("the built-in term catalogue is broken: {e}"),
                })?;
            for (i, spec) in builtin.term_rules.into_iter().enumerate() {
                pointers.push(format!("(built-in)/term_rules/{i}"));
                specs.push(spec);
            }
            structural = builtin_structural();
            section_rules = builtin_section_rules();
        }
        let structural_ids: BTreeSet<String> = structural
            .iter()
            .map(|r| r.meta().id)
            .chain(section_rules.iter().map(|r| r.meta().id))
            .collect();
        if pack.term_rules.len() > MAX_TERM_RULES {
            return Err(RulePackError::Invalid {
                pointer: "/term_rules".into(),
                message: format!(
                    "{} term rules, over the limit of {MAX_TERM_RULES}; group phrases into entries",
                    pack.term_rules.len()
                ),
            });
        }
        let mut index_of: BTreeMap<String, usize> = specs
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        for (i, spec) in pack.term_rules.iter().enumerate() {
            let pointer = format!("/term_rules/{i}");
            validate_term_rule(spec, &pointer)?;
            if structural_ids.contains(&spec.id) {
                return Err(RulePackError::Rule {
                    pointer: format!("{pointer}/id"),
                    rule: spec.id.clone(),
                    message: "a structural rule has this id; term rules cannot replace it".into(),
                });
            }
            // A pack's rule with a built-in id replaces the built-in one.
            match index_of.get(&spec.id) {
                Some(&at) => {
                    specs[at] = spec.clone();
                    pointers[at] = pointer;
                }
                None => {
                    index_of.insert(spec.id.clone(), specs.len());
                    specs.push(spec.clone());
                    pointers.push(pointer);
                }
            }
        }
        let disabled: BTreeSet<&str> = pack.disable.iter().map(String::as_str).collect();
        let all_ids: BTreeSet<&str> = structural_ids
            .iter()
            .map(String::as_str)
            .chain(specs.iter().map(|s| s.id.as_str()))
            .collect();
        for (i, id) in pack.disable.iter().enumerate() {
            if !all_ids.contains(id.as_str()) {
                return Err(unknown_rule(&format!("/disable/{i}"), id));
            }
        }
        for id in pack.severity.keys() {
            if !all_ids.contains(id.as_str()) {
                return Err(unknown_rule(
                    &format!("/severity/{}", escape_pointer(id)),
                    id,
                ));
            }
        }
        let (specs, pointers): (Vec<_>, Vec<_>) = specs
            .into_iter()
            .zip(pointers)
            .filter(|(s, _)| !disabled.contains(s.id.as_str()))
            .unzip();
        let terms = TermMatcher::compile(specs, &pointers)?;

        let mut metas = Vec::new();
        let mut kept = Vec::new();
        for rule in structural {
            let meta = rule.meta();
            if !disabled.contains(meta.id.as_str()) {
                kept.push((rule, metas.len()));
                metas.push(meta);
            }
        }
        let mut kept_section_rules = Vec::new();
        for rule in section_rules {
            let meta = rule.meta();
            if !disabled.contains(meta.id.as_str()) {
                kept_section_rules.push((rule, metas.len()));
                metas.push(meta);
            }
        }
        let mut term_metas = Vec::new();
        for meta in terms.metas() {
            term_metas.push(metas.len());
            metas.push(meta);
        }
        for meta in &mut metas {
            if let Some(&severity) = pack.severity.get(&meta.id) {
                meta.severity = severity;
            }
        }
        let known_rules = metas.iter().map(|m| m.id.clone()).collect();
        Ok(Engine {
            pack_name: pack.name.clone(),
            pack_version: pack.version.clone(),
            metas,
            structural: kept,
            section_rules: kept_section_rules,
            terms,
            term_metas,
            options: pack.options.clone(),
            known_rules,
            limits: Limits::default(),
        })
    }

    /// Replaces the input limits used by [`Engine::check_json`].
    pub fn with_limits(mut self, limits: Limits) -> Engine {
        self.limits = limits;
        self
    }

    /// The input limits in force.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Every rule in the pack, in report order.
    pub fn rules(&self) -> &[RuleMeta] {
        &self.metas
    }

    /// The pack's name and version.
    pub fn pack(&self) -> (&str, &str) {
        (&self.pack_name, &self.pack_version)
    }

    /// Reads a draft from JSON and checks it.
    pub fn check_json(&self, json: &str) -> Result<Report, DraftError> {
        Ok(self.check(&Draft::from_json_with(json, &self.limits)?))
    }

    /// Checks a draft. Never fails: a rule that breaks is reported in `errors`.
    pub fn check(&self, draft: &Draft) -> Report {
        let texts: Vec<TextFindings> = texts_of(draft)
            .iter()
            .map(|text| self.text_findings(text))
            .collect();
        self.assemble(draft, &texts)
    }

    /// Term findings for one text. A session caches these per text, so an
    /// edit re-scans only the text that changed.
    pub(crate) fn text_findings(&self, text: &TextRef<'_>) -> TextFindings {
        let scan = self.terms.scan(text.text);
        let is_section_text = text.section.is_some() && text.path.ends_with("/text");
        let section_scans = if is_section_text {
            self.section_rules
                .iter()
                .map(|(rule, _)| {
                    catch_unwind(AssertUnwindSafe(|| rule.scan(text.text, &self.options)))
                        .map_err(|panic| panic_message(&panic))
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut found = TextFindings {
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

    /// Builds the report from per-text term findings (one per [`texts_of`]
    /// entry, in order) and the structural rules, which are cheap to re-run.
    pub(crate) fn assemble(&self, draft: &Draft, texts: &[TextFindings]) -> Report {
        let mut placed: Vec<Placed> = Vec::new();
        let mut passes = Vec::new();
        let mut inapplicable = Vec::new();
        let mut errors = Vec::new();

        self.term_outcomes(texts, &mut placed, &mut passes, &mut inapplicable);

        let cx = RuleContext {
            options: &self.options,
            known_rules: &self.known_rules,
        };
        for (order, (rule, meta_index)) in self.structural.iter().enumerate() {
            let meta = &self.metas[*meta_index];
            match catch_unwind(AssertUnwindSafe(|| rule.check(draft, &cx))) {
                Err(panic) => errors.push(RuleFailure {
                    rule: meta.id.clone(),
                    message: panic_message(&panic),
                }),
                Ok(Verdict::NotApplicable(reason)) => inapplicable.push(outcome(meta, reason)),
                Ok(Verdict::Checked {
                    findings,
                    pass_reason,
                }) if findings.is_empty() => passes.push(outcome(meta, pass_reason)),
                Ok(Verdict::Checked { findings, .. }) => {
                    let mut seen = BTreeMap::new();
                    for (n, raw) in findings.into_iter().enumerate() {
                        let occurrence = next_occurrence(&mut seen, &raw.path);
                        placed.push(structural_finding(
                            draft,
                            meta,
                            raw,
                            (1, order, n),
                            occurrence,
                        ));
                    }
                }
            }
        }

        self.section_outcomes(
            draft,
            texts,
            &mut placed,
            &mut passes,
            &mut inapplicable,
            &mut errors,
        );

        apply_waivers(draft, &mut placed);
        placed.sort_by(|a, b| {
            a.order
                .cmp(&b.order)
                .then_with(|| a.finding.rule.cmp(&b.finding.rule))
        });
        // Past the limit, findings are counted, not listed; what blocks the
        // gate is counted first, so a long report never clears it by accident.
        let is_blocking = |p: &Placed| {
            !p.review && p.finding.severity == Severity::Error && p.finding.waiver.is_none()
        };
        let mut omitted: usize = texts.iter().map(|t| t.omitted).sum();
        let mut omitted_blocking: usize = texts.iter().map(|t| t.omitted_blocking).sum();
        if placed.len() > self.limits.max_findings {
            let dropped = placed.split_off(self.limits.max_findings);
            omitted += dropped.len();
            omitted_blocking += dropped.iter().filter(|p| is_blocking(p)).count();
        }
        let (review, violations): (Vec<Placed>, Vec<Placed>) =
            placed.into_iter().partition(|p| p.review);
        let violations: Vec<Finding> = violations.into_iter().map(|p| p.finding).collect();
        let needs_review: Vec<Finding> = review.into_iter().map(|p| p.finding).collect();
        let elements = roll_up(
            draft,
            &self.metas,
            &violations,
            &needs_review,
            &passes,
            &errors,
        );
        let pillars = pillar_status(&elements, &violations, &needs_review);
        let mut summary = summarise(&violations, &needs_review, &passes, &inapplicable, &errors);
        summary.omitted = omitted;
        summary.blocking += omitted_blocking;
        Report {
            engine: EngineInfo {
                version: env!("CARGO_PKG_VERSION").into(),
                rule_pack: self.pack_name.clone(),
                rule_pack_version: self.pack_version.clone(),
            },
            draft: DraftInfo {
                title: draft.title.clone(),
                kind: draft.kind.as_str().into(),
            },
            summary,
            violations,
            needs_review,
            passes,
            inapplicable,
            errors,
            elements,
            pillars,
        }
    }

    /// Section text rules, from the scans cached per section text.
    fn section_outcomes(
        &self,
        draft: &Draft,
        texts: &[TextFindings],
        placed: &mut Vec<Placed>,
        passes: &mut Vec<RuleOutcome>,
        inapplicable: &mut Vec<RuleOutcome>,
        errors: &mut Vec<RuleFailure>,
    ) {
        for (order, (rule, meta_index)) in self.section_rules.iter().enumerate() {
            let meta = &self.metas[*meta_index];
            let mut relevant = false;
            let mut failure = None;
            let mut raws = Vec::new();
            for i in 0..draft.sections.len() {
                // texts_of lists the title, then each section's heading and text.
                match texts
                    .get(2 + 2 * i)
                    .and_then(|t| t.section_scans.get(order))
                {
                    Some(Ok(scan)) => {
                        relevant |= scan.relevant;
                        raws.extend(scan.findings.iter().map(|(start, end, message)| {
                            RawFinding::review(format!("/sections/{i}/text"), message.clone())
                                .at(*start, *end)
                        }));
                    }
                    Some(Err(message)) => failure = Some(message.clone()),
                    None => {}
                }
            }
            if let Some(message) = failure {
                errors.push(RuleFailure {
                    rule: meta.id.clone(),
                    message,
                });
            } else if !relevant {
                inapplicable.push(outcome(meta, rule.not_applicable().into()));
            } else if raws.is_empty() {
                passes.push(outcome(meta, rule.pass_reason(&self.options)));
            } else {
                let mut seen = BTreeMap::new();
                for (n, raw) in raws.into_iter().enumerate() {
                    let occurrence = next_occurrence(&mut seen, &raw.path);
                    placed.push(structural_finding(
                        draft,
                        meta,
                        raw,
                        (2, order, n),
                        occurrence,
                    ));
                }
            }
        }
    }

    fn term_outcomes(
        &self,
        texts: &[TextFindings],
        placed: &mut Vec<Placed>,
        passes: &mut Vec<RuleOutcome>,
        inapplicable: &mut Vec<RuleOutcome>,
    ) {
        let conditions: BTreeSet<(usize, usize)> = texts
            .iter()
            .flat_map(|t| t.document_conditions.iter().copied())
            .collect();
        let mut fired = vec![false; self.terms.specs.len()];
        for (t, text) in texts.iter().enumerate() {
            for item in &text.items {
                if conditions.contains(&(item.rule, item.entry)) {
                    continue;
                }
                fired[item.rule] = true;
                placed.push(Placed {
                    order: (0, t, item.start),
                    review: self.metas[self.term_metas[item.rule]].advisory,
                    finding: item.finding.clone(),
                });
            }
        }
        let has_text = texts.iter().any(|t| t.has_text);
        for (rule, fired) in fired.into_iter().enumerate() {
            let meta = &self.metas[self.term_metas[rule]];
            if !has_text {
                inapplicable.push(outcome(meta, "the draft has no text".into()));
            } else if !fired {
                passes.push(outcome(
                    meta,
                    "none of the rule's phrases appear in the draft's text".into(),
                ));
            }
        }
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
                let replacement = crate::rules::match_case(found, first);
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
        Finding {
            rule: meta.id.clone(),
            name: meta.name.clone(),
            severity: meta.severity,
            message: spec.message.replace("{term}", found),
            explanation,
            elements: meta.elements.clone(),
            source: meta.source.clone(),
            help: help_link(&meta.id),
            location: Location {
                path: text.path.clone(),
                section: text.section.map(str::to_owned),
                span: Some(span),
            },
            excerpt: Some(excerpt(text.text, hit.start, hit.end, 60)),
            suggestions: entry.suggestions.clone(),
            fix,
            waiver: None,
            fingerprint: fingerprint(&[
                &meta.id,
                &anchor,
                &found.to_lowercase(),
                &occurrence.to_string(),
            ]),
        }
    }
}

/// The texts term rules read, in document order.
pub(crate) fn texts_of<'d>(draft: &'d Draft) -> Vec<TextRef<'d>> {
    let mut texts = vec![TextRef {
        path: "/title".into(),
        section: None,
        text: &draft.title,
        advisory: true,
    }];
    for (i, section) in draft.sections.iter().enumerate() {
        texts.push(TextRef {
            path: format!("/sections/{i}/heading"),
            section: Some(&section.id),
            text: &section.heading,
            advisory: true,
        });
        texts.push(TextRef {
            path: format!("/sections/{i}/text"),
            section: Some(&section.id),
            text: &section.text,
            advisory: true,
        });
    }
    for (i, field) in draft.fields.iter().enumerate() {
        texts.push(TextRef {
            path: format!("/fields/{i}/label"),
            section: None,
            text: &field.label,
            advisory: true,
        });
        for (j, option) in field.options.iter().enumerate() {
            texts.push(TextRef {
                path: format!("/fields/{i}/options/{j}"),
                section: None,
                text: option,
                advisory: false,
            });
        }
    }
    // The assessment is published with the draft, so its words are read too.
    if let Some(eia) = &draft.eia {
        let mut extra: Vec<(String, Option<&'d String>)> = Vec::new();
        for (i, g) in eia.groups.iter().enumerate() {
            extra.push((format!("/eia/groups/{i}/evidence"), g.evidence.as_ref()));
            extra.push((format!("/eia/groups/{i}/mitigation"), g.mitigation.as_ref()));
        }
        for (i, e) in eia.engagement.iter().enumerate() {
            extra.push((format!("/eia/engagement/{i}/summary"), e.summary.as_ref()));
        }
        for (i, a) in eia.actions.iter().enumerate() {
            extra.push((
                format!("/eia/actions/{i}/description"),
                Some(&a.description),
            ));
            extra.push((format!("/eia/actions/{i}/measure"), a.measure.as_ref()));
        }
        let aims = &eia.aims;
        extra.push((
            "/eia/aims/eliminate_discrimination".into(),
            aims.eliminate_discrimination.as_ref(),
        ));
        extra.push((
            "/eia/aims/advance_equality".into(),
            aims.advance_equality.as_ref(),
        ));
        extra.push((
            "/eia/aims/foster_good_relations".into(),
            aims.foster_good_relations.as_ref(),
        ));
        texts.extend(extra.into_iter().filter_map(|(path, text)| {
            text.map(|text| TextRef {
                path,
                section: None,
                text,
                advisory: false,
            })
        }));
    }
    texts
}

fn structural_finding(
    draft: &Draft,
    meta: &RuleMeta,
    raw: RawFinding,
    order: (usize, usize, usize),
    occurrence: usize,
) -> Placed {
    let RawFinding {
        path,
        message,
        review,
        suggestions,
        span,
    } = raw;
    // A finding in a section's text points at the section, and at its span.
    let section = path
        .strip_prefix("/sections/")
        .and_then(|rest| rest.split('/').next())
        .and_then(|i| i.parse::<usize>().ok())
        .and_then(|i| draft.sections.get(i));
    // Fingerprints name a section by id, not position, so moving it keeps them.
    let anchor = match section {
        Some(s) => {
            let rest = path.splitn(4, '/').nth(3).unwrap_or("");
            format!("{}/{rest}", s.id)
        }
        None => path.clone(),
    };
    let text = section
        .filter(|_| path.ends_with("/text"))
        .map(|s| s.text.as_str());
    let (span, excerpt_text) = match (span, text) {
        (Some((start, end)), Some(text))
            if end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end) =>
        {
            (
                Some(LineIndex::new(text).span(start, end)),
                Some(excerpt(text, start, end, 60)),
            )
        }
        _ => (None, None),
    };
    let finding = Finding {
        rule: meta.id.clone(),
        name: meta.name.clone(),
        severity: meta.severity,
        message,
        explanation: meta.rationale.clone(),
        elements: meta.elements.clone(),
        source: meta.source.clone(),
        help: help_link(&meta.id),
        fingerprint: fingerprint(&[&meta.id, &anchor, &occurrence.to_string()]),
        location: Location {
            path,
            section: section.map(|s| s.id.clone()),
            span,
        },
        excerpt: excerpt_text,
        suggestions,
        fix: None,
        waiver: None,
    };
    Placed {
        order,
        review: review || meta.advisory,
        finding,
    }
}

fn outcome(meta: &RuleMeta, reason: String) -> RuleOutcome {
    RuleOutcome {
        rule: meta.id.clone(),
        name: meta.name.clone(),
        elements: meta.elements.clone(),
        reason,
    }
}

fn help_link(id: &str) -> String {
    format!("docs/rules.md#{id}")
}

fn next_occurrence(seen: &mut BTreeMap<String, usize>, key: &str) -> usize {
    let count = seen.entry(key.to_owned()).or_insert(0);
    *count += 1;
    *count
}

/// FNV-1a, 64-bit: small, fast and the same on every platform and version.
fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    let detail = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no detail".into());
    format!("the rule failed to run ({detail}); its findings are missing from this report")
}

fn unknown_rule(pointer: &str, id: &str) -> RulePackError {
    RulePackError::Rule {
        pointer: pointer.into(),
        rule: id.into(),
        message: "no rule has this id".into(),
    }
}

fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn validate_term_rule(spec: &TermRuleSpec, pointer: &str) -> Result<(), RulePackError> {
    let fail = |field: &str, message: String| RulePackError::Rule {
        pointer: format!("{pointer}/{field}"),
        rule: spec.id.clone(),
        message,
    };
    let kebab = !spec.id.is_empty()
        && spec.id.len() <= 64
        && spec
            .id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !kebab {
        return Err(fail(
            "id",
            "an id is 1 to 64 characters of a-z, 0-9 and -".into(),
        ));
    }
    if spec.elements.is_empty() {
        return Err(fail(
            "elements",
            "name at least one framework element, e.g. \"2.3\"".into(),
        ));
    }
    for (i, id) in spec.elements.iter().enumerate() {
        if framework::element(id).is_none() {
            return Err(fail(
                &format!("elements/{i}"),
                format!("{id:?} is not one of the framework's elements 1.1 to 6.2"),
            ));
        }
    }
    Ok(())
}

/// A waiver with a reason covers its rule's findings (in one section, if it
/// names one). Findings about waivers themselves cannot be waived.
fn apply_waivers(draft: &Draft, placed: &mut [Placed]) {
    for waiver in draft.waivers.iter().filter(|w| !w.reason.trim().is_empty()) {
        for p in placed.iter_mut() {
            let f = &mut p.finding;
            let in_scope = waiver
                .section
                .as_ref()
                .is_none_or(|s| f.location.section.as_ref() == Some(s));
            if f.rule == waiver.rule
                && f.rule != crate::rules::WAIVER_RULE
                && in_scope
                && f.waiver.is_none()
            {
                f.waiver = Some(AppliedWaiver {
                    reason: waiver.reason.clone(),
                    approved_by: waiver.approved_by.clone(),
                });
            }
        }
    }
}

fn summarise(
    violations: &[Finding],
    needs_review: &[Finding],
    passes: &[RuleOutcome],
    inapplicable: &[RuleOutcome],
    errors: &[RuleFailure],
) -> Summary {
    let mut summary = Summary {
        violations: violations.len(),
        needs_review: needs_review.len(),
        passes: passes.len(),
        inapplicable: inapplicable.len(),
        errors: errors.len(),
        ..Summary::default()
    };
    for f in violations.iter().chain(needs_review) {
        match f.severity {
            Severity::Error => summary.error_findings += 1,
            Severity::Warning => summary.warning_findings += 1,
            Severity::Info => summary.info_findings += 1,
        }
        summary.waived += usize::from(f.waiver.is_some());
    }
    summary.blocking = violations
        .iter()
        .filter(|f| f.severity == Severity::Error && f.waiver.is_none())
        .count();
    summary
}

/// Per element: which rules evidence it, which find gaps, and a status on the
/// framework's self-assessment scale.
fn roll_up(
    draft: &Draft,
    metas: &[RuleMeta],
    violations: &[Finding],
    needs_review: &[Finding],
    passes: &[RuleOutcome],
    errors: &[RuleFailure],
) -> Vec<ElementStatus> {
    let unwaived_rules = |findings: &[Finding]| -> BTreeSet<String> {
        findings
            .iter()
            .filter(|f| f.waiver.is_none())
            .map(|f| f.rule.clone())
            .collect()
    };
    let gap_rules = unwaived_rules(violations);
    let review_rules = unwaived_rules(needs_review);
    let passed: BTreeSet<&str> = passes.iter().map(|p| p.rule.as_str()).collect();
    let failed: BTreeSet<&str> = errors.iter().map(|e| e.rule.as_str()).collect();

    framework::ELEMENTS
        .iter()
        .map(|element| {
            let serving = metas
                .iter()
                .filter(|m| m.elements.iter().any(|e| e == element.id));
            let (mut evidence, mut gaps, mut review) = (Vec::new(), Vec::new(), Vec::new());
            let mut failed_here = Vec::new();
            for meta in serving {
                let id = meta.id.as_str();
                if gap_rules.contains(id) {
                    gaps.push(meta.id.clone());
                } else if review_rules.contains(id) {
                    review.push(meta.id.clone());
                } else if passed.contains(id) {
                    evidence.push(meta.id.clone());
                } else if failed.contains(id) {
                    failed_here.push(meta.id.clone());
                }
            }
            let (status, reason) = element_verdict(draft, &evidence, &gaps, &review, &failed_here);
            ElementStatus {
                id: element.id.into(),
                pillar: element.pillar,
                title: element.title.into(),
                status,
                evidence,
                gaps,
                review,
                reason,
            }
        })
        .collect()
}

fn element_verdict(
    draft: &Draft,
    evidence: &[String],
    gaps: &[String],
    review: &[String],
    failed: &[String],
) -> (Option<SelfAssessment>, String) {
    let names = |ids: &[String]| ids.join(", ");
    let failed_note = if failed.is_empty() {
        String::new()
    } else {
        format!(" ({} failed to run, so this is incomplete)", names(failed))
    };
    if evidence.is_empty() && gaps.is_empty() && review.is_empty() {
        let reason = format!(
            "no rule that applies to a {} speaks to this element{failed_note}",
            draft.kind.as_str()
        );
        return (None, reason);
    }
    let (status, reason) = if !gaps.is_empty() && evidence.is_empty() {
        let mut reason = format!("not yet shown: {} found gaps", names(gaps));
        if !review.is_empty() {
            reason.push_str(&format!("; {} need review", names(review)));
        }
        (SelfAssessment::NotInPlace, reason)
    } else if !gaps.is_empty() {
        (
            SelfAssessment::WorkInProgress,
            format!(
                "partly shown ({} passed), but {} found gaps",
                names(evidence),
                names(gaps)
            ),
        )
    } else if !review.is_empty() {
        (
            SelfAssessment::WorkInProgress,
            format!("no gaps, but {} need a person to review", names(review)),
        )
    } else {
        (
            SelfAssessment::InPlace,
            format!("shown: {} passed", names(evidence)),
        )
    };
    (Some(status), format!("{reason}{failed_note}"))
}

fn pillar_status(
    elements: &[ElementStatus],
    violations: &[Finding],
    needs_review: &[Finding],
) -> Vec<PillarStatus> {
    framework::PILLARS
        .iter()
        .map(|pillar| {
            let touches = |f: &&Finding| {
                f.waiver.is_none()
                    && f.elements
                        .iter()
                        .any(|e| pillar.elements.contains(&e.as_str()))
            };
            PillarStatus {
                number: pillar.number,
                title: pillar.title.into(),
                status: elements
                    .iter()
                    .filter(|e| e.pillar == pillar.number)
                    .filter_map(|e| e.status)
                    .min(),
                violations: violations.iter().filter(touches).count(),
                needs_review: needs_review.iter().filter(touches).count(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn engine_is_send_and_sync() {
        assert_send_sync::<Engine>();
    }

    struct Broken;

    impl StructuralRule for Broken {
        fn meta(&self) -> RuleMeta {
            let mut meta = Engine::new().rules()[0].clone();
            meta.id = "broken".into();
            meta
        }
        fn check(&self, _: &Draft, _: &RuleContext<'_>) -> Verdict {
            panic!("index out of range")
        }
    }

    #[test]
    fn a_rule_that_panics_is_reported_in_errors_and_nowhere_else() {
        let mut engine = Engine::new();
        engine
            .structural
            .push((Box::new(Broken), engine.metas.len()));
        engine.metas.push(Broken.meta());
        let draft = Draft::from_text("t", "text").unwrap();
        let report = engine.check(&draft);
        assert_eq!(report.errors.len(), 1);
        assert_eq!(report.errors[0].rule, "broken");
        assert!(report.errors[0].message.contains("index out of range"));
        let everywhere = report.passes.iter().chain(&report.inapplicable);
        assert!(everywhere.into_iter().all(|o| o.rule != "broken"));
        assert_eq!(report.summary.errors, 1);
    }

    #[test]
    fn findings_past_the_limit_are_counted_and_still_block() {
        let engine = Engine::new().with_limits(Limits {
            max_findings: 3,
            ..Limits::default()
        });
        let text = "tranny ".repeat(10);
        let report = engine.check(&Draft::from_text("t", &text).unwrap());
        assert_eq!(report.violations.len(), 3);
        assert_eq!(report.summary.omitted, 7);
        assert_eq!(report.summary.blocking, 10);
        assert!(!report.passes_gate());
    }

    #[test]
    fn fingerprints_are_stable_and_distinct() {
        assert_eq!(fingerprint(&["a", "b"]), fingerprint(&["a", "b"]));
        assert_ne!(fingerprint(&["ab", ""]), fingerprint(&["a", "b"]));
        assert_eq!(fingerprint(&[]).len(), 16);
    }
}
