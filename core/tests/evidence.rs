//! Every element and pillar status rests on evidence: nothing is in place for
//! an empty draft or one with nothing positive in it, every status carries its
//! evidence and gaps, and a fully evidenced draft is in place.

use std::path::PathBuf;

use dueregard::{Draft, ElementStatus, Engine, FrameworkStatus, Report, RuleKind, framework};

fn fixture(name: &str) -> Report {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let json = std::fs::read_to_string(&path).unwrap();
    Engine::new().check(&Draft::from_json(&json).unwrap_or_else(|e| panic!("{name}: {e}")))
}

fn check(json: &str) -> Report {
    Engine::new().check(&Draft::from_json(json).unwrap_or_else(|e| panic!("{e}\n{json}")))
}

fn element<'r>(report: &'r Report, id: &str) -> &'r ElementStatus {
    report.elements.iter().find(|e| e.id == id).unwrap()
}

fn nothing_in_place(report: &Report, what: &str) {
    for e in &report.elements {
        assert_ne!(e.status, FrameworkStatus::InPlace, "{what}: {e:?}");
    }
    for p in &report.pillars {
        assert_ne!(p.status, FrameworkStatus::InPlace, "{what}: {p:?}");
    }
}

#[test]
fn an_empty_document_shows_nothing_in_place() {
    for (title, text) in [
        ("empty.txt", ""),
        ("blank.txt", "  \n\n "),
        ("title", "Policy"),
    ] {
        let report = Engine::new().check(&Draft::from_text(title, text).unwrap());
        nothing_in_place(&report, title);
    }
    // Nothing was there to read: the one finding says so, as a gap on 2.3
    // (language) rather than a quiet "no issues found"; nothing else is shown.
    let report = Engine::new().check(&Draft::from_text("empty.txt", "").unwrap());
    let rules: Vec<&str> = report.violations.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["draft-almost-empty"]);
    assert!(!report.passes_gate(), "an empty file cannot pass the gate");
    let seen = |s: FrameworkStatus| {
        matches!(
            s,
            FrameworkStatus::NotAssessed | FrameworkStatus::NoIssuesFound
        )
    };
    for element in &report.elements {
        if element.id == "2.3" {
            assert_eq!(element.status, FrameworkStatus::NotInPlace);
        } else {
            assert!(seen(element.status), "{element:?}");
        }
    }
    assert!(
        report
            .pillars
            .iter()
            .all(|p| p.number == 2 || seen(p.status)),
        "{:?}",
        report.pillars
    );
    assert_eq!(report.pillars[5].status, FrameworkStatus::NotAssessed);
}

#[test]
fn clean_words_are_not_evidence() {
    // Inclusive text with no finding: the language elements ran and found
    // nothing, which is not the same as showing them in place.
    let report = Engine::new().check(
        &Draft::from_text(
            "Visiting",
            "Visitors are welcome at any time. Patients can name anyone they would like to visit them.",
        )
        .unwrap(),
    );
    nothing_in_place(&report, "clean text");
    assert_eq!(
        element(&report, "2.3").status,
        FrameworkStatus::NoIssuesFound
    );
    assert_eq!(
        element(&report, "3.2").status,
        FrameworkStatus::NoIssuesFound
    );
    assert!(element(&report, "2.3").evidence.is_empty());
}

#[test]
fn drafts_with_no_positive_evidence_show_nothing_in_place() {
    for json in [
        r#"{"title":"Visiting policy","kind":"clinical_policy"}"#,
        r#"{"title":"Leave","kind":"workforce_policy","sections":[{"id":"a","heading":"Scope","text":"All staff can take leave."}]}"#,
        r#"{"title":"Leaflet","kind":"patient_information","sections":[{"id":"a","text":"Come to the clinic."}]}"#,
        r#"{"title":"Form","kind":"data_collection_form","fields":[{"id":"n","label":"Name","kind":"text"}]}"#,
        r#"{"title":"Agreement","kind":"partnership_agreement"}"#,
        r#"{"title":"Service","kind":"service_design","eia":{}}"#,
        r#"{"title":"Plan","kind":"action_plan","eia":{"groups":[{"group":"age","impact":"neutral"}]}}"#,
    ] {
        nothing_in_place(&check(json), json);
    }
}

