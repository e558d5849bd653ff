//! An optimizer's hyperparameters, declared once.
//!
//! [`hyperparameters!`](crate::hyperparameters) takes one line per hyperparameter
//! (its default under each [`Convention`], when it is listed, and a check if its
//! domain is not the shared one of [`crate::hyper::HYPERPARAMETERS`]) and writes
//! from it: the struct with public fields (a student writes
//! `Adam { beta1: 0.0, ..Adam::defaults(Convention::Paper) }`), `defaults`,
//! [`FromFlags`](crate::FromFlags) and the [`Declared`] facts that
//! [`declared_methods!`](crate::declared_methods) turns into
//! [`Optimizer::name`](crate::Optimizer::name), `convention`, `hyperparameters`,
//! `validate` and `validate_zero_rate`. The flag, symbol and shared domain of each name are the
//! table's ([`crate::hyper`]); an optimizer adds only what is its own.
//!
//! ```
//! use optcore::{Convention, Flags, FromFlags, Optimizer};
//! # use optcore::{Oracle, Record, Field, Result};
//! # use optcore::ndarray::{ArrayView1, ArrayViewMut1};
//!
//! optcore::hyperparameters! {
//!     /// Hyperparameters of a heavy ball with its own decay.
//!     pub struct Ball("ball") {
//!         /// The learning rate η.
//!         lr = { paper: 0.1, pytorch: 0.01 };
//!         /// The momentum γ.
//!         momentum = 0.9;
//!         /// A damping of its own, listed only when it is on (no `optrace` flag).
//!         damping = 0.0, listed if nonzero, check optcore::error::check_non_negative, no flag;
//!     }
//! }
//! # #[derive(Clone, Debug)] pub struct R; impl Record for R { fn fields(&self) -> Vec<Field> { vec![] } }
//! # impl Optimizer for Ball {
//! #     optcore::declared_methods!();
//! #     type State = (); type Record = R;
//! #     fn init(&self, _: ArrayView1<f64>) {}
//! #     fn step(&self, _: &mut (), _: ArrayViewMut1<f64>, _: &mut dyn Oracle) -> Result<()> { Ok(()) }
//! #     fn record(&self, _: &()) -> R { R }
//! # }
//!
//! let b = Ball::defaults(Convention::Pytorch);
//! assert_eq!((b.lr, b.momentum, b.damping), (0.01, 0.9, 0.0));
//! assert_eq!(b.hyperparameters(), vec![("lr", 0.01), ("momentum", 0.9)]);
//! let flags = Flags { lr: Some(0.5), ..Flags::default() };
//! assert_eq!(Ball::from_flags(Convention::Paper, &flags)?.lr, 0.5);
//! let bad = Flags { momentum: Some(1.0), ..Flags::default() };
//! assert!(Ball::from_flags(Convention::Paper, &bad).unwrap_err().to_string().contains("momentum"));
//! assert!(Ball { damping: -1.0, ..b }.validated().is_err());
//! # Ok::<(), optcore::Error>(())
//! ```
//!
//! Each line: `name = default` (one number for both conventions) or
//! `name = { paper: a, pytorch: b }`, then in this order, each optional:
//! - `listed if pytorch` / `listed if nonzero`: when
//!   [`Optimizer::hyperparameters`](crate::Optimizer::hyperparameters) lists it
//!   (default: always). A flag is read only under a convention that lists it.
//! - `check f`: its domain check, in place of the table's shared one.
//! - `no flag`: it has no `optrace` flag (no field of [`Flags`](crate::Flags)); it
//!   keeps its default in `from_flags`.
//!
//! After the lines, optional blocks: `switches { name: Type = default; … }` for the
//! variants that are not numbers (a `bool` or an enum, never read from flags), and
//! `also path;` naming a `fn(&Self) -> Result<()>` of further rules that
//! `validate` applies after the fields' checks (a value refused under one
//! convention only, a switch another convention does not have).

use crate::error::{Error, Result};
use crate::optimizer::Convention;

