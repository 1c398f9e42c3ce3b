//! What dueregard reads and writes: the draft, the rule pack, the report, and
//! the framework catalogue they refer to.

mod draft;
pub mod framework;
mod pack;
mod report;
mod report_diff;
mod shared;
mod status;

pub use draft::*;
pub use pack::*;
pub use report::*;
pub use report_diff::*;
pub use shared::*;
pub use status::*;
