//! Rule pack JSON: bytes -> Engine::from_pack_json -> if it compiles, check a
//! fixed small draft (and the same draft as Markdown) with it.

#![no_main]

use std::sync::LazyLock;

use dueregard::{Draft, Engine};
use libfuzzer_sys::fuzz_target;

mod common;

static DRAFT: LazyLock<Draft> =
    LazyLock::new(|| Draft::from_json(common::SMALL_DRAFT).expect("the fixed draft is valid"));
static MARKDOWN: LazyLock<Draft> = LazyLock::new(|| {
    Draft::from_markdown(
        "# Visiting\n\n## Who may visit\n\nA husband or wife, his/her children, or the \
         chairman's guests. Manpower is short; transgendered and homosexual patients \
         may name anyone.\n",
    )
    .expect("the fixed Markdown is valid")
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(engine) = Engine::from_pack_json(text) {
        for draft in [&*DRAFT, &*MARKDOWN] {
            let report = engine.check(draft);
            common::check_report(draft, &report);
        }
        let _ = dueregard::json_api::rules(&engine);
    }
});
