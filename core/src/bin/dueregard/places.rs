//! Where a finding is, in words a policy author recognises, worked out from
//! its JSON Pointer and the draft: "Equality impact assessment › Religion or
//! belief › evidence", "Field ‘Gender’ › options", "Section ‘Scope’, line 3,
//! column 12".

use std::cmp::Ordering;

use dueregard::{Draft, Location};

const SEPARATOR: &str = " › ";

/// The finding's place in words. `section_lines` gives, per section, the file
/// line its text starts on, so positions in Markdown and text files are the
/// file's own lines; without it (JSON) lines count within the section's text.
pub fn in_words(
    draft: &Draft,
    location: &Location,
    section_lines: Option<&[Option<usize>]>,
) -> String {
    let segments = segments(&location.path);
    let mut words = describe(draft, &segments).join(SEPARATOR);
    if let Some(span) = &location.span {
        let first_line = match segments.as_slice() {
            [top, index, ..] if top == "sections" => index
                .parse::<usize>()
                .ok()
                .and_then(|i| section_lines?.get(i).copied().flatten()),
            _ => None,
        };
        let line = first_line.map_or(span.line, |first| first + span.line);
        words.push_str(&format!(", line {line}, column {}", span.column));
    }
    words
}

/// Orders findings as the draft reads: title, sections, fields, assessment,
/// partners, dates, waivers; within each by position (numbers as numbers).
pub fn reading_order(a: &Location, b: &Location) -> Ordering {
    let rank = |location: &Location| {
        let segments = segments(&location.path);
        let top = match segments.first().map(String::as_str) {
            Some("title") => 0,
            Some("sections") => 1,
            Some("fields") => 2,
            Some("eia") => 3,
            Some("partners") => 4,
            Some("dates") => 5,
            Some("waivers") => 6,
            None => 8,
            Some(_) => 7,
        };
        (top, segments)
    };
    let ((top_a, seg_a), (top_b, seg_b)) = (rank(a), rank(b));
    top_a
        .cmp(&top_b)
        .then_with(|| compare_segments(&seg_a, &seg_b))
        .then_with(|| {
            let start = |l: &Location| l.span.map_or(0, |s| s.start);
            start(a).cmp(&start(b))
        })
}

