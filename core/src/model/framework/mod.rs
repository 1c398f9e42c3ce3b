//! The catalogue of the framework that every check is measured against.
//!
//! `dueregard` reads policy drafts with the NHS Confederation's *Health and
//! Care LGBTQ+ Inclusion Framework* (September 2022,
//! <https://www.nhsconfed.org/publications/health-and-care-lgbtq-inclusion-framework>)
//! in mind. This module holds that framework's structure as static data: its
//! six pillars, the seventeen numbered elements (`"1.1"` to `"6.2"`) through
//! which an organisation shows it meets a pillar, the recommendation attached
//! to each element, and the two rating scales the publication offers — the
//! traffic-light self-assessment and the progress checklist.
//!
//! Pillar titles, element titles, recommendations and scale labels are quoted
//! from the NHS Confederation's publication and remain its work; see
//! [`ATTRIBUTION`], which should travel with any of this text that is shown
//! to users. Two small normalisations were made: element titles carry no
//! closing full stop, and whitespace in the quoted text has been tidied.
//! Nothing else in this module (these comments included) comes from the
//! framework.
//!
//! Everything here is `'static`, so reading the catalogue never allocates;
//! [`catalogue`] bundles it into one serialisable value for the language
//! bindings.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The framework's full title.
pub const NAME: &str = "Health and Care LGBTQ+ Inclusion Framework";

/// Who published the framework.
pub const PUBLISHER: &str = "NHS Confederation";

/// When the framework was published, as `YYYY-MM`.
pub const PUBLISHED: &str = "2022-09";

/// Where the framework is published.
pub const URL: &str =
    "https://www.nhsconfed.org/publications/health-and-care-lgbtq-inclusion-framework";

/// Credit line to show wherever the quoted framework text is displayed.
pub const ATTRIBUTION: &str = "Pillar titles, element titles, recommendations and scale labels are \
quoted from the Health and Care LGBTQ+ Inclusion Framework, NHS Confederation \
(Health and Care LGBTQ+ Leaders Network), September 2022, \
https://www.nhsconfed.org/publications/health-and-care-lgbtq-inclusion-framework. \
© NHS Confederation 2022.";

mod catalogue;

pub use catalogue::{ELEMENTS, PILLARS};

/// One of the six pillars: a broad commitment an inclusive organisation makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Pillar {
    /// The pillar's number, 1 to 6.
    pub number: u8,
    /// The pillar as the framework words it, e.g.
    /// "We have visible leadership and confident staff".
    pub title: &'static str,
    /// Ids of the elements that demonstrate this pillar, in order.
    pub elements: &'static [&'static str],
}

/// One demonstrable element: a concrete sign that a pillar is being met,
/// with the framework's recommendation for getting there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Element {
    /// The element's id as numbered in the framework, e.g. `"2.3"`.
    pub id: &'static str,
    /// The number of the pillar the element belongs to.
    pub pillar: u8,
    /// What the element looks like when it is in place, in the framework's
    /// words (without a closing full stop).
    pub title: &'static str,
    /// The framework's recommendation for this element, quoted in full.
    pub recommendation: &'static str,
}

/// Looks up an element by its id (e.g. `"4.3"`); `None` if the framework
/// has no such element.
pub fn element(id: &str) -> Option<&'static Element> {
    ELEMENTS.iter().find(|e| e.id == id)
}

/// Looks up a pillar by its number (1 to 6); `None` for any other number.
pub fn pillar(number: u8) -> Option<&'static Pillar> {
    PILLARS.iter().find(|p| p.number == number)
}

/// The framework's self-assessment traffic light: where an organisation
/// stands today on a pillar or element.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SelfAssessment {
    /// Nothing is in place yet (red).
    NotInPlace,
    /// Under way but not finished (amber).
    WorkInProgress,
    /// Already in place (green).
    InPlace,
}

impl SelfAssessment {
    /// Every level, from red to green.
    pub const ALL: [SelfAssessment; 3] = [
        SelfAssessment::NotInPlace,
        SelfAssessment::WorkInProgress,
        SelfAssessment::InPlace,
    ];

    /// The level's name as the framework's key gives it. The framework's
    /// green entry reads "We have in place"; it is shortened here to
    /// "In place" so it reads as a status.
    pub fn label(self) -> &'static str {
        match self {
            SelfAssessment::NotInPlace => "Not in place",
            SelfAssessment::WorkInProgress => "Work in progress",
            SelfAssessment::InPlace => "In place",
        }
    }

    /// The traffic-light colour: `"red"`, `"amber"` or `"green"`.
    pub fn traffic_light(self) -> &'static str {
        match self {
            SelfAssessment::NotInPlace => "red",
            SelfAssessment::WorkInProgress => "amber",
            SelfAssessment::InPlace => "green",
        }
    }
}

