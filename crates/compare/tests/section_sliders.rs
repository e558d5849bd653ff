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
