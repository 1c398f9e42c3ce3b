//! Rule packs: how an organisation chooses, tunes and extends the rules.
//!
//! The built-in en-GB pack's term rules are themselves a rule pack
//! (`rules/terms/en-gb.json`), so a custom pack uses exactly the format the
//! built-in catalogue is written in.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::Group;

/// How much a finding matters. `error` blocks an approval gate.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// The lowercase name used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Whether a suggested edit can be applied without a person reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Applicability {
    /// Meaning is kept; safe to apply in bulk.
    Safe,
    /// Likely right, but a person should read the result.
    #[default]
    Unsafe,
    /// Shown as a suggestion only; never applied automatically.
    DisplayOnly,
    /// No edit is offered.
    None,
}

/// Where a rule's facts come from, and when someone last checked them there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// The source's title.
    pub title: String,
    /// Where to read it.
    pub url: String,
    /// The date the fact was checked at the source, `YYYY-MM-DD`.
    pub checked: String,
}

/// A further source a rule relies on. `checked` is the date the fact was
/// checked there; it is absent when the source could not be re-read, and
/// `note` then says what the rule rests on instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The source's title.
    pub title: String,
    /// Where to read it.
    pub url: String,
    /// The date the fact was checked at the source, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
    /// What the source supports, or why it was not re-read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A domain of the NHS Equality Delivery System 2022, so a finding can feed an
/// organisation's EDS evidence.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EdsDomain {
    /// Domain 1: commissioned or provided services.
    Services,
    /// Domain 2: workforce health and well-being.
    WorkforceHealthAndWellbeing,
    /// Domain 3: inclusive leadership.
    InclusiveLeadership,
}

impl EdsDomain {
    /// The domain as EDS 2022 names it.
    pub fn label(self) -> &'static str {
        match self {
            EdsDomain::Services => "Domain 1: commissioned or provided services",
            EdsDomain::WorkforceHealthAndWellbeing => "Domain 2: workforce health and well-being",
            EdsDomain::InclusiveLeadership => "Domain 3: inclusive leadership",
        }
    }
}

/// Sentences a rule must fire on, and sentences it must not.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Each must produce at least one finding from the rule.
    #[serde(default)]
    pub fires: Vec<String>,
    /// Each must produce no finding from the rule.
    #[serde(default)]
    pub passes: Vec<String>,
}

/// A rule pack: the built-in rules, tuned, plus an organisation's own term rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RulePack {
    /// The pack's name, shown in every report.
    pub name: String,
    /// The pack's version, shown in every report.
    pub version: String,
    /// Start from the built-in en-GB rules (the default) or from nothing.
    #[serde(default = "yes")]
    pub extends_builtin: bool,
    /// Rule ids to switch off.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disable: Vec<String>,
    /// Per-rule severity overrides.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub severity: BTreeMap<String, Severity>,
    /// Settings for structural rules.
    #[serde(default)]
    pub options: PackOptions,
    /// Term rules: phrase lists compiled into one automaton with the built-in ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub term_rules: Vec<TermRuleSpec>,
}

fn yes() -> bool {
    true
}

/// Settings for structural rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackOptions {
    /// Counts below this are small enough to identify people.
    #[serde(default = "default_small_number_threshold")]
    pub small_number_threshold: u32,
    /// Groups beyond the nine protected characteristics that an assessment
    /// should consider (NHS health inequalities duties, Core20PLUS5).
    #[serde(default = "default_wider_groups")]
    pub wider_groups: Vec<Group>,
    /// Switches on `term-perinatal-additive`, which suggests adding words
    /// (e.g. "women and trans men") beside perinatal wording. Off by default:
    /// DHSC leaves additive wording to each organisation.
    #[serde(default)]
    pub additive_perinatal_wording: bool,
    /// Words that teach recognition a trust's own Word or HTML template
    /// (characteristic labels, impact columns, document-control keys); tried
    /// before the built-in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognise: Option<crate::read::recognise::Vocabulary>,
}

fn default_wider_groups() -> Vec<Group> {
    vec![Group::Carers, Group::Deprivation, Group::InclusionHealth]
}

