//! Snapshot tests of `compare::lab`: the tables and figure summaries a
//! notebook's experiment cells show.
use compare::lab::*;
use testkit::snap;

/// A figure's frame and the series it draws: what a snapshot pins of a figure
/// (the SVG bytes stay free to change).
fn figure_text(runs: &Runs, fig: &plots::Figure) -> String {
    let (x, y) = runs.frame().unwrap();
    format!(
        "frame: x {x:?}, y {y:?}\n{}",
        plots::series_summary(&runs.title(), fig.data())
    )
}

fn paper<O>(f: impl FnOnce(Convention) -> O) -> O {
    f(Convention::Paper)
}

/// GD, Momentum and Adam on Beale from its usual start (1, 1.5), the rates of
/// the comparison ([`compare::Setup`]'s `lr_fixed` and `lr_adaptive`).
#[test]
fn lab_beale_table() {
    let s = Problem::Beale.setup();
    let runs = Lab::new(Problem::Beale)
        .with(
            "GD",
            Sgd {
                lr: s.lr_fixed,
                ..paper(Sgd::defaults)
            },
        )
        .with(
            "Momentum",
            Momentum {
                lr: s.lr_fixed,
                momentum: 0.9,
                ..paper(Momentum::defaults)
            },
        )
        .with(
            "Adam",
            Adam {
                lr: s.lr_adaptive,
                ..paper(Adam::defaults)
            },
        )
        .run()
        .unwrap();
    snap!("lab_beale_table", runs.to_string());
}

/// GD with η = 0.6 on 0.1x² + 2y² overshoots y by the factor 1 − 4η = −1.4 each
/// step and diverges; Adam with the same η does not.
fn diverging() -> Runs {
    Lab::new(Problem::Quadratic)
        .steps(60)
        .with(
            "GD η = 0.6",
            Sgd {
                lr: 0.6,
                ..paper(Sgd::defaults)
            },
        )
        .with(
            "Adam",
            Adam {
                lr: 0.6,
                ..paper(Adam::defaults)
            },
        )
        .run()
        .unwrap()
}

#[test]
fn lab_diverging_table() {
    snap!("lab_diverging_table", diverging().to_string());
}

#[test]
fn lab_diverging_contour() {
    let runs = diverging();
    let fig = runs.contour().unwrap();
    snap!("lab_diverging_contour", figure_text(&runs, &fig));
}

/// J = (x − 1)² + 10 (y + 2)², written by hand with its gradient.
fn bowl(right: bool) -> FnObjective {
    FnObjective::new(
        "my bowl",
        2,
        |t: ArrayView1<f64>| (t[0] - 1.0) * (t[0] - 1.0) + 10.0 * (t[1] + 2.0) * (t[1] + 2.0),
        move |t: ArrayView1<f64>, mut g: ArrayViewMut1<f64>| {
            g[0] = 2.0 * (t[0] - 1.0);
            // The slip: the factor 2 of the square dropped.
            g[1] = if right { 20.0 } else { 10.0 } * (t[1] + 2.0);
        },
    )
}

#[test]
fn lab_student_gradient() {
    let runs = Lab::on(bowl(true))
        .start([-2.0, 1.0])
        .steps(80)
        .with(
            "GD",
            Sgd {
                lr: 0.04,
                ..paper(Sgd::defaults)
            },
        )
        .with(
            "Adam",
            Adam {
                lr: 0.2,
                ..paper(Adam::defaults)
            },
        )
        .run()
        .unwrap();
    snap!("lab_student_gradient", runs.to_string());
}

#[test]
fn lab_student_wrong_gradient() {
    let refused = Lab::on(bowl(false))
        .start([-2.0, 1.0])
        .with(
            "GD",
            Sgd {
                lr: 0.04,
                ..paper(Sgd::defaults)
            },
        )
        .run()
        .unwrap_err();
    assert!(matches!(refused, Error::Gradient { coordinate: 1, .. }));
    snap!("lab_student_wrong_gradient", refused.to_string());
}
