//! The noisy quadratic model (NQM) of Zhang et al., "Which Algorithmic Choices
//! Matter at Which Batch Sizes?" (NeurIPS 2019): the post's first section (a
//! mini-batch gradient is the full gradient plus noise whose variance falls as
//! 1/m) carried to its consequence, the steps a run needs as the batch grows.
//!
//! The loss is a quadratic with a diagonal Hessian, $L(\theta) = \tfrac12
//! \sum_i h_i \theta_i^2$, and a batch of $B$ examples gives the gradient
//! $g_i = h_i\theta_i + \xi_i$ with noise of mean 0 and variance $c_i / B$. The
//! model is linear, so the *expected* loss follows exactly from the second
//! moments of each coordinate; no sampling is needed. For heavy-ball momentum in
//! torch's form with a diagonal preconditioner $h_i^{-p}$ (step size $\alpha_i =
//! \eta\, h_i^{-p}$),
//! $$v' = \beta v + g,\qquad \theta' = \theta - \alpha_i v',$$
//! the moments $A = \mathbb{E}[\theta_i^2]$, $C = \mathbb{E}[\theta_i v_i]$, $V =
//! \mathbb{E}[v_i^2]$ (with $a = 1 - \alpha_i h_i$, $n = c_i/B$) move as
//! $$\begin{aligned}
//! V' &= \beta^2 V + 2\beta h_i C + h_i^2 A + n,\\
//! C' &= a h_i A + (a\beta - \alpha_i\beta h_i) C - \alpha_i\beta^2 V - \alpha_i n,\\
//! A' &= a^2 A - 2a\alpha_i\beta C + \alpha_i^2\beta^2 V + \alpha_i^2 n,
//! \end{aligned}$$
//! and $\mathbb{E}\,L = \tfrac12 \sum_i h_i A_i$. $\beta = 0$ and $p = 0$ is plain
//! SGD; $p = \tfrac12$ models Adam: when the noise dominates,
//! $\mathbb{E}[g_i^2] \approx c_i/B \propto h_i$ (the model takes $c_i = h_i$, the
//! gradient covariance as the Hessian), so dividing by $\sqrt{\hat v_i}$ divides
//! by $\sqrt{h_i}$.
//!
//! [`Nqm::steps_to_target`] counts the steps until the expected loss first
//! reaches a target; [`batch_study`] takes, for each batch size, the best setting
//! of a grid, and [`critical_batch`] reads off where doubling the batch stops
//! nearly halving the steps.

use crate::par;
use optcore::error::{check_positive, check_unit_interval, Error, Result};
use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};

/// A noisy quadratic: curvatures $h_i$, noise variances $c_i$ of one example,
/// and the initial second moments $\mathbb{E}[\theta_{0,i}^2]$.
#[derive(Debug, Clone, PartialEq)]
pub struct Nqm {
    pub h: Vec<f64>,
    pub c: Vec<f64>,
    pub start: Vec<f64>,
}

/// An optimizer of the model: learning rate $\eta$, momentum $\beta$ (0: none),
/// preconditioning power $p$ (0: none; ½: Adam's $\sqrt{\hat v}$).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Method {
    pub lr: f64,
    pub momentum: f64,
    pub power: f64,
}

/// Where a run stops counting: its expected loss passed this multiple of the
/// initial loss (the step size is too large for some coordinate).
const DIVERGED: f64 = 1e6;

impl Nqm {
    /// A model of `d` coordinates with $h_i = 1/i$ and $c_i = h_i$ (Zhang et al.'s
    /// choice), started at $\mathbb{E}[\theta_{0,i}^2] = 1$.
    pub fn harmonic(d: usize) -> Result<Nqm> {
        if d == 0 {
            return Err(Error::Empty {
                what: "noisy quadratic model (d = 0)",
            });
        }
        let h: Vec<f64> = (1..=d).map(|i| 1.0 / i as f64).collect();
        Ok(Nqm {
            c: h.clone(),
            h,
            start: vec![1.0; d],
        })
    }

    /// The expected loss at the start.
    pub fn initial_loss(&self) -> f64 {
        0.5 * self
            .h
            .iter()
            .zip(&self.start)
            .map(|(h, s)| h * s)
            .sum::<f64>()
    }

