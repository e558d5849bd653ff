//! # Momentum's dynamics (Goh, "Why Momentum Really Works", Distill 2017)
//!
//! On a quadratic $J(\theta) = \tfrac12 (\theta-\theta^\*)^\top A\\,(\theta-\theta^\*)$
//! the gradient is $A(\theta - \theta^\*)$, so the post's momentum
//! $v_t = \gamma v_{t-1} + \eta\\,\nabla J(\theta_{t-1})$, $\theta_t = \theta_{t-1} - v_t$
//! is a *linear* map of $(v, \theta - \theta^\*)$. Write $A = Q\Lambda Q^\top$
//! (eigenvalues $\lambda_i$, orthonormal eigenvectors $q_i$) and project the error
//! and the velocity on each eigenvector, $x^i_t = q_i^\top(\theta_t - \theta^\*)$,
//! $w^i_t = q_i^\top v_t$: every direction moves on its own,
//! $$\begin{pmatrix} w^i_t \\\\ x^i_t \end{pmatrix} = R(\eta, \gamma, \lambda_i)
//!   \begin{pmatrix} w^i_{t-1} \\\\ x^i_{t-1} \end{pmatrix}, \qquad
//!   R = \begin{pmatrix} \gamma & \eta\lambda \\\\ -\gamma & 1 - \eta\lambda \end{pmatrix}$$
//! (the second row is $x_t = x_{t-1} - w_t$ with the first row put in). The error
//! along $q_i$ shrinks like $\rho(R)^t$, $\rho$ the spectral radius, and the whole
//! run converges at the slowest direction's rate $\max_i \rho(R(\eta,\gamma,\lambda_i))$.
//!
//! **Eigenvalues of R.** Its characteristic polynomial is
//! $\mu^2 - (1 + \gamma - \eta\lambda)\\,\mu + \gamma$ (trace and determinant:
//! $\det R = \gamma(1-\eta\lambda) + \gamma\eta\lambda = \gamma$), so
//! $$\mu_{1,2} = \tfrac12\Big(b \pm \sqrt{b^2 - 4\gamma}\Big), \qquad b = 1 + \gamma - \eta\lambda .$$
//!
//! - $b^2 < 4\gamma$: a complex pair with $|\mu|^2 = \mu_1\mu_2 = \gamma$, so
//!   $\rho = \sqrt\gamma$ whatever η is (**underdamped**: the error spirals).
//! - $b^2 = 4\gamma$: a double root $\mu = b/2$, $|\mu| = \sqrt\gamma$ (**critically
//!   damped**). $R$ is then a Jordan block and $x_t = (a + c\\,t)\mu^t$.
//! - $b^2 > 4\gamma$: two real roots (**overdamped**), $\rho = (|b| + \sqrt{b^2 - 4\gamma})/2$.
//!
//! **Convergence.** $\rho < 1$ exactly when $0 \le \gamma < 1$ and
//! $0 < \eta\lambda < 2(1 + \gamma)$ (at $\eta\lambda = 2(1+\gamma)$ the root
//! $\mu = -1$ appears): momentum allows steps almost twice as large as gradient
//! descent's $\eta\lambda < 2$. See [`max_lr`].
//!
//! **Critical damping.** $b^2 = 4\gamma$ means $\eta\lambda = (1 \mp \sqrt\gamma)^2$,
//! that is $\sqrt\gamma = |1 - \sqrt{\eta\lambda}|$: for every $0 < \eta\lambda < 4$
//! there is one
//! $$\gamma_c = \big(1 - \sqrt{\eta\lambda}\big)^2 ,$$
//! with the double root $\mu = +\sqrt{\gamma_c}$ when $\eta\lambda < 1$ and
//! $\mu = -\sqrt{\gamma_c}$ when $1 < \eta\lambda < 4$. Below $\gamma_c$ the roots are
//! real, above it complex; at $\gamma_c$ the rate is the smallest any γ gives for
//! that $\eta\lambda$. See [`critical_gamma`].
//!
//! **The optimal pair** for eigenvalues in $[\lambda_1, \lambda_n]$, $\kappa = \lambda_n/\lambda_1$:
//! $$\eta^\* = \Big(\frac{2}{\sqrt{\lambda_1} + \sqrt{\lambda_n}}\Big)^2, \qquad
//!   \gamma^\* = \Big(\frac{\sqrt\kappa - 1}{\sqrt\kappa + 1}\Big)^2, \qquad
//!   \rho^\* = \sqrt{\gamma^\*} = \frac{\sqrt\kappa - 1}{\sqrt\kappa + 1},$$
//! which puts both $\lambda_1$ and $\lambda_n$ at critical damping (every eigenvalue
//! between is underdamped, with the same $|\mu| = \sqrt{\gamma^\*}$). Plain gradient
//! descent's best is $\eta = 2/(\lambda_1 + \lambda_n)$ with rate
//! $(\kappa - 1)/(\kappa + 1)$. On the post's $0.1x^2 + 2y^2$ ($A = \mathrm{diag}(0.2, 4)$,
//! $\kappa = 20$): 0.635 against 0.905. See [`optimal`] and [`gd_optimal`].
//!
//! **Measured rates.** [`measure`] runs the real [`Momentum`] and measures, per
//! eigendirection, the growth of the state $s_t = (x_t, x_{t-1})$:
//! $\hat\rho = (\\|s_{t_1}\\| / \\|s_{t_0}\\|)^{1/(t_1 - t_0)}$ with $t_0 = 100$ (the faster
//! mode has died out) and $t_1$ the last step before $\\|s_t\\|$ falls below
//! $10^{-250}$ (no underflow). Three effects keep $\hat\rho$ from being exactly ρ,
//! each a factor $f^{1/(t_1 - t_0)}$ with a bounded $f$: the start's weights on the
//! two modes of R, the oscillation of $\\|s_t\\|$ within a turn of the spiral
//! (bounded by the condition number of R's eigenvectors), and, at or near critical
//! damping, the Jordan block's factor $t$: $(t_1/t_0)^{1/(t_1-t_0)}$, 1.003 for
//! $t_0 = 100$, $t_1 = 1000$. So measured and predicted agree within
//! [`RATE_TOLERANCE`] (2 %), and the tables show the actual difference.
//!
//! Measuring per direction needs the directions to stay apart in floating point:
//! on an axis-aligned quadratic (the post's) each coordinate is one direction and
//! nothing leaks; on a rotated one rounding mixes in $10^{-16}$ of the slow
//! direction, so [`measure`] refuses a Hessian that is not diagonal.
//!
//! Bad input is a typed [`optcore::Error`]: η ≤ 0 (`lr`), γ ∉ \[0, 1) (`momentum`),
//! λ ≤ 0 (`eigenvalue`), $\eta\lambda \notin (0, 4)$ for [`critical_gamma`].
//!
//! With the `lessons` feature, notebook 11's tables and figures, built on all
//! this, are here too (from the file `dynamics/examples.rs`).

