//! Snapshot tests of `compare::section_sliders`: every position of every
//! section's slider widget (the runs' last rows and stops), and the page
//! fragment's own promises: finite, self-contained, small enough to ship.
use compare::lab::SliderWidget;
use compare::section_sliders as s;
use testkit::snap;

/// A widget's page fragment at most this large (the static edition carries one
/// per section notebook).
const MAX_HTML_BYTES: usize = 400_000;

fn checked(name: &str, w: SliderWidget) -> String {
    let html = w.html().replace("http://www.w3.org/2000/svg", "");
    assert!(html.len() < MAX_HTML_BYTES, "{name}: {} bytes", html.len());
    for bad in ["NaN", "inf", "http://", "https://"] {
        assert!(!html.contains(bad), "{name} contains {bad}");
    }
    w.to_string()
}

macro_rules! widget {
    ($f:ident) => {
        #[test]
        fn $f() {
            snap!(
                concat!("section_slider_", stringify!($f)),
                checked(stringify!($f), s::$f().unwrap())
            );
        }
    };
}

widget!(gd_rate);
widget!(nag_vs_momentum);
widget!(adagrad_rate);
widget!(adadelta_rho);
widget!(rmsprop_rho);
widget!(adam_betas);
widget!(beale_rates);
widget!(cosine_period);

#[test]
fn all_lists_every_widget() {
    assert_eq!(s::all().len(), 8);
}

/// The last loss of run `label` at the position whose first knob is `value`
/// (and, for two knobs, whose second is `second`).
fn last_loss(w: &SliderWidget, value: f64, second: Option<f64>, label: &str) -> (f64, bool) {
    let p = w
        .positions()
        .iter()
        .find(|p| p.values[0] == value && second.is_none_or(|v| p.values[1] == v))
        .unwrap();
    let r = p.runs.iter().find(|r| r.label == label).unwrap();
    (r.losses[r.last_t()], r.stop.is_none())
}

/// Notebook 02's sentence: at η = 0.5 GD runs all its steps (y flips between
/// ±2, J stays near 8), at 0.55 it diverges.
#[test]
fn gd_rate_edge() {
    let w = s::gd_rate().unwrap();
    let (j, ran) = last_loss(&w, 0.5, None, "GD");
    assert!(ran && (j - 8.0).abs() < 1e-3, "{j}");
    assert!(!last_loss(&w, 0.55, None, "GD").1);
}

/// Notebook 04's sentence: from γ = 0.8 on, NAG ends below momentum.
#[test]
fn nag_ends_below_momentum_at_large_gamma() {
    let w = s::nag_vs_momentum().unwrap();
    for g in [0.8, 0.9, 0.95, 0.99] {
        assert!(last_loss(&w, g, None, "NAG").0 < last_loss(&w, g, None, "momentum").0);
    }
}

/// Notebook 05's sentence: no η on the slider makes Adagrad diverge.
#[test]
fn adagrad_never_diverges_on_the_slider() {
    let w = s::adagrad_rate().unwrap();
    assert!(w
        .positions()
        .iter()
        .all(|p| p.runs.iter().all(|r| r.stop.is_none())));
}

/// Notebook 07's sentence: ρ ≤ 0.9 ends rattling (J > 1e-3), ρ ≥ 0.99 settles
/// (J < 1e-10).
#[test]
fn rmsprop_memory() {
    let w = s::rmsprop_rho().unwrap();
    for rho in [0.1, 0.5, 0.9] {
        assert!(last_loss(&w, rho, None, "RMSprop").0 > 1e-3);
    }
    for rho in [0.99, 0.999] {
        assert!(last_loss(&w, rho, None, "RMSprop").0 < 1e-10);
    }
}

/// Notebook 08's sentence: with β₁ = 0.99 Adam is still far from the minimum
/// after 150 steps (J > 0.05 for every β₂); every other β₁ ends below 0.01.
#[test]
fn adam_heavy_beta1() {
    let w = s::adam_betas().unwrap();
    for b2 in [0.9, 0.99, 0.999] {
        assert!(last_loss(&w, 0.99, Some(b2), "Adam").0 > 0.05);
        for b1 in [0.0, 0.5, 0.9] {
            assert!(last_loss(&w, b1, Some(b2), "Adam").0 < 0.01);
        }
    }
}
