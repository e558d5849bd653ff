//! NAdam (in progress).
