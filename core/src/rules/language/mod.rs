//! Language rules written as code. Almost every language rule is a term rule
//! (`terms/en-gb.json`); this folder holds the one that asks whether there is
//! any language to check at all.

mod almost_empty;

pub(crate) use almost_empty::DraftAlmostEmpty;
