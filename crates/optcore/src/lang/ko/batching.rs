//! Korean wording of the texts `batching` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[];
