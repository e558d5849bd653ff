//! Behaviour of the figures: marching squares on a known function, determinism,
//! labels, and errors (never panics) on bad input.
use optcore::ndarray::ArrayView1;
use optcore::{Error, FnObjective, Objective, Quadratic, Rosenbrock};
use plots::contour::{contour_lines, geometric_levels, Grid};
use plots::{loss_curves, Contour, LineChart};

/// $x^2 + y^2$ as a closure objective.
fn bowl() -> FnObjective {
    FnObjective::new(
        "bowl",
        2,
        |t: ArrayView1<f64>| t[0] * t[0] + t[1] * t[1],
        |t: ArrayView1<f64>, mut g: optcore::ndarray::ArrayViewMut1<f64>| {
            g[0] = 2.0 * t[0];
            g[1] = 2.0 * t[1];
        },
    )
}

#[test]
fn marching_squares_finds_the_circle() {
    let f = bowl();
    let grid = Grid::sample(&f, (-2.0, 2.0), (-2.0, 2.0), 81).unwrap();
    let h = 4.0 / 80.0;
    for r in [0.5f64, 1.0, 1.7] {
        let lines = contour_lines(&grid, r * r);
        // One closed line: first point repeated at the end.
        assert_eq!(lines.len(), 1, "r = {r}");
        let line = &lines[0];
        assert_eq!(line.first(), line.last());
        // Around the whole circle: roughly 2πr/h crossings or more.
        assert!(
            line.len() as f64 > 2.0 * std::f64::consts::PI * r / h,
            "{} points",
            line.len()
        );
        // Linear interpolation of a smooth function: error O(h²), far below h.
        for &(x, y) in line {
            let d = ((x * x + y * y).sqrt() - r).abs();
            assert!(
                d < 0.1 * h,
                "({x}, {y}) is {d} off the circle of radius {r}"
            );
        }
    }
    // A level above the grid's maximum or below its minimum: nothing.
    assert!(contour_lines(&grid, 100.0).is_empty());
    assert!(contour_lines(&grid, -1.0).is_empty());
    assert!(contour_lines(&grid, f64::NAN).is_empty());
}

#[test]
fn marching_squares_opens_lines_at_the_border_and_at_holes() {
    // Level 1 of x²+y² on [0, 2]²: a quarter circle from border to border.
    let grid = Grid::sample(&bowl(), (0.0, 2.0), (0.0, 2.0), 41).unwrap();
    let lines = contour_lines(&grid, 1.0);
    assert_eq!(lines.len(), 1);
    let (a, b) = (lines[0][0], *lines[0].last().unwrap());
    assert!(a != b);
    for p in [a, b] {
        assert!(
            p.0.abs() < 1e-12 || p.1.abs() < 1e-12,
            "{p:?} not on the border"
        );
    }
    // A NaN hole: the circle is cut open there, and nothing panics.
    let mut holed = Grid::sample(&bowl(), (-2.0, 2.0), (-2.0, 2.0), 41).unwrap();
    holed.values[20 * 41 + 30] = f64::NAN; // (1.0, 0.0) sits on the circle of radius 1
    let lines = contour_lines(&holed, 1.0);
    assert_eq!(lines.len(), 1);
    assert_ne!(lines[0].first(), lines[0].last());
}

#[test]
fn saddle_cells_are_resolved_consistently() {
    // x·y has a saddle at 0: level ±0.25 gives four hyperbola branches, never
    // crossing each other.
    let f = FnObjective::new("saddle", 2, |t: ArrayView1<f64>| t[0] * t[1], |_, _| {});
    let grid = Grid::sample(&f, (-1.0, 1.0), (-1.0, 1.0), 21).unwrap();
    assert_eq!(contour_lines(&grid, 0.25).len(), 2);
    assert_eq!(contour_lines(&grid, -0.25).len(), 2);
    for line in contour_lines(&grid, 0.25) {
        for &(x, y) in &line {
            assert!(x * y > 0.2 && x * y < 0.3, "({x}, {y})");
        }
    }
}

