//! The draft model: what a policy author is writing, as the engine sees it.
//!
//! Every struct rejects unknown fields, so a typo such as `"sectons"` is an
//! input error naming its JSON Pointer rather than a silently empty draft.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::Date;

/// A policy draft: its metadata, its text in sections, the data it collects,
/// its equality impact assessment, partners and waivers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// The document's title, as the author would show it.
    pub title: String,
    /// What kind of document this is; decides which structural rules apply.
    #[serde(default)]
    pub kind: DraftKind,
    /// Who the document is written for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audience: Vec<Audience>,
    /// Where the document is in its life.
    #[serde(default)]
    pub status: DraftStatus,
    /// Key dates, as `YYYY-MM-DD`.
    #[serde(default)]
    pub dates: Dates,
    /// The person or role accountable for the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The document's text, one entry per section, in reading order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// The data a form collects, when the draft is (or includes) a form.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    /// The equality impact assessment written alongside the draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eia: Option<Eia>,
    /// Community and voluntary sector partners, for partnership agreements.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<Partner>,
    /// Rules the organisation has decided not to apply here, with its reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waivers: Vec<Waiver>,
}

/// The kind of document.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DraftKind {
    WorkforcePolicy,
    ClinicalPolicy,
    ServiceDesign,
    Commissioning,
    PatientInformation,
    DataCollectionForm,
    ActionPlan,
    PartnershipAgreement,
    #[default]
    Other,
}

impl DraftKind {
    /// Kinds that make or change policy or services, and so need an equality
    /// impact assessment under the Public Sector Equality Duty.
    pub fn needs_eia(self) -> bool {
        matches!(
            self,
            DraftKind::WorkforcePolicy
                | DraftKind::ClinicalPolicy
                | DraftKind::ServiceDesign
                | DraftKind::Commissioning
                | DraftKind::ActionPlan
                | DraftKind::PartnershipAgreement
        )
    }

    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            DraftKind::WorkforcePolicy => "workforce_policy",
            DraftKind::ClinicalPolicy => "clinical_policy",
            DraftKind::ServiceDesign => "service_design",
            DraftKind::Commissioning => "commissioning",
            DraftKind::PatientInformation => "patient_information",
            DraftKind::DataCollectionForm => "data_collection_form",
            DraftKind::ActionPlan => "action_plan",
            DraftKind::PartnershipAgreement => "partnership_agreement",
            DraftKind::Other => "other",
        }
    }
}

/// Who a document is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Staff,
    ServiceUsers,
    Carers,
    ChildrenAndYoungPeople,
    Public,
    Partners,
}

/// Where a document is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DraftStatus {
    #[default]
    Draft,
    Consultation,
    Approved,
    Published,
}

/// Key dates in a document's life.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dates {
    /// When drafting started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drafted: Option<Date>,
    /// When the decision to adopt it is (or was) taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Date>,
    /// When it will next be reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Date>,
}

/// One section of a document's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// A stable id, unique within the draft; findings point at it.
    pub id: String,
    /// The section heading.
    #[serde(default)]
    pub heading: String,
    /// The section body, as Markdown or plain text.
    #[serde(default)]
    pub text: String,
}

/// One item of data a form collects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// A stable id, unique within the draft.
    pub id: String,
    /// The question or label shown to the person filling the form.
    pub label: String,
    /// The kind of answer the field takes.
    #[serde(default)]
    pub kind: FieldKind,
    /// The answers offered, for choice fields, in the order shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    /// Whether an answer is required.
    #[serde(default)]
    pub required: bool,
    /// Why the data is collected, as the form states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// What the answer is for: a monitoring question, a clinical record or an
    /// administrative record. Rules about opting out apply to monitoring only;
    /// when it is not given, those rules are advisory.
    #[serde(default, rename = "use", skip_serializing_if = "Option::is_none")]
    pub field_use: Option<FieldUse>,
}

/// What a field's answer is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldUse {
    /// Equality monitoring: voluntary, asked to see who uses a service.
    Monitoring,
    /// Part of a person's clinical record, needed for their care (e.g. sex
    /// for screening), recorded with "not known" codes rather than opt-outs.
    ClinicalRecord,
    /// Administration: contact details, names, next of kin.
    Administrative,
}

/// The kind of answer a form field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    #[default]
    Text,
    SingleChoice,
    MultipleChoice,
    Date,
    Number,
    Boolean,
}

/// An equality impact assessment.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Eia {
    /// When the assessment was completed (or last updated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_on: Option<Date>,
    /// Who led the assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessor: Option<String>,
    /// One assessment per protected characteristic or wider group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupAssessment>,
    /// Who was engaged, how and when.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub engagement: Vec<Engagement>,
    /// Actions that mitigate negative impacts or close evidence gaps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// How the draft serves each of the three aims of the Public Sector Equality Duty.
    #[serde(default)]
    pub aims: PsedAims,
    /// Who signed the assessment off, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_off: Option<SignOff>,
}

