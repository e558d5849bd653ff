//! What notebook 00's prose says of its first-steps table, held to the library.

use compare::overview::first_steps;
use optcore::reference_start;
use optcore::render::fmt_sig;
use testkit::prose::notebook;

/// The first step of `method`, per coordinate: |θ₁ − θ₀|.
fn first_step(method: &str) -> (f64, f64) {
    let t = first_steps().unwrap();
    let row = t.rows.iter().position(|r| r[0] == method.into()).unwrap();
    let (x1, y1) = (t.column("x₁").unwrap()[row], t.column("y₁").unwrap()[row]);
    let start = reference_start();
    ((x1 - start[0]).abs(), (y1 - start[1]).abs())
}

/// The value of `symbol` in `method`'s hyperparameters column ("η = 0.1, ρ = 0.9, …").
fn setting(method: &str, symbol: &str) -> f64 {
    let t = first_steps().unwrap();
    let row = t.rows.iter().find(|r| r[0] == method.into()).unwrap();
    let optcore::render::Cell::Text(text) = &row[1] else {
        panic!("{method}: no hyperparameters column")
    };
    text.split(", ")
        .find_map(|kv| kv.strip_prefix(&format!("{symbol} = ")))
        .unwrap_or_else(|| panic!("{method}: no {symbol} in {text:?}"))
        .parse()
        .unwrap()
}

/// "The adaptive methods move both coordinates by the same amount, whatever
/// the gradient's size … η for Adagrad and Adam, η/√(1 − ρ) = … for RMSprop,
/// (1 + β₁)η = … for NAdam" — and no longer "by about η" for every one.
#[test]
fn the_adaptive_first_steps_are_as_the_overview_says() {
    // The overview's settings, as its table prints them.
    let eta = setting("RMSprop", "η");
    let rho = setting("RMSprop", "ρ");
    let beta1 = setting("NAdam", "β₁");
    for (method, factor) in [
        ("Adagrad", 1.0),
        ("Adam", 1.0),
        ("RMSprop", 1.0 / (1.0 - rho).sqrt()),
        ("NAdam", 1.0 + beta1),
    ] {
        let (x, y) = first_step(method);
        assert!((x / y - 1.0).abs() < 1e-6, "{method}: {x} vs {y}");
        assert!(
            (x / (factor * eta) - 1.0).abs() < 1e-6,
            "{method}: {x} vs {factor}η"
        );
    }
    let nb = notebook("00-overview");
    nb.quotes(
        "The adaptive methods move both coordinates by the same amount",
        &[
            fmt_sig(first_step("RMSprop").0, 4),
            fmt_sig(first_step("NAdam").0, 4),
        ],
    );
    nb.never_says("moves every coordinate by about η");
    notebook("00-overview.ko").never_says("좌표마다 거의 η만큼");
    // Adadelta, without η: "barely moves", its first step under a twentieth of η.
    assert!(first_step("Adadelta").0 < 0.05 * eta);
}
