//! Korean wording of the texts `adam` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[];
