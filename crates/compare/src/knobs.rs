//! Momentum's two knobs: a precomputed grid of momentum runs on the post's
//! quadratic $0.1x^2 + 2y^2$ from $(-5, -2)$ (notebook 03's problem), one per
//! pair $(\eta, \gamma)$ of [`ETAS`] × [`GAMMAS`], and a page fragment with two
//! sliders that switch the trajectory and loss curve shown ([`widget`]).
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
use optcore::error::Result;
use optcore::render::fmt_short;
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

/// Every run of the grid, η-major (`ETAS[i]`, `GAMMAS[j]` at `i * 5 + j`).
pub fn grid() -> Result<Vec<GridRun>> {
    let q = Quadratic::reference();
    let start = reference_start();
    let mut out = Vec::with_capacity(ETAS.len() * GAMMAS.len());
    for &eta in &ETAS {
        for &gamma in &GAMMAS {
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
                    steps: STEPS,
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

/// The grid in numbers: per (η, γ) the steps taken, the final loss, and where a
/// run diverged.
pub fn table() -> Result<Table> {
    let mut t = Table::new(
        format!("momentum on 0.1x² + 2y² from (−5, −2), {STEPS} steps: the (η, γ) grid"),
        &["η", "γ", "steps taken", "final loss", "diverged at t"],
    );
    for r in grid()? {
        t.push(vec![
            r.eta.into(),
            r.gamma.into(),
            (r.losses.len().saturating_sub(1)).into(),
            (*r.losses.last().unwrap_or(&f64::NAN)).into(),
            match r.diverged_at {
                Some(k) => k.into(),
                None => "—".into(),
            },
        ]);
    }
    Ok(t)
}

/// The trajectories of the grid as series (label `η = …, γ = …`).
pub fn paths() -> Result<Vec<Series>> {
    Ok(grid()?.iter().map(|r| (label(r), r.path.clone())).collect())
}

/// The page fragment: its HTML and what a notebook shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Widget {
    html: String,
}

impl Widget {
    /// The self-contained HTML fragment.
    pub fn html(&self) -> &str {
        &self.html
    }
    /// Shows the fragment in a notebook.
    pub fn evcxr_display(&self) {
        println!(
            "{}",
            optcore::render::evcxr_content("text/html", &self.html)
        );
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

fn loss_px(t: usize, loss: f64) -> Option<(f64, f64)> {
    if !(loss.is_finite() && loss > 0.0) {
        return None;
    }
    let (lo, hi) = (f64::from(L_DEC.0), f64::from(L_DEC.1));
    let l = loss.log10().clamp(lo, hi);
    Some((
        L_LEFT + t as f64 / STEPS as f64 * (L_RIGHT - L_LEFT),
        L_BOTTOM - (l - lo) / (hi - lo) * (L_BOTTOM - L_TOP),
    ))
}

fn points(pts: &[(f64, f64)]) -> String {
    pts.iter()
        .map(|p| format!("{:.1},{:.1}", p.0, p.1))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The widget: two sliders (η and γ), the selected run's trajectory over the
/// contour plot and its loss curve (log scale), and its status line. The start
/// shows η = 0.4, γ = 0.5 (notebook 03's reference case).
pub fn widget() -> Result<Widget> {
    let q = Quadratic::reference();
    let runs = grid()?;
    let bg = plots::Contour::new(&q as &dyn Objective, (-6.0, 6.0), (-3.0, 3.0))
        .levels(12)
        .size(620, 380)
        .title("0.1x² + 2y²: momentum from (−5, −2)")
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
            .filter_map(|(t, &l)| loss_px(t, l))
            .collect();
        data.push((points(&traj), points(&loss), status(r)));
    }
    let json_runs: Vec<String> = data
        .iter()
        .map(|(p, l, s)| format!("[\"{p}\",\"{l}\",\"{s}\"]"))
        .collect();
    let etas: Vec<String> = ETAS
        .iter()
        .map(|v| format!("\"{}\"", fmt_short(*v)))
        .collect();
    let gammas: Vec<String> = GAMMAS
        .iter()
        .map(|v| format!("\"{}\"", fmt_short(*v)))
        .collect();
    let json = format!(
        "{{\"etas\":[{}],\"gammas\":[{}],\"runs\":[{}]}}",
        etas.join(","),
        gammas.join(","),
        json_runs.join(",")
    );
    let (i0, j0) = (4usize, 1usize); // η = 0.4, γ = 0.5
    let first = &data[i0 * GAMMAS.len() + j0];
    let (bw, bh) = bg.size();

    // Loss axes: decades, labels.
    let mut axes = String::new();
    for d in (L_DEC.0..=L_DEC.1).filter(|d| d % 4 == 0) {
        if let Some((_, y)) = loss_px(0, 10f64.powi(d)) {
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
    for t in (0..=STEPS).step_by(20) {
        let x = L_LEFT + t as f64 / STEPS as f64 * (L_RIGHT - L_LEFT);
        axes.push_str(&format!(
            "<text x=\"{x:.1}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\">{t}</text>",
            L_BOTTOM + 16.0
        ));
    }

    let html = format!(
        r##"<div class="momentum-knobs" style="font-family:sans-serif;max-width:{maxw}px">
<div style="display:flex;gap:24px;flex-wrap:wrap;align-items:center;margin:4px 0">
<label>η (learning rate) = <b data-k="eta">{eta0}</b><br><input type="range" data-k="i" min="0" max="{imax}" step="1" value="{i0}" style="width:240px"></label>
<label>γ (momentum) = <b data-k="gamma">{gamma0}</b><br><input type="range" data-k="j" min="0" max="{jmax}" step="1" value="{j0}" style="width:240px"></label>
<span data-k="status" style="font-weight:bold">{status0}</span>
</div>
<svg width="{W}" height="{bh}" viewBox="0 0 {W} {bh}" xmlns="http://www.w3.org/2000/svg" style="display:block">
{bg}<polyline data-k="path" points="{path0}" fill="none" stroke="#d55e00" stroke-width="2.5" stroke-linejoin="round"/>
</svg>
<svg width="{LW}" height="{LH}" viewBox="0 0 {LW} {LH}" xmlns="http://www.w3.org/2000/svg" style="display:block" font-family="sans-serif">
<rect x="{L_LEFT}" y="{L_TOP}" width="{lw}" height="{lh}" fill="none" stroke="#000" stroke-opacity="0.6"/>
{axes}<text x="{lx}" y="{LH_label}" text-anchor="middle" font-size="13">step t</text>
<text x="14" y="{ly}" text-anchor="middle" font-size="13" transform="rotate(-90 14 {ly})">loss J(θₜ)</text>
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
        eta0 = fmt_short(ETAS[i0]),
        gamma0 = fmt_short(GAMMAS[j0]),
        imax = ETAS.len() - 1,
        jmax = GAMMAS.len() - 1,
        status0 = first.2,
        W = bw,
        bg = bg.svg(),
        path0 = first.0,
        loss0 = first.1,
        lw = L_RIGHT - L_LEFT,
        lh = L_BOTTOM - L_TOP,
        lx = (L_LEFT + L_RIGHT) / 2.0,
        LH_label = L_BOTTOM + 34.0,
        ly = (L_TOP + L_BOTTOM) / 2.0,
    );
    Ok(Widget { html })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stability_boundary_shows_in_the_grid() {
        let g = grid().unwrap();
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
        let w = widget().unwrap();
        let h = w.html();
        assert!(!h.contains("NaN") && !h.contains("inf"));
        assert!(!h.contains("http://") || !h.contains("src="));
        assert!(!h.contains(" id="), "no ids: two widgets on a page");
        assert_eq!(h.matches("type=\"range\"").count(), 2);
        assert!(h.len() < 1_500_000, "{} bytes", h.len());
    }
}
