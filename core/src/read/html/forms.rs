//! Form questions on an HTML page: each control or group of radio buttons /
//! check boxes becomes one [`FormField`], with its question found the way a
//! person reads it: `<label for>`, a wrapping `<label>`, the fieldset's
//! `<legend>`, `aria-label(ledby)`, or the text just before it ("Gender:").
//! Text taken as a label is marked used so it is not read again as a paragraph.

use std::collections::{HashMap, HashSet};

use super::Lines;
use super::groups::{first_control_in, groups};
use super::markers::strip_markers;
use super::sink::Id;
use super::tree::{Tree, collapse};
use crate::read::document::{Control, FieldOption, FormField, Requirement, Source};

pub(crate) struct Forms {
    /// Fields by the control where each is placed (its first member).
    pub at: HashMap<Id, FormField>,
    /// Labels, legends, hints and text taken into a field.
    pub used: HashSet<Id>,
}

struct Finder<'t, 'a> {
    tree: &'t Tree<'a>,
    lines: &'t Lines<'t>,
    ids: HashMap<&'a str, Id>,
    /// Control → its `<label>` (by `for` or by nesting).
    labels: HashMap<Id, Id>,
    /// Fieldset → (controls, radio buttons and check boxes) anywhere inside it.
    fieldsets: HashMap<Id, (usize, usize)>,
    /// Each node's position among its parent's children.
    positions: HashMap<Id, usize>,
    used: HashSet<Id>,
    /// The element or text the last label found was read from.
    label_from: Option<Id>,
}

pub(crate) fn find(tree: &Tree, lines: &Lines) -> Forms {
    let mut controls = Vec::new();
    let mut label_nodes = Vec::new();
    let mut ids = HashMap::new();
    let mut stack = vec![0];
    while let Some(node) = stack.pop() {
        if tree.hidden(node) {
            continue;
        }
        if let Some(id) = tree.attr(node, "id") {
            ids.entry(id).or_insert(node);
        }
        if tree.is_control(node) {
            controls.push(node);
        } else if tree.is(node, "label") {
            label_nodes.push(node);
        }
        stack.extend(tree.children(node).iter().rev());
    }
    let mut labels = HashMap::new();
    for &label in &label_nodes {
        let target = match tree.attr(label, "for") {
            Some(target) => ids.get(target).copied(),
            None => first_control_in(tree, label),
        };
        if let Some(control) = target {
            labels.entry(control).or_insert(label);
        }
    }
    let mut fieldsets: HashMap<Id, (usize, usize)> = HashMap::new();
    for &c in &controls {
        let choice =
            tree.is(c, "input") && matches!(tree.input_type(c).as_str(), "radio" | "checkbox");
        for f in tree.ancestors(c).filter(|&a| tree.is(a, "fieldset")) {
            let counts = fieldsets.entry(f).or_default();
            counts.0 += 1;
            counts.1 += usize::from(choice);
        }
    }
    let positions = (0..tree.nodes.len())
        .flat_map(|parent| {
            tree.children(parent)
                .iter()
                .enumerate()
                .map(|(i, &c)| (c, i))
        })
        .collect();
    let mut finder = Finder {
        tree,
        lines,
        ids,
        labels,
        fieldsets,
        positions,
        used: HashSet::new(),
        label_from: None,
    };
    let mut at = HashMap::new();
    for group in groups(tree, &controls) {
        let field = finder.field(&group);
        at.insert(group[0], field);
    }
    Forms {
        at,
        used: finder.used,
    }
}

