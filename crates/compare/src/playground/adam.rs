//! The playground of the notebook on adam (being written).
