//! Momentum's two knobs: a precomputed grid of momentum runs on the post's
//! quadratic $0.1x^2 + 2y^2$ from $(-5, -2)$ (notebook 03's problem), one per
//! pair $(\eta, \gamma)$ of [`ETAS`] × [`GAMMAS`] ([`MomentumGrid::lesson`]; a
//! [`MomentumGrid`] takes any lists), and a page fragment with two sliders that
//! switch the trajectory and loss curve shown ([`MomentumGrid::widget`]).
//!
//! Every trajectory is the crate's run ([`momentum::Momentum`], paper form
//! $v_t = \gamma v_{t-1} + \eta \nabla J(\theta_{t-1})$,
//! $\theta_t = \theta_{t-1} - v_t$); the page only switches between them (a few
//! lines of plain JavaScript, no framework, nothing loaded from elsewhere).
//!
//! Why these values: the quadratic's curvatures are $\lambda = 0.2$ and $4$, and
//! heavy-ball momentum on a curvature $\lambda$ is stable exactly when
//! $0 < \eta\lambda < 2(1 + \gamma)$. So along $y$ ($\lambda = 4$) GD
//! ($\gamma = 0$) diverges for $\eta > 0.5$, $\gamma = 0.5$ for $\eta > 0.75$,
//! $\gamma = 0.9$ for $\eta > 0.95$: η = 0.55 and 0.7 diverge without momentum and
//! converge (oscillating) with it, η = 1 diverges for every γ < 1, and the small
//! η show the slow crawl along $x$ that momentum speeds up. A run whose loss
//! passes [`DIVERGE_ABOVE`] stops there ("diverged at t = k"), so no NaN or
//! infinity ever reaches the page.

use momentum::Momentum;
use optcore::error::{check_finite_point, check_positive, check_unit_interval, Error, Result};
use optcore::lang::{tr, Rendered};
use optcore::render::{fmt_short, Cell};
use optcore::{
    reference_start, run_with, Convention, Exact, Objective, Optimizer, Quadratic, RunOptions,
    Table,
};
use plots::Series;

/// The learning rates of the grid.
pub const ETAS: [f64; 8] = [0.01, 0.05, 0.1, 0.2, 0.4, 0.55, 0.7, 1.0];
/// The momentum coefficients of the grid.
pub const GAMMAS: [f64; 5] = [0.0, 0.5, 0.9, 0.95, 0.99];
/// Steps of every run.
pub const STEPS: usize = 100;
/// A run stops once its loss exceeds this (the start's loss is 10.5).
pub const DIVERGE_ABOVE: f64 = 1e4;

/// One grid point's run.
#[derive(Debug, Clone, PartialEq)]
pub struct GridRun {
    pub eta: f64,
    pub gamma: f64,
    /// $\theta_0, \theta_1, \dots$ up to the last step taken.
    pub path: Vec<(f64, f64)>,
    /// $J(\theta_t)$ for the same steps.
    pub losses: Vec<f64>,
    /// The step at which the loss passed [`DIVERGE_ABOVE`], if it did.
    pub diverged_at: Option<usize>,
}

/// The most values in each of [`MomentumGrid`]'s lists (a slider's stops).
pub const MAX_VALUES: usize = 20;
/// The most steps of a [`MomentumGrid`]'s runs (every point goes into the page).
pub const MAX_GRID_STEPS: usize = 1000;

/// The grid's knobs: momentum runs on $0.1x^2 + 2y^2$, one per pair
/// $(\eta, \gamma)$ of the two lists, and the pair the sliders show first.
#[derive(Clone, Debug, PartialEq)]
pub struct MomentumGrid {
    /// The learning rates η (the first slider's stops): 1 to [`MAX_VALUES`]
    /// distinct finite numbers > 0.
    pub etas: Vec<f64>,
    /// The momentum coefficients γ (the second slider's stops): 1 to
    /// [`MAX_VALUES`] distinct numbers in \[0, 1) (γ = 0 is plain GD).
    pub gammas: Vec<f64>,
    /// $\theta_0 = (x, y)$, where every run starts: two finite numbers with
    /// $J(\theta_0) <$ [`DIVERGE_ABOVE`].
    pub start: [f64; 2],
    /// Steps of every run: a whole number from 1 to [`MAX_GRID_STEPS`].
    pub steps: usize,
    /// The (η, γ) the widget shows first: a value of `etas` and one of `gammas`.
    pub shown: (f64, f64),
}

