//! Artifact paths as SARIF URIs: relative where they can be, percent-encoded.

use super::SarifOptions;
use super::log::ArtifactLocation;

/// The id relative artifact URIs are resolved against, when a source root is given.
pub(super) const SOURCE_ROOT_ID: &str = "SRCROOT";

pub(super) fn artifact_location(
    path: &str,
    index: usize,
    options: &SarifOptions<'_>,
) -> ArtifactLocation {
    let path = path.replace('\\', "/");
    let root = options
        .source_root
        .as_deref()
        .map(|r| r.replace('\\', "/"))
        .map(|r| format!("{}/", r.trim_end_matches('/')));
    let relative = match &root {
        Some(root) => path.strip_prefix(root.as_str()).map(str::to_owned),
        None => None,
    }
    .or_else(|| (!is_absolute(&path)).then(|| path.trim_start_matches("./").to_owned()));
    match relative {
        Some(relative) => ArtifactLocation {
            uri: percent_encode(&relative),
            uri_base_id: options
                .source_root
                .as_ref()
                .map(|_| SOURCE_ROOT_ID.to_owned()),
            index: Some(index),
        },
        None => ArtifactLocation {
            uri: file_uri(&path),
            uri_base_id: None,
            index: Some(index),
        },
    }
}

fn is_absolute(path: &str) -> bool {
    let bytes = path.as_bytes();
    path.starts_with('/')
        || (bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':')
}

/// `/srv/policies` -> `file:///srv/policies`; `C:/x` -> `file:///C:/x`.
pub(super) fn file_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    if path.starts_with("file:") {
        return path;
    }
    let path = if path.starts_with('/') {
        path
    } else {
        format!("/{path}")
    };
    format!("file://{}", percent_encode_keeping(&path, b"/:"))
}

/// A path as a URI reference: unreserved characters and `/` as they are, every
/// other byte as `%XX`.
fn percent_encode(path: &str) -> String {
    percent_encode_keeping(path, b"/")
}

fn percent_encode_keeping(path: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) || keep.contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::sarif::help_url;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(
            percent_encode("my policies/é 1.md"),
            "my%20policies/%C3%A9%201.md"
        );
        assert_eq!(file_uri("/srv/a b"), "file:///srv/a%20b");
        assert_eq!(file_uri("C:\\x\\y.md"), "file:///C:/x/y.md");
        assert_eq!(
            help_url("https://x/docs/rules.md#", "a"),
            "https://x/docs/rules.md#a"
        );
    }
    #[test]
    fn paths_under_the_source_root_become_relative() {
        let options = SarifOptions {
            source_root: Some("/repo".into()),
            ..SarifOptions::default()
        };
        let loc = artifact_location("/repo/docs/a.md", 0, &options);
        assert_eq!(loc.uri, "docs/a.md");
        assert_eq!(loc.uri_base_id.as_deref(), Some(SOURCE_ROOT_ID));
        let loc = artifact_location("/elsewhere/a.md", 0, &options);
        assert_eq!(loc.uri, "file:///elsewhere/a.md");
        let loc = artifact_location("./a.md", 1, &SarifOptions::default());
        assert_eq!((loc.uri.as_str(), loc.uri_base_id), ("a.md", None));
    }
}
