//! Markdown: bytes -> Draft::from_bytes(.., Format::Markdown, ..) -> check;
//! then an editing session whose section is replaced by the same text, which
//! must report exactly what a full check of the edited draft reports.

#![no_main]

use std::sync::{Arc, LazyLock};

use dueregard::{Draft, Engine, Format, Session};
use libfuzzer_sys::fuzz_target;

mod common;

static ENGINE: LazyLock<Arc<Engine>> = LazyLock::new(|| Arc::new(Engine::new()));
static BASE: LazyLock<Draft> =
    LazyLock::new(|| Draft::from_json(common::SMALL_DRAFT).expect("the fixed draft is valid"));

fuzz_target!(|data: &[u8]| {
    let engine = &*ENGINE;
    if let Ok(draft) = Draft::from_bytes(data, Format::Markdown, "Fuzzed", engine.limits()) {
        let report = engine.check(&draft);
        common::check_report(&draft, &report);
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut session = Session::new(Arc::clone(engine), BASE.clone());
    match session.update_section("scope", text) {
        Ok(incremental) => {
            let mut edited = BASE.clone();
            edited.sections[1].text = text.to_owned();
            let full = engine.check(&edited);
            common::check_report(&edited, &incremental);
            assert_eq!(
                incremental.to_json(),
                full.to_json(),
                "a session update differs from a full check of the same draft"
            );
        }
        Err(_) => assert!(text.len() > engine.limits().max_bytes),
    }
});