    fn check(&self, m: Method, batch: usize) -> Result<()> {
        let d = self.h.len();
        if d == 0 || self.c.len() != d || self.start.len() != d {
            return Err(Error::Dimension {
                what: "noisy quadratic model (h, c and start must have one value per coordinate)",
                expected: d.max(1),
                found: self.c.len().min(self.start.len()),
            });
        }
        let positive = |x: &f64| x.is_finite() && *x > 0.0;
        let non_negative = |x: &f64| x.is_finite() && *x >= 0.0;
        if !self.h.iter().all(positive)
            || !self.c.iter().all(non_negative)
            || !self.start.iter().all(non_negative)
        {
            return Err(Error::Hyperparameter {
                name: "noisy quadratic model",
                value: f64::NAN,
                accepts:
                    "curvatures h > 0, noise variances c >= 0 and second moments >= 0, all finite",
            });
        }
        check_positive("lr", m.lr)?;
        check_unit_interval("momentum", m.momentum)?;
        if !(0.0..=1.0).contains(&m.power) {
            return Err(Error::Hyperparameter {
                name: "power",
                value: m.power,
                accepts: "a preconditioning power in [0, 1]",
            });
        }
        if batch == 0 {
            // The model has no data set to run out of: any B ≥ 1 is a batch.
            return Err(Error::Hyperparameter {
                name: "batch size",
                value: 0.0,
                accepts: "a whole number of examples ≥ 1",
            });
        }
        Ok(())
    }

    /// Runs `m` at batch size `batch`, calling `each(t, loss)` with the expected
    /// loss after each step t = 0, 1, … until it returns false, `max_steps` is
    /// reached or the loss passes [`DIVERGED`] × the initial loss.
    fn run(
        &self,
        m: Method,
        batch: usize,
        max_steps: usize,
        mut each: impl FnMut(usize, f64) -> bool,
    ) -> Result<()> {
        self.check(m, batch)?;
        let d = self.h.len();
        let alpha: Vec<f64> = self.h.iter().map(|h| m.lr * h.powf(-m.power)).collect();
        let noise: Vec<f64> = self.c.iter().map(|c| c / batch as f64).collect();
        let (mut a, mut c, mut v) = (self.start.clone(), vec![0.0; d], vec![0.0; d]);
        let b = m.momentum;
        let limit = DIVERGED * self.initial_loss();
        for t in 0..=max_steps {
            let loss = 0.5 * self.h.iter().zip(&a).map(|(h, a)| h * a).sum::<f64>();
            // A NaN loss is past the limit too.
            let diverged = loss.is_nan() || loss > limit;
            if !each(t, loss) || t == max_steps || diverged {
                break;
            }
            for i in 0..d {
                let (h, al, n) = (self.h[i], alpha[i], noise[i]);
                let k = 1.0 - al * h;
                let (a0, c0, v0) = (a[i], c[i], v[i]);
                v[i] = b * b * v0 + 2.0 * b * h * c0 + h * h * a0 + n;
                c[i] = k * h * a0 + (k * b - al * b * h) * c0 - al * b * b * v0 - al * n;
                a[i] = k * k * a0 - 2.0 * k * al * b * c0 + al * al * b * b * v0 + al * al * n;
            }
        }
        Ok(())
    }

    /// The expected loss after t = 0, 1, …, `steps` steps (fewer if it passes
    /// 10⁶ × the initial loss: the step is too large).
    pub fn expected_losses(&self, m: Method, batch: usize, steps: usize) -> Result<Vec<f64>> {
        let mut out = Vec::with_capacity(steps + 1);
        self.run(m, batch, steps, |_, loss| {
            out.push(loss);
            true
        })?;
        Ok(out)
    }

    /// Plain SGD's expected loss as $t \to \infty$ at rate `lr` and batch size
    /// `batch`: each coordinate settles where the pull of the curvature and the
    /// push of the noise balance, $A_i = \eta^2 (c_i/B) / \bigl(1 - (1 - \eta
    /// h_i)^2\bigr)$, so the floor $\tfrac12\sum_i h_i A_i$ falls as $1/B$. An
    /// error if SGD diverges at this rate ($\eta h_i \ge 2$ for some $i$).
    pub fn sgd_floor(&self, lr: f64, batch: usize) -> Result<f64> {
        let m = Method {
            lr,
            momentum: 0.0,
            power: 0.0,
        };
        self.check(m, batch)?;
        let mut floor = 0.0;
        for (h, c) in self.h.iter().zip(&self.c) {
            let k = 1.0 - lr * h;
            if k.abs() >= 1.0 {
                return Err(Error::Hyperparameter {
                    name: "lr",
                    value: lr,
                    accepts: "a rate below 2/h_max, where SGD on the model converges",
                });
            }
            floor += 0.5 * h * lr * lr * (c / batch as f64) / (1.0 - k * k);
        }
        Ok(floor)
    }

    /// The first step t at which the expected loss is at or below `target`;
    /// `None` if that does not happen within `max_steps` (or the run diverges).
    pub fn steps_to_target(
        &self,
        m: Method,
        batch: usize,
        target: f64,
        max_steps: usize,
    ) -> Result<Option<usize>> {
        let mut reached = None;
        self.run(m, batch, max_steps, |t, loss| {
            if loss <= target {
                reached = Some(t);
            }
            reached.is_none()
        })?;
        Ok(reached)
    }
}

