//! The document-control table trust templates open with (owner, version,
//! approval and review dates), into the draft's owner and dates; and dates
//! as people write them ("14 March 2026", "01/09/2026", "March 2029").

use super::vocabulary::{Vocabulary, any_word};
use crate::date::Date;
use crate::model::{Draft, Eia};
use crate::read::document::Table;

/// Reads a key/value table (two cells a row, or `<th>` keys) into the
/// draft's owner and dates. True when at least two keys were recognised.
pub(super) fn read(
    table: &Table,
    vocabulary: &Vocabulary,
    draft: &mut Draft,
    eia: &mut Eia,
) -> bool {
    let keys = &vocabulary.control_keys;
    let mut recognised = 0;
    for row in &table.rows {
        let cells: Vec<String> = row.cells.iter().map(|c| c.text()).collect();
        let [key, value, ..] = cells.as_slice() else {
            continue;
        };
        let key = key.trim().trim_end_matches(':').to_lowercase();
        let value = value.trim();
        if key.is_empty() || value.is_empty() || key.len() > 40 {
            continue;
        }
        if any_word(&key, &keys.review) {
            if let Some(date) = parse_date(value) {
                draft.dates.review = Some(date);
            }
            recognised += 1;
        } else if any_word(&key, &keys.version) {
            recognised += 1;
        } else if any_word(&key, &keys.owner) {
            if key.contains("assessor") {
                eia.assessor.get_or_insert_with(|| value.to_owned());
            }
            draft.owner.get_or_insert_with(|| value.to_owned());
            recognised += 1;
        } else if any_word(&key, &keys.decision) {
            if let Some(date) = parse_date(value) {
                draft.dates.decision.get_or_insert(date.clone());
                if key.contains("assess") || key.contains("complet") {
                    eia.completed_on.get_or_insert(date);
                }
                recognised += 1;
            } else if key.contains("approv") || key.contains("ratif") {
                recognised += 1;
            }
        }
    }
    recognised >= 2
}

/// "Screened by: …", "Lead assessor: …", "Assessor: …" in a line of text.
pub(super) fn assessor_in_line(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    for cue in [
        "lead assessor:",
        "assessor:",
        "screened by:",
        "assessed by:",
        "completed by:",
    ] {
        if let Some(i) = lower.find(cue) {
            let rest = text[i + cue.len()..].trim();
            let value = rest
                .split(['\n', ';'])
                .next()
                .unwrap_or("")
                .trim()
                .trim_end_matches('.');
            if !value.is_empty() {
                return Some(value.to_owned());
            }
        }
    }
    None
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A date as people write it in UK documents; a month and year alone is the
/// first of that month. `None` when no date is found.
pub(crate) fn parse_date(text: &str) -> Option<Date> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        if let Ok(date) = Date::parse(word) {
            return Some(date);
        }
        if let Some(date) = numeric(word) {
            return Some(date);
        }
        if let Some(month) = month_of(word)
            && let Some(year) = words.get(i + 1).and_then(|y| year_of(y))
        {
            let day = i
                .checked_sub(1)
                .and_then(|j| {
                    words[j]
                        .trim_end_matches(|c: char| c.is_alphabetic())
                        .parse::<u32>()
                        .ok()
                })
                .filter(|d| (1..=31).contains(d))
                .unwrap_or(1);
            return Date::parse(&format!("{year:04}-{month:02}-{day:02}")).ok();
        }
    }
    None
}

fn numeric(word: &str) -> Option<Date> {
    let parts: Vec<&str> = word.split(['/', '.', '-']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let (d, m): (u32, u32) = (d.parse().ok()?, m.parse().ok()?);
    let y = year_of(y)?;
    Date::parse(&format!("{y:04}-{m:02}-{d:02}")).ok()
}

fn month_of(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    if lower.len() < 3 || !lower.chars().all(char::is_alphabetic) {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS
        .iter()
        .zip(full)
        .position(|(short, long)| {
            lower == *short || lower == long || (lower.len() >= 4 && long.starts_with(&lower))
        })
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn year_of(word: &str) -> Option<u32> {
    let trimmed = word.trim_end_matches(['.', ')']);
    let year: u32 = trimmed.parse().ok()?;
    match trimmed.len() {
        4 if (1900..=2200).contains(&year) => Some(year),
        2 => Some(2000 + year),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_written_in_uk_documents() {
        let cases = [
            ("14 March 2026", "2026-03-14"),
            ("01/09/2026", "2026-09-01"),
            ("March 2029", "2029-03-01"),
            ("Review: 3rd June 2025", "2025-06-03"),
            ("2026-01-20", "2026-01-20"),
        ];
        for (text, want) in cases {
            assert_eq!(
                parse_date(text).map(|d| d.to_string()).as_deref(),
                Some(want),
                "{text}"
            );
        }
        assert_eq!(parse_date("31/02/2026"), None);
        assert_eq!(parse_date("Head of Workforce"), None);
    }
}
