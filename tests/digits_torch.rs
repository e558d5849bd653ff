//! The digits network against torch, through the crates: for every case of
//! `crates/optcore/reference/digits-mlp/` (torch.optim, float64, the same initial
//! parameters and batches; every optimizer of the registry), the optimizer is
//! built from the case's hyperparameters under the `pytorch` convention and
//! driven as a torch user drives torch.optim: the batch's loss and gradient by
//! `Mlp::batch_loss_and_gradient` (the backward pass), then `Optimizer::update`.
//! Every loss before a step and every final parameter must be within 1e-9
//! relative of torch's. (`optrace --problem digits-mlp` is held to the same files
//! through its command line in crates/optrace/tests/digits.rs.)

use optimizers::optcore::digits::{digits, CLASSES, PIXELS};
use optimizers::optcore::hyper::by_name;
use optimizers::optcore::mlp::files::{parse_batches, parse_params};
use optimizers::optcore::mlp::{Activation, Mlp};
use optimizers::optcore::ndarray::Array1;
use optimizers::optcore::reference::rel_diff;
use optimizers::optcore::{Convention, ExampleLoss, Flags, FromFlags, Optimizer};
use serde_json::Value;
use std::path::Path;

const TOLERANCE: f64 = 1e-9;

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/optcore/reference/digits-mlp")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The case's run through the crates: (losses before each step, final θ).
fn run<O: Optimizer + FromFlags>(
    case: &Value,
    net: &Mlp,
    theta0: &Array1<f64>,
    batches: &[Vec<usize>],
) -> (Vec<f64>, Array1<f64>) {
    let mut flags = Flags::default();
    for (key, value) in case["hp"].as_object().unwrap() {
        by_name(key)
            .unwrap_or_else(|| panic!("no flag {key}"))
            .set(&mut flags, value.as_f64());
    }
    let opt = O::from_flags(Convention::Pytorch, &flags).unwrap();
    let mut theta = theta0.clone();
    let mut grad = Array1::zeros(theta.len());
    let mut state = opt.init(theta.view());
    let mut losses = Vec::with_capacity(batches.len());
    for batch in batches {
        losses.push(
            net.batch_loss_and_gradient(batch, theta.view(), grad.view_mut())
                .unwrap(),
        );
        opt.update(&mut state, theta.view_mut(), grad.view())
            .unwrap();
    }
    (losses, theta)
}

#[test]
fn every_optimizer_matches_torch_on_the_digits_network() {
    let cases: Value = serde_json::from_str(&read("cases.json")).unwrap();
    let (hidden, theta0) = parse_params(&read("init.json"), PIXELS, CLASSES).unwrap();
    let batches = parse_batches(&read("batches.json"), digits().len()).unwrap();

    struct Each<'a> {
        cases: &'a [Value],
        hidden: usize,
        theta0: &'a Array1<f64>,
        batches: &'a [Vec<usize>],
        checked: usize,
    }
    impl optimizers::registry::Visitor for Each<'_> {
        fn visit<O: Optimizer + FromFlags>(&mut self, entry: optimizers::registry::Entry) {
            let mine: Vec<&Value> = self
                .cases
                .iter()
                .filter(|c| c["optimizer"] == entry.name)
                .collect();
            assert!(!mine.is_empty(), "no torch case for {}", entry.name);
            for case in mine {
                let activation = match case["activation"].as_str().unwrap() {
                    "tanh" => Activation::Tanh,
                    _ => Activation::Relu,
                };
                let net = Mlp::new(digits(), self.hidden, CLASSES, activation).unwrap();
                let (losses, theta) = run::<O>(case, &net, self.theta0, self.batches);
                let name = case["name"].as_str().unwrap();
                let torch: Value =
                    serde_json::from_str(&read(&format!("runs/{name}.json"))).unwrap();
                let torch_losses: Vec<f64> = torch["losses"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_f64().unwrap())
                    .collect();
                let (_, torch_theta) =
                    parse_params(&torch["params"].to_string(), PIXELS, CLASSES).unwrap();
                assert_eq!(losses.len(), torch_losses.len(), "{name}");
                for (i, (a, b)) in losses
                    .iter()
                    .zip(&torch_losses)
                    .chain(theta.iter().zip(torch_theta.iter()))
                    .enumerate()
                {
                    let d = rel_diff(*a, *b);
                    assert!(
                        d <= TOLERANCE,
                        "{name}: value {i}: {a} vs torch {b} ({d:e} relative)"
                    );
                }
                self.checked += 1;
            }
        }
    }
    let cases = cases.as_array().unwrap();
    let mut each = Each {
        cases,
        hidden,
        theta0: &theta0,
        batches: &batches,
        checked: 0,
    };
    optimizers::registry::visit(&mut each);
    assert_eq!(
        each.checked,
        cases.len(),
        "a case names no optimizer of the registry"
    );
}