/// A standard normal number (Box–Muller) from two uniform draws of `rng`.
fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u = |rng: &mut ChaCha8Rng| ((rng.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64;
    let (u1, u2) = (u(rng), u(rng));
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

impl Nqm {
    /// The independent check of [`Nqm::expected_losses`]: `runs` trajectories
    /// of `m` drawn at random (Gaussian θ₀ with the model's second moments,
    /// Gaussian gradient noise of variance $c_i/B$, seeded ChaCha8), and at each
    /// step t = 0 … `steps` the mean of their losses with its standard error.
    /// Fewer than 2 runs is an error (no standard error).
    pub fn sampled_losses(
        &self,
        m: Method,
        batch: usize,
        steps: usize,
        runs: usize,
        seed: u64,
    ) -> Result<Vec<(f64, f64)>> {
        self.check(m, batch)?;
        if runs < 2 {
            return Err(Error::Hyperparameter {
                name: "runs",
                value: runs as f64,
                accepts: "at least 2 sampled runs",
            });
        }
        let d = self.h.len();
        let alpha: Vec<f64> = self.h.iter().map(|h| m.lr * h.powf(-m.power)).collect();
        let noise: Vec<f64> = self.c.iter().map(|c| (c / batch as f64).sqrt()).collect();
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let (mut sum, mut sum_sq) = (vec![0.0; steps + 1], vec![0.0; steps + 1]);
        let (mut theta, mut v) = (vec![0.0; d], vec![0.0; d]);
        for _ in 0..runs {
            for i in 0..d {
                theta[i] = self.start[i].sqrt() * normal(&mut rng);
                v[i] = 0.0;
            }
            for t in 0..=steps {
                let loss: f64 = 0.5 * (0..d).map(|i| self.h[i] * theta[i] * theta[i]).sum::<f64>();
                sum[t] += loss;
                sum_sq[t] += loss * loss;
                for i in 0..d {
                    let g = self.h[i] * theta[i] + noise[i] * normal(&mut rng);
                    v[i] = m.momentum * v[i] + g;
                    theta[i] -= alpha[i] * v[i];
                }
            }
        }
        let n = runs as f64;
        Ok((0..=steps)
            .map(|t| {
                let mean = sum[t] / n;
                (mean, ((sum_sq[t] / n - mean * mean).max(0.0) / n).sqrt())
            })
            .collect())
    }
}

/// For one batch size: the fewest steps to the target over the settings tried,
/// and the setting that took them (`None`: no setting reached it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BatchPoint {
    pub batch: usize,
    pub best: Option<(usize, Method)>,
}

/// Steps to `target` against batch size: at each batch size every setting of
/// `grid` (learning rates, momenta, powers: tuned per batch size, as Zhang et al.
/// tune them) is run and the fewest steps kept (the first setting of the grid on
/// a tie). The batch sizes are spread over `threads` threads; within one, the
/// settings run in order, each stopped once it has taken as many steps as the
/// best so far (it can no longer win). The points are in the order of `batches`,
/// the same whatever `threads`.
pub fn batch_study(
    nqm: &Nqm,
    grid: &[Method],
    batches: &[usize],
    target: f64,
    max_steps: usize,
    threads: usize,
) -> Result<Vec<BatchPoint>> {
    if batches.is_empty() || grid.is_empty() {
        return Err(Error::Empty {
            what: "list of batch sizes or settings",
        });
    }
    for &b in batches {
        for &m in grid {
            nqm.check(m, b)?;
        }
    }
    par::map(batches.len(), threads, |k| {
        let batch = batches[k];
        let mut best: Option<(usize, Method)> = None;
        for &m in grid {
            let cap = best.map_or(max_steps, |(s, _)| s.saturating_sub(1));
            if let Some(s) = nqm.steps_to_target(m, batch, target, cap)? {
                best = Some((s, m));
            }
        }
        Ok(BatchPoint { batch, best })
    })
    .into_iter()
    .collect()
}

/// Every combination of the given learning rates, momenta and powers, in that
/// nesting order (rates innermost): the grid of [`batch_study`].
pub fn grid(lrs: &[f64], momenta: &[f64], powers: &[f64]) -> Vec<Method> {
    let mut out = Vec::with_capacity(lrs.len() * momenta.len() * powers.len());
    for &power in powers {
        for &momentum in momenta {
            for &lr in lrs {
                out.push(Method {
                    lr,
                    momentum,
                    power,
                });
            }
        }
    }
    out
}

/// The critical batch size of a study: the largest batch size $B$ of the grid at
/// which the steps $S(B)$ are still within twice perfect scaling from the
/// smallest batch $B_0$, $S(B) \le 2\, S(B_0)\, B_0 / B$. `None` if the smallest
/// batch never reached the target.
pub fn critical_batch(points: &[BatchPoint]) -> Option<usize> {
    critical_of(points.iter().map(|p| (p.batch, p.best.map(|(s, _)| s))))
}

/// [`critical_batch`] of (batch size, steps to the target) pairs, in the grid's
/// order (shared with [`crate::batch_size::critical_batch`]).
pub(crate) fn critical_of(points: impl Iterator<Item = (usize, Option<usize>)>) -> Option<usize> {
    let mut points = points.peekable();
    let &(b0, s0) = points.peek()?;
    let s0 = s0?;
    points
        .take_while(|&(b, s)| match s {
            Some(s) => (s as f64) * (b as f64) <= 2.0 * (s0 as f64) * (b0 as f64),
            None => false,
        })
        .last()
        .map(|(b, _)| b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sgd(lr: f64) -> Method {
        Method {
            lr,
            momentum: 0.0,
            power: 0.0,
        }
    }

    /// Plain SGD's expected loss has a closed form: each coordinate's second
    /// moment moves as $A' = (1 - \eta h)^2 A + \eta^2 c/B$.
    #[test]
    fn sgd_matches_its_closed_form() {
        let nqm = Nqm::harmonic(5).unwrap();
        let (lr, batch, steps) = (0.7, 4, 30);
        let losses = nqm.expected_losses(sgd(lr), batch, steps).unwrap();
        for (t, loss) in losses.iter().enumerate() {
            let expected: f64 = (0..5)
                .map(|i| {
                    let (h, c) = (nqm.h[i], nqm.c[i] / batch as f64);
                    let r = (1.0 - lr * h).powi(2);
                    let a = r.powi(t as i32) * nqm.start[i]
                        + lr * lr * c * (1.0 - r.powi(t as i32)) / (1.0 - r);
                    0.5 * h * a
                })
                .sum();
            assert!(
                (loss - expected).abs() <= 1e-12 * expected,
                "t = {t}: {loss} vs {expected}"
            );
        }
    }

    /// A standard normal draw (Box–Muller) from ChaCha8.
    /// The moment equations against sampled runs: their mean loss within four
    /// standard errors of the expected loss at every step.
    #[test]
    fn the_moments_match_sampled_runs() {
        let nqm = Nqm::harmonic(4).unwrap();
        let m = Method {
            lr: 0.5,
            momentum: 0.8,
            power: 0.5,
        };
        let (batch, steps) = (2, 40);
        let expected = nqm.expected_losses(m, batch, steps).unwrap();
        let sampled = nqm.sampled_losses(m, batch, steps, 20_000, 11).unwrap();
        for t in 0..=steps {
            let (mean, se) = sampled[t];
            assert!(
                (mean - expected[t]).abs() <= 4.0 * se,
                "t = {t}: sampled {mean} ± {se}, expected {}",
                expected[t]
            );
        }
        assert!(nqm.sampled_losses(m, batch, steps, 1, 11).is_err());
    }

    #[test]
    fn bad_settings_are_refused() {
        let nqm = Nqm::harmonic(3).unwrap();
        assert!(Nqm::harmonic(0).is_err());
        for (m, b) in [
            (sgd(0.0), 1),
            (sgd(f64::NAN), 1),
            (
                Method {
                    momentum: 1.0,
                    ..sgd(0.1)
                },
                1,
            ),
            (
                Method {
                    power: 1.5,
                    ..sgd(0.1)
                },
                1,
            ),
            (sgd(0.1), 0),
        ] {
            assert!(nqm.expected_losses(m, b, 3).is_err(), "{m:?} {b}");
        }
        let bad = Nqm {
            h: vec![1.0, -1.0],
            c: vec![1.0; 2],
            start: vec![1.0; 2],
        };
        assert!(bad.expected_losses(sgd(0.1), 1, 3).is_err());
        let short = Nqm {
            h: vec![1.0, 1.0],
            c: vec![1.0],
            start: vec![1.0; 2],
        };
        assert!(short.expected_losses(sgd(0.1), 1, 3).is_err());
        assert!(batch_study(&nqm, &[sgd(0.1)], &[], 0.1, 10, 1).is_err());
        assert!(batch_study(&nqm, &[], &[1], 0.1, 10, 1).is_err());
        // A step too large for the stiffest coordinate diverges: no target reached.
        assert_eq!(nqm.steps_to_target(sgd(5.0), 1, 1e-3, 1000).unwrap(), None);
    }
}
