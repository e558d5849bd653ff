//! Korean wording of the texts `core` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[];