// Notebook 11's tables and figures: one file, re-exported whole.
#[cfg(feature = "lessons")]
mod examples;
#[cfg(feature = "lessons")]
pub use examples::*;

use crate::{Momentum, MomentumRecord};
use ndarray::{Array1, ArrayView1};
use optcore::error::{check_positive, check_unit_interval, Error, Result};
use optcore::nalgebra::{Complex, DMatrix, Matrix2, SymmetricEigen, Vector2};
use optcore::{run_to_completion, Convention, Objective, Optimizer, Trace};

/// Relative tolerance between a measured and a predicted rate (see the module doc).
pub const RATE_TOLERANCE: f64 = 0.02;
/// $t_0$ of a measurement: the step the window starts at.
pub const MEASURE_FROM: usize = 100;
/// A measurement window ends before $\\|s_t\\|$ falls below this (no underflow).
pub const UNDERFLOW_FLOOR: f64 = 1e-250;
/// The longest run a measurement takes.
pub const MEASURE_MAX_STEPS: usize = 20_000;

fn check(eta: f64, gamma: f64, lambda: f64) -> Result<()> {
    check_positive("lr", eta)?;
    check_unit_interval("momentum", gamma)?;
    check_positive("eigenvalue", lambda)
}

/// $R(\eta, \gamma, \lambda) = \begin{pmatrix} \gamma & \eta\lambda \\\\ -\gamma & 1 - \eta\lambda \end{pmatrix}$,
/// acting on $(w, x)$: velocity and error along one eigenvector.
pub fn iteration_matrix(eta: f64, gamma: f64, lambda: f64) -> Result<Matrix2<f64>> {
    check(eta, gamma, lambda)?;
    let el = eta * lambda;
    Ok(Matrix2::new(gamma, el, -gamma, 1.0 - el))
}

