//! Paragraph styles from word/styles.xml: which make a heading (by the
//! built-in names "Title" and "heading N", or an outline level, following
//! `basedOn` chains) and which make a list item (a style with numbering).

use std::collections::HashMap;

use super::xml::{Ns, XmlEvent, XmlReader};
use crate::read::error::ReadError;

#[derive(Debug, Clone, Default, PartialEq)]
struct Style {
    name: Option<String>,
    based_on: Option<String>,
    outline_level: Option<u8>,
    /// The style's numbering: `Some(true)` for a numId other than 0.
    numbered: Option<bool>,
    /// The list level the style's numbering puts its paragraphs at.
    list_level: Option<u8>,
}

/// Paragraph styles by their id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Styles {
    by_id: HashMap<String, Style>,
}

/// How many `basedOn` links are followed (they may form a loop in a hostile file).
const MAX_CHAIN: usize = 16;

impl Styles {
    /// Reads styles.xml.
    pub(crate) fn parse(xml: &str, part: &str, max_depth: usize) -> Result<Styles, ReadError> {
        let mut reader = XmlReader::new(xml, part, max_depth);
        let mut styles = Styles::default();
        let mut current: Option<(String, Style)> = None;
        let mut path: Vec<String> = Vec::new();
        loop {
            match reader.next()? {
                XmlEvent::Start(ns, start) => {
                    let local = start.local_name().as_ref().to_owned();
                    if ns == Ns::W {
                        let parent = path.last().map(String::as_str);
                        match (local.as_str(), parent) {
                            ("style", _) => {
                                let paragraph =
                                    reader.attr(&start, "type")?.as_deref() == Some("paragraph");
                                current = match reader.attr(&start, "styleId")? {
                                    Some(id) if paragraph => Some((id, Style::default())),
                                    _ => None,
                                };
                            }
                            ("name", Some("style")) => {
                                if let Some((_, style)) = current.as_mut() {
                                    style.name = reader.attr(&start, "val")?;
                                }
                            }
                            ("basedOn", Some("style")) => {
                                if let Some((_, style)) = current.as_mut() {
                                    style.based_on = reader.attr(&start, "val")?;
                                }
                            }
                            ("outlineLvl", Some("pPr")) => {
                                if let Some((_, style)) = current.as_mut() {
                                    style.outline_level = reader
                                        .attr(&start, "val")?
                                        .and_then(|v| v.parse::<u8>().ok());
                                }
                            }
                            ("numId", Some("numPr")) => {
                                if let Some((_, style)) = current.as_mut() {
                                    style.numbered =
                                        reader.attr(&start, "val")?.map(|v| v.trim() != "0");
                                }
                            }
                            ("ilvl", Some("numPr")) => {
                                if let Some((_, style)) = current.as_mut() {
                                    style.list_level = reader
                                        .attr(&start, "val")?
                                        .and_then(|v| v.trim().parse::<u8>().ok());
                                }
                            }
                            // Old properties kept by tracked changes are not the style's.
                            ("pPrChange" | "rPrChange", _) => {
                                reader.skip_element()?;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    path.push(local);
                }
                XmlEvent::End(ns) => {
                    let local = path.pop();
                    if ns == Ns::W
                        && local.as_deref() == Some("style")
                        && let Some((id, style)) = current.take()
                    {
                        styles.by_id.insert(id, style);
                    }
                }
                XmlEvent::Text(_) => {}
                XmlEvent::Eof => return Ok(styles),
            }
        }
    }

    /// The style's name as Word shows it, e.g. "Heading 1" for id
    /// "Heading1" (built-in names are stored lower-case, "heading 1").
    pub fn name(&self, id: &str) -> Option<String> {
        let name = self.by_id.get(id)?.name.as_deref()?;
        let mut chars = name.chars();
        let first = chars.next()?;
        Some(first.to_uppercase().chain(chars).collect())
    }

    /// The heading level a paragraph in this style has: 0 for Title, 1-9 for
    /// "heading N" or an outline level, following `basedOn`.
    pub fn heading_level(&self, id: &str) -> Option<u8> {
        let mut next = Some(id);
        for _ in 0..MAX_CHAIN {
            let id = next?;
            let Some(style) = self.by_id.get(id) else {
                return level_from_name(id);
            };
            if let Some(level) = style.name.as_deref().and_then(level_from_name) {
                return Some(level);
            }
            if let Some(outline) = style.outline_level {
                return (outline < 9).then_some(outline + 1);
            }
            next = style.based_on.as_deref();
        }
        None
    }

    /// The list level of the style's numbering (0 when it sets none), or
    /// `None` when the style does not number its paragraphs.
    pub fn list_level(&self, id: &str) -> Option<u8> {
        let mut next = Some(id);
        let mut level = None;
        for _ in 0..MAX_CHAIN {
            let style = self.by_id.get(next?)?;
            level = level.or(style.list_level);
            if let Some(numbered) = style.numbered {
                let by_name = self
                    .by_id
                    .get(id)
                    .and_then(|s| s.name.as_deref())
                    .and_then(level_from_list_name);
                return numbered.then_some(level.or(by_name).unwrap_or(0));
            }
            next = style.based_on.as_deref();
        }
        None
    }
}

/// Word's built-in "List Bullet 2" (and "List Number 3", "List 4") number
/// at level 0 of their own list, indented as a nested level: N means level N-1.
fn level_from_list_name(name: &str) -> Option<u8> {
    let lower = name.trim().to_ascii_lowercase();
    let (stem, digit) = lower.rsplit_once(' ')?;
    if !matches!(stem, "list" | "list bullet" | "list number") {
        return None;
    }
    match digit.parse::<u8>() {
        Ok(n @ 2..=9) => Some(n - 1),
        _ => None,
    }
}

/// "Title" → 0, "heading 3" / "Heading3" → 3 (built-in names are English in
/// styles.xml whatever the language of Word's menus).
fn level_from_name(name: &str) -> Option<u8> {
    let lower = name.trim().to_ascii_lowercase();
    if lower == "title" {
        return Some(0);
    }
    let digits = lower.strip_prefix("heading")?.trim_start();
    match digits.parse::<u8>() {
        Ok(n @ 1..=9) => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="TrustSection"><w:name w:val="Trust Section"/><w:basedOn w:val="Heading2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="Outlined"/><w:pPr><w:outlineLvl w:val="3"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="A"/><w:basedOn w:val="LoopB"/></w:style>
  <w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="B"/><w:basedOn w:val="LoopA"/></w:style>
  <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="ListBullet2"><w:name w:val="List Bullet 2"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Steps"><w:name w:val="Steps"/><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="6"/></w:numPr></w:pPr></w:style>
  <w:style w:type="character" w:styleId="Heading1Char"><w:name w:val="Heading 1 Char"/></w:style>
</w:styles>"#;

    #[test]
    fn heading_levels_come_from_names_outline_levels_and_based_on() {
        let styles = Styles::parse(STYLES, "word/styles.xml", 64).unwrap();
        assert_eq!(styles.heading_level("Title"), Some(0));
        assert_eq!(styles.heading_level("Heading2"), Some(2));
        assert_eq!(styles.heading_level("TrustSection"), Some(2));
        assert_eq!(styles.heading_level("Outline"), Some(4));
        assert_eq!(styles.heading_level("LoopA"), None);
        // A style missing from styles.xml is judged by its id.
        assert_eq!(styles.heading_level("Heading7"), Some(7));
        assert_eq!(styles.heading_level("Heading1Char"), None);
        assert_eq!(
            styles.name("TrustSection").as_deref(),
            Some("Trust Section")
        );
        assert_eq!(styles.name("Heading2").as_deref(), Some("Heading 2"));
        assert_eq!(styles.list_level("ListBullet"), Some(0));
        assert_eq!(
            styles.list_level("ListBullet2"),
            Some(1),
            "by its built-in name"
        );
        assert_eq!(
            styles.list_level("Steps"),
            Some(2),
            "by its numbering level"
        );
        assert_eq!(styles.list_level("Title"), None);
    }
}
