//! # dueregard
//!
//! Checks health and care policy drafts, as they are written, against the NHS
//! Confederation's Health and Care LGBTQ+ Inclusion Framework (six pillars,
//! 17 demonstrable elements) and what an equality impact assessment needs.
//!
//! Compile an [`Engine`] once from a rule pack (the built-in en-GB pack by
//! default) and check any number of [`Draft`]s; each check returns a
//! [`Report`] with findings in axe-core's buckets and a roll-up to the
//! framework's elements and pillars.
//!
//! ```
//! use dueregard::{Draft, Engine};
//!
//! let engine = Engine::new();
//! let draft = Draft::from_json(r#"{
//!     "title": "Bereavement leave",
//!     "kind": "workforce_policy",
//!     "sections": [{"id": "scope", "heading": "Scope", "text": "Leave for the loss of a husband or wife."}]
//! }"#).unwrap();
//! let report = engine.check(&draft);
//! assert!(report.violations.iter().any(|f| f.rule == "eia-present"));
//! assert!(!report.passes_gate());
//! ```
//!
//! Bindings call the JSON-string API in [`json_api`].

mod date;
pub mod docs;
mod engine;
mod error;
pub mod json_api;
mod model;
pub mod organisation;
pub mod read;
mod rules;
pub mod schema;
mod text;
pub mod write;

pub use date::Date;
pub use engine::{BUILTIN_PACK, Engine, Session};
pub use error::{DraftError, ErrorInfo, RulePackError, display_pointer, panic_message};
pub use model::framework::{Progress, SelfAssessment};
pub use model::*;
pub use read::inline_waivers;
#[cfg(feature = "docx")]
pub use read::read_docx;
#[cfg(feature = "html")]
pub use read::read_html;
pub use read::{Format, Limits};
pub use rules::{Family, RuleKind, RuleMeta};
pub use text::TextSpan;
#[cfg(feature = "docx")]
pub use write::annotate::{AnnotateOptions, AnnotatedDocx, Fixes, annotate_docx};

/// The README's Rust example runs as a doctest, so it cannot go stale.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