/// $b^2 - 4\gamma$, $b = 1 + \gamma - \eta\lambda$: the discriminant of R's
/// characteristic polynomial (negative: complex eigenvalues).
pub fn discriminant(eta: f64, gamma: f64, lambda: f64) -> Result<f64> {
    check(eta, gamma, lambda)?;
    let b = 1.0 + gamma - eta * lambda;
    Ok(b * b - 4.0 * gamma)
}

/// R's two eigenvalues in closed form, $\tfrac12(b \pm \sqrt{b^2 - 4\gamma})$
/// (the one with $+$ first; for a complex pair the one with positive imaginary part).
pub fn eigenvalues(eta: f64, gamma: f64, lambda: f64) -> Result<[Complex<f64>; 2]> {
    let d = discriminant(eta, gamma, lambda)?;
    let b = 1.0 + gamma - eta * lambda;
    Ok(if d >= 0.0 {
        let r = d.sqrt();
        [
            Complex::new((b + r) / 2.0, 0.0),
            Complex::new((b - r) / 2.0, 0.0),
        ]
    } else {
        let i = (-d).sqrt() / 2.0;
        [Complex::new(b / 2.0, i), Complex::new(b / 2.0, -i)]
    })
}

/// $\rho(R) = \max |\mu|$: $\sqrt\gamma$ for a complex pair,
/// $(|b| + \sqrt{b^2 - 4\gamma})/2$ for real roots.
pub fn spectral_radius(eta: f64, gamma: f64, lambda: f64) -> Result<f64> {
    let d = discriminant(eta, gamma, lambda)?;
    let b = 1.0 + gamma - eta * lambda;
    Ok(if d >= 0.0 {
        (b.abs() + d.sqrt()) / 2.0
    } else {
        gamma.sqrt()
    })
}

/// How one eigendirection moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regime {
    /// Two distinct real eigenvalues: no spiral (a sign flip each step if negative).
    Overdamped,
    /// A double real eigenvalue (within [`CRITICAL_BAND`] of it).
    Critical,
    /// A complex pair: the error spirals in with $|\mu| = \sqrt\gamma$.
    Underdamped,
    /// $\rho \ge 1$: the error does not shrink.
    Diverging,
}

/// $|b^2 - 4\gamma| \le$ this counts as a double root (the γ of
/// [`critical_gamma`] computed in floating point lands within $10^{-15}$ of it).
pub const CRITICAL_BAND: f64 = 1e-12;

impl std::fmt::Display for Regime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Regime::Overdamped => "overdamped",
            Regime::Critical => "critical",
            Regime::Underdamped => "underdamped",
            Regime::Diverging => "diverging",
        })
    }
}

/// The [`Regime`] of one eigendirection.
pub fn regime(eta: f64, gamma: f64, lambda: f64) -> Result<Regime> {
    let d = discriminant(eta, gamma, lambda)?;
    Ok(if spectral_radius(eta, gamma, lambda)? >= 1.0 {
        Regime::Diverging
    } else if d.abs() <= CRITICAL_BAND {
        Regime::Critical
    } else if d < 0.0 {
        Regime::Underdamped
    } else {
        Regime::Overdamped
    })
}

/// The rate of a whole run: $\max_i \rho(R(\eta, \gamma, \lambda_i))$.
pub fn rate(eta: f64, gamma: f64, lambdas: &[f64]) -> Result<f64> {
    if lambdas.is_empty() {
        return Err(Error::Empty {
            what: "the eigenvalues",
        });
    }
    lambdas
        .iter()
        .try_fold(0.0f64, |m, &l| Ok(m.max(spectral_radius(eta, gamma, l)?)))
}

/// The largest η that converges for this γ and λ: $\eta\lambda < 2(1 + \gamma)$,
/// so $\eta_{\max} = 2(1+\gamma)/\lambda$ (excluded: there ρ = 1).
pub fn max_lr(gamma: f64, lambda: f64) -> Result<f64> {
    check_unit_interval("momentum", gamma)?;
    check_positive("eigenvalue", lambda)?;
    Ok(2.0 * (1.0 + gamma) / lambda)
}

/// $\gamma_c = (1 - \sqrt{\eta\lambda})^2$, the γ of critical damping, for
/// $0 < \eta\lambda < 4$ (beyond 4 it would be ≥ 1).
pub fn critical_gamma(eta_lambda: f64) -> Result<f64> {
    if !(eta_lambda > 0.0 && eta_lambda < 4.0) {
        return Err(Error::Hyperparameter {
            name: "eta_lambda",
            value: eta_lambda,
            accepts: "in (0, 4): beyond 4 critical damping needs γ ≥ 1",
        });
    }
    let r = 1.0 - eta_lambda.sqrt();
    Ok(r * r)
}

