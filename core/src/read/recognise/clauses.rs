//! A partnership agreement's clauses: the sentences that say how its
//! community partner is paid, how decisions are made and how the partner is
//! credited, read into the partner's `payment_terms`, `decision_process` and
//! `credit` so the partnership rules judge what the agreement says.
//!
//! Precision over recall: a sentence is given to a partner only when the
//! agreement has one community partner and the sentence names no other, or
//! when it names that partner alone; a paying sentence only when it reads
//! as terms (an amount, a timing, an invoice) and not as paying someone else
//! ("the Trust will pay its own staff").

use std::collections::BTreeMap;

use super::Recognition;
use super::sections::SectionOrigins;
use super::vocabulary::{ClauseWords, Vocabulary, contains_whole, first_whole};
use crate::model::{Draft, DraftKind, Partner, Section};
use crate::read::document::Source;

/// A sentence read for a partner's field, and where it was read.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Read {
    pub text: String,
    pub source: Source,
    /// "paragraph 7", or "paragraph 7, character 41" for a sentence that
    /// does not start its paragraph.
    pub place: String,
}

/// What the agreement's text says for one partner.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct PartnerClauses {
    pub payment_terms: Option<Read>,
    pub decision_process: Option<Read>,
    pub credit: Option<Read>,
}

/// Active forms of paying: the one before them pays, not is paid.
const ACTIVE_PAYING: [&str; 3] = ["pay", "pays", "paying"];

impl Recognition {
    /// Checks the document as `kind`, whatever recognition guessed (the
    /// command's `--kind`). Made a partnership agreement, its clauses are
    /// read into its partners as they are for one recognised as such.
    pub fn set_kind(&mut self, kind: DraftKind, vocabulary: &Vocabulary) {
        self.draft.kind = kind;
        if kind == DraftKind::PartnershipAgreement {
            let words = &vocabulary.agreement_clauses;
            fill(
                &mut self.draft,
                &self.origins,
                words,
                &mut self.places,
                &mut self.sources,
            );
        }
    }
}

/// Fills each partner's unset `payment_terms`, `decision_process` and
/// `credit` from the draft's section text, and records where each was read
/// at `/partners/i/<field>` in `places` and `sources`.
pub(super) fn fill(
    draft: &mut Draft,
    origins: &[SectionOrigins],
    words: &ClauseWords,
    places: &mut BTreeMap<String, String>,
    sources: &mut BTreeMap<String, Source>,
) {
    let read = read(&draft.sections, origins, &draft.partners, words);
    for (i, (partner, clauses)) in draft.partners.iter_mut().zip(read).enumerate() {
        let fields = [
            (
                "payment_terms",
                &mut partner.payment_terms,
                clauses.payment_terms,
            ),
            (
                "decision_process",
                &mut partner.decision_process,
                clauses.decision_process,
            ),
            ("credit", &mut partner.credit, clauses.credit),
        ];
        for (name, field, found) in fields {
            let Some(found) = found.filter(|_| field.is_none()) else {
                continue;
            };
            let pointer = format!("/partners/{i}/{name}");
            places.insert(pointer.clone(), found.place);
            sources.insert(pointer, found.source);
            *field = Some(found.text);
        }
    }
}

/// Per partner (in `partners`' order), the sentences of `sections` that say
/// how it is paid, how decisions are made and how it is credited; several
/// sentences for one field are joined, placed at the first.
pub(super) fn read(
    sections: &[Section],
    origins: &[SectionOrigins],
    partners: &[Partner],
    words: &ClauseWords,
) -> Vec<PartnerClauses> {
    let names = names(sections, partners);
    let mut found = vec![PartnerClauses::default(); partners.len()];
    for (section, origins) in sections.iter().zip(origins) {
        for stretch in &origins.text {
            let Some(text) = section.text.get(stretch.start..stretch.end) else {
                continue;
            };
            for (start, sentence) in sentences(text) {
                let lower = sentence.to_lowercase();
                let Some(i) = whose(&lower, &names) else {
                    continue;
                };
                let read = || Read {
                    text: sentence.to_owned(),
                    source: stretch.source.clone(),
                    place: place(&stretch.source, stretch.offset, &text[..start]),
                };
                let clauses = &mut found[i];
                if pays_partner(&lower, &names[i], words) {
                    add(&mut clauses.payment_terms, read());
                }
                if words.decision.iter().any(|w| contains_whole(&lower, w)) {
                    add(&mut clauses.decision_process, read());
                }
                if words.credit.iter().any(|w| contains_whole(&lower, w)) {
                    add(&mut clauses.credit, read());
                }
            }
        }
    }
    found
}

fn add(slot: &mut Option<Read>, read: Read) {
    match slot {
        Some(first) => {
            first.text.push(' ');
            first.text.push_str(&read.text);
        }
        None => *slot = Some(read),
    }
}

/// The partner a sentence is about: the one it names, when it names one;
/// the only partner, when it names none.
fn whose(lower: &str, names: &[Vec<String>]) -> Option<usize> {
    let named: Vec<usize> = (0..names.len())
        .filter(|&i| names[i].iter().any(|n| contains_whole(lower, n)))
        .collect();
    match named.as_slice() {
        [one] => Some(*one),
        [] if names.len() == 1 => Some(0),
        _ => None,
    }
}

