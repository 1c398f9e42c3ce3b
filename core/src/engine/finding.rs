//! Building findings: the one place a finding gets its rule's metadata, its
//! location, its excerpt and its fingerprint.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::model::{
    Draft, Finding, Location, RuleOutcome, Severity, SharedList, SharedText, SourceRef,
};
use crate::rules::{RawFinding, RuleMeta};
use crate::text::{LineIndex, excerpt};

/// How much of the text around a finding its excerpt shows.
pub(crate) const EXCERPT_WIDTH: usize = 60;

/// A finding with the key that orders it in the report.
#[derive(Debug)]
pub(crate) struct Placed {
    /// (family of rule: 0 term, 1 structural, 2 section text; rule or text; position)
    pub order: (usize, usize, usize),
    pub review: bool,
    pub finding: Finding,
}

/// What every finding of one rule carries alike, built once when the engine
/// is compiled, so that building a finding copies pointers, not text.
#[derive(Debug, Clone)]
pub(crate) struct FindingMeta {
    pub rule: SharedText,
    pub name: SharedText,
    pub severity: Severity,
    pub advisory: bool,
    pub explanation: SharedText,
    pub elements: SharedList<String>,
    pub source: Arc<SourceRef>,
    pub help: SharedText,
}

impl FindingMeta {
    pub fn of(meta: &RuleMeta) -> Self {
        FindingMeta {
            rule: meta.id.as_str().into(),
            name: meta.name.as_str().into(),
            severity: meta.severity,
            advisory: meta.advisory,
            explanation: meta.rationale.as_str().into(),
            elements: meta.elements.as_slice().into(),
            source: Arc::new(meta.source.clone()),
            help: help_link(&meta.id).into(),
        }
    }
}

/// What every finding of one term rule's entry carries alike: the rule's
/// rationale followed by the entry's note, and the entry's suggestions.
#[derive(Debug, Clone)]
pub(crate) struct EntryShare {
    pub explanation: SharedText,
    pub suggestions: SharedList<String>,
}

impl EntryShare {
    pub fn of(meta: &FindingMeta, note: Option<&str>, suggestions: &[String]) -> Self {
        EntryShare {
            explanation: match note {
                Some(note) => format!("{} {note}", meta.explanation).into(),
                None => meta.explanation.clone(),
            },
            suggestions: suggestions.into(),
        }
    }
}

/// A finding with its rule's metadata filled in and nothing else: the caller
/// adds excerpt, suggestions and fix where it has them.
pub(crate) fn finding(
    meta: &FindingMeta,
    message: String,
    location: Location,
    fingerprint: SharedText,
) -> Finding {
    Finding {
        rule: meta.rule.clone(),
        name: meta.name.clone(),
        severity: meta.severity,
        message: message.into(),
        explanation: meta.explanation.clone(),
        elements: meta.elements.clone(),
        source: meta.source.clone(),
        help: meta.help.clone(),
        location,
        excerpt: None,
        suggestions: SharedList::default(),
        fix: None,
        also_matched: Vec::new(),
        waiver: None,
        fingerprint,
    }
}

/// A structural or section-text finding. `section` is the index of the
/// section the finding is in, when the caller knows it; otherwise it is read
/// from the finding's path.
pub(crate) fn structural_finding(
    draft: &Draft,
    meta: &FindingMeta,
    raw: RawFinding,
    section: Option<usize>,
    order: (usize, usize, usize),
    occurrence: usize,
) -> Placed {
    let RawFinding {
        path,
        message,
        review,
        suggestions,
        span,
    } = raw;
    let section = section
        .or_else(|| section_index(&path))
        .and_then(|i| draft.sections.get(i));
    // Fingerprints name a section by id, not position, so moving it keeps them.
    let anchor = match section {
        Some(s) => {
            let rest = path.splitn(4, '/').nth(3).unwrap_or("");
            format!("{}/{rest}", s.id)
        }
        None => path.clone(),
    };
    let text = section
        .filter(|_| path.ends_with("/text"))
        .map(|s| s.text.as_str());
    let (span, excerpt_text) = match (span, text) {
        (Some((start, end)), Some(text))
            if end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end) =>
        {
            (
                Some(LineIndex::new(text).span(start, end)),
                Some(excerpt(text, start, end, EXCERPT_WIDTH)),
            )
        }
        _ => (None, None),
    };
    let location = Location {
        path: path.into(),
        section: section.map(|s| s.id.as_str().into()),
        span,
        place: None,
    };
    let fingerprint = fingerprint(&[&meta.rule, &anchor, &occurrence.to_string()]);
    let mut finding = finding(meta, message, location, fingerprint);
    finding.excerpt = excerpt_text;
    finding.suggestions = suggestions.into();
    Placed {
        order,
        review: review || meta.advisory,
        finding,
    }
}

