//! Questions asked of the parsed tree: names, attributes, what is hidden,
//! what is a block, and an element's visible text.

use super::sink::{Data, Id, Node};

pub(crate) struct Tree<'a> {
    pub nodes: &'a [Node],
}

impl<'a> Tree<'a> {
    pub(crate) fn name(&self, id: Id) -> Option<&'a str> {
        match &self.nodes.get(id)?.data {
            Data::Element { name, .. } => Some(name),
            _ => None,
        }
    }

    pub(crate) fn is(&self, id: Id, name: &str) -> bool {
        self.name(id) == Some(name)
    }

    pub(crate) fn attr(&self, id: Id, key: &str) -> Option<&'a str> {
        match &self.nodes.get(id)?.data {
            Data::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| &**k == key)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    pub(crate) fn children(&self, id: Id) -> &'a [Id] {
        self.nodes.get(id).map_or(&[], |n| n.children.as_slice())
    }

    pub(crate) fn parent(&self, id: Id) -> Option<Id> {
        self.nodes.get(id)?.parent
    }

    pub(crate) fn ancestors(&self, id: Id) -> impl Iterator<Item = Id> + '_ {
        // The tree is acyclic by construction; the bound guards a bug from looping.
        std::iter::successors(self.parent(id), move |&p| self.parent(p)).take(self.nodes.len())
    }

    pub(crate) fn text(&self, id: Id) -> Option<&'a str> {
        match &self.nodes.get(id)?.data {
            Data::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The text of a comment that is a dueregard directive.
    pub(crate) fn directive(&self, id: Id) -> Option<&'a str> {
        match &self.nodes.get(id)?.data {
            Data::Directive(text) => Some(text),
            _ => None,
        }
    }

    /// Not shown on the page, or not the page's content: never read.
    pub(crate) fn hidden(&self, id: Id) -> bool {
        let Some(name) = self.name(id) else {
            return matches!(
                self.nodes.get(id).map(|n| &n.data),
                Some(Data::Foreign | Data::Other | Data::Directive(_))
            );
        };
        if matches!(
            name,
            "script"
                | "style"
                | "template"
                | "noscript"
                | "head"
                | "iframe"
                | "object"
                | "embed"
                | "canvas"
                | "audio"
                | "video"
                | "map"
                | "button"
                | "datalist"
        ) {
            return true;
        }
        if self.attr(id, "hidden").is_some() {
            return true;
        }
        if name == "input"
            && self
                .attr(id, "type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("hidden"))
        {
            return true;
        }
        self.attr(id, "style").is_some_and(|style| {
            let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
            let style = style.to_ascii_lowercase();
            style.contains("display:none") || style.contains("visibility:hidden")
        })
    }

    pub(crate) fn is_block(&self, id: Id) -> bool {
        self.name(id).is_some_and(|name| {
            matches!(
                name,
                "address"
                    | "article"
                    | "aside"
                    | "blockquote"
                    | "body"
                    | "caption"
                    | "center"
                    | "dd"
                    | "details"
                    | "dialog"
                    | "div"
                    | "dl"
                    | "dt"
                    | "fieldset"
                    | "figcaption"
                    | "figure"
                    | "footer"
                    | "form"
                    | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "header"
                    | "hgroup"
                    | "hr"
                    | "html"
                    | "legend"
                    | "li"
                    | "main"
                    | "nav"
                    | "ol"
                    | "p"
                    | "pre"
                    | "section"
                    | "summary"
                    | "table"
                    | "tbody"
                    | "td"
                    | "tfoot"
                    | "th"
                    | "thead"
                    | "tr"
                    | "ul"
            )
        })
    }

    pub(crate) fn is_control(&self, id: Id) -> bool {
        match self.name(id) {
            Some("select" | "textarea") => true,
            Some("input") => !matches!(
                self.input_type(id).as_str(),
                "hidden" | "submit" | "reset" | "button" | "image"
            ),
            _ => false,
        }
    }

    pub(crate) fn input_type(&self, id: Id) -> String {
        self.attr(id, "type")
            .map(|t| t.trim().to_ascii_lowercase())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| "text".to_owned())
    }

    /// The visible text under a node, whitespace collapsed, leaving out form
    /// controls' own text (a `<select>`'s options) and hidden parts.
    pub(crate) fn text_of(&self, id: Id) -> String {
        let mut out = String::new();
        let mut stack = vec![id];
        while let Some(node) = stack.pop() {
            if let Some(text) = self.text(node) {
                out.push_str(text);
                continue;
            }
            if node != id && (self.hidden(node) || self.is_control(node)) {
                continue;
            }
            if self.is(node, "br") {
                out.push(' ');
            }
            stack.extend(self.children(node).iter().rev());
        }
        collapse(&out)
    }

    /// Whether any control lies under the node.
    pub(crate) fn has_control(&self, id: Id) -> bool {
        let mut stack = vec![id];
        while let Some(node) = stack.pop() {
            if self.is_control(node) {
                return true;
            }
            stack.extend(self.children(node).iter());
        }
        false
    }
}

/// Collapses runs of whitespace to one space and trims, as a browser shows text.
pub(crate) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() && c != '\u{a0}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.replace('\u{a0}', " ").trim().to_owned()
}