fn check_range(lambda_min: f64, lambda_max: f64) -> Result<()> {
    check_positive("eigenvalue", lambda_min)?;
    check_positive("eigenvalue", lambda_max)?;
    if lambda_max < lambda_min {
        return Err(Error::Hyperparameter {
            name: "eigenvalue",
            value: lambda_max,
            accepts: "at least the smallest eigenvalue (give λ₁ ≤ λₙ)",
        });
    }
    Ok(())
}

/// The optimal momentum for eigenvalues in $[\lambda_1, \lambda_n]$:
/// $(\eta^\*, \gamma^\*) = \big((2/(\sqrt{\lambda_1}+\sqrt{\lambda_n}))^2,\ ((\sqrt\kappa-1)/(\sqrt\kappa+1))^2\big)$.
pub fn optimal(lambda_min: f64, lambda_max: f64) -> Result<(f64, f64)> {
    check_range(lambda_min, lambda_max)?;
    let (a, b) = (lambda_min.sqrt(), lambda_max.sqrt());
    let eta = 2.0 / (a + b);
    let g = (b - a) / (b + a);
    Ok((eta * eta, g * g))
}

/// Gradient descent's best: $\eta = 2/(\lambda_1 + \lambda_n)$ with rate
/// $(\kappa - 1)/(\kappa + 1)$; returns (η, rate).
pub fn gd_optimal(lambda_min: f64, lambda_max: f64) -> Result<(f64, f64)> {
    check_range(lambda_min, lambda_max)?;
    Ok((
        2.0 / (lambda_min + lambda_max),
        (lambda_max - lambda_min) / (lambda_max + lambda_min),
    ))
}

/// The eigenvalues $\lambda_i$ (ascending) and orthonormal eigenvectors $q_i$
/// (columns) of a quadratic's Hessian A, from nalgebra's `SymmetricEigen`. Each
/// vector's sign is fixed so that its largest entry is positive.
#[derive(Debug, Clone, PartialEq)]
pub struct Eigenbasis {
    pub values: Vec<f64>,
    pub vectors: DMatrix<f64>,
}

impl Eigenbasis {
    /// Of a symmetric positive definite matrix; a non-positive eigenvalue is an
    /// `eigenvalue` error (no minimum to converge to).
    pub fn of_matrix(a: &DMatrix<f64>) -> Result<Eigenbasis> {
        let n = a.nrows();
        optcore::error::check_dim("Hessian: columns vs rows", n, a.ncols())?;
        if n == 0 || a.iter().any(|x| !x.is_finite()) {
            return Err(Error::Empty {
                what: "a finite, non-empty Hessian",
            });
        }
        let e = SymmetricEigen::try_new(a.clone(), f64::EPSILON, 10_000).ok_or(Error::Empty {
            what: "the eigenvalues (the decomposition did not converge)",
        })?;
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&i, &j| e.eigenvalues[i].total_cmp(&e.eigenvalues[j]));
        let mut vectors = DMatrix::zeros(n, n);
        let mut values = Vec::with_capacity(n);
        for (k, &i) in order.iter().enumerate() {
            check_positive("eigenvalue", e.eigenvalues[i])?;
            values.push(e.eigenvalues[i]);
            let col = e.eigenvectors.column(i);
            let big = col
                .iter()
                .copied()
                .fold(0.0f64, |m, x| if x.abs() > m.abs() { x } else { m });
            let sign = if big < 0.0 { -1.0 } else { 1.0 };
            for r in 0..n {
                vectors[(r, k)] = sign * col[r];
            }
        }
        Ok(Eigenbasis { values, vectors })
    }

    /// Of a quadratic objective: its Hessian (taken at its minimum). Any other
    /// objective with a Hessian is accepted too, and gives the eigenbasis of its
    /// quadratic model at the minimum: what governs momentum's rate once a run
    /// is close, not along the way (the decomposition is exact only for a
    /// quadratic).
    pub fn of(objective: &dyn Objective) -> Result<Eigenbasis> {
        let star = minimum(objective)?;
        let h = objective.hessian(star.view()).ok_or(Error::Empty {
            what: "the objective's Hessian (a quadratic with a known Hessian is needed)",
        })?;
        Eigenbasis::of_matrix(&h)
    }

    /// Whether every eigenvector is a coordinate axis (A diagonal).
    pub fn is_axis_aligned(&self) -> bool {
        self.vectors.iter().all(|&x| x == 0.0 || x == 1.0)
    }

    /// $x^i = q_i^\top e$ for every i: `e` in the eigenbasis (plain loops, summed
    /// in index order).
    pub fn components(&self, e: ArrayView1<f64>) -> Result<Vec<f64>> {
        let n = self.values.len();
        optcore::error::check_dim("eigenbasis: the vector", n, e.len())?;
        Ok((0..n)
            .map(|i| (0..n).map(|r| self.vectors[(r, i)] * e[r]).sum())
            .collect())
    }
}

