//! The course map (notebook `00-overview`): the post's methods drawn as a map of
//! ideas, every update rule in one notation with the numbers of its first steps,
//! and a notation crosswalk between the post, the papers, torch.optim and optax.
//!
//! The symbols of the rules and the crosswalk's last column are this project's
//! (`optcore::hyper`'s symbol of each hyperparameter); the numbers come from the
//! optimizers themselves ([`first_steps`]).

use crate::{each_method, Visit};
use optcore::error::Result;
use optcore::render::symbol;
use optcore::{reference_start, run, Markdown, Optimizer, Quadratic, Table};
use plots::diagram::{Diagram, Group, Node};

/// Where a method sits on the post's map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// 스텝 방향 (the direction of the step): GD, Momentum, NAG.
    Direction,
    /// 스텝 사이즈 (the size of the step, per parameter): Adagrad, Adadelta, RMSprop.
    Size,
    /// 둘 다 (both): Adam, NAdam.
    Both,
}

impl Family {
    pub fn title(self) -> &'static str {
        match self {
            Family::Direction => "step direction · 스텝 방향",
            Family::Size => "step size · 스텝 사이즈",
            Family::Both => "both · 둘 다",
        }
    }
    fn index(self) -> usize {
        self as usize
    }
}

/// One method on the map: its `optrace` name, title, family, the key line of
/// its rule, and where it is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    pub name: &'static str,
    pub title: &'static str,
    pub family: Family,
    pub key: &'static str,
    pub at: (f64, f64),
}

/// The eight methods in the post's order.
pub const MAP: [Place; 8] = [
    Place {
        name: "sgd",
        title: "Gradient Descent",
        family: Family::Direction,
        key: "θ ← θ − ηg",
        at: (150.0, 110.0),
    },
    Place {
        name: "momentum",
        title: "Momentum",
        family: Family::Direction,
        key: "v ← γv + ηg",
        at: (150.0, 215.0),
    },
    Place {
        name: "nag",
        title: "NAG",
        family: Family::Direction,
        key: "g at θ − γv",
        at: (150.0, 320.0),
    },
    Place {
        name: "adagrad",
        title: "Adagrad",
        family: Family::Size,
        key: "η/√(G + ε), G = Σg²",
        at: (460.0, 110.0),
    },
    Place {
        name: "adadelta",
        title: "Adadelta",
        family: Family::Size,
        key: "RMS[Δθ]/RMS[g]: no η",
        at: (460.0, 320.0),
    },
    Place {
        name: "rmsprop",
        title: "RMSprop",
        family: Family::Size,
        key: "η/√(E[g²] + ε)",
        at: (460.0, 215.0),
    },
    Place {
        name: "adam",
        title: "Adam",
        family: Family::Both,
        key: "m̂/(√v̂ + ε)",
        at: (770.0, 110.0),
    },
    Place {
        name: "nadam",
        title: "NAdam",
        family: Family::Both,
        key: "Adam + NAG's lookahead",
        at: (770.0, 245.0),
    },
];

/// Which idea each method takes from which (by `optrace` name), and how far the
/// arrow bends to pass the boxes between (pixels; 0 straight).
pub const BUILDS_ON: [(&str, &str, f64); 9] = [
    ("sgd", "momentum", 0.0),
    ("momentum", "nag", 0.0),
    ("sgd", "adagrad", 0.0),
    ("adagrad", "rmsprop", 0.0),
    ("adagrad", "adadelta", -300.0),
    ("momentum", "adam", 0.0),
    ("rmsprop", "adam", 0.0),
    ("adam", "nadam", 0.0),
    ("nag", "nadam", 0.0),
];

/// The post's map of methods: three columns (direction, size, both), an arrow
/// from each method to the ones that build on it.
pub fn method_map() -> Diagram {
    Diagram {
        title: "다양한 optimization 기법들: which idea each method adds".into(),
        size: (920, 370),
        groups: [Family::Direction, Family::Size, Family::Both]
            .iter()
            .zip([150.0, 460.0, 770.0])
            .map(|(f, x)| Group {
                title: f.title().into(),
                x,
            })
            .collect(),
        nodes: MAP
            .iter()
            .map(|p| Node {
                id: p.name,
                title: p.title.into(),
                detail: p.key.into(),
                at: p.at,
                group: p.family.index(),
            })
            .collect(),
        edges: BUILDS_ON.to_vec(),
    }
}

