//! Korean wording of the texts `adagrad` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[];
