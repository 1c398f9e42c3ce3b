//! The .docx zip archive, read within limits: the entry count is checked
//! before the central directory is parsed, and each part's size and
//! compression ratio are counted while it inflates, never trusted from the
//! header alone. Only the named parts are ever inflated; images and other
//! media are left compressed.

use std::io::{Cursor, ErrorKind, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use crate::read::document_limits::DocumentLimits;
use crate::read::error::ReadError;

pub(crate) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    limits: DocumentLimits,
    inflated: u64,
}

impl<'a> Archive<'a> {
    pub(crate) fn open(bytes: &'a [u8], limits: &DocumentLimits) -> Result<Self, ReadError> {
        if let Some(count) = declared_entry_count(bytes)
            && count > limits.max_zip_entries
        {
            return Err(ReadError::TooManyEntries {
                count,
                limit: limits.max_zip_entries,
            });
        }
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| match e {
            // The bytes start like a zip (the caller sniffed them), so a
            // missing or broken end record almost always means a cut-off file.
            ZipError::InvalidArchive(detail) => ReadError::Truncated {
                detail: detail.into_owned(),
            },
            ZipError::Io(io) if io.kind() == ErrorKind::UnexpectedEof => ReadError::Truncated {
                detail: io.to_string(),
            },
            other => ReadError::Zip {
                detail: other.to_string(),
            },
        })?;
        if zip.len() > limits.max_zip_entries {
            return Err(ReadError::TooManyEntries {
                count: zip.len(),
                limit: limits.max_zip_entries,
            });
        }
        Ok(Archive {
            zip,
            limits: *limits,
            inflated: 0,
        })
    }

    /// The zip itself, for copying entries unchanged (the annotator).
    pub(crate) fn zip(&mut self) -> &mut ZipArchive<Cursor<&'a [u8]>> {
        &mut self.zip
    }

    /// Inflates the named part, or `None` when the archive has no such entry.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ReadError> {
        let limits = self.limits;
        let already = self.inflated;
        let mut entry = match self.zip.by_name(name) {
            Ok(entry) => entry,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(ZipError::UnsupportedArchive(why)) => {
                return Err(ReadError::UnsupportedEntry {
                    part: name.to_owned(),
                    why: if why.to_ascii_lowercase().contains("password") {
                        "encrypted inside the zip"
                    } else {
                        "stored in a way this reader does not support"
                    },
                });
            }
            Err(ZipError::CompressionMethodNotSupported(_)) => {
                return Err(ReadError::UnsupportedEntry {
                    part: name.to_owned(),
                    why: "compressed with a method other than deflate",
                });
            }
            Err(other) => return Err(zip_error(other)),
        };
        if entry.size() > limits.max_part_bytes {
            return Err(ReadError::PartTooLarge {
                part: name.to_owned(),
                limit: limits.max_part_bytes,
            });
        }
        let stored = entry.compressed_size().max(1);
        let mut out = Vec::with_capacity(entry.size().min(1 << 20) as usize);
        let mut buf = [0u8; 16 * 1024];
        loop {
            let n = match entry.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => return Err(io_error(name, e)),
            };
            out.extend_from_slice(&buf[..n]);
            let size = out.len() as u64;
            if size > limits.max_part_bytes {
                return Err(ReadError::PartTooLarge {
                    part: name.to_owned(),
                    limit: limits.max_part_bytes,
                });
            }
            if already + size > limits.max_total_bytes {
                return Err(ReadError::TotalTooLarge {
                    limit: limits.max_total_bytes,
                });
            }
            if size > limits.ratio_floor_bytes && size / stored > limits.max_compression_ratio {
                return Err(ReadError::CompressionRatio {
                    part: name.to_owned(),
                    ratio: size / stored,
                    limit: limits.max_compression_ratio,
                });
            }
        }
        self.inflated = already + out.len() as u64;
        Ok(Some(out))
    }
}

/// The entry count in the end-of-central-directory record, read before the
/// zip crate builds its index of every entry.
fn declared_entry_count(bytes: &[u8]) -> Option<usize> {
    const EOCD: &[u8] = b"PK\x05\x06";
    let tail_start = bytes.len().saturating_sub(22 + u16::MAX as usize);
    let tail = &bytes[tail_start..];
    let at = tail.windows(4).rposition(|w| w == EOCD)?;
    let record = tail.get(at..at + 22)?;
    let count = u16::from_le_bytes([record[10], record[11]]);
    // 0xFFFF means the real count is in a zip64 record; the zip crate reads
    // that, and the count is checked again after.
    (count != u16::MAX).then_some(count as usize)
}

fn zip_error(e: ZipError) -> ReadError {
    match e {
        ZipError::Io(io) if io.kind() == ErrorKind::UnexpectedEof => ReadError::Truncated {
            detail: io.to_string(),
        },
        ZipError::InvalidArchive(detail) => ReadError::Truncated {
            detail: detail.into_owned(),
        },
        other => ReadError::Zip {
            detail: other.to_string(),
        },
    }
}

fn io_error(part: &str, e: std::io::Error) -> ReadError {
    let message = e.to_string().to_ascii_lowercase();
    if e.kind() == ErrorKind::Unsupported || message.contains("not supported") {
        return ReadError::UnsupportedEntry {
            part: part.to_owned(),
            why: "compressed with a method other than deflate",
        };
    }
    if e.kind() == ErrorKind::UnexpectedEof {
        ReadError::Truncated {
            detail: format!("{part} ends early"),
        }
    } else {
        ReadError::Truncated {
            detail: format!("{part}: {e}"),
        }
    }
}
