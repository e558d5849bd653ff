//! momentum::dynamics: the algebra of R checked three ways (closed form,
//! nalgebra, real runs of `Momentum`), and snapshots of every table
//! notebooks/11-momentum-dynamics.ipynb shows.
use momentum::dynamics::*;
use optcore::exercise::{compare_with_trace, Agreement};
use optcore::nalgebra::{DMatrix, Matrix2};
use optcore::ndarray::{array, Array1, ArrayView1, ArrayViewMut1};
use optcore::{Convention, Error, Objective};
use testkit::snap;

/// A grid of (η, γ, λ) covering every regime, the edges included.
fn grid() -> Vec<(f64, f64, f64)> {
    let mut out = Vec::new();
    for i in 1..=40 {
        for j in 0..20 {
            for lambda in [0.2, 1.0, 4.0] {
                out.push((i as f64 * 0.025, j as f64 * 0.05, lambda));
            }
        }
    }
    out
}

#[test]
fn closed_form_eigenvalues_agree_with_nalgebra() {
    for (e, g, l) in grid() {
        let closed = eigenvalues(e, g, l).unwrap();
        let na = nalgebra_eigenvalues(e, g, l).unwrap();
        let r = iteration_matrix(e, g, l).unwrap();
        // Vieta: μ₁ + μ₂ = trace R = 1 + γ − ηλ, μ₁μ₂ = det R = γ.
        let sum = closed[0] + closed[1];
        let prod = closed[0] * closed[1];
        assert!((sum.re - r.trace()).abs() < 1e-12 && sum.im.abs() < 1e-12);
        assert!((sum.re - (1.0 + g - e * l)).abs() < 1e-12);
        assert!(
            (prod.re - g).abs() < 1e-12 && prod.im.abs() < 1e-12,
            "{e} {g} {l}"
        );
        assert!((r.determinant() - g).abs() < 1e-12);
        // nalgebra's Schur form: the same pair (near a double root the two may
        // split either way by √(rounding), so compare the multiset loosely there).
        let d = discriminant(e, g, l).unwrap();
        let tol = if d.abs() < 1e-8 { 1e-4 } else { 1e-9 };
        for z in closed {
            assert!(
                na.iter().any(|w| (z - w).norm() < tol),
                "{e} {g} {l}: {closed:?} vs {na:?}"
            );
        }
        let rho = spectral_radius(e, g, l).unwrap();
        let max = closed[0].norm().max(closed[1].norm());
        assert!((rho - max).abs() < 1e-12, "{e} {g} {l}");
    }
}

#[test]
fn converges_exactly_inside_the_boundary() {
    for (e, g, l) in grid() {
        let rho = spectral_radius(e, g, l).unwrap();
        let el = e * l;
        let inside = el < 2.0 * (1.0 + g);
        // Away from the edge (where ρ = 1 to rounding) the condition decides.
        if (el - 2.0 * (1.0 + g)).abs() > 1e-9 {
            assert_eq!(rho < 1.0, inside, "η = {e}, γ = {g}, λ = {l}: ρ = {rho}");
        }
        assert_eq!(max_lr(g, l).unwrap(), 2.0 * (1.0 + g) / l);
        // Complex eigenvalues have |μ| = √γ.
        if discriminant(e, g, l).unwrap() < 0.0 {
            assert!((rho - g.sqrt()).abs() < 1e-15);
            assert_eq!(regime(e, g, l).unwrap(), Regime::Underdamped);
        }
    }
}

#[test]
fn critical_damping_is_a_double_root_and_the_fastest_gamma() {
    for k in 1..80 {
        let el = k as f64 * 0.05;
        let g = critical_gamma(el).unwrap();
        assert!((0.0..1.0).contains(&g));
        let d = discriminant(el, g, 1.0).unwrap();
        assert!(d.abs() < 1e-14, "ηλ = {el}: {d}");
        assert_eq!(regime(el, g, 1.0).unwrap(), Regime::Critical);
        let mu = (1.0 + g - el) / 2.0;
        assert!((mu.abs() - g.sqrt()).abs() < 1e-15);
        assert_eq!(mu > 0.0, el < 1.0, "ηλ = {el}");
        let rho = spectral_radius(el, g, 1.0).unwrap();
        // Every other γ on a fine grid is no faster.
        for j in 0..1000 {
            let other = j as f64 / 1000.0;
            assert!(spectral_radius(el, other, 1.0).unwrap() >= rho - 1e-12);
        }
        // Below γ_c real roots, above it a complex pair.
        if g > 1e-3 {
            assert!(discriminant(el, 0.99 * g, 1.0).unwrap() > 0.0);
        }
        assert!(discriminant(el, g + 0.01 * (1.0 - g), 1.0).unwrap() < 0.0);
    }
}

