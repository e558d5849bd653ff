//! Bad input: hyperparameters outside their domain get a typed error.

use crate::Momentum;
use optcore::render::fmt_num;
use optcore::{Convention, Optimizer, Table};

/// What `Momentum { lr, momentum, ..Momentum::defaults(Paper) }.validated()` answers to bad hyperparameters (the message `optrace`
/// prints too).
pub fn refusals() -> Table {
    let mut t = Table::new(
        "bad hyperparameters are refused with a typed error",
        &[
            "lr",
            "momentum",
            "Momentum { lr, momentum, ..defaults(Paper) }.validated()",
        ],
    );
    for (lr, m) in [
        (0.1, 1.0),
        (0.1, 1.5),
        (0.1, -0.1),
        (0.1, f64::NAN),
        (0.0, 0.9),
        (0.1, 0.9),
    ] {
        let answer = match (Momentum {
            lr,
            momentum: m,
            ..Momentum::defaults(Convention::Paper)
        })
        .validated()
        {
            Ok(opt) => format!("ok: {}", optcore::Optimizer::describe(&opt)),
            Err(e) => format!("Err: {e}"),
        };
        t.push(vec![fmt_num(lr).into(), fmt_num(m).into(), answer.into()]);
    }
    t
}
