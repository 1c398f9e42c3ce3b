//! An editing session: keeps the term findings of every text in the draft and
//! re-scans only what changed, so a keystroke in one section of a long draft
//! costs a scan of that section, not of the whole draft.

use std::collections::HashMap;
use std::sync::Arc;

use super::Engine;
use super::incremental::Shown;
use super::scan::TextFindings;
use super::texts::{TextKind, texts_of};
use crate::error::DraftError;
use crate::model::Draft;
use crate::model::{Report, ReportDiff};

/// A draft being edited, with cached per-text results.
///
/// ```
/// use std::sync::Arc;
/// use dueregard::{Draft, Engine, Session};
///
/// let draft = Draft::from_json(r#"{"title": "Leave", "sections": [{"id": "scope", "text": "Staff"}]}"#).unwrap();
/// let mut session = Session::new(Arc::new(Engine::new()), draft);
/// let report = session.update_section("scope", "Staff and his/her family").unwrap();
/// assert_eq!(report.violations[0].rule, "term-binary-pronouns");
/// ```
#[derive(Debug)]
pub struct Session {
    engine: Arc<Engine>,
    draft: Draft,
    /// One entry per text of the draft, in `texts_of` order.
    texts: Vec<TextFindings>,
    /// The bytes of all the draft's texts together, held within the size
    /// limit edit after edit as a whole draft read at once would be.
    size: usize,
    /// The report the last `*_diff` call described, which the next diff is
    /// made against (and, after a section edit, patched into the next
    /// report); `None` once another method changed the draft.
    shown: Option<Shown>,
}

/// What a section edit did to the cached texts.
enum Edit {
    /// The text at `position` was scanned again; `old` is what it had.
    Text { position: usize, old: TextFindings },
    /// Every text was scanned again.
    Rescanned,
}

/// The bytes of all the texts term rules read.
fn texts_size(draft: &Draft) -> usize {
    texts_of(draft).iter().map(|t| t.text.len()).sum()
}

impl Session {
    /// Starts a session, checking the whole draft once.
    pub fn new(engine: Arc<Engine>, draft: Draft) -> Session {
        let texts = engine.all_text_findings(&texts_of(&draft));
        let size = texts_size(&draft);
        Session {
            engine,
            draft,
            texts,
            size,
            shown: None,
        }
    }

