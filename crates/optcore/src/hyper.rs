//! The one table of hyperparameters: for each, the name
//! [`Optimizer::hyperparameters`](crate::Optimizer::hyperparameters) gives it, its
//! `optrace` flag, the post's symbol, what it is, its domain and the check of
//! that domain, and where its value goes in [`Flags`].
//!
//! Everything that names a hyperparameter reads this table: `optrace`'s flags,
//! their `--help` and their checks, and the symbols of notebook labels
//! ([`crate::render::symbol`], which [`Optimizer::symbols`](crate::Optimizer::symbols)
//! uses). A new hyperparameter flag is a row here and a field of [`Flags`].

use crate::error::{
    check_non_negative, check_open_unit_interval, check_positive, check_unit_interval, Result,
};
use crate::flags::Flags;

/// A domain check from [`crate::error`], called with the name to put in its error.
pub type Check = fn(&'static str, f64) -> Result<()>;

/// Where a hyperparameter's value goes in [`Flags`].
pub type Slot = fn(&mut Flags) -> &mut Option<f64>;

/// One hyperparameter flag.
#[derive(Clone, Copy)]
pub struct Hyperparameter {
    /// As [`Optimizer::hyperparameters`](crate::Optimizer::hyperparameters) names
    /// it: `momentum_decay`.
    pub name: &'static str,
    /// Its `optrace` flag: `--momentum-decay`.
    pub flag: &'static str,
    /// The post's symbol, for tables and labels: `ψ`.
    pub symbol: &'static str,
    /// What it is, for `--help`: `NAdam's momentum decay ψ`.
    pub what: &'static str,
    /// The domain every optimizer shares, for `--help`: `>= 0`.
    pub domain: &'static str,
    /// The check of that domain (the library's own, so the wording matches its
    /// errors).
    pub check: Check,
    /// Where its value goes.
    pub slot: Slot,
    /// The edge of the shared domain that some optimizer may refuse, and the
    /// domain it then has (`--help` lists who: Adadelta refuses eps = 0).
    pub edge: Option<(f64, &'static str)>,
}

impl Hyperparameter {
    /// Its value in `flags` (`None`: not given).
    pub fn get(&self, flags: &Flags) -> Option<f64> {
        let mut flags = *flags;
        *(self.slot)(&mut flags)
    }

    /// Sets its value in `flags`.
    pub fn set(&self, flags: &mut Flags, value: Option<f64>) {
        *(self.slot)(flags) = value;
    }
}

/// Every hyperparameter flag, in the order `optrace --help` lists them.
pub const HYPERPARAMETERS: [Hyperparameter; 8] = [
    Hyperparameter {
        name: "lr",
        flag: "--lr",
        symbol: "η",
        what: "learning rate η",
        domain: "> 0",
        check: check_positive,
        slot: |f| &mut f.lr,
        edge: None,
    },
    Hyperparameter {
        name: "momentum",
        flag: "--momentum",
        symbol: "γ",
        what: "momentum γ",
        domain: "in [0, 1)",
        check: check_unit_interval,
        slot: |f| &mut f.momentum,
        edge: Some((0.0, "in (0, 1)")),
    },
    Hyperparameter {
        name: "rho",
        flag: "--rho",
        symbol: "ρ",
        what: "decay rate ρ (torch's alpha for rmsprop)",
        domain: "in (0, 1)",
        check: check_open_unit_interval,
        slot: |f| &mut f.rho,
        edge: None,
    },
    Hyperparameter {
        name: "eps",
        flag: "--eps",
        symbol: "ε",
        what: "ε",
        domain: ">= 0",
        check: check_non_negative,
        slot: |f| &mut f.eps,
        edge: Some((0.0, "> 0")),
    },
    Hyperparameter {
        name: "beta1",
        flag: "--beta1",
        symbol: "β₁",
        what: "β₁",
        domain: "in [0, 1)",
        check: check_unit_interval,
        slot: |f| &mut f.beta1,
        edge: Some((0.0, "in (0, 1)")),
    },
    Hyperparameter {
        name: "beta2",
        flag: "--beta2",
        symbol: "β₂",
        what: "β₂",
        domain: "in [0, 1)",
        check: check_unit_interval,
        slot: |f| &mut f.beta2,
        edge: Some((0.0, "in (0, 1)")),
    },
    Hyperparameter {
        name: "momentum_decay",
        flag: "--momentum-decay",
        symbol: "ψ",
        what: "NAdam's momentum decay ψ",
        domain: ">= 0",
        check: check_non_negative,
        slot: |f| &mut f.momentum_decay,
        edge: Some((0.0, "> 0")),
    },
    Hyperparameter {
        name: "weight_decay",
        flag: "--weight-decay",
        symbol: "λ",
        what: "AdamW's decoupled weight decay λ (torch multiplies it by η)",
        domain: ">= 0",
        check: check_non_negative,
        slot: |f| &mut f.weight_decay,
        edge: None,
    },
];

/// The row of a hyperparameter named as
/// [`Optimizer::hyperparameters`](crate::Optimizer::hyperparameters) names it
/// (`momentum_decay`) or as its flag without the dashes (`momentum-decay`); `None`
/// for one without a flag (Adagrad's `lr_decay`, RMSprop's `centered`).
pub fn by_name(name: &str) -> Option<&'static Hyperparameter> {
    HYPERPARAMETERS
        .iter()
        .find(|h| h.name == name || &h.flag[2..] == name)
}

/// The row of a flag (`--momentum-decay`).
pub fn by_flag(flag: &str) -> Option<&'static Hyperparameter> {
    HYPERPARAMETERS.iter().find(|h| h.flag == flag)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row's flag is its name with `-` for `_`, its slot is its own field,
    /// and its check refuses NaN (so every domain says "a number").
    #[test]
    fn rows_agree_with_themselves() {
        for (i, h) in HYPERPARAMETERS.iter().enumerate() {
            assert_eq!(h.flag, format!("--{}", h.name.replace('_', "-")));
            let mut flags = Flags::default();
            h.set(&mut flags, Some(i as f64));
            for (j, other) in HYPERPARAMETERS.iter().enumerate() {
                let expected = (i == j).then_some(i as f64);
                assert_eq!(other.get(&flags), expected, "{} vs {}", h.name, other.name);
            }
            assert!((h.check)(h.name, f64::NAN).is_err(), "{}", h.name);
            assert_eq!(by_name(h.name).map(|r| r.flag), Some(h.flag));
            assert_eq!(by_name(&h.flag[2..]).map(|r| r.name), Some(h.name));
            assert_eq!(by_flag(h.flag).map(|r| r.name), Some(h.name));
        }
        assert!(by_name("lr_decay").is_none());
    }

    /// The symbols labels show, as they were before this table held them.
    #[test]
    fn symbols_of_labels() {
        let expected = [
            ("lr", "η"),
            ("momentum", "γ"),
            ("rho", "ρ"),
            ("eps", "ε"),
            ("beta1", "β₁"),
            ("beta2", "β₂"),
            ("momentum_decay", "ψ"),
            ("weight_decay", "λ"),
            ("initial_accumulator_value", "G₀"),
            ("lr_decay", "lr_decay"),
            ("centered", "centered"),
        ];
        for (name, symbol) in expected {
            assert_eq!(crate::render::symbol(name), symbol, "{name}");
        }
    }
}
