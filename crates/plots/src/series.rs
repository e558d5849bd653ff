//! Series: what a chart draws, as plain data. A [`Series`] is a label and its
//! points $(x, y)$ ([`Points`]); a figure's data is a `Vec<Series>`, drawn by
//! [`LineChart::all_series`](crate::LineChart::all_series) or
//! [`Contour::paths`](crate::Contour::paths). Examples return series rather than
//! only figures, so that a snapshot can pin the numbers a figure draws
//! ([`series_text`], [`series_summary`]) while the SVG bytes stay free to change.

use optcore::render::fmt_num;
use optcore::{Error, Result, Table};

/// The points $(x, y)$ of one line or path, in drawing order.
pub type Points = Vec<(f64, f64)>;

/// One labelled line or path: `(label, points)`, the arguments of
/// [`LineChart::series`](crate::LineChart::series) and
/// [`Contour::path`](crate::Contour::path).
pub type Series = (String, Points);

/// Series as stable text, for snapshots of what a figure draws: per series a line
/// `label (n points)`, then one indented line `x  y` per point, every number by
/// [`fmt_num`] (10 significant digits).
///
/// ```
/// let s = vec![("GD".to_string(), vec![(0.0, 1.5), (1.0, 0.25)])];
/// assert_eq!(plots::series_text(&s), "GD (2 points)\n  0  1.500000000\n  1.000000000  0.2500000000\n");
/// ```
pub fn series_text(series: &[Series]) -> String {
    let mut s = String::new();
    for (label, pts) in series {
        s.push_str(&format!("{label} ({} points)\n", pts.len()));
        for (x, y) in pts {
            s.push_str(&format!("  {}  {}\n", fmt_num(*x), fmt_num(*y)));
        }
    }
    s
}

/// Series summarized, one row each: the number of points, the first and last
/// point, and the lowest $y$ (NaN for a series without points). For figures
/// with too many points to list.
pub fn series_summary(title: &str, series: &[Series]) -> Table {
    let mut t = Table::new(
        title,
        &[
            "series", "points", "first x", "first y", "last x", "last y", "min y",
        ],
    );
    for (label, points) in series {
        let (fx, fy) = points.first().copied().unwrap_or((f64::NAN, f64::NAN));
        let (lx, ly) = points.last().copied().unwrap_or((f64::NAN, f64::NAN));
        let min = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
        t.push(vec![
            label.clone().into(),
            points.len().into(),
            fx.into(),
            fy.into(),
            lx.into(),
            ly.into(),
            min.into(),
        ]);
    }
    t
}

/// The ranges `(x_range, y_range)` of the smallest box holding every point,
/// widened on each side by `margin` times its width and height:
/// $\[x_0 - m(x_1 - x_0),\ x_1 + m(x_1 - x_0)\]$, and the same for $y$. NaN
/// coordinates are ignored; no point at all is an [`Error::Empty`].
///
/// ```
/// let (x, y) = plots::bounding_box([(0.0, 1.0), (10.0, -1.0)], 0.1).unwrap();
/// assert_eq!((x, y), ((-1.0, 11.0), (-1.2, 1.2)));
/// ```
pub fn bounding_box(
    points: impl IntoIterator<Item = (f64, f64)>,
    margin: f64,
) -> Result<((f64, f64), (f64, f64))> {
    let (mut x0, mut x1, mut y0, mut y1) = (
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
    );
    for (x, y) in points {
        x0 = x0.min(x);
        x1 = x1.max(x);
        y0 = y0.min(y);
        y1 = y1.max(y);
    }
    if !(x0 <= x1 && y0 <= y1) {
        return Err(Error::Empty {
            what: "the points to bound (none, or every coordinate NaN)",
        });
    }
    let (mx, my) = (margin * (x1 - x0), margin * (y1 - y0));
    Ok(((x0 - mx, x1 + mx), (y0 - my, y1 + my)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_lists_every_point() {
        let s: Vec<Series> = vec![("a".into(), vec![(1.0, 2.0)]), ("empty".into(), vec![])];
        assert_eq!(
            series_text(&s),
            "a (1 points)\n  1.000000000  2.000000000\nempty (0 points)\n"
        );
    }

    #[test]
    fn summary_has_one_row_per_series() {
        let s: Vec<Series> = vec![
            ("a".into(), vec![(0.0, 3.0), (1.0, 1.0), (2.0, 2.0)]),
            ("empty".into(), vec![]),
        ];
        let t = series_summary("two", &s);
        assert_eq!(t.column("points").unwrap(), vec![3.0, 0.0]);
        assert_eq!(t.column("min y").unwrap()[0], 1.0);
        assert_eq!(t.column("last x").unwrap()[0], 2.0);
    }

    #[test]
    fn bounding_box_ignores_nan_and_refuses_nothing() {
        let b = bounding_box([(0.0, 0.0), (f64::NAN, 5.0), (2.0, 1.0)], 0.0).unwrap();
        assert_eq!(b, ((0.0, 2.0), (0.0, 5.0)));
        assert!(bounding_box([], 0.08).is_err());
        assert!(bounding_box([(f64::NAN, f64::NAN)], 0.08).is_err());
    }
}
