//! The sources rules cite, each spelled once with the date its facts were
//! last checked there. What each source says, and which copy was read, is in
//! `docs/guidance-sources.md`.

use crate::model::Citation;

/// The date the built-in pack's legal and NHS guidance was last checked at
/// its sources (issue 11); shown in every report as `guidance_as_of`.
pub(crate) const GUIDANCE_AS_OF: &str = "2026-11-30";

/// Sources checked when the rules were first written.
const FIRST_CHECK: &str = "2026-11-24";

/// A rule's main source.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Source {
    pub title: &'static str,
    pub url: &'static str,
    /// When the fact was checked there, `YYYY-MM-DD`.
    pub checked: &'static str,
}

/// A further source: checked on a date, or cited as the project's domain
/// notes give it when no copy could be read (then `checked` is `None` and
/// `note` says so).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Further {
    pub title: &'static str,
    pub url: &'static str,
    pub checked: Option<&'static str>,
    pub note: &'static str,
}

impl Further {
    pub fn to_citation(self) -> Citation {
        Citation {
            title: self.title.into(),
            url: self.url.into(),
            checked: self.checked.map(str::to_owned),
            note: (!self.note.is_empty()).then(|| self.note.to_owned()),
        }
    }
}

pub const PSED: Source = Source {
    title: "Equality Act 2010, section 149 (Public Sector Equality Duty)",
    url: "https://www.legislation.gov.uk/ukpga/2010/15/section/149",
    checked: FIRST_CHECK,
};
pub const PROTECTED: Source = Source {
    title: "Equality Act 2010, section 4 (the protected characteristics)",
    url: "https://www.legislation.gov.uk/ukpga/2010/15/section/4",
    checked: FIRST_CHECK,
};
pub const FRAMEWORK: Source = Source {
    title: "NHS Confederation, Health and Care LGBTQ+ Inclusion Framework (2022)",
    url: "https://www.nhsconfed.org/publications/health-and-care-lgbtq-inclusion-framework",
    checked: FIRST_CHECK,
};
pub const BROWN: Source = Source {
    title: "R (Brown) v Secretary of State for Work and Pensions [2008] EWHC 3158 (Admin)",
    url: "https://www.bailii.org/ew/cases/EWHC/Admin/2008/3158.html",
    checked: FIRST_CHECK,
};
pub const SO_STANDARD: Source = Source {
    title: "NHS England, Sexual orientation monitoring information standard (DCB2094): frequently asked questions",
    url: "https://www.england.nhs.uk/about/equality/equality-hub/sexual-orientation-monitoring-information-standard/sexual-orientation-monitoring-frequently-asked-questions/",
    checked: GUIDANCE_AS_OF,
};
pub const PARTNERSHIP_GUIDE: Source = Source {
    title: "The National LGBT Partnership, Working with LGBTQ+ Groups: A guide for Health Organisations (March 2025)",
    url: "https://nationallgbtpartnership.org/",
    checked: FIRST_CHECK,
};
pub const NHS_INEQUALITIES: Source = Source {
    title: "NHS England, Core20PLUS5: an approach to reducing health inequalities",
    url: "https://www.england.nhs.uk/about/equality/equality-hub/national-healthcare-inequalities-improvement-programme/core20plus5/",
    checked: FIRST_CHECK,
};
pub const NHS_NEXT_OF_KIN: Source = Source {
    title: "University Hospital Southampton NHS FT, Clinical law update: Is there a role for next of kin? (2019)",
    url: "https://www.uhs.nhs.uk/health-professionals/clinical-law-updates/is-there-a-role-for-next-of-kin",
    checked: FIRST_CHECK,
};
pub const GOVUK_EQUALITY: Source = Source {
    title: "GOV.UK Design System, Equality information pattern",
    url: "https://design-system.service.gov.uk/patterns/equality-information/",
    checked: GUIDANCE_AS_OF,
};
pub const GOVUK_GENDER_OR_SEX: Source = Source {
    title: "GOV.UK Design System, Gender or sex pattern: never use titles to guess gender",
    url: "https://design-system.service.gov.uk/patterns/gender-or-sex/",
    checked: GUIDANCE_AS_OF,
};
pub const SULLIVAN: Source = Source {
    title: "Review of data, statistics and research on sex and gender: executive summary (DSIT, 19 March 2025)",
    url: "https://www.gov.uk/government/publications/independent-review-of-data-statistics-and-research-on-sex-and-gender/review-of-data-statistics-and-research-on-sex-and-gender-executive-summary",
    checked: GUIDANCE_AS_OF,
};
pub const MHSDS_GENDER_IDENTITY: Source = Source {
    title: "NHS England (Digital), Mental Health Services Data Set: gender identity and why it is important to ask about",
    url: "https://digital.nhs.uk/data-and-information/data-collections-and-data-sets/data-sets/mental-health-services-data-set/submit-data/data-quality-of-protected-characteristics-and-other-vulnerable-groups/gender-identity",
    checked: GUIDANCE_AS_OF,
};
pub const FWS: Source = Source {
    title: "For Women Scotland Ltd v The Scottish Ministers [2025] UKSC 16 (16 April 2025)",
    url: "https://www.supremecourt.uk/cases/uksc-2024-0042",
    checked: GUIDANCE_AS_OF,
};
pub const SERVICES_CODE: Source = Source {
    title: "Equality Act 2010 draft Code of Practice for services, public functions and associations: explanatory memorandum (laid 21 May 2026)",
    url: "https://www.gov.uk/government/publications/equality-act-2010-draft-code-of-practice-for-services-public-functions-and-associations-2026/explanatory-memorandum--2",
    checked: GUIDANCE_AS_OF,
};
pub const PCSE_UNDER_18: Source = Source {
    title: "Primary Care Support England, Adoptions and gender reassignment: process change for under-18s",
    url: "https://pcse.england.nhs.uk/contact-us/patient-registrations-enquiry-categories/adoptions-and-gender-reassignment",
    checked: GUIDANCE_AS_OF,
};
pub const EQA_S7_NOTES: Source = Source {
    title: "Equality Act 2010, section 7 (gender reassignment), with its Explanatory Notes",
    url: "https://www.legislation.gov.uk/ukpga/2010/15/notes/division/3/2/1/4",
    checked: GUIDANCE_AS_OF,
};

