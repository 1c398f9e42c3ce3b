//! What is known about a rule before it runs: the metadata documentation,
//! registry tests and `rules()` in the bindings are built from.

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::{Applicability, Citation, EdsDomain, Examples, Severity, SourceRef};
use crate::rules::sources::{Further, Source};

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
    /// What the rule is about: `language` for every term rule.
    pub family: Family,
    /// How much a finding matters.
    pub severity: Severity,
    /// Advisory rules report only to `needs_review`.
    pub advisory: bool,
    /// Framework elements served, e.g. `3.1`.
    pub elements: Vec<String>,
    /// Elements a pass of this rule is positive evidence for: a subset of
    /// `elements`, empty for most rules and for every term rule (absence of a
    /// word shows nothing). How statuses follow: [`crate::FrameworkStatus`].
    pub evidences: Vec<String>,
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
    /// Further sources, each with the date it was checked (none when it
    /// could not be re-read).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub see_also: Vec<Citation>,
    /// Where guidance is contested: the positions, stated without taking a
    /// side. Such a rule is advisory or opt-in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contested: Option<String>,
    /// The rule-pack option (in `options`) that switches the rule on; a rule
    /// with one is off by default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opt_in: Option<String>,
    /// The NHS Equality Delivery System 2022 domains its findings speak to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub eds_domains: Vec<EdsDomain>,
}

impl RuleMeta {
    /// Adds further sources.
    pub(crate) fn citing(mut self, further: &[Further]) -> RuleMeta {
        self.see_also
            .extend(further.iter().map(|f| f.to_citation()));
        self
    }

    /// Records that the guidance is contested, and the positions.
    pub(crate) fn contested(mut self, positions: &str) -> RuleMeta {
        self.contested = Some(positions.to_owned());
        self
    }
}

/// How a rule is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    Term,
    Structural,
}

/// What a rule is about, for grouping rules in documentation and measuring
/// them family by family. Every term rule, built in or from a custom pack, is
/// `language`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// Words and phrases in the text (term rules).
    Language,
    /// The equality impact assessment, engagement included.
    Eia,
    /// What a form asks, and how figures about people are reported.
    DataCollection,
    /// Agreements with community organisations.
    Partnership,
    /// Workforce policies.
    Workforce,
    /// Actions: owned, dated, measured.
    ActionPlans,
    /// Waivers of other rules.
    Waivers,
    /// What a policy says about single-sex services, facilities and records.
    Services,
}

impl Family {
    /// Every family, in the order documentation lists them.
    pub const ALL: [Family; 8] = [
        Family::Language,
        Family::Eia,
        Family::DataCollection,
        Family::Services,
        Family::Partnership,
        Family::Workforce,
        Family::ActionPlans,
        Family::Waivers,
    ];

    /// The name used in JSON, e.g. `data_collection`.
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Language => "language",
            Family::Eia => "eia",
            Family::DataCollection => "data_collection",
            Family::Partnership => "partnership",
            Family::Workforce => "workforce",
            Family::ActionPlans => "action_plans",
            Family::Waivers => "waivers",
            Family::Services => "services",
        }
    }

    /// A name for people, e.g. `equality impact assessment`.
    pub fn label(self) -> &'static str {
        match self {
            Family::Language => "language",
            Family::Eia => "equality impact assessment",
            Family::DataCollection => "data collection",
            Family::Partnership => "partnership",
            Family::Workforce => "workforce",
            Family::ActionPlans => "action plans",
            Family::Waivers => "waivers",
            Family::Services => "services, facilities and records",
        }
    }
}

/// Static metadata for a structural rule, turned into [`RuleMeta`] once per engine.
#[derive(Debug)]
pub(crate) struct StaticMeta {
    pub id: &'static str,
    pub name: &'static str,
    pub family: Family,
    pub severity: Severity,
    pub advisory: bool,
    pub elements: &'static [&'static str],
    pub tags: &'static [&'static str],
    pub rationale: &'static str,
    pub source: Source,
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
            family: self.family,
            severity: self.severity,
            advisory: self.advisory,
            elements: owned(self.elements),
            // Set by the engine from the rule's `evidences()`.
            evidences: Vec::new(),
            tags: owned(self.tags),
            rationale: self.rationale.into(),
            source: SourceRef {
                title: self.source.title.into(),
                url: self.source.url.into(),
                checked: self.source.checked.into(),
            },
            examples: Examples {
                fires: owned(self.fires),
                passes: owned(self.passes),
            },
            fix: Applicability::None,
            terms: None,
            see_also: Vec::new(),
            contested: None,
            opt_in: None,
            eds_domains: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_names_match_their_json() {
        for family in Family::ALL {
            let json = serde_json::to_value(family).unwrap();
            assert_eq!(json, family.as_str());
        }
    }
}
