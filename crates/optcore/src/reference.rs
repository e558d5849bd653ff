//! Reading the reference traces of `../shared/reference/` (torch.optim and the
//! post's equations, computed outside this project) and comparing runs with them.

use crate::error::{Error, Result};
use crate::optimizer::Record;
use crate::trace::Trace;
use std::path::PathBuf;

/// The folder `shared/reference` beside the repository (CI lays it there).
pub fn reference_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/reference"))
}

/// One reference row: t, the loss at θ_t, θ_t.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceRow {
    pub t: usize,
    pub loss: f64,
    pub theta: Vec<f64>,
}

/// Parses `t,loss,theta_0,theta_1[,…]` CSV text (extra columns are ignored).
pub fn parse_reference_csv(text: &str) -> Result<Vec<ReferenceRow>> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split(',').collect();
    if header.len() < 3 || header[0] != "t" || header[1] != "loss" {
        return Err(Error::Parse {
            what: "reference CSV".into(),
            message: "header must start with t,loss,theta_0".into(),
        });
    }
    let dim = header.iter().filter(|h| h.starts_with("theta_")).count();
    let mut rows = Vec::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split(',').collect();
        let num = |j: usize| -> Result<f64> {
            cells.get(j).and_then(|c| c.parse::<f64>().ok()).ok_or_else(|| Error::Parse {
                what: "reference CSV".into(),
                message: format!("bad cell {j} in line '{line}'"),
            })
        };
        rows.push(ReferenceRow {
            t: num(0)? as usize,
            loss: num(1)?,
            theta: (0..dim).map(|i| num(2 + i)).collect::<Result<_>>()?,
        });
    }
    Ok(rows)
}

/// |a − b| / max(|a|, |b|), with an absolute floor of 1e-300 so that 0 = 0.
pub fn rel_diff(a: f64, b: f64) -> f64 {
    let scale = a.abs().max(b.abs());
    if scale < 1e-300 {
        0.0
    } else {
        (a - b).abs() / scale
    }
}

/// The largest relative difference between a trace and reference rows over
/// loss and θ; an error if they differ in length.
pub fn max_rel_diff_to_reference<R: Record>(trace: &Trace<R>, reference: &[ReferenceRow]) -> Result<f64> {
    if trace.rows.len() != reference.len() {
        return Err(Error::Dimension {
            what: "trace rows vs reference rows",
            expected: reference.len(),
            found: trace.rows.len(),
        });
    }
    let mut worst: f64 = 0.0;
    for (ours, theirs) in trace.rows.iter().zip(reference) {
        worst = worst.max(rel_diff(ours.loss, theirs.loss));
        for (a, b) in ours.theta.iter().zip(&theirs.theta) {
            worst = worst.max(rel_diff(*a, *b));
        }
    }
    Ok(worst)
}
