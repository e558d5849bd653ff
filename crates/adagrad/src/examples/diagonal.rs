//! $G_t$ is a diagonal matrix: the $G_t$ Adagrad keeps beside the full
//! $\sum_\tau g_\tau g_\tau^\top$ whose diagonal it is, and the post's matrix
//! form of the update.

use super::reference_optimizer;
use crate::Adagrad;
use nalgebra::{DMatrix, DVector};
use ndarray::Array1;
use optcore::error::{check_finite_point, check_steps};
use optcore::measure::step_record;
use optcore::render::Cell;
use optcore::MAX_LESSON_STEPS;
use optcore::{
    fmt_num, reference_start, run_to_completion, Convention, Objective, Optimizer, Quadratic,
    Report, Result, Rosenbrock, Table,
};

fn matrix_table(title: &str, m: &DMatrix<f64>) -> Table {
    let mut header = vec![String::new()];
    header.extend((0..m.ncols()).map(|j| format!("θ[{j}]")));
    let mut t = Table::with_header(title, header);
    for i in 0..m.nrows() {
        let mut row: Vec<Cell> = vec![format!("θ[{i}]").into()];
        row.extend((0..m.ncols()).map(|j| Cell::Num(m[(i, j)])));
        t.push(row);
    }
    t
}

/// After `steps` Adagrad steps on `objective`: $G_t$ as the diagonal matrix the
/// post writes, and the full outer-product sum $\sum_\tau g_\tau g_\tau^\top$
/// (summed with plain loops) whose diagonal it is.
pub fn outer_product_and_diagonal(
    opt: &Adagrad,
    objective: &dyn Objective,
    start: &[f64],
    steps: usize,
) -> Result<(DMatrix<f64>, DMatrix<f64>)> {
    let tr = run_to_completion(opt, objective, Array1::from(start.to_vec()).view(), steps)?;
    let n = objective.dim();
    let mut full = DMatrix::zeros(n, n);
    for row in tr.rows.iter().skip(1) {
        let g = &step_record(row)?.grad;
        for i in 0..n {
            for j in 0..n {
                full[(i, j)] += g[i] * g[j];
            }
        }
    }
    let diag = &step_record(tr.last())?.sum_sq_grad;
    let diagonal = DMatrix::from_diagonal(&DVector::from_iterator(n, diag.iter().copied()));
    Ok((diagonal, full))
}

/// The diagonal $G_t$ next to the full $\sum g g^\top$ on the quadratic (whose
/// Hessian is diagonal) and on Rosenbrock (whose valley couples x and y), with
/// the correlation $G_{01}/\sqrt{G_{00}G_{11}}$ the diagonal throws away.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagonalVsFull {
    /// The global learning rate η: a finite number > 0.
    pub lr: f64,
    /// ε, inside the root: a finite number ≥ 0.
    pub eps: f64,
    /// The start on $0.1x^2 + 2y^2$: finite.
    pub quadratic_start: [f64; 2],
    /// The start on Rosenbrock: finite.
    pub rosenbrock_start: [f64; 2],
    /// Steps of each run: from 1 to [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl DiagonalVsFull {
    /// The notebook's values: the reference case's η = 0.4, ε = 0.1, from
    /// (−5, −2) and (−1.5, 2), 20 steps.
    pub fn lesson() -> DiagonalVsFull {
        let (opt, s) = (reference_optimizer(), reference_start());
        DiagonalVsFull {
            lr: opt.lr,
            eps: opt.eps,
            quadratic_start: [s[0], s[1]],
            rosenbrock_start: [-1.5, 2.0],
            steps: 20,
        }
    }

    /// The matrix form of the last step on the quadratic, then both matrices on
    /// each problem.
    pub fn report(&self) -> Result<Report> {
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        check_finite_point("quadratic_start", &self.quadratic_start)?;
        check_finite_point("rosenbrock_start", &self.rosenbrock_start)?;
        let opt = Adagrad {
            lr: self.lr,
            eps: self.eps,
            ..Adagrad::defaults(Convention::Paper)
        }
        .validated()?;
        let steps = self.steps;
        let mut r = Report::new().text(format!(
            "After {steps} Adagrad steps ({}). Adagrad keeps only the diagonal; \
             the full matrix $G_t = \\sum_\\tau g_\\tau g_\\tau^\\top$ also records how the \
             gradient's components move together.",
            opt.symbols()
        ));
        let cases: [(&str, Box<dyn Objective>, Vec<f64>); 2] = [
            (
                "quadratic 0.1x² + 2y²",
                Box::new(Quadratic::reference()),
                self.quadratic_start.to_vec(),
            ),
            (
                "Rosenbrock",
                Box::new(Rosenbrock::default()),
                self.rosenbrock_start.to_vec(),
            ),
        ];
        // The update as the post writes it with the matrix: Δθ = −(G + εI)^{-1/2} g.
        let tr = run_to_completion(
            &opt,
            Quadratic::reference(),
            ndarray::ArrayView1::from(&self.quadratic_start[..]),
            steps,
        )?;
        let rec = step_record(tr.last())?;
        let inv_root = DMatrix::from_diagonal(&DVector::from_iterator(
            2,
            rec.sum_sq_grad
                .iter()
                .map(|g| opt.lr / (g + opt.eps).sqrt()),
        ));
        let mut by_matrix = Table::new(
            format!("step {steps} on the quadratic: −η(Gₜ + εI)^(−1/2) gₜ with the diagonal matrix vs the element-wise form"),
            &["i", "gₜ,ᵢ", "η/√(Gₜ,ᵢᵢ+ε)", "matrix form Δθᵢ", "element-wise Δθᵢ"],
        );
        for i in 0..2 {
            let mut m = 0.0;
            for j in 0..2 {
                m += inv_root[(i, j)] * rec.grad[j];
            }
            by_matrix.push(vec![
                i.into(),
                rec.grad[i].into(),
                inv_root[(i, i)].into(),
                (-m).into(),
                rec.update[i].into(),
            ]);
        }
        r = r.table(by_matrix);
        for (name, obj, start) in cases {
            let (diagonal, full) = outer_product_and_diagonal(&opt, obj.as_ref(), &start, steps)?;
            let scale = (full[(0, 0)] * full[(1, 1)]).sqrt();
            // A coordinate whose gradient stayed 0 has no correlation to show.
            let corr = if scale > 0.0 && scale.is_finite() {
                fmt_num(full[(0, 1)] / scale)
            } else {
                "undefined (a diagonal entry is 0)".to_string()
            };
            r = r
                .table(matrix_table(&format!("{name}: Gₜ as Adagrad keeps it (diagonal)"), &diagonal))
                .table(matrix_table(&format!("{name}: full Σ g gᵀ"), &full))
                .text(format!(
                    "{name}: off-diagonal $G_{{01}}$ = {}, correlation $G_{{01}}/\\sqrt{{G_{{00}}G_{{11}}}}$ = {}.",
                    fmt_num(full[(0, 1)]),
                    corr
                ));
        }
        Ok(r)
    }
}
