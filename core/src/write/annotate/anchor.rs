//! Where each comment and tracked change goes: a finding's span in a
//! section's text or a field's label is traced through recognition's origins to a paragraph,
//! and through the layout to the run characters the reader saw there. When
//! the text there is not what the reader saw (a symbol, a field, a check
//! box), or the finding is about a table, row or field, the comment goes on
//! the whole paragraph, cell or row instead.

use super::layout::{Atom, ChildKind, Layout, ParaLayout};
use super::{AnchorKind, AnnotateOptions, Annotation, Fixes};
use crate::model::{Applicability, Draft, Finding, Report};
use crate::read::recognise::{Recognition, TextOrigin};
use crate::read::{DocxPlace, Source, Step, normalise_ticks};

/// A place between two shown characters, or a paragraph's edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Point {
    /// Just inside the paragraph, after its properties.
    ParaStart(usize),
    /// In a run of a paragraph: before character `offset` of child `child`
    /// (`offset` 0 is before the child; child == children.len() is the run's end).
    Cut(usize, Cut),
    /// Just before the paragraph's end tag.
    ParaEnd(usize),
}

/// A place in a paragraph's runs, ordered as in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Cut {
    pub(super) run: usize,
    pub(super) child: usize,
    pub(super) offset: usize,
}

#[derive(Debug)]
pub(super) struct PlannedComment {
    pub(super) annotation: Annotation,
    pub(super) start: Point,
    pub(super) end: Point,
    /// The finding, or `None` for the summary.
    pub(super) finding: Option<usize>,
}

/// A fix's edit as a tracked change within one paragraph: `from..to`
/// deleted, `replacement` inserted after it with the first run's formatting.
#[derive(Debug)]
pub(super) struct PlannedChange {
    pub(super) para: usize,
    pub(super) from: Cut,
    pub(super) to: Cut,
    pub(super) replacement: String,
}

#[derive(Debug, Default)]
pub(super) struct Plan {
    pub(super) comments: Vec<PlannedComment>,
    pub(super) changes: Vec<PlannedChange>,
}

/// The findings a comment is written for: unwaived, violations then those to review.
pub(super) fn commented(report: &Report) -> impl Iterator<Item = &Finding> {
    report
        .violations
        .iter()
        .chain(report.needs_review.iter())
        .filter(|f| f.waiver.is_none())
}

pub(super) struct Inputs<'a> {
    pub(super) report: &'a Report,
    pub(super) draft: &'a Draft,
    pub(super) recognition: &'a Recognition,
    pub(super) title: Option<&'a Source>,
    pub(super) layout: &'a Layout,
    pub(super) options: &'a AnnotateOptions,
    /// The first comment id to use.
    pub(super) first_id: u32,
}

pub(super) fn plan(inputs: &Inputs) -> Plan {
    let layout = inputs.layout;
    let title = inputs
        .title
        .and_then(|s| paragraph_of(layout, s))
        .or_else(|| layout.first_paragraph());
    let mut plan = Plan::default();
    let mut id = inputs.first_id;
    if let Some(title) = title {
        plan.comments.push(PlannedComment {
            annotation: annotation(id, "summary", None, AnchorKind::Title),
            start: Point::ParaStart(title),
            end: Point::ParaEnd(title),
            finding: None,
        });
        id += 1;
    }
    let mut tracer = Tracer::default();
    for (index, finding) in commented(inputs.report).enumerate() {
        let mut annotation = annotation(
            id,
            &finding.rule,
            Some(finding.fingerprint.to_string()),
            AnchorKind::Title,
        );
        let placed = words(inputs, finding, &mut tracer)
            .map(|(start, end, text)| {
                annotation.text = Some(text);
                (start, end, AnchorKind::Words)
            })
            .or_else(|| enclosing(inputs, finding));
        let (start, end, kind) = match (placed, title) {
            (Some(placed), _) => placed,
            (None, Some(title)) => (
                Point::ParaStart(title),
                Point::ParaEnd(title),
                AnchorKind::Title,
            ),
            // A document with no paragraph at all has nowhere for a comment.
            (None, None) => continue,
        };
        annotation.anchor = kind;
        if kind == AnchorKind::Words
            && wanted(finding, inputs.options.fixes)
            && let Some(changes) = changes(inputs, finding, &mut tracer, &plan.changes)
        {
            annotation.tracked_change = true;
            plan.changes.extend(changes);
        }
        plan.comments.push(PlannedComment {
            annotation,
            start,
            end,
            finding: Some(index),
        });
        id += 1;
    }
    plan
}