#[test]
fn every_status_carries_its_evidence_and_gaps() {
    for name in [
        "evidenced-service.json",
        "evidenced-form.json",
        "evidenced-partnership.json",
    ] {
        let report = fixture(name);
        for e in &report.elements {
            match e.status {
                FrameworkStatus::InPlace => {
                    assert!(!e.evidence.is_empty() && e.gaps.is_empty(), "{name}: {e:?}")
                }
                FrameworkStatus::WorkInProgress => assert!(!e.evidence.is_empty(), "{name}: {e:?}"),
                FrameworkStatus::NotInPlace => {
                    assert!(e.evidence.is_empty() && !e.gaps.is_empty(), "{name}: {e:?}")
                }
                FrameworkStatus::NoIssuesFound | FrameworkStatus::NotAssessed => {
                    assert!(e.evidence.is_empty() && e.gaps.is_empty(), "{name}: {e:?}")
                }
            }
            assert!(!e.reason.is_empty(), "{name}: {e:?}");
            for ev in &e.evidence {
                assert!(
                    report
                        .passes
                        .iter()
                        .any(|p| p.rule == ev.rule && p.reason == ev.reason),
                    "{name}: evidence {ev:?} is not a pass in the report"
                );
            }
        }
    }
    // A gap names the finding behind it, and where it is.
    let report = check(
        r#"{"title":"t","kind":"service_design","eia":{"engagement":[{"with":"Patient panel"}]}}"#,
    );
    let gap = &element(&report, "5.1").gaps[0];
    assert_eq!(
        (gap.rule.as_str(), gap.path.as_str()),
        ("eia-engagement", "/eia/engagement")
    );
    assert!(
        report
            .violations
            .iter()
            .any(|f| f.fingerprint == gap.fingerprint)
    );
}

#[test]
fn fully_evidenced_drafts_are_in_place() {
    let service = fixture("evidenced-service.json");
    for id in ["3.1", "4.3", "5.1"] {
        let e = element(&service, id);
        assert_eq!(e.status, FrameworkStatus::InPlace, "{e:?}");
    }
    let e31 = element(&service, "3.1");
    let rules: Vec<&str> = e31.evidence.iter().map(|e| e.rule.as_str()).collect();
    assert_eq!(
        rules,
        [
            "eia-characteristics",
            "eia-evidence",
            "eia-negative-mitigated"
        ]
    );
    assert_eq!(e31.evidence[0].path.as_deref(), Some("/eia/groups"));
    assert_eq!(
        element(&service, "4.3").evidence[0].path.as_deref(),
        Some("/sections/0/text")
    );

    let form = fixture("evidenced-form.json");
    for id in ["4.1", "4.2"] {
        assert_eq!(element(&form, id).status, FrameworkStatus::InPlace, "{id}");
    }
    let partnership = fixture("evidenced-partnership.json");
    for id in ["6.1", "6.2"] {
        assert_eq!(
            element(&partnership, id).status,
            FrameworkStatus::InPlace,
            "{id}"
        );
    }
    assert_eq!(
        partnership.pillars[5].status,
        FrameworkStatus::InPlace,
        "{:?}",
        partnership.pillars[5]
    );
    // No EIA with the agreement: 3.1 is not in place, and pillar 3 is not either.
    assert_eq!(
        element(&partnership, "3.1").status,
        FrameworkStatus::NotInPlace
    );
    assert_ne!(partnership.pillars[2].status, FrameworkStatus::InPlace);
}

#[test]
fn a_gap_makes_evidence_work_in_progress() {
    // The service draft, with the mitigation of its negative impact removed.
    let json = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/evidenced-service.json"),
    )
    .unwrap()
    .replace(
        r#""mitigation": "Reception staff record and use the name and pronouns a patient gives.", "#,
        "",
    );
    let e31 = element(&check(&json), "3.1").clone();
    assert_eq!(e31.status, FrameworkStatus::WorkInProgress, "{e31:?}");
    assert!(e31.gaps.iter().any(|g| g.rule == "eia-negative-mitigated"));
    let shown: Vec<&str> = e31.evidence.iter().map(|e| e.rule.as_str()).collect();
    assert_eq!(shown, ["eia-characteristics", "eia-evidence"]);
}