#[test]
fn the_optimum_puts_both_ends_at_critical_damping() {
    let (eta, gamma) = optimal(0.2, 4.0).unwrap();
    let sk = 20f64.sqrt();
    assert!((gamma.sqrt() - (sk - 1.0) / (sk + 1.0)).abs() < 1e-15);
    for lambda in [0.2, 4.0] {
        assert!((critical_gamma(eta * lambda).unwrap() - gamma).abs() < 1e-14);
    }
    let best = rate(eta, gamma, &[0.2, 4.0]).unwrap();
    assert!((best - (sk - 1.0) / (sk + 1.0)).abs() < 1e-7);
    // No (η, γ) on a fine grid beats it.
    for i in 1..200 {
        for j in 0..100 {
            let r = rate(i as f64 * 0.005, j as f64 * 0.01, &[0.2, 4.0]).unwrap();
            assert!(r >= best - 1e-7, "{i} {j}: {r}");
        }
    }
    let (eta_gd, rate_gd) = gd_optimal(0.2, 4.0).unwrap();
    assert!((rate_gd - 19.0 / 21.0).abs() < 1e-15);
    assert!((rate(eta_gd, 0.0, &[0.2, 4.0]).unwrap() - rate_gd).abs() < 1e-15);
}

/// ½ θᵀAθ for a rotated A, with its Hessian: the decomposition in a basis that
/// is not the coordinates.
struct Rotated(DMatrix<f64>);

impl Objective for Rotated {
    fn name(&self) -> String {
        "rotated".into()
    }
    fn dim(&self) -> usize {
        2
    }
    fn value(&self, t: ArrayView1<f64>) -> f64 {
        let a = &self.0;
        0.5 * (t[0] * (a[(0, 0)] * t[0] + a[(0, 1)] * t[1])
            + t[1] * (a[(1, 0)] * t[0] + a[(1, 1)] * t[1]))
    }
    fn gradient_into(&self, t: ArrayView1<f64>, mut g: ArrayViewMut1<f64>) {
        let a = &self.0;
        g[0] = a[(0, 0)] * t[0] + a[(0, 1)] * t[1];
        g[1] = a[(1, 0)] * t[0] + a[(1, 1)] * t[1];
    }
    fn hessian(&self, _t: ArrayView1<f64>) -> Option<DMatrix<f64>> {
        Some(self.0.clone())
    }
    fn minimum(&self) -> Option<Array1<f64>> {
        Some(Array1::zeros(2))
    }
}

fn rotated() -> Rotated {
    // Q diag(0.2, 4) Qᵀ with Q a rotation by 30°.
    let (c, s) = (3f64.sqrt() / 2.0, 0.5);
    let q = DMatrix::from_row_slice(2, 2, &[c, -s, s, c]);
    let d = DMatrix::from_diagonal(&optcore::nalgebra::DVector::from_vec(vec![0.2, 4.0]));
    Rotated(&q * d * q.transpose())
}

