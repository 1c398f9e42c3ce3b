//! Draft JSON: bytes -> str -> Draft::from_json -> Engine::check, and the same
//! text through json_api::check, which must give the same report.

#![no_main]

use std::sync::LazyLock;

use dueregard::{Draft, Engine, json_api};
use libfuzzer_sys::fuzz_target;

mod common;

static ENGINE: LazyLock<Engine> = LazyLock::new(Engine::new);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let engine = &*ENGINE;
    let direct = match Draft::from_json(text) {
        Ok(draft) => {
            let report = engine.check(&draft);
            common::check_report(&draft, &report);
            Some(report.to_json())
        }
        Err(_) => None,
    };
    let via_api = json_api::check(engine, text).ok();
    assert_eq!(
        direct, via_api,
        "json_api::check disagrees with Draft::from_json + Engine::check"
    );
});
