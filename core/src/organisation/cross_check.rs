//! The self-assessment cross-check: each claim against what the documents
//! show, naming the documents (and the gaps) that contradict it.

use super::Doc;
use super::model::{Claim, CrossCheck, CrossCheckOutcome, OrganisationElement};
use crate::model::FrameworkStatus;
use crate::model::framework::SelfAssessment;

/// How many gap messages a contradicted claim quotes.
const QUOTED_GAPS: usize = 3;

pub(super) fn cross_check(
    claims: &[Claim],
    elements: &[OrganisationElement],
    docs: &[Doc<'_>],
) -> Vec<CrossCheck> {
    claims
        .iter()
        .filter_map(|claim| {
            let element = elements.iter().find(|e| e.id == claim.element)?;
            Some(check_one(claim, element, docs))
        })
        .collect()
}

fn check_one(claim: &Claim, element: &OrganisationElement, docs: &[Doc<'_>]) -> CrossCheck {
    use CrossCheckOutcome::*;
    use FrameworkStatus as F;
    let found = element.status;
    let outcome = match (claim.claimed, found) {
        (SelfAssessment::InPlace, F::InPlace) => Agrees,
        (SelfAssessment::InPlace, F::WorkInProgress | F::NotInPlace) => Contradicted,
        (SelfAssessment::InPlace, _) => NotShown,
        (SelfAssessment::WorkInProgress, F::WorkInProgress) => Agrees,
        (SelfAssessment::WorkInProgress, F::InPlace) => Understated,
        (SelfAssessment::WorkInProgress, F::NotInPlace) => Contradicted,
        (SelfAssessment::WorkInProgress, _) => NotShown,
        (SelfAssessment::NotInPlace, F::InPlace | F::WorkInProgress) => Understated,
        (SelfAssessment::NotInPlace, _) => Agrees,
    };
    let display = |label: &str| {
        docs.iter()
            .find(|d| d.label == label)
            .map_or_else(|| label.to_owned(), |d| d.display.clone())
    };
    let claimed = format!(
        "{} claimed {}",
        element.id,
        claim.claimed.label().to_lowercase()
    );
    let (documents, message) = match outcome {
        Contradicted => {
            let documents: Vec<String> = element
                .contradicted_by
                .iter()
                .map(|d| d.document.clone())
                .collect();
            // Per document, its gaps' messages (errors first), up to QUOTED_GAPS in all.
            let mut left = QUOTED_GAPS;
            let mut quoted = Vec::new();
            let mut shown = 0;
            for d in &element.contradicted_by {
                if left == 0 {
                    break;
                }
                let messages: Vec<&str> = d
                    .gaps
                    .iter()
                    .take(left)
                    .map(|g| g.message.as_str())
                    .collect();
                left -= messages.len();
                shown += messages.len();
                quoted.push(format!("{}: {}", display(&d.document), messages.join(" ")));
            }
            let total: usize = element.contradicted_by.iter().map(|d| d.gaps.len()).sum();
            let more = if total > shown {
                format!(" (and {} more)", total - shown)
            } else {
                String::new()
            };
            (documents, format!("{claimed}; {}{more}", quoted.join("; ")))
        }
        Agrees | Understated if found.has_evidence() => {
            let documents: Vec<String> = element
                .evidenced_by
                .iter()
                .map(|d| d.document.clone())
                .collect();
            let shown: Vec<String> = documents.iter().map(|d| display(d)).collect();
            let verb = if outcome == Agrees {
                "the documents agree"
            } else {
                "the documents show more"
            };
            (
                documents,
                format!(
                    "{claimed}; {verb}: {} in {}",
                    found.label().to_lowercase(),
                    shown.join(", ")
                ),
            )
        }
        Agrees => (
            element
                .contradicted_by
                .iter()
                .map(|d| d.document.clone())
                .collect(),
            format!(
                "{claimed}; the documents agree: {}",
                found.label().to_lowercase()
            ),
        ),
        NotShown | Understated => (
            Vec::new(),
            format!(
                "{claimed}; no document shows it ({})",
                found.label().to_lowercase()
            ),
        ),
    };
    CrossCheck {
        element: element.id.clone(),
        claimed: claim.claimed,
        found,
        agrees: outcome == Agrees,
        outcome,
        documents,
        message,
        note: claim.note.clone(),
    }
}
