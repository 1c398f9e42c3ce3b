//! Recognition on the fixtures in tests/fixtures (MANIFEST.md says what a
//! recogniser should find in each).

#![cfg(all(feature = "docx", feature = "html"))]

use dueregard::read::recognise::{Recognition, recognise};
use dueregard::read::{DocumentLimits, read_docx, read_html};
use dueregard::{DraftKind, Group, Impact};

fn docx(name: &str) -> Recognition {
    let path = format!(
        "{}/../tests/fixtures/docx/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    recognise(
        &read_docx(&bytes, &DocumentLimits::default()).unwrap_or_else(|e| panic!("{name}: {e}")),
    )
}

fn html(name: &str) -> Recognition {
    let path = format!(
        "{}/../tests/fixtures/html/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    recognise(
        &read_html(&bytes, &DocumentLimits::default()).unwrap_or_else(|e| panic!("{name}: {e}")),
    )
}

#[test]
#[ignore = "prints every fixture's recognition, for looking at by hand"]
fn dump() {
    for entry in std::fs::read_dir(format!(
        "{}/../tests/fixtures/docx",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
    {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".docx") && !name.starts_with("long") {
            let r = docx(&name);
            println!(
                "=== {name}\n{}\n{:?}\n{:?}",
                serde_json::to_string_pretty(&r.draft).unwrap(),
                r.recognised,
                r.places
            );
        }
    }
    for entry in std::fs::read_dir(format!(
        "{}/../tests/fixtures/html",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
    {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let r = html(&name);
        println!(
            "=== {name}\n{}\n{:?}",
            serde_json::to_string_pretty(&r.draft).unwrap(),
            r.recognised
        );
    }
}
