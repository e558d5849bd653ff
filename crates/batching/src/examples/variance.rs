//! The noise of a mini-batch gradient falls like $1/m$: the variance of
//! $\hat g_B$ around the full gradient, measured over seeded draws, beside its exact
//! expectation $\frac{\sigma^2}{m}\cdot\frac{N-m}{N-1}$.

use super::{check_count, check_sizes, iris_softmax, reference_weights, BATCH_SIZES, SEED};
use crate::shuffle;
use ndarray::{Array1, Array2, ArrayViewMut1, Axis};
use optcore::error::Result;
use optcore::render::Cell;
use optcore::{ExampleLoss, Table};
use rand_chacha::ChaCha8Rng;
use rand_core::SeedableRng;

/// A chart's labelled line: (label, points (x, y)).
pub type Series = (String, Vec<(f64, f64)>);

/// Seeded draws per batch size in [`GradientNoise`].
pub const VARIANCE_DRAWS: usize = 1000;
/// The most draws per batch size [`GradientNoise`] takes.
pub const MAX_VARIANCE_DRAWS: usize = 100_000;

/// The experiment "the noise of a mini-batch gradient falls like 1/m": for
/// each batch size, seeded mini-batches drawn without replacement from the 150
/// iris flowers, the spread of their gradient around the full gradient.
#[derive(Clone, Debug, PartialEq)]
pub struct GradientNoise {
    /// The batch sizes $m$, one row (and one point per series) each: every one
    /// from 1 to $N = 150$, at least one.
    pub sizes: Vec<usize>,
    /// Seeded draws per batch size: 2 (for a standard error) to
    /// [`MAX_VARIANCE_DRAWS`].
    pub draws: usize,
    /// The seed of the draws (any `u64`).
    pub seed: u64,
}

impl GradientNoise {
    /// The notebook's values: [`BATCH_SIZES`], [`VARIANCE_DRAWS`], [`SEED`].
    pub fn lesson() -> GradientNoise {
        GradientNoise {
            sizes: BATCH_SIZES.to_vec(),
            draws: VARIANCE_DRAWS,
            seed: SEED,
        }
    }

    /// The measured variances beside the formula: for each `m`, `draws`
    /// mini-batches drawn without replacement (each a fresh seeded shuffle,
    /// first m indices), and $\\|\hat g_B - \nabla L(\mathbf{x}, W)\\|^2$
    /// averaged, next to its exact expectation
    /// $\frac{\sigma^2}{m}\cdot\frac{N-m}{N-1}$. An empty `sizes`, a size of 0 or
    /// above $N$, or `draws` outside 2..=[`MAX_VARIANCE_DRAWS`] is an error.
    pub fn study(&self) -> Result<VarianceStudy> {
        gradient_variance(&self.sizes, self.draws, self.seed)
    }

    /// The study as a table ([`VarianceStudy::table`]).
    pub fn table(&self) -> Result<Table> {
        Ok(self.study()?.table())
    }

    /// The study as the log-log chart's series ([`VarianceStudy::plot_series`]).
    pub fn series(&self) -> Result<Vec<Series>> {
        Ok(self.study()?.plot_series())
    }
}

/// $\mathbb{E}\\,\\|\hat g_B - \nabla L\\|^2 = \frac{\sigma^2}{m}\cdot\frac{N-m}{N-1}$: the
/// variance of the mean gradient of a batch of `m` drawn without replacement
/// from `n` examples whose gradients spread by `sigma2` around their mean.
pub fn minibatch_variance(sigma2: f64, m: usize, n: usize) -> f64 {
    sigma2 / m as f64 * (n - m) as f64 / (n - 1) as f64
}

/// The mean of the rows `batch` of `rows`, added up in increasing index order
/// (so the full batch reproduces [`full_gradient_of_rows`] bit for bit).
pub fn mean_of_rows(rows: &Array2<f64>, batch: &[usize], mut out: ArrayViewMut1<f64>) {
    let mut sorted = batch.to_vec();
    sorted.sort_unstable();
    out.fill(0.0);
    for &i in &sorted {
        out += &rows.row(i);
    }
    let m = batch.len() as f64;
    out.mapv_inplace(|x| x / m);
}

