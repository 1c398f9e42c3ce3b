//! Placeholder for the Python binding. It will wrap [`dueregard::json_api`]
//! with PyO3 and be built by maturin; until then it re-exports that API so
//! the workspace layout is in place and the crate compiles.

pub use dueregard::json_api;
