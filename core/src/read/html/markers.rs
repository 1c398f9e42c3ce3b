//! The "*", "(required)" and "(optional)" markers a form label carries.

use super::tree::collapse;
use crate::read::document::Requirement;

/// Takes "*", "(required)" and "(optional)" off a label and says which it had.
pub(super) fn strip_markers(label: &str) -> (String, Requirement) {
    let mut text = label.trim().to_owned();
    let mut requirement = Requirement::Unstated;
    let lower = text.to_ascii_lowercase();
    for (marker, meaning) in [
        ("(required)", Requirement::RequiredInLabel),
        ("(optional)", Requirement::Optional),
    ] {
        if let Some(at) = lower.find(marker) {
            text.replace_range(at..at + marker.len(), "");
            requirement = meaning;
            break;
        }
    }
    let trimmed = text.trim_end();
    if let Some(without) = trimmed.strip_suffix('*') {
        text = without.to_owned();
        requirement = Requirement::RequiredInLabel;
    } else if let Some(without) = trimmed.strip_prefix('*') {
        text = without.to_owned();
        requirement = Requirement::RequiredInLabel;
    }
    (collapse(&text), requirement)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_come_off_the_label() {
        assert_eq!(
            strip_markers("Sex *"),
            ("Sex".into(), Requirement::RequiredInLabel)
        );
        assert_eq!(
            strip_markers("Title (optional)"),
            ("Title".into(), Requirement::Optional)
        );
        assert_eq!(
            strip_markers("Date of birth (Required)"),
            ("Date of birth".into(), Requirement::RequiredInLabel)
        );
        assert_eq!(
            strip_markers("Pronouns"),
            ("Pronouns".into(), Requirement::Unstated)
        );
    }
}
