//! The rule registry: term rules (data, compiled into one automaton) and
//! structural rules (code, one file per rule family).

mod data_fields;
mod data_questions;
mod eia;
mod partnership;
mod small_numbers;
mod terms;
mod waivers;
mod workforce;

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::Draft;
use crate::model::{Applicability, Examples, PackOptions, Severity, SourceRef};

pub(crate) use terms::{TermHit, TermMatcher, match_case};
pub(crate) use waivers::WAIVER_RULE;

/// The date the built-in rules' sources were last checked.
pub(crate) const CHECKED: &str = "2026-11-24";

/// Everything known about a rule before it runs: what documentation, the
/// registry tests and `rules()` in the bindings are built from.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RuleMeta {
    /// Unique id, kebab-case.
    pub id: String,
    /// A short name.
    pub name: String,
    /// `term` (phrases in text, data) or `structural` (code over the draft's structure).
    pub kind: RuleKind,
    /// How much a finding matters.
    pub severity: Severity,
    /// Advisory rules report only to `needs_review`.
    pub advisory: bool,
    /// Framework elements served, e.g. `3.1`.
    pub elements: Vec<String>,
    /// Free tags.
    pub tags: Vec<String>,
    /// Why the rule exists.
    pub rationale: String,
    /// Where its facts come from.
    pub source: SourceRef,
    /// Inputs it must fire on, and must not. For term rules, plain text;
    /// for structural rules, draft JSON.
    pub examples: Examples,
    /// The best fix it can offer.
    pub fix: Applicability,
    /// Number of phrases, for term rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terms: Option<usize>,
}

/// How a rule is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    Term,
    Structural,
}

/// What a structural rule sees besides the draft.
#[derive(Debug)]
pub(crate) struct RuleContext<'a> {
    pub options: &'a PackOptions,
    pub known_rules: &'a BTreeSet<String>,
}

/// A finding before the engine adds metadata, positions and fingerprints.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawFinding {
    /// JSON Pointer to the value the finding is about.
    pub path: String,
    pub message: String,
    /// A needs-review finding from a rule that otherwise reports violations.
    pub review: bool,
    pub suggestions: Vec<String>,
    /// Byte range within the text at `path`, when the finding is in text.
    pub span: Option<(usize, usize)>,
}

impl RawFinding {
    pub fn violation(path: impl Into<String>, message: impl Into<String>) -> Self {
        RawFinding {
            path: path.into(),
            message: message.into(),
            review: false,
            suggestions: Vec::new(),
            span: None,
        }
    }

    pub fn review(path: impl Into<String>, message: impl Into<String>) -> Self {
        RawFinding {
            review: true,
            ..RawFinding::violation(path, message)
        }
    }

    pub fn at(mut self, start: usize, end: usize) -> Self {
        self.span = Some((start, end));
        self
    }

    pub fn suggest(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestions.push(suggestion.into());
        self
    }
}

/// What a structural rule concluded.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Verdict {
    /// The rule has nothing to say about this kind of draft.
    NotApplicable(String),
    /// The rule ran; no findings means it passed, for the reason given.
    Checked {
        findings: Vec<RawFinding>,
        pass_reason: String,
    },
}

impl Verdict {
    pub fn pass(reason: impl Into<String>) -> Self {
        Verdict::Checked {
            findings: Vec::new(),
            pass_reason: reason.into(),
        }
    }

    pub fn findings(findings: Vec<RawFinding>, pass_reason: impl Into<String>) -> Self {
        Verdict::Checked {
            findings,
            pass_reason: pass_reason.into(),
        }
    }
}

/// A rule over the draft's structure.
pub(crate) trait StructuralRule: Send + Sync {
    fn meta(&self) -> RuleMeta;
    fn check(&self, draft: &Draft, cx: &RuleContext<'_>) -> Verdict;
}

/// A rule that reads each section's text on its own. Its result for a
/// section depends only on that text, so an editing session keeps it per
/// section and re-runs it only where the text changed.
pub(crate) trait SectionTextRule: Send + Sync {
    fn meta(&self) -> RuleMeta;
    /// What the rule finds in one section's text.
    fn scan(&self, text: &str, options: &PackOptions) -> SectionScan;
    /// Why the rule does not apply when no section has what it looks at.
    fn not_applicable(&self) -> &'static str;
    /// Why it passed when sections had what it looks at, and no findings.
    fn pass_reason(&self, options: &PackOptions) -> String;
}

/// One section's result from a [`SectionTextRule`]: needs-review findings as
/// byte ranges with messages.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SectionScan {
    /// The text has what the rule looks at (a count, a figure).
    pub relevant: bool,
    pub findings: Vec<(usize, usize, String)>,
}