fn compare_segments(a: &[String], b: &[String]) -> Ordering {
    for (x, y) in a.iter().zip(b) {
        let order = match (x.parse::<usize>(), y.parse::<usize>()) {
            (Ok(x), Ok(y)) => x.cmp(&y),
            _ => x.cmp(y),
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    a.len().cmp(&b.len())
}

/// RFC 6901 reference tokens, unescaped.
fn segments(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect()
}

fn describe(draft: &Draft, segments: &[String]) -> Vec<String> {
    let index = |s: &String| s.parse::<usize>().ok();
    let seg: Vec<&str> = segments.iter().map(String::as_str).collect();
    let mut words = Vec::new();
    let rest: &[String] = match seg.as_slice() {
        [] => return vec!["The draft as a whole".into()],
        ["title", ..] => return vec!["Title".into()],
        ["kind", ..] => return vec!["Kind of draft".into()],
        // A finding about what no section says: the text as a whole.
        ["sections"] => return vec!["The whole text".into()],
        ["sections", i, ..] => {
            words.push(section_name(draft, index(&segments[1]), i));
            match seg.get(2) {
                // A position in the text follows; "text" would add nothing.
                Some(&"text") | None => &[],
                Some(_) => &segments[2..],
            }
        }
        ["fields"] => return vec!["Form fields".into()],
        ["fields", i, rest @ ..] => {
            let field = index(&segments[1]).and_then(|i| draft.fields.get(i));
            words.push(match field {
                Some(f) => format!("Field ‘{}’", f.label),
                None => format!("Field {i}"),
            });
            match rest {
                ["options", j, ..] => {
                    let option =
                        index(&segments[3]).and_then(|j| field.and_then(|f| f.options.get(j)));
                    words.push(match option {
                        Some(o) => format!("option ‘{o}’"),
                        None => format!("option {j}"),
                    });
                    &segments[4..]
                }
                _ => &segments[2..],
            }
        }
        ["eia", rest @ ..] => {
            words.push("Equality impact assessment".into());
            let eia = draft.eia.as_ref();
            match rest {
                ["groups", i, ..] => {
                    let group = index(&segments[2])
                        .and_then(|i| eia?.groups.get(i))
                        .map(|g| capitalised(g.group.label()));
                    words.push(group.unwrap_or_else(|| format!("group {i}")));
                    match rest.get(2) {
                        Some(&"actions") => {
                            words.push("actions".into());
                            &[]
                        }
                        _ => &segments[3..],
                    }
                }
                ["engagement", i, ..] => {
                    let with = index(&segments[2]).and_then(|i| eia?.engagement.get(i));
                    words.push(match with {
                        Some(e) => format!("Engagement with ‘{}’", e.with),
                        None => format!("Engagement {i}"),
                    });
                    &segments[3..]
                }
                ["actions", i, ..] => {
                    let action = index(&segments[2]).and_then(|i| eia?.actions.get(i));
                    words.push(match action {
                        Some(a) => format!("Action ‘{}’", shortened(&a.description, 60)),
                        None => format!("Action {i}"),
                    });
                    &segments[3..]
                }
                ["groups"] => {
                    words.push("groups assessed".into());
                    &[]
                }
                ["aims", ..] => {
                    words.push("Aims of the equality duty".into());
                    &segments[2..]
                }
                ["sign_off", ..] => {
                    words.push("Sign-off".into());
                    &segments[2..]
                }
                _ => &segments[1..],
            }
        }
        ["partners", i, ..] => {
            let partner = index(&segments[1]).and_then(|i| draft.partners.get(i));
            words.push(match partner {
                Some(p) => format!("Partner ‘{}’", p.name),
                None => format!("Partner {i}"),
            });
            &segments[2..]
        }
        ["waivers", i, ..] => {
            let waiver = index(&segments[1]).and_then(|i| draft.waivers.get(i));
            words.push(match waiver {
                Some(w) => format!("Waiver of ‘{}’", w.rule),
                None => format!("Waiver {i}"),
            });
            &segments[2..]
        }
        ["dates", rest @ ..] => {
            words.push("Dates".into());
            if let [which] = rest {
                words.push(format!("{which} date"));
                &[]
            } else {
                rest_of(segments, 1)
            }
        }
        [first, ..] => {
            words.push(capitalised(&humanised(first)));
            &segments[1..]
        }
    };
    words.extend(rest.iter().map(|s| match index(s) {
        Some(i) => format!("item {}", i + 1),
        None => humanised(s),
    }));
    words
}

fn rest_of(segments: &[String], from: usize) -> &[String] {
    segments.get(from..).unwrap_or(&[])
}

fn section_name(draft: &Draft, index: Option<usize>, raw: &str) -> String {
    let Some(section) = index.and_then(|i| draft.sections.get(i)) else {
        return format!("Section {raw}");
    };
    if !section.heading.trim().is_empty() {
        format!("Section ‘{}’", section.heading.trim())
    } else if draft.sections.len() == 1 {
        "The text".into()
    } else {
        format!("Section ‘{}’", section.id)
    }
}

/// `payment_terms` → `payment terms`.
fn humanised(segment: &str) -> String {
    segment.replace('_', " ")
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn shortened(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars - 1).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> Draft {
        Draft::from_json(
            r#"{
            "title": "Leave",
            "sections": [
                {"id": "intro", "text": "Hello."},
                {"id": "scope", "heading": "Scope", "text": "a\nb\nc"}
            ],
            "fields": [{"id": "g", "label": "Gender", "kind": "single_choice", "options": ["Male", "Female", "Other"]}],
            "eia": {
                "groups": [
                    {"group": "age", "impact": "neutral"},
                    {"group": "religion_or_belief", "impact": "unknown"}
                ],
                "engagement": [{"with": "Staff network"}],
                "actions": [{"id": "a1", "description": "Run a survey of every bank worker"}]
            },
            "partners": [{"name": "Pride Cymru"}],
            "waivers": [{"rule": "eia-present", "reason": ""}]
        }"#,
        )
        .unwrap()
    }

    fn words(pointer: &str) -> String {
        in_words(
            &draft(),
            &Location {
                path: pointer.into(),
                section: None,
                span: None,
                place: None,
            },
            None,
        )
    }

    #[test]
    fn pointers_read_as_places_in_the_draft() {
        assert_eq!(
            words("/eia/groups/1/evidence"),
            "Equality impact assessment › Religion or belief › evidence"
        );
        assert_eq!(words("/fields/0/options"), "Field ‘Gender’ › options");
        assert_eq!(
            words("/fields/0/options/2"),
            "Field ‘Gender’ › option ‘Other’"
        );
        assert_eq!(words("/sections/1/heading"), "Section ‘Scope’ › heading");
        assert_eq!(words("/sections/0/text"), "Section ‘intro’");
        assert_eq!(
            words("/eia/engagement/0/feedback_given"),
            "Equality impact assessment › Engagement with ‘Staff network’ › feedback given"
        );
        assert_eq!(
            words("/eia/actions/0/measure"),
            "Equality impact assessment › Action ‘Run a survey of every bank worker’ › measure"
        );
        assert_eq!(
            words("/partners/0/payment_terms"),
            "Partner ‘Pride Cymru’ › payment terms"
        );
        assert_eq!(
            words("/waivers/0/reason"),
            "Waiver of ‘eia-present’ › reason"
        );
        assert_eq!(words("/dates/review"), "Dates › review date");
        assert_eq!(words(""), "The draft as a whole");
        assert_eq!(words("/eia"), "Equality impact assessment");
        // A pointer past the end of the draft still reads, without a name.
        assert_eq!(words("/fields/9/label"), "Field 9 › label");
    }

    #[test]
    fn text_positions_use_file_lines_when_known() {
        let draft = draft();
        let mut location = Location {
            path: "/sections/1/text".into(),
            section: Some("scope".into()),
            span: None,
            place: None,
        };
        let span = dueregard::TextSpan {
            start: 2,
            end: 3,
            utf16_start: 2,
            utf16_end: 3,
            char_start: 2,
            char_end: 3,
            line: 2,
            column: 1,
        };
        location.span = Some(span);
        assert_eq!(
            in_words(&draft, &location, None),
            "Section ‘Scope’, line 2, column 1"
        );
        // The section's text starts on line 41 of its file (index 40).
        assert_eq!(
            in_words(&draft, &location, Some(&[None, Some(40)])),
            "Section ‘Scope’, line 42, column 1"
        );
    }

    #[test]
    fn findings_sort_in_reading_order() {
        let at = |path: &str| Location {
            path: path.into(),
            section: None,
            span: None,
            place: None,
        };
        let mut paths = [
            at("/eia/groups"),
            at("/sections/10/text"),
            at("/title"),
            at("/sections/2/text"),
            at("/fields/0/options"),
        ];
        paths.sort_by(reading_order);
        let order: Vec<&str> = paths.iter().map(|l| l.path.as_str()).collect();
        assert_eq!(
            order,
            [
                "/title",
                "/sections/2/text",
                "/sections/10/text",
                "/fields/0/options",
                "/eia/groups"
            ]
        );
    }
}
