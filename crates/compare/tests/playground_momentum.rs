//! Notebook 03's playground (momentum): the labs its cells start from, run and pinned.
use compare::playground::momentum::{lab, own};
use testkit::snap;

#[test]
fn playground_momentum() {
    snap!("playground_momentum", lab().run().unwrap().to_string());
}

#[test]
fn playground_momentum_own() {
    snap!("playground_momentum_own", own().run().unwrap().to_string());
}
