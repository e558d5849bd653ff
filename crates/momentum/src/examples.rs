//! Worked examples (in progress).
