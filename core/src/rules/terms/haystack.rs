//! The text as the automaton reads it: every run of white space (a line
//! break, a double space, a tab, a no-break space) is one space, so a phrase
//! is found however its words are wrapped. Positions map back exactly to
//! the text as written.

use std::borrow::Cow;

/// A text with its white space runs squeezed to single spaces.
#[derive(Debug)]
pub(crate) struct Haystack<'t> {
    text: Cow<'t, str>,
    /// (position in the haystack, position in the original) just after each
    /// run whose length changed; between two of these, offsets differ by a constant.
    breaks: Vec<(usize, usize)>,
}

impl<'t> Haystack<'t> {
    /// Squeezes `text` in one pass, byte by byte (a character is decoded
    /// only where a byte is not ASCII). Text whose white space is already
    /// single ASCII spaces is borrowed as it is.
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let mut out: Option<String> = None;
        let mut breaks = Vec::new();
        let mut copied = 0; // text[copied..] is not yet in `out`
        let mut i = 0;
        while i < bytes.len() {
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
            let start = i;
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
            let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[copied..start]);
            out.push(' ');
            copied = end;
            if end - start != 1 {
                breaks.push((out.len(), end));
            }
        }
        match out {
            None => Haystack {
                text: Cow::Borrowed(text),
                breaks,
            },
            Some(mut out) => {
                out.push_str(&text[copied..]);
                Haystack {
                    text: Cow::Owned(out),
                    breaks,
                }
            }
        }
    }

    /// The squeezed text.
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
    fn plain_text_is_borrowed() {
        let hay = Haystack::new("he or she, once");
        assert!(matches!(hay.text, Cow::Borrowed(_)));
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

    /// The squeeze written the plain way: every white space run is one space.
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
        out
    }

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
            let hay = Haystack::new(text);
            assert_eq!(hay.text(), squeezed(text), "{text:?}");
            for (h, c) in hay.text().char_indices() {
                if !c.is_whitespace() {
                    let o = hay.original_position(h);
                    assert_eq!(text[o..].chars().next(), Some(c), "{text:?} at {h}");
                }
            }
        }
    }
}
