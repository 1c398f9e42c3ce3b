//! The words recognition looks for, as data: built in from
//! `vocabulary.json`, and replaceable so a trust can teach its own template.

use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{DraftKind, Group};
use crate::text::is_whole_word;

/// Words that recognise characteristics, impact columns, action and
/// document-control tables, and document kinds. Matching is case-insensitive,
/// from the start of a word; lists are tried in order, so put specific words
/// first. In a rule pack (`options.recognise`) every list is optional and
/// its words are tried before the built-in ones.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Vocabulary {
    /// Characteristic rows: the first entry with a word in the row's label wins.
    pub groups: Vec<GroupWords>,
    pub impacts: ImpactWords,
    /// Column headers for evidence or comments.
    pub evidence_headers: Vec<String>,
    /// Column headers for the characteristic column.
    pub characteristic_headers: Vec<String>,
    pub action_headers: ActionHeaders,
    pub control_keys: ControlKeys,
    /// Column headers of signature tables (sign-off grids, the parties to an agreement).
    pub signature_headers: SignatureHeaders,
    /// Words in an organisation's name that make it the NHS body writing the
    /// document, not a community partner ("NHS", "integrated care board").
    pub own_organisation: Vec<String>,
    /// Words that find an agreement's clauses on payment, decisions and credit.
    pub agreement_clauses: ClauseWords,
    /// Words in a field's nearby text saying answering is optional.
    pub optional_cues: Vec<String>,
    /// Kinds recognised from the title (then headings), in order.
    pub kinds: Vec<KindWords>,
    /// Words that make a document a policy.
    pub policy_words: Vec<String>,
    /// Words in a policy's title or headings that make it clinical, not workforce.
    pub clinical_words: Vec<String>,
}

/// Words for one characteristic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupWords {
    pub group: Group,
    pub words: Vec<String>,
}

/// Words for one document kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KindWords {
    pub kind: DraftKind,
    pub words: Vec<String>,
}

/// Impact column headers and impact words.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ImpactWords {
    pub positive: Vec<String>,
    pub negative: Vec<String>,
    pub neutral: Vec<String>,
}

/// Action table column headers.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ActionHeaders {
    pub action: Vec<String>,
    pub owner: Vec<String>,
    pub due: Vec<String>,
    pub measure: Vec<String>,
}

/// Document-control table keys.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ControlKeys {
    pub owner: Vec<String>,
    pub version: Vec<String>,
    pub decision: Vec<String>,
    pub review: Vec<String>,
    /// Keys naming who signed an assessment off ("Approved by"), read as
    /// its sign-off when the table follows the assessment's grid.
    pub sign_off: Vec<String>,
}

/// Signature table column headers ("Partner | Name | Role | Signature | Date").
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct SignatureHeaders {
    /// The organisation signed for.
    pub organisation: Vec<String>,
    /// The signatory's name.
    pub name: Vec<String>,
    /// Their role.
    pub role: Vec<String>,
    /// The signature itself.
    pub signature: Vec<String>,
    /// When they signed.
    pub date: Vec<String>,
}

/// Words that find the sentences of a partnership agreement saying how its
/// community partner is paid, how decisions are made and how the partner is
/// credited. Unlike the other lists these match whole words and phrases
/// ("fee" is not "feedback"), so list each form of a word.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ClauseWords {
    /// Paying words ("pay", "paid", "invoice", "fee").
    pub payment: Vec<String>,
    /// Words that make a paying sentence terms ("per", "monthly", "within",
    /// "invoice"); an amount in pounds does too.
    pub payment_terms: Vec<String>,
    /// Words that make a paying sentence about someone other than the
    /// partner, or about not paying ("its own", "volunteers", "unpaid").
    pub not_to_partner: Vec<String>,
    /// How decisions are made ("decisions", "steering group", "agreed by both").
    pub decision: Vec<String>,
    /// How the partner is credited ("credited", "named as", "logo").
    pub credit: Vec<String>,
}

const BUILT_IN: &str = include_str!("vocabulary.json");