#[test]
fn evidence_from_one_rule_is_not_enough_while_another_has_not_passed() {
    // All nine characteristics listed, but the impact on sexual orientation
    // is judged with nothing to rest on: eia-evidence asks for review, so 3.1
    // is not yet in place, though nothing is a gap.
    let groups: Vec<String> = [
        "age",
        "disability",
        "gender_reassignment",
        "marriage_and_civil_partnership",
        "pregnancy_and_maternity",
        "race",
        "religion_or_belief",
        "sex",
        "sexual_orientation",
    ]
    .iter()
    .map(|g| {
        if *g == "sexual_orientation" {
            format!(r#"{{"group":"{g}","impact":"neutral"}}"#)
        } else {
            format!(r#"{{"group":"{g}","impact":"neutral","evidence":"Staff survey 2025: no difference by {g}"}}"#)
        }
    })
    .collect();
    let report = check(&format!(
        r#"{{"title":"t","kind":"workforce_policy","dates":{{"review":"2027-01-01"}},"eia":{{"groups":[{}],"aims":{{"eliminate_discrimination":"a","advance_equality":"b","foster_good_relations":"c"}},"sign_off":{{"name":"Director of People"}}}}}}"#,
        groups.join(",")
    ));
    let e31 = element(&report, "3.1");
    assert_eq!(e31.status, FrameworkStatus::WorkInProgress, "{e31:?}");
    assert!(e31.gaps.is_empty(), "{e31:?}");
    assert!(e31.review.iter().any(|f| f.rule == "eia-evidence"));
    assert!(
        e31.reason.contains("not yet shown by eia-evidence"),
        "{}",
        e31.reason
    );
}

#[test]
fn a_waived_violation_neither_evidences_nor_blocks() {
    let json = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/evidenced-partnership.json"),
    )
    .unwrap()
    .replace(
        r#""title": "Outreach"#,
        r#""waivers": [{"rule": "eia-present", "reason": "Covered by the service's own EIA, ref EIA-2026-14", "approved_by": "EDI lead"}], "title": "Outreach"#,
    );
    let report = check(&json);
    let e31 = element(&report, "3.1");
    assert!(e31.gaps.is_empty() && e31.waived.len() == 1, "{e31:?}");
    // Waived, so not a gap; but nothing else shows an EIA was done.
    assert_eq!(e31.status, FrameworkStatus::NoIssuesFound, "{e31:?}");
    assert_eq!(element(&report, "6.2").status, FrameworkStatus::InPlace);
}

#[test]
fn needs_review_findings_are_listed_but_do_not_change_a_status() {
    // Payment not in advance is a finding to review on 6.2; the others pass.
    let report = check(
        r#"{"title":"p","kind":"partnership_agreement","partners":[{"name":"Rainbow Health Collective","lgbtq_led":true,"partner_lead":"Sam","our_lead":"Head of sexual health","payment_terms":"Paid monthly in arrears","decision_process":"Joint steering group","credit":"Named on all materials"}],"sections":[{"id":"r","text":"We will agree a safety plan if the work attracts backlash."}]}"#,
    );
    let e62 = element(&report, "6.2");
    assert!(e62.gaps.is_empty(), "{e62:?}");
    assert_eq!(e62.review[0].rule, "partnership-payment-terms");
    // The rule that asks for review is one that could evidence 6.2, so its
    // evidence is missing, not failed: work in progress, never not in place.
    assert_eq!(e62.status, FrameworkStatus::WorkInProgress, "{e62:?}");
    // A review finding from a rule that cannot evidence an element leaves its status alone.
    let leaflet = Engine::new().check(
        &Draft::from_text(
            "Leaflet",
            "Information for pregnant women and birthing people.",
        )
        .unwrap(),
    );
    let e32 = element(&leaflet, "3.2");
    assert_eq!(e32.status, FrameworkStatus::NoIssuesFound, "{e32:?}");
}

#[test]
fn pillars_follow_their_elements() {
    let service = fixture("evidenced-service.json");
    for p in &service.pillars {
        let mine: Vec<&ElementStatus> = service
            .elements
            .iter()
            .filter(|e| e.pillar == p.number)
            .collect();
        let assessed: Vec<_> = mine
            .iter()
            .filter(|e| e.status != FrameworkStatus::NotAssessed)
            .collect();
        let expected = if assessed.is_empty() {
            FrameworkStatus::NotAssessed
        } else if assessed
            .iter()
            .all(|e| e.status == FrameworkStatus::InPlace)
        {
            FrameworkStatus::InPlace
        } else if assessed.iter().any(|e| e.status.has_evidence()) {
            FrameworkStatus::WorkInProgress
        } else if assessed.iter().any(|e| !e.gaps.is_empty()) {
            FrameworkStatus::NotInPlace
        } else {
            FrameworkStatus::NoIssuesFound
        };
        assert_eq!(p.status, expected, "{p:?}");
        for e in &mine {
            assert!(p.reason.contains(e.id.as_str()), "{p:?}");
        }
    }
    // Pillar 5: 5.1 in place; 5.3 no issues found (measurable actions do not
    // show they use LGBTQ+ insight); 5.2 not assessed (not for children).
    assert_eq!(service.pillars[4].status, FrameworkStatus::WorkInProgress);
    // Pillar 3: 3.1 in place, 3.2 no issues found (nothing can show it), so not in place.
    assert_eq!(service.pillars[2].status, FrameworkStatus::WorkInProgress);
}

#[test]
fn evidence_is_rule_metadata_and_never_from_term_rules() {
    let engine = Engine::new();
    let mut evidenced = std::collections::BTreeSet::new();
    for rule in engine.rules() {
        if rule.kind == RuleKind::Term {
            assert!(
                rule.evidences.is_empty(),
                "{}: term rules never evidence",
                rule.id
            );
        }
        for id in &rule.evidences {
            assert!(
                rule.elements.contains(id),
                "{}: evidences {id} but does not serve it",
                rule.id
            );
            evidenced.insert(id.clone());
        }
    }
    // The elements a document can show in place; the others (leadership,
    // staff knowledge, language, assumptions, children and young people,
    // interventions built on LGBTQ+ insight) need evidence no rule reads yet.
    let expected: Vec<&str> = vec!["3.1", "4.1", "4.2", "4.3", "5.1", "6.1", "6.2"];
    assert_eq!(
        evidenced.iter().map(String::as_str).collect::<Vec<_>>(),
        expected
    );
    assert!(expected.iter().all(|id| framework::element(id).is_some()));
    let json = serde_json::to_value(engine.rules()).unwrap();
    let characteristics = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "eia-characteristics")
        .unwrap();
    assert_eq!(characteristics["evidences"], serde_json::json!(["3.1"]));
}

