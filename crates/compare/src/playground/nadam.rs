//! The playground of the notebook on nadam (being written).
