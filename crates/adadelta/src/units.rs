//! Units tracked by the type system: the post's argument that an update must have
//! the unit of θ, checked by the compiler.
//!
//! Let θ be a length in metres and the loss J an energy in joules. Then
//! $g = \partial J/\partial\theta$ is in J/m and $H = \partial^2 J/\partial\theta^2$ in
//! J/m². A [`Quantity<U>`] is an `f64` tagged with its unit `U` (a zero-sized
//! marker type); `+`/`−` exist only between equal units, `×`/`÷` only where the
//! resulting unit is defined here.
//!
//! SGD's update $\theta - \eta g$ subtracts J/m from metres (η a plain number) and
//! does not compile:
//!
//! ```compile_fail,E0308
//! use adadelta::units::*;
//! let theta = Quantity::<Metre>::new(2.0);
//! let g = Quantity::<JoulePerMetre>::new(0.5);
//! let eta = 0.1;
//! let _ = theta - eta * g; // m − J/m: no such subtraction
//! ```
//!
//! Nor does Adagrad's, whose update $\eta\\,g/\sqrt{G}$ is a pure number:
//!
//! ```compile_fail,E0308
//! use adadelta::units::*;
//! let theta = Quantity::<Metre>::new(2.0);
//! let g = Quantity::<JoulePerMetre>::new(0.5);
//! let big_g: Quantity<SquareJoulePerSquareMetre> = g * g;
//! let step: Quantity<One> = (0.1 / big_g.sqrt()) * g;
//! let _ = theta - step; // m − (dimensionless)
//! ```
//!
//! Newton's $-H^{-1}g$ and Adadelta's $-\frac{RMS\[\Delta\theta\]}{RMS\[g\]}\\,g$ are in
//! metres and compile:
//!
//! ```
//! use adadelta::units::*;
//! let theta = Quantity::<Metre>::new(2.0);
//! let g = Quantity::<JoulePerMetre>::new(0.5);
//! let h = Quantity::<JoulePerSquareMetre>::new(0.25);
//! let newton: Quantity<Metre> = theta - g / h; // J/m ÷ J/m² = m
//! assert_eq!(newton.value, 0.0);
//!
//! let e_dx2 = Quantity::<SquareMetre>::new(0.04);
//! let e_g2 = Quantity::<SquareJoulePerSquareMetre>::new(0.25);
//! let ratio: Quantity<SquareMetrePerJoule> = e_dx2.sqrt() / e_g2.sqrt();
//! let adadelta: Quantity<Metre> = theta - ratio * g; // m²/J × J/m = m
//! assert!((adadelta.value - 1.8).abs() < 1e-12);
//! ```

use std::fmt;
use std::marker::PhantomData;
use std::ops::{Add, Div, Mul, Neg, Sub};

/// A unit: a zero-sized marker type with its symbol.
pub trait Unit: Copy {
    const SYMBOL: &'static str;
}

macro_rules! units {
    ($($name:ident => $sym:expr, $doc:expr;)*) => {$(
        #[doc = $doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct $name;
        impl Unit for $name {
            const SYMBOL: &'static str = $sym;
        }
    )*};
}

units! {
    One => "1", "A pure number.";
    Metre => "m", "θ: a length.";
    Joule => "J", "The loss J: an energy.";
    JoulePerMetre => "J/m", "The gradient ∂J/∂θ.";
    JoulePerSquareMetre => "J/m²", "The Hessian ∂²J/∂θ².";
    SquareJoulePerSquareMetre => "J²/m²", "g², E\\[g²\\], Adagrad's G.";
    SquareMetre => "m²", "Δθ², E\\[Δθ²\\].";
    SquareMetrePerJoule => "m²/J", "H⁻¹, and Adadelta's RMS\\[Δθ\\]/RMS\\[g\\].";
    MetrePerJoule => "m/J", "1/g, and Adagrad's η/√G.";
}