fn check_values(
    name: &'static str,
    values: &[f64],
    check: fn(&'static str, f64) -> Result<()>,
) -> Result<()> {
    if values.is_empty() {
        return Err(optcore::Error::Empty { what: name });
    }
    if values.len() > MAX_VALUES {
        return Err(optcore::Error::Hyperparameter {
            name,
            value: values.len() as f64,
            accepts: "a list of at most 20 values",
        });
    }
    for (i, &v) in values.iter().enumerate() {
        check(name, v)?;
        if values[..i].contains(&v) {
            return Err(optcore::Error::Hyperparameter {
                name,
                value: v,
                accepts: "a list of distinct values (each is one stop of its slider)",
            });
        }
    }
    Ok(())
}

impl MomentumGrid {
    /// Notebook 10's grid: [`ETAS`] × [`GAMMAS`] from $(-5, -2)$, [`STEPS`]
    /// steps, showing η = 0.4, γ = 0.5 first (notebook 03's reference case).
    pub fn lesson() -> MomentumGrid {
        let start = reference_start();
        MomentumGrid {
            etas: ETAS.to_vec(),
            gammas: GAMMAS.to_vec(),
            start: [start[0], start[1]],
            steps: STEPS,
            shown: (ETAS[4], GAMMAS[1]),
        }
    }

    /// Every knob checked, with a typed error naming the first one out of range.
    pub fn validate(&self) -> Result<()> {
        check_values("etas", &self.etas, check_positive)?;
        check_values("gammas", &self.gammas, check_unit_interval)?;
        check_finite_point("start", &self.start)?;
        let j0 = Quadratic::reference().value(ndarray::ArrayView1::from(&self.start[..]));
        if j0 >= DIVERGE_ABOVE {
            return Err(optcore::Error::Hyperparameter {
                name: "start",
                value: j0,
                accepts: "a point where J = 0.1x² + 2y² is below 10⁴ (J(θ₀) is shown as the value)",
            });
        }
        if !(1..=MAX_GRID_STEPS).contains(&self.steps) {
            return Err(optcore::Error::Hyperparameter {
                name: "steps",
                value: self.steps as f64,
                accepts: "a whole number from 1 to 1000",
            });
        }
        self.shown_at().map(|_| ())
    }

    /// The indices of `shown` in the lists.
    fn shown_at(&self) -> Result<(usize, usize)> {
        let i = self.etas.iter().position(|&e| e == self.shown.0);
        let j = self.gammas.iter().position(|&g| g == self.shown.1);
        match (i, j) {
            (Some(i), Some(j)) => Ok((i, j)),
            (None, _) => Err(optcore::Error::Hyperparameter {
                name: "shown",
                value: self.shown.0,
                accepts: "a pair (η, γ) whose η is one of `etas`",
            }),
            (_, None) => Err(optcore::Error::Hyperparameter {
                name: "shown",
                value: self.shown.1,
                accepts: "a pair (η, γ) whose γ is one of `gammas`",
            }),
        }
    }

    /// Every run of the grid, η-major (`etas[i]`, `gammas[j]` at
    /// `i * gammas.len() + j`).
    pub fn runs(&self) -> Result<Vec<GridRun>> {
        self.validate()?;
        let q = Quadratic::reference();
        let start = ndarray::arr1(&self.start);
        let mut out = Vec::with_capacity(self.etas.len() * self.gammas.len());
        for &eta in &self.etas {
            for &gamma in &self.gammas {
                let opt = Momentum {
                    lr: eta,
                    momentum: gamma,
                    ..Momentum::defaults(Convention::Paper)
                }
                .validated()?;
                let mut oracle = Exact::new(&q as &dyn Objective);
                let tr = run_with(
                    &opt,
                    &mut oracle,
                    start.view(),
                    RunOptions {
                        steps: self.steps,
                        diverge_above: Some(DIVERGE_ABOVE),
                    },
                )?;
                let diverged_at = match &tr.stop {
                    Some(optcore::Error::Diverged { step, .. }) => Some(*step),
                    Some(e) => return Err(e.clone()),
                    None => None,
                };
                out.push(GridRun {
                    eta,
                    gamma,
                    path: tr.path2(),
                    losses: tr.losses(),
                    diverged_at,
                });
            }
        }
        Ok(out)
    }

    /// "(−5, −2)": the start as the titles print it.
    fn start_text(&self) -> String {
        let xs: Vec<String> = self
            .start
            .iter()
            .map(|&x| fmt_short(x).replace('-', "−"))
            .collect();
        format!("({})", xs.join(", "))
    }
}

fn label(r: &GridRun) -> String {
    format!("η = {}, γ = {}", fmt_short(r.eta), fmt_short(r.gamma))
}

fn status(r: &GridRun) -> String {
    match r.diverged_at {
        Some(t) => format!("diverged at t = {t} (loss > {})", fmt_short(DIVERGE_ABOVE)),
        None => format!(
            "t = {}: loss {}",
            r.losses.len().saturating_sub(1),
            short(*r.losses.last().unwrap_or(&f64::NAN))
        ),
    }
}

fn short(v: f64) -> String {
    format!("{v:.3e}")
}

impl MomentumGrid {
    /// The grid in numbers, one row per η and one column per γ: the final loss,
    /// or `✗ t = k` where the run diverged at step k (as the sweeps of part b).
    pub fn table(&self) -> Result<Table> {
        let runs = self.runs()?;
        let mut header = vec!["η".to_string()];
        header.extend(self.gammas.iter().map(|g| format!("γ = {}", fmt_short(*g))));
        let mut t = Table::with_header(
            format!(
                "momentum on 0.1x² + 2y² from {}: loss after {} steps for each (η, γ)",
                self.start_text(),
                self.steps
            ),
            header,
        );
        for &eta in &self.etas {
            let mut row: Vec<Cell> = vec![eta.into()];
            for &gamma in &self.gammas {
                let r = runs
                    .iter()
                    .find(|r| r.eta == eta && r.gamma == gamma)
                    .ok_or(Error::Empty {
                        what: "a run of the grid",
                    })?;
                row.push(match r.diverged_at {
                    Some(k) => format!("✗ t = {k}").into(),
                    None => (*r.losses.last().unwrap_or(&f64::NAN)).into(),
                });
            }
            t.push(row);
        }
        Ok(t.with_note(format!(
            "✗ t = k: stopped at step k, the loss exceeded {} (diverged)",
            fmt_short(DIVERGE_ABOVE)
        )))
    }

    /// The trajectories of the grid as series (label `η = …, γ = …`).
    pub fn paths(&self) -> Result<Vec<Series>> {
        Ok(self
            .runs()?
            .iter()
            .map(|r| (label(r), r.path.clone()))
            .collect())
    }
}

/// The page fragment: its HTML and what a notebook shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Widget {
    html: Rendered,
}

