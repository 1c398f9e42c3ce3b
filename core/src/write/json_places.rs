//! Where a JSON Pointer points in a JSON file's text, and where a byte of a
//! string value's (unescaped) text sits in the file: what SARIF regions and
//! fixes for JSON drafts need. The draft was parsed by serde_json already;
//! this reads the same text again with jsonc-parser, which keeps ranges.

use jsonc_parser::ast::{ObjectPropName, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};

use crate::read::{Limits, check_depth};

/// A parsed JSON file, kept for looking pointers up.
#[derive(Debug)]
pub(crate) struct JsonPlaces<'s> {
    source: &'s str,
    root: Option<Value<'s>>,
}

/// What a pointer resolves to in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct JsonHit {
    /// Byte range to point at: a scalar value, or the key of an object or
    /// array member (a whole object would cover many lines).
    pub start: usize,
    pub end: usize,
    /// The string literal's range (quotes included), when the pointer
    /// resolved to a string: text spans are inside it.
    pub string: Option<(usize, usize)>,
    /// Whether every token of the pointer was found.
    pub exact: bool,
}

impl<'s> JsonPlaces<'s> {
    /// Parses `source`; a file too deep or not JSON gives no places, so every
    /// pointer falls back to the start of the file.
    pub fn new(source: &'s str) -> JsonPlaces<'s> {
        let root = check_depth(source, Limits::default().max_depth)
            .ok()
            .and_then(|()| {
                parse_to_ast(source, &CollectOptions::default(), &ParseOptions::default()).ok()
            })
            .and_then(|parsed| parsed.value);
        JsonPlaces { source, root }
    }

    /// Where `pointer` (RFC 6901) is. Unresolved tokens stop at the deepest
    /// member found, with `exact` false.
    pub fn find(&self, pointer: &str) -> JsonHit {
        let start_of_file = JsonHit {
            start: 0,
            end: self.source.chars().next().map_or(0, char::len_utf8),
            string: None,
            exact: false,
        };
        let Some(mut node) = self.root.as_ref() else {
            return start_of_file;
        };
        let mut key: Option<(usize, usize)> = None;
        let tokens = pointer.split('/').skip(1).map(unescape_token);
        for token in tokens {
            let next = match node {
                Value::Object(object) => object
                    .properties
                    .iter()
                    .find(|p| prop_name(&p.name) == token)
                    .map(|p| {
                        let r = p.name.range();
                        ((r.start, r.end), &p.value)
                    }),
                Value::Array(array) => token
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| array.elements.get(i))
                    .map(|v| {
                        let r = v.range();
                        ((r.start, r.end), v)
                    }),
                _ => None,
            };
            match next {
                Some((range, value)) => {
                    key = Some(range);
                    node = value;
                }
                None => {
                    let (start, end) = key.unwrap_or((start_of_file.start, start_of_file.end));
                    return JsonHit {
                        start,
                        end,
                        string: None,
                        exact: false,
                    };
                }
            }
        }
        let range = node.range();
        match node {
            Value::StringLit(_) => JsonHit {
                start: range.start,
                end: range.end,
                string: Some((range.start, range.end)),
                exact: true,
            },
            Value::Object(_) | Value::Array(_) => {
                let (start, end) = key.unwrap_or((range.start, range.start + 1));
                JsonHit {
                    start,
                    end,
                    string: None,
                    exact: true,
                }
            }
            _ => JsonHit {
                start: range.start,
                end: range.end,
                string: None,
                exact: true,
            },
        }
    }

    /// The file offset of byte `offset` of the unescaped text of the string
    /// literal at `literal` (its range, quotes included).
    pub fn string_offset(&self, literal: (usize, usize), offset: usize) -> usize {
        let inner_start = literal.0 + 1;
        let inner_end = literal.1.saturating_sub(1).max(inner_start);
        let raw = &self.source[inner_start..inner_end];
        inner_start + raw_offset(raw, offset)
    }
}

/// The byte in a string literal's raw text (without quotes) where byte
/// `decoded` of its unescaped text begins.
fn raw_offset(raw: &str, decoded: usize) -> usize {
    let bytes = raw.as_bytes();
    let (mut raw_at, mut text_at) = (0, 0);
    while text_at < decoded && raw_at < raw.len() {
        if bytes[raw_at] == b'\\' {
            match bytes.get(raw_at + 1) {
                Some(b'u') => {
                    let unit = |at: usize| {
                        raw.get(at..at + 4)
                            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    };
                    let first = unit(raw_at + 2).unwrap_or(0xFFFD);
                    let second = (raw.get(raw_at + 6..raw_at + 8) == Some("\\u"))
                        .then(|| unit(raw_at + 8))
                        .flatten();
                    match second {
                        Some(low)
                            if (0xD800..0xDC00).contains(&first)
                                && (0xDC00..0xE000).contains(&low) =>
                        {
                            text_at += 4;
                            raw_at += 12;
                        }
                        _ => {
                            text_at += char::from_u32(first).map_or(3, char::len_utf8);
                            raw_at += 6;
                        }
                    }
                }
                _ => {
                    text_at += 1;
                    raw_at += 2;
                }
            }
        } else {
            let width = raw[raw_at..].chars().next().map_or(1, char::len_utf8);
            text_at += width;
            raw_at += width;
        }
    }
    raw_at.min(raw.len())
}

fn prop_name(name: &ObjectPropName<'_>) -> String {
    match name {
        ObjectPropName::String(s) => s.value.to_string(),
        ObjectPropName::Word(w) => w.value.to_string(),
    }
}

/// RFC 6901: `~1` is `/` and `~0` is `~`.
fn unescape_token(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// `text` as it must appear inside a JSON string literal.
pub(crate) fn escape_in_string(text: &str) -> String {
    let quoted = serde_json::to_string(text).unwrap_or_default();
    quoted
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or_default()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_find_values_and_keys() {
        let source = "{\n  \"title\": \"T\",\n  \"sections\": [\n    {\"id\": \"a/b\", \"text\": \"x\"}\n  ]\n}";
        let places = JsonPlaces::new(source);
        let hit = places.find("/sections/0/text");
        assert!(hit.exact);
        assert_eq!(&source[hit.start..hit.end], "\"x\"");
        let hit = places.find("/sections");
        assert_eq!(&source[hit.start..hit.end], "\"sections\"");
        let hit = places.find("/eia/groups");
        assert!(!hit.exact);
        assert_eq!((hit.start, hit.end), (0, 1));
        let hit = places.find("/sections/0/missing");
        assert!(!hit.exact);
        assert_eq!(
            &source[hit.start..hit.end],
            "{\"id\": \"a/b\", \"text\": \"x\"}"
        );
    }

    #[test]
    fn offsets_inside_strings_step_over_escapes() {
        let source = r#"{"text": "a\"b\u00e9\ud83c\udff3 he"}"#;
        let places = JsonPlaces::new(source);
        let hit = places.find("/text");
        // Unescaped: a " b é 🏳 space h e
        let decoded = "a\"bé\u{1F3F3} he";
        let at = decoded.find("he").unwrap();
        let raw = places.string_offset(hit.string.unwrap(), at);
        assert_eq!(&source[raw..raw + 2], "he");
    }

    #[test]
    fn not_json_falls_back_to_the_start() {
        let places = JsonPlaces::new("not json");
        let hit = places.find("/title");
        assert_eq!((hit.start, hit.end, hit.exact), (0, 1, false));
    }

    #[test]
    fn replacements_are_escaped_for_strings() {
        assert_eq!(escape_in_string("say \"they\"\n"), "say \\\"they\\\"\\n");
    }
}
