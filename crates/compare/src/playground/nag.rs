//! The playground of the notebook on nag (being written).