impl Widget {
    /// The self-contained HTML fragment.
    pub fn html(&self) -> &str {
        self.html.en()
    }
    /// Shows the fragment in a notebook.
    pub fn evcxr_display(&self) {
        println!("{}", self.html.content("text/html"));
    }
}

/// Pixels of the loss chart.
const LW: f64 = 560.0;
const LH: f64 = 260.0;
const L_LEFT: f64 = 60.0;
const L_TOP: f64 = 16.0;
const L_RIGHT: f64 = 540.0;
const L_BOTTOM: f64 = 222.0;
/// Loss axis: $10^{-32}$ … $10^4$ (smaller losses drawn at the bottom).
const L_DEC: (i32, i32) = (-32, 4);

fn loss_px(t: usize, steps: usize, loss: f64) -> Option<(f64, f64)> {
    if !(loss.is_finite() && loss > 0.0) {
        return None;
    }
    let (lo, hi) = (f64::from(L_DEC.0), f64::from(L_DEC.1));
    let l = loss.log10().clamp(lo, hi);
    Some((
        L_LEFT + t as f64 / steps as f64 * (L_RIGHT - L_LEFT),
        L_BOTTOM - (l - lo) / (hi - lo) * (L_BOTTOM - L_TOP),
    ))
}

fn points(pts: &[(f64, f64)]) -> String {
    pts.iter()
        .map(|p| format!("{:.1},{:.1}", p.0, p.1))
        .collect::<Vec<_>>()
        .join(" ")
}

