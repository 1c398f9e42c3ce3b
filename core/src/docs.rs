//! `docs/rules.md`, generated from rule metadata so it cannot drift from the code.

use std::fmt::Write;

use crate::engine::Engine;
use crate::model::Applicability;
use crate::rules::{Family, RuleKind, RuleMeta};

/// The rules reference as Markdown.
pub fn rules_markdown(engine: &Engine) -> String {
    let rules = engine.rules();
    let (name, version) = engine.pack();
    let mut out = String::new();
    let count = |kind: RuleKind| rules.iter().filter(|r| r.kind == kind).count();
    let _ = writeln!(out, "# Rules\n");
    let _ = writeln!(
        out,
        "Generated from the rule metadata of the `{name}` pack, version {version}, by \
         `DUEREGARD_BLESS=1 cargo test -p dueregard --test generated`; a test fails when this file is stale. \
         {} rules: {} structural, {} term rules with {} phrases.\n",
        rules.len(),
        count(RuleKind::Structural),
        count(RuleKind::Term),
        rules.iter().filter_map(|r| r.terms).sum::<usize>(),
    );
    let _ = writeln!(
        out,
        "Severity `error` blocks an approval gate. Advisory rules report to `needs_review`, \
         never to `violations`: they cover contested or context-dependent guidance.\n"
    );
    if let Some(date) = engine.guidance_as_of() {
        let _ = writeln!(
            out,
            "Guidance as of {date}: the date the built-in rules' legal and NHS guidance was last \
             checked at its sources (every report carries it as `engine.guidance_as_of`). Each rule \
             below gives the date its own sources were checked; a source that could not be re-read \
             is marked so. What each source says, and which copy was read, is in \
             [guidance-sources.md](guidance-sources.md).\n"
        );
    }
    let _ = writeln!(
        out,
        "Where guidance is contested, the rule says so, states the positions without taking a \
         side, and is advisory or off by default (opt-in through a rule-pack option).\n"
    );
    let _ = writeln!(
        out,
        "A rule's *evidences* are the elements its pass shows in place: an element is in place \
         only when every rule that can evidence it and applied passed, and nothing found a gap. \
         Term rules never evidence: the absence of a word shows nothing.\n"
    );
    let _ = writeln!(out, "| family | rules |\n|---|---|");
    // Each family with its rules, in report order; families a pack does not use are left out.
    let families: Vec<(Family, Vec<&RuleMeta>)> = Family::ALL
        .into_iter()
        .map(|family| {
            let members = rules
                .iter()
                .filter(|r| r.family == family)
                .collect::<Vec<_>>();
            (family, members)
        })
        .filter(|(_, members)| !members.is_empty())
        .collect();
    for (family, members) in &families {
        let heading = heading(*family);
        let _ = writeln!(
            out,
            "| [{heading}](#{}) | {} |",
            anchor(&heading),
            members.len()
        );
    }
    for (family, members) in &families {
        let _ = writeln!(out, "\n## {}\n", heading(*family));
        let _ = writeln!(
            out,
            "| id | name | kind | severity | elements |\n|---|---|---|---|---|"
        );
        for rule in members {
            let _ = writeln!(
                out,
                "| [{id}](#{id}) | {name} | {kind} | {severity}{advisory} | {elements} |",
                id = rule.id,
                name = rule.name,
                kind = kind_name(rule.kind),
                severity = rule.severity.as_str(),
                advisory = if rule.advisory { ", advisory" } else { "" },
                elements = rule.elements.join(", "),
            );
        }
        for rule in members {
            section(&mut out, rule);
        }
    }
    out
}

/// The anchor GitHub gives a heading: lowercase, punctuation dropped,
/// spaces as hyphens.
fn anchor(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// A family's label as a heading: "Equality impact assessment".
fn heading(family: Family) -> String {
    let label = family.label();
    let mut chars = label.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn kind_name(kind: RuleKind) -> &'static str {
    match kind {
        RuleKind::Term => "term",
        RuleKind::Structural => "structural",
    }
}

fn section(out: &mut String, rule: &RuleMeta) {
    let _ = writeln!(out, "\n### {}\n", rule.id);
    let _ = writeln!(out, "**{}**\n", rule.name);
    let _ = writeln!(out, "{}\n", rule.rationale);
    let _ = writeln!(
        out,
        "- Kind: {}{}\n- Severity: {}{}\n- Framework elements: {}\n- Evidences: {}\n- Fix: {}\n- Source: [{}]({}), checked {}",
        kind_name(rule.kind),
        rule.terms
            .map(|n| format!(" ({n} phrases)"))
            .unwrap_or_default(),
        rule.severity.as_str(),
        if rule.advisory {
            " (advisory: reports to needs_review)"
        } else {
            ""
        },
        rule.elements.join(", "),
        if rule.evidences.is_empty() {
            "none (a pass shows no element in place)".to_owned()
        } else {
            format!(
                "{} (a pass shows the element in place)",
                rule.evidences.join(", ")
            )
        },
        match rule.fix {
            Applicability::Safe => "safe edit offered",
            Applicability::Unsafe => "edit offered, to be read before applying",
            Applicability::DisplayOnly => "suggestion shown, never applied automatically",
            Applicability::None => "none",
        },
        rule.source.title,
        rule.source.url,
        rule.source.checked,
    );
    let block = |out: &mut String, title: &str, items: &[String]| {
        if items.is_empty() {
            return;
        }
        let _ = writeln!(out, "\n{title}\n");
        for item in items {
            let one_line = item.split_whitespace().collect::<Vec<_>>().join(" ");
            let _ = writeln!(out, "- `{}`", one_line.replace('`', "'"));
        }
    };
    for citation in &rule.see_also {
        let checked = match &citation.checked {
            Some(date) => format!("checked {date}"),
            None => "not re-read".to_owned(),
        };
        let note = citation
            .note
            .as_deref()
            .map(|n| format!(": {n}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- Also: [{}]({}), {checked}{note}",
            citation.title, citation.url
        );
    }
    if let Some(option) = &rule.opt_in {
        let _ = writeln!(
            out,
            "- Opt-in: off unless the rule pack sets `options.{option}` to `true`"
        );
    }
    if let Some(positions) = &rule.contested {
        let how = match (&rule.opt_in, rule.advisory) {
            (Some(_), _) => "opt-in",
            (None, true) => "advisory",
            (None, false) => "reported as a violation",
        };
        let _ = writeln!(out, "- Contested ({how}): {positions}");
    }
    if !rule.eds_domains.is_empty() {
        let domains: Vec<&str> = rule.eds_domains.iter().map(|d| d.label()).collect();
        let _ = writeln!(out, "- EDS 2022: {}", domains.join("; "));
    }
    block(out, "Fires on:", &rule.examples.fires);
    block(out, "Does not fire on:", &rule.examples.passes);
}
