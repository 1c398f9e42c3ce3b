//! A partnership agreement written as a Word document: its clauses are read
//! into its partner, so the partnership rules judge what it says, and their
//! findings are placed on the clause.

#![cfg(feature = "docx")]

use dueregard::read::recognise::recognise;
use dueregard::read::{DocumentLimits, read_docx};
use dueregard::{DraftKind, Engine, Format, json_api};

fn fixture_bytes() -> Vec<u8> {
    let path = format!(
        "{}/../tests/fixtures/docx/partnership_agreement.docx",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_paying_clause_is_read_into_the_partner_and_placed_on_its_paragraph() {
    let document = read_docx(&fixture_bytes(), &DocumentLimits::default()).unwrap();
    let r = recognise(&document);
    assert_eq!(r.draft.kind, DraftKind::PartnershipAgreement);
    let [centre] = r.draft.partners.as_slice() else {
        panic!("one community partner: {:?}", r.draft.partners);
    };
    assert_eq!(centre.name, "Northfield LGBTQ+ Community Centre");
    assert_eq!(
        centre.payment_terms.as_deref(),
        Some("The Trust will pay the Centre £150 for each advisory review.")
    );
    // "The partners will jointly run…" is neither a decision process nor credit.
    assert_eq!(centre.decision_process, None);
    assert_eq!(centre.credit, None);
    assert_eq!(
        r.places
            .get("/partners/0/payment_terms")
            .map(String::as_str),
        Some("paragraph 7")
    );
    // The partner itself is still placed on its signature row.
    assert_eq!(
        r.places.get("/partners/0").map(String::as_str),
        Some("table 1 › row 3")
    );
}

#[test]
fn the_payment_finding_says_the_timing_is_not_stated_on_the_clause() {
    let engine = Engine::new();
    let json = json_api::check_bytes(
        &engine,
        &fixture_bytes(),
        Format::Docx,
        "partnership_agreement.docx",
    )
    .unwrap();
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let payment = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "partnership-payment-terms")
        .expect("a payment finding");
    assert_eq!(
        payment["message"],
        "The agreement says how Northfield LGBTQ+ Community Centre is paid but not when: the timing of payment is not stated. Say when each payment is made; monthly in advance is what keeps small groups solvent."
    );
    assert_eq!(payment["location"]["path"], "/partners/0/payment_terms");
    assert_eq!(payment["location"]["place"], "paragraph 7");
    // What the agreement does not say is still reported, on the partner.
    let decision = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "partnership-decision-process")
        .expect("a decision finding");
    assert_eq!(decision["location"]["place"], "table 1 › row 3");
}

/// `check --kind partnership_agreement` on a document recognised as another
/// kind: its clauses are read then, as for one recognised as an agreement.
#[test]
fn a_kind_set_after_recognition_reads_the_agreements_clauses() {
    let document = read_docx(&fixture_bytes(), &DocumentLimits::default()).unwrap();
    let mut r = recognise(&document);
    // As if recognition had guessed another kind and read no clauses.
    r.draft.kind = DraftKind::Other;
    r.draft.partners[0].payment_terms = None;
    r.places.remove("/partners/0/payment_terms");
    r.set_kind(
        DraftKind::Other,
        dueregard::read::recognise::Vocabulary::built_in(),
    );
    assert_eq!(
        r.draft.partners[0].payment_terms, None,
        "other kinds read no clauses"
    );
    r.set_kind(
        DraftKind::PartnershipAgreement,
        dueregard::read::recognise::Vocabulary::built_in(),
    );
    assert_eq!(r.draft.kind, DraftKind::PartnershipAgreement);
    assert_eq!(
        r.draft.partners[0].payment_terms.as_deref(),
        Some("The Trust will pay the Centre £150 for each advisory review.")
    );
    assert_eq!(
        r.places
            .get("/partners/0/payment_terms")
            .map(String::as_str),
        Some("paragraph 7")
    );
}
