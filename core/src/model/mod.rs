//! What dueregard reads and writes: the draft, the rule pack, the report, and
//! the framework catalogue they refer to.

mod draft;
pub mod framework;
mod pack;
mod report;

pub use draft::*;
pub(crate) use pack::pack_limits;
pub use pack::*;
pub use report::*;