fn default_small_number_threshold() -> u32 {
    10
}

impl Default for PackOptions {
    fn default() -> Self {
        PackOptions {
            small_number_threshold: default_small_number_threshold(),
            wider_groups: default_wider_groups(),
            additive_perinatal_wording: false,
            recognise: None,
        }
    }
}

/// A rule that looks for phrases in the draft's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TermRuleSpec {
    /// Unique id, kebab-case, e.g. `term-trans-outdated`.
    pub id: String,
    /// A short name.
    pub name: String,
    /// How much a finding matters.
    pub severity: Severity,
    /// Advisory rules report to `needs_review`, never to `violations`:
    /// used where guidance is contested or context decides.
    #[serde(default)]
    pub advisory: bool,
    /// The framework elements (e.g. `"2.3"`) the rule serves.
    pub elements: Vec<String>,
    /// Free tags for filtering.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The finding's message; `{term}` is replaced by the text found.
    pub message: String,
    /// Why the rule exists, in plain English.
    pub rationale: String,
    /// Where the guidance comes from.
    pub source: SourceRef,
    /// The phrases, each with suggestions and exceptions.
    pub entries: Vec<TermEntry>,
    /// Sentences the rule must fire on, and must not.
    #[serde(default)]
    pub examples: Examples,
    /// Further sources, each with the date it was checked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub see_also: Vec<Citation>,
    /// Where guidance is contested: the positions, stated without taking a
    /// side. A contested rule should be advisory or opt-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contested: Option<String>,
    /// The NHS Equality Delivery System 2022 domains the rule speaks to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eds_domains: Vec<EdsDomain>,
}

/// One phrase family within a term rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TermEntry {
    /// Phrases to find, as whole words, ignoring ASCII case.
    pub terms: Vec<String>,
    /// Suggested wording, best first; the first becomes the fix.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
    /// Whether the first suggestion can be applied without reading it.
    #[serde(default)]
    pub fix: Applicability,
    /// Longer phrases containing a term that must not fire (e.g. "mother tongue").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<String>,
    /// Phrases that, in the same sentence, mean the term is used properly
    /// (e.g. "Equality Act" beside "transsexual").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unless_nearby: Vec<String>,
    /// Phrases that, in the same paragraph (text between blank lines), mean
    /// the term is used properly (e.g. "WRES" for "BME": the standard's
    /// published category).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unless_in_paragraph: Vec<String>,
    /// Phrases that, anywhere in the draft, mean the point is already met
    /// (e.g. "birthing parent" for additive perinatal wording).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unless_document: Vec<String>,
    /// Matches inside quotation marks are someone's words and do not fire.
    #[serde(default = "yes")]
    pub quotes_exempt: bool,
    /// With `quotes_exempt` off: a match inside a longer quotation (someone's
    /// speech) does not fire, while a quotation of just the term (naming the
    /// word, e.g. in a hate-incident procedure) still does.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub quoted_speech_exempt: bool,
    /// An entry-specific note, appended to the rule's explanation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Bounds that keep a custom rule pack from hurting its host, all in one
/// place: compiling is linear in the pack, and these keep the pack modest.
pub mod pack_limits {
    /// The pack's JSON.
    pub const MAX_PACK_BYTES: usize = 2 * 1024 * 1024;
    /// Term rules in one pack.
    pub const MAX_TERM_RULES: usize = 1_000;
    /// One phrase.
    pub const MAX_TERM_BYTES: usize = 200;
    /// Patterns in the automaton (phrases, exceptions and conditions).
    pub const MAX_PATTERNS: usize = 100_000;
    /// All the pack's own phrases together (the built-in ones do not count):
    /// the automaton's build time and memory grow with it.
    pub const MAX_PHRASE_BYTES: usize = 1024 * 1024;
    /// Entries one phrase may serve (as a term, exception or condition, across
    /// all rules): each occurrence of a phrase costs one step per use, so this
    /// keeps a scan linear in the text. The built-in pack uses a phrase at most 6 times.
    pub const MAX_PHRASE_USES: usize = 32;
}