/// The framework's progress checklist scale: how far an organisation has
/// moved on a recommendation since it started tracking.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    /// A great deal has been done.
    Significant,
    /// Some, but not much, has been done.
    Moderate,
    /// Nothing has moved yet.
    NoProgress,
}

impl Progress {
    /// Every level, in the order of the framework's key (most progress first).
    pub const ALL: [Progress; 3] = [
        Progress::Significant,
        Progress::Moderate,
        Progress::NoProgress,
    ];

    /// The level's name as the framework's progress key gives it.
    pub fn label(self) -> &'static str {
        match self {
            Progress::Significant => "Significant progress",
            Progress::Moderate => "Moderate progress",
            Progress::NoProgress => "No progress",
        }
    }
}

/// One rung of the self-assessment scale, spelled out for bindings.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct SelfAssessmentLevel {
    /// The value as it appears in JSON, e.g. `"work_in_progress"`.
    pub value: SelfAssessment,
    /// Human-readable name, e.g. "Work in progress".
    pub label: &'static str,
    /// `"red"`, `"amber"` or `"green"`.
    pub traffic_light: &'static str,
}

/// One rung of the progress scale, spelled out for bindings.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ProgressLevel {
    /// The value as it appears in JSON, e.g. `"no_progress"`.
    pub value: Progress,
    /// Human-readable name, e.g. "No progress".
    pub label: &'static str,
}

/// The whole framework in one value, for bindings that expose it (the
/// `framework()` call in JavaScript and Python) and for anything that wants
/// to render it.
#[derive(Debug, Clone, Serialize)]
pub struct Catalogue {
    /// The framework's title.
    pub name: &'static str,
    /// Who published it.
    pub publisher: &'static str,
    /// Publication month, `YYYY-MM`.
    pub published: &'static str,
    /// Where to read it.
    pub url: &'static str,
    /// Credit line to display alongside the quoted text.
    pub attribution: &'static str,
    /// The six pillars.
    pub pillars: &'static [Pillar],
    /// The seventeen elements.
    pub elements: &'static [Element],
    /// The self-assessment traffic light, red to green.
    pub self_assessment_scale: [SelfAssessmentLevel; 3],
    /// The progress checklist scale, most progress first.
    pub progress_scale: [ProgressLevel; 3],
    /// The statuses reports give elements and pillars: the self-assessment
    /// scale given on evidence, plus no issues found and not assessed.
    pub status_scale: [crate::model::StatusLevel; 5],
}

