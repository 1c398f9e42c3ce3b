//! Which controls answer one question: radio buttons sharing a name in a
//! form; check boxes sharing a name, or alone together in a fieldset; every
//! other control on its own. Linear in the page (counts are gathered once).

use std::collections::HashMap;

use super::sink::Id;
use super::tree::Tree;

pub(super) fn first_control_in(tree: &Tree, node: Id) -> Option<Id> {
    let mut stack = vec![node];
    while let Some(id) = stack.pop() {
        if id != node && tree.is_control(id) && !tree.hidden(id) {
            return Some(id);
        }
        stack.extend(tree.children(id).iter().rev());
    }
    None
}

/// Controls answering one question, in document order: radios sharing a
/// name in one form; check boxes sharing a name, or alone together in a
/// fieldset; every other control on its own.
pub(super) fn groups(tree: &Tree, controls: &[Id]) -> Vec<Vec<Id>> {
    let form_of = |c: Id| tree.ancestors(c).find(|&a| tree.is(a, "form"));
    let fieldset_of = |c: Id| tree.ancestors(c).find(|&a| tree.is(a, "fieldset"));
    let kind = |c: Id| match tree.name(c) {
        Some("input") => tree.input_type(c),
        _ => String::new(),
    };
    let mut name_counts: HashMap<(Option<Id>, &str), usize> = HashMap::new();
    for &c in controls {
        if kind(c) == "checkbox"
            && let Some(name) = tree.attr(c, "name")
        {
            *name_counts.entry((form_of(c), name)).or_default() += 1;
        }
    }
    // Per innermost fieldset: how many controls, how many of them check boxes.
    let mut in_fieldset: HashMap<Id, (usize, usize)> = HashMap::new();
    for &c in controls {
        if let Some(f) = fieldset_of(c) {
            let counts = in_fieldset.entry(f).or_default();
            counts.0 += 1;
            counts.1 += usize::from(kind(c) == "checkbox");
        }
    }
    let fieldset_all_checkboxes = |f: Id| {
        in_fieldset
            .get(&f)
            .is_some_and(|&(all, boxes)| all >= 2 && all == boxes)
    };
    let mut order: Vec<Vec<Id>> = Vec::new();
    let mut by_key: HashMap<(u8, Option<Id>, String), usize> = HashMap::new();
    for &c in controls {
        let name = tree.attr(c, "name").unwrap_or("");
        let form = form_of(c);
        let key = match kind(c).as_str() {
            "radio" if !name.is_empty() => Some((0, form, name.to_owned())),
            "checkbox"
                if !name.is_empty()
                    && name_counts.get(&(form, name)).copied().unwrap_or(0) >= 2 =>
            {
                Some((1, form, name.to_owned()))
            }
            "checkbox" => fieldset_of(c)
                .filter(|&f| fieldset_all_checkboxes(f))
                .map(|f| (2, Some(f), String::new())),
            _ => None,
        };
        match key.as_ref().and_then(|k| by_key.get(k)) {
            Some(&index) => order[index].push(c),
            None => {
                if let Some(key) = key {
                    by_key.insert(key, order.len());
                }
                order.push(vec![c]);
            }
        }
    }
    order
}
