//! Korean wording of the texts `momentum` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[];
