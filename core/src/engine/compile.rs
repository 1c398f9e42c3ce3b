//! Compiling a rule pack into an [`Engine`]: validation, the built-in
//! catalogue, replacements, disabled rules and severity overrides.

use std::collections::{BTreeMap, BTreeSet};

use super::Engine;
use super::finding::{EntryShare, FindingMeta};
use crate::error::RulePackError;
use crate::model::framework;
use crate::model::pack_limits::{MAX_PACK_BYTES, MAX_TERM_RULES};
use crate::model::{PackOptions, RulePack, TermRuleSpec};
use crate::read::{JsonProblem, Limits, check_depth, deserialize_with_pointer, without_bom};
use crate::rules::{
    self, BUILTIN_TERMS_JSON, SectionTextRule, StructuralRule, TermMatcher, builtin_domains,
    builtin_section_rules, builtin_structural, opt_in,
};

/// The name of the built-in pack, shown in every report.
pub const BUILTIN_PACK: &str = "dueregard en-GB";

impl Engine {
    /// The built-in en-GB rules.
    pub fn new() -> Engine {
        let pack = RulePack {
            name: BUILTIN_PACK.into(),
            version: env!("CARGO_PKG_VERSION").into(),
            extends_builtin: true,
            disable: Vec::new(),
            severity: BTreeMap::new(),
            options: PackOptions::default(),
            term_rules: Vec::new(),
        };
        // The built-in catalogue is compiled in every test run; it cannot fail here.
        Engine::from_pack(&pack).expect("the built-in rule pack compiles")
    }

    /// Compiles a rule pack given as JSON (see `schemas/rule-pack.schema.json`).
    pub fn from_pack_json(json: &str) -> Result<Engine, RulePackError> {
        if json.len() > MAX_PACK_BYTES {
            return Err(RulePackError::Invalid {
                pointer: String::new(),
                message: format!(
                    "the rule pack is {} bytes, over the limit of {MAX_PACK_BYTES}",
                    json.len()
                ),
            });
        }
        let json = without_bom(json);
        check_depth(json, Limits::default().max_depth).map_err(|e| RulePackError::Invalid {
            pointer: String::new(),
            message: e.to_string(),
        })?;
        let pack: RulePack = deserialize_with_pointer(json).map_err(|e| match e {
            JsonProblem::Syntax {
                line,
                column,
                message,
            } => RulePackError::Invalid {
                pointer: String::new(),
                message: format!("not valid JSON at line {line}, column {column}: {message}"),
            },
            JsonProblem::Invalid {
                pointer, message, ..
            } => RulePackError::Invalid { pointer, message },
        })?;
        Engine::from_pack(&pack)
    }

