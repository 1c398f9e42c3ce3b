//! Who signed: an assessment's sign-off ("Approved by / Role / Date" as
//! keys and values, or a "Name | Role | Signature | Date" grid), and the
//! parties to an agreement ("Partner | Name | Role | Signature | Date").

use super::document_control::parse_date;
use super::eia_table::cell_at;
use super::vocabulary::{Vocabulary, any_word};
use crate::date::Date;
use crate::model::{Partner, SignOff};
use crate::read::document::Table;

/// One row of a signature grid.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Signatory {
    /// The organisation signed for, when the grid has a column for it.
    pub organisation: Option<String>,
    pub name: String,
    pub role: Option<String>,
    pub date: Option<Date>,
    /// The 0-based row it was read from.
    pub row: usize,
}

impl Signatory {
    pub fn sign_off(&self) -> SignOff {
        SignOff {
            name: self.name.clone(),
            role: self.role.clone(),
            date: self.date.clone(),
        }
    }

    /// "J. Rees, Chair of Trustees".
    fn lead(&self) -> String {
        match &self.role {
            Some(role) => format!("{}, {role}", self.name),
            None => self.name.clone(),
        }
    }
}

/// Grid columns of a signature table's header.
#[derive(Default)]
struct Columns {
    organisation: Option<usize>,
    name: Option<usize>,
    role: Option<usize>,
    signature: Option<usize>,
    date: Option<usize>,
}

/// Reads a grid whose header names a signatory column and a signature,
/// role or organisation column; `None` when `table` is not one, or no row
/// under the header names anyone.
pub(super) fn grid(table: &Table, vocabulary: &Vocabulary) -> Option<Vec<Signatory>> {
    let (header_at, columns) = table
        .rows
        .iter()
        .take(2)
        .enumerate()
        .find_map(|(i, row)| header_columns(row, vocabulary).map(|c| (i, c)))?;
    let name_col = columns.name?;
    let mut signatories = Vec::new();
    for row in table.rows.iter().skip(header_at + 1) {
        let cell = |col: Option<usize>| {
            col.and_then(|c| cell_at(row, c))
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty())
        };
        let Some(name) = cell(Some(name_col)) else {
            continue;
        };
        signatories.push(Signatory {
            organisation: cell(columns.organisation),
            name,
            role: cell(columns.role),
            date: cell(columns.date).and_then(|d| parse_date(&d)),
            row: row.index,
        });
    }
    (!signatories.is_empty()).then_some(signatories)
}

fn header_columns(row: &crate::read::document::Row, vocabulary: &Vocabulary) -> Option<Columns> {
    let words = &vocabulary.signature_headers;
    let mut columns = Columns::default();
    let mut start = 0;
    for cell in &row.cells {
        let text = cell.text().to_lowercase();
        let at = start;
        start += usize::try_from(cell.span.max(1)).unwrap_or(1);
        if text.trim().is_empty() || text.chars().count() > 40 {
            continue;
        }
        // Most specific first: "Name of organisation" is the organisation.
        let slot = if any_word(&text, &words.signature) {
            &mut columns.signature
        } else if any_word(&text, &words.date) {
            &mut columns.date
        } else if any_word(&text, &words.role) {
            &mut columns.role
        } else if any_word(&text, &words.organisation) {
            &mut columns.organisation
        } else if any_word(&text, &words.name) {
            &mut columns.name
        } else {
            continue;
        };
        slot.get_or_insert(at);
    }
    let named = columns.name.is_some();
    let signed = columns.signature.is_some() || columns.role.is_some();
    (named && signed).then_some(columns)
}

/// The partners a signature grid names: each organisation that is not the
/// NHS body itself, with its signatory as its lead and ours as our lead.
/// Each comes with the row it was read from; empty when the grid names no
/// organisations.
pub(super) fn partners(
    signatories: &[Signatory],
    vocabulary: &Vocabulary,
) -> Vec<(Partner, usize)> {
    let ours = |s: &&Signatory| {
        s.organisation
            .as_deref()
            .is_some_and(|o| any_word(o, &vocabulary.own_organisation))
    };
    let our_lead = signatories.iter().find(ours).map(Signatory::lead);
    let mut partners: Vec<(Partner, usize)> = Vec::new();
    for signatory in signatories.iter().filter(|s| !ours(s)) {
        let Some(organisation) = &signatory.organisation else {
            continue;
        };
        if partners.iter().any(|(p, _)| &p.name == organisation) {
            continue;
        }
        partners.push((
            Partner {
                name: organisation.clone(),
                lgbtq_led: false,
                partner_lead: Some(signatory.lead()),
                our_lead: our_lead.clone(),
                payment_terms: None,
                decision_process: None,
                credit: None,
            },
            signatory.row,
        ));
    }
    partners
}