/// A number with a unit.
#[derive(Clone, Copy, PartialEq)]
pub struct Quantity<U: Unit> {
    pub value: f64,
    unit: PhantomData<U>,
}

impl<U: Unit> Quantity<U> {
    pub fn new(value: f64) -> Self {
        Quantity {
            value,
            unit: PhantomData,
        }
    }
    /// The unit's symbol.
    pub fn unit(&self) -> &'static str {
        U::SYMBOL
    }
}

impl<U: Unit> fmt::Debug for Quantity<U> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.value, U::SYMBOL)
    }
}

impl<U: Unit> fmt::Display for Quantity<U> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", optcore::fmt_num(self.value), U::SYMBOL)
    }
}

impl<U: Unit> Add for Quantity<U> {
    type Output = Quantity<U>;
    fn add(self, o: Self) -> Self {
        Quantity::new(self.value + o.value)
    }
}

impl<U: Unit> Sub for Quantity<U> {
    type Output = Quantity<U>;
    fn sub(self, o: Self) -> Self {
        Quantity::new(self.value - o.value)
    }
}

impl<U: Unit> Neg for Quantity<U> {
    type Output = Quantity<U>;
    fn neg(self) -> Self {
        Quantity::new(-self.value)
    }
}

/// A plain number (η, ρ, 1 − ρ) scales any quantity.
impl<U: Unit> Mul<Quantity<U>> for f64 {
    type Output = Quantity<U>;
    fn mul(self, q: Quantity<U>) -> Quantity<U> {
        Quantity::new(self * q.value)
    }
}

/// `A × B = C`, with the two divisions it implies (`C ÷ B = A`, `C ÷ A = B`).
macro_rules! product {
    ($a:ident * $b:ident = $c:ident) => {
        impl Mul<Quantity<$b>> for Quantity<$a> {
            type Output = Quantity<$c>;
            fn mul(self, o: Quantity<$b>) -> Quantity<$c> {
                Quantity::new(self.value * o.value)
            }
        }
        impl Mul<Quantity<$a>> for Quantity<$b> {
            type Output = Quantity<$c>;
            fn mul(self, o: Quantity<$a>) -> Quantity<$c> {
                Quantity::new(self.value * o.value)
            }
        }
        impl Div<Quantity<$b>> for Quantity<$c> {
            type Output = Quantity<$a>;
            fn div(self, o: Quantity<$b>) -> Quantity<$a> {
                Quantity::new(self.value / o.value)
            }
        }
        impl Div<Quantity<$a>> for Quantity<$c> {
            type Output = Quantity<$b>;
            fn div(self, o: Quantity<$a>) -> Quantity<$b> {
                Quantity::new(self.value / o.value)
            }
        }
    };
}

/// `A × A = C` and `C ÷ A = A`, with `C.sqrt() = A`.
macro_rules! square {
    ($a:ident ^2 = $c:ident) => {
        impl Mul<Quantity<$a>> for Quantity<$a> {
            type Output = Quantity<$c>;
            fn mul(self, o: Quantity<$a>) -> Quantity<$c> {
                Quantity::new(self.value * o.value)
            }
        }
        impl Div<Quantity<$a>> for Quantity<$c> {
            type Output = Quantity<$a>;
            fn div(self, o: Quantity<$a>) -> Quantity<$a> {
                Quantity::new(self.value / o.value)
            }
        }
        impl Quantity<$c> {
            /// The square root, in the root unit (the RMS of a mean square).
            pub fn sqrt(self) -> Quantity<$a> {
                Quantity::new(self.value.sqrt())
            }
        }
    };
}

product!(JoulePerSquareMetre * Metre = JoulePerMetre); // H·Δθ = g, so g ÷ H = m
product!(SquareMetrePerJoule * JoulePerMetre = Metre); // RMS ratio × g = m
product!(MetrePerJoule * JoulePerMetre = One); // Adagrad's η/√G × g: a pure number
product!(JoulePerMetre * Metre = Joule); // g·Δθ: the first-order change of J
square!(JoulePerMetre ^ 2 = SquareJoulePerSquareMetre);
square!(Metre ^ 2 = SquareMetre);

