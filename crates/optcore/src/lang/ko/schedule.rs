//! Korean wording of the texts `schedule` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[];
