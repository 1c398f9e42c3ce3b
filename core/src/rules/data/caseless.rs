//! Finding lowercase words in text in any ASCII case, without a lowercased
//! copy of the text. The data rules lowercased whole sections and every
//! sentence they read (`to_ascii_lowercase`) to ask a few `contains`: an
//! allocation and a copy each time, for texts that mostly hold none of the
//! words. These give the same answers at the same byte offsets (ASCII
//! lowercasing changes no byte's length) reading the text as written.
//!
//! Each `word` is lowercase (as every list the rules search is written) and
//! not empty: an uppercase letter in it would never match lowercased text,
//! and matches here.

/// Where `word` occurs in `text`, in any ASCII case: the offsets
/// `text.to_ascii_lowercase().match_indices(word)` gives (leftmost first, not
/// overlapping).
pub(super) fn find_iter<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    debug_assert!(
        !word.is_empty() && !word.bytes().any(|b| b.is_ascii_uppercase()),
        "{word:?}"
    );
    let (haystack, needle) = (text.as_bytes(), word.as_bytes());
    let first = needle.first().copied();
    let mut from = 0;
    std::iter::from_fn(move || {
        let first = first?;
        // A match starts with the word's first byte in either case, which a
        // vectorised byte search finds; most candidates fail on the next byte.
        let rest = haystack.get(from..)?;
        for at in memchr::memchr2_iter(first, first.to_ascii_uppercase(), rest) {
            let at = from + at;
            let window = haystack.get(at..at + needle.len());
            if window.is_some_and(|w| w.eq_ignore_ascii_case(needle)) {
                from = at + needle.len();
                return Some(at);
            }
        }
        from = haystack.len() + 1;
        None
    })
}

/// Whether `word` occurs in `text`, in any ASCII case.
pub(super) fn contains(text: &str, word: &str) -> bool {
    find_iter(text, word).next().is_some()
}

/// Whether `text` starts with `word`, in any ASCII case.
pub(super) fn starts_with(text: &str, word: &str) -> bool {
    text.as_bytes()
        .get(..word.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(word.as_bytes()))
}

/// Whether `text` ends with `word`, in any ASCII case.
pub(super) fn ends_with(text: &str, word: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= word.len()
        && bytes[bytes.len() - word.len()..].eq_ignore_ascii_case(word.as_bytes())
}

/// `text` after `word`, if it starts with it in any ASCII case.
pub(super) fn strip_prefix<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    // The bytes matched are `word`'s but for ASCII case, so the cut falls
    // where `word` ends, on a character boundary.
    starts_with(text, word)
        .then(|| text.get(word.len()..))
        .flatten()
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Characters of two, three and four bytes, one with a lowercase form
    /// that is not ASCII's, to sit right next to a match.
    const WIDE: [&str; 6] = ["é", "É", "İ", "’", "🏳️‍🌈", "ß"];

    /// Text made of `pieces` (lowercase), each as written, in capitals or
    /// capitalised, mixed with multi-byte characters.
    pub fn text_from(pieces: &'static [&'static str]) -> impl Strategy<Value = String> {
        let piece = (proptest::sample::select(pieces), 0..3u8).prop_map(|(p, case)| match case {
            0 => p.to_owned(),
            1 => p.to_ascii_uppercase(),
            _ => p[..1].to_ascii_uppercase() + &p[1..],
        });
        let wide = proptest::sample::select(&WIDE[..]).prop_map(str::to_owned);
        proptest::collection::vec(prop_oneof![4 => piece, 1 => wide], 0..40)
            .prop_map(|parts| parts.concat())
    }

    /// Few letters, so words occur often, and next to each other.
    fn mixed_text() -> impl Strategy<Value = String> {
        text_from(&[
            "a", "e", "g", "n", "r", " ", "-", "%", "ge", "gen", "der", "a a",
        ])
    }

    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::sample::select(vec![
                "a", "aa", "a a", "gen", "gender", "er", "é", "eé", "%"
            ])
            .prop_map(str::to_owned),
            "[aegnr ]{1,4}",
        ]
    }

    proptest! {
        #[test]
        fn agrees_with_searching_a_lowercased_copy(text in mixed_text(), word in word()) {
            let lower = text.to_ascii_lowercase();
            let old: Vec<usize> = lower.match_indices(word.as_str()).map(|(at, _)| at).collect();
            let new: Vec<usize> = find_iter(&text, &word).collect();
            prop_assert_eq!(&new, &old);
            prop_assert_eq!(contains(&text, &word), lower.contains(word.as_str()));
            prop_assert_eq!(starts_with(&text, &word), lower.starts_with(word.as_str()));
            prop_assert_eq!(ends_with(&text, &word), lower.ends_with(word.as_str()));
            prop_assert_eq!(
                strip_prefix(&text, &word),
                lower.strip_prefix(word.as_str()).map(|rest| &text[text.len() - rest.len()..])
            );
        }
    }

    #[test]
    fn offsets_next_to_multibyte_characters() {
        let text = "É9 GENDER’s Gender";
        let found: Vec<usize> = find_iter(text, "gender").collect();
        assert_eq!(found, [4, text.len() - 6]);
        // Leftmost and not overlapping, as `match_indices` finds them.
        assert_eq!(find_iter("aAaAa", "aa").collect::<Vec<_>>(), [0, 2]);
        assert_eq!(strip_prefix("Ééx", "é"), None);
        assert_eq!(strip_prefix("éx", "é"), Some("x"));
        assert!(!contains("GENDé", "gende"));
        assert!(contains("GENDé", "gend"));
    }
}