/// A protected characteristic (Equality Act 2010) or one of the NHS's wider groups.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Age,
    Disability,
    GenderReassignment,
    MarriageAndCivilPartnership,
    PregnancyAndMaternity,
    Race,
    ReligionOrBelief,
    Sex,
    SexualOrientation,
    Carers,
    Veterans,
    Deprivation,
    InclusionHealth,
}

impl Group {
    /// The nine protected characteristics of the Equality Act 2010, s.4.
    pub const PROTECTED: [Group; 9] = [
        Group::Age,
        Group::Disability,
        Group::GenderReassignment,
        Group::MarriageAndCivilPartnership,
        Group::PregnancyAndMaternity,
        Group::Race,
        Group::ReligionOrBelief,
        Group::Sex,
        Group::SexualOrientation,
    ];

    /// The name a person reads.
    pub fn label(self) -> &'static str {
        match self {
            Group::Age => "age",
            Group::Disability => "disability",
            Group::GenderReassignment => "gender reassignment",
            Group::MarriageAndCivilPartnership => "marriage and civil partnership",
            Group::PregnancyAndMaternity => "pregnancy and maternity",
            Group::Race => "race",
            Group::ReligionOrBelief => "religion or belief",
            Group::Sex => "sex",
            Group::SexualOrientation => "sexual orientation",
            Group::Carers => "carers",
            Group::Veterans => "veterans",
            Group::Deprivation => "deprivation",
            Group::InclusionHealth => "inclusion health groups",
        }
    }
}

/// The likely effect of the draft on a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Impact {
    Positive,
    Negative,
    Neutral,
    Unknown,
}

/// The assessment for one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupAssessment {
    /// The characteristic or group assessed.
    pub group: Group,
    /// The author's own words for the row, as written in their template
    /// (e.g. "Gender (Male, Female and Transsexual)"), kept so rules can
    /// read them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The likely impact on that group.
    pub impact: Impact,
    /// What the judgement rests on (data, research, engagement); if none, why not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// How a negative impact is removed or reduced, or why it is justified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mitigation: Option<String>,
    /// Ids of actions (in `eia.actions`) that carry the mitigation out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<String>,
}

/// One engagement activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Engagement {
    /// Who was engaged: a group, network or organisation.
    pub with: String,
    /// How they were engaged.
    #[serde(default)]
    pub kind: EngagementKind,
    /// Whether the group is led by LGBTQ+ people.
    #[serde(default)]
    pub lgbtq_led: bool,
    /// When it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// What they said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// How the organisation told them what it did with their input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_given: Option<String>,
    /// Whether lived-experience contributors were paid for their time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remunerated: Option<bool>,
}

/// How people were engaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EngagementKind {
    CoProduction,
    Consultation,
    Survey,
    FocusGroup,
    Interview,
    Meeting,
    #[default]
    Other,
}

/// An action with an owner, a date and a measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// A stable id, referenced from group assessments.
    pub id: String,
    /// What will be done.
    pub description: String,
    /// Who is accountable (a named role is enough).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// When it is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// How success will be measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
}

/// The three aims of the Public Sector Equality Duty (Equality Act 2010, s.149(1)).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PsedAims {
    /// (a) eliminate discrimination, harassment and victimisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eliminate_discrimination: Option<String>,
    /// (b) advance equality of opportunity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advance_equality: Option<String>,
    /// (c) foster good relations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foster_good_relations: Option<String>,
}

/// Who approved an assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    /// The approver's name.
    pub name: String,
    /// Their role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// When they signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

/// A community or voluntary sector partner in a partnership agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// The partner organisation.
    pub name: String,
    /// Whether it is led by LGBTQ+ people.
    #[serde(default)]
    pub lgbtq_led: bool,
    /// The partner's named lead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_lead: Option<String>,
    /// Our named lead for the partnership.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub our_lead: Option<String>,
    /// When and how the partner is paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_terms: Option<String>,
    /// How decisions are agreed between the partners.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_process: Option<String>,
    /// How the partner's contribution is credited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
}

/// A decision not to apply a rule here. The finding stays in the report, marked waived.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    /// The rule waived.
    pub rule: String,
    /// Why; a waiver without a reason does not apply and is itself a finding.
    #[serde(default)]
    pub reason: String,
    /// Who approved the waiver.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    /// Limit the waiver to one section; all sections when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Limit the waiver further, to bytes `start..end` of that section's text
    /// (an inline `waive-next` covers one paragraph this way). Needs `section`;
    /// only findings in the section's text fall within it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<WaiverSpan>,
    /// Form fields (by `id`) the waiver covers too: findings on them are
    /// covered whatever `section` and `span` say. Without `section`, the
    /// waiver covers these fields only (an inline `waive-next` before a
    /// form question covers its field this way).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
}

/// A byte range of a section's text that a waiver covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WaiverSpan {
    /// Byte offset of the start (UTF-8).
    pub start: usize,
    /// Byte offset just past the end.
    pub end: usize,
}
