//! What notebook 03's prose says of its tables, held to the library.

use momentum::examples::Slide;
use optcore::render::Cell;
use testkit::prose::notebook;

/// The value of the summary row `quantity` in the slide's first table.
fn summary(slide: &Slide, quantity: &str) -> f64 {
    let report = slide.report().unwrap();
    let t = report.tables()[0];
    let row = t
        .rows
        .iter()
        .position(|r| r[0] == Cell::from(quantity))
        .unwrap_or_else(|| panic!("no row {quantity:?} in {:?}", t.title));
    t.column("value").unwrap()[row]
}

/// "the velocity falls below 1 % of v_T only after ⌈ln 0.01/ln γ⌉ = 44 steps on
/// the plane": the simulated count and the formula agree, and the sentence
/// quotes them (it once said the velocity was *still* 1 % after that many).
#[test]
fn the_coast_falls_below_one_percent_when_the_notebook_says() {
    let slide = Slide::lesson();
    let simulated = summary(&slide, "steps on the plane until v < v_T/100 (simulated)");
    let formula = summary(&slide, "⌈ln 0.01 / ln γ⌉");
    assert_eq!(simulated, formula);
    assert_eq!(formula, (0.01f64.ln() / slide.gamma.ln()).ceil());
    let nb = notebook("03-momentum");
    nb.quotes(
        "falls below 1 % of",
        &[format!("= {formula}"), format!("γ = {}", slide.gamma)],
    );
    nb.never_says("the velocity is still 1 %");
}
