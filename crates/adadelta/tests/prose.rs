//! What notebook 06's prose says of its tables, held to the library.

use adadelta::examples::NewtonRosenbrock;
use optcore::render::fmt_sig;
use testkit::prose::notebook;

/// The eigenvalues (smaller, larger) of a symmetric 2×2 matrix stored by rows.
fn eigenvalues(h: &[f64]) -> (f64, f64) {
    let (a, b, d) = (h[0], h[1], h[3]);
    let mean = (a + d) / 2.0;
    let radius = (((a - d) / 2.0).powi(2) + b * b).sqrt();
    (mean - radius, mean + radius)
}

/// "step 2 overshoots far down the valley (the loss jumps from … to …): H there
/// is positive definite but nearly singular (condition number …)" — and H is
/// positive definite at every step of the run, so the overshoot is not a
/// missing definiteness check (as the notebook once said).
#[test]
fn newtons_overshoot_is_a_nearly_singular_h() {
    let tr = NewtonRosenbrock::lesson().trace().unwrap();
    for t in 1..tr.rows.len() {
        let h = &tr.rows[t].record.as_ref().unwrap().hessian;
        let (low, _) = eigenvalues(h.as_slice().unwrap());
        assert!(low > 0.0, "H at step {t} is not positive definite");
    }
    // The step whose loss grows the most.
    let growth = |t: usize| tr.rows[t].loss / tr.rows[t - 1].loss;
    let worst = (1..tr.rows.len())
        .max_by(|&a, &b| growth(a).total_cmp(&growth(b)))
        .unwrap();
    let h = &tr.rows[worst].record.as_ref().unwrap().hessian;
    let (low, high) = eigenvalues(h.as_slice().unwrap());
    let condition = high / low;
    assert!(condition > 1e3, "{condition}");
    let nb = notebook("06-adadelta");
    nb.quotes(
        "overshoots far down the valley",
        &[
            format!("step {worst}"),
            fmt_sig(tr.rows[worst - 1].loss, 4),
            fmt_sig(tr.rows[worst].loss, 4),
            fmt_sig(condition, 2),
        ],
    );
    nb.never_says("does not check that $H$ is positive definite");
}

/// "with one shared ε … the centimetre run is as far from the metre run
/// (mismatch …) as SGD's (…) and Adagrad's (…)", and "after 200 steps on the
/// quadratic its loss is still …, where SGD's is …" — the rescaling table. The
/// notebook once called Adadelta the method for an unknown scale.
#[test]
fn adadelta_is_no_cure_for_an_unknown_scale() {
    let lesson = adadelta::examples::Rescaling::lesson();
    let t = lesson.table().unwrap();
    let row = |prefix: &str| {
        t.rows
            .iter()
            .position(|r| matches!(&r[0], optcore::render::Cell::Text(s) if s.starts_with(prefix)))
            .unwrap_or_else(|| panic!("no row {prefix:?}"))
    };
    let mismatch = t.column("mismatch").unwrap();
    let loss = t.column("final loss in m").unwrap();
    let (adadelta, sgd, adagrad) = (row("Adadelta ε = 1e-6"), row("SGD"), row("Adagrad"));
    let per_unit = row("Adadelta, ε_Δθ = 1e-6");
    // "as far … as": every shared-ε mismatch is of the same size as SGD's and
    // Adagrad's (above 0.9), the per-unit one is rounding error.
    for r in [adadelta, sgd, adagrad] {
        assert!(mismatch[r] > 0.9, "{:?}: {}", t.rows[r][0], mismatch[r]);
    }
    assert!(mismatch[per_unit] < 1e-12);
    let nb = notebook("06-adadelta");
    nb.quotes(
        "the centimetre run is as far from the metre run",
        &[
            format!("(mismatch {})", fmt_sig(mismatch[adadelta], 4)),
            format!("SGD's ({})", fmt_sig(mismatch[sgd], 4)),
            format!("Adagrad's ({})", fmt_sig(mismatch[adagrad], 4)),
            format!("after {} steps", lesson.steps),
            format!("its loss is still {}", fmt_sig(loss[adadelta], 4)),
            format!("SGD's is {}", fmt_sig(loss[sgd], 4)),
        ],
    );
    nb.never_says("the scale of the parameters is unknown");
    nb.never_says("the parameters' scale is unknown");
    notebook("06-adadelta.ko").never_says("Adagrad처럼 학습률이");
}
