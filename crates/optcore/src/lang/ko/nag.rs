//! Korean wording of the texts `nag` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[];
