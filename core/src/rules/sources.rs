//! Common sources, so each is spelled once.

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
