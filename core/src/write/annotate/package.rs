//! The .docx package: opened within the reader's limits, and written back
//! with every entry copied raw (still compressed, same header) except the
//! main document part and the comments part, plus the comments part's
//! relationship and content type when the document had no comments. Written
//! entries carry a fixed timestamp, so the same input gives the same bytes.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::read::DocumentLimits;
use crate::read::ReadError;
use crate::read::docx::archive::Archive;
use crate::read::docx::{main_part, open_archive, parts, read_text};

const COMMENTS_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const COMMENTS_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

pub(super) struct Package<'a> {
    bytes: &'a [u8],
    archive: Archive<'a>,
    pub(super) main: String,
    pub(super) document_xml: String,
    pub(super) comments_part: String,
    pub(super) comments_xml: Option<String>,
    rels_part: String,
    rels_xml: Option<String>,
    /// The main part's relationships name a comments part already.
    comments_related: bool,
    content_types: Option<String>,
}

impl<'a> Package<'a> {
    pub(super) fn open(bytes: &'a [u8], limits: &DocumentLimits) -> Result<Self, ReadError> {
        let mut archive = open_archive(bytes, limits)?;
        let depth = limits.max_depth;
        let main = main_part(&mut archive, depth)?;
        let Some(document_xml) = read_text(&mut archive, &main)? else {
            return Err(ReadError::NotWord { part: main });
        };
        let rels_part = parts::rels_of(&main);
        let rels_xml = read_text(&mut archive, &rels_part)?;
        let comments_part = match &rels_xml {
            Some(rels) => {
                parts::targets(rels, &rels_part, parts::dir_of(&main), "/comments", depth)?
                    .into_iter()
                    .next()
            }
            None => None,
        };
        let comments_related = comments_part.is_some();
        let (comments_part, comments_xml) = match comments_part {
            Some(part) => {
                let xml = read_text(&mut archive, &part)?;
                (part, xml)
            }
            None => (format!("{}/comments.xml", parts::dir_of(&main)), None),
        };
        let content_types = read_text(&mut archive, "[Content_Types].xml")?;
        Ok(Package {
            bytes,
            archive,
            main,
            document_xml,
            comments_part,
            comments_xml,
            rels_part,
            rels_xml,
            comments_related,
            content_types,
        })
    }

    /// The package with these main document and comments parts.
    pub(super) fn finish(
        mut self,
        document_xml: &str,
        comments_xml: &str,
    ) -> Result<Vec<u8>, ReadError> {
        let mut replaced: Vec<(String, Vec<u8>)> = vec![
            (self.main.clone(), document_xml.as_bytes().to_vec()),
            (self.comments_part.clone(), comments_xml.as_bytes().to_vec()),
        ];
        if let Some(rels) = self.comments_relationship() {
            replaced.push((self.rels_part.clone(), rels.into_bytes()));
        }
        if let Some(types) = self.comments_content_type()? {
            replaced.push(("[Content_Types].xml".to_owned(), types.into_bytes()));
        }
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(DateTime::default());
        let mut writer = ZipWriter::new(Cursor::new(Vec::with_capacity(self.bytes.len() + 4096)));
        let zip = self.archive.zip();
        let mut written = vec![false; replaced.len()];
        for index in 0..zip.len() {
            let entry = zip.by_index_raw(index).map_err(zip_error)?;
            let name = entry.name().to_owned();
            match replaced.iter().position(|(n, _)| *n == name) {
                Some(i) => {
                    drop(entry);
                    if written[i] {
                        continue;
                    }
                    written[i] = true;
                    writer.start_file(name, options).map_err(zip_error)?;
                    writer.write_all(&replaced[i].1).map_err(io_error)?;
                }
                None => writer.raw_copy_file(entry).map_err(zip_error)?,
            }
        }
        // Parts the input did not have (a first comments part, its relationships).
        for (i, (name, content)) in replaced.iter().enumerate() {
            if !written[i] {
                writer
                    .start_file(name.clone(), options)
                    .map_err(zip_error)?;
                writer.write_all(content).map_err(io_error)?;
            }
        }
        Ok(writer.finish().map_err(zip_error)?.into_inner())
    }

    /// The main part's relationships with one to the comments part added,
    /// or `None` when it has one already.
    fn comments_relationship(&self) -> Option<String> {
        let rels = self.rels_xml.as_deref().unwrap_or(concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>"
        ));
        if self.comments_related {
            return None;
        }
        let mut n = 1;
        while rels.contains(&format!("Id=\"rIdDueregard{n}\"")) {
            n += 1;
        }
        let target = self
            .comments_part
            .strip_prefix(&format!("{}/", parts::dir_of(&self.main)))
            .map_or_else(|| format!("/{}", self.comments_part), str::to_owned);
        let relationship = format!(
            "<Relationship Id=\"rIdDueregard{n}\" Type=\"{COMMENTS_TYPE}\" Target=\"{target}\"/>"
        );
        match rels.rfind("</Relationships>") {
            Some(at) => Some(format!("{}{relationship}{}", &rels[..at], &rels[at..])),
            None => {
                let open = rels.trim_end().strip_suffix("/>")?;
                Some(format!(
                    "{}>{relationship}</Relationships>",
                    open.trim_end()
                ))
            }
        }
    }

    /// The content types with an override for the comments part, or `None`
    /// when it has one already.
    fn comments_content_type(&self) -> Result<Option<String>, ReadError> {
        let types = self
            .content_types
            .as_deref()
            .ok_or_else(|| ReadError::CannotAnnotate {
                part: "[Content_Types].xml".into(),
                why: "the package has no content types part".into(),
            })?;
        let name = format!("/{}", self.comments_part);
        if types
            .to_ascii_lowercase()
            .contains(&format!("partname=\"{}\"", name.to_ascii_lowercase()))
        {
            return Ok(None);
        }
        let entry =
            format!("<Override PartName=\"{name}\" ContentType=\"{COMMENTS_CONTENT_TYPE}\"/>");
        match types.rfind("</Types>") {
            Some(at) => Ok(Some(format!("{}{entry}{}", &types[..at], &types[at..]))),
            None => Err(ReadError::CannotAnnotate {
                part: "[Content_Types].xml".into(),
                why: "its root element is not Types".into(),
            }),
        }
    }
}

fn zip_error(e: zip::result::ZipError) -> ReadError {
    ReadError::Zip {
        detail: e.to_string(),
    }
}

fn io_error(e: std::io::Error) -> ReadError {
    ReadError::Zip {
        detail: e.to_string(),
    }
}
