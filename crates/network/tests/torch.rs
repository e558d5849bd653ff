//! The digits network against torch, through the crates: for every case of
//! `crates/optcore/reference/digits-mlp/` (torch.optim, float64, the same
//! initial parameters and batches; every optimizer of the registry, and SGD and
//! Adam with ReLU), every loss before a step and every final parameter within
//! 1e-9 relative of torch's (`network::reference`, which the notebook's appendix
//! shows). `optrace --problem digits-mlp` is held to the same files through its
//! command line in crates/optrace/tests/digits.rs.

use network::reference::{cases, torch_check, TOLERANCE};
use optimizers::registry::NAMES;
use testkit::snap;

#[test]
fn every_optimizer_matches_torch_on_the_digits_network() {
    let cases = cases().unwrap();
    for c in &cases {
        assert_eq!(c.steps, 100, "{}", c.name);
        assert!(
            c.loss_diff <= TOLERANCE,
            "{}: losses {:e}",
            c.name,
            c.loss_diff
        );
        assert!(
            c.theta_diff <= TOLERANCE,
            "{}: θ {:e}",
            c.name,
            c.theta_diff
        );
    }
    for name in NAMES {
        assert!(
            cases.iter().any(|c| c.optimizer == *name),
            "no torch case for {name}"
        );
    }
}

#[test]
fn torch_check_table() {
    snap!("torch_check", torch_check().unwrap().to_string());
}
