//! Korean wording of the texts `gd` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[];