/// The section a JSON Pointer such as `/sections/3/text` points into.
fn section_index(path: &str) -> Option<usize> {
    path.strip_prefix("/sections/")?
        .split('/')
        .next()?
        .parse()
        .ok()
}

/// A pass or inapplicable outcome.
pub(crate) fn outcome(meta: &RuleMeta, reason: String) -> RuleOutcome {
    RuleOutcome {
        rule: meta.id.clone(),
        name: meta.name.clone(),
        elements: meta.elements.clone(),
        reason,
    }
}

fn help_link(id: &str) -> String {
    format!("docs/rules.md#{id}")
}

/// Counts the occurrences of a key: the nth finding of the same rule on the
/// same thing gets n in its fingerprint, so equal findings stay distinct.
pub(crate) fn next_occurrence(seen: &mut BTreeMap<String, usize>, key: &str) -> usize {
    let count = seen.entry(key.to_owned()).or_insert(0);
    *count += 1;
    *count
}

/// A fingerprint of parts: FNV-1a, 64-bit (small, fast and the same on every
/// platform and version), over each part's bytes and a 0xff after each.
pub(crate) fn fingerprint(parts: &[&str]) -> SharedText {
    parts
        .iter()
        .fold(Fingerprint::new(), |print, part| print.part(part))
        .finish()
}

/// A fingerprint built a piece at a time, so a part made of pieces (an
/// anchor "section/text", a number) need not be put together in a string.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fingerprint(u64);

impl Fingerprint {
    pub fn new() -> Self {
        Fingerprint(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(mut self, bytes: impl IntoIterator<Item = u8>) -> Self {
        for byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self
    }

    /// Adds a piece of the current part.
    pub fn piece(self, piece: &str) -> Self {
        self.bytes(piece.bytes())
    }

    /// Ends the current part.
    pub fn end_part(self) -> Self {
        self.bytes([0xff])
    }

    /// Adds a whole part.
    pub fn part(self, part: &str) -> Self {
        self.piece(part).end_part()
    }

    /// Adds a number, written in decimal, as a whole part.
    pub fn number(self, mut n: usize) -> Self {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.bytes(digits[at..].iter().copied()).end_part()
    }

    /// The print as 16 lower-case hex digits.
    pub fn finish(self) -> SharedText {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut digits = [b'0'; 16];
        for (i, digit) in digits.iter_mut().enumerate() {
            *digit = HEX[(self.0 >> ((15 - i) * 4)) as usize & 0xf];
        }
        // Hex digits are ASCII, so this never falls back to the empty text.
        std::str::from_utf8(&digits).unwrap_or_default().into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_distinct() {
        assert_eq!(fingerprint(&["a", "b"]), fingerprint(&["a", "b"]));
        assert_ne!(fingerprint(&["ab", ""]), fingerprint(&["a", "b"]));
        assert_eq!(fingerprint(&[]).len(), 16);
        for print in [0, 1, 0xabc, u64::MAX, 0x0123_4567_89ab_cdef] {
            assert_eq!(Fingerprint(print).finish(), format!("{print:016x}"));
        }
        for n in [0, 7, 10, 1234, usize::MAX] {
            let pieces = Fingerprint::new()
                .piece("s1")
                .piece("/")
                .piece("text")
                .end_part()
                .number(n)
                .finish();
            assert_eq!(pieces, fingerprint(&["s1/text", &n.to_string()]));
        }
    }

    #[test]
    fn section_index_reads_only_section_pointers() {
        assert_eq!(section_index("/sections/12/text"), Some(12));
        assert_eq!(section_index("/fields/2/label"), None);
        assert_eq!(section_index("/sections/x/text"), None);
    }
}
