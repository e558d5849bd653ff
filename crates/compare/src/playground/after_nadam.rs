//! The playground of the notebook on after_nadam (being written).
