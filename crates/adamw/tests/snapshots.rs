//! Snapshot tests: every table the notebook shows for AdamW.
use adamw::examples;
use testkit::snap;

#[test]
fn adamw_vs_l2() {
    snap!(
        "adamw_vs_l2",
        examples::AdamwVsL2::lesson().table().unwrap().to_string()
    );
}

/// The report's claim, held as numbers: through Adam, L2 decays θ[0] (small
/// gradients) more per step than θ[1] (steep), and AdamW decays both by ηλ.
#[test]
fn l2_decays_the_flat_coordinate_more() {
    let report = examples::AdamwVsL2::lesson().table().unwrap();
    let t = report.tables()[0];
    let (a, b) = (
        t.column("L2 decay/step θ[0]").unwrap(),
        t.column("L2 decay/step θ[1]").unwrap(),
    );
    let w = t.column("AdamW decay/step").unwrap();
    let last = a.len() - 1;
    assert!(a[last] > b[last], "{a:?} {b:?}");
    let expected = examples::L2_LR * examples::L2_LAMBDA;
    assert!(
        w.iter()
            .all(|d| (d - expected).abs() < 1e-15 * expected.max(1.0)),
        "{w:?}"
    );
}

#[test]
fn paper_vs_pytorch() {
    snap!(
        "paper_vs_pytorch",
        examples::AdamwVsL2::lesson()
            .conventions()
            .unwrap()
            .to_string()
    );
}

#[test]
fn torch_check() {
    snap!("torch_check", examples::torch_check().unwrap().to_string());
}

#[test]
fn library_run() {
    snap!(
        "library_run",
        examples::scratch_trace(0.1, 0.9, 0.999, 1e-8, 0.01, [-5.0, -2.0], 5)
            .unwrap()
            .table()
            .to_string()
    );
}

/// What the figure draws, point by point (the SVG bytes may change, the
/// numbers may not).
#[test]
fn figure() {
    let fig = examples::AdamwVsL2::lesson().contour().unwrap();
    assert!(fig.svg().starts_with("<svg"));
    assert!(!fig.data().is_empty());
    snap!("l2_contour", plots::series_text(fig.data()));
}