/// Builds the serialisable view of the framework. Cheap: it only gathers
/// references to the static data.
pub fn catalogue() -> Catalogue {
    Catalogue {
        name: NAME,
        publisher: PUBLISHER,
        published: PUBLISHED,
        url: URL,
        attribution: ATTRIBUTION,
        pillars: &PILLARS,
        elements: &ELEMENTS,
        self_assessment_scale: SelfAssessment::ALL.map(|value| SelfAssessmentLevel {
            value,
            label: value.label(),
            traffic_light: value.traffic_light(),
        }),
        progress_scale: Progress::ALL.map(|value| ProgressLevel {
            value,
            label: value.label(),
        }),
        status_scale: crate::model::status_scale(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const EXPECTED_IDS: [&str; 17] = [
        "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2", "4.3", "5.1",
        "5.2", "5.3", "6.1", "6.2",
    ];

    #[test]
    fn six_pillars_and_seventeen_elements() {
        assert_eq!(PILLARS.len(), 6);
        assert_eq!(ELEMENTS.len(), 17);
        for (i, p) in PILLARS.iter().enumerate() {
            assert_eq!(
                usize::from(p.number),
                i + 1,
                "pillars are numbered 1..6 in order"
            );
        }
    }

    #[test]
    fn element_ids_are_in_order_and_unique() {
        let ids: Vec<&str> = ELEMENTS.iter().map(|e| e.id).collect();
        assert_eq!(ids, EXPECTED_IDS);
        let unique: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len());
    }

    #[test]
    fn element_id_prefix_matches_its_pillar() {
        for e in &ELEMENTS {
            let (prefix, _) = e.id.split_once('.').expect("id has a dot");
            assert_eq!(prefix, e.pillar.to_string(), "{}", e.id);
        }
    }

    #[test]
    fn every_element_belongs_to_a_pillar_that_lists_it() {
        for e in &ELEMENTS {
            let p = pillar(e.pillar).unwrap_or_else(|| panic!("{}: no pillar {}", e.id, e.pillar));
            assert!(
                p.elements.contains(&e.id),
                "pillar {} omits {}",
                p.number,
                e.id
            );
        }
    }

    #[test]
    fn every_pillar_element_resolves_back_to_that_pillar() {
        let mut listed = 0;
        for p in &PILLARS {
            assert!(!p.elements.is_empty());
            for id in p.elements {
                let e =
                    element(id).unwrap_or_else(|| panic!("pillar {}: no element {id}", p.number));
                assert_eq!(e.pillar, p.number);
                listed += 1;
            }
        }
        assert_eq!(
            listed,
            ELEMENTS.len(),
            "each element is listed by exactly one pillar"
        );
    }

    #[test]
    fn lookups_reject_unknown_keys() {
        assert!(element("9.9").is_none());
        assert!(element("").is_none());
        assert!(element("1.10").is_none());
        assert!(pillar(0).is_none());
        assert!(pillar(7).is_none());
        assert_eq!(element("2.3").map(|e| e.pillar), Some(2));
        assert_eq!(
            pillar(1).map(|p| p.title),
            Some("We have visible leadership and confident staff")
        );
    }

    #[test]
    fn quoted_text_is_tidy() {
        for p in &PILLARS {
            assert!(p.title.starts_with("We "), "{}", p.title);
            assert!(!p.title.ends_with('.'));
        }
        for e in &ELEMENTS {
            assert!(!e.title.is_empty() && !e.title.ends_with('.'), "{}", e.id);
            assert!(e.recommendation.ends_with('.'), "{}", e.id);
            for text in [e.title, e.recommendation] {
                assert_eq!(text.trim(), text, "{}", e.id);
                assert!(!text.contains("  ") && !text.contains('\n'), "{}", e.id);
            }
        }
    }

    #[test]
    fn self_assessment_scale_uses_the_framework_labels() {
        let c = catalogue();
        assert_eq!(c.self_assessment_scale.len(), 3);
        let labels: Vec<_> = c.self_assessment_scale.iter().map(|l| l.label).collect();
        assert_eq!(labels, ["Not in place", "Work in progress", "In place"]);
        let lights: Vec<_> = c
            .self_assessment_scale
            .iter()
            .map(|l| l.traffic_light)
            .collect();
        assert_eq!(lights, ["red", "amber", "green"]);
        let values: Vec<_> = c.self_assessment_scale.iter().map(|l| l.value).collect();
        assert_eq!(values, SelfAssessment::ALL);
    }

    #[test]
    fn progress_scale_uses_the_framework_labels() {
        let c = catalogue();
        assert_eq!(c.progress_scale.len(), 3);
        let labels: Vec<_> = c.progress_scale.iter().map(|l| l.label).collect();
        assert_eq!(
            labels,
            ["Significant progress", "Moderate progress", "No progress"]
        );
        let values: Vec<_> = c.progress_scale.iter().map(|l| l.value).collect();
        assert_eq!(values, Progress::ALL);
    }

    #[test]
    fn scale_values_round_trip_as_snake_case() {
        for (v, s) in
            SelfAssessment::ALL
                .into_iter()
                .zip(["not_in_place", "work_in_progress", "in_place"])
        {
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(json, format!("\"{s}\""));
            assert_eq!(serde_json::from_str::<SelfAssessment>(&json).unwrap(), v);
        }
        for (v, s) in Progress::ALL
            .into_iter()
            .zip(["significant", "moderate", "no_progress"])
        {
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(json, format!("\"{s}\""));
            assert_eq!(serde_json::from_str::<Progress>(&json).unwrap(), v);
        }
    }

    #[test]
    fn catalogue_serialises_to_json() {
        let json = serde_json::to_value(catalogue()).expect("catalogue serialises");
        assert_eq!(json["name"], NAME);
        assert_eq!(json["publisher"], "NHS Confederation");
        assert_eq!(json["published"], "2022-09");
        assert_eq!(json["url"], URL);
        assert_eq!(json["attribution"], ATTRIBUTION);
        assert_eq!(json["pillars"].as_array().map(Vec::len), Some(6));
        let elements = json["elements"].as_array().expect("elements is an array");
        assert_eq!(elements.len(), 17);
        assert_eq!(elements[0]["id"], "1.1");
        assert_eq!(elements[0]["pillar"], 1);
        assert_eq!(json["pillars"][2]["elements"][1], "3.2");
        assert_eq!(
            json["self_assessment_scale"][1]["value"],
            "work_in_progress"
        );
        assert_eq!(json["self_assessment_scale"][2]["traffic_light"], "green");
        assert_eq!(json["progress_scale"][2]["value"], "no_progress");
        assert_eq!(json["progress_scale"][0]["label"], "Significant progress");
    }
}
