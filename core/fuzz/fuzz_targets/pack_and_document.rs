//! A rule pack and a document together: bytes are `PACK 0xFF DOCUMENT` (0xFF
//! never occurs in UTF-8, so it splits them unambiguously). If the pack
//! compiles, the document is checked as Markdown, as plain text and, when it
//! is a JSON draft, as a draft; and an editing session re-checks an edit.
//! Both inputs are untrusted, so together they must keep time and memory
//! bounded: run.sh gives every target an RSS limit, so a pack whose phrases
//! blow up on some text fails here rather than in a user's process.

#![no_main]

use std::sync::Arc;

use dueregard::{Draft, Engine, Session};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some(split) = data.iter().position(|&b| b == 0xff) else {
        return;
    };
    let (Ok(pack), Ok(document)) = (
        std::str::from_utf8(&data[..split]),
        std::str::from_utf8(&data[split + 1..]),
    ) else {
        return;
    };
    let Ok(engine) = Engine::from_pack_json(pack) else {
        return;
    };
    let engine = Arc::new(engine);
    let mut drafts = Vec::new();
    if let Ok(draft) = Draft::from_markdown(document) {
        drafts.push(draft);
    }
    if let Ok(draft) = Draft::from_text("Fuzzed", document) {
        drafts.push(draft);
    }
    if let Ok(draft) = Draft::from_json(document) {
        drafts.push(draft);
    }
    for draft in drafts {
        let report = engine.check(&draft);
        common::check_report(&draft, &report);
        // An edit in a session gives the same report as checking afresh.
        if let Some(first) = draft.sections.first().map(|s| s.id.clone()) {
            let mut session = Session::new(engine.clone(), draft.clone());
            let edited = format!("{document} he or\nshe");
            if let Ok(report) = session.update_section(&first, &edited) {
                common::check_report(session.draft(), &report);
                assert_eq!(report, engine.check(session.draft()));
            }
        }
    }
});
