//! Generated files stay in step with the code: docs/rules.md and schemas/.
//! Regenerate with `DUEREGARD_BLESS=1 cargo test -p dueregard --test generated`.

use std::path::PathBuf;

use dueregard::{Engine, docs, schema};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn check_or_bless(relative: &str, expected: &str) {
    let path = root().join(relative);
    if std::env::var_os("DUEREGARD_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, expected).unwrap();
        return;
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "{relative} is stale; regenerate it with DUEREGARD_BLESS=1 cargo test -p dueregard --test generated"
    );
}

#[test]
fn rules_reference_is_current() {
    check_or_bless("docs/rules.md", &docs::rules_markdown(&Engine::new()));
}

#[test]
fn schemas_are_current() {
    for (name, text) in schema::all() {
        check_or_bless(&format!("schemas/{name}"), &text);
    }
}
