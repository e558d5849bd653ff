//! The playground of the notebook on schedules (being written).
