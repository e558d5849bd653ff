//! Korean wording of the texts `plots` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[];