impl MomentumGrid {
    /// The widget: two sliders (η and γ), the selected run's trajectory over the
    /// contour plot and its loss curve (log scale), and its status line. It
    /// shows `shown` first. The view is $[-6, 6] \times [-3, 3]$, widened to
    /// hold a start outside it.
    pub fn widget(&self) -> Result<Widget> {
        Ok(Widget {
            html: Rendered::try_build(|| self.html())?,
        })
    }

    /// The widget's HTML in the current language.
    fn html(&self) -> Result<String> {
        let q = Quadratic::reference();
        let runs = self.runs()?;
        let (i0, j0) = self.shown_at()?;
        let (hx, hy) = (
            6f64.max(1.2 * self.start[0].abs()),
            3f64.max(1.2 * self.start[1].abs()),
        );
        let bg = plots::Contour::new(&q as &dyn Objective, (-hx, hx), (-hy, hy))
            .levels(12)
            .size(620, 380)
            .title(format!("0.1x² + 2y²: momentum from {}", self.start_text()))
            .render()?;
        let map = bg.pixel_map()?;
        // Per run: the trajectory up to where it first leaves the axes, the loss curve.
        let mut data = Vec::with_capacity(runs.len());
        for r in &runs {
            let mut traj = Vec::new();
            for p in &r.path {
                match map.px(*p) {
                    Some(x) => traj.push(x),
                    None => break,
                }
            }
            let loss: Vec<(f64, f64)> = r
                .losses
                .iter()
                .enumerate()
                .filter_map(|(t, &l)| loss_px(t, self.steps, l))
                .collect();
            data.push((points(&traj), points(&loss), tr(&status(r)).into_owned()));
        }
        let json_runs: Vec<String> = data
            .iter()
            .map(|(p, l, s)| format!("[\"{p}\",\"{l}\",\"{s}\"]"))
            .collect();
        let etas: Vec<String> = self
            .etas
            .iter()
            .map(|v| format!("\"{}\"", fmt_short(*v)))
            .collect();
        let gammas: Vec<String> = self
            .gammas
            .iter()
            .map(|v| format!("\"{}\"", fmt_short(*v)))
            .collect();
        let json = format!(
            "{{\"etas\":[{}],\"gammas\":[{}],\"runs\":[{}]}}",
            etas.join(","),
            gammas.join(","),
            json_runs.join(",")
        );
        let first = &data[i0 * self.gammas.len() + j0];
        let (bw, bh) = bg.size();

        // Loss axes: decades, labels.
        let mut axes = String::new();
        for d in (L_DEC.0..=L_DEC.1).filter(|d| d % 4 == 0) {
            if let Some((_, y)) = loss_px(0, self.steps, 10f64.powi(d)) {
                axes.push_str(&format!(
                "<line x1=\"{L_LEFT}\" y1=\"{y:.1}\" x2=\"{L_RIGHT}\" y2=\"{y:.1}\" stroke=\"#000\" stroke-opacity=\"0.1\"/>"
            ));
                {
                    axes.push_str(&format!(
                    "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"12\">1e{d}</text>",
                    L_LEFT - 6.0,
                    y + 4.0
                ));
                }
            }
        }
        let tick = (self.steps / 5).max(1);
        for t in (0..=self.steps).step_by(tick) {
            let x = L_LEFT + t as f64 / self.steps as f64 * (L_RIGHT - L_LEFT);
            axes.push_str(&format!(
                "<text x=\"{x:.1}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\">{t}</text>",
                L_BOTTOM + 16.0
            ));
        }

        let html = format!(
            r##"<div class="momentum-knobs" style="font-family:sans-serif;max-width:{maxw}px">
<div style="display:flex;gap:24px;flex-wrap:wrap;align-items:center;margin:4px 0">
<label>{eta_name} = <b data-k="eta">{eta0}</b><br><input type="range" data-k="i" min="0" max="{imax}" step="1" value="{i0}" style="width:240px"></label>
<label>{gamma_name} = <b data-k="gamma">{gamma0}</b><br><input type="range" data-k="j" min="0" max="{jmax}" step="1" value="{j0}" style="width:240px"></label>
<span data-k="status" style="font-weight:bold">{status0}</span>
</div>
<svg width="{W}" height="{bh}" viewBox="0 0 {W} {bh}" xmlns="http://www.w3.org/2000/svg" style="display:block">
{bg}<polyline data-k="path" points="{path0}" fill="none" stroke="#d55e00" stroke-width="2.5" stroke-linejoin="round"/>
</svg>
<svg width="{LW}" height="{LH}" viewBox="0 0 {LW} {LH}" xmlns="http://www.w3.org/2000/svg" style="display:block" font-family="sans-serif">
<rect x="{L_LEFT}" y="{L_TOP}" width="{lw}" height="{lh}" fill="none" stroke="#000" stroke-opacity="0.6"/>
{axes}<text x="{lx}" y="{LH_label}" text-anchor="middle" font-size="13">{step_t}</text>
<text x="14" y="{ly}" text-anchor="middle" font-size="13" transform="rotate(-90 14 {ly})">{loss_j}</text>
<polyline data-k="loss" points="{loss0}" fill="none" stroke="#0072b2" stroke-width="2"/>
</svg>
<script type="application/json">{json}</script>
<script>
(function () {{
  var s = document.currentScript, w = s.parentElement;
  var d = JSON.parse(s.previousElementSibling.textContent);
  function q(k) {{ return w.querySelector('[data-k="' + k + '"]'); }}
  var ei = q("i"), gj = q("j");
  function show() {{
    var i = +ei.value, j = +gj.value, r = d.runs[i * d.gammas.length + j];
    q("eta").textContent = d.etas[i];
    q("gamma").textContent = d.gammas[j];
    q("path").setAttribute("points", r[0]);
    q("loss").setAttribute("points", r[1]);
    q("status").textContent = r[2];
  }}
  ei.addEventListener("input", show);
  gj.addEventListener("input", show);
  show();
}})();
</script>
</div>"##,
            maxw = bw.max(LW as u32),
            eta0 = fmt_short(self.etas[i0]),
            gamma0 = fmt_short(self.gammas[j0]),
            imax = self.etas.len() - 1,
            jmax = self.gammas.len() - 1,
            status0 = first.2,
            W = bw,
            bg = bg.shown_svg(),
            eta_name = tr("η (learning rate)"),
            gamma_name = tr("γ (momentum)"),
            step_t = tr("step t"),
            loss_j = tr("loss J(θₜ)"),
            path0 = first.0,
            loss0 = first.1,
            lw = L_RIGHT - L_LEFT,
            lh = L_BOTTOM - L_TOP,
            lx = (L_LEFT + L_RIGHT) / 2.0,
            LH_label = L_BOTTOM + 34.0,
            ly = (L_TOP + L_BOTTOM) / 2.0,
        );
        Ok(html)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stability_boundary_shows_in_the_grid() {
        let g = MomentumGrid::lesson().runs().unwrap();
        let at = |eta: f64, gamma: f64| {
            g.iter()
                .find(|r| r.eta == eta && r.gamma == gamma)
                .unwrap()
                .diverged_at
        };
        // ηλ < 2(1 + γ) with λ = 4.
        assert!(at(0.55, 0.0).is_some());
        assert!(at(0.55, 0.5).is_none());
        assert!(at(0.7, 0.9).is_none());
        assert!(at(1.0, 0.9).is_some());
        assert!(at(0.1, 0.0).is_none());
    }

    #[test]
    fn widget_is_self_contained_and_finite() {
        let w = MomentumGrid::lesson().widget().unwrap();
        let h = w.html();
        assert!(!h.contains("NaN") && !h.contains("inf"));
        assert!(!h.contains("http://") || !h.contains("src="));
        assert!(!h.contains(" id="), "no ids: two widgets on a page");
        assert_eq!(h.matches("type=\"range\"").count(), 2);
        assert!(h.len() < 1_500_000, "{} bytes", h.len());
    }
}