fn minimum(objective: &dyn Objective) -> Result<Array1<f64>> {
    objective.minimum().ok_or(Error::Empty {
        what: "the objective's minimiser θ*",
    })
}

/// $x^i_t = q_i^\top(\theta_t - \theta^\*)$ for every row of a trace: one vector per
/// eigendirection, over t.
pub fn components_over_time(
    basis: &Eigenbasis,
    star: ArrayView1<f64>,
    trace: &Trace<MomentumRecord>,
) -> Result<Vec<Vec<f64>>> {
    let mut out = vec![Vec::with_capacity(trace.rows.len()); basis.values.len()];
    for row in &trace.rows {
        let e = &row.theta - &star;
        for (i, x) in basis.components(e.view())?.into_iter().enumerate() {
            out[i].push(x);
        }
    }
    Ok(out)
}

/// $x_t$ predicted without running the optimizer: $s_t = R^t s_0$ with
/// $s_0 = (0, x_0)$ (v₀ = 0), multiplied out step by step.
pub fn predicted_component(
    eta: f64,
    gamma: f64,
    lambda: f64,
    x0: f64,
    steps: usize,
) -> Result<Vec<f64>> {
    let r = iteration_matrix(eta, gamma, lambda)?;
    let mut s = Vector2::new(0.0, x0);
    let mut out = vec![x0];
    for _ in 0..steps {
        s = Vector2::new(
            r[(0, 0)] * s[0] + r[(0, 1)] * s[1],
            r[(1, 0)] * s[0] + r[(1, 1)] * s[1],
        );
        out.push(s[1]);
    }
    Ok(out)
}

fn pow(x: f64, y: f64) -> f64 {
    libm::pow(x, y)
}

/// What [`measure`] found along one eigendirection.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DirectionRate {
    pub lambda: f64,
    pub predicted: f64,
    pub measured: f64,
    pub t0: usize,
    pub t1: usize,
}

/// A measured rate: per direction, and the run's (the largest).
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    pub eta: f64,
    pub gamma: f64,
    pub directions: Vec<DirectionRate>,
    pub steps: usize,
}

impl Measured {
    pub fn predicted(&self) -> f64 {
        self.directions
            .iter()
            .map(|d| d.predicted)
            .fold(0.0, f64::max)
    }
    pub fn measured(&self) -> f64 {
        self.directions
            .iter()
            .map(|d| d.measured)
            .fold(0.0, f64::max)
    }
    /// |measured − predicted| / predicted, for the run.
    pub fn rel_diff(&self) -> f64 {
        (self.measured() - self.predicted()).abs() / self.predicted()
    }
}

/// Steps a measurement runs: enough for the slowest direction to fall to the
/// floor from O(1), at most [`MEASURE_MAX_STEPS`].
fn measure_steps(rate: f64) -> usize {
    if rate <= 0.0 {
        return 2 * MEASURE_FROM;
    }
    let need = libm::log(UNDERFLOW_FLOOR) / libm::log(rate) + 10.0;
    (need.ceil() as usize).clamp(4 * MEASURE_FROM, MEASURE_MAX_STEPS)
}

/// Runs the real [`Momentum`] (paper form) on an axis-aligned quadratic and
/// measures each eigendirection's rate from $s_t = (x_t, x_{t-1})$:
/// $(\\|s_{t_1}\\|/\\|s_{t_0}\\|)^{1/(t_1 - t_0)}$ (module doc). Needs ρ < 1 in every
/// direction and a window of at least 20 steps.
pub fn measure(
    eta: f64,
    gamma: f64,
    objective: &dyn Objective,
    start: ArrayView1<f64>,
) -> Result<Measured> {
    measure_with(Convention::Paper, eta, gamma, objective, start)
}

