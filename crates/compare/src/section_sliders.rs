//! # Each section's main experiment on sliders
//!
//! One [`SliderWidget`] per section notebook that has a knob worth turning
//! without a kernel: every position is a lab run ([`crate::lab::Sliders`]),
//! so the static edition plays them and the snapshots pin every number they
//! show. All on the reference quadratic $0.1x^2 + 2y^2$ from $(-5, -2)$ unless
//! said otherwise (curvatures $\lambda = 0.2$ along $x$ and $4$ along $y$), in
//! the post's form ([`Convention::Paper`]).

use crate::lab::*;

/// The quadratic, `steps` steps, on sliders.
fn quadratic(steps: usize) -> Sliders {
    Lab::new(Problem::Quadratic).steps(steps).sliders()
}

/// Notebook 02: GD's η. Stable along $y$ only while $\eta\lambda < 2$, that
/// is $\eta < 0.5$: at 0.55 it diverges; small η crawl along $x$.
pub fn gd_rate() -> Result<SliderWidget> {
    quadratic(60)
        .knob("η", [0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.45, 0.5, 0.55], 0.4)
        .build(|lab, k| {
            lab.with(
                "GD",
                Sgd {
                    lr: k[0],
                    ..Sgd::defaults(Convention::Paper)
                },
            )
        })
}

/// Notebook 04: momentum and NAG side by side at η = 0.1 as γ grows: NAG's
/// lookahead damps the oscillation momentum builds at large γ.
pub fn nag_vs_momentum() -> Result<SliderWidget> {
    quadratic(100)
        .knob("γ", [0.0, 0.5, 0.8, 0.9, 0.95, 0.99], 0.9)
        .build(|lab, k| {
            lab.with(
                "momentum",
                Momentum {
                    lr: 0.1,
                    momentum: k[0],
                    ..Momentum::defaults(Convention::Paper)
                },
            )
            .with(
                "NAG",
                Nag {
                    lr: 0.1,
                    momentum: k[0],
                    ..Nag::defaults(Convention::Paper)
                },
            )
        })
}

/// Notebook 05: Adagrad's η (ε = 0.1, notebook 05's rule): the first step
/// has size about η in each coordinate whatever the gradient, so a large η
/// jumps far, and the growing G slows every later step.
pub fn adagrad_rate() -> Result<SliderWidget> {
    quadratic(100)
        .knob("η", [0.05, 0.1, 0.4, 1.0, 2.0, 4.0], 0.4)
        .build(|lab, k| {
            lab.with(
                "Adagrad",
                Adagrad {
                    lr: k[0],
                    eps: 0.1,
                    ..Adagrad::defaults(Convention::Paper)
                },
            )
        })
}

/// Notebook 06: Adadelta's ρ (ε = 1e-6, no η): the step is
/// $\mathrm{RMS}\[\Delta\theta\]_{t-1} / \mathrm{RMS}\[g\]_t \cdot g_t$, so it starts
/// near $\sqrt{\varepsilon}$ and grows as $\mathrm{RMS}\[\Delta\theta\]$ builds up;
/// ρ sets how fast both averages follow, and its effect after 300 steps is
/// not monotone (the table of positions).
pub fn adadelta_rho() -> Result<SliderWidget> {
    quadratic(300)
        .knob("ρ", [0.5, 0.8, 0.9, 0.95, 0.99], 0.95)
        .build(|lab, k| {
            lab.with(
                "Adadelta",
                Adadelta {
                    rho: k[0],
                    ..Adadelta::defaults(Convention::Paper)
                },
            )
        })
}

/// Notebook 07: RMSprop's ρ at η = 0.1: how long $E\[g^2\]$ remembers. With a
/// short memory the denominator follows each gradient, so steps stay about η
/// in size and the run ends rattling around the minimum.
pub fn rmsprop_rho() -> Result<SliderWidget> {
    quadratic(100)
        .knob("ρ", [0.1, 0.5, 0.9, 0.99, 0.999], 0.9)
        .build(|lab, k| {
            lab.with(
                "RMSprop",
                Rmsprop {
                    lr: 0.1,
                    rho: k[0],
                    ..Rmsprop::defaults(Convention::Paper)
                },
            )
        })
}

