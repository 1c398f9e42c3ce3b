//! An arena tree for html5ever's tree builder that remembers where in the
//! source each element started, and stops growing past the depth and element
//! limits (the caller then stops feeding input and reports the error).

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use html5ever::interface::ElemName;
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, LocalName, Namespace, QualName, ns};

pub(crate) type Id = usize;

#[derive(Debug)]
pub(crate) struct Node {
    pub parent: Option<Id>,
    pub children: Vec<Id>,
    pub data: Data,
    /// Byte offset of the tag's `<` (for elements made by a start tag).
    pub offset: usize,
    depth: usize,
}

#[derive(Debug)]
pub(crate) enum Data {
    Document,
    /// An HTML element: its local name and attributes (by local name).
    Element {
        name: LocalName,
        attrs: Vec<(LocalName, String)>,
    },
    /// An SVG or MathML element: not read.
    Foreign,
    Text(String),
    Other,
}

/// What the parser and the feeding loop share.
#[derive(Debug, Default)]
pub(crate) struct Shared {
    /// Byte offset of the chunk being fed (it starts at a tag's `<`).
    pub offset: Cell<usize>,
    /// Set when the tree passed a limit; no more input should be fed.
    pub over: Cell<Option<Over>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Over {
    Depth { offset: usize },
    Elements,
}

#[derive(Debug)]
pub(crate) struct Sink {
    nodes: RefCell<Vec<Node>>,
    names: RefCell<Vec<QualName>>,
    templates: RefCell<HashMap<Id, Id>>,
    shared: Rc<Shared>,
    max_depth: usize,
    max_elements: usize,
}

impl Sink {
    pub(crate) fn new(shared: Rc<Shared>, max_depth: usize, max_elements: usize) -> Self {
        Sink {
            nodes: RefCell::new(vec![Node {
                parent: None,
                children: Vec::new(),
                data: Data::Document,
                offset: 0,
                depth: 0,
            }]),
            names: RefCell::new(vec![QualName::new(None, ns!(), LocalName::from(""))]),
            templates: RefCell::new(HashMap::new()),
            shared,
            max_depth,
            max_elements,
        }
    }

    fn push(&self, data: Data, name: QualName) -> Id {
        let mut nodes = self.nodes.borrow_mut();
        if nodes.len() >= self.max_elements {
            self.shared.over.set(Some(Over::Elements));
            // Later nodes all land in one throw-away slot; parsing stops at the next chunk.
            return nodes.len() - 1;
        }
        nodes.push(Node {
            parent: None,
            children: Vec::new(),
            data,
            offset: self.shared.offset.get(),
            depth: 0,
        });
        self.names.borrow_mut().push(name);
        nodes.len() - 1
    }

    fn attach(&self, parent: Id, child: NodeOrText<Id>, before: Option<Id>) {
        let mut nodes = self.nodes.borrow_mut();
        if parent >= nodes.len() {
            return;
        }
        let child = match child {
            NodeOrText::AppendNode(id) => id,
            NodeOrText::AppendText(text) => {
                let position = match before {
                    Some(sibling) => nodes[parent].children.iter().position(|&c| c == sibling),
                    None => Some(nodes[parent].children.len()),
                };
                // Adjacent text merges into the text node before it.
                if let Some(position) = position
                    && let Some(&previous) = position
                        .checked_sub(1)
                        .and_then(|i| nodes[parent].children.get(i))
                    && let Data::Text(existing) = &mut nodes[previous].data
                {
                    existing.push_str(&text);
                    return;
                }
                if nodes.len() >= self.max_elements {
                    self.shared.over.set(Some(Over::Elements));
                    return;
                }
                let offset = self.shared.offset.get();
                nodes.push(Node {
                    parent: None,
                    children: Vec::new(),
                    data: Data::Text(text.to_string()),
                    offset,
                    depth: 0,
                });
                self.names
                    .borrow_mut()
                    .push(QualName::new(None, ns!(), LocalName::from("")));
                nodes.len() - 1
            }
        };
        if child == parent || child >= nodes.len() || parent >= nodes.len() {
            return;
        }
        detach(&mut nodes, child);
        let depth = nodes[parent].depth + 1;
        if depth > self.max_depth && self.shared.over.get().is_none() {
            let offset = nodes[child].offset;
            self.shared.over.set(Some(Over::Depth { offset }));
        }
        nodes[child].depth = depth;
        nodes[child].parent = Some(parent);
        let position = before
            .and_then(|sibling| nodes[parent].children.iter().position(|&c| c == sibling))
            .unwrap_or(nodes[parent].children.len());
        nodes[parent].children.insert(position, child);
    }