#[test]
fn each_direction_moves_by_r_alone() {
    for (objective, name) in [
        (
            Box::new(momentum::dynamics::post_quadratic()) as Box<dyn Objective>,
            "post",
        ),
        (Box::new(rotated()), "rotated"),
    ] {
        let basis = Eigenbasis::of(objective.as_ref()).unwrap();
        assert!((basis.values[0] - 0.2).abs() < 1e-12 && (basis.values[1] - 4.0).abs() < 1e-12);
        assert_eq!(basis.is_axis_aligned(), name == "post");
        for (eta, gamma) in [(0.4, 0.5), (0.4, 0.9), (0.1, 0.3)] {
            let t = decomposition(eta, gamma, objective.as_ref(), start().view(), 60, 1).unwrap();
            for i in 0..2 {
                let run = t.column(&t.header[1 + 3 * i]).unwrap();
                let pred = t.column(&t.header[2 + 3 * i]).unwrap();
                for (a, b) in run.iter().zip(&pred) {
                    assert!(
                        (a - b).abs() < 1e-12,
                        "{name} η = {eta} γ = {gamma}: {a} vs {b}"
                    );
                }
            }
        }
    }
    // A rate cannot be measured where rounding mixes the directions.
    assert!(measure(0.4, 0.5, &rotated(), start().view()).is_err());
}

#[test]
fn measured_rates_match_the_prediction() {
    for (_, eta, gamma) in measured_points().unwrap() {
        let m = measure(eta, gamma, &post_quadratic(), start().view()).unwrap();
        for d in &m.directions {
            let rel = (d.measured - d.predicted).abs() / d.predicted;
            assert!(rel < RATE_TOLERANCE, "η = {eta}, γ = {gamma}: {d:?}");
            assert!(d.t1 >= d.t0 + 20);
        }
        assert!(m.rel_diff() < RATE_TOLERANCE);
    }
    // A diverging point is refused, not measured.
    assert!(matches!(
        measure(1.0, 0.0, &post_quadratic(), start().view()),
        Err(Error::Hyperparameter { name: "lr", .. })
    ));
}

#[test]
fn boundary_runs_converge_inside_and_diverge_outside() {
    let runs = Boundary::lesson().runs().unwrap();
    assert_eq!(runs.len(), 6);
    for BoundaryRun {
        gamma,
        eta_max,
        eta,
        trace: tr,
    } in runs
    {
        if eta < eta_max {
            assert!(tr.stop.is_none(), "γ = {gamma}, η = {eta}: {:?}", tr.stop);
            assert!(tr.last().loss < 1e-6 * tr.rows[0].loss);
        } else {
            assert!(
                matches!(tr.stop, Some(Error::Diverged { .. })),
                "γ = {gamma}, η = {eta}: {:?}",
                tr.stop
            );
        }
    }
}

/// The rule cell: the library's own R iteration passes the check, a rule with
/// a slip fails it.
#[test]
fn the_rule_cell_is_checked_against_the_real_run() {
    let lib = rule_run(RULE_ETA, RULE_GAMMA, RULE_LAMBDA, RULE_X0, RULE_STEPS).unwrap();
    let r = iteration_matrix(RULE_ETA, RULE_GAMMA, RULE_LAMBDA).unwrap();
    let iterate = |r: Matrix2<f64>| {
        let mut s = [0.0, RULE_X0];
        let mut out = Vec::new();
        for _ in 0..RULE_STEPS {
            s = [
                r[(0, 0)] * s[0] + r[(0, 1)] * s[1],
                r[(1, 0)] * s[0] + r[(1, 1)] * s[1],
            ];
            out.push(array![s[1]]);
        }
        out
    };
    let ok = compare_with_trace(&iterate(r), &lib, RULE_AGREEMENT);
    assert!(ok.agrees(), "{ok}");
    assert_eq!(ok.steps, RULE_STEPS);
    // The slip: x_t = x_{t−1} + w_t (the sign of the step).
    let mut wrong = r;
    wrong[(1, 0)] = RULE_GAMMA;
    wrong[(1, 1)] = 1.0 + RULE_ETA * RULE_LAMBDA;
    assert!(!compare_with_trace(&iterate(wrong), &lib, RULE_AGREEMENT).agrees());
    // And bit-for-bit it does not agree: the tolerance is needed and says why.
    assert!(!compare_with_trace(&iterate(r), &lib, Agreement::Bits).agrees());
}