/// True when a sentence sets out paying the partner: a paying word, and an
/// amount or terms, with no sign it pays someone else or nothing, and not
/// with the partner named as the one who pays.
fn pays_partner(lower: &str, names: &[String], words: &ClauseWords) -> bool {
    let has = |list: &[String]| list.iter().any(|w| contains_whole(lower, w));
    if !has(&words.payment) || has(&words.not_to_partner) {
        return false;
    }
    if !has(&words.payment_terms) && !has_amount(lower) {
        return false;
    }
    let first_paying = ACTIVE_PAYING
        .iter()
        .filter_map(|w| first_whole(lower, w))
        .min();
    let partner_pays = first_paying.is_some_and(|at| {
        names
            .iter()
            .any(|n| first_whole(lower, n).is_some_and(|i| i < at))
    });
    !partner_pays
}

/// "£150", "£ 1,200".
fn has_amount(lower: &str) -> bool {
    lower.match_indices('£').any(|(i, _)| {
        lower[i + '£'.len_utf8()..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    })
}

/// Each partner's names, lower case: its own, and a short name the
/// agreement defines for it ("Rainbow Health Collective (“the
/// Collective”)") that no other partner's name contains.
fn names(sections: &[Section], partners: &[Partner]) -> Vec<Vec<String>> {
    let full: Vec<String> = partners.iter().map(|p| p.name.to_lowercase()).collect();
    full.iter()
        .enumerate()
        .map(|(i, name)| {
            let mut names = vec![name.clone()];
            for section in sections {
                let lower = section.text.to_lowercase();
                for short in defined_short_names(&lower, name) {
                    let elsewhere = full
                        .iter()
                        .enumerate()
                        .any(|(j, other)| j != i && contains_whole(other, &short));
                    if !elsewhere && !names.contains(&short) {
                        names.push(short);
                    }
                }
            }
            names
        })
        .collect()
}

/// The short names `lower` defines for `name` in brackets just after it:
/// `name ("the centre")`, `name (the “centre”)`, `name (hereafter "centre")`.
fn defined_short_names(lower: &str, name: &str) -> Vec<String> {
    const QUOTES: &[char] = &['"', '\'', '“', '”', '‘', '’'];
    let mut found = Vec::new();
    for (i, _) in lower.match_indices(name) {
        let after = lower[i + name.len()..].trim_start();
        let Some(inner) = after
            .strip_prefix('(')
            .and_then(|rest| rest.split_once(')'))
            .map(|(inner, _)| inner)
        else {
            continue;
        };
        let mut short = inner.trim();
        for lead in [
            "hereinafter",
            "hereafter",
            "referred to as",
            "called",
            "the",
        ] {
            short = short.strip_prefix(lead).unwrap_or(short).trim_start();
        }
        let short = short.trim_matches(|c: char| c.is_whitespace() || QUOTES.contains(&c));
        let short = short.strip_prefix("the ").unwrap_or(short).trim();
        if (2..=40).contains(&short.chars().count()) && !short.contains(['(', ')']) {
            found.push(short.to_owned());
        }
    }
    found
}

/// The sentences of one paragraph's text, with their byte offsets: a
/// sentence ends at ".", "!" or "?" followed by white space and a capital,
/// digit or bracket (so "£1.50" and "e.g. the" do not end one).
fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let rest = &text[i + c.len_utf8()..];
        let trimmed = rest.trim_start();
        let spaced = trimmed.len() < rest.len();
        let starts_new = trimmed
            .chars()
            .next()
            .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "(\"“‘'".contains(n));
        if spaced && starts_new {
            let end = i + c.len_utf8();
            push_sentence(&mut out, text, start, end);
            start = text.len() - trimmed.len();
        }
    }
    push_sentence(&mut out, text, start, text.len());
    out
}

fn push_sentence<'t>(out: &mut Vec<(usize, &'t str)>, text: &'t str, start: usize, end: usize) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push((start + lead, trimmed));
    }
}