fn annotation(id: u32, rule: &str, fingerprint: Option<String>, anchor: AnchorKind) -> Annotation {
    Annotation {
        comment_id: id,
        rule: rule.to_owned(),
        fingerprint,
        anchor,
        text: None,
        tracked_change: false,
    }
}

/// Whether the finding's fix is to become a tracked change.
fn wanted(finding: &Finding, fixes: Fixes) -> bool {
    let Some(fix) = &finding.fix else {
        return false;
    };
    match fixes {
        Fixes::None => false,
        Fixes::Safe => fix.applicability == Applicability::Safe,
        Fixes::All => matches!(
            fix.applicability,
            Applicability::Safe | Applicability::Unsafe
        ),
    }
}

/// Exactly the finding's words, when they can be traced.
fn words(
    inputs: &Inputs,
    finding: &Finding,
    tracer: &mut Tracer,
) -> Option<(Point, Point, String)> {
    let span = finding.location.span?;
    let (text, origins) = inputs
        .recognition
        .traced_text(inputs.draft, &finding.location.path)?;
    let (start, end) = tracer.range(inputs, origins, text, span.start, span.end)?;
    Some((
        Point::Cut(start.0, normalise_start(inputs.layout, start)),
        Point::Cut(end.0, normalise_end(inputs.layout, end)),
        text.get(span.start..span.end)?.to_owned(),
    ))
}

/// The paragraph, cell, row or table a finding is about, whole.
fn enclosing(inputs: &Inputs, finding: &Finding) -> Option<(Point, Point, AnchorKind)> {
    let recognition = inputs.recognition;
    let path = finding.location.path.as_str();
    // A finding in a section's text that could not be traced exactly: the
    // paragraph its span starts in, else the section's heading.
    if let Some(rest) = path.strip_prefix("/sections/") {
        let index: usize = rest.split('/').next()?.parse().ok()?;
        let origins = recognition.origins.get(index)?;
        let at = finding.location.span.map_or(0, |s| s.start);
        let source = origins
            .text
            .iter()
            .find(|o| o.start <= at && at <= o.end && path.ends_with("/text"))
            .map(|o| &o.source)
            .or(origins.heading.as_ref())
            .or_else(|| origins.text.first().map(|o| &o.source))?;
        return whole(inputs.layout, source);
    }
    let mut pointer = path;
    loop {
        if let Some(source) = recognition.sources.get(pointer) {
            return whole(inputs.layout, source);
        }
        match pointer.rfind('/') {
            Some(i) if i > 0 => pointer = &pointer[..i],
            _ => return None,
        }
    }
}

/// A whole paragraph, or the first to last paragraph of a cell, row or table.
fn whole(layout: &Layout, source: &Source) -> Option<(Point, Point, AnchorKind)> {
    let Source::Docx(DocxPlace { path }) = source else {
        return None;
    };
    let mut path = path.as_slice();
    while !path.is_empty() {
        let kind = match path.last() {
            Some(Step::Paragraph(_)) => AnchorKind::Paragraph,
            Some(Step::Cell(_)) => AnchorKind::Cell,
            Some(Step::Row(_)) => AnchorKind::Row,
            Some(Step::Table(_)) => AnchorKind::Table,
            _ => AnchorKind::Paragraph,
        };
        if kind == AnchorKind::Paragraph {
            if let Some(p) = layout.paragraph(path) {
                return Some((Point::ParaStart(p), Point::ParaEnd(p), kind));
            }
        } else if let Some((first, last)) = layout.region(path) {
            return Some((Point::ParaStart(first), Point::ParaEnd(last), kind));
        }
        // Not found (a nested table flattened into a cell): the enclosing one.
        path = &path[..path.len() - 1];
    }
    None
}

