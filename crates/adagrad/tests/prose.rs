//! What notebook 05's prose says of its tables, held to the library.

use adagrad::examples::SparseRates;
use optcore::render::fmt_sig;
use testkit::prose::notebook;

/// The erratum: "in this run (η = 0.5) its first rare step leaves G₂₂ = … < 1,
/// so its rate is still … η" — the numbers of the `against_eta` table's second
/// row (w₂'s first step with a₂ ≠ 0), and the claim that the rate is above η
/// exactly when G + ε < 1.
#[test]
fn the_erratum_quotes_the_rare_weights_first_rate() {
    let rates = SparseRates::lesson();
    let t = rates.against_eta().unwrap();
    let g = t.column("Gₜ,ᵢᵢ").unwrap();
    let ratio = t.column("rate / η").unwrap();
    let first_rare = 1;
    assert!(g[first_rare] + rates.eps < 1.0 && ratio[first_rare] > 1.0);
    for (g, r) in g.iter().zip(&ratio) {
        assert_eq!(g + rates.eps < 1.0, *r > 1.0, "G = {g}, rate/η = {r}");
    }
    notebook("05-adagrad").quotes(
        "its first rare step leaves",
        &[
            format!("η = {}", rates.lr),
            format!("G_{{t,22}} = {} < 1", fmt_sig(g[first_rare], 4)),
            format!("still {} η", fmt_sig(ratio[first_rare], 4)),
        ],
    );
}
