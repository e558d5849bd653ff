//! What a lab's runs show: [`Runs::table`], [`Runs::contour`],
//! [`Runs::loss_chart`] and [`Runs::animation`], all computed from the same
//! runs, each run under its label and in the order the runs were added.

use std::rc::Rc;

use optcore::error::{Error, Result};
use optcore::render::{fmt_short, fmt_sig};
use optcore::{Objective, Table};
use plots::{Animated, Animation, Figure};

use super::frame;

/// One run as a method returns it: $J(\theta_t)$ and $\theta_t$ for
/// $t = 0, 1, \dots$, and why it stopped early, if it did.
pub(crate) struct Recorded {
    pub losses: Vec<f64>,
    pub points: Vec<Vec<f64>>,
    pub stop: Option<Error>,
}

/// One labelled run of an experiment.
#[derive(Debug, Clone, PartialEq)]
pub struct LabRun {
    /// The label it was added under ([`crate::lab::Lab::with`]).
    pub label: String,
    /// `optrace`'s name of the method (`adam`, …).
    pub method: &'static str,
    /// `lr = 0.1, beta1 = 0.9, …`.
    pub hyperparameters: String,
    /// $J(\theta_t)$ for $t = 0, 1, \dots$ (row $t$ is the point after $t$ steps).
    pub losses: Vec<f64>,
    /// $\theta_0, \theta_1, \dots$
    pub points: Vec<Vec<f64>>,
    /// Why the run stopped before its last step: [`Error::Diverged`] past the
    /// lab's limit, [`Error::Gradient`] where the hand-written gradient was found
    /// wrong along the path, or the optimizer's own refusal.
    pub stop: Option<Error>,
}

impl LabRun {
    /// The last step taken ($t$ of the last row).
    pub fn last_t(&self) -> usize {
        self.losses.len().saturating_sub(1)
    }

    /// The first $t$ with $J(\theta_t) <$ `threshold`.
    pub fn first_below(&self, threshold: f64) -> Option<usize> {
        self.losses.iter().position(|&l| l < threshold)
    }

    /// The step the run stopped at, if it stopped early: the step the error
    /// names, or else the step after the last row.
    pub fn stopped_at(&self) -> Option<usize> {
        self.stop.as_ref().map(|e| match e {
            Error::Diverged { step, .. }
            | Error::NonFinite { step, .. }
            | Error::ZeroEps { step, .. } => *step,
            _ => self.last_t() + 1,
        })
    }

    /// "ran all N steps", "diverged at t = k" or
    /// "refused at t = k: <the error's message>".
    pub fn stop_text(&self, steps: usize) -> String {
        match (&self.stop, self.stopped_at()) {
            (Some(Error::Diverged { .. }), Some(k)) => format!("diverged at t = {k}"),
            (Some(Error::Gradient { .. }), _) => {
                format!("refused at t = {}: {}", self.last_t(), self.stop_message())
            }
            (Some(_), Some(k)) => format!("refused at t = {k}: {}", self.stop_message()),
            _ => format!("ran all {steps} steps"),
        }
    }

    fn stop_message(&self) -> String {
        self.stop
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default()
    }

    /// The label, with "diverged at t = k" or "refused at t = k" after it when
    /// the run stopped early: what the legends show.
    pub fn legend(&self) -> String {
        match (&self.stop, self.stopped_at()) {
            (None, _) => self.label.clone(),
            (Some(Error::Diverged { .. }), Some(k)) => {
                format!("{}: diverged at t = {k}", self.label)
            }
            (Some(Error::Gradient { .. }), _) => {
                format!("{}: refused at t = {}", self.label, self.last_t())
            }
            (Some(_), k) => format!("{}: refused at t = {}", self.label, k.unwrap_or(0)),
        }
    }

    /// $(\theta_0, \theta_1)$ of every row (a two-parameter problem's path).
    pub fn path2(&self) -> Vec<(f64, f64)> {
        self.points
            .iter()
            .map(|p| {
                (
                    p.first().copied().unwrap_or(f64::NAN),
                    p.get(1).copied().unwrap_or(f64::NAN),
                )
            })
            .collect()
    }
}

/// The runs of one experiment, with what their figures need.
#[derive(Clone)]
pub struct Runs {
    pub(crate) objective: Rc<dyn Objective>,
    /// The problem's view for built-in problems ([`crate::Setup`]'s ranges).
    pub(crate) view: Option<((f64, f64), (f64, f64))>,
    pub(crate) start: Vec<f64>,
    pub(crate) steps: usize,
    pub(crate) threshold: f64,
    pub(crate) runs: Vec<LabRun>,
}

