//! Korean wording of the texts `rmsprop` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[];
