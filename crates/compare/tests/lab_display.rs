//! How a lab's results show in a notebook: evcxr calls `evcxr_display` on a
//! cell's last value, and it must print the picture or the table, whether the
//! value is moved, borrowed or cloned into that expression.
use compare::lab::*;

fn runs() -> Runs {
    Lab::new(Problem::Quadratic)
        .steps(20)
        .with(
            "GD",
            Sgd {
                lr: 0.1,
                ..Sgd::defaults(Convention::Paper)
            },
        )
        .run()
        .unwrap()
}

const BEGIN: &str = "EVCXR_BEGIN_CONTENT text/html\n";
const END: &str = "\nEVCXR_END_CONTENT";

#[test]
fn a_figure_displays_as_svg_moved_borrowed_or_cloned() {
    let fig = runs().contour().unwrap();
    let shown = fig.evcxr_content();
    assert_eq!(shown, format!("{BEGIN}<div>{}</div>{END}", fig.svg()));
    assert!(fig.svg().starts_with("<svg"));
    // Method syntax reaches the same display through a borrow or a clone.
    // (evcxr calls `evcxr_display` on the cell's value as written: `fig`,
    // `&fig`, `fig.clone()`.)
    let borrowed: &plots::Figure = &fig;
    let twice: &&plots::Figure = &borrowed;
    assert_eq!(borrowed.evcxr_content(), shown);
    assert_eq!(twice.evcxr_content(), shown);
    assert_eq!(fig.clone().evcxr_content(), shown);
    borrowed.evcxr_display();
    // Only Debug is the one-line form; Display is the SVG itself.
    assert!(format!("{fig:?}").starts_with("Figure("));
    assert_eq!(fig.to_string(), fig.svg());
}

#[test]
fn runs_display_as_the_table() {
    let r = runs();
    let shown = r.evcxr_content();
    assert_eq!(shown, format!("{BEGIN}{}{END}", r.table().to_html()));
    let borrowed: &Runs = &r;
    assert_eq!(borrowed.evcxr_content(), shown);
    r.evcxr_display();
    assert_eq!(r.to_string(), r.table().to_string());
}

#[test]
fn loss_chart_and_animation_render() {
    let r = runs();
    assert!(r.loss_chart().unwrap().svg().starts_with("<svg"));
    let a = r.animation().unwrap();
    assert_eq!(a.svg().matches("<animateTransform").count(), 1);
}

/// The lab's numbers are the comparison's: the same optimizer on the same
/// problem through `compare::runs` gives the same losses and path.
#[test]
fn the_lab_agrees_with_the_comparison() {
    let s = Problem::Beale.setup();
    let lab = Lab::new(Problem::Beale)
        .with(
            "GD",
            Sgd {
                lr: s.lr_fixed,
                ..Sgd::defaults(Convention::Paper)
            },
        )
        .run()
        .unwrap();
    let reference = &compare::runs(Problem::Beale).unwrap()[0];
    let gd = lab.get("GD").unwrap();
    assert_eq!(gd.losses, reference.losses);
    assert_eq!(gd.path2(), reference.path);
}

/// A diverging run's contour keeps the start and the minimum in view and has
/// a stop mark; its legend says where it diverged.
#[test]
fn a_diverged_run_is_marked() {
    let r = Lab::new(Problem::Quadratic)
        .steps(60)
        .with(
            "GD",
            Sgd {
                lr: 0.6,
                ..Sgd::defaults(Convention::Paper)
            },
        )
        .run()
        .unwrap();
    let ((x0, x1), (y0, y1)) = r.frame().unwrap();
    let start = optcore::reference_start();
    for (x, y) in [(start[0], start[1]), (0.0, 0.0)] {
        assert!(x0 <= x && x <= x1 && y0 <= y && y <= y1);
    }
    let fig = r.contour().unwrap();
    assert!(
        fig.data()[0].0.ends_with("diverged at t = 18"),
        "{}",
        fig.data()[0].0
    );
    let unmarked = plots::Contour::new(&optcore::Quadratic::reference(), (x0, x1), (y0, y1))
        .levels(CONTOUR_LEVELS)
        .size(CONTOUR_SIZE.0, CONTOUR_SIZE.1)
        .title(r.title())
        .path(r.runs()[0].legend(), r.runs()[0].path2())
        .render()
        .unwrap();
    assert!(fig.svg().len() > unmarked.svg().len(), "no stop mark drawn");
}

/// An objective without a known minimum (the saddle) frames around its start;
/// one that is not two-dimensional has a table but no contour plot.
#[test]
fn saddle_and_one_dimensional_objectives() {
    let r = Lab::on(Saddle)
        .start([1.0, 1e-3])
        .steps(60)
        .with(
            "GD",
            Sgd {
                lr: 0.1,
                ..Sgd::defaults(Convention::Paper)
            },
        )
        .run()
        .unwrap();
    let ((x0, x1), (y0, y1)) = r.frame().unwrap();
    assert!(x0 < 1.0 && 1.0 < x1 && y0 < 1e-3 && 1e-3 < y1);
    assert!(r.contour().is_ok());
    // J = x² − y² goes below 0: the loss chart falls back to a linear axis.
    assert!(r.loss_chart().is_ok());

    let line = FnObjective::new(
        "parabola",
        1,
        |t: ArrayView1<f64>| t[0] * t[0],
        |t: ArrayView1<f64>, mut g: ArrayViewMut1<f64>| g[0] = 2.0 * t[0],
    );
    let r = Lab::on(line)
        .start([3.0])
        .with(
            "GD",
            Sgd {
                lr: 0.1,
                ..Sgd::defaults(Convention::Paper)
            },
        )
        .run()
        .unwrap();
    assert_eq!(r.table().rows.len(), 1);
    assert!(matches!(
        r.contour(),
        Err(Error::Dimension {
            expected: 2,
            found: 1,
            ..
        })
    ));
    assert!(r.loss_chart().is_ok());
}
