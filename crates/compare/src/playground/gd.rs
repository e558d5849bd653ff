//! The playground of the notebook on gd (being written).