    /// How many findings text `position` may build: what the others leave
    /// of the limit. Only a draft past the findings limit feels this, and
    /// then only in which findings are listed; the counts are always exact.
    fn budget_without(&self, position: usize) -> usize {
        let others: usize = self
            .texts
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != position)
            .map(|(_, t)| t.items.len())
            .sum();
        self.engine.limits().max_findings.saturating_sub(others)
    }

    /// The engine the session checks with.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The draft as it stands.
    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    /// The report for the draft as it stands.
    pub fn report(&self) -> Report {
        self.engine.assemble(&self.draft, &self.texts)
    }

    /// Replaces one section's text and returns the whole report, re-scanning
    /// only that section.
    pub fn update_section(&mut self, section_id: &str, text: &str) -> Result<Report, DraftError> {
        self.replace_section(section_id, text)?;
        self.shown = None;
        Ok(self.report())
    }

    /// Replaces one section's text, re-scanning only that section, and
    /// returns what changed in the report since the last `*_diff` call (or,
    /// after any other call, since the draft as it stood before this edit).
    /// The report last shown is patched, not rebuilt: the other texts'
    /// findings are left as they were unless something document-wide that
    /// decides them changed (see `engine/incremental.rs`), so a keystroke in a
    /// long draft costs a scan of its section and the rules that read the
    /// whole draft.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use dueregard::{Draft, Engine, Session};
    ///
    /// let draft = Draft::from_json(r#"{"title": "Leave", "sections": [{"id": "scope", "text": "Staff"}]}"#).unwrap();
    /// let mut session = Session::new(Arc::new(Engine::new()), draft);
    /// let mut report = session.report();
    /// let diff = session.update_section_diff("scope", "Staff and his/her family").unwrap();
    /// assert_eq!(diff.added[0].finding.rule, "term-binary-pronouns");
    /// diff.apply(&mut report);
    /// assert_eq!(report, session.report());
    /// ```
    pub fn update_section_diff(
        &mut self,
        section_id: &str,
        text: &str,
    ) -> Result<ReportDiff, DraftError> {
        let mut shown = match self.shown.take() {
            Some(shown) => shown,
            None => self.shown_now(),
        };
        let edit = match self.replace_section(section_id, text) {
            Ok(edit) => edit,
            Err(error) => {
                self.shown = Some(shown);
                return Err(error);
            }
        };
        let patched = match &edit {
            Edit::Text { position, old } => {
                shown.patch(&self.engine, &self.draft, &self.texts, *position, old)
            }
            Edit::Rescanned => None,
        };
        Ok(match patched {
            Some(diff) => {
                self.shown = Some(shown);
                diff
            }
            None => self.diff_from(shown.report),
        })
    }

    /// As [`Session::set_draft`], returning what changed in the report (as
    /// [`Session::update_section_diff`] does).
    pub fn set_draft_diff(&mut self, draft: Draft) -> ReportDiff {
        let before = match self.shown.take() {
            Some(shown) => shown.report,
            None => self.report(),
        };
        self.replace_draft(draft);
        self.diff_from(before)
    }

    /// The report the last `*_diff` call described, without building it
    /// again; `None` after any other call changed the draft.
    pub fn last_report(&self) -> Option<&Report> {
        self.shown.as_ref().map(|shown| &shown.report)
    }

    /// The report for the draft as it stands, as the one shown.
    fn shown_now(&self) -> Shown {
        Shown::new(&self.engine, &self.draft, &self.texts, self.report())
    }

    fn diff_from(&mut self, before: Report) -> ReportDiff {
        let shown = self.shown_now();
        let diff = ReportDiff::between(&before, &shown.report);
        self.shown = Some(shown);
        diff
    }

    /// Replaces one section's text and re-scans it. Where the findings
    /// limit is in play (a text had hits counted, not built), every text is
    /// scanned again in order, as a check of the whole draft would, so the
    /// findings listed are the same.
    fn replace_section(&mut self, section_id: &str, text: &str) -> Result<Edit, DraftError> {
        let index = self
            .draft
            .sections
            .iter()
            .position(|s| s.id == section_id)
            .ok_or_else(|| DraftError::Invalid {
                pointer: "/sections".into(),
                message: format!("no section has the id {section_id:?}"),
                line: 0,
                column: 0,
            })?;
        let limit = self.engine.limits().max_bytes;
        let size = self.size - self.draft.sections[index].text.len() + text.len();
        if size > limit {
            return Err(DraftError::TooLarge { size, limit });
        }
        self.draft.sections[index].text = text.to_owned();
        self.size = size;
        let changed = TextKind::SectionText(index);
        let Some(position) = self.texts.iter().position(|t| t.kind == changed) else {
            return Ok(Edit::Rescanned);
        };
        let was_past_the_limit = self.past_the_limit();
        let budget = self.budget_without(position);
        let text = texts_of(&self.draft).swap_remove(position);
        let old = std::mem::replace(
            &mut self.texts[position],
            self.engine.text_findings(&text, budget),
        );
        if was_past_the_limit || self.past_the_limit() {
            self.texts = self.engine.all_text_findings(&texts_of(&self.draft));
            return Ok(Edit::Rescanned);
        }
        Ok(Edit::Text { position, old })
    }

    /// Whether some text has hits counted past the findings limit.
    fn past_the_limit(&self) -> bool {
        self.texts.iter().any(|t| !t.omitted.is_empty())
    }

    /// Replaces the whole draft (a heading, a field or the EIA changed),
    /// reusing the cached findings of every text that is unchanged.
    pub fn set_draft(&mut self, draft: Draft) -> Report {
        self.replace_draft(draft);
        self.shown = None;
        self.report()
    }

    /// Replaces the whole draft, re-scanning only the texts that changed.
    fn replace_draft(&mut self, draft: Draft) {
        let old: HashMap<(String, Option<&str>), (&str, &TextFindings)> = texts_of(&self.draft)
            .into_iter()
            .zip(&self.texts)
            .map(|(t, found)| ((t.path, t.section), (t.text, found)))
            .collect();
        let new_texts = texts_of(&draft);
        let mut texts: Vec<Option<TextFindings>> = new_texts
            .iter()
            .map(|t| match old.get(&(t.path.clone(), t.section)) {
                Some((text, found)) if *text == t.text => Some((*found).clone()),
                _ => None,
            })
            .collect();
        // What the reused texts build comes off the limit first; the changed
        // texts share what is left, in order.
        let mut budget = self
            .engine
            .limits()
            .max_findings
            .saturating_sub(texts.iter().flatten().map(|t| t.items.len()).sum());
        for (slot, text) in texts.iter_mut().zip(&new_texts) {
            if slot.is_none() {
                let found = self.engine.text_findings(text, budget);
                budget -= found.items.len();
                *slot = Some(found);
            }
        }
        self.texts = texts.into_iter().flatten().collect();
        self.size = texts_size(&draft);
        self.draft = draft;
        if self.past_the_limit() {
            // Which findings are built depends on every text before.
            self.texts = self.engine.all_text_findings(&texts_of(&self.draft));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> Draft {
        Draft::from_json(
            r#"{"title":"t","sections":[{"id":"a","heading":"A","text":"one"},{"id":"b","text":"two he or she"}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn updates_match_a_full_check() {
        let engine = Arc::new(Engine::new());
        let mut session = Session::new(engine.clone(), draft());
        assert_eq!(session.report(), engine.check(&draft()));
        let report = session
            .update_section("a", "the chairman said his/her piece")
            .unwrap();
        assert_eq!(report, engine.check(session.draft()));
        let mut changed = session.draft().clone();
        changed.sections.swap(0, 1);
        changed.title = "Ladies and gentlemen".into();
        let report = session.set_draft(changed.clone());
        assert_eq!(report, engine.check(&changed));
    }

    #[test]
    fn the_draft_as_a_whole_stays_within_the_size_limit_edit_after_edit() {
        let engine = Engine::new().with_limits(crate::Limits {
            max_bytes: 1_000,
            ..crate::Limits::default()
        });
        let mut session = Session::new(Arc::new(engine), draft());
        let big = "x".repeat(600);
        session.update_section("a", &big).unwrap();
        // Each edit alone is under the limit; together they would not be.
        let err = session.update_section("b", &big).unwrap_err();
        assert_eq!(err.kind(), "too_large");
        assert_eq!(session.draft().sections[1].text, "two he or she");
        // Shrinking one makes room for the other.
        session.update_section("a", "short").unwrap();
        session.update_section("b", &big).unwrap();
    }

    #[test]
    fn re_wrapping_a_paragraph_keeps_its_fingerprints() {
        let engine = Arc::new(Engine::new());
        let mut session = Session::new(engine, draft());
        let prints = |report: &Report| -> Vec<String> {
            report
                .violations
                .iter()
                .filter(|f| f.rule.starts_with("term-"))
                .map(|f| f.fingerprint.to_string())
                .collect()
        };
        let one_line = session
            .update_section(
                "a",
                "Ask whether he or she needs a husband or wife to attend.",
            )
            .unwrap();
        let wrapped = session
            .update_section(
                "a",
                "Ask whether he or\nshe needs a husband or\r\n  wife to attend.",
            )
            .unwrap();
        assert_eq!(prints(&one_line).len(), 3, "two here, one in section b");
        assert_eq!(prints(&one_line), prints(&wrapped));
        let pronouns = wrapped
            .violations
            .iter()
            .find(|f| f.rule == "term-binary-pronouns")
            .unwrap();
        let span = pronouns.location.span.unwrap();
        assert_eq!(
            &session.draft().sections[0].text[span.start..span.end],
            "he or\nshe"
        );
    }

    #[test]
    fn unknown_sections_and_oversized_text_are_typed_errors() {
        let mut session = Session::new(Arc::new(Engine::new()), draft());
        let err = session.update_section("zzz", "x").unwrap_err();
        assert_eq!(err.pointer(), Some("/sections"));
        let huge = "a".repeat(Engine::new().limits().max_bytes + 1);
        assert_eq!(
            session.update_section("a", &huge).unwrap_err().kind(),
            "too_large"
        );
    }
}