/// Every update rule in one notation ($g_t = \nabla J(\theta_{t-1})$, the
/// hyperparameters by their symbols here), with the state each method keeps.
pub fn update_rules() -> Markdown {
    let (eta, gamma, rho, eps, b1, b2) = (
        symbol("lr"),
        symbol("momentum"),
        symbol("rho"),
        symbol("eps"),
        symbol("beta1"),
        symbol("beta2"),
    );
    // The symbols as LaTeX (the table is rendered by the notebook's math).
    let tex = |s: &str| {
        match s {
            "η" => r"\eta",
            "γ" => r"\gamma",
            "ρ" => r"\rho",
            "ε" => r"\epsilon",
            "β₁" => r"\beta_1",
            "β₂" => r"\beta_2",
            other => other,
        }
        .to_string()
    };
    let (e, ga, r, ep, b_1, b_2) = (tex(eta), tex(gamma), tex(rho), tex(eps), tex(b1), tex(b2));
    let rows = [
        (
            "Gradient Descent",
            format!(r"$\theta_t = \theta_{{t-1}} - {e}\,g_t$"),
            "—",
        ),
        (
            "Momentum",
            format!(r"$v_t = {ga} v_{{t-1}} + {e}\,g_t,\quad \theta_t = \theta_{{t-1}} - v_t$"),
            "$v$",
        ),
        (
            "NAG",
            format!(
                r"$g_t = \nabla J(\theta_{{t-1}} - {ga} v_{{t-1}}),\quad v_t = {ga} v_{{t-1}} + {e}\,g_t,\quad \theta_t = \theta_{{t-1}} - v_t$"
            ),
            "$v$",
        ),
        (
            "Adagrad",
            format!(
                r"$G_t = G_{{t-1}} + g_t^2,\quad \theta_t = \theta_{{t-1}} - \frac{{{e}}}{{\sqrt{{G_t + {ep}}}}}\,g_t$"
            ),
            "$G$ (diagonal)",
        ),
        (
            "Adadelta",
            format!(
                r"$E[g^2]_t = {r} E[g^2]_{{t-1}} + (1-{r}) g_t^2,\quad \Delta\theta_t = -\frac{{\mathrm{{RMS}}[\Delta\theta]_{{t-1}}}}{{\mathrm{{RMS}}[g]_t}}\,g_t,\quad \theta_t = \theta_{{t-1}} + \Delta\theta_t$"
            ),
            r"$E[g^2]$, $E[\Delta\theta^2]$",
        ),
        (
            "RMSprop",
            format!(
                r"$E[g^2]_t = {r} E[g^2]_{{t-1}} + (1-{r}) g_t^2,\quad \theta_t = \theta_{{t-1}} - \frac{{{e}}}{{\sqrt{{E[g^2]_t + {ep}}}}}\,g_t$"
            ),
            "$E[g^2]$",
        ),
        (
            "Adam",
            format!(
                r"$m_t = {b_1} m_{{t-1}} + (1-{b_1}) g_t,\ v_t = {b_2} v_{{t-1}} + (1-{b_2}) g_t^2,\ \theta_t = \theta_{{t-1}} - {e}\,\frac{{\hat m_t}}{{\sqrt{{\hat v_t}} + {ep}}}$"
            ),
            r"$m$, $v$ ($\hat m_t = m_t/(1-\beta_1^t)$)",
        ),
        (
            "NAdam",
            format!(
                r"$\theta_t = \theta_{{t-1}} - \frac{{{e}}}{{\sqrt{{\hat v_t}} + {ep}}}\Big({b_1}\hat m_t + \frac{{(1-{b_1})\,g_t}}{{1-{b_1}^t}}\Big)$"
            ),
            "$m$, $v$",
        ),
    ];
    let mut s = String::from(
        "| method | update (one notation: $g_t = \\nabla J(\\theta_{t-1})$) | state kept |\n|---|---|---|\n",
    );
    for (m, rule, state) in rows {
        s.push_str(&format!("| {m} | {rule} | {state} |\n"));
    }
    s.push_str(&format!(
        "\nAdadelta's $\\mathrm{{RMS}}[x]_t = \\sqrt{{E[x^2]_t + {ep}}}$. Symbols: {eta} learning rate, \
         {gamma} momentum, {rho} decay of a squared average, {b1} and {b2} Adam's two decays, {eps} the guard \
         against dividing by zero."
    ));
    Markdown(s)
}

