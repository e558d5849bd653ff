//! Korean wording of the texts `compare` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[];
