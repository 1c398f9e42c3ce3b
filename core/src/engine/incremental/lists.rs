//! Where the edited text's findings sit in the report's lists and in each
//! element's lists (term findings come text by text, in draft order, then
//! the rest), and replacing them there.

use super::{GAPS, REVIEW, Shown, WAIVED_R, WAIVED_V, WAIVED_V_ALL};
use crate::engine::rollup::element_finding;
use crate::model::framework::ELEMENTS;
use crate::model::{ElementFinding, Finding};

/// Where a text comes in [`texts_of`] order, from its path: the title,
/// then each section's heading and text; fields and the assessment after.
fn text_order(path: &str) -> usize {
    if path == "/title" {
        return 0;
    }
    let section = path.strip_prefix("/sections/").and_then(|rest| {
        let (index, part) = rest.split_once('/')?;
        Some((index.parse::<usize>().ok()?, part))
    });
    match section {
        Some((i, "heading")) => 1 + 2 * i,
        Some((i, "text")) => 2 + 2 * i,
        _ => usize::MAX,
    }
}

/// A finding, or an element's entry for one, by the path of its text.
pub(super) trait AtPath {
    fn at_path(&self) -> &str;
}

impl AtPath for Finding {
    fn at_path(&self) -> &str {
        &self.location.path
    }
}

impl AtPath for ElementFinding {
    fn at_path(&self) -> &str {
        &self.path
    }
}

/// The range of `list` (term findings, in text order) from text `position`.
pub(super) fn text_range<T: AtPath>(list: &[T], position: usize) -> (usize, usize) {
    (
        list.partition_point(|x| text_order(x.at_path()) < position),
        list.partition_point(|x| text_order(x.at_path()) <= position),
    )
}

/// Replaces `range` of `list` with `with`; whether that changed anything.
fn splice<T: PartialEq>(list: &mut Vec<T>, range: (usize, usize), with: Vec<T>) -> bool {
    let changed = list[range.0..range.1] != with[..];
    if changed {
        list.splice(range.0..range.1, with);
    }
    changed
}

impl Shown {
    /// Replaces, in every element's lists, the entries of the edited text's
    /// term findings and of the tail; per element, whether any changed.
    pub(super) fn patch_element_lists(
        &mut self,
        position: usize,
        new_terms: &[Vec<Finding>; 2],
        new_tail: &[Vec<Finding>; 2],
    ) -> Vec<bool> {
        let mut changed = vec![false; ELEMENTS.len()];
        for (index, element) in ELEMENTS.iter().enumerate() {
            let on = |f: &&Finding| f.elements.iter().any(|e| e == element.id);
            let entries = |list: &[Finding], waived: bool| -> Vec<ElementFinding> {
                list.iter()
                    .filter(on)
                    .filter(|f| f.waiver.is_some() == waived)
                    .map(element_finding)
                    .collect()
            };
            let counts = &mut self.element_terms[index];
            let status = &mut self.report.elements[index];
            let mut any = false;
            // Each list: its term part, then its tail. Tails first, so the
            // term parts' ranges stay where they were.
            for (list, kind, bucket) in
                [(&mut status.gaps, GAPS, 0), (&mut status.review, REVIEW, 1)]
            {
                let len = list.len();
                any |= splice(list, (counts[kind], len), entries(&new_tail[bucket], false));
                let range = text_range(&list[..counts[kind]], position);
                let with = entries(&new_terms[bucket], false);
                counts[kind] = counts[kind] - (range.1 - range.0) + with.len();
                any |= splice(list, range, with);
            }
            // Waived: violations (terms, tail), then findings to review (terms, tail).
            let waived = &mut status.waived;
            let len = waived.len();
            let review_start = counts[WAIVED_V_ALL];
            any |= splice(
                waived,
                (review_start + counts[WAIVED_R], len),
                entries(&new_tail[1], true),
            );
            let range = text_range(
                &waived[review_start..review_start + counts[WAIVED_R]],
                position,
            );
            let with = entries(&new_terms[1], true);
            counts[WAIVED_R] = counts[WAIVED_R] - (range.1 - range.0) + with.len();
            any |= splice(
                waived,
                (review_start + range.0, review_start + range.1),
                with,
            );
            let with = entries(&new_tail[0], true);
            let tail_len = with.len();
            any |= splice(waived, (counts[WAIVED_V], review_start), with);
            let range = text_range(&waived[..counts[WAIVED_V]], position);
            let with = entries(&new_terms[0], true);
            counts[WAIVED_V] = counts[WAIVED_V] - (range.1 - range.0) + with.len();
            any |= splice(waived, range, with);
            counts[WAIVED_V_ALL] = counts[WAIVED_V] + tail_len;
            changed[index] = any;
        }
        changed
    }
}