/// Drafts with nothing in them for a rule to find: a rule that can evidence
/// an element must not pass on any of them, or its pass would be vacuous.
#[test]
fn no_evidencing_rule_passes_on_a_hollow_draft() {
    let kinds = [
        "workforce_policy",
        "clinical_policy",
        "service_design",
        "commissioning",
        "patient_information",
        "data_collection_form",
        "action_plan",
        "partnership_agreement",
        "other",
    ];
    let hollow = [
        r#""sections":[{"id":"a","heading":"Scope","text":"This applies to everyone."}]"#,
        r#""eia":{}"#,
        r#""eia":{"assessor":"EDI lead","aims":{"eliminate_discrimination":"a"}}"#,
        r#""fields":[{"id":"n","label":"Name","kind":"text"},{"id":"d","label":"Date of birth","kind":"date"}]"#,
        r#""fields":[{"id":"c","label":"Preferred contact","kind":"single_choice","options":["Phone","Email"]}]"#,
        r#""eia":{"engagement":[],"actions":[],"groups":[]}"#,
        r#""sections":[{"id":"a","text":"LGBTQ+ people are welcome."}]"#,
    ];
    let engine = Engine::new();
    for kind in kinds {
        for extra in hollow {
            let json = format!(r#"{{"title":"t","kind":"{kind}",{extra}}}"#);
            let report = engine.check(&Draft::from_json(&json).unwrap());
            for e in &report.elements {
                assert!(e.evidence.is_empty(), "{json}: {e:?}");
            }
        }
    }
}