    /// Compiles a rule pack.
    pub fn from_pack(pack: &RulePack) -> Result<Engine, RulePackError> {
        let mut specs: Vec<TermRuleSpec> = Vec::new();
        let mut pointers: Vec<String> = Vec::new();
        let mut structural: Vec<Box<dyn StructuralRule>> = Vec::new();
        let mut section_rules: Vec<Box<dyn SectionTextRule>> = Vec::new();
        if pack.extends_builtin {
            let builtin: RulePack =
                serde_json::from_str(BUILTIN_TERMS_JSON).map_err(|e| RulePackError::Invalid {
                    pointer: String::new(),
                    message: format!("the built-in term catalogue is broken: {e}"),
                })?;
            for (i, spec) in builtin.term_rules.into_iter().enumerate() {
                pointers.push(format!("(built-in)/term_rules/{i}"));
                specs.push(spec);
            }
            structural = builtin_structural();
            section_rules = builtin_section_rules();
        }
        let structural_ids: BTreeSet<String> = structural
            .iter()
            .map(|r| r.meta().id)
            .chain(section_rules.iter().map(|r| r.meta().id))
            .collect();
        // The built-in rules get the built-in EDS mapping; a pack's own rule
        // with a built-in id is mapped the same way.
        let builtin_ids: BTreeSet<String> = structural_ids
            .iter()
            .cloned()
            .chain(specs.iter().map(|s| s.id.clone()))
            .collect();
        if pack.term_rules.len() > MAX_TERM_RULES {
            return Err(RulePackError::Invalid {
                pointer: "/term_rules".into(),
                message: format!(
                    "{} term rules, over the limit of {MAX_TERM_RULES}; group phrases into entries",
                    pack.term_rules.len()
                ),
            });
        }
        let mut index_of: BTreeMap<String, usize> = specs
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let mut pack_ids: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, spec) in pack.term_rules.iter().enumerate() {
            let pointer = format!("/term_rules/{i}");
            validate_term_rule(spec, &pointer)?;
            // Two rules with one id: the second would silently replace the first.
            if let Some(first) = pack_ids.insert(&spec.id, i) {
                return Err(RulePackError::Rule {
                    pointer: format!("{pointer}/id"),
                    rule: spec.id.clone(),
                    message: format!(
                        "/term_rules/{first} already has this id; give each term rule its own"
                    ),
                });
            }
            if structural_ids.contains(&spec.id) {
                return Err(RulePackError::Rule {
                    pointer: format!("{pointer}/id"),
                    rule: spec.id.clone(),
                    message: "a structural rule has this id; term rules cannot replace it".into(),
                });
            }
            // A pack's rule with a built-in id replaces the built-in one.
            match index_of.get(&spec.id) {
                Some(&at) => {
                    specs[at] = spec.clone();
                    pointers[at] = pointer;
                }
                None => {
                    index_of.insert(spec.id.clone(), specs.len());
                    specs.push(spec.clone());
                    pointers.push(pointer);
                }
            }
        }
        let disabled: BTreeSet<&str> = pack.disable.iter().map(String::as_str).collect();
        let all_ids: BTreeSet<&str> = structural_ids
            .iter()
            .map(String::as_str)
            .chain(specs.iter().map(|s| s.id.as_str()))
            .collect();
        for (i, id) in pack.disable.iter().enumerate() {
            if !all_ids.contains(id.as_str()) {
                return Err(unknown_rule(&format!("/disable/{i}"), id));
            }
        }
        for id in pack.severity.keys() {
            if !all_ids.contains(id.as_str()) {
                return Err(unknown_rule(
                    &format!("/severity/{}", escape_pointer(id)),
                    id,
                ));
            }
        }
        let (specs, pointers): (Vec<_>, Vec<_>) = specs
            .into_iter()
            .zip(pointers)
            .filter(|(s, _)| !disabled.contains(s.id.as_str()))
            .unzip();
        let terms = TermMatcher::compile(specs, &pointers)?;

