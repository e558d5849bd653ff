//! The playground of the notebook on comparison (being written).
