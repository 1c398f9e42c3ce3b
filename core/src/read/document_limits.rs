//! Bounds on .docx and HTML input, so a hostile file (a zip bomb, a billion
//! nested elements) is refused with a typed error instead of exhausting memory
//! or the stack. These are meant to join the core's `Limits` once the readers
//! are wired into `Draft` reading.

/// Bounds on documents read from bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentLimits {
    /// Largest file accepted, in bytes (the .docx as stored, or the HTML).
    pub max_input_bytes: usize,
    /// Most entries a .docx zip may list (Word writes a few dozen).
    pub max_zip_entries: usize,
    /// Largest uncompressed size of one part that is read (document.xml,
    /// styles.xml, ...), counted while inflating.
    pub max_part_bytes: u64,
    /// Largest uncompressed size of all parts read, added up.
    pub max_total_bytes: u64,
    /// Highest ratio of uncompressed to compressed size of a part once it
    /// passes `ratio_floor_bytes` (Word's XML compresses 5 to 30 times;
    /// zip bombs, thousands).
    pub max_compression_ratio: u64,
    /// A part may inflate this much before the ratio is checked, so small,
    /// very repetitive parts are not refused.
    pub ratio_floor_bytes: u64,
    /// Deepest XML or HTML element nesting accepted.
    pub max_depth: usize,
    /// Most nodes (elements and text runs) an HTML page may make.
    pub max_html_elements: usize,
}

impl Default for DocumentLimits {
    fn default() -> Self {
        DocumentLimits {
            max_input_bytes: 64 * 1024 * 1024,
            max_zip_entries: 10_000,
            max_part_bytes: 64 * 1024 * 1024,
            max_total_bytes: 128 * 1024 * 1024,
            max_compression_ratio: 200,
            ratio_floor_bytes: 1024 * 1024,
            max_depth: 256,
            max_html_elements: 1_000_000,
        }
    }
}