#[test]
fn levels_are_geometric_above_the_minimum() {
    let values = [2.0, 3.0, 1002.0];
    let levels = geometric_levels(&values, 3, 1e-3).unwrap();
    // lo + ℓ (R/ℓ)^(k/n) with lo = 2, R = 1000, ℓ = 1: 2 + 1, 2 + 10, 2 + 100.
    let expected = [3.0, 12.0, 102.0];
    for (l, e) in levels.iter().zip(expected) {
        assert!((l - e).abs() < 1e-9 * e, "{l} vs {e}");
    }
    assert!(geometric_levels(&[1.0, 1.0], 3, 1e-3).is_err());
    assert!(geometric_levels(&[f64::NAN], 3, 1e-3).is_err());
    assert!(geometric_levels(&values, 0, 1e-3).is_err());
}

fn quadratic_figure(q: &Quadratic) -> plots::Contour<'_> {
    Contour::new(q, (-10.0, 10.0), (-3.0, 3.0))
        .path(
            "GD",
            vec![(-9.0, 2.5), (-8.28, -1.5), (-7.6, 0.9), (-7.0, -0.5)],
        )
        .path("Momentum", vec![(-9.0, 2.5), (-7.0, 1.0), (-4.0, 0.2)])
        .arrow("momentum step", (-7.0, 1.0), (-5.0, 0.5))
        .arrow("gradient at lookahead", (-5.0, 0.5), (-4.0, 0.2))
        .note("θₜ", (-7.0, 1.0))
        .note("outside, not drawn", (50.0, 0.0))
}

#[test]
fn rendering_twice_gives_the_same_bytes() {
    let q = Quadratic::reference();
    let a = quadratic_figure(&q).render().unwrap();
    let b = quadratic_figure(&q).render().unwrap();
    assert_eq!(a.svg(), b.svg());
    let c = loss_curves(
        "loss",
        &[("a", vec![3.0, 2.0, 1.0]), ("b", vec![3.0, 1.0, 0.1])],
        true,
    )
    .unwrap();
    let d = loss_curves(
        "loss",
        &[("a", vec![3.0, 2.0, 1.0]), ("b", vec![3.0, 1.0, 0.1])],
        true,
    )
    .unwrap();
    assert_eq!(c, d);
}

#[test]
fn labels_titles_and_legend_are_in_the_svg() {
    let q = Quadratic::reference();
    let svg = quadratic_figure(&q)
        .title("NAG vs momentum")
        .render()
        .unwrap()
        .to_string();
    for text in [
        "NAG vs momentum",
        "GD",
        "Momentum",
        "momentum step",
        "gradient at lookahead",
        "minimum (0, 0)",
        "θ[0]",
        "θ[1]",
    ] {
        assert!(svg.contains(text), "{text} missing");
    }
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    let fig = LineChart::new("Loss <curves> & more")
        .x_label("step t")
        .y_label("J(θₜ)")
        .series("lr = 0.1", vec![(0.0, 1.0), (1.0, 0.5)])
        .series("lr = 0.4", vec![(0.0, 1.0), (1.0, 0.25)])
        .render()
        .unwrap();
    for text in [
        "Loss &lt;curves&gt; &amp; more",
        "step t",
        "J(θₜ)",
        "lr = 0.1",
        "lr = 0.4",
    ] {
        assert!(fig.svg().contains(text), "{text} missing");
    }
    assert_eq!(fig.size(), (640, 480));
    assert_eq!(
        format!("{fig:?}"),
        format!("Figure(640 × 480, {} bytes of SVG)", fig.svg().len())
    );
    assert!(fig.to_html().starts_with("<div><svg"));
}

