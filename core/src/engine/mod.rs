//! The engine: compiled once from a rule pack, then checks any number of
//! drafts. `Engine` is `Send + Sync`; checking never fails, because a rule
//! that breaks is reported in the report's `errors` bucket.
//!
//! The files read in the order a check runs: `compile` (pack to engine),
//! `texts` (what term rules read), `scan` (term findings per text), `check`
//! (the report), with `finding`, `waivers` and `rollup` as its parts, and
//! `session` for checking as a person types.

mod check;
mod compile;
mod diff;
mod finding;
mod incremental;
mod overlap;
mod rollup;
mod scan;
mod session;
mod tally;
mod texts;
mod waivers;

pub use compile::BUILTIN_PACK;
pub(crate) use rollup::pillar_from;
pub use session::Session;

use self::finding::{EntryShare, FindingMeta};
use crate::date::Date;
use crate::error::DraftError;
use crate::model::{Draft, PackOptions, Report, Severity};
use crate::read::Limits;
use crate::rules::{RuleMeta, SectionTextRule, StructuralRule, TermMatcher};
use std::collections::BTreeMap;

/// A compiled rule pack, ready to check drafts.
///
/// ```
/// use dueregard::{Draft, Engine};
///
/// let engine = Engine::new();
/// let draft = Draft::from_text("Note", "Each manager should ask if he or she needs support.").unwrap();
/// let report = engine.check(&draft);
/// assert_eq!(report.violations[0].rule, "term-binary-pronouns");
/// ```
pub struct Engine {
    pack_name: String,
    pack_version: String,
    metas: Vec<RuleMeta>,
    /// Per rule, in the order of `metas`: what each of its findings carries.
    finding_metas: Vec<FindingMeta>,
    /// Per term rule and entry: the explanation (the rule's rationale and the
    /// entry's note) and suggestions its findings carry.
    term_entries: Vec<Vec<EntryShare>>,
    structural: Vec<(Box<dyn StructuralRule>, usize)>,
    /// Rules over each section's text, cached per section in a session.
    section_rules: Vec<(Box<dyn SectionTextRule>, usize)>,
    pub(crate) terms: TermMatcher,
    /// Index into `metas` for each term rule, by term rule index.
    term_metas: Vec<usize>,
    /// Term rules that are opt-in and not switched on, by term rule index.
    term_off: Vec<bool>,
    /// The date the built-in guidance was checked, for packs built on it.
    guidance_as_of: Option<String>,
    options: PackOptions,
    /// Every rule's id with its severity in this pack.
    known_rules: BTreeMap<String, Severity>,
    limits: Limits,
    /// The date review dates are judged against; none: dates are not
    /// compared with a "today", so a report depends on the draft alone.
    as_of: Option<Date>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("pack", &self.pack_name)
            .field("version", &self.pack_version)
            .field("rules", &self.metas.len())
            .finish()
    }
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

impl Engine {
    /// Replaces the input limits used by [`Engine::check_json`].
    pub fn with_limits(mut self, limits: Limits) -> Engine {
        self.limits = limits;
        self
    }

    /// Judges review dates against `as_of` (the command passes today, or
    /// `--as-of`): a review date before it is a finding. Without it, which is
    /// the default, no rule depends on the day the check runs.
    pub fn with_as_of(mut self, as_of: Option<Date>) -> Engine {
        self.as_of = as_of;
        self
    }

    /// The date review dates are judged against, if set.
    pub fn as_of(&self) -> Option<&Date> {
        self.as_of.as_ref()
    }

    /// The input limits in force.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Every rule in the pack, in report order.
    pub fn rules(&self) -> &[RuleMeta] {
        &self.metas
    }

    /// For a pack built on the built-in rules, the date their guidance was
    /// last checked at its sources.
    pub fn guidance_as_of(&self) -> Option<&str> {
        self.guidance_as_of.as_deref()
    }

    /// The words recognition uses: the built-in ones, with the pack's
    /// `options.recognise` tried first.
    pub fn recognise_vocabulary(&self) -> std::borrow::Cow<'_, crate::read::recognise::Vocabulary> {
        let built_in = crate::read::recognise::Vocabulary::built_in();
        match &self.options.recognise {
            Some(extra) => std::borrow::Cow::Owned(built_in.extended_by(extra)),
            None => std::borrow::Cow::Borrowed(built_in),
        }
    }

    /// The pack's name and version.
    pub fn pack(&self) -> (&str, &str) {
        (&self.pack_name, &self.pack_version)
    }

    /// Reads a draft from JSON and checks it.
    pub fn check_json(&self, json: &str) -> Result<Report, DraftError> {
        Ok(self.check(&Draft::from_json_with(json, &self.limits)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{RuleContext, Verdict};

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn engine_is_send_and_sync() {
        assert_send_sync::<Engine>();
    }

    struct Broken;

    impl StructuralRule for Broken {
        fn meta(&self) -> RuleMeta {
            let mut meta = Engine::new().rules()[0].clone();
            meta.id = "broken".into();
            meta
        }
        fn check(&self, _: &Draft, _: &RuleContext<'_>) -> Verdict {
            panic!("index out of range")
        }
    }

    #[test]
    fn a_rule_that_panics_is_reported_in_errors_and_nowhere_else() {
        let mut engine = Engine::new();
        engine
            .structural
            .push((Box::new(Broken), engine.metas.len()));
        engine.finding_metas.push(FindingMeta::of(&Broken.meta()));
        engine.metas.push(Broken.meta());
        let draft = Draft::from_text("t", "text").unwrap();
        let report = engine.check(&draft);
        assert_eq!(report.errors.len(), 1);
        assert_eq!(report.errors[0].rule, "broken");
        assert!(report.errors[0].message.contains("index out of range"));
        let everywhere = report.passes.iter().chain(&report.inapplicable);
        assert!(everywhere.into_iter().all(|o| o.rule != "broken"));
        assert_eq!(report.summary.errors, 1);
    }

    #[test]
    fn findings_past_the_limit_are_counted_and_still_block() {
        let engine = Engine::new().with_limits(Limits {
            max_findings: 3,
            ..Limits::default()
        });
        let text = "tranny ".repeat(10);
        let report = engine.check(&Draft::from_text("t", &text).unwrap());
        assert_eq!(report.violations.len(), 3);
        assert_eq!(report.summary.omitted, 7);
        assert_eq!(report.summary.blocking, 10);
        assert!(!report.passes_gate());
    }
}
