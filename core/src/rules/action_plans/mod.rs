//! Action plan rules (framework element 5.3): every action in the assessment's
//! plan is owned, dated and measured, and its measure describes a result.
//!
//! One file per rule: `actions-vague-measure` is `vague_measure.rs`.

mod measurable;
mod vague_measure;

pub(crate) use measurable::ActionsMeasurable;
pub(crate) use vague_measure::ActionsVagueMeasure;
