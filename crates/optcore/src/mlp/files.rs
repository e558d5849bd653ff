//! The network's parameters and a batch order as JSON files, so that a run of any
//! framework can be set beside ours (`optrace --problem digits-mlp --init FILE
//! --batches FILE`, and `crates/optcore/reference/digits-mlp/`, made by torch).
//!
//! - Parameters: `{"W1": [[d values] × H], "b1": [H values], "W2": [[H values] ×
//!   K], "b2": [K values]}`, the weights row by row as torch's `nn.Linear` holds
//!   them (output × input); H, the hidden width, is read from the file.
//! - Batches: a list of lists of row indices into the data (0-based, in file
//!   order), one optimizer step per list.

use super::{Mlp, MAX_HIDDEN};
use crate::error::{Error, Result};
use ndarray::{Array1, ArrayView1};
use serde_json::{Map, Value};

/// The four arrays of a parameters file, in the order of θ.
const KEYS: [&str; 4] = ["W1", "b1", "W2", "b2"];

fn parse_error(what: &str, message: impl Into<String>) -> Error {
    Error::Parse {
        what: what.to_string(),
        message: message.into(),
    }
}

/// A list of finite numbers, `name` (`"b1"`, `"W2" row 3`) for the message.
fn numbers(what: &str, name: &str, v: &Value) -> Result<Vec<f64>> {
    let list = v
        .as_array()
        .ok_or_else(|| parse_error(what, format!("{name} is not a list of numbers")))?;
    list.iter()
        .enumerate()
        .map(|(i, x)| {
            x.as_f64().filter(|x| x.is_finite()).ok_or_else(|| {
                parse_error(what, format!("{name}[{i}] is not a finite number: {x}"))
            })
        })
        .collect()
}

/// A matrix as a list of rows of `cols` numbers each; returns its rows.
fn matrix(what: &str, key: &str, v: &Value, cols: usize, cols_are: &str) -> Result<Vec<Vec<f64>>> {
    let rows = v
        .as_array()
        .ok_or_else(|| parse_error(what, format!("\"{key}\" is not a list of rows")))?;
    rows.iter()
        .enumerate()
        .map(|(r, row)| {
            let row = numbers(what, &format!("\"{key}\" row {r}"), row)?;
            if row.len() != cols {
                return Err(parse_error(
                    what,
                    format!(
                        "\"{key}\" row {r} has {} values; each row takes {cols} ({cols_are})",
                        row.len()
                    ),
                ));
            }
            Ok(row)
        })
        .collect()
}

/// The parameters in a parameters file, for a network with `inputs` inputs and
/// `classes` outputs: the hidden width H the file gives, and θ in [`Mlp`]'s
/// layout. An [`Error::Parse`] names what is wrong (not JSON, a key missing or
/// unknown, a row of the wrong length, a value that is not a finite number, a
/// hidden width of 0 or above [`MAX_HIDDEN`]).
pub fn parse_params(text: &str, inputs: usize, classes: usize) -> Result<(usize, Array1<f64>)> {
    const WHAT: &str = "the parameters file";
    let v: Value =
        serde_json::from_str(text).map_err(|e| parse_error(WHAT, format!("not JSON: {e}")))?;
    let map = v
        .as_object()
        .ok_or_else(|| parse_error(WHAT, "not an object {\"W1\", \"b1\", \"W2\", \"b2\"}"))?;
    if let Some(k) = map.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err(parse_error(
            WHAT,
            format!("unknown key {k:?}: the keys are W1, b1, W2 and b2"),
        ));
    }
    let get = |k: &str| {
        map.get(k).ok_or_else(|| {
            parse_error(WHAT, format!("no \"{k}\" (the keys are W1, b1, W2 and b2)"))
        })
    };
    let w1 = matrix(WHAT, "W1", get("W1")?, inputs, "one per input")?;
    let hidden = w1.len();
    if !(1..=MAX_HIDDEN).contains(&hidden) {
        return Err(parse_error(
            WHAT,
            format!("\"W1\" has {hidden} rows: the hidden width must be 1 to {MAX_HIDDEN}"),
        ));
    }
    let b1 = numbers(WHAT, "\"b1\"", get("b1")?)?;
    if b1.len() != hidden {
        return Err(parse_error(
            WHAT,
            format!("\"b1\" has {} values; \"W1\" has {hidden} rows", b1.len()),
        ));
    }
    let w2 = matrix(WHAT, "W2", get("W2")?, hidden, "one per hidden unit")?;
    if w2.len() != classes {
        return Err(parse_error(
            WHAT,
            format!(
                "\"W2\" has {} rows; it takes {classes} (one per class)",
                w2.len()
            ),
        ));
    }
    let b2 = numbers(WHAT, "\"b2\"", get("b2")?)?;
    if b2.len() != classes {
        return Err(parse_error(
            WHAT,
            format!(
                "\"b2\" has {} values; it takes {classes} (one per class)",
                b2.len()
            ),
        ));
    }
    let theta: Array1<f64> = w1
        .into_iter()
        .flatten()
        .chain(b1)
        .chain(w2.into_iter().flatten())
        .chain(b2)
        .collect();
    Ok((hidden, theta))
}

