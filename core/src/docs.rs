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
            heading.to_lowercase().replace(' ', "-"),
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
        "- Kind: {}{}\n- Severity: {}{}\n- Framework elements: {}\n- Fix: {}\n- Source: [{}]({}), checked {}",
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
    block(out, "Fires on:", &rule.examples.fires);
    block(out, "Does not fire on:", &rule.examples.passes);
}