/// What [`hyperparameters!`](crate::hyperparameters) declares about an optimizer:
/// read by [`declared_methods!`](crate::declared_methods), which fills in the
/// matching [`Optimizer`](crate::Optimizer) methods.
pub trait Declared {
    /// Its name, as `optrace --optimizer` spells it.
    const NAME: &'static str;
    /// The convention it was built for.
    fn declared_convention(&self) -> Convention;
    /// The numeric hyperparameters it lists, in declaration order.
    fn declared_hyperparameters(&self) -> Vec<(&'static str, f64)>;
    /// Every field's domain check in declaration order, then the `also` rules.
    fn check_declared(&self) -> Result<()>;
    /// [`Declared::check_declared`] with `lr` = 0 passing (the check of a step
    /// a schedule set to rate 0, [`Optimizer::validate_zero_rate`](crate::Optimizer::validate_zero_rate)).
    fn check_declared_zero_rate(&self) -> Result<()>;
}

/// The shared domain check of the hyperparameter `name` (the table's,
/// [`crate::hyper::HYPERPARAMETERS`]).
pub fn check_shared(name: &'static str, value: f64) -> Result<()> {
    match crate::hyper::by_name(name) {
        Some(h) => (h.check)(name, value),
        None => Err(Error::Hyperparameter {
            name,
            value,
            accepts: "a name of optcore::hyper's table, or a check of its own in the declaration",
        }),
    }
}

/// Declares an optimizer's hyperparameters once; see the [module docs](crate::declare).
#[macro_export]
macro_rules! hyperparameters {
    (
        $(#[$meta:meta])*
        pub struct $ty:ident ($name:literal) {
            $(
                $(#[$fmeta:meta])*
                $field:ident = $default:tt
                    $(, listed if $when:ident)?
                    $(, check $check:path)?
                    $(, no $noflag:ident)?
                ;
            )*
        }
        $(switches {
            $( $(#[$smeta:meta])* $switch:ident : $sty:ty = $sdefault:expr; )*
        })?
        $(also $also:path;)?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq)]
        pub struct $ty {
            $( $(#[$fmeta])* pub $field: f64, )*
            /// Which formulas it follows, and so its defaults.
            pub convention: $crate::Convention,
            $($( $(#[$smeta])* pub $switch: $sty, )*)?
        }

        impl $ty {
            #[doc = concat!(
                "The documented defaults under `convention`:",
                $(" `", stringify!($field), "` = ", stringify!($default), ";",)*
                $($(" `", stringify!($switch), "` = ", stringify!($sdefault), ";",)*)?
            )]
            pub fn defaults(convention: $crate::Convention) -> Self {
                $ty {
                    $( $field: $crate::hyperparameters!(@default convention $default), )*
                    convention,
                    $($( $switch: $sdefault, )*)?
                }
            }
        }

        impl $crate::FromFlags for $ty {
            /// Every flag it lists under `convention` (the rest keep their
            /// defaults), then validated.
            fn from_flags(
                convention: $crate::Convention,
                flags: &$crate::Flags,
            ) -> $crate::Result<Self> {
                let d = Self::defaults(convention);
                $crate::Optimizer::validated($ty {
                    $( $field: $crate::hyperparameters!(
                        @read flags convention d.$field, $field $(, $when)? $(; $noflag)?
                    ), )*
                    ..d
                })
            }
        }

        impl $crate::declare::Declared for $ty {
            const NAME: &'static str = $name;
            fn declared_convention(&self) -> $crate::Convention {
                self.convention
            }
            fn declared_hyperparameters(&self) -> ::std::vec::Vec<(&'static str, f64)> {
                let mut listed = ::std::vec::Vec::new();
                $(
                    if $crate::hyperparameters!(@listed self self.$field $(, $when)?) {
                        listed.push((stringify!($field), self.$field));
                    }
                )*
                listed
            }
            fn check_declared(&self) -> $crate::Result<()> {
                $( $crate::hyperparameters!(@check $field, self.$field $(, $check)?)?; )*
                $( $also(self)?; )?
                Ok(())
            }
            fn check_declared_zero_rate(&self) -> $crate::Result<()> {
                $( $crate::hyperparameters!(@check_zero_rate $field, self.$field $(, $check)?)?; )*
                $( $also(self)?; )?
                Ok(())
            }
        }
    };

    (@default $c:ident { paper: $p:expr, pytorch: $q:expr $(,)? }) => {
        match $c {
            $crate::Convention::Paper => $p,
            $crate::Convention::Pytorch => $q,
        }
    };
    (@default $c:ident $d:expr) => { $d };

    (@listed $s:ident $v:expr) => { true };
    (@listed $s:ident $v:expr, pytorch) => { $s.convention == $crate::Convention::Pytorch };
    (@listed $s:ident $v:expr, nonzero) => { $v != 0.0 };

    // A field without a flag keeps its default.
    (@read $f:ident $c:ident $d:expr, $field:ident $(, $when:ident)?; flag) => { $d };
    (@read $f:ident $c:ident $d:expr, $field:ident) => { $f.$field.unwrap_or($d) };
    (@read $f:ident $c:ident $d:expr, $field:ident, nonzero) => { $f.$field.unwrap_or($d) };
    (@read $f:ident $c:ident $d:expr, $field:ident, pytorch) => {
        match $c {
            $crate::Convention::Pytorch => $f.$field.unwrap_or($d),
            $crate::Convention::Paper => $d,
        }
    };

    (@check $field:ident, $v:expr) => {
        $crate::declare::check_shared(stringify!($field), $v)
    };
    (@check $field:ident, $v:expr, $check:path) => { $check(stringify!($field), $v) };
    // A schedule's step at rate 0: `lr` = 0 passes, any other value of any field
    // is checked as above.
    (@check_zero_rate lr, $v:expr $(, $check:path)?) => {
        if $v == 0.0 {
            Ok(())
        } else {
            $crate::hyperparameters!(@check lr, $v $(, $check)?)
        }
    };
    (@check_zero_rate $field:ident, $v:expr $(, $check:path)?) => {
        $crate::hyperparameters!(@check $field, $v $(, $check)?)
    };
}

/// The [`Optimizer`](crate::Optimizer) methods that [`hyperparameters!`](crate::hyperparameters)
/// declared (`name`, `convention`, `hyperparameters`, `validate`,
/// `validate_zero_rate`), written inside
/// the optimizer's own `impl Optimizer` block, so that block holds only its state,
/// its step and its record.
#[macro_export]
macro_rules! declared_methods {
    () => {
        fn name(&self) -> &'static str {
            <Self as $crate::declare::Declared>::NAME
        }
        fn convention(&self) -> $crate::Convention {
            $crate::declare::Declared::declared_convention(self)
        }
        fn hyperparameters(&self) -> ::std::vec::Vec<(&'static str, f64)> {
            $crate::declare::Declared::declared_hyperparameters(self)
        }
        fn validate(&self) -> $crate::Result<()> {
            $crate::declare::Declared::check_declared(self)
        }
        fn validate_zero_rate(&self) -> $crate::Result<()> {
            $crate::declare::Declared::check_declared_zero_rate(self)
        }
    };
}

/// [`Optimizer::step`](crate::Optimizer::step) for a method whose step is one
/// formula per convention: [`begin_step`](crate::optimizer::begin_step) (the
/// checks, then $g_t$ at θ), then `self.step_paper(s, theta, t)` or
/// `self.step_pytorch(s, theta, t)`, then the step count. Written inside the
/// optimizer's `impl Optimizer` block, naming its state type and, where the state
/// keeps $t$ and $g_t$ in a field (`moments`), that field:
///
/// ```text
/// optcore::step_by_convention!(AdamState);
/// optcore::step_by_convention!(AdamWState, moments);
/// ```
///
/// On error (bad hyperparameters, a dimension, a non-finite gradient) θ and the
/// state are unchanged: the formulas run only after the gradient is in.
#[macro_export]
macro_rules! step_by_convention {
    ($state:ty $(, $field:ident)?) => {
        fn step(
            &self,
            s: &mut $state,
            theta: $crate::ndarray::ArrayViewMut1<f64>,
            oracle: &mut dyn $crate::Oracle,
        ) -> $crate::Result<()> {
            let counter = &mut (*s)$(.$field)?;
            let t = $crate::begin_step(self, &mut counter.grad, counter.t, theta.view(), oracle)?;
            match self.convention {
                $crate::Convention::Paper => self.step_paper(s, theta, t),
                $crate::Convention::Pytorch => self.step_pytorch(s, theta, t),
            }
            s$(.$field)?.t = t;
            Ok(())
        }
    };
}

/// [`hyperparameters!`](crate::hyperparameters) for a method of the Adam family:
/// its η, then Kingma & Ba's β₁ = 0.9, β₂ = 0.999 and ε = 1e-8 (which torch.optim
/// shares), then the method's own lines. The switches and `also` blocks follow as
/// in `hyperparameters!`.
///
/// ```text
/// optcore::adam_hyperparameters! {
///     /// Hyperparameters of AdamW.
///     pub struct AdamW("adamw", lr = 1e-3) {
///         weight_decay = { paper: 1e-5, pytorch: 1e-2 };
///     }
/// }
/// ```
#[macro_export]
macro_rules! adam_hyperparameters {
    (
        $(#[$meta:meta])*
        pub struct $ty:ident ($name:literal, lr = $lr:tt) { $($own:tt)* }
        $($tail:tt)*
    ) => {
        $crate::hyperparameters! {
            $(#[$meta])*
            pub struct $ty($name) {
                /// The step size η (α in Kingma & Ba).
                lr = $lr;
                /// β₁, the decay of the first moment $m_t$.
                beta1 = 0.9;
                /// β₂, the decay of the second moment $v_t$.
                beta2 = 0.999;
                /// ε, added to the root of the second moment.
                eps = 1e-8;
                $($own)*
            }
            $($tail)*
        }
    };
}

#[cfg(test)]
mod tests {
    use crate::error::Error;
    use crate::{check_step, Exact, Field, Optimizer, Oracle, Quadratic, Record, ZeroRate};
    use ndarray::{array, ArrayView1, ArrayViewMut1};

    crate::hyperparameters! {
        /// A rate and a momentum: enough to see which checks a zero rate skips.
        pub struct Ball("ball") {
            lr = 0.1;
            momentum = 0.9;
        }
    }

    #[derive(Clone, Debug)]
    pub struct Nothing;
    impl Record for Nothing {
        fn fields(&self) -> Vec<Field> {
            Vec::new()
        }
    }
    impl Optimizer for Ball {
        crate::declared_methods!();
        type State = ();
        type Record = Nothing;
        fn init(&self, _: ArrayView1<f64>) {}
        fn step(&self, _: &mut (), _: ArrayViewMut1<f64>, _: &mut dyn Oracle) -> crate::Result<()> {
            Ok(())
        }
        fn record(&self, _: &()) -> Nothing {
            Nothing
        }
    }

    fn names(r: crate::Result<()>) -> Option<&'static str> {
        match r {
            Ok(()) => None,
            Err(Error::Hyperparameter { name, .. }) => Some(name),
            Err(e) => panic!("{e:?}"),
        }
    }

    /// `validate_zero_rate` lets `lr` = 0 through and nothing else; `check_step`
    /// uses it only under a `ZeroRate` oracle.
    #[test]
    fn a_zero_rate_passes_only_the_zero_rate_check() {
        let zero = Ball {
            lr: 0.0,
            ..Ball::defaults(crate::Convention::Paper)
        };
        assert_eq!(names(zero.validate()), Some("lr"));
        assert_eq!(names(zero.validate_zero_rate()), None);
        for lr in [-0.1, f64::NAN, f64::INFINITY] {
            assert_eq!(names(Ball { lr, ..zero }.validate_zero_rate()), Some("lr"));
        }
        let bad = Ball {
            momentum: 1.0,
            ..zero
        };
        assert_eq!(names(bad.validate_zero_rate()), Some("momentum"));

        let theta = array![1.0, 2.0];
        let mut oracle = Exact::new(Quadratic::reference());
        assert_eq!(
            names(check_step(&zero, theta.view(), 2, &oracle)),
            Some("lr")
        );
        let marked = ZeroRate::new(&mut oracle);
        assert!(marked.zero_rate());
        assert_eq!(names(check_step(&zero, theta.view(), 2, &marked)), None);
        assert_eq!(
            names(check_step(&bad, theta.view(), 2, &marked)),
            Some("momentum")
        );
    }
}