/// Further sources shared by several rules.
pub mod further {
    use super::{Further, GUIDANCE_AS_OF};

    pub const SERVICES_CODE_SUMMARY: Further = Further {
        title: "Capsticks, EHRC's revised draft Code of Practice for services and public functions: what employers need to know (26 May 2026)",
        url: "https://www.capsticks.com/insights/ehrcs-revised-draft-code-of-practice-for-services-and-public-functions-what-employers-need-to-know",
        checked: Some(GUIDANCE_AS_OF),
        note: "Summarises para 13.144 of the draft code (a service that admits trans people of the opposite sex is no longer single-sex) and says the code does not apply directly to workplace facilities.",
    };
    pub const CODE_IN_FORCE: Further = Further {
        title: "House of Lords, Equality Act 2010: Code of Practice (statement repeated 3 June 2026)",
        url: "https://hansard.parliament.uk/Lords/2026-06-03",
        checked: Some(GUIDANCE_AS_OF),
        note: "After 40 days without disapproval the Minister can revoke the 2011 code and bring the new one into force by a commencement order. No stored copy confirmed commencement by 2026-11-30: check whether the code is in force.",
    };
    pub const SAME_SEX_ACCOMMODATION: Further = Further {
        title: "Lords written question HL11837, Hospital wards: women (DHSC answer)",
        url: "https://www.parallelparliament.co.uk/question/HL11837/hospital-wards-women",
        checked: Some(GUIDANCE_AS_OF),
        note: "NHS England is reviewing Delivering same-sex accommodation to reflect the judgment and align with the EHRC code.",
    };
    pub const CONFEDERATION_WITHDRAWAL: Further = Further {
        title: "NHS Confederation withdraws its trans-inclusive toilets and changing-rooms guidance (The Independent, 6 June 2025)",
        url: "https://www.independent.co.uk/news/uk/home-news/trans-toilets-guidance-nhs-supreme-court-b2765074.html",
        checked: Some(GUIDANCE_AS_OF),
        note: "The 2022 Inclusion Framework predates the judgment; the Confederation removed its facilities guidance as dated in June 2025, pending the EHRC code.",
    };
    pub const PRSB: Further = Further {
        title: "PRSB, Sex and gender data items for data entry (interim build 1-build.0.0, April 2026)",
        url: "https://theprsb.org/wp-content/uploads/2026/04/sex-and-gender-data-entry_1-build.0.0_no-comments.html",
        checked: Some(GUIDANCE_AS_OF),
        note: "Sex at birth (observed) mandatory in records; administrative gender required; gender identity optional, coded with the Gender Identity Code. An interim build, not final.",
    };
    pub const GENDER_IDENTITY_CODE: Further = Further {
        title: "NHS Data Dictionary, GENDER IDENTITY CODE (June 2026 release)",
        url: "https://archive.datadictionary.nhs.uk/DD%20Release%20June%202026/data_elements/gender_identity_code.html",
        checked: Some(GUIDANCE_AS_OF),
        note: "A code for the gender identity a person states: Male (including trans man), Female (including trans woman), Non-binary, Other (not listed), Not stated, Not known.",
    };
    pub const HL12992: Further = Further {
        title: "Lords written question HL12992 (answered 6 January 2026)",
        url: "https://parallelparliament.co.uk/question/HL12992/data-statistics-and-research-on-sex-and-gender",
        checked: Some(GUIDANCE_AS_OF),
        note: "The government is still considering the Sullivan review's recommendations; harmonised standards for sex and gender identity are being developed.",
    };
    pub const GSS_SEX: Further = Further {
        title: "Government Statistical Service, Sex harmonisation guidance",
        url: "https://analysisfunction.civilservice.gov.uk/policy-store/sex-harmonisation-guidance/",
        checked: Some(GUIDANCE_AS_OF),
        note: "No harmonised standard for collecting data on sex at the time of checking; new guidance was expected in summer 2026.",
    };
    pub const GOVUK_EQUALITY_QUESTIONS: Further = Further {
        title: "GOV.UK Design System, Equality information pattern: the sex and gender identity questions",
        url: "https://design-system.service.gov.uk/patterns/equality-information/",
        checked: None,
        note: "Per the project's domain notes, not re-read: \"What is your sex?\" and a separate \"Is the gender you identify with the same as your sex registered at birth?\". The stored copy read did not reach that section.",
    };
    pub const GOVUK_NAMES: Further = Further {
        title: "GOV.UK Design System, Names pattern",
        url: "https://design-system.service.gov.uk/patterns/names/",
        checked: None,
        note: "Per the project's domain notes, not re-read: avoid asking for a title, or make it optional free text. No stored copy of the page was found.",
    };
    pub const S149_7: Further = Further {
        title: "Equality Act 2010, section 149(7)",
        url: "https://www.legislation.gov.uk/ukpga/2010/15/section/149",
        checked: None,
        note: "Per the project's domain notes, not re-read: the duty's relevant characteristics leave out marriage and civil partnership, which counts only for the first aim (eliminating discrimination). No stored copy of the section was found; secondary summaries read on 2026-11-30 agree.",
    };
    pub const UNDER_18_HL7340: Further = Further {
        title: "Lords written question HL7340 (answered 9 June 2025)",
        url: "https://parallelparliament.co.uk/question/HL7340/drugs-gender",
        checked: Some(GUIDANCE_AS_OF),
        note: "The Secretary of State instructed the NHS to suspend applications for NHS number changes for children under 18.",
    };
    pub const UNDER_18_HANSARD: Further = Further {
        title: "Hansard, 25 March 2025",
        url: "https://hansard.parliament.uk/",
        checked: None,
        note: "Per the project's domain notes, not re-read: no stored copy was found.",
    };
    pub const EQA_S11: Further = Further {
        title: "Equality Act 2010, section 11 (sex)",
        url: "https://www.legislation.gov.uk/ukpga/2010/15/section/11",
        checked: None,
        note: "The characteristic is named \"sex\": a reference to a man or to a woman. Wording read in the judgment (paras 171-172) and the Bill; the enacted section's page was not among the stored copies.",
    };
}
