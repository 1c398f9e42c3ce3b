//! The editor's settings: a rule pack and the documentation links' base,
//! from `initializationOptions` or `workspace/didChangeConfiguration`
//! (either flat or under a `dueregard` key), over the command line's options.

use std::path::{Path, PathBuf};

use dueregard::Engine;
use serde_json::Value;

use crate::args::LspArgs;
use crate::files;

/// What the server is configured with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    pub rule_pack: Option<PathBuf>,
    pub doc_base_url: Option<String>,
}

impl Settings {
    pub fn from_args(args: &LspArgs) -> Settings {
        Settings {
            rule_pack: args.rule_pack.clone(),
            doc_base_url: args.doc_base_url.clone(),
        }
    }

    /// These settings with the editor's on top. `null` or a missing key
    /// keeps what was there; an empty string clears it.
    pub fn with_editor(&self, value: Option<&Value>) -> Settings {
        let mut settings = self.clone();
        let Some(value) = value else {
            return settings;
        };
        let value = value.get("dueregard").unwrap_or(value);
        let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
        if let Some(pack) = text("rulePack") {
            settings.rule_pack = (!pack.is_empty()).then(|| PathBuf::from(pack));
        }
        if let Some(url) = text("docBaseUrl") {
            settings.doc_base_url = (!url.is_empty()).then_some(url);
        }
        settings
    }

    /// The engine these settings ask for; a relative rule pack path is
    /// taken from the workspace's root.
    /// The engine for the configured pack, judging review dates as of today.
    pub fn engine(&self, root: Option<&Path>) -> Result<Engine, String> {
        let today = Some(crate::today::today());
        let Some(pack) = &self.rule_pack else {
            return Ok(Engine::new().with_as_of(today));
        };
        let path = match root {
            Some(root) if pack.is_relative() => root.join(pack),
            _ => pack.clone(),
        };
        let json = files::read_rule_pack(&path)?;
        Engine::from_pack_json(&json)
            .map(|engine| engine.with_as_of(today))
            .map_err(|e| format!("rule pack {}: {e}", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn editor_settings_override_flat_or_nested() {
        let base = Settings {
            rule_pack: Some("cli.json".into()),
            doc_base_url: None,
        };
        let nested =
            json!({"dueregard": {"rulePack": "trust.json", "docBaseUrl": "https://d/rules"}});
        let s = base.with_editor(Some(&nested));
        assert_eq!(s.rule_pack, Some(PathBuf::from("trust.json")));
        assert_eq!(s.doc_base_url.as_deref(), Some("https://d/rules"));
        let flat = json!({"rulePack": ""});
        assert_eq!(base.with_editor(Some(&flat)).rule_pack, None);
        assert_eq!(base.with_editor(Some(&Value::Null)), base);
    }

    #[test]
    fn a_missing_rule_pack_is_a_one_line_error() {
        let s = Settings {
            rule_pack: Some("no-such-pack.json".into()),
            doc_base_url: None,
        };
        let err = s.engine(Some(Path::new("/nonexistent-root"))).unwrap_err();
        assert!(err.contains("/nonexistent-root/no-such-pack.json"), "{err}");
    }
}
