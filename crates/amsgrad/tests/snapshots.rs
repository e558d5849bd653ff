//! Snapshot tests: every table the notebook shows for AMSGrad.
use amsgrad::examples;
use testkit::snap;

#[test]
fn counterexample() {
    snap!(
        "counterexample",
        examples::Reddi::lesson().table().unwrap().to_string()
    );
}

/// The report's claims, held as numbers: Adam ends at +1 (the worst point),
/// its average regret near that of sitting at +1, 2(C − 2)/3 (fₜ(1) − fₜ(−1) =
/// 2gₜ, and the gₜ sum to C − 2 every three steps); AMSGrad near −1, with an
/// average regret a small fraction of Adam's.
#[test]
fn counterexample_claims() {
    let r = examples::Reddi::lesson().runs().unwrap();
    let last = examples::STEPS;
    assert_eq!(r.x_adam[last], 1.0);
    let at_plus_one = 2.0 * (examples::C - 2.0) / 3.0;
    assert!(
        (r.regret_adam[last] - at_plus_one).abs() < 0.01 * at_plus_one,
        "{}",
        r.regret_adam[last]
    );
    assert!(r.x_amsgrad[last] < -0.99, "{}", r.x_amsgrad[last]);
    assert!(r.regret_amsgrad[last] < 0.01 * r.regret_adam[last]);
}

#[test]
fn torch_check() {
    snap!("torch_check", examples::torch_check().unwrap().to_string());
}

#[test]
fn library_run() {
    snap!(
        "library_run",
        examples::scratch_trace(0.1, 0.9, 0.999, 1e-8, [-5.0, -2.0], 5)
            .unwrap()
            .table()
            .to_string()
    );
}

/// What the figure draws, point by point (the SVG bytes may change, the
/// numbers may not).
#[test]
fn figure() {
    let fig = examples::Reddi::lesson().chart().unwrap();
    assert!(fig.svg().starts_with("<svg"));
    assert!(!fig.data().is_empty());
    snap!("counterexample_chart", plots::series_text(fig.data()));
}

#[test]
fn paper_vs_pytorch() {
    snap!(
        "paper_vs_pytorch",
        examples::PaperVsPytorch::lesson()
            .table()
            .unwrap()
            .to_string()
    );
}