impl<'a> Finder<'_, 'a> {
    fn field(&mut self, group: &[Id]) -> FormField {
        let tree = self.tree;
        let first = group[0];
        let control = match tree.name(first) {
            Some("select") => Control::Select {
                multiple: tree.attr(first, "multiple").is_some(),
            },
            Some("textarea") => Control::TextArea,
            _ => match tree.input_type(first).as_str() {
                "radio" => Control::Radio,
                "checkbox" => Control::Checkbox,
                other => Control::Text {
                    input_type: other.to_owned(),
                },
            },
        };
        let choice = matches!(control, Control::Radio | Control::Checkbox);
        let mut source = self.place(first);

        let mut options = Vec::new();
        if choice {
            for &member in group {
                let label = self
                    .own_label(member)
                    .or_else(|| self.following_text(member))
                    .or_else(|| tree.attr(member, "value").map(collapse))
                    .unwrap_or_default();
                let value = tree
                    .attr(member, "value")
                    .map(str::to_owned)
                    .filter(|v| *v != label);
                options.push(FieldOption {
                    label,
                    value,
                    checked: tree.attr(member, "checked").is_some(),
                    source: self.place(member),
                });
            }
        } else if tree.is(first, "select") {
            options = self.select_options(first);
        }

        // A group's question is its legend; a lone control's is its label.
        self.label_from = None;
        let fieldset = self.legend_fieldset(group, choice);
        let legend = if choice {
            fieldset.map(|f| (f, self.legend(f)))
        } else {
            None
        };
        let question = if choice {
            legend
                .as_ref()
                .and_then(|(_, text)| text.clone())
                .or_else(|| group_container_label(self, group))
                .or_else(|| {
                    self.label_from = None;
                    (group.len() == 1)
                        .then(|| options[0].label.clone())
                        .filter(|t| !t.is_empty())
                })
                .or_else(|| self.preceding_text(first))
        } else {
            self.own_label(first)
                .or_else(|| self.aria_label(first))
                .or_else(|| self.preceding_text(first))
                .or_else(|| fieldset.and_then(|f| self.legend(f)))
        };
        if let Some((fieldset, Some(_))) = &legend
            && choice
        {
            source = self.place(*fieldset);
        }
        // Where the label's words are in the page (not for an attribute).
        let label_source = question
            .is_some()
            .then_some(self.label_from)
            .flatten()
            .map(|n| self.place(n));
        let question = question
            .or_else(|| tree.attr(first, "title").map(collapse))
            .unwrap_or_default();
        let (label, marked) = strip_markers(&question);

        let required = if group.iter().any(|&m| {
            tree.attr(m, "required").is_some()
                || tree
                    .attr(m, "aria-required")
                    .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        }) {
            Requirement::RequiredAttribute
        } else {
            marked
        };
        let hint = self.hint(group, fieldset);
        FormField {
            label,
            control,
            name: tree.attr(first, "name").map(str::to_owned),
            options,
            required,
            hint,
            source,
            label_source,
        }
    }

    fn place(&self, id: Id) -> Source {
        let offset = self.tree.nodes.get(id).map_or(0, |n| n.offset);
        Source::Html(self.lines.place(offset))
    }

    fn own_label(&mut self, control: Id) -> Option<String> {
        let label = *self.labels.get(&control)?;
        self.used.insert(label);
        let text = Some(self.tree.text_of(label)).filter(|t| !t.is_empty())?;
        self.label_from = Some(label);
        Some(text)
    }

    fn aria_label(&mut self, id: Id) -> Option<String> {
        if let Some(ids) = self.tree.attr(id, "aria-labelledby") {
            let text = self.texts_by_id(ids);
            if !text.is_empty() {
                return Some(text);
            }
        }
        self.label_from = None;
        self.tree
            .attr(id, "aria-label")
            .map(collapse)
            .filter(|t| !t.is_empty())
    }

    fn texts_by_id(&mut self, ids: &str) -> String {
        let mut parts = Vec::new();
        for id in ids.split_whitespace() {
            if let Some(&node) = self.ids.get(id) {
                self.used.insert(node);
                let text = self.tree.text_of(node);
                if parts.is_empty() && !text.is_empty() {
                    self.label_from = Some(node);
                }
                parts.push(text);
            }
        }
        collapse(&parts.join(" "))
    }

    fn select_options(&self, select: Id) -> Vec<FieldOption> {
        let tree = self.tree;
        let mut options = Vec::new();
        let mut stack: Vec<Id> = tree.children(select).iter().rev().copied().collect();
        while let Some(node) = stack.pop() {
            if tree.is(node, "optgroup") {
                stack.extend(tree.children(node).iter().rev());
            } else if tree.is(node, "option") && !tree.hidden(node) {
                let mut label = tree.text_of(node);
                if label.is_empty() {
                    label = tree.attr(node, "label").map(collapse).unwrap_or_default();
                }
                let value = tree
                    .attr(node, "value")
                    .map(str::to_owned)
                    .filter(|v| *v != label);
                options.push(FieldOption {
                    label,
                    value,
                    checked: tree.attr(node, "selected").is_some(),
                    source: self.place(node),
                });
            }
        }
        options
    }

    /// The innermost fieldset holding every member, when no other radio
    /// button or check box is in it (a whole-form fieldset's legend is not
    /// one question's).
    fn legend_fieldset(&self, group: &[Id], choice: bool) -> Option<Id> {
        let tree = self.tree;
        let fieldset = tree.ancestors(group[0]).find(|&a| tree.is(a, "fieldset"))?;
        let inside = |m: Id| tree.ancestors(m).any(|a| a == fieldset);
        if !group.iter().all(|&m| inside(m)) {
            return None;
        }
        let (controls, choices) = self.fieldsets.get(&fieldset).copied().unwrap_or_default();
        let alone = if choice {
            choices == group.len()
        } else {
            controls == 1
        };
        alone.then_some(fieldset)
    }

    fn legend(&mut self, fieldset: Id) -> Option<String> {
        let tree = self.tree;
        let legend = tree
            .children(fieldset)
            .iter()
            .copied()
            .find(|&c| tree.is(c, "legend"))?;
        self.used.insert(legend);
        let text = Some(tree.text_of(legend)).filter(|t| !t.is_empty())?;
        self.label_from = Some(legend);
        Some(text)
    }

    /// Text right after a radio button or check box, up to the next control,
    /// line break or block: "<input type=radio> Male<br>".
    fn following_text(&mut self, member: Id) -> Option<String> {
        let tree = self.tree;
        let parent = tree.parent(member)?;
        let siblings = tree.children(parent);
        let start = self.positions.get(&member)? + 1;
        let mut taken = Vec::new();
        for &s in &siblings[start..] {
            if self.used.contains(&s) || tree.is(s, "br") || tree.is_block(s) || tree.has_control(s)
            {
                break;
            }
            taken.push(s);
        }
        self.take_text(&taken)
    }

    /// Text just before a control in its line ("Gender: <select>"), or a short
    /// element just before it ("<p>Sex</p><input ...>"); in a table, the
    /// previous cell's text when the control's cell has none.
    fn preceding_text(&mut self, control: Id) -> Option<String> {
        let tree = self.tree;
        let mut current = control;
        for _ in 0..3 {
            let parent = tree.parent(current)?;
            let siblings = tree.children(parent);
            let index = *self.positions.get(&current)?;
            let mut taken = Vec::new();
            for &s in siblings[..index].iter().rev() {
                if self.used.contains(&s) || tree.is(s, "br") || tree.has_control(s) {
                    break;
                }
                if tree.is_block(s) {
                    if taken.is_empty() && !tree.is(s, "table") {
                        let text = tree.text_of(s);
                        if !text.is_empty() && text.chars().count() <= 200 {
                            self.used.insert(s);
                            self.label_from = Some(s);
                            return Some(text);
                        }
                    }
                    break;
                }
                taken.push(s);
            }
            taken.reverse();
            if let Some(text) = self.take_text(&taken) {
                return Some(text);
            }
            if tree.is(parent, "td") || tree.is(parent, "th") {
                return self.previous_cell_text(parent);
            }
            if matches!(tree.name(parent), Some("form" | "fieldset" | "body" | "li")) {
                return None;
            }
            current = parent;
        }
        None
    }

    /// Called when nothing stands before the control in its cell.
    fn previous_cell_text(&mut self, cell: Id) -> Option<String> {
        let tree = self.tree;
        let row = tree.parent(cell)?;
        let cells = tree.children(row);
        let index = *self.positions.get(&cell)?;
        let (cell, text) = cells[..index]
            .iter()
            .rev()
            .map(|&c| (c, tree.text_of(c)))
            .find(|(_, t)| !t.is_empty())?;
        self.label_from = Some(cell);
        Some(text)
    }

    /// The text of these nodes, marked used, or `None` when there is none.
    fn take_text(&mut self, nodes: &[Id]) -> Option<String> {
        let tree = self.tree;
        let text = collapse(
            &nodes
                .iter()
                .map(|&n| {
                    tree.text(n)
                        .map(str::to_owned)
                        .unwrap_or_else(|| tree.text_of(n))
                })
                .collect::<Vec<_>>()
                .join(" "),
        );
        if text.is_empty() {
            return None;
        }
        self.used.extend(nodes.iter().copied());
        self.label_from = nodes.first().copied();
        Some(text)
    }

    /// Hint text: `aria-describedby` targets, then "hint"/"help" elements in
    /// the fieldset, then a text input's placeholder.
    fn hint(&mut self, group: &[Id], fieldset: Option<Id>) -> Option<String> {
        let tree = self.tree;
        let mut parts: Vec<String> = Vec::new();
        let mut seen = HashSet::new();
        for &member in group {
            if let Some(ids) = tree.attr(member, "aria-describedby") {
                for id in ids.split_whitespace() {
                    if seen.insert(id.to_owned()) {
                        let text = self.texts_by_id(id);
                        if !text.is_empty() {
                            parts.push(text);
                        }
                    }
                }
            }
        }
        if parts.is_empty()
            && let Some(fieldset) = fieldset
        {
            let mut stack = vec![fieldset];
            while let Some(node) = stack.pop() {
                let class = tree.attr(node, "class").unwrap_or("").to_ascii_lowercase();
                if node != fieldset
                    && (class.contains("hint") || class.contains("help"))
                    && !self.used.contains(&node)
                {
                    self.used.insert(node);
                    parts.push(tree.text_of(node));
                    continue;
                }
                stack.extend(tree.children(node).iter().rev());
            }
        }
        if parts.is_empty()
            && let Some(placeholder) = tree.attr(group[0], "placeholder")
        {
            parts.push(collapse(placeholder));
        }
        let hint = collapse(&parts.join(" "));
        (!hint.is_empty()).then_some(hint)
    }
}

/// `aria-labelledby` / `aria-label` on the nearest element holding every
/// member with role radiogroup or group.
fn group_container_label(finder: &mut Finder, group: &[Id]) -> Option<String> {
    let tree = finder.tree;
    let container = tree.ancestors(group[0]).find(|&a| {
        matches!(tree.attr(a, "role"), Some("radiogroup" | "group"))
            && group.iter().all(|&m| tree.ancestors(m).any(|x| x == a))
    })?;
    finder.aria_label(container)
}
