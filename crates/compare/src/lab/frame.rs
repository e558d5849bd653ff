//! The frame of a lab's contour plot: what part of the $(\theta_0, \theta_1)$
//! plane it shows.
//!
//! The frame always holds the *anchors*: the start $\theta_0$ and the problem's
//! minimiser $\theta^*$ where it is known, and the problem's own view (the
//! ranges [`crate::Problem::setup`] gives a built-in problem). It grows to hold
//! the runs' points, but only those within the *reach*: the base box widened
//! by [`REACH`] times its larger side on every side. A diverging run's points
//! beyond it (up to $\pm 10^{19}$ and more) are left out of the fit and cut off
//! at the frame's edge, so the view never shrinks the problem to a dot.

use optcore::error::Result;

/// How far (in multiples of the base box's larger side) points may lie outside
/// the base box and still widen the frame.
pub const REACH: f64 = 2.0;

/// Margin around a frame fitted to points, as a fraction of its width/height.
pub const MARGIN: f64 = 0.08;

/// The smallest side a frame fitted to points gets (a lab whose start is its
/// minimum still shows a neighbourhood around it).
pub const MIN_SIDE: f64 = 1.0;

type Range = (f64, f64);

/// The frame `(x_range, y_range)` for `anchors`, an optional fixed `view`, and
/// the runs' `points` (non-finite ones ignored).
pub fn fit(
    anchors: &[(f64, f64)],
    view: Option<(Range, Range)>,
    points: &[(f64, f64)],
) -> Result<(Range, Range)> {
    let (bx, by) = match view {
        Some((x, y)) => {
            let (ax, ay) = plots::bounding_box(anchors.iter().copied(), 0.0)?;
            (hull(x, ax), hull(y, ay))
        }
        None => {
            let (x, y) = plots::bounding_box(anchors.iter().copied(), MARGIN)?;
            (at_least(x, MIN_SIDE), at_least(y, MIN_SIDE))
        }
    };
    let side = (bx.1 - bx.0).max(by.1 - by.0);
    let reach = (
        (bx.0 - REACH * side, bx.1 + REACH * side),
        (by.0 - REACH * side, by.1 + REACH * side),
    );
    let within = |p: &(f64, f64)| {
        p.0.is_finite()
            && p.1.is_finite()
            && (reach.0 .0..=reach.0 .1).contains(&p.0)
            && (reach.1 .0..=reach.1 .1).contains(&p.1)
    };
    let outside = |p: &(f64, f64)| !((bx.0..=bx.1).contains(&p.0) && (by.0..=by.1).contains(&p.1));
    let kept: Vec<(f64, f64)> = points.iter().copied().filter(within).collect();
    if !kept.iter().any(outside) {
        return Ok((bx, by));
    }
    let corners = [(bx.0, by.0), (bx.1, by.1)];
    let (x, y) = plots::bounding_box(kept.into_iter().chain(corners), 0.0)?;
    let (mx, my) = (MARGIN * (x.1 - x.0), MARGIN * (y.1 - y.0));
    // The margin only where the points, not the base box, set the edge.
    Ok((
        (
            if x.0 < bx.0 { x.0 - mx } else { x.0 },
            if x.1 > bx.1 { x.1 + mx } else { x.1 },
        ),
        (
            if y.0 < by.0 { y.0 - my } else { y.0 },
            if y.1 > by.1 { y.1 + my } else { y.1 },
        ),
    ))
}

fn hull(a: Range, b: Range) -> Range {
    (a.0.min(b.0), a.1.max(b.1))
}

/// `r` widened about its centre to at least `side`.
fn at_least(r: Range, side: f64) -> Range {
    let w = r.1 - r.0;
    if w >= side {
        return r;
    }
    let c = 0.5 * (r.0 + r.1);
    (c - 0.5 * side, c + 0.5 * side)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diverging_point_does_not_blow_up_the_frame() {
        let anchors = [(1.0, 1.5), (3.0, 0.5)];
        let view = Some(((-1.0, 4.5), (-1.0, 2.0)));
        let (x, y) = fit(
            &anchors,
            view,
            &[(2.0, 1.0), (-1e19, 3e19), (f64::NAN, 0.0)],
        )
        .unwrap();
        assert_eq!((x, y), ((-1.0, 4.5), (-1.0, 2.0)));
    }

    #[test]
    fn a_point_within_reach_widens_the_frame_and_anchors_stay() {
        let anchors = [(0.0, 0.0)];
        let (x, y) = fit(&anchors, None, &[(0.0, 0.0), (1.0, 0.0)]).unwrap();
        assert!(x.0 < 0.0 && x.1 > 1.0, "{x:?}");
        assert!(y.0 < 0.0 && y.1 > 0.0, "{y:?}");
    }
}
