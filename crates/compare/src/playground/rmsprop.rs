//! The playground of the notebook on rmsprop (being written).
