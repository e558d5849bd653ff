//! The playground of the notebook on batching (being written).
