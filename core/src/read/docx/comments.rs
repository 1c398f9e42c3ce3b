//! Word comments that are dueregard directives ("dueregard: waive RULE because
//! REASON; approved by NAME"): the only comments read, since other comments
//! are reviewers' talk, not the policy's text. Each is tied to the body block
//! its anchor (`w:commentRangeStart`, or `w:commentReference`) is in.

use std::collections::BTreeMap;

use super::xml::{Ns, XmlEvent, XmlReader};
use crate::read::error::ReadError;
use crate::read::inline_waivers::parse_directive;

/// The text of each comment in word/comments.xml that reads as a directive,
/// by its `w:id`. Paragraphs of a comment are joined by a space.
pub(crate) fn directive_comments(
    xml: &str,
    part: &str,
    max_depth: usize,
) -> Result<BTreeMap<String, String>, ReadError> {
    let mut reader = XmlReader::new(xml, part, max_depth);
    let mut found = BTreeMap::new();
    // The comment being read: its id and text so far.
    let mut current: Option<(String, String)> = None;
    let mut in_text = false;
    loop {
        match reader.next()? {
            XmlEvent::Start(Ns::W, start) => match start.local_name().as_ref() {
                "comment" => {
                    let id = reader.attr(&start, "id")?.unwrap_or_default();
                    current = Some((id, String::new()));
                }
                "p" => {
                    if let Some((_, text)) = current.as_mut()
                        && !text.is_empty()
                    {
                        text.push(' ');
                    }
                }
                "t" => in_text = true,
                _ => {}
            },
            XmlEvent::Start(..) => {}
            XmlEvent::End(_) => {
                in_text = false;
                // Back at the level of `w:comments`: a comment has ended.
                if current.is_some() && reader.depth() <= 1 {
                    finish(&mut current, &mut found);
                }
            }
            XmlEvent::Text(text) => {
                if in_text && let Some((_, body)) = current.as_mut() {
                    body.push_str(&text);
                }
            }
            XmlEvent::Eof => break,
        }
    }
    finish(&mut current, &mut found);
    Ok(found)
}

fn finish(current: &mut Option<(String, String)>, found: &mut BTreeMap<String, String>) {
    if let Some((id, text)) = current.take()
        && parse_directive(&text).is_some()
    {
        found.insert(id, text.trim().to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_directives_are_kept_with_their_ids() {
        let xml = r#"<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:comment w:id="0" w:author="Ann"><w:p><w:r><w:t>Please check this</w:t></w:r></w:p></w:comment>
  <w:comment w:id="3" w:author="Ann"><w:p><w:r><w:t xml:space="preserve">dueregard: waive term-x </w:t></w:r><w:r><w:t>because the title is statutory;</w:t></w:r></w:p><w:p><w:r><w:t>approved by HR director</w:t></w:r></w:p></w:comment>
</w:comments>"#;
        let found = directive_comments(xml, "word/comments.xml", 32).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(
            found["3"],
            "dueregard: waive term-x because the title is statutory; approved by HR director"
        );
    }
}
