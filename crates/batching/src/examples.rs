//! Worked examples: every table the batching notebook shows, computed here so
//! that the notebook and the snapshot tests show the same numbers.
//!
//! All of them use one problem, softmax regression on Fisher's iris data
//! (standardized features plus a bias column, 3 classes, so $W$ is 3 × 5 = 15
//! numbers), at one fixed, non-trivial $W$ ([`reference_weights`]: a few
//! full-batch gradient steps from $W = 0$). Every random choice is a seeded
//! ChaCha8 shuffle, so every number is the same on every run and machine.

use crate::{shuffle, Batches, LastBatch, MiniBatchOracle};
use ndarray::{Array1, Array2, ArrayView1, ArrayViewMut1, Axis};
use optcore::error::{Error, Result};
use optcore::render::Cell;
use optcore::{iris, ExampleLoss, Objective, Oracle, Report, Softmax, Table};
use rand_chacha::ChaCha8Rng;
use rand_core::SeedableRng;

/// Iris class names, by target index.
pub const SPECIES: [&str; 3] = ["setosa", "versicolor", "virginica"];
/// Number of examples N (the 150 iris flowers).
pub const N: usize = 150;
/// The small case of [`first_epochs`]: N, m and epochs shown.
pub const SMALL_N: usize = 10;
pub const SMALL_M: usize = 4;
pub const SMALL_EPOCHS: usize = 2;
/// The seed of every example's shuffles.
pub const SEED: u64 = 42;
/// The batch sizes the tables run through: powers of two up to 64, then all 150.
pub const BATCH_SIZES: [usize; 8] = [1, 2, 4, 8, 16, 32, 64, 150];
/// Full-batch gradient steps that make [`reference_weights`].
pub const WEIGHT_STEPS: usize = 5;
/// Learning rate of those steps.
pub const WEIGHT_LR: f64 = 0.5;
/// Batch size of the "one mini-batch" example.
pub const DEMO_BATCH: usize = 8;
/// Seeded draws per batch size in [`gradient_variance`].
pub const VARIANCE_DRAWS: usize = 1000;
/// Epochs [`outlier_share`] runs per batch size.
pub const OUTLIER_EPOCHS: usize = 200;

/// The loss of every example: softmax regression on standardized iris with a
/// bias column, 3 classes (15 parameters: row $c$ of $W$ is class $c$'s weights).
pub fn iris_softmax() -> Softmax {
    Softmax::new(iris().standardized().with_bias(), 3).expect("iris targets are 0, 1, 2")
}

/// The $W$ the examples measure at: [`WEIGHT_STEPS`] full-batch gradient steps
/// $W \leftarrow W - \eta\,\nabla L(\mathbf{x}, W)$ with $\eta$ = [`WEIGHT_LR`],
/// from $W = 0$. Partly trained: some flowers are already easy, some still hard.
pub fn reference_weights(loss: &Softmax) -> Array1<f64> {
    let p = loss.num_params();
    let mut w = Array1::zeros(p);
    let mut g = Array1::zeros(p);
    for _ in 0..WEIGHT_STEPS {
        loss.gradient_into(w.view(), g.view_mut());
        w.zip_mut_with(&g, |wi, gi| *wi -= WEIGHT_LR * gi);
    }
    w
}

/// `W[class, feature]`, the name of parameter `k`.
pub fn parameter_name(loss: &Softmax, k: usize) -> String {
    let d = loss.data.features.ncols();
    format!("W[{}, {}]", SPECIES[k / d], loss.data.feature_names[k % d])
}

fn species(loss: &Softmax, i: usize) -> &'static str {
    SPECIES[loss.data.targets[i] as usize]
}

fn norm(v: ArrayView1<f64>) -> f64 {
    v.iter().map(|x| x * x).sum::<f64>().sqrt()
}

