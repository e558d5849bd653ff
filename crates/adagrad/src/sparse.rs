//! The post's sparse-feature story: a linear unit
//! $\hat y = w_0 + w_1 a_1 + w_2 a_2 + \dots + w_n a_n$ whose input $a_2$ is almost
//! always 0.
//!
//! While $a_2 = 0$ the loss does not depend on $w_2$, its gradient is 0 and $w_2$
//! does not move. When a rare example with $a_2 \ne 0$ arrives, $w_2$ is still far
//! from where it should be, so it ought to take a large step. Adagrad gives it one:
//! $G_{t,22}$ has grown only on those rare steps, so $\eta/\sqrt{G_{t,22}+\epsilon}$
//! stays large while the dense weights' rates shrink.
//!
//! The data are generated, not downloaded: ChaCha8 seeded with `seed_from_u64`,
//! integers drawn by [`batching::uniform_below`] (the same on every machine), and
//! noise-free targets $y = w^\star \cdot (1, a_1, a_2, a_3)$.

use ndarray::{Array1, Array2, ArrayView1, ArrayViewMut1};
use optcore::Oracle;
use rand_chacha::ChaCha8Rng;
use rand_core::SeedableRng;

/// The seed of [`SparseData::standard`].
pub const STANDARD_SEED: u64 = 7;

/// A data set for the linear unit: rows $x = (1, a_1, \dots, a_n)$ and targets.
#[derive(Debug, Clone, PartialEq)]
pub struct SparseData {
    /// One row per example; column 0 is the constant 1 (the bias $w_0$).
    pub x: Array2<f64>,
    pub y: Array1<f64>,
    /// The weights that generated `y`.
    pub w_star: Array1<f64>,
    /// The column of the rare feature.
    pub rare: usize,
}

impl SparseData {
    /// `n` examples of $(1, a_1, a_2, a_3)$: the dense $a_1, a_3$ uniform on the grid
    /// $\\{-s, -0.999s, \dots, s\\}$ (s = `dense_scale`), $a_2 = 1$ with probability
    /// `1/rare_every` and 0 otherwise; $w^\star = (0.5, -1, 2, 1.5)$.
    pub fn generate(n: usize, rare_every: u64, dense_scale: f64, seed: u64) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let w_star = Array1::from(vec![0.5, -1.0, 2.0, 1.5]);
        let mut x = Array2::zeros((n, 4));
        let mut y = Array1::zeros(n);
        let grid = |rng: &mut ChaCha8Rng| {
            dense_scale * ((batching::uniform_below(rng, 2001) as f64 - 1000.0) / 1000.0)
        };
        for i in 0..n {
            let a1 = grid(&mut rng);
            let a2 = if batching::uniform_below(&mut rng, rare_every) == 0 {
                1.0
            } else {
                0.0
            };
            let a3 = grid(&mut rng);
            let row = [1.0, a1, a2, a3];
            let mut target = 0.0;
            for j in 0..4 {
                x[[i, j]] = row[j];
                target += w_star[j] * row[j];
            }
            y[i] = target;
        }
        SparseData {
            x,
            y,
            w_star,
            rare: 2,
        }
    }

    /// The data set the notebook uses: 400 examples, dense features on $\[-5, 5\]$,
    /// $a_2 \ne 0$ on about 1 in 20.
    pub fn standard() -> Self {
        SparseData::generate(400, 20, 5.0, STANDARD_SEED)
    }

    /// [`SparseData::standard`]'s data drawn with another seed.
    pub fn with_seed(seed: u64) -> Self {
        SparseData::generate(400, 20, 5.0, seed)
    }

    pub fn len(&self) -> usize {
        self.y.len()
    }

    pub fn is_empty(&self) -> bool {
        self.y.is_empty()
    }

    /// How many examples have a non-zero rare feature.
    pub fn rare_count(&self) -> usize {
        self.x
            .column(self.rare)
            .iter()
            .filter(|a| **a != 0.0)
            .count()
    }

    fn residual(&self, i: usize, w: ArrayView1<f64>) -> f64 {
        let mut p = 0.0;
        for j in 0..w.len() {
            p += w[j] * self.x[[i, j]];
        }
        p - self.y[i]
    }

    /// Mean squared-error loss $\frac{1}{N}\sum_i \tfrac12 (w\cdot x_i - y_i)^2$.
    pub fn loss(&self, w: ArrayView1<f64>) -> f64 {
        let mut s = 0.0;
        for i in 0..self.len() {
            let r = self.residual(i, w);
            s += 0.5 * (r * r);
        }
        s / self.len() as f64
    }
}

/// Online training: step t sees example $(t-1) \bmod N$ alone (batch size 1), so
/// the gradient of $w_2$ is 0 on every step whose $a_2$ is 0.
pub struct OnlineOracle<'a> {
    pub data: &'a SparseData,
    current: usize,
    calls: u64,
}

impl<'a> OnlineOracle<'a> {
    pub fn new(data: &'a SparseData) -> Self {
        OnlineOracle {
            data,
            current: 0,
            calls: 0,
        }
    }
    /// The example of the current step.
    pub fn current(&self) -> usize {
        self.current
    }
}

impl Oracle for OnlineOracle<'_> {
    fn dim(&self) -> usize {
        self.data.x.ncols()
    }
    fn begin_step(&mut self, t: usize) {
        self.current = (t - 1) % self.data.len();
    }
    fn eval(&mut self, w: ArrayView1<f64>, mut grad: ArrayViewMut1<f64>) -> f64 {
        self.calls += 1;
        let r = self.data.residual(self.current, w);
        for j in 0..w.len() {
            grad[j] = r * self.data.x[[self.current, j]];
        }
        0.5 * (r * r)
    }
    fn loss(&self, w: ArrayView1<f64>) -> f64 {
        self.data.loss(w)
    }
    fn gradient_evaluations(&self) -> u64 {
        self.calls
    }
    fn problem_name(&self) -> String {
        format!(
            "linear unit, {} examples, a₂ ≠ 0 on {}",
            self.data.len(),
            self.data.rare_count()
        )
    }
}
