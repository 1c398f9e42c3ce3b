//! The contract between the engine and a rule: what a rule sees, what it
//! returns, and the two kinds of code rule (over the draft's structure, or
//! over one section's text at a time).

use std::collections::BTreeMap;

use crate::date::Date;
use crate::model::Draft;
use crate::model::{PackOptions, Severity};
use crate::rules::{RuleMeta, SectionText};

/// What a structural rule sees besides the draft.
#[derive(Debug)]
pub(crate) struct RuleContext<'a> {
    pub options: &'a PackOptions,
    /// Every rule in the pack, with its severity in this pack.
    pub known_rules: &'a BTreeMap<String, Severity>,
    /// The date review dates are judged against, when the caller gave one.
    pub as_of: Option<&'a Date>,
    /// Per section, by index: the sentences that list the Act's protected
    /// characteristics (found with the section's text scans, so cached per
    /// section in a session).
    pub act_lists: &'a [&'a [crate::rules::ActSentence]],
    /// Per section, by index: which phrase lists its text holds, read with
    /// the section's text scans (`None`: not read; the rule reads the text).
    pub section_gates: &'a [Option<crate::rules::Gates>],
}

impl RuleContext<'_> {
    /// Whether any phrase of `list` occurs in section `i`'s text `text`: a
    /// quick test before reading it sentence by sentence, answered from the
    /// read cached with the section's scans where there is one.
    pub fn section_may_hold(
        &self,
        i: usize,
        text: &str,
        list: &crate::rules::phrases::PhraseList,
    ) -> bool {
        match self.section_gates.get(i).copied().flatten() {
            Some(gates) => gates.may_hold(list, text),
            None => list.may_occur_in(text),
        }
    }
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
    /// Framework elements a pass of this rule is positive evidence for (a
    /// subset of its elements). Override only where every pass comes from
    /// something present in the draft that meets the element's
    /// recommendation; a rule that can pass with nothing to look at must not.
    fn evidences(&self) -> &'static [&'static str] {
        &[]
    }
    /// Where a pass finds its evidence, as a JSON Pointer into the draft.
    fn evidence_at(&self) -> Option<&'static str> {
        None
    }
}

/// A rule that reads each section's text on its own. Its result for a
/// section depends only on that text, so an editing session keeps it per
/// section and re-runs it only where the text changed.
pub(crate) trait SectionTextRule: Send + Sync {
    fn meta(&self) -> RuleMeta;
    /// What the rule finds in one section's text.
    fn scan(&self, text: &SectionText<'_>, options: &PackOptions) -> SectionScan;
    /// Why the rule does not apply when no section has what it looks at.
    fn not_applicable(&self) -> &'static str;
    /// Why it passed when sections had what it looks at, and no findings.
    fn pass_reason(&self, options: &PackOptions) -> String;
    /// Framework elements a pass is positive evidence for, as for
    /// [`StructuralRule::evidences`]. A section text rule passes only when
    /// some section had what it looks at; the evidence is there.
    fn evidences(&self) -> &'static [&'static str] {
        &[]
    }
}

/// One section's result from a [`SectionTextRule`]: needs-review findings as
/// byte ranges with messages.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SectionScan {
    /// The text has what the rule looks at (a count, a figure).
    pub relevant: bool,
    pub findings: Vec<(usize, usize, String)>,
}

/// Whether an optional text is missing or only white space.
pub(crate) fn blank(text: &Option<String>) -> bool {
    text.as_deref().is_none_or(|t| t.trim().is_empty())
}

/// "a", "a and b", "a, b and c".
pub(crate) fn list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
