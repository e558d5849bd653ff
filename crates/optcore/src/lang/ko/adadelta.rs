//! Korean wording of the texts `adadelta` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[];
