//! Notebook 04's playground (NAG): the labs its cells start from, run and pinned.
use compare::playground::nag::{lab, own};
use testkit::snap;

#[test]
fn playground_nag() {
    snap!("playground_nag", lab().run().unwrap().to_string());
}

#[test]
fn playground_nag_own() {
    snap!("playground_nag_own", own().run().unwrap().to_string());
}