impl Vocabulary {
    /// The vocabulary shipped with dueregard.
    pub fn built_in() -> &'static Vocabulary {
        static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
        VOCABULARY.get_or_init(|| {
            // The file is part of the crate and tested below; a broken edit fails the build's tests.
            serde_json::from_str(BUILT_IN).unwrap_or_else(|e| panic!("vocabulary.json: {e}"))
        })
    }

    /// This vocabulary with `extra`'s words tried first.
    pub fn extended_by(&self, extra: &Vocabulary) -> Vocabulary {
        fn join<T: Clone>(first: &[T], then: &[T]) -> Vec<T> {
            first.iter().chain(then).cloned().collect()
        }
        Vocabulary {
            groups: join(&extra.groups, &self.groups),
            impacts: ImpactWords {
                positive: join(&extra.impacts.positive, &self.impacts.positive),
                negative: join(&extra.impacts.negative, &self.impacts.negative),
                neutral: join(&extra.impacts.neutral, &self.impacts.neutral),
            },
            evidence_headers: join(&extra.evidence_headers, &self.evidence_headers),
            characteristic_headers: join(
                &extra.characteristic_headers,
                &self.characteristic_headers,
            ),
            action_headers: ActionHeaders {
                action: join(&extra.action_headers.action, &self.action_headers.action),
                owner: join(&extra.action_headers.owner, &self.action_headers.owner),
                due: join(&extra.action_headers.due, &self.action_headers.due),
                measure: join(&extra.action_headers.measure, &self.action_headers.measure),
            },
            control_keys: ControlKeys {
                owner: join(&extra.control_keys.owner, &self.control_keys.owner),
                version: join(&extra.control_keys.version, &self.control_keys.version),
                decision: join(&extra.control_keys.decision, &self.control_keys.decision),
                review: join(&extra.control_keys.review, &self.control_keys.review),
                sign_off: join(&extra.control_keys.sign_off, &self.control_keys.sign_off),
            },
            signature_headers: SignatureHeaders {
                organisation: join(
                    &extra.signature_headers.organisation,
                    &self.signature_headers.organisation,
                ),
                name: join(&extra.signature_headers.name, &self.signature_headers.name),
                role: join(&extra.signature_headers.role, &self.signature_headers.role),
                signature: join(
                    &extra.signature_headers.signature,
                    &self.signature_headers.signature,
                ),
                date: join(&extra.signature_headers.date, &self.signature_headers.date),
            },
            own_organisation: join(&extra.own_organisation, &self.own_organisation),
            agreement_clauses: ClauseWords {
                payment: join(
                    &extra.agreement_clauses.payment,
                    &self.agreement_clauses.payment,
                ),
                payment_terms: join(
                    &extra.agreement_clauses.payment_terms,
                    &self.agreement_clauses.payment_terms,
                ),
                not_to_partner: join(
                    &extra.agreement_clauses.not_to_partner,
                    &self.agreement_clauses.not_to_partner,
                ),
                decision: join(
                    &extra.agreement_clauses.decision,
                    &self.agreement_clauses.decision,
                ),
                credit: join(
                    &extra.agreement_clauses.credit,
                    &self.agreement_clauses.credit,
                ),
            },
            optional_cues: join(&extra.optional_cues, &self.optional_cues),
            kinds: join(&extra.kinds, &self.kinds),
            policy_words: join(&extra.policy_words, &self.policy_words),
            clinical_words: join(&extra.clinical_words, &self.clinical_words),
        }
    }

    /// The characteristic a row label names, if any.
    pub fn group_for(&self, label: &str) -> Option<Group> {
        let lower = format!(" {} ", label.to_lowercase());
        self.groups
            .iter()
            .find(|g| g.words.iter().any(|w| contains_word(&lower, w)))
            .map(|g| g.group)
    }
}

/// True when `word` occurs in `lower` starting at a word boundary ("age" in
/// "Age" and "age group", not in "marriage").
pub(crate) fn contains_word(lower: &str, word: &str) -> bool {
    let word = word.to_lowercase();
    lower.match_indices(word.as_str()).any(|(i, _)| {
        i == 0
            || !lower[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    })
}

/// True when `phrase` occurs in `lower` as whole words ("fee" in "a fee.",
/// not in "feedback").
pub(crate) fn contains_whole(lower: &str, phrase: &str) -> bool {
    first_whole(lower, &phrase.to_lowercase()).is_some()
}

/// The byte offset of the first whole-word `phrase` (already lower case) in `lower`.
pub(crate) fn first_whole(lower: &str, phrase: &str) -> Option<usize> {
    lower
        .match_indices(phrase)
        .map(|(i, _)| i)
        .find(|&i| is_whole_word(lower, i, i + phrase.len()))
}

/// True when any of `words` starts a word in `text`.
pub(crate) fn any_word(text: &str, words: &[String]) -> bool {
    let lower = text.to_lowercase();
    words.iter().any(|w| contains_word(&lower, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_vocabulary_parses_and_matches_labels_as_written() {
        let v = Vocabulary::built_in();
        let cases = [
            ("Gender (Male, Female and Transsexual)", Group::Sex),
            (
                "Transgender / gender reassignment",
                Group::GenderReassignment,
            ),
            (
                "Marriage & civil partnership",
                Group::MarriageAndCivilPartnership,
            ),
            ("Race (including Gypsy, Roma and Traveller)", Group::Race),
            ("Carers", Group::Carers),
            ("Armed forces veterans", Group::Veterans),
            ("Deprivation (Core20PLUS5)", Group::Deprivation),
            (
                "Sexual orientation (lesbian, gay, bisexual)",
                Group::SexualOrientation,
            ),
            ("Age", Group::Age),
        ];
        for (label, group) in cases {
            assert_eq!(v.group_for(label), Some(group), "{label}");
        }
        assert_eq!(v.group_for("Signature"), None);
    }

    #[test]
    fn a_pack_teaches_its_own_label() {
        let extra: Vocabulary = serde_json::from_str(
            r#"{"groups": [{"group": "inclusion_health", "words": ["rough sleepers"]}]}"#,
        )
        .unwrap();
        assert_eq!(Vocabulary::built_in().group_for("Rough sleepers"), None);
        let v = Vocabulary::built_in().extended_by(&extra);
        assert_eq!(v.group_for("Rough sleepers"), Some(Group::InclusionHealth));
        assert_eq!(
            v.group_for("Age"),
            Some(Group::Age),
            "built-in words still apply"
        );
    }
}