/// Where a sentence is: its paragraph, and for a Word paragraph read whole
/// (`offset` 0) the character it starts at when not the first.
fn place(source: &Source, offset: usize, before: &str) -> String {
    let paragraph = source.place();
    match source {
        Source::Docx(_) if offset == 0 && !before.is_empty() => {
            format!("{paragraph}, character {}", before.chars().count() + 1)
        }
        _ => paragraph,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::document::{DocxPlace, Step};
    use crate::read::recognise::{TextOrigin, Vocabulary};

    /// One section whose text is `paragraphs`, each read from a body paragraph.
    fn agreement(paragraphs: &[&str]) -> (Vec<Section>, Vec<SectionOrigins>) {
        let mut text = String::new();
        let mut origins = SectionOrigins::default();
        for (i, paragraph) in paragraphs.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            let start = text.len();
            text.push_str(paragraph);
            origins.text.push(TextOrigin {
                start,
                end: text.len(),
                source: Source::Docx(DocxPlace {
                    path: vec![Step::Paragraph(i)],
                }),
                offset: 0,
            });
        }
        let section = Section {
            id: "a".into(),
            heading: "Terms".into(),
            text,
        };
        (vec![section], vec![origins])
    }

    fn partner(name: &str) -> Partner {
        Partner {
            name: name.into(),
            lgbtq_led: false,
            partner_lead: None,
            our_lead: None,
            payment_terms: None,
            decision_process: None,
            credit: None,
        }
    }

    fn read_for(paragraphs: &[&str], partners: &[&str]) -> Vec<PartnerClauses> {
        read_with(paragraphs, partners, Vocabulary::built_in())
    }

    fn read_with(
        paragraphs: &[&str],
        partners: &[&str],
        vocabulary: &Vocabulary,
    ) -> Vec<PartnerClauses> {
        let (sections, origins) = agreement(paragraphs);
        let partners: Vec<Partner> = partners.iter().map(|n| partner(n)).collect();
        read(
            &sections,
            &origins,
            &partners,
            &vocabulary.agreement_clauses,
        )
    }

    fn text(read: &Option<Read>) -> Option<&str> {
        read.as_ref().map(|r| r.text.as_str())
    }

    #[test]
    fn one_partner_gets_the_paying_deciding_and_crediting_sentences() {
        let found = read_for(
            &[
                "The partners will jointly run a monthly drop-in.",
                "The Trust will provide two clinicians. The Trust will pay the Centre £150 for each advisory review.",
                "Changes to the materials are agreed by both partners at the steering group.",
                "The Centre will be credited as co-designer on every leaflet.",
                "We welcome feedback from the Centre on the leaflets.",
            ],
            &["Northfield LGBTQ+ Community Centre"],
        );
        let centre = &found[0];
        let payment = centre.payment_terms.as_ref().expect("payment terms");
        assert_eq!(
            payment.text,
            "The Trust will pay the Centre £150 for each advisory review."
        );
        // Not the paragraph's first sentence: placed at its first character.
        assert_eq!(payment.place, "paragraph 2, character 40");
        assert_eq!(
            text(&centre.decision_process),
            Some("Changes to the materials are agreed by both partners at the steering group.")
        );
        assert_eq!(
            centre.decision_process.as_ref().map(|r| r.place.as_str()),
            Some("paragraph 3")
        );
        assert_eq!(
            text(&centre.credit),
            Some("The Centre will be credited as co-designer on every leaflet.")
        );
    }

    #[test]
    fn paying_someone_else_or_nothing_is_not_the_partner_s_terms() {
        let found = read_for(
            &[
                "The Trust will pay its own staff.",
                "The Trust will pay its own staff £200 per day.",
                "Volunteers will not be paid.",
                "The Centre will pay volunteers' travel within 14 days.",
                "Fees for the room are covered.",
                "The Trust pays for parking.",
            ],
            &["Northfield LGBTQ+ Community Centre"],
        );
        assert_eq!(found[0], PartnerClauses::default());
    }

    #[test]
    fn with_two_partners_only_a_sentence_naming_one_is_given_to_it() {
        let partners = ["Rainbow Health Collective", "Eastshire Carers Trust"];
        let found = read_for(
            &[
                "The Trust will pay each partner £150 per session, monthly in advance.",
                "Decisions are made by the steering group.",
                "Rainbow Health Collective (“the Collective”) leads outreach.",
                "The Collective will be paid £300 per month in advance.",
                "Eastshire Carers Trust will pay the venue £50 per session.",
                "Both partners will be named as co-designers on all materials.",
            ],
            &partners,
        );
        assert_eq!(
            text(&found[0].payment_terms),
            Some("The Collective will be paid £300 per month in advance.")
        );
        assert_eq!(found[0].decision_process, None);
        assert_eq!(found[0].credit, None);
        // The carers trust is named as the one who pays, not who is paid.
        assert_eq!(found[1], PartnerClauses::default());
    }

    #[test]
    fn a_rule_pack_teaches_its_own_paying_word() {
        let clause = ["An honorarium of £50 per session goes to the Centre."];
        let partners = ["Northfield LGBTQ+ Community Centre"];
        assert_eq!(read_for(&clause, &partners)[0].payment_terms, None);
        let extra: Vocabulary =
            serde_json::from_str(r#"{"agreement_clauses": {"payment": ["honorarium"]}}"#).unwrap();
        let taught = Vocabulary::built_in().extended_by(&extra);
        let found = read_with(&clause, &partners, &taught);
        assert_eq!(text(&found[0].payment_terms), Some(clause[0]));
    }

    #[test]
    fn sentences_end_at_a_stop_before_a_capital_not_inside_an_amount() {
        let text = "Paid £1.50 per mile, e.g. for travel. Then (2) more. End";
        let found: Vec<&str> = sentences(text).into_iter().map(|(_, s)| s).collect();
        assert_eq!(
            found,
            [
                "Paid £1.50 per mile, e.g. for travel.",
                "Then (2) more.",
                "End"
            ]
        );
    }
}
