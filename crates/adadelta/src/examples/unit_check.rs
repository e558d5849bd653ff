//! The units do not match, (b): the unit of each method's $\Delta\theta$,
//! computed by the compiler from typed quantities ([`crate::units`]).

use crate::units::{self, Quantity};
use optcore::Table;

/// The unit of each method's Δθ when θ is in metres and J in joules, as the
/// compiler computes it ([`units`]), on one number: g = 0.5 J/m, H = 0.25 J/m²,
/// E\[g²\] = g², E\[Δθ²\] = 0.04 m², η = 0.1.
pub fn units_table() -> Table {
    let g = Quantity::<units::JoulePerMetre>::new(0.5);
    let h = Quantity::<units::JoulePerSquareMetre>::new(0.25);
    let mut t = Table::new(
        "θ in m, J in joules: g = 0.5 J/m, H = 0.25 J/m², E[g²] = g², E[Δθ²] = 0.04 m², η = 0.1, ε = 0",
        &["method", "Δθ", "value", "unit (from the types)", "θ + Δθ compiles?"],
    );
    let sgd = units::sgd_step(0.1, g);
    let ada = units::adagrad_step(0.1, g * g, g);
    let newton = units::newton_step(g, h);
    let zero_m2 = Quantity::<units::SquareMetre>::new(0.0);
    let zero_g2 = Quantity::<units::SquareJoulePerSquareMetre>::new(0.0);
    let delta = units::adadelta_step(Quantity::new(0.04), g * g, zero_m2, zero_g2, g);
    let rows: [(&str, &str, f64, &str, &str); 4] = [
        (
            "SGD",
            "−η·g",
            sgd.value,
            units::unit_of(&sgd),
            "no (compile_fail doctest)",
        ),
        (
            "Adagrad",
            "−η/√G·g",
            ada.value,
            units::unit_of(&ada),
            "no (compile_fail doctest)",
        ),
        (
            "Newton",
            "−H⁻¹g",
            newton.value,
            units::unit_of(&newton),
            "yes",
        ),
        (
            "Adadelta",
            "−RMS[Δθ]/RMS[g]·g",
            delta.value,
            units::unit_of(&delta),
            "yes",
        ),
    ];
    for (m, f, v, u, ok) in rows {
        t.push(vec![m.into(), f.into(), v.into(), u.into(), ok.into()]);
    }
    let (e_num, e_den) = units::adadelta_eps_units();
    t.with_note(format!(
        "Adadelta's two ε would need the units {e_num} (numerator) and {e_den} (denominator): one plain number is not unit-consistent"
    ))
}