fn check_batch_size(m: usize, n: usize) -> Result<()> {
    if m == 0 || m > n {
        Err(Error::BatchSize {
            batch_size: m,
            len: n,
        })
    } else {
        Ok(())
    }
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

/// $L(\mathbf{x}, W) = \frac1m\sum_i L(x_i, W)$ on one seeded mini-batch of size
/// `m`: each example's loss and gradient, their mean computed here, and the batch
/// loss and gradient of [`ExampleLoss::batch_loss_and_gradient`], side by side.
pub fn batch_loss_is_mean(m: usize, seed: u64) -> Result<Report> {
    let loss = iris_softmax();
    let w = reference_weights(&loss);
    let p = loss.num_params();
    let mut batches = Batches::new(loss.len(), m, Some(seed), LastBatch::Keep)?;
    let batch = batches.next_batch().to_vec();

    let mut per_example = Table::new(
        format!("The batch x = [x₁ … x_{m}] (first batch of the epoch, seed {seed})"),
        &["i", "species", "L(xᵢ, W)", "‖∇L(xᵢ, W)‖"],
    );
    let mut grads = Array2::zeros((m, p));
    let mut sum_loss = 0.0;
    for (r, &i) in batch.iter().enumerate() {
        let li = loss.add_example_gradient(i, w.view(), 1.0, grads.row_mut(r));
        sum_loss += li;
        per_example.push(vec![
            i.into(),
            species(&loss, i).into(),
            li.into(),
            norm(grads.row(r)).into(),
        ]);
    }
    let mean_loss = sum_loss / m as f64;
    let mean_grad = grads.sum_axis(Axis(0)).mapv(|x| x / m as f64);

    let mut g = Array1::zeros(p);
    let batch_loss = loss.batch_loss_and_gradient(&batch, w.view(), g.view_mut())?;

    let mut compare = Table::new(
        "Mean of the per-example values vs the batch loss and gradient",
        &["quantity", "(1/m) Σ per example", "batch", "difference"],
    );
    compare.push(vec![
        "L(x, W)".into(),
        mean_loss.into(),
        batch_loss.into(),
        (batch_loss - mean_loss).into(),
    ]);
    let mut max_diff = (batch_loss - mean_loss).abs();
    for k in 0..p {
        let d = g[k] - mean_grad[k];
        max_diff = max_diff.max(d.abs());
        compare.push(vec![
            format!("∂L/∂{}", parameter_name(&loss, k)).into(),
            mean_grad[k].into(),
            g[k].into(),
            d.into(),
        ]);
    }
    // The batch adds up (1/m)·∇L(xᵢ, W); the mean here divides Σ ∇L(xᵢ, W) by m.
    // Both are the same number; in floating point they agree to the last bit when
    // 1/m is a power of two (scaling is then exact) and to rounding otherwise.
    let why = if max_diff == 0.0 && m.is_power_of_two() {
        format!(": identical to the last bit, since 1/m = 1/{m} is a power of two and scaling by it is exact")
    } else if max_diff == 0.0 {
        ": identical to the last bit".to_string()
    } else {
        ": the batch adds (1/m)·∇L(xᵢ, W) while the mean divides Σ ∇L(xᵢ, W) by m, so the two round apart in the last bits".to_string()
    };
    let compare = compare.with_note(format!(
        "largest |difference| = {}{why}",
        optcore::fmt_num(max_diff)
    ));

    Ok(Report::new()
        .text(format!(
            "W: {WEIGHT_STEPS} full-batch gradient steps (η = {WEIGHT_LR}) from W = 0 on {}; full-data loss L = {}.",
            loss.loss_name(),
            optcore::fmt_num(loss.value(w.view()))
        ))
        .table(per_example)
        .table(compare))
}

/// How `n` examples are cut into batches of each size in `sizes`, with the last
/// partial batch kept or dropped. Every count is measured by running one epoch of
/// [`Batches`], not computed from a formula.
pub fn epoch_plan(n: usize, sizes: &[usize], seed: u64) -> Result<Table> {
    let mut t = Table::new(
        format!("One epoch over N = {n} examples"),
        &[
            "m",
            "last batch",
            "updates per epoch",
            "last batch size",
            "examples used",
            "examples dropped",
        ],
    );
    for &m in sizes {
        for last in [LastBatch::Keep, LastBatch::Drop] {
            let mut b = Batches::new(n, m, Some(seed), last)?;
            let epoch = b.next_epoch();
            let used: usize = epoch.iter().map(Vec::len).sum();
            t.push(vec![
                m.into(),
                format!("{last:?}").into(),
                epoch.len().into(),
                epoch.last().map_or(0, Vec::len).into(),
                used.into(),
                (n - used).into(),
            ]);
        }
    }
    Ok(t.with_note("Keep: ⌈N/m⌉ updates, the last one on N mod m examples when m does not divide N. Drop: ⌊N/m⌋ updates of exactly m examples; the N mod m left over are skipped this epoch (a different set each epoch, since every epoch reshuffles)."))
}

fn indices(batch: &[usize]) -> String {
    let items: Vec<String> = batch.iter().map(usize::to_string).collect();
    format!("[{}]", items.join(" "))
}

/// The actual batches of the first `epochs` epochs for a small case: `n`
/// examples, batch size `m`, seeded shuffle, Keep and Drop.
pub fn first_epochs(n: usize, m: usize, epochs: usize, seed: u64) -> Result<Table> {
    let mut t = Table::new(
        format!("The first {epochs} epochs: N = {n}, m = {m}, seed {seed}"),
        &["last batch", "epoch", "batches", "dropped"],
    );
    for last in [LastBatch::Keep, LastBatch::Drop] {
        let mut b = Batches::new(n, m, Some(seed), last)?;
        for e in 1..=epochs {
            let epoch = b.next_epoch();
            let mut used: Vec<usize> = epoch.concat();
            used.sort_unstable();
            let dropped: Vec<usize> = (0..n).filter(|i| used.binary_search(i).is_err()).collect();
            let shown: Vec<String> = epoch.iter().map(|x| indices(x)).collect();
            t.push(vec![
                format!("{last:?}").into(),
                e.into(),
                shown.join(" ").into(),
                indices(&dropped).into(),
            ]);
        }
    }
    Ok(t.with_note(
        "Same seed, same first shuffle: Keep and Drop see the same order; Drop skips its tail.",
    ))
}

/// The cost of one update, counted by [`MiniBatchOracle`]'s per-example gradient
/// counter while it serves one epoch of updates (last batch kept).
pub fn update_cost(sizes: &[usize], seed: u64) -> Result<Table> {
    let loss = iris_softmax();
    let n = loss.len();
    let w = reference_weights(&loss);
    let mut g = Array1::zeros(loss.num_params());
    let mut t = Table::new(
        format!("Per-example gradient evaluations ∇L(xᵢ, W), counted (N = {n})"),
        &[
            "m",
            "evaluations for update 1",
            "updates per epoch",
            "evaluations per epoch",
            "mean evaluations per update",
        ],
    );
    for &m in sizes {
        let batches = Batches::new(n, m, Some(seed), LastBatch::Keep)?;
        let updates = batches.batches_per_epoch();
        let mut oracle = MiniBatchOracle::new(&loss, batches);
        let mut first = 0;
        for step in 1..=updates {
            oracle.begin_step(step);
            oracle.eval(w.view(), g.view_mut());
            if step == 1 {
                first = oracle.gradient_evaluations();
            }
        }
        let total = oracle.gradient_evaluations();
        t.push(vec![
            m.into(),
            first.into(),
            updates.into(),
            total.into(),
            (total as f64 / updates as f64).into(),
        ]);
    }
    Ok(t.with_note("One update costs m gradient evaluations; one epoch costs N whatever m is. A smaller m buys more updates for the same work."))
}

/// The example with the largest loss $L(x_i, W)$ at the reference weights (the
/// first one on a tie).
pub fn hardest_example(loss: &Softmax, w: ArrayView1<f64>) -> usize {
    let mut best = 0;
    let mut best_loss = f64::NEG_INFINITY;
    for i in 0..loss.len() {
        let l = loss.example_loss(i, w);
        if l > best_loss {
            best = i;
            best_loss = l;
        }
    }
    best
}

/// A hard example's share of the batch it sits in, for each batch size: over
/// [`OUTLIER_EPOCHS`] seeded epochs (last batch dropped, so every batch has
/// exactly m examples), the batches that contain the hardest example, averaged.
pub fn outlier_share(sizes: &[usize], epochs: usize, seed: u64) -> Result<Report> {
    let loss = iris_softmax();
    let n = loss.len();
    let p = loss.num_params();
    let w = reference_weights(&loss);
    let hard = hardest_example(&loss, w.view());
    let mut g_hard = Array1::zeros(p);
    let l_hard = loss.add_example_gradient(hard, w.view(), 1.0, g_hard.view_mut());
    let g_hard_norm = norm(g_hard.view());
    let full = loss.value(w.view());
    let full_grad_norm = norm(loss.gradient(w.view()).view());
    let predicted = {
        let mut z = [0.0; 3];
        let d = loss.data.features.ncols();
        for (c, zc) in z.iter_mut().enumerate() {
            *zc = (0..d)
                .map(|j| w[c * d + j] * loss.data.features[(hard, j)])
                .sum();
        }
        (0..3).fold(0, |b, c| if z[c] > z[b] { c } else { b })
    };

    let mut t = Table::new(
        format!(
            "Share of example {hard} in the batches that contain it ({epochs} epochs, seed {seed})"
        ),
        &[
            "m",
            "batches with it",
            "1/m",
            "loss share",
            "gradient share",
            "m × gradient share",
            "cos(ĝ_B, ∇L(x_hard, W))",
        ],
    );
    let mut g = Array1::zeros(p);
    for &m in sizes {
        let mut b = Batches::new(n, m, Some(seed), LastBatch::Drop)?;
        let (mut count, mut loss_share, mut grad_share, mut cos) = (0usize, 0.0, 0.0, 0.0);
        for _ in 0..epochs {
            for batch in b.next_epoch() {
                if !batch.contains(&hard) {
                    continue;
                }
                let lb = loss.batch_loss_and_gradient(&batch, w.view(), g.view_mut())?;
                let gn = norm(g.view());
                let mf = m as f64;
                count += 1;
                loss_share += (l_hard / mf) / lb;
                grad_share += (g_hard_norm / mf) / gn;
                cos += g.iter().zip(g_hard.iter()).map(|(a, b)| a * b).sum::<f64>()
                    / (gn * g_hard_norm);
            }
        }
        let c = count as f64;
        t.push(vec![
            m.into(),
            count.into(),
            (1.0 / m as f64).into(),
            (loss_share / c).into(),
            (grad_share / c).into(),
            (m as f64 * grad_share / c).into(),
            (cos / c).into(),
        ]);
    }
    let t = t.with_note("loss share = (1/m)·L(x_hard, W) / L(x_B, W); gradient share = ‖(1/m)·∇L(x_hard, W)‖ / ‖ĝ_B‖; both averaged over the batches containing the hard example. Its weight in the mean is exactly 1/m. While m is small the hard example is most of its batch; as m grows the rest of the batch approaches the full gradient, the share approaches ‖∇L(x_hard, W)‖ / (m·‖∇L(x, W)‖) and m × share levels off at that ratio; the cosine shows the averaged step no longer points to where the hard example wants to go.");
    Ok(Report::new()
        .text(format!(
            "The hardest example at W: flower {hard}, a {} the model calls {} (L(x_hard, W) = {}, ‖∇L(x_hard, W)‖ = {}); the mean loss over all {n} flowers is {} and ‖∇L(x, W)‖ = {}, so ‖∇L(x_hard, W)‖ / ‖∇L(x, W)‖ = {}.",
            species(&loss, hard),
            SPECIES[predicted],
            optcore::fmt_num(l_hard),
            optcore::fmt_num(g_hard_norm),
            optcore::fmt_num(full),
            optcore::fmt_num(full_grad_norm),
            optcore::fmt_num(g_hard_norm / full_grad_norm),
        ))
        .table(t))
}

/// One batch size of [`gradient_variance`].
#[derive(Debug, Clone, PartialEq)]
pub struct VarianceRow {
    pub m: usize,
    /// Mean of $\|\hat g_B - \nabla L\|^2$ over the draws.
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
    /// $\sigma^2 = \frac1N\sum_i \|\nabla L(x_i, W) - \nabla L(\mathbf{x}, W)\|^2$.
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
    pub fn plot_series(&self) -> Vec<(String, Vec<(f64, f64)>)> {
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

/// For each `m`, `draws` mini-batches drawn without replacement (each a fresh
/// seeded shuffle, first m indices), and $\|\hat g_B - \nabla L(\mathbf{x}, W)\|^2$
/// averaged, next to its exact expectation $\frac{\sigma^2}{m}\cdot\frac{N-m}{N-1}$.
pub fn gradient_variance(sizes: &[usize], draws: usize, seed: u64) -> Result<VarianceStudy> {
    if draws < 2 {
        return Err(Error::Hyperparameter {
            name: "draws",
            value: draws as f64,
            accepts: "at least 2 (for a standard error)",
        });
    }
    let loss = iris_softmax();
    let n = loss.len();
    for &m in sizes {
        check_batch_size(m, n)?;
    }
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
            formula: sigma2 / m as f64 * (n - m) as f64 / (n - 1) as f64,
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

    #[test]
    fn batch_mean_equals_batch_loss_and_gradient() {
        let r = batch_loss_is_mean(DEMO_BATCH, SEED).unwrap();
        let compare = r.tables()[1];
        let mean = compare.column("(1/m) Σ per example").unwrap();
        let batch = compare.column("batch").unwrap();
        assert_eq!(mean.len(), 1 + 15);
        for (a, b) in mean.iter().zip(&batch) {
            assert!((a - b).abs() <= 1e-15, "{a} vs {b}");
        }
        // The per-example table lists the m examples and their losses average to L(x, W).
        let losses = r.tables()[0].column("L(xᵢ, W)").unwrap();
        assert_eq!(losses.len(), DEMO_BATCH);
        let m = losses.iter().sum::<f64>() / DEMO_BATCH as f64;
        assert!((m - batch[0]).abs() <= 1e-15);
    }

    #[test]
    fn n_is_the_size_of_iris() {
        assert_eq!(iris_softmax().len(), N);
        assert_eq!(*BATCH_SIZES.last().unwrap(), N);
    }

    #[test]
    fn full_batch_mean_of_rows_is_the_gradient() {
        let loss = iris_softmax();
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
        iris_softmax().value(Array1::zeros(15).view())
    }

    #[test]
    fn epoch_plan_counts_match_the_formulas() {
        let n = 150;
        let t = epoch_plan(n, &BATCH_SIZES, SEED).unwrap();
        let m = t.column("m").unwrap();
        let updates = t.column("updates per epoch").unwrap();
        let last = t.column("last batch size").unwrap();
        let dropped = t.column("examples dropped").unwrap();
        for (r, &mf) in m.iter().enumerate() {
            let mm = mf as usize;
            let keep = r % 2 == 0;
            let b = Batches::new(
                n,
                mm,
                None,
                if keep {
                    LastBatch::Keep
                } else {
                    LastBatch::Drop
                },
            )
            .unwrap();
            assert_eq!(
                updates[r] as usize,
                if keep { n.div_ceil(mm) } else { n / mm }
            );
            assert_eq!(updates[r] as usize, b.batches_per_epoch());
            assert_eq!(last[r] as usize, b.last_batch_size());
            assert_eq!(dropped[r] as usize, b.dropped_per_epoch());
            assert_eq!(dropped[r] as usize, if keep { 0 } else { n % mm });
        }
    }

    #[test]
    fn one_update_costs_m_evaluations() {
        let t = update_cost(&BATCH_SIZES, SEED).unwrap();
        let m = t.column("m").unwrap();
        let first = t.column("evaluations for update 1").unwrap();
        let epoch = t.column("evaluations per epoch").unwrap();
        assert_eq!(m, first);
        assert!(epoch.iter().all(|&e| e == 150.0));
    }

    #[test]
    fn hard_share_falls_like_one_over_m() {
        let r = outlier_share(&BATCH_SIZES, 50, SEED).unwrap();
        let t = r.tables()[0];
        let share = t.column("gradient share").unwrap();
        let loss_share = t.column("loss share").unwrap();
        // Alone in its batch, the hard example is the whole batch.
        assert_eq!(share[0], 1.0);
        assert_eq!(loss_share[0], 1.0);
        assert!(share.windows(2).all(|w| w[1] < w[0]), "{share:?}");
        assert!(t
            .column("batches with it")
            .unwrap()
            .iter()
            .all(|&c| c > 0.0));
    }

    #[test]
    fn variance_matches_the_finite_population_formula() {
        let s = gradient_variance(&BATCH_SIZES, VARIANCE_DRAWS, SEED).unwrap();
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
    fn bad_batch_sizes_are_errors() {
        for m in [0, 151] {
            let want = Error::BatchSize {
                batch_size: m,
                len: 150,
            };
            assert_eq!(batch_loss_is_mean(m, SEED).unwrap_err(), want);
            assert_eq!(epoch_plan(150, &[m], SEED).unwrap_err(), want);
            assert_eq!(update_cost(&[m], SEED).unwrap_err(), want);
            assert_eq!(outlier_share(&[m], 1, SEED).unwrap_err(), want);
            assert_eq!(gradient_variance(&[m], 10, SEED).unwrap_err(), want);
        }
        assert!(gradient_variance(&[1], 1, SEED).is_err());
        assert!(first_epochs(10, 0, 1, SEED).is_err());
    }
}