fn paragraph_of(layout: &Layout, source: &Source) -> Option<usize> {
    match source {
        Source::Docx(DocxPlace { path }) => layout.paragraph(path),
        Source::Html(_) => None,
    }
}

/// The fix's edits as tracked changes, when every edit can be traced into
/// plain runs of one paragraph, away from fields and people's changes, and
/// does not overlap a change already planned.
fn changes(
    inputs: &Inputs,
    finding: &Finding,
    tracer: &mut Tracer,
    planned: &[PlannedChange],
) -> Option<Vec<PlannedChange>> {
    let fix = finding.fix.as_ref()?;
    let mut out: Vec<PlannedChange> = Vec::new();
    for edit in &fix.edits {
        let (text, origins) = inputs.recognition.traced_text(inputs.draft, &edit.path)?;
        if edit.start >= edit.end {
            // A pure insertion has no words to carry it; left to the comment.
            return None;
        }
        let ((para, from), (end_para, last)) =
            tracer.range(inputs, origins, text, edit.start, edit.end)?;
        if para != end_para {
            return None;
        }
        let paragraph = &inputs.layout.paragraphs[para];
        let to = after(paragraph, last);
        if !plain_runs(paragraph, from, to) {
            return None;
        }
        let overlaps = |c: &PlannedChange| c.para == para && c.from < to && from < c.to;
        if planned.iter().chain(out.iter()).any(overlaps) {
            return None;
        }
        out.push(PlannedChange {
            para,
            from,
            to,
            replacement: edit.replacement.clone(),
        });
    }
    (!out.is_empty()).then_some(out)
}

/// Every run from `from` to `to` may be wrapped in a tracked change: in the
/// same element, outside fields and people's changes, and what is deleted
/// is text, tabs and breaks only.
fn plain_runs(para: &ParaLayout, from: Cut, to: Cut) -> bool {
    let runs = &para.runs[from.run..=to.run.min(para.runs.len().saturating_sub(1))];
    let parent = runs.first().map(|r| r.parent);
    runs.iter().enumerate().all(|(i, run)| {
        let index = from.run + i;
        let first_child = if index == from.run { from.child } else { 0 };
        let last_child = if index == to.run {
            // The child `to` cuts into is deleted only up to the cut.
            if to.offset > 0 {
                to.child + 1
            } else {
                to.child
            }
        } else {
            run.children.len()
        };
        run.editable
            && Some(run.parent) == parent
            && run.children[first_child..last_child.min(run.children.len())]
                .iter()
                .all(|c| !matches!(c.kind, ChildKind::Other))
    })
}

/// The cut just after a shown character.
fn after(para: &ParaLayout, atom: Cut) -> Cut {
    let child_len = para.runs[atom.run].children[atom.child].len();
    if atom.offset + 1 >= child_len {
        Cut {
            run: atom.run,
            child: atom.child + 1,
            offset: 0,
        }
    } else {
        Cut {
            offset: atom.offset + 1,
            ..atom
        }
    }
}

/// A comment's start before the first shown character of a run goes
/// before the run, so no run is split for nothing.
fn normalise_start(layout: &Layout, (para, cut): (usize, Cut)) -> Cut {
    let run = &layout.paragraphs[para].runs[cut.run];
    if cut.offset == 0 && run.children[..cut.child].iter().all(|c| c.len() == 0) {
        Cut {
            child: 0,
            offset: 0,
            ..cut
        }
    } else {
        cut
    }
}

/// A comment's end after the last shown character of a run goes after the run.
fn normalise_end(layout: &Layout, (para, atom): (usize, Cut)) -> Cut {
    let paragraph = &layout.paragraphs[para];
    let cut = after(paragraph, atom);
    let run = &paragraph.runs[cut.run];
    if cut.offset == 0
        && run.children[cut.child.min(run.children.len())..]
            .iter()
            .all(|c| c.len() == 0)
    {
        Cut {
            child: run.children.len(),
            offset: 0,
            ..cut
        }
    } else {
        cut
    }
}