/// A plain number divided by J/m (Adagrad's η/√G) is in m/J.
impl Div<Quantity<JoulePerMetre>> for f64 {
    type Output = Quantity<MetrePerJoule>;
    fn div(self, o: Quantity<JoulePerMetre>) -> Quantity<MetrePerJoule> {
        Quantity::new(self / o.value)
    }
}

/// The unit of the value `q` (for tables that show what a step computed).
pub fn unit_of<U: Unit>(_q: &Quantity<U>) -> &'static str {
    U::SYMBOL
}

/// Newton's step $-g/H$ on one parameter: J/m ÷ J/m² = m.
pub fn newton_step(
    g: Quantity<JoulePerMetre>,
    h: Quantity<JoulePerSquareMetre>,
) -> Quantity<Metre> {
    -(g / h)
}

/// Adadelta's step $-\frac{RMS\[\Delta\theta\]_{t-1}}{RMS\[g\]_t} g_t$:
/// (m ÷ J/m) × J/m = m.
pub fn adadelta_step(
    avg_sq_update: Quantity<SquareMetre>,
    avg_sq_grad: Quantity<SquareJoulePerSquareMetre>,
    eps_update: Quantity<SquareMetre>,
    eps_grad: Quantity<SquareJoulePerSquareMetre>,
    g: Quantity<JoulePerMetre>,
) -> Quantity<Metre> {
    let ratio = (avg_sq_update + eps_update).sqrt() / (avg_sq_grad + eps_grad).sqrt();
    -(ratio * g)
}

/// Adagrad's step $-\frac{\eta}{\sqrt{G}} g$ with η a plain number: m/J × J/m = 1,
/// not metres.
pub fn adagrad_step(
    lr: f64,
    sum_sq_grad: Quantity<SquareJoulePerSquareMetre>,
    g: Quantity<JoulePerMetre>,
) -> Quantity<One> {
    -((lr / sum_sq_grad.sqrt()) * g)
}

/// SGD's step $-\eta g$ with η a plain number: J/m, not metres.
pub fn sgd_step(lr: f64, g: Quantity<JoulePerMetre>) -> Quantity<JoulePerMetre> {
    -(lr * g)
}

/// SGD's step type-checks only if η itself is in m²/J, the unit of $H^{-1}$: the
/// learning rate that makes SGD dimensionally right is an inverse curvature.
pub fn sgd_step_with_unitful_lr(
    lr: Quantity<SquareMetrePerJoule>,
    g: Quantity<JoulePerMetre>,
) -> Quantity<Metre> {
    -(lr * g)
}

/// Adadelta's numerator ε must be in m² and its denominator ε in J²/m²: one
/// number cannot be both, which is why rescaling θ does not map Adadelta exactly.
pub fn adadelta_eps_units() -> (&'static str, &'static str) {
    (SquareMetre::SYMBOL, SquareJoulePerSquareMetre::SYMBOL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_have_the_units_the_post_says() {
        let g = Quantity::<JoulePerMetre>::new(0.5);
        let h = Quantity::<JoulePerSquareMetre>::new(0.25);
        assert_eq!(unit_of(&newton_step(g, h)), "m");
        assert_eq!(newton_step(g, h).value, -2.0);
        let z = Quantity::<SquareMetre>::new(0.0);
        let d = adadelta_step(z, g * g, Quantity::new(1e-6), Quantity::new(1e-6), g);
        assert_eq!(unit_of(&d), "m");
        assert_eq!(unit_of(&adagrad_step(0.1, g * g, g)), "1");
        assert_eq!(unit_of(&sgd_step(0.1, g)), "J/m");
        assert_eq!(
            unit_of(&sgd_step_with_unitful_lr(Quantity::new(4.0), g)),
            "m"
        );
    }
}