#[test]
fn figures_stay_small() {
    // Rosenbrock with 15 levels and a 2000-step path: contour polylines are
    // joined, markers thinned.
    let r = Rosenbrock::default();
    let path: Vec<(f64, f64)> = (0..2001)
        .map(|i| (-1.5 + i as f64 * 1e-3, 2.0 - i as f64 * 5e-4))
        .collect();
    let fig = Contour::new(&r, (-2.0, 2.0), (-1.0, 3.0))
        .levels(15)
        .path("long", path)
        .render()
        .unwrap();
    assert!(fig.svg().len() < 150_000, "{} bytes", fig.svg().len());
    assert!(fig.svg().matches("<circle").count() < 200);
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    let q = Quadratic::reference();
    let bad_ranges = [
        (1.0, 1.0),
        (2.0, 1.0),
        (f64::NAN, 1.0),
        (0.0, f64::INFINITY),
    ];
    for r in bad_ranges {
        assert!(matches!(
            Contour::new(&q, r, (-1.0, 1.0)).render(),
            Err(Error::Hyperparameter { .. })
        ));
        assert!(matches!(
            Contour::new(&q, (-1.0, 1.0), r).render(),
            Err(Error::Hyperparameter { .. })
        ));
        assert!(LineChart::new("t")
            .series("a", vec![(0.0, 1.0)])
            .x_range(r.0, r.1)
            .render()
            .is_err());
    }
    let q3 = Quadratic::new(&[1.0, 2.0, 3.0]);
    let e = Contour::new(&q3, (-1.0, 1.0), (-1.0, 1.0))
        .render()
        .unwrap_err();
    assert!(
        matches!(
            e,
            Error::Dimension {
                expected: 2,
                found: 3,
                ..
            }
        ),
        "{e}"
    );
    assert!(Contour::new(&q, (-1.0, 1.0), (-1.0, 1.0))
        .levels(0)
        .render()
        .is_err());
    assert!(Contour::new(&q, (-1.0, 1.0), (-1.0, 1.0))
        .grid(1)
        .render()
        .is_err());
    assert!(Contour::new(&q, (-1.0, 1.0), (-1.0, 1.0))
        .size(0, 10)
        .render()
        .is_err());
    assert!(Contour::new(&q, (-1.0, 1.0), (-1.0, 1.0))
        .level_values(vec![])
        .render()
        .is_err());
    assert!(Contour::new(&q, (-1.0, 1.0), (-1.0, 1.0))
        .level_values(vec![f64::NAN])
        .render()
        .is_err());
    assert!(Contour::new(&q, (-1.0, 1.0), (-1.0, 1.0))
        .arrow("a", (f64::NAN, 0.0), (0.0, 0.0))
        .render()
        .is_err());
    // A flat or nowhere-finite objective has no level lines.
    let flat = FnObjective::new("flat", 2, |_: ArrayView1<f64>| 1.0, |_, _| {});
    assert!(matches!(
        Contour::new(&flat, (-1.0, 1.0), (-1.0, 1.0)).render(),
        Err(Error::Empty { .. })
    ));
    let nan = FnObjective::new("nan", 2, |_: ArrayView1<f64>| f64::NAN, |_, _| {});
    assert!(matches!(
        Contour::new(&nan, (-1.0, 1.0), (-1.0, 1.0)).render(),
        Err(Error::Empty { .. })
    ));

    // Line charts: nothing drawable is an error ...
    assert!(LineChart::new("t").render().is_err());
    assert!(LineChart::new("t")
        .series("a", vec![(0.0, f64::NAN)])
        .render()
        .is_err());
    assert!(LineChart::new("t")
        .log_y(true)
        .series("a", vec![(0.0, -1.0), (1.0, 0.0)])
        .render()
        .is_err());
    assert!(LineChart::new("t")
        .log_y(true)
        .series("a", vec![(0.0, 1.0)])
        .y_range(0.0, 1.0)
        .render()
        .is_err());
    assert!(LineChart::new("t")
        .series("a", vec![(0.0, 1.0)])
        .size(100_000, 480)
        .render()
        .is_err());
}

#[test]
fn non_finite_points_are_skipped_and_break_the_line() {
    // A diverging run: finite, then inf and NaN. The chart shows the finite part.
    let losses = vec![1.0, 10.0, 1e200, f64::INFINITY, f64::NAN];
    let fig = loss_curves("diverging", &[("lr = 2", losses)], true).unwrap();
    assert!(fig.svg().contains("lr = 2"));
    // Non-positive values on a log axis are skipped; the two pieces are two lines.
    let fig = LineChart::new("t")
        .log_y(true)
        .series(
            "s",
            vec![(0.0, 1.0), (1.0, 0.5), (2.0, 0.0), (3.0, 0.2), (4.0, 0.1)],
        )
        .render()
        .unwrap();
    let polylines = fig.svg().matches("<polyline").count();
    assert!(polylines >= 3, "{polylines}"); // two pieces + legend glyph
                                            // Paths through NaN, and paths leaving the axes, on a contour.
    let q = Quadratic::reference();
    let fig = Contour::new(&q, (-1.0, 1.0), (-1.0, 1.0))
        .path(
            "wild",
            vec![
                (0.5, 0.5),
                (f64::NAN, 0.0),
                (0.2, 0.2),
                (50.0, 50.0),
                (0.1, 0.1),
            ],
        )
        .arrow("out", (0.0, 0.0), (5.0, 5.0))
        .render()
        .unwrap();
    assert!(fig.svg().contains("wild"));
}

