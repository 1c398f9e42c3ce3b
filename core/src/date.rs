//! Calendar dates as `YYYY-MM-DD`, checked on input.
//!
//! Kept as the validated string: ISO dates compare correctly as text, and the
//! engine never needs date arithmetic, so no date crate is needed.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

/// A valid calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[schemars(transparent)]
pub struct Date(#[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))] String);

impl Date {
    /// Parses `YYYY-MM-DD`, rejecting impossible dates such as `2026-02-30`.
    pub fn parse(text: &str) -> Result<Date, String> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(format!(
                "expected a date written YYYY-MM-DD, found {text:?}"
            ));
        }
        let number = |range: std::ops::Range<usize>| -> u32 { text[range].parse().unwrap_or(0) };
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(format!("{text:?} has no month {month}")),
        };
        if day == 0 || day > days_in_month {
            return Err(format!("{text:?} has no day {day} in month {month}"));
        }
        Ok(Date(text.to_owned()))
    }

    /// The date as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn accepts_real_dates_and_orders_them() {
        let a = Date::parse("2024-02-29").unwrap();
        let b = Date::parse("2026-11-24").unwrap();
        assert!(a < b);
        assert_eq!(b.as_str(), "2026-11-24");
    }

    #[test]
    fn rejects_impossible_or_misshapen_dates() {
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-04-31",
            "24/11/2026",
            "2026-1-01",
            "",
            "2026-00-10",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad} should be rejected");
        }
    }
}