struct FirstSteps {
    table: Table,
}

impl Visit for FirstSteps {
    fn visit<O: Optimizer>(&mut self, method: &'static str, opt: &O) -> Result<()> {
        let tr = run(opt, Quadratic::reference(), reference_start().view(), 3)?;
        let theta = |t: usize| tr.rows.get(t).map(|r| r.theta.clone());
        let cell = |t: usize, i: usize| theta(t).map_or(f64::NAN, |th| th[i]);
        self.table.push(vec![
            method.into(),
            opt.symbols().into(),
            cell(1, 0).into(),
            cell(1, 1).into(),
            cell(3, 0).into(),
            cell(3, 1).into(),
            tr.rows.last().map_or(f64::NAN, |r| r.loss).into(),
        ]);
        Ok(())
    }
}

/// The same start for all eight: three steps on $J = 0.1x^2 + 2y^2$ from
/// $(-5, -2)$, η = 0.1 for every method that takes one, the post's other values.
pub fn first_steps() -> Result<Table> {
    let mut v = FirstSteps {
        table: Table::new(
            "three steps of every method on J = 0.1x² + 2y² from (−5, −2), η = 0.1",
            &["method", "hyperparameters", "x₁", "y₁", "x₃", "y₃", "J(θ₃)"],
        ),
    };
    each_method(0.1, 0.1, &mut v)?;
    Ok(v.table)
}

/// Which name each quantity goes by: the post, the papers, torch.optim, optax,
/// and this project (its `optrace` flag, and the symbol the notebooks print,
/// read from `optcore::hyper`).
pub fn crosswalk() -> Table {
    let mut t = Table::new(
        "one quantity, many names",
        &["quantity", "post", "papers", "torch.optim", "optax", "here"],
    );
    let here = |flag: &str, name: &str| format!("--{flag} ({})", symbol(name));
    let rows: [[String; 6]; 6] = [
        [
            "learning rate".into(),
            "η".into(),
            "η; α in Kingma & Ba (Adam)".into(),
            "lr".into(),
            "learning_rate".into(),
            here("lr", "lr"),
        ],
        [
            "momentum coefficient".into(),
            "γ".into(),
            "μ (Sutskever et al. 2013); β₁ (Adam)".into(),
            "momentum; betas[0]".into(),
            "momentum; b1".into(),
            format!(
                "{}; {}",
                here("momentum", "momentum"),
                here("beta1", "beta1")
            ),
        ],
        [
            "decay of the squared average".into(),
            "γ (Adadelta section)".into(),
            "ρ (Zeiler); 0.9 in Hinton's lecture; β₂ (Adam)".into(),
            "rho (Adadelta); alpha (RMSprop); betas[1]".into(),
            "rho (adadelta); decay (rmsprop); b2".into(),
            format!("{}; {}", here("rho", "rho"), here("beta2", "beta2")),
        ],
        [
            "guard against ÷0".into(),
            "ε".into(),
            "ε".into(),
            "eps".into(),
            "eps; eps_root (inside the root)".into(),
            here("eps", "eps"),
        ],
        [
            "momentum's memory".into(),
            "v (velocity, θ ← θ − v)".into(),
            "v".into(),
            "momentum_buffer b (θ ← θ − lr·b, v = lr·b)".into(),
            "trace".into(),
            "velocity / buf".into(),
        ],
        [
            "NAdam's momentum schedule".into(),
            "— (section empty)".into(),
            "μₜ = β₁(1 − ½·0.96^(tψ)) (Dozat 2016)".into(),
            "momentum_decay".into(),
            "— (nadam = adam with nesterov)".into(),
            here("momentum-decay", "momentum_decay"),
        ],
    ];
    for r in rows {
        t.push(r.into_iter().map(Into::into).collect());
    }
    t
}