/// A paragraph's text as the reader gives it (trimmed, no-break spaces and
/// tick symbols normalised), with each character's atom.
pub(super) struct Traced {
    pub(super) text: String,
    /// Byte offset in `text` of each character, and its atom.
    chars: Vec<(usize, Atom)>,
}

#[derive(Default)]
struct Tracer {
    cache: std::collections::HashMap<usize, Option<Traced>>,
}

impl Tracer {
    fn traced<'t>(&'t mut self, layout: &Layout, para: usize) -> Option<&'t Traced> {
        self.cache
            .entry(para)
            .or_insert_with(|| trace(&layout.paragraphs[para]))
            .as_ref()
    }

    /// Bytes `start..end` of a section's text or a field's label, read in
    /// `origins`, as (paragraph, cut before the first character) and
    /// (paragraph, the last character), checking that the paragraph's traced
    /// text there is the draft's.
    fn range(
        &mut self,
        inputs: &Inputs,
        origins: &[TextOrigin],
        text: &str,
        start: usize,
        end: usize,
    ) -> Option<((usize, Cut), (usize, Cut))> {
        if start >= end {
            return None;
        }
        let first = origins.iter().find(|o| o.start <= start && start < o.end)?;
        let last = origins.iter().find(|o| o.start < end && end <= o.end)?;
        // Every stretch covered must read the same in the XML.
        for origin in origins.iter().filter(|o| o.start < end && start < o.end) {
            let para = paragraph_of(inputs.layout, &origin.source)?;
            let from = start.max(origin.start);
            let to = end.min(origin.end);
            let traced = self.traced(inputs.layout, para)?;
            let at = origin.offset + (from - origin.start);
            let expected = text.get(from..to)?;
            if traced.text.get(at..at + expected.len())? != expected {
                return None;
            }
        }
        let start_para = paragraph_of(inputs.layout, &first.source)?;
        let end_para = paragraph_of(inputs.layout, &last.source)?;
        let start_atom = self.atom_at(
            inputs.layout,
            start_para,
            first.offset + (start - first.start),
        )?;
        let end_atom =
            self.atom_before(inputs.layout, end_para, last.offset + (end - last.start))?;
        Some(((start_para, start_atom), (end_para, end_atom)))
    }

    /// The cut before the character at byte `at` of a paragraph's text.
    fn atom_at(&mut self, layout: &Layout, para: usize, at: usize) -> Option<Cut> {
        let traced = self.traced(layout, para)?;
        let i = traced.chars.binary_search_by_key(&at, |(b, _)| *b).ok()?;
        Some(cut_of(traced.chars[i].1))
    }

    /// The last character before byte `at` of a paragraph's text.
    fn atom_before(&mut self, layout: &Layout, para: usize, at: usize) -> Option<Cut> {
        let traced = self.traced(layout, para)?;
        let i = traced.chars.partition_point(|(b, _)| *b < at);
        Some(cut_of(traced.chars.get(i.checked_sub(1)?)?.1))
    }
}

fn cut_of(atom: Atom) -> Cut {
    Cut {
        run: atom.run,
        child: atom.child,
        offset: atom.offset,
    }
}

pub(super) fn trace(para: &ParaLayout) -> Option<Traced> {
    if para.opaque {
        return None;
    }
    let atoms = &para.atoms;
    let lead = atoms.iter().take_while(|a| a.c.is_whitespace()).count();
    let trail = atoms[lead..]
        .iter()
        .rev()
        .take_while(|a| a.c.is_whitespace())
        .count();
    let mut text = String::new();
    let mut chars = Vec::with_capacity(atoms.len());
    for atom in &atoms[lead..atoms.len() - trail] {
        chars.push((text.len(), *atom));
        let c = if atom.c == '\u{a0}' { ' ' } else { atom.c };
        let mut buf = [0u8; 4];
        text.push_str(&normalise_ticks(c.encode_utf8(&mut buf)));
    }
    Some(Traced { text, chars })
}
