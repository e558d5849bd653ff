//! Where ε goes: added to $\sqrt{\hat v}$ (Kingma & Ba, torch) or inside the
//! root (optax's `eps_root`), on the first step of slopes of decreasing gradient.

use crate::{Adam, EpsPlacement};
use ndarray::array;
use optcore::error::Result;
use optcore::{run, Convention, Slope, Table};

/// Adam's first step on slopes of decreasing gradient, ε = 1e-8 added to
/// $\sqrt{\hat v}$ (Kingma & Ba, torch) or inside the root (optax's `eps_root`).
pub fn eps_placement() -> Result<Table> {
    let added = Adam::defaults(Convention::Paper);
    let inside = Adam {
        eps_placement: EpsPlacement::InsideRoot,
        ..added
    };
    let mut t = Table::new(
        format!(
            "Adam's first step, η = {}, ε = {:e}: √v̂ + ε vs √(v̂ + ε)",
            added.lr, added.eps
        ),
        &["|g|", "Δθ, √v̂ + ε", "Δθ, √(v̂ + ε)", "inside / added"],
    );
    for c in [1.0, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-8] {
        let a = run(&added, Slope::new(c), array![0.0].view(), 1)?;
        let b = run(&inside, Slope::new(c), array![0.0].view(), 1)?;
        let (da, db) = (a.rows[1].theta[0], b.rows[1].theta[0]);
        t.push(vec![c.into(), da.into(), db.into(), (db / da).into()]);
    }
    Ok(t.with_note(
        "after the bias correction v̂₁ = g², so the first step is η·g/(|g| + ε) or η·g/√(g² + ε): inside the root ε = 1e-8 damps every gradient below √ε = 1e-4",
    ))
}
