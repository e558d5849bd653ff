//! The playground of the notebook on momentum (being written).