/// Where ε goes, method by method: inside the root $\sqrt{s + \epsilon}$ or
/// added to it $\sqrt s + \epsilon$. This project's two conventions follow the
/// post/papers and torch.optim (tested in this module).
pub fn eps_placement() -> Table {
    let mut t = Table::new(
        "where ε goes: √(s + ε) inside, √s + ε outside",
        &[
            "method",
            "post / paper",
            "torch.optim",
            "optax",
            "here: paper",
            "here: pytorch",
        ],
    );
    for r in [
        [
            "Adagrad",
            "inside (the post)",
            "outside",
            "inside",
            "inside",
            "outside",
        ],
        [
            "Adadelta",
            "inside (Zeiler)",
            "inside",
            "inside",
            "inside",
            "inside",
        ],
        [
            "RMSprop",
            "inside (Ruder; Hinton's slide has none)",
            "outside",
            "inside (eps_in_sqrt)",
            "inside",
            "outside",
        ],
        [
            "Adam",
            "outside (Kingma & Ba)",
            "outside",
            "outside (+ eps_root inside)",
            "outside",
            "outside",
        ],
        [
            "NAdam",
            "outside (Dozat)",
            "outside",
            "outside",
            "outside",
            "outside",
        ],
    ] {
        t.push(r.iter().map(|&c| c.into()).collect());
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;
    use optcore::Convention;

    /// The map names the optimizers [`each_method`] runs, in its order.
    #[test]
    fn the_map_holds_every_method_once() {
        struct Names(Vec<&'static str>);
        impl Visit for Names {
            fn visit<O: Optimizer>(&mut self, _: &'static str, opt: &O) -> Result<()> {
                self.0.push(opt.name());
                Ok(())
            }
        }
        let mut n = Names(Vec::new());
        each_method(0.1, 0.1, &mut n).unwrap();
        assert_eq!(n.0, MAP.map(|p| p.name));
        assert!(method_map().svg().is_ok());
        for (a, b, _) in BUILDS_ON {
            assert!(MAP.iter().any(|p| p.name == a) && MAP.iter().any(|p| p.name == b));
        }
    }

    /// The ε table's "here" columns are what the optimizers do: one step on a
    /// constant gradient g = 2 with ε = 1 tells √(s + ε) from √s + ε.
    #[test]
    fn eps_columns_match_the_optimizers() {
        let j = optcore::Slope::new(2.0);
        let start = array![0.0];
        let inside = |s: f64, eps: f64| 2.0 / (s + eps).sqrt();
        let outside = |s: f64, eps: f64| 2.0 / (s.sqrt() + eps);
        let placement = |moved: f64, s: f64, eps: f64| {
            if (moved - inside(s, eps)).abs() < 1e-12 {
                "inside"
            } else if (moved - outside(s, eps)).abs() < 1e-12 {
                "outside"
            } else {
                "neither"
            }
        };
        let table = eps_placement();
        for (row, c, col) in [(0, Convention::Paper, 4), (0, Convention::Pytorch, 5)] {
            let opt = adagrad::Adagrad {
                lr: 1.0,
                eps: 1.0,
                ..adagrad::Adagrad::defaults(c)
            };
            let tr = run(&opt, j, start.view(), 1).unwrap();
            let moved = -tr.rows[1].theta[0];
            let text = match &table.rows[row][col] {
                optcore::render::Cell::Text(s) => s.clone(),
                other => panic!("{other:?}"),
            };
            assert_eq!(text, placement(moved, 4.0, 1.0), "Adagrad {c}");
        }
        for (c, col) in [(Convention::Paper, 4), (Convention::Pytorch, 5)] {
            // RMSprop's first step: E[g²]₁ = (1 − ρ)·4.
            let opt = rmsprop::Rmsprop {
                lr: 1.0,
                eps: 1.0,
                rho: 0.5,
                ..rmsprop::Rmsprop::defaults(c)
            };
            let tr = run(&opt, j, start.view(), 1).unwrap();
            let moved = -tr.rows[1].theta[0];
            let text = match &table.rows[2][col] {
                optcore::render::Cell::Text(s) => s.clone(),
                other => panic!("{other:?}"),
            };
            assert_eq!(text, placement(moved, 2.0, 1.0), "RMSprop {c}");
        }
    }
}