/// `(1, 1.5)`: a point in short form.
pub(crate) fn point_text(p: &[f64]) -> String {
    coordinates(p, fmt_short)
}

/// At most this many coordinates of a point are written out; a longer one
/// (a classifier's weights) shows its first three and its length.
pub const POINT_COORDINATES: usize = 4;

fn coordinates(p: &[f64], fmt: impl Fn(f64) -> String) -> String {
    if p.len() <= POINT_COORDINATES {
        let parts: Vec<String> = p.iter().map(|&v| fmt(v)).collect();
        return format!("({})", parts.join(", "));
    }
    let parts: Vec<String> = p[..3].iter().map(|&v| fmt(v)).collect();
    format!("({}, …; {} numbers)", parts.join(", "), p.len())
}

/// `(2.99929, 0.499822)`: a point with [`THETA_DIGITS`] significant digits
/// per coordinate, for the table's θ column.
fn theta_text(p: &[f64]) -> String {
    coordinates(p, |v| fmt_sig(v, THETA_DIGITS))
}

/// Significant digits of each coordinate in the table's θ column: enough to
/// tell runs apart, short enough for a row; the loss columns keep the table's
/// full digits.
pub const THETA_DIGITS: usize = 6;

/// The contour plot's number of level lines and its size in pixels
/// ([`Runs::contour`]).
pub const CONTOUR_LEVELS: usize = 14;
pub const CONTOUR_SIZE: (u32, u32) = (760, 560);

impl Runs {
    /// Every run, in the order added.
    pub fn runs(&self) -> &[LabRun] {
        &self.runs
    }

    /// The number of steps each run was asked to take.
    pub fn steps(&self) -> usize {
        self.steps
    }

    /// The run under `label`.
    pub fn get(&self, label: &str) -> Option<&LabRun> {
        self.runs.iter().find(|r| r.label == label)
    }

    /// "beale from (1, 1.5), 300 steps".
    pub fn title(&self) -> String {
        format!(
            "{} from {}, {} steps",
            self.objective.name(),
            point_text(&self.start),
            self.steps
        )
    }

    /// One row per run: its start $J(\theta_0)$, its last row ($t$, $\theta_t$,
    /// $J(\theta_t)$), the first $t$ with $J(\theta_t) <$ the threshold, and why it
    /// stopped ([`LabRun::stop_text`]).
    pub fn table(&self) -> Table {
        let mut t = Table::with_header(
            self.title(),
            vec![
                "run".into(),
                "hyperparameters".into(),
                "J(θ₀)".into(),
                "last t".into(),
                "θ at last t".into(),
                "J at last t".into(),
                format!("first t: J < {}", fmt_short(self.threshold)),
                "stop".into(),
            ],
        );
        for r in &self.runs {
            t.push(vec![
                r.label.clone().into(),
                format!("{}: {}", r.method, r.hyperparameters).into(),
                r.losses.first().copied().unwrap_or(f64::NAN).into(),
                r.last_t().into(),
                r.points
                    .last()
                    .map(|p| theta_text(p))
                    .unwrap_or_default()
                    .into(),
                r.losses.last().copied().unwrap_or(f64::NAN).into(),
                match r.first_below(self.threshold) {
                    Some(k) => k.into(),
                    None => "—".into(),
                },
                r.stop_text(self.steps).into(),
            ]);
        }
        t
    }

    /// The contour plot's frame `(x_range, y_range)`: the start, the minimiser
    /// and the problem's view always inside, a diverging run's far points not
    /// (see [`frame`](super::frame)). A problem without two parameters is an
    /// [`Error::Dimension`].
    pub fn frame(&self) -> Result<((f64, f64), (f64, f64))> {
        self.two_parameters()?;
        let mut anchors = vec![(self.start[0], self.start[1])];
        if let Some(m) = self.objective.minimum() {
            anchors.push((m[0], m[1]));
        }
        let points: Vec<(f64, f64)> = self.runs.iter().flat_map(LabRun::path2).collect();
        frame::fit(&anchors, self.view, &points)
    }

    fn two_parameters(&self) -> Result<()> {
        optcore::error::check_dim("a lab's contour plot (θ₀, θ₁)", 2, self.start.len())
    }