#[test]
fn snapshots() {
    snap!(
        "dynamics_eigenvalues",
        Eigenvalues::lesson().table().unwrap().to_string()
    );
    snap!(
        "dynamics_decomposition",
        Decomposition::lesson().table().unwrap().to_string()
    );
    snap!(
        "dynamics_rates",
        RateMap::lesson().table().unwrap().to_string()
    );
    snap!(
        "dynamics_rule_run",
        rule_run(RULE_ETA, RULE_GAMMA, RULE_LAMBDA, RULE_X0, RULE_STEPS)
            .unwrap()
            .table()
            .to_string()
    );
    snap!("dynamics_rate_grid", rate_grid(50).unwrap().summary());
    snap!("dynamics_rate_map", RateMap::lesson().map().unwrap().text());
    snap!(
        "dynamics_decay_series",
        plots::series_text(&Decay::lesson().series().unwrap())
    );
    assert!(Decay::lesson().figure().unwrap().svg().starts_with("<svg"));
    snap!(
        "dynamics_boundary",
        Boundary::lesson().table().unwrap().to_string()
    );
    snap!(
        "dynamics_critical",
        Critical::lesson().table().unwrap().to_string()
    );
    snap!(
        "dynamics_optimal",
        OptimalVsGd::lesson().table().unwrap().to_string()
    );
    snap!(
        "dynamics_conventions",
        RateMap::lesson().conventions().unwrap().to_string()
    );
}

/// The map's marks sit in cells whose predicted rate is close to the measured one.
#[test]
fn rate_map_marks_the_measured_points() {
    let map = RateMap::lesson().map().unwrap();
    assert_eq!(map.marks.len(), measured_points().unwrap().len());
    let svg = map.svg().unwrap();
    assert_eq!(svg.matches("class=\"mark\"").count(), map.marks.len());
    assert_eq!(svg.matches("class=\"cell\"").count(), MAP_CELLS * MAP_CELLS);
}

/// torch's buffer form measures the same rate as the post's velocity form.
#[test]
fn both_conventions_have_one_rate() {
    for (_, eta, gamma) in measured_points().unwrap() {
        let q = post_quadratic();
        let p = measure_with(Convention::Paper, eta, gamma, &q, start().view()).unwrap();
        let t = measure_with(Convention::Pytorch, eta, gamma, &q, start().view()).unwrap();
        assert!((p.measured() - t.measured()).abs() < 1e-9 * p.measured());
    }
}

/// The numbers notebook 11's prose quotes, held to the library.
#[test]
fn the_notebooks_prose_holds() {
    let round3 = |x: f64| format!("{x:.3}");
    // "0.635 against 0.905" (ρ* = 0.63451…, rounded)
    let (eta, gamma) = optimal(0.2, 4.0).unwrap();
    assert_eq!(round3(rate(eta, gamma, &[0.2, 4.0]).unwrap()), "0.635");
    assert_eq!(round3(gd_optimal(0.2, 4.0).unwrap().1), "0.905");
    // "ρ₁ = 0.774", "ρ₂ = √0.5 = 0.707" at the reference case.
    assert_eq!(round3(spectral_radius(0.4, 0.5, 0.2).unwrap()), "0.774");
    assert_eq!(round3(spectral_radius(0.4, 0.5, 4.0).unwrap()), "0.707");
    assert_eq!(regime(0.4, 0.5, 0.2).unwrap(), Regime::Overdamped);
    assert_eq!(regime(0.4, 0.5, 4.0).unwrap(), Regime::Underdamped);
    // "within 0.06 % in every direction, except at the optimal point (0.3 %)"
    for (label, eta, gamma) in measured_points().unwrap() {
        let m = measure(eta, gamma, &post_quadratic(), start().view()).unwrap();
        for d in &m.directions {
            let rel = (d.measured - d.predicted).abs() / d.predicted;
            if label == "optimal" {
                assert!((0.0025..0.0035).contains(&rel), "{label}: {rel}");
            } else {
                assert!(rel < 6e-4, "{label}: {rel}");
            }
        }
    }
    // "the real runs need about a quarter of the steps" (139 against 38).
    let t = OptimalVsGd::lesson().table().unwrap();
    let steps = t.column(&t.header[7]).unwrap();
    let ratio = steps[1] / steps[0];
    assert!((0.2..0.3).contains(&ratio), "{steps:?}");
}