/// The mean of all rows: the full-batch gradient $\nabla L(\mathbf{x}, W)$ from
/// the per-example gradients.
pub fn full_gradient_of_rows(rows: &Array2<f64>) -> Array1<f64> {
    let all: Vec<usize> = (0..rows.nrows()).collect();
    let mut g = Array1::zeros(rows.ncols());
    mean_of_rows(rows, &all, g.view_mut());
    g
}

/// One batch size of [`GradientNoise::study`].
#[derive(Debug, Clone, PartialEq)]
pub struct VarianceRow {
    pub m: usize,
    /// Mean of $\\|\hat g_B - \nabla L\\|^2$ over the draws.
    pub measured: f64,
    /// Standard error of `measured` (sample s.d. of the draws / √draws).
    pub std_error: f64,
    /// $\frac{\sigma^2}{m}\cdot\frac{N-m}{N-1}$ (sampling without replacement).
    pub formula: f64,
}

/// The variance of the mini-batch gradient $\hat g_B = \frac1m\sum_{i\in B}\nabla L(x_i, W)$
/// around the full-batch gradient, measured and predicted.
#[derive(Debug, Clone, PartialEq)]
pub struct VarianceStudy {
    pub n: usize,
    pub draws: usize,
    pub seed: u64,
    /// $\sigma^2 = \frac1N\sum_i \\|\nabla L(x_i, W) - \nabla L(\mathbf{x}, W)\\|^2$.
    pub sigma2: f64,
    pub rows: Vec<VarianceRow>,
}

impl VarianceStudy {
    /// (measured − formula) / standard error; 0 when both are exactly 0 (m = N).
    pub fn z_score(row: &VarianceRow) -> f64 {
        if row.std_error == 0.0 {
            if row.measured == row.formula {
                0.0
            } else {
                f64::INFINITY
            }
        } else {
            (row.measured - row.formula) / row.std_error
        }
    }

    /// The study as a table.
    pub fn table(&self) -> Table {
        let mut t = Table::new(
            format!(
                "E‖ĝ_B − ∇L(x, W)‖² over {} seeded draws per m (N = {}, σ² = {}, seed {})",
                self.draws,
                self.n,
                optcore::fmt_num(self.sigma2),
                self.seed
            ),
            &[
                "m",
                "measured",
                "std. error",
                "σ²/m·(N−m)/(N−1)",
                "z",
                "σ²/m",
                "m × measured",
            ],
        );
        for r in &self.rows {
            t.push(vec![
                r.m.into(),
                r.measured.into(),
                r.std_error.into(),
                r.formula.into(),
                Cell::Num(Self::z_score(r)),
                (self.sigma2 / r.m as f64).into(),
                (r.m as f64 * r.measured).into(),
            ]);
        }
        t.with_note("z = (measured − formula) / std. error. The factor (N−m)/(N−1) is the finite-population correction: a batch drawn without replacement from N examples varies a little less than σ²/m, and not at all at m = N, where ĝ_B is the full gradient.")
    }

    /// The study as labelled series for a log-log chart: $x = \log_2 m$ (`libm`),
    /// $y$ = measured variance, the formula, and $\sigma^2/m$ (the 1/m line
    /// without the correction). Only m < N: the variance at m = N is exactly 0,
    /// which a log axis cannot show.
    pub fn plot_series(&self) -> Vec<Series> {
        let pick = |f: &dyn Fn(&VarianceRow) -> f64| -> Vec<(f64, f64)> {
            self.rows
                .iter()
                .filter(|r| r.m < self.n)
                .map(|r| (libm::log2(r.m as f64), f(r)))
                .collect()
        };
        vec![
            (
                format!("measured ({} draws)", self.draws),
                pick(&|r| r.measured),
            ),
            ("σ²/m·(N−m)/(N−1)".to_string(), pick(&|r| r.formula)),
            ("σ²/m".to_string(), pick(&|r| self.sigma2 / r.m as f64)),
        ]
    }
}

