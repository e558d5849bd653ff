//! The plain form `Optimizer::update(state, θ, gradient)`, the one a user of
//! torch.optim or optax calls from their own training loop, gives the same
//! numbers as the oracle-driven `step` the notebooks use, to the last bit: both
//! run the same code (`update` hands the gradient to `step` through
//! `optcore::Given`). Every optimizer, both conventions, the variants, three
//! problems. The one difference is the loss the step "saw": the plain form is
//! given no loss, so SGD, momentum and NAG records show 0 there.

use optimizers::optcore::ndarray::{array, Array1, ArrayView1};
use optimizers::optcore::{
    Beale, Convention, Error, Exact, Field, Flags, FromFlags, Objective, Optimizer, Quadratic,
    Record, Rosenbrock,
};
use optimizers::registry::{Entry, Visitor};
use optimizers::{adagrad, adam, nag, rmsprop};

/// The fields of a record, without the loss the step saw (see the file's doc).
fn fields<R: Record>(r: &R) -> Vec<Field> {
    r.fields()
        .into_iter()
        .filter(|f| f.name != "seen_loss")
        .collect()
}

/// Runs `steps` steps both ways on `objective` from `start`; every θ and every
/// record field must agree bit for bit. `at` says where the method wants its
/// gradient (θ itself, or NAG's lookahead).
fn same_numbers<O, F>(
    opt: &O,
    objective: &dyn Objective,
    start: ArrayView1<f64>,
    steps: usize,
    at: F,
) where
    O: Optimizer,
    F: Fn(&O, &O::State, ArrayView1<f64>) -> Array1<f64>,
{
    let name = opt.describe();
    let mut oracle = Exact::new(objective);
    let (mut theta_a, mut theta_b) = (start.to_owned(), start.to_owned());
    let (mut state_a, mut state_b) = (opt.init(start), opt.init(start));
    let mut grad = Array1::zeros(start.len());
    for t in 1..=steps {
        opt.step(&mut state_a, theta_a.view_mut(), &mut oracle)
            .unwrap_or_else(|e| panic!("{name}: step {t}: {e}"));
        let point = at(opt, &state_b, theta_b.view());
        objective.gradient_into(point.view(), grad.view_mut());
        opt.update(&mut state_b, theta_b.view_mut(), grad.view())
            .unwrap_or_else(|e| panic!("{name}: update {t}: {e}"));
        let bits = |a: &Array1<f64>| a.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(
            bits(&theta_a),
            bits(&theta_b),
            "{name} on {}: θ at t = {t}",
            objective.name()
        );
        let (ra, rb) = (fields(&opt.record(&state_a)), fields(&opt.record(&state_b)));
        for (fa, fb) in ra.iter().zip(&rb) {
            let same = fa
                .values
                .iter()
                .zip(&fb.values)
                .all(|(x, y)| x.to_bits() == y.to_bits());
            assert!(
                same,
                "{name}: {} at t = {t}: {:?} vs {:?}",
                fa.name, fa.values, fb.values
            );
        }
        assert_eq!(ra.len(), rb.len());
    }
}

fn at_theta<O: Optimizer>(_: &O, _: &O::State, theta: ArrayView1<f64>) -> Array1<f64> {
    theta.to_owned()
}

fn at_lookahead(opt: &nag::Nag, s: &nag::NagState, theta: ArrayView1<f64>) -> Array1<f64> {
    opt.lookahead(s, theta).expect("same dimension")
}