/// Static metadata for a structural rule, turned into [`RuleMeta`] once per engine.
#[derive(Debug)]
pub(crate) struct StaticMeta {
    pub id: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub advisory: bool,
    pub elements: &'static [&'static str],
    pub tags: &'static [&'static str],
    pub rationale: &'static str,
    pub source: (&'static str, &'static str),
    pub fires: &'static [&'static str],
    pub passes: &'static [&'static str],
}

impl StaticMeta {
    pub fn to_meta(&self) -> RuleMeta {
        let owned = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        RuleMeta {
            id: self.id.into(),
            name: self.name.into(),
            kind: RuleKind::Structural,
            severity: self.severity,
            advisory: self.advisory,
            elements: owned(self.elements),
            tags: owned(self.tags),
            rationale: self.rationale.into(),
            source: SourceRef {
                title: self.source.0.into(),
                url: self.source.1.into(),
                checked: CHECKED.into(),
            },
            examples: Examples {
                fires: owned(self.fires),
                passes: owned(self.passes),
            },
            fix: Applicability::None,
            terms: None,
        }
    }
}

/// Whether an optional text is missing or only white space.
pub(crate) fn blank(text: &Option<String>) -> bool {
    text.as_deref().is_none_or(|t| t.trim().is_empty())
}

/// The built-in structural rules, in report order.
pub(crate) fn builtin_structural() -> Vec<Box<dyn StructuralRule>> {
    let mut rules: Vec<Box<dyn StructuralRule>> = Vec::new();
    rules.extend(eia::rules());
    rules.extend(data_fields::rules());
    rules.extend(data_questions::rules());
    rules.extend(partnership::rules());
    rules.extend(workforce::rules());
    rules.extend(waivers::rules());
    rules
}

/// The built-in section text rules, in report order.
pub(crate) fn builtin_section_rules() -> Vec<Box<dyn SectionTextRule>> {
    small_numbers::rules()
}

/// The built-in term catalogue, a rule pack in JSON.
pub(crate) const BUILTIN_TERMS_JSON: &str = include_str!("terms/en-gb.json");

/// Common sources, so each is spelled once.
pub(crate) mod sources {
    pub const PSED: (&str, &str) = (
        "Equality Act 2010, section 149 (Public Sector Equality Duty)",
        "https://www.legislation.gov.uk/ukpga/2010/15/section/149",
    );
    pub const PROTECTED: (&str, &str) = (
        "Equality Act 2010, section 4 (the protected characteristics)",
        "https://www.legislation.gov.uk/ukpga/2010/15/section/4",
    );
    pub const FRAMEWORK: (&str, &str) = (
        "NHS Confederation, Health and Care LGBTQ+ Inclusion Framework (2022)",
        "https://www.nhsconfed.org/publications/health-and-care-lgbtq-inclusion-framework",
    );
    pub const BROWN: (&str, &str) = (
        "R (Brown) v Secretary of State for Work and Pensions [2008] EWHC 3158 (Admin)",
        "https://www.bailii.org/ew/cases/EWHC/Admin/2008/3158.html",
    );
    pub const SO_STANDARD: (&str, &str) = (
        "NHS England, Sexual orientation monitoring information standard (DCB2094)",
        "https://www.england.nhs.uk/about/equality/equality-hub/patient-equalities-programme/equality-frameworks-and-information-standards/sexual-orientation-monitoring-information-standard/",
    );
    pub const PARTNERSHIP_GUIDE: (&str, &str) = (
        "The National LGBT Partnership, Working with LGBTQ+ Groups: A guide for Health Organisations (March 2025)",
        "https://nationallgbtpartnership.org/",
    );
    pub const NHS_INEQUALITIES: (&str, &str) = (
        "NHS England, Core20PLUS5: an approach to reducing health inequalities",
        "https://www.england.nhs.uk/about/equality/equality-hub/national-healthcare-inequalities-improvement-programme/core20plus5/",
    );
    pub const NHS_NEXT_OF_KIN: (&str, &str) = (
        "University Hospital Southampton NHS FT, Clinical law update: Is there a role for next of kin? (2019)",
        "https://www.uhs.nhs.uk/health-professionals/clinical-law-updates/is-there-a-role-for-next-of-kin",
    );
    pub const GOVUK_EQUALITY: (&str, &str) = (
        "GOV.UK Design System, Equality information pattern",
        "https://design-system.service.gov.uk/patterns/equality-information/",
    );
}
