//! Paragraphs of a text (runs of lines between blank lines), for term
//! conditions that hold across a paragraph (`unless_in_paragraph`).

/// Byte offsets where each paragraph begins: the start of the text and the
/// first byte after each run of blank lines.
pub(super) fn paragraph_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut line_start = 0;
    let mut blank_run = false;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if !blank && blank_run {
            starts.push(line_start);
        }
        blank_run = blank;
        line_start += line.len();
    }
    starts
}

/// The byte range of the paragraph containing `offset`.
pub(super) fn paragraph_around(starts: &[usize], len: usize, offset: usize) -> (usize, usize) {
    let next = starts.partition_point(|&s| s <= offset);
    let start = next.checked_sub(1).map_or(0, |i| starts[i]);
    (start, starts.get(next).copied().unwrap_or(len))
}
