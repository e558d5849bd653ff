//! Where ε goes: added to $\sqrt{\hat v}$ (Kingma & Ba, torch) or inside the
//! root (optax's `eps_root`), on the first step of slopes of decreasing gradient.

use crate::{Adam, EpsPlacement};
use ndarray::array;
use optcore::error::{check_nonempty, check_positive, check_steps, Result};
use optcore::{run, Convention, Optimizer, Slope, Table};

/// Adam's first step on slopes of decreasing gradient, ε added to
/// $\sqrt{\hat v}$ (Kingma & Ba, torch) or inside the root (optax's `eps_root`).
#[derive(Clone, Debug, PartialEq)]
pub struct WhereEps {
    /// The step size η (a finite number > 0).
    pub lr: f64,
    /// ε (a finite number ≥ 0).
    pub eps: f64,
    /// The slopes' gradients $|g|$, one row each (finite, > 0, at most
    /// [`super::MAX_TABLE_STEPS`] of them).
    pub gradients: Vec<f64>,
}

impl WhereEps {
    /// The notebook's values: Kingma & Ba's defaults (η = 0.001, ε = 1e-8), |g|
    /// from 1 down to 1e-8.
    pub fn lesson() -> WhereEps {
        let d = Adam::defaults(Convention::Paper);
        WhereEps {
            lr: d.lr,
            eps: d.eps,
            gradients: vec![1.0, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-8],
        }
    }

    /// The first step both ways, per gradient.
    pub fn table(&self) -> Result<Table> {
        let added = Adam {
            lr: self.lr,
            eps: self.eps,
            ..Adam::defaults(Convention::Paper)
        }
        .validated()?;
        let inside = Adam {
            eps_placement: EpsPlacement::InsideRoot,
            ..added
        };
        check_nonempty("gradients", &self.gradients)?;
        check_steps(self.gradients.len(), super::MAX_TABLE_STEPS)?;
        for &c in &self.gradients {
            check_positive("gradients", c)?;
        }
        let mut t = Table::new(
            format!(
                "Adam's first step, η = {}, ε = {:e}: √v̂ + ε vs √(v̂ + ε)",
                added.lr, added.eps
            ),
            &["|g|", "Δθ, √v̂ + ε", "Δθ, √(v̂ + ε)", "inside / added"],
        );
        for &c in &self.gradients {
            let a = run(&added, Slope::new(c), array![0.0].view(), 1)?;
            let b = run(&inside, Slope::new(c), array![0.0].view(), 1)?;
            let (da, db) = (a.rows[1].theta[0], b.rows[1].theta[0]);
            t.push(vec![c.into(), da.into(), db.into(), (db / da).into()]);
        }
        Ok(t.with_note(format!(
            "after the bias correction v̂₁ = g², so the first step is η·g/(|g| + ε) or η·g/√(g² + ε): inside the root ε = {:e} damps every gradient below √ε = {:e}",
            added.eps,
            added.eps.sqrt()
        )))
    }
}