#[test]
fn a_constant_or_single_point_series_still_has_an_axis() {
    let fig = LineChart::new("flat")
        .series("c", vec![(0.0, 2.0), (1.0, 2.0)])
        .render()
        .unwrap();
    assert!(fig.svg().contains("flat"));
    let fig = LineChart::new("one")
        .log_y(true)
        .series("p", vec![(3.0, 5.0)])
        .markers(true)
        .render()
        .unwrap();
    assert!(fig.svg().contains("<circle"));
}

#[test]
fn objective_dim_is_checked_through_dyn() {
    let r = Rosenbrock::default();
    let obj: &dyn Objective = &r;
    assert!(Contour::new(obj, (-2.0, 2.0), (-1.0, 3.0)).render().is_ok());
}

#[test]
fn equal_aspect_makes_circles_round() {
    let f = bowl();
    for (x, y) in [((-1.0, 1.0), (-2.0, 2.0)), ((-4.0, 4.0), (-1.0, 1.0))] {
        let fig = Contour::new(&f, x, y)
            .levels(6)
            .equal_aspect(true)
            .render()
            .unwrap();
        // The innermost level line is a full circle: its pixel box must be square.
        let svg = fig.svg();
        let line = svg
            .lines()
            .find(|l| l.starts_with("<polyline") && l.contains("opacity=\"0.85\""))
            .unwrap();
        let pts: Vec<(i32, i32)> = line
            .split("points=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .split_whitespace()
            .map(|p| {
                let (a, b) = p.split_once(',').unwrap();
                (a.parse().unwrap(), b.parse().unwrap())
            })
            .collect();
        let w = pts.iter().map(|p| p.0).max().unwrap() - pts.iter().map(|p| p.0).min().unwrap();
        let h = pts.iter().map(|p| p.1).max().unwrap() - pts.iter().map(|p| p.1).min().unwrap();
        assert!(
            w > 5 && (w - h).abs() <= 2,
            "{:?}: {w} x {h} pixels",
            fig.size()
        );
    }
}

#[test]
fn extreme_values_do_not_panic() {
    // Past ±1e300 a point is skipped like NaN (spans would overflow, and
    // plotters' tick search would not end): nothing left is an error.
    for c in [
        LineChart::new("huge").series("s", vec![(0.0, 1e308), (1.0, -1e308)]),
        LineChart::new("wide x").series("s", vec![(-1e308, 0.0), (1e308, 1.0)]),
    ] {
        assert!(matches!(c.render(), Err(Error::Empty { .. })));
    }
    let axis_too_narrow = LineChart::new("t")
        .series("s", vec![(0.0, 1.0)])
        .x_range(1e16, 1e16 + 2.0);
    assert!(axis_too_narrow.render().is_err());
    let charts = [
        LineChart::new("big").series("s", vec![(0.0, 1e299), (1.0, -1e299), (2.0, 1e308)]),
        LineChart::new("close").series("s", vec![(0.0, 1.0), (1.0, 1.0 + 1e-15)]),
        LineChart::new("tiny").series("s", vec![(0.0, 1e-300), (1e-300, 2e-300)]),
        LineChart::new("decades")
            .log_y(true)
            .series("s", vec![(0.0, 1e-300), (1.0, 1e300)]),
        LineChart::new("subnormal")
            .log_y(true)
            .series("s", vec![(0.0, 5e-324), (1.0, 1.0)]),
        LineChart::new("one decade")
            .log_y(true)
            .series("s", vec![(0.0, 0.2), (1.0, 0.8)]),
    ];
    for c in charts {
        let fig = c.render().unwrap();
        assert!(fig.svg().contains("</svg>"));
    }
    let q = Quadratic::reference();
    let fig = Contour::new(&q, (-1e150, 1e150), (-1e-150, 1e-150)).render();
    assert!(fig.is_ok() || fig.is_err()); // either way, no panic
    let arrows = Contour::new(&q, (-1.0, 1.0), (-1.0, 1.0))
        .arrow("zero length", (0.5, 0.5), (0.5, 0.5))
        .arrow("huge", (0.0, 0.0), (1e300, -1e300))
        .path("far", vec![(1e300, 1e300), (-1e300, -1e300)])
        .render()
        .unwrap();
    assert!(arrows.svg().contains("zero length"));
}
