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
    /// Squeezes `text` in one pass. Text whose white space is already single
    /// ASCII spaces is borrowed as it is.
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let plain = bytes.iter().enumerate().all(|(i, &b)| match b {
            b' ' => bytes.get(i + 1) != Some(&b' '),
            b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => false,
            // Any non-ASCII character might be white space (U+00A0, U+2028, ...).
            _ => b.is_ascii(),
        });
        if plain {
            return Haystack {
                text: Cow::Borrowed(text),
                breaks: Vec::new(),
            };
        }
        let mut out = String::with_capacity(text.len());
        let mut breaks = Vec::new();
        let mut copied = 0; // text[copied..] is not yet in `out`
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if !c.is_whitespace() {
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_whitespace() {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            out.push_str(&text[copied..i]);
            out.push(' ');
            copied = end;
            if end - i != 1 {
                breaks.push((out.len(), end));
            }
        }
        out.push_str(&text[copied..]);
        Haystack {
            text: Cow::Owned(out),
            breaks,
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
        let run = text.find("\r\n").unwrap() + 1;
        assert_eq!(&hay.text()[hay.haystack_position(run)..][..1], " ");
    }
}