/// θ of `net` as a parameters file (one line, numbers in shortest round-trip
/// form). An [`Error::Dimension`] if θ does not fit the network, an
/// [`Error::NonFinite`] for a value JSON cannot hold.
pub fn params_json(net: &Mlp, theta: ArrayView1<f64>) -> Result<String> {
    crate::error::check_dim(
        "parameters",
        crate::ExampleLoss::num_params(net),
        theta.len(),
    )?;
    if !theta.iter().all(|x| x.is_finite()) {
        return Err(Error::NonFinite {
            step: 0,
            what: "parameters (a parameters file holds finite numbers only)",
        });
    }
    let (d, h, k) = (net.inputs(), net.hidden, net.classes);
    let (b1, w2, b2) = net.offsets();
    let rows = |from: usize, rows: usize, cols: usize| -> Value {
        Value::Array(
            (0..rows)
                .map(|r| {
                    let start = from + r * cols;
                    Value::from(theta.slice(ndarray::s![start..start + cols]).to_vec())
                })
                .collect(),
        )
    };
    let mut map = Map::new();
    map.insert("W1".into(), rows(0, h, d));
    map.insert(
        "b1".into(),
        Value::from(theta.slice(ndarray::s![b1..w2]).to_vec()),
    );
    map.insert("W2".into(), rows(w2, k, h));
    map.insert(
        "b2".into(),
        Value::from(theta.slice(ndarray::s![b2..]).to_vec()),
    );
    Ok(Value::Object(map).to_string())
}