/// [`measure`] with either convention: torch's `SGD(lr=η, momentum=γ)` keeps the
/// buffer $b = v/\eta$, so in its variables $(b, x)$ the step is
/// $R' = egin{pmatrix} \gamma & \lambda \\ -\eta\gamma & 1 - \eta\lambda \end{pmatrix}
///   = D R D^{-1}$, $D = \mathrm{diag}(1/\eta, 1)$: the same eigenvalues, the same rate.
pub fn measure_with(
    convention: Convention,
    eta: f64,
    gamma: f64,
    objective: &dyn Objective,
    start: ArrayView1<f64>,
) -> Result<Measured> {
    let basis = Eigenbasis::of(objective)?;
    if !basis.is_axis_aligned() {
        return Err(Error::Parse {
            what: "a rate measurement".into(),
            message:
                "the Hessian is not diagonal: rounding mixes the directions (see the module doc)"
                    .into(),
        });
    }
    let predicted = rate(eta, gamma, &basis.values)?;
    if predicted >= 1.0 {
        return Err(Error::Hyperparameter {
            name: "lr",
            value: eta,
            accepts: "a value with ρ < 1 in every direction to measure a rate (ηλ < 2(1 + γ))",
        });
    }
    let steps = measure_steps(predicted);
    let star = minimum(objective)?;
    let opt = Momentum {
        lr: eta,
        momentum: gamma,
        convention,
    }
    .validated()?;
    let tr = run_to_completion(&opt, objective, start, steps)?;
    let comps = components_over_time(&basis, star.view(), &tr)?;
    let mut directions = Vec::new();
    for (i, &lambda) in basis.values.iter().enumerate() {
        let x = &comps[i];
        let norm = |t: usize| (x[t] * x[t] + x[t - 1] * x[t - 1]).sqrt();
        let t0 = MEASURE_FROM;
        let mut t1 = t0;
        while t1 < steps && norm(t1 + 1) >= UNDERFLOW_FLOOR {
            t1 += 1;
        }
        if t1 < t0 + 20 || norm(t0) == 0.0 {
            return Err(Error::Empty {
                what: "a measurement window of at least 20 steps (the error fell to the floor before t₀ + 20)",
            });
        }
        let measured = pow(norm(t1) / norm(t0), 1.0 / (t1 - t0) as f64);
        directions.push(DirectionRate {
            lambda,
            predicted: spectral_radius(eta, gamma, lambda)?,
            measured,
            t0,
            t1,
        });
    }
    Ok(Measured {
        eta,
        gamma,
        directions,
        steps,
    })
}

/// The eigenvalues of R from nalgebra (`complex_eigenvalues`, a real Schur form),
/// for the cross-check with the closed form in a table.
pub fn nalgebra_eigenvalues(eta: f64, gamma: f64, lambda: f64) -> Result<[Complex<f64>; 2]> {
    let r = iteration_matrix(eta, gamma, lambda)?;
    let e = r.complex_eigenvalues();
    let mut v = [e[0], e[1]];
    // The closed form's order: larger real part first, then positive imaginary part first.
    v.sort_by(|a, b| b.re.total_cmp(&a.re).then(b.im.total_cmp(&a.im)));
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input_is_typed() {
        for (e, g, l, name) in [
            (0.0, 0.5, 1.0, "lr"),
            (-0.1, 0.5, 1.0, "lr"),
            (0.1, 1.0, 1.0, "momentum"),
            (0.1, -0.1, 1.0, "momentum"),
            (0.1, 0.5, 0.0, "eigenvalue"),
            (0.1, 0.5, f64::NAN, "eigenvalue"),
        ] {
            match spectral_radius(e, g, l) {
                Err(Error::Hyperparameter { name: n, .. }) => assert_eq!(n, name),
                other => panic!("{e} {g} {l}: {other:?}"),
            }
            assert!(iteration_matrix(e, g, l).is_err());
            assert!(regime(e, g, l).is_err());
        }
        assert!(critical_gamma(4.0).is_err());
        assert!(critical_gamma(0.0).is_err());
        assert!(optimal(4.0, 0.2).is_err());
        assert!(rate(0.1, 0.5, &[]).is_err());
        let not_pd = DMatrix::from_row_slice(2, 2, &[1.0, 0.0, 0.0, -1.0]);
        assert!(Eigenbasis::of_matrix(&not_pd).is_err());
    }
}
