//! The text as the automaton reads it: every run of white space (a line
//! break, a double space, a tab, a no-break space) is one space, so a phrase
//! is found however its words are wrapped, and ASCII letters are lower case,
//! so the automaton need not fold case. Positions map back exactly to the
//! text as written.

/// A text with its white space runs squeezed to single spaces, in ASCII
/// lower case.
#[derive(Debug)]
pub(crate) struct Haystack {
    text: String,
    /// (position in the haystack, position in the original) just after each
    /// run whose length changed; between two of these, offsets differ by a constant.
    breaks: Vec<(usize, usize)>,
}

impl Haystack {
    /// Squeezes `text` in one pass. Eight bytes at a time while they are
    /// printable ASCII with no two spaces together (most of any text);
    /// byte by byte elsewhere, decoding a character only where a byte is
    /// not ASCII. Then ASCII letters are lowered in place.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut out = String::with_capacity(text.len());
        let mut breaks = Vec::new();
        let mut copied = 0; // text[copied..] is not yet in `out`
        let mut i = 0;
        while i < bytes.len() {
            if let Some(&chunk) = bytes.get(i..).and_then(|rest| rest.first_chunk::<8>())
                && nothing_to_squeeze(chunk, bytes.get(i + 8).copied())
            {
                i += 8;
                continue;
            }
            // Most bytes are ASCII letters, digits and punctuation.
            if bytes[i] > b' ' && bytes[i] < 0x80 {
                i += 1;
                continue;
            }
            let width = white_space_at(text, i);
            if width == 0 {
                i += if bytes[i].is_ascii() {
                    1
                } else {
                    utf8_width(bytes[i])
                };
                continue;
            }
            // A space just before may start the run: the eight-byte step
            // passes a single space without looking at what follows it.
            let start = if i > 0 && bytes[i - 1] == b' ' {
                i - 1
            } else {
                i
            };
            let mut end = i + width;
            loop {
                let next = white_space_at(text, end);
                if next == 0 {
                    break;
                }
                end += next;
            }
            i = end;
            if end - start == 1 && bytes[start] == b' ' {
                continue; // already one space
            }
            out.push_str(&text[copied..start]);
            out.push(' ');
            copied = end;
            if end - start != 1 {
                breaks.push((out.len(), end));
            }
        }
        out.push_str(&text[copied..]);
        out.make_ascii_lowercase();
        Haystack { text: out, breaks }
    }

    /// The squeezed, lowered text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The position in the original text of a haystack position.
    pub fn original_position(&self, at: usize) -> usize {
        match self.breaks.partition_point(|&(h, _)| h <= at) {
            0 => at,
            i => {
                let (h, o) = self.breaks[i - 1];
                o + (at - h)
            }
        }
    }

    /// The haystack position of an original position (inside a squeezed run:
    /// the run's space).
    pub fn haystack_position(&self, at: usize) -> usize {
        let i = self.breaks.partition_point(|&(_, o)| o <= at);
        let mapped = match i {
            0 => at,
            _ => {
                let (h, o) = self.breaks[i - 1];
                h + (at - o)
            }
        };
        match self.breaks.get(i) {
            Some(&(next, _)) if mapped >= next => next - 1,
            _ => mapped,
        }
    }
}

/// True when none of `chunk`'s bytes needs squeezing, whatever comes
/// before it: each is printable ASCII (no control character, which takes in
/// tab and line breaks, and no byte of a non-ASCII character), and no two
/// spaces are together, in it or with the byte `next` after it. It may say
/// false when there is nothing to squeeze (`" !"` looks like two spaces);
/// the byte-by-byte step then finds nothing.
fn nothing_to_squeeze(chunk: [u8; 8], next: Option<u8>) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let word = u64::from_le_bytes(chunk);
    // A byte below 0x20 or at 0x80 and above.
    let control_or_high = (word.wrapping_sub(ONES * 0x20) & !word) | word;
    // Bytes equal to a space: a zero byte of `word ^ spaces`. Exact up to
    // the first; above it, a false mark can follow a true one.
    let flip = word ^ (ONES * 0x20);
    let spaces = flip.wrapping_sub(ONES) & !flip & HIGH;
    let two_spaces = spaces & (spaces >> 8);
    control_or_high & HIGH == 0 && two_spaces == 0 && !(chunk[7] == b' ' && next == Some(b' '))
}

/// The length in bytes of the white space character at `at`, or 0.
fn white_space_at(text: &str, at: usize) -> usize {
    match text.as_bytes().get(at) {
        None => 0,
        Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) => 1,
        Some(b) if b.is_ascii() => 0,
        Some(_) => text[at..]
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
    }
}