    pub(crate) fn into_nodes(self) -> Vec<Node> {
        self.nodes.into_inner()
    }
}

fn detach(nodes: &mut [Node], child: Id) {
    if let Some(old) = nodes[child].parent.take() {
        nodes[old].children.retain(|&c| c != child);
    }
}

/// An element's name, owned so no borrow of the arena outlives a call.
#[derive(Debug)]
pub(crate) struct Name(QualName);

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

impl TreeSink for Sink {
    type Handle = Id;
    type Output = Self;
    type ElemName<'a> = Name;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Id {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a Id) -> Name {
        let names = self.names.borrow();
        Name(
            names
                .get(*target)
                .cloned()
                .unwrap_or_else(|| QualName::new(None, ns!(), LocalName::from(""))),
        )
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _flags: ElementFlags) -> Id {
        let data = if name.ns == ns!(html) {
            Data::Element {
                name: name.local.clone(),
                attrs: attrs
                    .into_iter()
                    .map(|a| (a.name.local, a.value.to_string()))
                    .collect(),
            }
        } else {
            Data::Foreign
        };
        self.push(data, name)
    }

    fn create_comment(&self, _text: StrTendril) -> Id {
        self.push(Data::Other, QualName::new(None, ns!(), LocalName::from("")))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Id {
        self.push(Data::Other, QualName::new(None, ns!(), LocalName::from("")))
    }

    fn append(&self, parent: &Id, child: NodeOrText<Id>) {
        self.attach(*parent, child, None);
    }

    fn append_based_on_parent_node(&self, element: &Id, prev_element: &Id, child: NodeOrText<Id>) {
        let parent = self.nodes.borrow().get(*element).and_then(|n| n.parent);
        match parent {
            Some(parent) => self.attach(parent, child, Some(*element)),
            None => self.attach(*prev_element, child, None),
        }
    }

    fn append_doctype_to_document(
        &self,
        _name: StrTendril,
        _public_id: StrTendril,
        _system_id: StrTendril,
    ) {
    }

    fn get_template_contents(&self, target: &Id) -> Id {
        if let Some(&contents) = self.templates.borrow().get(target) {
            return contents;
        }
        // Template contents are a fragment outside the tree: never read.
        let contents = self.push(Data::Other, QualName::new(None, ns!(), LocalName::from("")));
        self.templates.borrow_mut().insert(*target, contents);
        contents
    }

    fn same_node(&self, x: &Id, y: &Id) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Id, new_node: NodeOrText<Id>) {
        let parent = self.nodes.borrow().get(*sibling).and_then(|n| n.parent);
        if let Some(parent) = parent {
            self.attach(parent, new_node, Some(*sibling));
        }
    }

    fn add_attrs_if_missing(&self, target: &Id, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(Node {
            data: Data::Element {
                attrs: existing, ..
            },
            ..
        }) = nodes.get_mut(*target)
        {
            for attr in attrs {
                if !existing.iter().any(|(name, _)| *name == attr.name.local) {
                    existing.push((attr.name.local, attr.value.to_string()));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Id) {
        let mut nodes = self.nodes.borrow_mut();
        if *target < nodes.len() {
            detach(&mut nodes, *target);
        }
    }

    fn reparent_children(&self, node: &Id, new_parent: &Id) {
        let children = match self.nodes.borrow_mut().get_mut(*node) {
            Some(n) => std::mem::take(&mut n.children),
            None => return,
        };
        for child in children {
            self.nodes.borrow_mut()[child].parent = None;
            self.attach(*new_parent, NodeOrText::AppendNode(child), None);
        }
    }
}
