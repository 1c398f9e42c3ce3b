//! Writes the plan into word/document.xml: comment ranges and references
//! at their points, runs split where a point falls inside one (each piece
//! keeps the run's own start tag and properties, so formatting is
//! unchanged), and fixes as a deletion and an insertion by dueregard.
//! Everything not touched is copied byte for byte.

use std::collections::BTreeMap;

use super::AUTHOR;
use super::anchor::{Cut, Plan, PlannedChange, Point};
use super::layout::{ChildKind, Layout, RunLayout};
use super::scan::{apply, escape};

/// What is inserted at a point, in the order it is written there: the
/// insertion that ends a change, then comment ends, then comment starts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Insert {
    phase: u8,
    seq: u32,
    xml: String,
}

/// Renders the plan over the (stripped) main document part. `first_revision`
/// is the first `w:id` free for tracked changes; `date` is the `w:date`
/// attribute text (with its leading space) or empty.
pub(super) fn render(
    xml: &str,
    layout: &Layout,
    plan: &Plan,
    first_revision: u32,
    date: &str,
) -> String {
    let mut inserts: BTreeMap<Point, Vec<Insert>> = BTreeMap::new();
    for (seq, comment) in plan.comments.iter().enumerate() {
        let id = comment.annotation.comment_id;
        let seq = seq as u32;
        inserts.entry(comment.start).or_default().push(Insert {
            phase: 2,
            seq,
            xml: format!("<w:commentRangeStart w:id=\"{id}\"/>"),
        });
        inserts.entry(comment.end).or_default().push(Insert {
            phase: 1,
            seq,
            xml: format!(
                "<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:commentReference w:id=\"{id}\"/></w:r>"
            ),
        });
    }
    for (seq, change) in plan.changes.iter().enumerate() {
        if change.replacement.is_empty() {
            continue;
        }
        let run = &layout.paragraphs[change.para].runs[change.from.run];
        let id = first_revision + seq as u32;
        inserts
            .entry(Point::Cut(change.para, change.to))
            .or_default()
            .push(Insert {
                phase: 0,
                seq: seq as u32,
                xml: format!(
                    "<w:ins w:id=\"{id}\" w:author=\"{AUTHOR}\"{date}>{open}{rpr}<w:t xml:space=\"preserve\">{text}</w:t></w:r></w:ins>",
                    open = &xml[run.start..run.open_end],
                    rpr = run.rpr.map_or("", |(s, e)| &xml[s..e]),
                    text = escape(&change.replacement),
                ),
            });
    }
    for list in inserts.values_mut() {
        list.sort();
    }

    let mut splices: Vec<(usize, usize, String)> = Vec::new();
    let mut deletions = Deletions {
        next_id: first_revision + plan.changes.len() as u32,
        date,
    };
    let touched: std::collections::BTreeSet<usize> = inserts
        .keys()
        .map(|p| match p {
            Point::ParaStart(p) | Point::ParaEnd(p) | Point::Cut(p, _) => *p,
        })
        .chain(plan.changes.iter().map(|c| c.para))
        .collect();
    for p in touched {
        let para = &layout.paragraphs[p];
        let at = |point: Point| -> String {
            inserts
                .get(&point)
                .map(|list| list.iter().map(|i| i.xml.as_str()).collect())
                .unwrap_or_default()
        };
        let (start, end) = (at(Point::ParaStart(p)), at(Point::ParaEnd(p)));
        if para.empty {
            if !(start.is_empty() && end.is_empty()) {
                let tag = &xml[para.open.0..para.open.1];
                let open = tag.trim_end_matches('>').trim_end_matches('/').trim_end();
                splices.push((
                    para.open.0,
                    para.open.1,
                    format!("{open}>{start}{end}</w:p>"),
                ));
            }
            continue;
        }
        if !start.is_empty() {
            splices.push((para.content_start, para.content_start, start));
        }
        let changes: Vec<&PlannedChange> = plan.changes.iter().filter(|c| c.para == p).collect();
        for (r, run) in para.runs.iter().enumerate() {
            let run_end = Cut {
                run: r,
                child: run.children.len(),
                offset: 0,
            };
            let run_start = Cut {
                run: r,
                child: 0,
                offset: 0,
            };
            let mut cuts: Vec<Cut> = inserts
                .range(Point::Cut(p, run_start)..=Point::Cut(p, run_end))
                .map(|(point, _)| match point {
                    Point::Cut(_, cut) => *cut,
                    _ => run_start,
                })
                .collect();
            for change in &changes {
                for cut in [change.from, change.to] {
                    if cut.run == r {
                        cuts.push(cut);
                    }
                }
            }
            cuts.push(run_start);
            cuts.push(run_end);
            cuts.sort();
            cuts.dedup();
            let deleted = |a: Cut, b: Cut| changes.iter().any(|c| c.from <= a && b <= c.to);
            let internal = cuts.len() > 2;
            let any_deleted = cuts.windows(2).any(|w| deleted(w[0], w[1]));
            if !internal && !any_deleted {
                let before = at(Point::Cut(p, run_start));
                if !before.is_empty() {
                    splices.push((run.start, run.start, before));
                }
                let after = at(Point::Cut(p, run_end));
                if !after.is_empty() {
                    splices.push((run.end, run.end, after));
                }
                continue;
            }
            let mut out = String::new();
            for pair in cuts.windows(2) {
                out.push_str(&at(Point::Cut(p, pair[0])));
                let piece = piece(xml, run, pair[0], pair[1], deleted(pair[0], pair[1]));
                if let Some(piece) = piece {
                    if deleted(pair[0], pair[1]) {
                        out.push_str(&deletions.wrap(&piece));
                    } else {
                        out.push_str(&piece);
                    }
                }
            }
            out.push_str(&at(Point::Cut(p, run_end)));
            splices.push((run.start, run.end, out));
        }
        if !end.is_empty() {
            splices.push((para.content_end, para.content_end, end));
        }
    }
    apply(xml, splices)
}

struct Deletions<'d> {
    next_id: u32,
    date: &'d str,
}

impl Deletions<'_> {
    fn wrap(&mut self, run: &str) -> String {
        let id = self.next_id;
        self.next_id += 1;
        format!(
            "<w:del w:id=\"{id}\" w:author=\"{AUTHOR}\"{}>{run}</w:del>",
            self.date
        )
    }
}

/// The run's content from cut `a` to cut `b` as a run of its own, with the
/// run's start tag and properties; `None` when nothing is in it.
fn piece(xml: &str, run: &RunLayout, a: Cut, b: Cut, deleted: bool) -> Option<String> {
    let mut content = String::new();
    let mut any = false;
    for (c, child) in run.children.iter().enumerate() {
        let from = if c == a.child { a.offset } else { 0 };
        let len = child.len();
        let to = if c == b.child { b.offset } else { len };
        let inside = c >= a.child && (c < b.child || (c == b.child && b.offset > 0));
        if !inside || (len > 0 && from >= to) {
            continue;
        }
        any = true;
        match &child.kind {
            ChildKind::Text(text) if deleted || from > 0 || to < len => {
                let part: String = text.chars().skip(from).take(to - from).collect();
                let tag = if deleted { "w:delText" } else { "w:t" };
                content.push_str(&format!(
                    "<{tag} xml:space=\"preserve\">{}</{tag}>",
                    escape(&part)
                ));
            }
            _ => content.push_str(&xml[child.start..child.end]),
        }
    }
    if !any {
        return None;
    }
    Some(format!(
        "{}{}{content}</w:r>",
        &xml[run.start..run.open_end],
        run.rpr.map_or("", |(s, e)| &xml[s..e]),
    ))
}
