//! Finding a .docx's parts through its relationships (the main document need
//! not be word/document.xml), and the title in docProps/core.xml. External
//! relationships (linked templates, images on the web) are never followed.

use super::xml::{Ns, XmlEvent, XmlReader};
use crate::read::error::ReadError;

/// Internal relationship targets whose type ends with `kind` (e.g.
/// "/officeDocument"), resolved to zip entry names relative to `base_dir`.
pub(crate) fn targets(
    rels_xml: &str,
    part: &str,
    base_dir: &str,
    kind: &str,
    max_depth: usize,
) -> Result<Vec<String>, ReadError> {
    let mut reader = XmlReader::new(rels_xml, part, max_depth);
    let mut found = Vec::new();
    loop {
        match reader.next()? {
            XmlEvent::Start(Ns::Rels, start) if start.local_name().as_ref() == "Relationship" => {
                let kind_matches = reader
                    .attr(&start, "Type")?
                    .is_some_and(|t| t.ends_with(kind));
                let external = reader
                    .attr(&start, "TargetMode")?
                    .is_some_and(|m| m.eq_ignore_ascii_case("external"));
                if kind_matches
                    && !external
                    && let Some(target) = reader.attr(&start, "Target")?
                    && let Some(name) = resolve(base_dir, &target)
                {
                    found.push(name);
                }
            }
            XmlEvent::Eof => return Ok(found),
            _ => {}
        }
    }
}

/// Resolves a relationship target against the directory of its source part,
/// staying inside the archive ("../" cannot climb above its root).
pub(crate) fn resolve(base_dir: &str, target: &str) -> Option<String> {
    let target = target.split(['#', '?']).next()?;
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        base_dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// The directory of a part name: "word" for "word/document.xml".
pub(crate) fn dir_of(part: &str) -> &str {
    part.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// The relationships part of a part: "word/_rels/document.xml.rels".
pub(crate) fn rels_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// dc:title from docProps/core.xml, when it is not blank.
pub(crate) fn core_title(
    xml: &str,
    part: &str,
    max_depth: usize,
) -> Result<Option<String>, ReadError> {
    let mut reader = XmlReader::new(xml, part, max_depth);
    let mut in_title = false;
    let mut title = String::new();
    loop {
        match reader.next()? {
            XmlEvent::Start(Ns::Dc, start) if start.local_name().as_ref() == "title" => {
                in_title = true;
            }
            XmlEvent::Start(..) => {}
            XmlEvent::End(_) => in_title = false,
            XmlEvent::Text(text) if in_title => title.push_str(&text),
            XmlEvent::Text(_) => {}
            XmlEvent::Eof => break,
        }
    }
    let title = title.trim();
    Ok((!title.is_empty()).then(|| title.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_inside_the_archive_and_skip_external_ones() {
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/>
  <Relationship Id="r2" Type="http://x/attachedTemplate" Target="http://intranet/t.dotx" TargetMode="External"/>
  <Relationship Id="r3" Type="http://x/officeDocument" Target="http://evil/x.xml" TargetMode="External"/>
</Relationships>"#;
        let found = targets(rels, "_rels/.rels", "", "/officeDocument", 32).unwrap();
        assert_eq!(found, vec!["word/document2.xml".to_owned()]);
        assert_eq!(
            resolve("word", "styles.xml").as_deref(),
            Some("word/styles.xml")
        );
        assert_eq!(
            resolve("word", "../customXml/item1.xml").as_deref(),
            Some("customXml/item1.xml")
        );
        assert_eq!(resolve("word", "../../etc/passwd"), None);
        assert_eq!(rels_of("word/document.xml"), "word/_rels/document.xml.rels");
    }
}