/// The batches of a batches file over data of `rows` rows. An [`Error::Parse`]
/// names what is wrong: not JSON, not a list of lists, an empty list or batch, an
/// index that is not a whole number or not below `rows`.
pub fn parse_batches(text: &str, rows: usize) -> Result<Vec<Vec<usize>>> {
    const WHAT: &str = "the batches file";
    let v: Value =
        serde_json::from_str(text).map_err(|e| parse_error(WHAT, format!("not JSON: {e}")))?;
    let list = v
        .as_array()
        .ok_or_else(|| parse_error(WHAT, "not a list of batches (lists of row indices)"))?;
    if list.is_empty() {
        return Err(parse_error(WHAT, "no batch in it (one step per batch)"));
    }
    list.iter()
        .enumerate()
        .map(|(b, batch)| {
            let batch = batch.as_array().ok_or_else(|| {
                parse_error(WHAT, format!("batch {b} is not a list of row indices"))
            })?;
            if batch.is_empty() {
                return Err(parse_error(WHAT, format!("batch {b} is empty")));
            }
            batch
                .iter()
                .map(|i| match i.as_u64() {
                    Some(i) if (i as usize) < rows => Ok(i as usize),
                    _ => Err(parse_error(
                        WHAT,
                        format!(
                            "batch {b} holds {i}, not a row index: the data has {rows} rows, 0 to {}",
                            rows.saturating_sub(1)
                        ),
                    )),
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digits::{digits, CLASSES, PIXELS};
    use crate::mlp::Activation;

    fn net(hidden: usize) -> Mlp {
        Mlp::new(digits(), hidden, CLASSES, Activation::Tanh).unwrap()
    }

    /// What params_json writes, parse_params reads back to the same bits.
    #[test]
    fn parameters_round_trip() {
        let n = net(7);
        let theta = n.init(3);
        let text = params_json(&n, theta.view()).unwrap();
        let (hidden, back) = parse_params(&text, PIXELS, CLASSES).unwrap();
        assert_eq!(hidden, 7);
        assert_eq!(back, theta);
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["W1"].as_array().unwrap().len(), 7);
        assert_eq!(v["W1"][0].as_array().unwrap().len(), PIXELS);
        assert_eq!(v["W2"].as_array().unwrap().len(), CLASSES);
        assert_eq!(v["b2"].as_array().unwrap().len(), CLASSES);
    }

    fn message(r: Result<impl std::fmt::Debug>) -> String {
        r.unwrap_err().to_string()
    }

    #[test]
    fn a_bad_parameters_file_is_named() {
        let good: Value =
            serde_json::from_str(&params_json(&net(2), net(2).init(0).view()).unwrap()).unwrap();
        let with = |key: &str, value: Value| {
            let mut v = good.clone();
            v[key] = value;
            v.to_string()
        };
        let row = |n: usize| Value::from(vec![0.0; n]);
        let cases: Vec<(String, &str)> = vec![
            ("{".into(), "not JSON"),
            ("[]".into(), "not an object"),
            (with("W3", row(1)), "unknown key \"W3\""),
            (
                with("W1", Value::from(vec![row(PIXELS - 1)])),
                "\"W1\" row 0 has 63 values; each row takes 64",
            ),
            (
                with("W1", Value::Array(vec![])),
                "\"W1\" has 0 rows: the hidden width must be 1 to 512",
            ),
            (with("b1", row(3)), "\"b1\" has 3 values; \"W1\" has 2 rows"),
            (
                with("W2", Value::from(vec![row(2); 9])),
                "\"W2\" has 9 rows; it takes 10",
            ),
            (
                with("W2", Value::from(vec![row(3); 10])),
                "\"W2\" row 0 has 3 values; each row takes 2",
            ),
            (
                with("b2", Value::from(vec!["x"; 10])),
                "\"b2\"[0] is not a finite number: \"x\"",
            ),
            (with("b2", Value::Null), "\"b2\" is not a list of numbers"),
        ];
        for (text, says) in cases {
            let m = message(parse_params(&text, PIXELS, CLASSES));
            assert!(
                m.starts_with("cannot read the parameters file: ") && m.contains(says),
                "{m}"
            );
        }
        let mut missing = good.as_object().unwrap().clone();
        missing.remove("b1");
        let m = message(parse_params(
            &Value::Object(missing).to_string(),
            PIXELS,
            CLASSES,
        ));
        assert!(m.contains("no \"b1\""), "{m}");
        // Too wide a layer, and a value JSON cannot write.
        let wide = with("W1", Value::from(vec![row(PIXELS); MAX_HIDDEN + 1]));
        assert!(message(parse_params(&wide, PIXELS, CLASSES)).contains("1 to 512"));
        let mut theta = net(2).init(0);
        theta[5] = f64::NAN;
        assert!(matches!(
            params_json(&net(2), theta.view()),
            Err(Error::NonFinite { .. })
        ));
        assert!(matches!(
            params_json(&net(3), theta.view()),
            Err(Error::Dimension { .. })
        ));
    }

    #[test]
    fn a_bad_batches_file_is_named() {
        assert_eq!(
            parse_batches("[[0, 2], [1796]]", 1797).unwrap(),
            vec![vec![0, 2], vec![1796]]
        );
        for (text, says) in [
            ("", "not JSON"),
            ("{}", "not a list of batches"),
            ("[]", "no batch in it"),
            ("[[0], 3]", "batch 1 is not a list"),
            ("[[0], []]", "batch 1 is empty"),
            (
                "[[1797]]",
                "batch 0 holds 1797, not a row index: the data has 1797 rows, 0 to 1796",
            ),
            ("[[-1]]", "batch 0 holds -1"),
            ("[[0.5]]", "batch 0 holds 0.5"),
        ] {
            let m = message(parse_batches(text, 1797));
            assert!(
                m.starts_with("cannot read the batches file: ") && m.contains(says),
                "{text}: {m}"
            );
        }
    }
}