fn gradient_variance(sizes: &[usize], draws: usize, seed: u64) -> Result<VarianceStudy> {
    check_count(
        "draws",
        draws,
        2,
        MAX_VARIANCE_DRAWS,
        "a whole number from 2 (for a standard error) to 100000",
    )?;
    let loss = iris_softmax()?;
    let n = loss.len();
    check_sizes(sizes, n)?;
    let w = reference_weights(&loss);
    let rows = loss.example_gradients(w.view());
    let full = full_gradient_of_rows(&rows);
    let sigma2 = rows
        .axis_iter(Axis(0))
        .map(|r| {
            r.iter()
                .zip(full.iter())
                .map(|(a, b)| (a - b) * (a - b))
                .sum::<f64>()
        })
        .sum::<f64>()
        / n as f64;

    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut order: Vec<usize> = (0..n).collect();
    let mut g = Array1::zeros(loss.num_params());
    let mut out = Vec::with_capacity(sizes.len());
    let mut errors = Vec::with_capacity(draws);
    for &m in sizes {
        errors.clear();
        for _ in 0..draws {
            order.iter_mut().enumerate().for_each(|(i, o)| *o = i);
            shuffle(&mut rng, &mut order);
            mean_of_rows(&rows, &order[..m], g.view_mut());
            errors.push(
                g.iter()
                    .zip(full.iter())
                    .map(|(a, b)| (a - b) * (a - b))
                    .sum::<f64>(),
            );
        }
        let k = draws as f64;
        let mean = errors.iter().sum::<f64>() / k;
        let var = errors.iter().map(|e| (e - mean) * (e - mean)).sum::<f64>() / (k - 1.0);
        out.push(VarianceRow {
            m,
            measured: mean,
            std_error: (var / k).sqrt(),
            formula: minibatch_variance(sigma2, m, n),
        });
    }
    Ok(VarianceStudy {
        n,
        draws,
        seed,
        sigma2,
        rows: out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use optcore::Objective;

    #[test]
    fn full_batch_mean_of_rows_is_the_gradient() {
        let loss = iris_softmax().unwrap();
        let w = reference_weights(&loss);
        let g = full_gradient_of_rows(&loss.example_gradients(w.view()));
        let exact = loss.gradient(w.view());
        for (a, b) in g.iter().zip(exact.iter()) {
            assert!((a - b).abs() <= 1e-15);
        }
        // W is not trivial: it has moved off 0 and the loss fell below ln 3.
        assert!(loss.value(w.view()) < loss_at_zero());
    }

    fn loss_at_zero() -> f64 {
        // ln 3 = the loss at W = 0 (uniform predictions over 3 classes).
        iris_softmax().unwrap().value(Array1::zeros(15).view())
    }

    #[test]
    fn variance_matches_the_finite_population_formula() {
        let s = GradientNoise::lesson().study().unwrap();
        assert!(s.sigma2 > 0.0);
        for r in &s.rows {
            let z = VarianceStudy::z_score(r);
            assert!(
                z.abs() < 5.0,
                "m = {}: measured {} vs {} (z = {z})",
                r.m,
                r.measured,
                r.formula
            );
        }
        let full = s.rows.last().unwrap();
        assert_eq!((full.m, full.measured, full.formula), (150, 0.0, 0.0));
        // At m = 1 the correction is 1: the formula is σ² itself.
        assert_eq!(s.rows[0].formula, s.sigma2);
        // Other seeds agree too (the test is not tuned to one seed).
        for seed in [1, 2, 3] {
            let s = gradient_variance(&[1, 8, 64], 400, seed).unwrap();
            assert!(s.rows.iter().all(|r| VarianceStudy::z_score(r).abs() < 5.0));
        }
    }

    #[test]
    fn bad_knobs_are_refused() {
        for bad in [
            GradientNoise {
                draws: 1,
                ..GradientNoise::lesson()
            },
            GradientNoise {
                draws: MAX_VARIANCE_DRAWS + 1,
                ..GradientNoise::lesson()
            },
            GradientNoise {
                sizes: vec![],
                ..GradientNoise::lesson()
            },
            GradientNoise {
                sizes: vec![0],
                ..GradientNoise::lesson()
            },
            GradientNoise {
                sizes: vec![151],
                ..GradientNoise::lesson()
            },
        ] {
            assert!(bad.table().is_err(), "{bad:?}");
            assert!(bad.series().is_err(), "{bad:?}");
        }
    }
}
