//! The playground of the notebook on adagrad (being written).
