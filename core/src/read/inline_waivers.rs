//! Waivers written in the document itself, as a comment its readers never see:
//!
//! ```text
//! <!-- dueregard: waive term-binary-pronouns because we quote the 1998 scheme; approved by EDI lead -->
//! <!-- dueregard: waive-next term-gendered-roles because the job title is statutory; approved by HR director -->
//! ```
//!
//! `waive` covers the rule in the section the comment is in; `waive-next`
//! covers it in the next paragraph only. They follow the same rules as
//! waivers in a JSON draft (`waiver-recorded`): no reason, no effect and a
//! finding; an unknown rule, a finding; a waiver that covers nothing, a note.
//!
//! Markdown and plain text drafts read these comments themselves. Other
//! readers call [`parse_directive`] with a comment's text (an HTML comment's
//! body, or a Word comment that starts "dueregard: waive") and turn the
//! [`Directive`] into a [`Waiver`] with [`Directive::into_waiver`].

use crate::model::{Waiver, WaiverSpan};

/// The word that starts every directive, before the colon.
const PREFIX: &str = "dueregard:";

/// How far a directive reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaiverScope {
    /// `waive`: the whole section the comment is in.
    Section,
    /// `waive-next`: the paragraph after the comment.
    NextParagraph,
}

/// A directive's words, read: which rule, why, who approved, how far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The rule id as written. A directive with a verb other than `waive` or
    /// `waive-next` keeps its whole text here, so the waiver rule reports it
    /// as naming no rule rather than the comment being silently ignored.
    pub rule: String,
    /// The text after the rule id, without a leading "because"; empty when none.
    pub reason: String,
    /// The name after "approved by", when given.
    pub approved_by: Option<String>,
    pub scope: WaiverScope,
}

/// A directive found in a text, with the byte range of its whole comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineWaiver {
    pub directive: Directive,
    /// Byte offset of the comment's `<!--`.
    pub start: usize,
    /// Byte offset just past its `-->`.
    pub end: usize,
}

impl Directive {
    /// The waiver for a draft. `section` is the id of the section the
    /// directive is in; for `waive-next`, `paragraph` is the byte range of the
    /// paragraph it covers within that section's text (see [`next_paragraph`]).
    pub fn into_waiver(self, section: Option<&str>, paragraph: Option<(usize, usize)>) -> Waiver {
        let span = match self.scope {
            WaiverScope::Section => None,
            // A waive-next with nowhere to point covers an empty range, so it
            // is reported as covering nothing rather than widening to the section.
            WaiverScope::NextParagraph => {
                let (start, end) = paragraph.unwrap_or((0, 0));
                Some(WaiverSpan { start, end })
            }
        };
        Waiver {
            rule: self.rule,
            reason: self.reason,
            approved_by: self.approved_by,
            section: section.map(str::to_owned),
            span,
            fields: Vec::new(),
        }
    }
}

/// Reads a comment's text as a directive: `None` when it does not start with
/// `dueregard:` (any case, after white space), so ordinary comments are left alone.
///
/// ```
/// use dueregard::inline_waivers::{parse_directive, WaiverScope};
///
/// let d = parse_directive(" dueregard: waive-next term-gendered-roles because statutory title; approved by HR ").unwrap();
/// assert_eq!(d.rule, "term-gendered-roles");
/// assert_eq!(d.reason, "statutory title");
/// assert_eq!(d.approved_by.as_deref(), Some("HR"));
/// assert_eq!(d.scope, WaiverScope::NextParagraph);
/// assert!(parse_directive("just a note").is_none());
/// ```
pub fn parse_directive(comment: &str) -> Option<Directive> {
    let text = comment.trim();
    if !starts_with_ignore_case(text, PREFIX) {
        return None;
    }
    let rest = text[PREFIX.len()..].trim();
    let (verb, after_verb) = split_word(rest);
    let scope = match verb.to_ascii_lowercase().as_str() {
        "waive" => WaiverScope::Section,
        "waive-next" => WaiverScope::NextParagraph,
        _ => {
            return Some(Directive {
                rule: rest.to_owned(),
                reason: String::new(),
                approved_by: None,
                scope: WaiverScope::Section,
            });
        }
    };
    let (rule, after_rule) = split_word(after_verb);
    let rule = rule.trim_end_matches([',', ':', ';']);
    // "; approved by NAME" ends the directive; the last one wins, so a reason
    // may itself mention approval.
    let lower = after_rule.to_ascii_lowercase();
    let (reason, approved_by) = match lower.rfind("approved by") {
        Some(at) if after_rule[..at].trim_end().ends_with(';') || at == 0 => {
            let name = after_rule[at + "approved by".len()..].trim();
            let reason = after_rule[..at].trim_end().trim_end_matches(';');
            (reason, (!name.is_empty()).then(|| name.to_owned()))
        }
        _ => (after_rule, None),
    };
    let reason = reason.trim();
    let reason = if starts_with_ignore_case(reason, "because")
        && reason[7..].starts_with(char::is_whitespace)
    {
        reason[7..].trim()
    } else if reason.eq_ignore_ascii_case("because") {
        ""
    } else {
        reason
    };
    Some(Directive {
        rule: rule.to_owned(),
        reason: reason.to_owned(),
        approved_by,
        scope,
    })
}