/// A sign-off written as keys and values ("Approved by | Director of
/// Community Services", "Role | …", "Date | 20 January 2026"), with the row
/// of the sign-off key; `None` when no key names who signed.
pub(super) fn sign_off_keys(table: &Table, vocabulary: &Vocabulary) -> Option<(SignOff, usize)> {
    let keys = &vocabulary.control_keys;
    let headers = &vocabulary.signature_headers;
    let mut found: Option<(SignOff, usize)> = None;
    for row in &table.rows {
        let cells: Vec<String> = row.cells.iter().map(|c| c.text()).collect();
        let [key, value, ..] = cells.as_slice() else {
            continue;
        };
        let key = key.trim().trim_end_matches(':').to_lowercase();
        let value = value.trim();
        if key.is_empty() || value.is_empty() || key.chars().count() > 40 {
            continue;
        }
        match &mut found {
            None if any_word(&key, &keys.sign_off) && parse_date(value).is_none() => {
                found = Some((
                    SignOff {
                        name: value.to_owned(),
                        role: None,
                        date: None,
                    },
                    row.index,
                ));
            }
            Some((sign_off, _)) if any_word(&key, &headers.role) => {
                sign_off.role.get_or_insert_with(|| value.to_owned());
            }
            Some((sign_off, _))
                if any_word(&key, &headers.date) && !any_word(&key, &keys.review) =>
            {
                if let Some(date) = parse_date(value) {
                    sign_off.date.get_or_insert(date);
                }
            }
            _ => {}
        }
    }
    found
}

impl super::State {
    /// A signature grid: the parties to an agreement become its partners;
    /// after the assessment's grid, the first signatory is its sign-off.
    /// True when it placed either.
    pub(super) fn read_signatures(&mut self, table: &Table, vocabulary: &Vocabulary) -> bool {
        let Some(signatories) = grid(table, vocabulary) else {
            return false;
        };
        let partners = partners(&signatories, vocabulary);
        if !partners.is_empty() {
            for (partner, row) in partners {
                self.place_row(
                    format!("/partners/{}", self.draft.partners.len()),
                    table,
                    row,
                );
                self.draft.partners.push(partner);
            }
            return true;
        }
        if self.eia.groups.is_empty() || self.eia.sign_off.is_some() {
            return false;
        }
        let first = &signatories[0];
        self.place_row("/eia/sign_off".to_owned(), table, first.row);
        self.eia.sign_off = Some(first.sign_off());
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::recognise::test_tables::table;

    #[test]
    fn a_sign_off_written_as_keys_names_who_role_and_when() {
        let v = Vocabulary::built_in();
        let t = table(
            &[
                &["Signed off by:", "Priya Shah"],
                &["Job title", "Director of Nursing"],
                &["Date of sign-off", "3 March 2026"],
                &["Review date", "March 2027"],
            ],
            false,
        );
        let (sign_off, row) = sign_off_keys(&t, v).expect("a sign-off");
        assert_eq!(row, 0);
        assert_eq!(sign_off.name, "Priya Shah");
        assert_eq!(sign_off.role.as_deref(), Some("Director of Nursing"));
        assert_eq!(
            sign_off.date.map(|d| d.to_string()).as_deref(),
            Some("2026-03-03")
        );
        // A control table without an approver is no sign-off.
        let control = table(&[&["Version", "2.0"], &["Review date", "June 2027"]], false);
        assert_eq!(sign_off_keys(&control, v), None);
    }

    #[test]
    fn a_signature_grid_names_its_signatories() {
        let v = Vocabulary::built_in();
        let t = table(
            &[
                &["Name", "Designation", "Signature", "Date"],
                &["Sam Lee", "Deputy Director", "", "01/02/2026"],
            ],
            true,
        );
        let read = grid(&t, v).expect("a grid");
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].sign_off().name, "Sam Lee");
        assert_eq!(read[0].role.as_deref(), Some("Deputy Director"));
        assert_eq!(read[0].row, 1);
        // An action table is not a signature grid.
        let actions = table(
            &[&["Action", "Owner", "Date"], &["Do it", "Lead", "May 2026"]],
            true,
        );
        assert_eq!(grid(&actions, v), None);
    }

    #[test]
    fn the_parties_to_an_agreement_are_its_partners_but_not_the_nhs_body() {
        let v = Vocabulary::built_in();
        let t = table(
            &[
                &["Organisation", "Signed by", "Position", "Signature", "Date"],
                &[
                    "Eastshire Integrated Care Board",
                    "K. Patel",
                    "Head of Commissioning",
                    "",
                    "",
                ],
                &["Trans Voices Eastshire", "R. Moss", "Coordinator", "", ""],
                &[
                    "Eastshire Carers Trust",
                    "L. Diaz",
                    "Chief Executive",
                    "",
                    "",
                ],
            ],
            true,
        );
        let partners = partners(&grid(&t, v).expect("a grid"), v);
        let names: Vec<&str> = partners.iter().map(|(p, _)| p.name.as_str()).collect();
        assert_eq!(names, ["Trans Voices Eastshire", "Eastshire Carers Trust"]);
        assert_eq!(
            partners[0].0.partner_lead.as_deref(),
            Some("R. Moss, Coordinator")
        );
        assert_eq!(
            partners[0].0.our_lead.as_deref(),
            Some("K. Patel, Head of Commissioning")
        );
        assert_eq!(partners[1].1, 3);
    }
}