/// The length of the UTF-8 sequence a lead byte starts.
fn utf8_width(lead: u8) -> usize {
    match lead {
        0xf0.. => 4,
        0xe0.. => 3,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_lowered_and_keeps_its_positions() {
        let hay = Haystack::new("He or SHE, once É");
        assert_eq!(hay.text(), "he or she, once É");
        assert_eq!(hay.original_position(5), 5);
    }

    #[test]
    fn runs_become_one_space_and_positions_map_back() {
        let text = "he or\r\n  she\u{a0}and\tthey\nok";
        let hay = Haystack::new(text);
        assert_eq!(hay.text(), "he or she and they ok");
        for word in ["he", "or", "she", "and", "they", "ok"] {
            let h = hay.text().find(word).unwrap();
            let o = hay.original_position(h);
            assert_eq!(&text[o..o + word.len()], word);
            assert_eq!(hay.haystack_position(o), h);
            assert_eq!(hay.original_position(h + word.len()), o + word.len());
        }
        // Inside a run: its space.
        assert_eq!(
            Haystack::new("a\u{3000}\u{2028} b\u{e9}\u{1f600}  c").text(),
            "a b\u{e9}\u{1f600} c"
        );
        let run = text.find("\r\n").unwrap() + 1;
        assert_eq!(&hay.text()[hay.haystack_position(run)..][..1], " ");
    }

    /// The squeeze written the plain way: every white space run is one
    /// space, and ASCII letters are lower case.
    fn squeezed(text: &str) -> String {
        let mut out = String::new();
        let mut in_run = false;
        for c in text.chars() {
            if c.is_whitespace() {
                if !in_run {
                    out.push(' ');
                }
                in_run = true;
            } else {
                out.push(c);
                in_run = false;
            }
        }
        out.to_ascii_lowercase()
    }

    /// Checks `text` against the plain squeeze, position by position.
    fn assert_squeezes(text: &str) {
        let hay = Haystack::new(text);
        assert_eq!(hay.text(), squeezed(text), "{text:?}");
        for (h, c) in hay.text().char_indices() {
            if !c.is_whitespace() {
                let o = hay.original_position(h);
                let written = text[o..].chars().next();
                assert_eq!(
                    written.map(|w| w.to_ascii_lowercase()),
                    Some(c),
                    "{text:?} at {h}"
                );
            }
        }
    }

    #[test]
    fn eight_bytes_at_a_time_pass_only_what_needs_nothing() {
        assert!(nothing_to_squeeze(*b"he or sh", Some(b'e')));
        assert!(!nothing_to_squeeze(*b"he  or s", Some(b'h')), "two spaces");
        assert!(
            !nothing_to_squeeze(*b"he or s ", Some(b' ')),
            "two across the edge"
        );
        assert!(nothing_to_squeeze(*b"he or s ", Some(b'h')));
        assert!(
            !nothing_to_squeeze(*b"he\nor sh", Some(b'e')),
            "a line break"
        );
        assert!(!nothing_to_squeeze(*b"he\tor sh", Some(b'e')), "a tab");
        assert!(
            !nothing_to_squeeze(*b"caf\xc3\xa9 or", Some(b' ')),
            "not ASCII"
        );
        assert!(nothing_to_squeeze(*b"~}{|!#&'", None));
        for b in 0..=u8::MAX {
            let printable = (0x20..0x80).contains(&b);
            let mut chunk = *b"abcdefgh";
            for at in 0..8 {
                chunk[at] = b;
                let plain = nothing_to_squeeze(chunk, Some(b'x'));
                assert!(!plain || printable, "byte {b:#x} at {at} passed");
                chunk[at] = b"abcdefgh"[at];
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// Long texts, so the eight-byte step runs, with white space of every
        /// kind at every distance from a chunk's edge.
        #[test]
        fn long_texts_agree_with_the_plain_squeeze(
            picks in proptest::collection::vec(0..LONG_PIECES.len(), 0..60)
        ) {
            let text: String = picks.iter().map(|&p| LONG_PIECES[p]).collect();
            assert_squeezes(&text);
        }
    }

    const LONG_PIECES: [&str; 15] = [
        "He SHE",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\t",
        "\u{a0}",
        "\u{2019}",
        "é",
        "a",
        "he",
        "abcdefg",
        "word ",
        "abcdefghijklmnop",
        "!",
    ];

    #[test]
    fn agrees_with_the_plain_squeeze_and_maps_every_position_back() {
        let pieces = [
            " ",
            "  ",
            "\n",
            "\r\n",
            "\t",
            "\u{a0}",
            "\u{2028}",
            "é",
            "🏳️‍🌈",
            "a",
            "he",
            "\u{85}",
        ];
        // Every string of up to four pieces.
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
        }
        for text in &texts {
            assert_squeezes(text);
        }
    }
}
