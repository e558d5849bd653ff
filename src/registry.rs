//! # The registry: the one list of optimizers
//!
//! One line per optimizer, in the post's order: the name `optrace --optimizer`
//! takes (the same as its [`Optimizer::name`]), its type, and one line saying
//! what it does. From this table come the optimizer crates re-exported at this
//! crate's root, [`METHODS`], and [`visit`], which hands each type to a
//! [`Visitor`]: `optrace` builds its list of methods that way, so its
//! `--optimizer` values, `--help` (who takes each flag) and `--defaults` follow
//! this table, and its tests hold every optimizer here to the CLI's contract.
//!
//! Adding an optimizer `foo` (a crate `crates/foo` whose type `foo::Foo`
//! implements [`Optimizer`], [`FromFlags`] and [`LearningRate`]) touches:
//!
//! 1. its own crate, `crates/foo/` (`Cargo.toml` and `src/lib.rs`);
//! 2. the root `Cargo.toml`: `foo = { path = "crates/foo" }` under
//!    `[workspace.dependencies]` and `foo.workspace = true` under `[dependencies]`;
//! 3. this file: one line `"foo" => foo::Foo, "what it does";` below.
//!
//! Then cargo updates `Cargo.lock`, and `snapshots/optrace__defaults.snap` (what
//! `optrace --defaults` prints) gains a row for `foo` (`cargo insta review`).
//! Nothing else: `optrace --optimizer foo` runs, `optrace --help` and
//! `--defaults` list it, and optrace's tests hold it to the command line's
//! contract. A hyperparameter that no optimizer had before also needs its row in
//! `optcore::hyper::HYPERPARAMETERS` and its field in `optcore::Flags`.

use optcore::{FromFlags, LearningRate, Optimizer};

/// What the registry says of one optimizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// As `optrace --optimizer` takes it, and as [`Optimizer::name`] returns it.
    pub name: &'static str,
    /// One line for `--help`.
    pub about: &'static str,
}

/// Something that is handed every optimizer type of the registry, in order (see
/// [`visit`]).
///
/// Every optimizer also implements [`LearningRate`] (a schedule sets its η;
/// `optcore::learning_rate_field!` for a type with an `lr` field): a type
/// without it does not compile into the registry. Every optimizer is plain data
/// (its hyperparameters), so it is `Send + Sync + 'static` and `Debug`: the
/// network's lessons train each on several threads and print its settings.
pub trait Visitor {
    fn visit<O: Optimizer + FromFlags + LearningRate + Send + Sync + std::fmt::Debug + 'static>(
        &mut self,
        entry: Entry,
    );
}

macro_rules! registry {
    ($($name:literal => $krate:ident :: $ty:ident, $about:literal;)*) => {
        /// The optimizer crates of the registry, re-exported at the crate root.
        pub mod crates {
            $(pub use $krate;)*
        }

        /// Every optimizer of the registry, in order.
        pub const METHODS: &[Entry] = &[$(Entry { name: $name, about: $about }),*];

        /// Their names, in order.
        pub const NAMES: &[&str] = &[$($name),*];

        /// Hands each optimizer type of the registry, in order, to `visitor`.
        pub fn visit<V: Visitor>(visitor: &mut V) {
            $(visitor.visit::<$krate::$ty>(Entry { name: $name, about: $about });)*
        }
    };
}

registry! {
    "sgd" => gd::Sgd, "gradient descent: θ ← θ − η∇J(θ)";
    "momentum" => momentum::Momentum, "momentum: v ← γv + η∇J(θ), θ ← θ − v";
    "nag" => nag::Nag, "Nesterov's accelerated gradient: ∇J at the lookahead θ − γv";
    "adagrad" => adagrad::Adagrad, "Adagrad: η/√(G + ε) per coordinate, G the sum of squared gradients";
    "adadelta" => adadelta::Adadelta, "Adadelta: RMS[Δθ]/RMS[g] in place of η (the units of θ)";
    "rmsprop" => rmsprop::Rmsprop, "RMSprop: η/√(E[g²] + ε), E[g²] a decaying average";
    "adam" => adam::Adam, "Adam: momentum and RMSprop, both bias-corrected";
    "nadam" => nadam::Nadam, "NAdam: Adam with Nesterov's lookahead on its momentum";
    "adamax" => adamax::Adamax, "AdaMax: Adam with the infinity norm u = max(β₂u, |g|) in place of √v̂";
    "amsgrad" => amsgrad::Amsgrad, "AMSGrad: Adam dividing by the largest second moment so far, max(v̂, v)";
    "adamw" => adamw::AdamW, "AdamW: Adam plus weight decay λθ applied to θ, not added to the gradient";
}

#[cfg(test)]
mod tests {
    use super::*;
    use optcore::{Convention, Flags};

    /// Each name is the optimizer's own [`Optimizer::name`], once.
    #[test]
    fn names_are_the_optimizers_own() {
        struct Names(Vec<&'static str>);
        impl Visitor for Names {
            fn visit<O: Optimizer + FromFlags>(&mut self, entry: Entry) {
                for c in [Convention::Paper, Convention::Pytorch] {
                    let opt = O::from_flags(c, &Flags::default()).expect("its defaults");
                    assert_eq!(opt.name(), entry.name);
                }
                self.0.push(entry.name);
            }
        }
        let mut names = Names(Vec::new());
        visit(&mut names);
        assert_eq!(names.0, NAMES);
        let mut unique = names.0.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), NAMES.len());
        assert_eq!(METHODS.iter().map(|e| e.name).collect::<Vec<_>>(), NAMES);
    }
}