        let mut metas = Vec::new();
        let mut kept = Vec::new();
        let with_evidence = |mut meta: crate::rules::RuleMeta, evidences: &[&str]| {
            meta.evidences = evidences.iter().map(|e| (*e).to_owned()).collect();
            meta
        };
        for rule in structural {
            let meta = with_evidence(rule.meta(), rule.evidences());
            if !disabled.contains(meta.id.as_str()) {
                kept.push((rule, metas.len()));
                metas.push(meta);
            }
        }
        let mut kept_section_rules = Vec::new();
        for rule in section_rules {
            let meta = with_evidence(rule.meta(), rule.evidences());
            if !disabled.contains(meta.id.as_str()) {
                kept_section_rules.push((rule, metas.len()));
                metas.push(meta);
            }
        }
        let mut term_metas = Vec::new();
        for meta in terms.metas() {
            term_metas.push(metas.len());
            metas.push(meta);
        }
        for meta in &mut metas {
            if let Some(&severity) = pack.severity.get(&meta.id) {
                meta.severity = severity;
            }
            if meta.eds_domains.is_empty() && builtin_ids.contains(&meta.id) {
                meta.eds_domains = builtin_domains(meta);
            }
            if let Some((option, _)) = opt_in(&meta.id) {
                meta.opt_in = Some(option.into());
            }
        }
        let term_off: Vec<bool> = term_metas
            .iter()
            .map(|&i| opt_in(&metas[i].id).is_some_and(|(_, on)| !on(&pack.options)))
            .collect();
        let mut terms = terms;
        terms.switch_off(&term_off);
        let known_rules = metas.iter().map(|m| (m.id.clone(), m.severity)).collect();
        let finding_metas: Vec<FindingMeta> = metas.iter().map(FindingMeta::of).collect();
        let term_entries = terms
            .specs
            .iter()
            .zip(&term_metas)
            .map(|(spec, &m)| {
                let entries = spec.entries.iter();
                entries
                    .map(|e| EntryShare::of(&finding_metas[m], e.note.as_deref(), &e.suggestions))
                    .collect()
            })
            .collect();
        Ok(Engine {
            pack_name: pack.name.clone(),
            pack_version: pack.version.clone(),
            metas,
            finding_metas,
            term_entries,
            structural: kept,
            section_rules: kept_section_rules,
            terms,
            term_metas,
            term_off,
            guidance_as_of: pack
                .extends_builtin
                .then(|| rules::sources::GUIDANCE_AS_OF.to_owned()),
            options: pack.options.clone(),
            known_rules,
            limits: Limits::default(),
            as_of: None,
        })
    }
}

fn unknown_rule(pointer: &str, id: &str) -> RulePackError {
    RulePackError::Rule {
        pointer: pointer.into(),
        rule: id.into(),
        message: "no rule has this id".into(),
    }
}

fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn validate_term_rule(spec: &TermRuleSpec, pointer: &str) -> Result<(), RulePackError> {
    let fail = |field: &str, message: String| RulePackError::Rule {
        pointer: format!("{pointer}/{field}"),
        rule: spec.id.clone(),
        message,
    };
    let kebab = !spec.id.is_empty()
        && spec.id.len() <= 64
        && spec
            .id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !kebab {
        return Err(fail(
            "id",
            "an id is 1 to 64 characters of a-z, 0-9 and -".into(),
        ));
    }
    if spec.elements.is_empty() {
        return Err(fail(
            "elements",
            "name at least one framework element, e.g. \"2.3\"".into(),
        ));
    }
    for (i, id) in spec.elements.iter().enumerate() {
        if framework::element(id).is_none() {
            return Err(fail(
                &format!("elements/{i}"),
                format!("{id:?} is not one of the framework's elements 1.1 to 6.2"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(id: &str, term: &str) -> String {
        format!(
            r#"{{"id": "{id}", "name": "n", "severity": "warning", "elements": ["2.3"], "message": "m", "rationale": "r",
                "source": {{"title": "t", "url": "u", "checked": "2026-11-30"}}, "entries": [{{"terms": ["{term}"]}}]}}"#
        )
    }

    #[test]
    fn two_term_rules_with_one_id_are_refused_at_the_second() {
        let pack = format!(
            r#"{{"name": "p", "version": "1", "term_rules": [{}, {}, {}]}}"#,
            rule("local-a", "foo"),
            rule("local-b", "bar"),
            rule("local-a", "baz")
        );
        let err = Engine::from_pack_json(&pack).unwrap_err();
        assert_eq!(err.pointer(), "/term_rules/2/id");
        assert!(
            err.to_string()
                .contains("/term_rules/0 already has this id"),
            "{err}"
        );
    }

    #[test]
    fn a_byte_order_mark_before_a_pack_is_read_past() {
        let engine =
            Engine::from_pack_json("\u{feff}{\"name\": \"p\", \"version\": \"1\"}").unwrap();
        assert_eq!(engine.pack(), ("p", "1"));
    }
}
