//! The claims the notebook makes, asserted from computation (no typed numbers):
//! the unrolled sum equals the recursion, Σγᵏ has its closed form, the coast is
//! γv/(1 − γ), the two conventions are one trajectory.
use momentum::examples as ex;
use momentum::unroll;
use momentum::Momentum;
use ndarray::Array1;
use optcore::pieces::pow_int;
use optcore::reference::rel_diff;
use optcore::Convention;
use optcore::{run, Quadratic};

#[test]
fn unrolled_sum_equals_the_recursive_velocity() {
    let steps = 40;
    let tr = ex::UnrolledNumbers {
        steps,
        ..ex::UnrolledNumbers::lesson()
    }
    .run()
    .unwrap();
    let g: Vec<Array1<f64>> = tr.rows[1..]
        .iter()
        .map(|r| r.record.as_ref().unwrap().grad.mapv(|x| 0.1 * x))
        .collect();
    for (i, row) in tr.rows[1..].iter().enumerate() {
        let t = i + 1;
        let sum = unroll::momentum(t).apply(ex::POST_GAMMA, |k| g[k - 1].view());
        let v = &row.record.as_ref().unwrap().velocity;
        // Rounding only: scale of the largest term times a few ulps per term.
        let scale: f64 = g
            .iter()
            .take(t)
            .map(|gk| gk.iter().fold(0.0f64, |m, x| m.max(x.abs())))
            .sum();
        for c in 0..2 {
            assert!(
                (v[c] - sum[c]).abs() <= 1e-15 * scale * t as f64,
                "t = {t}: {} vs {}",
                v[c],
                sum[c]
            );
        }
    }
}

#[test]
fn weight_sums_have_the_closed_form() {
    for gamma in [0.0, 0.5, 0.9, 0.99] {
        for t in [1usize, 2, 7, 30, 100] {
            let sum: f64 = unroll::momentum(t)
                .weights(gamma)
                .iter()
                .map(|(_, w)| w)
                .sum();
            let closed = (1.0 - pow_int(gamma, t)) / (1.0 - gamma);
            assert!(
                rel_diff(sum, closed) < 1e-13,
                "γ = {gamma}, t = {t}: {sum} vs {closed}"
            );
            assert!(sum <= 1.0 / (1.0 - gamma));
        }
        let h = ex::half_life(0.9);
        assert!((libm::pow(0.9, h) - 0.5).abs() < 1e-15);
    }
}

#[test]
fn momentum_coasts_gamma_v_over_one_minus_gamma() {
    let c = ex::Slide::lesson().coast().unwrap();
    let g = ex::POST_GAMMA;
    // GD stops exactly where the slope ends; momentum crosses it and coasts.
    assert_eq!(c.gd_final, 0.0);
    assert!(c.theta_after > 0.0);
    assert!(rel_diff(c.coasted, c.predicted_finite) < 1e-12, "{c:?}");
    let n = ex::SLIDE_STEPS - c.last_slope_step;
    assert!(
        (c.predicted_limit - c.coasted - c.predicted_limit * pow_int(g, n)).abs() < 1e-9,
        "{c:?}"
    );
    assert_eq!(c.steps_to_1pc as f64, c.steps_to_1pc_formula);
}

#[test]
fn on_the_slope_the_velocity_is_the_geometric_sum() {
    let (_, mo) = ex::Slide::lesson().runs().unwrap();
    let c = ex::Slide::lesson().coast().unwrap();
    for r in &mo.rows[1..=c.last_slope_step] {
        let v = -r.record.as_ref().unwrap().velocity[0] / (ex::SLIDE_LR * ex::SLIDE_SLOPE);
        let closed = (1.0 - pow_int(ex::POST_GAMMA, r.t)) / (1.0 - ex::POST_GAMMA);
        assert!(rel_diff(v, closed) < 1e-14, "t = {}", r.t);
    }
}

#[test]
fn conventions_give_one_trajectory_for_a_constant_rate() {
    for (lr, mu) in [(0.4, 0.5), (0.1, 0.9), (0.05, 0.99)] {
        let q = Quadratic::reference();
        let s = optcore::reference_start();
        let a = run(
            &Momentum {
                lr,
                momentum: mu,
                ..Momentum::defaults(Convention::Paper)
            },
            &q,
            s.view(),
            200,
        )
        .unwrap();
        let b = run(
            &Momentum {
                lr,
                momentum: mu,
                ..Momentum::defaults(Convention::Pytorch)
            },
            &q,
            s.view(),
            200,
        )
        .unwrap();
        for (p, t) in a.rows.iter().zip(&b.rows).skip(1) {
            let (vp, bt) = (
                &p.record.as_ref().unwrap().velocity,
                &t.record.as_ref().unwrap().velocity,
            );
            for c in 0..2 {
                assert!(
                    (p.theta[c] - t.theta[c]).abs() < 1e-12,
                    "lr {lr} μ {mu} t {}",
                    p.t
                );
                assert!(
                    (vp[c] - lr * bt[c]).abs() < 1e-12,
                    "lr {lr} μ {mu} t {}",
                    p.t
                );
            }
        }
    }
}

#[test]
fn momentum_beats_gd_in_the_valley() {
    let runs = ex::Valley::lesson().runs().unwrap();
    let first = |i: usize| runs[i].1.first_below(1e-6).map(|r| r.t);
    assert!(first(1).unwrap() < first(0).unwrap() / 2);
    assert!(
        optcore::measure::crossings(&runs[2].1, 0) > optcore::measure::crossings(&runs[1].1, 0)
    );
}
