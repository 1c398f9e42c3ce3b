//! Placeholder for the WebAssembly binding. It will wrap
//! [`dueregard::json_api`] with wasm-bindgen; until then it re-exports that
//! API so the workspace layout is in place and the crate compiles.

pub use dueregard::json_api;
