//! Taking out what dueregard wrote before: its comments, their ranges and
//! references, its insertions (rejected: removed) and its deletions
//! (rejected: the text put back as it was). People's comments and changes
//! are not touched.

use std::collections::BTreeSet;

use super::AUTHOR;
use super::scan::{Scanner, Tok, apply};
use crate::read::ReadError;
use crate::read::docx::xml::Ns;

pub(super) struct Stripped {
    pub(super) document_xml: String,
    pub(super) comments_xml: Option<String>,
    /// The largest comment id left (people's comments).
    pub(super) max_comment_id: u64,
}

pub(super) fn strip_ours(
    document_xml: &str,
    document_part: &str,
    comments_xml: Option<&str>,
    max_depth: usize,
) -> Result<Stripped, ReadError> {
    let mut ours = BTreeSet::new();
    let mut max_comment_id = 0;
    let comments_xml = match comments_xml {
        Some(xml) => {
            let mut scanner = Scanner::new(xml, "word/comments.xml", max_depth);
            let mut splices = Vec::new();
            let mut depth = 0usize;
            loop {
                match scanner.next()? {
                    (Tok::Start { ns, start, empty }, from, to) => {
                        if depth == 1 && ns == Ns::W && start.local_name().as_ref() == "comment" {
                            let id = scanner.attr(&start, "id")?.unwrap_or_default();
                            let author = scanner.attr(&start, "author")?;
                            let end = if empty { to } else { scanner.skip_element()? };
                            if author.as_deref() == Some(AUTHOR) {
                                ours.insert(id);
                                splices.push((from, end, String::new()));
                            } else if let Ok(n) = id.trim().parse::<u64>() {
                                max_comment_id = max_comment_id.max(n);
                            }
                            continue;
                        }
                        if !empty {
                            depth += 1;
                        }
                    }
                    (Tok::End, _, _) => depth = depth.saturating_sub(1),
                    (Tok::Text(_), _, _) => {}
                    (Tok::Eof, _, _) => break,
                }
            }
            Some(apply(xml, splices))
        }
        None => None,
    };

    let mut scanner = Scanner::new(document_xml, document_part, max_depth);
    let mut splices = Vec::new();
    // Open elements: (is a run, start offset, remove it whole at its end,
    // is our deletion, is a deleted-text element inside our deletion).
    let mut stack: Vec<(bool, usize, bool, bool, bool)> = Vec::new();
    let mut in_our_del = 0usize;
    loop {
        match scanner.next()? {
            (Tok::Start { ns, start, empty }, from, to) => {
                let local = start.local_name();
                let local = local.as_ref();
                let w = ns == Ns::W;
                let id = || scanner.attr(&start, "id");
                let author = || scanner.attr(&start, "author");
                if w && matches!(local, "commentRangeStart" | "commentRangeEnd") {
                    if ours.contains(&id()?.unwrap_or_default()) {
                        let end = if empty { to } else { scanner.skip_element()? };
                        splices.push((from, end, String::new()));
                    } else if !empty {
                        stack.push((false, from, false, false, false));
                    }
                    continue;
                }
                if w && local == "commentReference" && ours.contains(&id()?.unwrap_or_default()) {
                    // Our reference sits in a run of its own: the run goes.
                    if let Some(run) = stack.iter_mut().rev().find(|e| e.0) {
                        run.2 = true;
                    }
                }
                if w && local == "ins" && author()?.as_deref() == Some(AUTHOR) {
                    let end = if empty { to } else { scanner.skip_element()? };
                    splices.push((from, end, String::new()));
                    continue;
                }
                let ours_del = w && local == "del" && author()?.as_deref() == Some(AUTHOR);
                if ours_del {
                    splices.push((from, to, String::new()));
                    if empty {
                        continue;
                    }
                    in_our_del += 1;
                }
                let del_text = w && local == "delText" && in_our_del > 0;
                if del_text {
                    let replacement = if empty {
                        "<w:t xml:space=\"preserve\"/>"
                    } else {
                        "<w:t xml:space=\"preserve\">"
                    };
                    splices.push((from, to, replacement.to_owned()));
                }
                if !empty {
                    stack.push((w && local == "r", from, false, ours_del, del_text));
                }
            }
            (Tok::End, from, to) => {
                let Some((_, start, remove, ours_del, del_text)) = stack.pop() else {
                    continue;
                };
                if remove {
                    // Drop what was spliced inside it; the whole run goes.
                    splices.retain(|(s, _, _)| *s < start);
                    splices.push((start, to, String::new()));
                } else if ours_del {
                    in_our_del -= 1;
                    splices.push((from, to, String::new()));
                } else if del_text {
                    splices.push((from, to, "</w:t>".to_owned()));
                }
            }
            (Tok::Text(_), _, _) => {}
            (Tok::Eof, _, _) => break,
        }
    }
    Ok(Stripped {
        document_xml: apply(document_xml, splices),
        comments_xml,
        max_comment_id,
    })
}
