//! The playground of the notebook on adadelta (being written).