/// Every `<!-- dueregard: ... -->` comment in a text (Markdown, plain text or
/// raw HTML), in order. An unclosed comment ends the search.
pub fn find_inline_waivers(text: &str) -> Vec<InlineWaiver> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("<!--").map(|i| from + i) {
        let body_start = open + 4;
        let Some(close) = text[body_start..].find("-->").map(|i| body_start + i) else {
            break;
        };
        let end = close + 3;
        if let Some(directive) = parse_directive(&text[body_start..close]) {
            found.push(InlineWaiver {
                directive,
                start: open,
                end,
            });
        }
        from = end;
    }
    found
}

/// The waivers a section's text records, scoped to that section; a
/// `waive-next` covers the byte range from its comment to the end of the
/// paragraph after it.
pub(crate) fn section_waivers(section_id: &str, text: &str) -> Vec<Waiver> {
    find_inline_waivers(text)
        .into_iter()
        .map(|found| {
            let paragraph = match found.directive.scope {
                WaiverScope::Section => None,
                WaiverScope::NextParagraph => {
                    next_paragraph(text, found.end).map(|(_, end)| (found.start, end))
                }
            };
            found.directive.into_waiver(Some(section_id), paragraph)
        })
        .collect()
}

/// The paragraph after byte `from`: from the next character that is not
/// white space to the next blank line (or the end). `None` when only white
/// space follows.
pub fn next_paragraph(text: &str, from: usize) -> Option<(usize, usize)> {
    let rest = text.get(from..)?;
    let start = from + rest.find(|c: char| !c.is_whitespace())?;
    let mut end = text.len();
    let mut line_start = start;
    for line in text[start..].split_inclusive('\n') {
        if line_start > start && line.trim().is_empty() {
            end = line_start;
            break;
        }
        line_start += line.len();
    }
    Some((start, text[..end].trim_end().len().max(start)))
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.is_char_boundary(prefix.len())
        && text[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// The first word and the rest, trimmed.
fn split_word(text: &str) -> (&str, &str) {
    let text = text.trim_start();
    match text.find(char::is_whitespace) {
        Some(i) => (&text[..i], text[i..].trim_start()),
        None => (text, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_directive() {
        let d = parse_directive(
            "dueregard: waive term-binary-pronouns because we quote the 1998 scheme; approved by EDI lead",
        )
        .unwrap();
        assert_eq!(
            d,
            Directive {
                rule: "term-binary-pronouns".into(),
                reason: "we quote the 1998 scheme".into(),
                approved_by: Some("EDI lead".into()),
                scope: WaiverScope::Section,
            }
        );
    }

    #[test]
    fn keywords_in_any_case_and_a_reason_that_mentions_approval() {
        let d = parse_directive(
            "DueRegard: WAIVE x BECAUSE quoting the approved by-laws; Approved By Board",
        )
        .unwrap();
        assert_eq!(d.rule, "x");
        assert_eq!(d.reason, "quoting the approved by-laws");
        assert_eq!(d.approved_by.as_deref(), Some("Board"));
    }

    #[test]
    fn no_reason_and_no_approver() {
        let d = parse_directive("dueregard: waive x").unwrap();
        assert_eq!((d.reason.as_str(), d.approved_by), ("", None));
        let d = parse_directive("dueregard: waive x because ; approved by A").unwrap();
        assert_eq!(d.reason, "");
        let d = parse_directive("dueregard: waive x; approved by A").unwrap();
        assert_eq!((d.rule.as_str(), d.reason.as_str()), ("x", ""));
        assert_eq!(d.approved_by.as_deref(), Some("A"));
    }

    #[test]
    fn an_unknown_verb_keeps_its_text_as_the_rule() {
        let d = parse_directive("dueregard: wave x because y").unwrap();
        assert_eq!(d.rule, "wave x because y");
        assert_eq!(d.reason, "");
    }

    #[test]
    fn comments_are_found_with_their_ranges_and_ordinary_ones_skipped() {
        let text =
            "A <!-- note --> B <!-- dueregard: waive x because y --> C <!-- dueregard: waive z";
        let found = find_inline_waivers(text);
        assert_eq!(found.len(), 1, "the unclosed comment is not a waiver");
        let w = &found[0];
        assert_eq!(
            &text[w.start..w.end],
            "<!-- dueregard: waive x because y -->"
        );
        assert_eq!(w.directive.rule, "x");
    }

    #[test]
    fn waive_next_covers_the_comment_and_the_next_paragraph_only() {
        let text = "First para.\n\n<!-- dueregard: waive-next r because q -->\nSecond para\nstill second.\n\nThird.\n";
        let waivers = section_waivers("s", text);
        let span = waivers[0].span.unwrap();
        assert_eq!(
            &text[span.start..span.end],
            "<!-- dueregard: waive-next r because q -->\nSecond para\nstill second."
        );
        assert_eq!(waivers[0].section.as_deref(), Some("s"));
    }

    #[test]
    fn waive_next_at_the_end_covers_nothing() {
        let waivers = section_waivers("s", "Text.\n<!-- dueregard: waive-next r because q -->\n\n");
        let span = waivers[0].span.unwrap();
        assert_eq!((span.start, span.end), (0, 0));
    }

    #[test]
    fn a_section_waiver_has_no_span() {
        let waivers = section_waivers("s", "<!-- dueregard: waive r because q -->");
        assert_eq!(waivers[0].span, None);
    }
}
