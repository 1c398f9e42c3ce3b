//! Positions as the protocol counts them: a line and a character offset in
//! the encoding agreed at initialisation (UTF-16 unless the client offers
//! another first), to and from byte offsets in the document's text.

use lsp_types::{Position, PositionEncodingKind};

/// The unit a position's `character` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

impl Encoding {
    /// The client's first offered encoding that we know; UTF-16, which every
    /// client supports, when it offers none.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        offered
            .unwrap_or_default()
            .iter()
            .find_map(|kind| match kind.as_str() {
                "utf-8" => Some(Encoding::Utf8),
                "utf-16" => Some(Encoding::Utf16),
                "utf-32" => Some(Encoding::Utf32),
                _ => None,
            })
            .unwrap_or(Encoding::Utf16)
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }
}

/// A text's line starts, for converting positions.
#[derive(Debug)]
pub struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    pub fn new(text: &'t str) -> Lines<'t> {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Lines { text, starts }
    }

    /// The position of byte `offset` (clamped to the text and to a character boundary).
    pub fn position(&self, offset: usize, encoding: Encoding) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let character: usize = self.text[self.starts[line]..offset]
            .chars()
            .map(|c| encoding.width(c))
            .sum();
        Position::new(to_u32(line), to_u32(character))
    }

    /// The byte offset of a position; a line past the end is the end of the
    /// text, and a character past the end of its line is the line's end, as
    /// the protocol asks.
    pub fn offset(&self, position: Position, encoding: Encoding) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let line = &self.text[start..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut counted = 0;
        for (i, c) in line.char_indices() {
            if counted >= position.character as usize {
                return start + i;
            }
            counted += encoding.width(c);
        }
        start + line.len()
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_counts_surrogate_pairs_twice_and_utf8_counts_bytes() {
        let text = "a\n🏳️‍🌈 he\r\nend";
        let lines = Lines::new(text);
        let he = text.find("he").unwrap();
        let prefix = &text[2..he];
        assert_eq!(
            lines.position(he, Encoding::Utf16),
            Position::new(1, prefix.encode_utf16().count() as u32)
        );
        assert_eq!(
            lines.position(he, Encoding::Utf8),
            Position::new(1, prefix.len() as u32)
        );
        assert_eq!(
            lines.position(he, Encoding::Utf32),
            Position::new(1, prefix.chars().count() as u32)
        );
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            assert_eq!(lines.offset(lines.position(he, encoding), encoding), he);
        }
        // Past the end of a line is its end (before \r\n); past the last line is the end.
        assert_eq!(
            lines.offset(Position::new(1, 999), Encoding::Utf16),
            text.find('\r').unwrap()
        );
        assert_eq!(
            lines.offset(Position::new(9, 0), Encoding::Utf16),
            text.len()
        );
    }

    #[test]
    fn negotiation_prefers_the_clients_first_known_encoding() {
        let offered = [
            PositionEncodingKind::new("utf-7"),
            PositionEncodingKind::UTF8,
        ];
        assert_eq!(Encoding::negotiate(Some(&offered)), Encoding::Utf8);
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }
}