/// Every optimizer of the registry under `c`, at its defaults with lr = 1e-3
/// where it takes one (a rate that keeps the three problems finite), its
/// gradient taken where it asks for it ([`Optimizer::gradient_point`]).
fn every_registered(c: Convention, objective: &dyn Objective, start: ArrayView1<f64>) {
    struct Each<'a>(Convention, &'a dyn Objective, ArrayView1<'a, f64>);
    impl Visitor for Each<'_> {
        fn visit<O: Optimizer + FromFlags>(&mut self, _: Entry) {
            let slow = Flags {
                lr: Some(1e-3),
                ..Flags::default()
            };
            let opt = O::from_flags(self.0, &slow)
                .or_else(|_| O::from_flags(self.0, &Flags::default()))
                .expect("defaults");
            same_numbers(&opt, self.1, self.2, 60, at_gradient_point);
        }
    }
    optimizers::registry::visit(&mut Each(c, objective, start));
}

fn at_gradient_point<O: Optimizer>(opt: &O, s: &O::State, theta: ArrayView1<f64>) -> Array1<f64> {
    let mut point = Array1::zeros(theta.len());
    opt.gradient_point(s, theta, point.view_mut())
        .expect("same dimension");
    point
}

/// The variants, which the registry's defaults do not reach, and the explicit
/// lookahead of NAG's paper form.
fn variants(c: Convention, objective: &dyn Objective, start: ArrayView1<f64>) {
    let n = 60;
    let lr = 1e-3;
    let nag = nag::Nag {
        lr,
        ..nag::Nag::defaults(c)
    };
    same_numbers(&nag, objective, start, n, at_lookahead);
    let centered = rmsprop::Rmsprop {
        lr,
        momentum: 0.9,
        centered: true,
        ..rmsprop::Rmsprop::defaults(c)
    };
    same_numbers(&centered, objective, start, n, at_theta);
    match c {
        Convention::Paper => {
            let a = adam::Adam {
                bias_correction: false,
                ..adam::Adam::defaults(c)
            };
            same_numbers(&a, objective, start, n, at_theta);
            let a = adam::Adam {
                eps_placement: adam::EpsPlacement::InsideRoot,
                ..adam::Adam::defaults(c)
            };
            same_numbers(&a, objective, start, n, at_theta);
        }
        Convention::Pytorch => {
            let a = adagrad::Adagrad {
                lr_decay: 0.01,
                initial_accumulator_value: 0.1,
                ..adagrad::Adagrad::defaults(c)
            };
            same_numbers(&a, objective, start, n, at_theta);
        }
    }
}

#[test]
fn update_and_step_agree_bit_for_bit() {
    for c in [Convention::Paper, Convention::Pytorch] {
        for (objective, start) in [
            (
                &Quadratic::reference() as &dyn Objective,
                array![-5.0, -2.0],
            ),
            (&Rosenbrock::default(), array![-1.5, 2.0]),
            (&Beale, array![1.0, 1.5]),
        ] {
            every_registered(c, objective, start.view());
            variants(c, objective, start.view());
        }
    }
}

/// The plain form refuses what `step` refuses, and changes nothing when it does.
#[test]
fn update_refuses_bad_gradients_and_keeps_everything() {
    let opt = adam::Adam::defaults(Convention::Pytorch);
    let mut theta = array![1.0, 2.0];
    let mut state = opt.init(theta.view());
    opt.update(&mut state, theta.view_mut(), array![0.5, -0.5].view())
        .unwrap();
    let (theta_before, state_before) = (theta.clone(), state.clone());
    let e = opt
        .update(&mut state, theta.view_mut(), array![f64::NAN, 0.0].view())
        .unwrap_err();
    assert!(
        matches!(
            e,
            Error::NonFinite {
                step: 2,
                what: "gradient"
            }
        ),
        "{e}"
    );
    let e = opt
        .update(&mut state, theta.view_mut(), array![1.0, 2.0, 3.0].view())
        .unwrap_err();
    assert!(matches!(e, Error::Dimension { .. }), "{e}");
    assert_eq!(theta, theta_before);
    assert_eq!(state, state_before);
    let nag = nag::Nag::defaults(Convention::Paper);
    let s = nag.init(theta.view());
    assert!(matches!(
        nag.lookahead(&s, array![1.0].view()),
        Err(Error::Dimension { .. })
    ));
}