/// Notebook 08: Adam's β₁ and β₂ at η = 0.1: β₁ = 0 is RMSprop with bias
/// correction; a large β₁ carries momentum past the minimum.
pub fn adam_betas() -> Result<SliderWidget> {
    quadratic(150)
        .knob("β₁", [0.0, 0.5, 0.9, 0.99], 0.9)
        .knob("β₂", [0.9, 0.99, 0.999], 0.999)
        .build(|lab, k| {
            lab.with(
                "Adam",
                Adam {
                    lr: 0.1,
                    beta1: k[0],
                    beta2: k[1],
                    ..Adam::defaults(Convention::Paper)
                },
            )
        })
}

/// Notebook 10: Beale from $(1, 1.5)$, 2000 steps, the comparison's eight
/// methods ([`crate::each_method`]'s settings) with the two rates on sliders:
/// η of GD, momentum and NAG, and η of Adagrad, RMSprop, Adam and NAdam.
pub fn beale_rates() -> Result<SliderWidget> {
    Lab::new(Problem::Beale)
        .sliders()
        .knob(
            "η (GD, momentum, NAG)",
            [1e-4, 3e-4, 1e-3, 3e-3, 1e-2],
            1e-3,
        )
        .knob(
            "η (Adagrad, RMSprop, Adam, NAdam)",
            [1e-3, 1e-2, 5e-2, 1e-1, 3e-1],
            5e-2,
        )
        .build(|lab, k| {
            let p = Convention::Paper;
            let (fixed, adaptive) = (k[0], k[1]);
            lab.with(
                "GD",
                Sgd {
                    lr: fixed,
                    ..Sgd::defaults(p)
                },
            )
            .with(
                "Momentum",
                Momentum {
                    lr: fixed,
                    momentum: 0.9,
                    ..Momentum::defaults(p)
                },
            )
            .with(
                "NAG",
                Nag {
                    lr: fixed,
                    momentum: 0.9,
                    ..Nag::defaults(p)
                },
            )
            .with(
                "Adagrad",
                Adagrad {
                    lr: adaptive,
                    eps: 1e-8,
                    ..Adagrad::defaults(p)
                },
            )
            .with(
                "RMSprop",
                Rmsprop {
                    lr: adaptive,
                    rho: 0.9,
                    eps: 1e-8,
                    ..Rmsprop::defaults(p)
                },
            )
            .with(
                "Adam",
                Adam {
                    lr: adaptive,
                    ..Adam::defaults(p)
                },
            )
            .with(
                "NAdam",
                Nadam {
                    lr: adaptive,
                    ..Nadam::defaults(p)
                },
            )
        })
}

/// Notebook 13: the cosine schedule's period $T$ for GD at η₀ = 0.4 with
/// η_min = 0, beside the constant rate, 100 steps. The rate falls to 0 at
/// $t = T$ (a step of size zero there, as torch takes) and climbs again after
/// it. (Runs that end on a whole period, $100 / 2T$ whole, end almost at the
/// same loss whatever $T$: over a whole period the factors $1 - \eta_k\lambda$
/// multiply to nearly the same number per step. So the values skip $T = 25$
/// and $50$, which would look alike at the end and differ only on the way.)
pub fn cosine_period() -> Result<SliderWidget> {
    quadratic(100)
        .knob("T", [10.0, 30.0, 60.0, 100.0, 150.0, 200.0], 100.0)
        .build(|lab, k| {
            let gd = Sgd {
                lr: 0.4,
                ..Sgd::defaults(Convention::Paper)
            };
            lab.with("constant η = 0.4", gd).with(
                "cosine",
                Scheduled {
                    optimizer: gd,
                    schedule: CosineAnnealingLR {
                        // The slider's values are whole numbers.
                        t_max: k[0] as usize,
                        eta_min: 0.0,
                    },
                },
            )
        })
}

/// One of the widget functions above.
pub type Build = fn() -> Result<SliderWidget>;

/// Every widget above by name, in notebook order (what the tests and the
/// static edition's check go through).
pub fn all() -> Vec<(&'static str, Build)> {
    vec![
        ("gd_rate", gd_rate as Build),
        ("nag_vs_momentum", nag_vs_momentum),
        ("adagrad_rate", adagrad_rate),
        ("adadelta_rho", adadelta_rho),
        ("rmsprop_rho", rmsprop_rho),
        ("adam_betas", adam_betas),
        ("beale_rates", beale_rates),
        ("cosine_period", cosine_period),
    ]
}