    /// The last point of `r` inside `frame`: where its stop mark goes.
    fn last_in(r: &LabRun, (x, y): ((f64, f64), (f64, f64))) -> Option<(f64, f64)> {
        r.path2().into_iter().rev().find(|p| {
            p.0.is_finite()
                && p.1.is_finite()
                && (x.0..=x.1).contains(&p.0)
                && (y.0..=y.1).contains(&p.1)
        })
    }

    /// Every path over the level sets of $J$, in [`Runs::frame`]. A run that
    /// stopped early says so in its legend and ends in an × at its last point
    /// inside the frame.
    pub fn contour(&self) -> Result<Figure> {
        let frame = self.frame()?;
        let mut c = plots::Contour::new(self.objective.as_ref(), frame.0, frame.1)
            .levels(CONTOUR_LEVELS)
            .size(CONTOUR_SIZE.0, CONTOUR_SIZE.1)
            .title(self.title());
        for r in &self.runs {
            c = c.path(r.legend(), r.path2());
            if r.stop.is_some() {
                if let Some(at) = Self::last_in(r, frame) {
                    c = c.stop_mark(at);
                }
            }
        }
        c.render()
    }

    /// $J(\theta_t)$ against $t$ for every run: a log axis (as the comparison's
    /// charts) when every loss is positive, else linear (a saddle's $J$ goes
    /// below 0). A run that stopped early ends in an × at its last loss.
    pub fn loss_chart(&self) -> Result<Figure> {
        let log = self
            .runs
            .iter()
            .flat_map(|r| r.losses.iter())
            .all(|&l| l > 0.0);
        let mut c = plots::LineChart::new(format!("{}: J(θₜ)", self.title()))
            .x_label("step t")
            .y_label("J(θₜ)")
            .log_y(log)
            .size(760, 480);
        for r in &self.runs {
            let pts: Vec<(f64, f64)> = r
                .losses
                .iter()
                .enumerate()
                .map(|(t, &l)| (t as f64, l))
                .collect();
            let end = pts.last().copied();
            c = c.series(r.legend(), pts);
            if let (Some(_), Some(end)) = (&r.stop, end) {
                c = c.stop_mark(end);
            }
        }
        c.render()
    }

    /// The paths frame by frame ([`plots::Animation`]), at the steps
    /// [`crate::motion::frame_steps`] picks for [`crate::motion::FRAMES`]
    /// frames; a run that stopped early stays at its last point.
    pub fn animation_frames(&self) -> Result<Animation> {
        let frame = self.frame()?;
        let background = plots::Contour::new(self.objective.as_ref(), frame.0, frame.1)
            .levels(14)
            .size(760, 560)
            .title(format!("{}, frame by frame", self.title()))
            .render()?;
        let steps = crate::motion::frame_steps(self.steps, crate::motion::FRAMES);
        let mut a = Animation::new(background, steps.clone());
        for r in &self.runs {
            let path = r.path2();
            let at: Vec<(f64, f64)> = steps
                .iter()
                .map(|&t| {
                    path.get(t)
                        .or(path.last())
                        .copied()
                        .unwrap_or((f64::NAN, f64::NAN))
                })
                .collect();
            a = a.series(r.legend(), at);
        }
        Ok(a)
    }

    /// [`Runs::animation_frames`], rendered (plays in the notebook).
    pub fn animation(&self) -> Result<Animated> {
        self.animation_frames()?.render()
    }

    /// What a notebook shows for `runs` as a cell's last value: the table as HTML.
    pub fn to_html(&self) -> String {
        self.table().to_html()
    }

    /// Exactly what [`Runs::evcxr_display`] prints: the table's HTML between
    /// evcxr's content markers (what [`optcore::Table::evcxr_display`] prints).
    pub fn evcxr_content(&self) -> String {
        optcore::lang::content("text/html", || self.to_html())
    }

    /// Shows the table in a notebook (evcxr calls this on a cell's last value).
    pub fn evcxr_display(&self) {
        println!("{}", self.evcxr_content());
    }
}

/// The table's text (what snapshots pin).
impl std::fmt::Display for Runs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.table().fmt(f)
    }
}

/// Short: `Runs(beale from (1, 1.5), 300 steps: GD, Adam)`.
impl std::fmt::Debug for Runs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let labels: Vec<&str> = self.runs.iter().map(|r| r.label.as_str()).collect();
        write!(f, "Runs({}: {})", self.title(), labels.join(", "))
    }
}
