//! The backward pass as a lesson: one image through a small network, every
//! number of the chain rule from the loss back to the input, the result held to
//! central finite differences, and a check for a backward pass the student
//! writes by hand.
//!
//! ```text
//! let one = OneExample { hidden: 4, activation: Activation::Tanh, image: 0, seed: 1 };
//! one.outputs()?     // z, p = softmax(z), ∂L/∂z = p − e_y
//! one.hidden()?      // a, h = σ(a), ∂L/∂h, σ'(a), ∂L/∂a
//! one.finite_differences()?
//! one.compare(&my_gradient)?
//! ```

use ndarray::Array1;
use optcore::digits::{digits, CLASSES, PIXELS};
use optcore::error::{Error, Result};
use optcore::mlp::{Activation, ExamplePass, Mlp};
use optcore::render::{Cell, Table};
use optcore::{ExampleLoss, Objective};

/// One image of the digits through a network of `hidden` units whose
/// parameters are drawn with `seed`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OneExample {
    /// Hidden units H (1 to 512; a handful keeps the tables short).
    pub hidden: usize,
    pub activation: Activation,
    /// Which image: its row in the digits file, 0 to 1796.
    pub image: usize,
    /// The seed of the initial parameters ([`Mlp::init`]).
    pub seed: u64,
}

/// The step of the central differences: small enough for the curvature's error
/// (∝ h²), large enough for rounding's (∝ 1/h).
const FD_STEP: f64 = 1e-6;

/// How close a hand-written gradient must come to the library's: the same chain
/// rule summed in another order differs by a few ulps.
pub const CHECK_REL: f64 = 1e-9;

impl OneExample {
    /// The notebook's example.
    pub fn lesson() -> OneExample {
        OneExample {
            hidden: 4,
            activation: Activation::Tanh,
            image: 0,
            seed: 1,
        }
    }

    /// The network over every image and its parameters θ; an error for a width
    /// or an image out of range.
    pub fn network(&self) -> Result<(Mlp, Array1<f64>)> {
        let net = Mlp::new(digits(), self.hidden, CLASSES, self.activation)?;
        if self.image >= net.len() {
            return Err(Error::Hyperparameter {
                name: "image",
                value: self.image as f64,
                accepts: "an image's row in the digits file, 0 to 1796",
            });
        }
        let theta = net.init(self.seed);
        Ok((net, theta))
    }

    /// The image itself: its 8 × 8 pixels as the network reads them (the file's
    /// 0 to 16 divided by 16), the top row of the picture at the top.
    pub fn picture(&self) -> Result<plots::Heatmap> {
        let (net, _) = self.network()?;
        let x = net.data.features.row(self.image);
        let side = (PIXELS as f64).sqrt() as usize;
        let at = |v: usize| v as f64 + 0.5;
        // The heat map's row j is drawn at height j: the picture's row side − 1 − j.
        let values = (0..side)
            .map(|j| (0..side).map(|i| x[(side - 1 - j) * side + i]).collect())
            .collect();
        Ok(plots::Heatmap::new(
            (0..side).map(at).collect(),
            (0..side).map(at).collect(),
            values,
        )
        .title(format!(
            "Image {}: a handwritten {} (8 × 8 pixels)",
            self.image, net.data.targets[self.image]
        ))
        .x_label("column")
        .y_label("row, counted from the bottom")
        .value_label("pixel / 16")
        .size(420, 360))
    }

    /// Every value of the pass.
    pub fn pass(&self) -> Result<ExamplePass> {
        let (net, theta) = self.network()?;
        net.example_pass(self.image, theta.view())
    }

    /// The library's gradient $\nabla_\theta L$ for this image.
    pub fn gradient(&self) -> Result<Array1<f64>> {
        Ok(self.pass()?.gradient)
    }

    /// The output layer: $z_c$, $p_c$ and $\partial L/\partial z_c = p_c -
    /// [c = y]$ for each class, the loss in the note.
    pub fn outputs(&self) -> Result<Table> {
        let e = self.pass()?;
        let mut t = Table::new(
            format!("Image {} (class {}): the output layer", self.image, e.class),
            &[
                "class c",
                "z_c",
                "p_c = softmax(z)_c",
                "∂L/∂z_c = p_c − [c = y]",
            ],
        );
        for c in 0..e.z.len() {
            t.push(vec![c.into(), e.z[c].into(), e.p[c].into(), e.dz[c].into()]);
        }
        Ok(t.with_note(format!(
            "loss L = −log p_y = {}",
            optcore::render::fmt_num(e.loss)
        )))
    }

    /// The hidden layer, forward and back: $a_j$, $h_j = \sigma(a_j)$,
    /// $\partial L/\partial h_j = \sum_c W_{2,cj}\,\partial L/\partial z_c$,
    /// $\sigma'(a_j)$ and $\partial L/\partial a_j$.
    pub fn hidden(&self) -> Result<Table> {
        let e = self.pass()?;
        let mut t = Table::new(
            format!("Image {}: the hidden layer, forward and back", self.image),
            &[
                "unit j",
                "a_j",
                "h_j = σ(a_j)",
                "∂L/∂h_j",
                "σ'(a_j)",
                "∂L/∂a_j",
            ],
        );
        for j in 0..e.a.len() {
            t.push(vec![
                j.into(),
                e.a[j].into(),
                e.h[j].into(),
                e.dh[j].into(),
                e.slope[j].into(),
                e.da[j].into(),
            ]);
        }
        Ok(t)
    }

    /// Where the named parameters sit in θ: W₁ of unit 0 at the brightest
    /// pixel, b₁ of unit 0, W₂ from unit 0 to the image's class, b₂ of the class.
    fn probes(&self, e: &ExamplePass, net: &Mlp) -> Vec<(String, usize)> {
        let (d, h, k) = (PIXELS, self.hidden, CLASSES);
        let x = net.data.features.row(self.image);
        let bright = (0..d).fold(0, |b, p| if x[p] > x[b] { p } else { b });
        let (b1, w2, b2) = (h * d, h * d + h, h * d + h + k * h);
        vec![
            (format!("W₁[0][{bright}]"), bright),
            ("b₁[0]".to_string(), b1),
            (format!("W₂[{}][0]", e.class), w2 + e.class * h),
            (format!("b₂[{}]", e.class), b2 + e.class),
        ]
    }

    /// The backward pass against central differences of the loss, $(L(\theta +
    /// h e_k) - L(\theta - h e_k))/2h$, on four parameters, one of each block.
    pub fn finite_differences(&self) -> Result<Table> {
        let (net, theta) = self.network()?;
        let e = net.example_pass(self.image, theta.view())?;
        let mut t = Table::new(
            format!(
                "Image {}: backward pass against central differences (h = {FD_STEP:e})",
                self.image
            ),
            &[
                "parameter",
                "backward pass",
                "central difference",
                "|difference|",
            ],
        );
        for (name, k) in self.probes(&e, &net) {
            let (mut up, mut down) = (theta.clone(), theta.clone());
            up[k] += FD_STEP;
            down[k] -= FD_STEP;
            let loss = |th: &Array1<f64>| net.example_loss(self.image, th.view());
            let fd = (loss(&up) - loss(&down)) / (2.0 * FD_STEP);
            t.push(vec![
                name.into(),
                e.gradient[k].into(),
                fd.into(),
                (e.gradient[k] - fd).abs().into(),
            ]);
        }
        Ok(t)
    }

    /// A hand-written gradient (θ's layout: W₁ row by row, b₁, W₂ row by row,
    /// b₂) against the library's, block by block, with a verdict: ✓ where every
    /// value is within 1e-9 relative of the library's.
    pub fn compare(&self, mine: &[f64]) -> Result<Table> {
        let (net, theta) = self.network()?;
        let lib = net.example_pass(self.image, theta.view())?.gradient;
        optcore::error::check_dim(
            "your gradient against the parameters",
            lib.len(),
            mine.len(),
        )?;
        let (d, h, k) = (PIXELS, self.hidden, CLASSES);
        let blocks = [
            ("W₁", 0, h * d),
            ("b₁", h * d, h * d + h),
            ("W₂", h * d + h, h * d + h + k * h),
            ("b₂", h * d + h + k * h, lib.len()),
        ];
        let mut t = Table::new(
            format!(
                "Your backward pass against the library's (image {})",
                self.image
            ),
            &["block", "values", "max |yours − library|", "verdict"],
        );
        let mut first_wrong = None;
        for (name, from, to) in blocks {
            let mut worst = 0.0f64;
            let mut right = true;
            for i in from..to {
                let diff = (mine[i] - lib[i]).abs();
                worst = worst.max(if diff.is_nan() { f64::INFINITY } else { diff });
                right &= diff <= CHECK_REL * lib[i].abs().max(1e-12);
            }
            if !right && first_wrong.is_none() {
                first_wrong = Some(name);
            }
            t.push(vec![
                Cell::from(name),
                (to - from).into(),
                worst.into(),
                Cell::from(if right { "✓" } else { "✗" }),
            ]);
        }
        Ok(t.with_note(match first_wrong {
            None => "✓ your backward pass is the library's in every block".to_string(),
            Some(b) => {
                format!("✗ the first block that differs is {b}: follow the chain rule back to it")
            }
        }))
    }

    /// The mean loss over every image at this θ (the starting loss a run sees).
    pub fn mean_loss(&self) -> Result<f64> {
        let (net, theta) = self.network()?;
        Ok(net.value(theta.view()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_library_gradient_checks_and_a_slip_is_named() {
        let one = OneExample::lesson();
        let g = one.gradient().unwrap();
        let t = one.compare(g.as_slice().unwrap()).unwrap();
        assert!(t.note.as_deref().unwrap().starts_with('✓'), "{t}");
        // A slip in one value is named by its block.
        let mut wrong = g.to_vec();
        let b2 = wrong.len() - CLASSES;
        wrong[b2 + one.pass().unwrap().class] += 1.0;
        let t = one.compare(&wrong).unwrap();
        assert_eq!(
            t.note.as_deref(),
            Some("✗ the first block that differs is b₂: follow the chain rule back to it")
        );
        assert!(one.compare(&wrong[1..]).is_err());
    }

    #[test]
    fn the_backward_pass_matches_central_differences() {
        for activation in [Activation::Tanh, Activation::Relu] {
            let one = OneExample {
                activation,
                ..OneExample::lesson()
            };
            let t = one.finite_differences().unwrap();
            for row in &t.rows {
                let diff = match row[3] {
                    Cell::Num(x) => x,
                    _ => panic!("{t}"),
                };
                assert!(diff < 1e-8, "{t}");
            }
        }
    }

    #[test]
    fn bad_knobs_are_refused() {
        let bad = |one: OneExample| one.outputs().unwrap_err();
        assert!(matches!(
            bad(OneExample {
                hidden: 0,
                ..OneExample::lesson()
            }),
            Error::Hyperparameter { name: "hidden", .. }
        ));
        assert!(matches!(
            bad(OneExample {
                image: 1797,
                ..OneExample::lesson()
            }),
            Error::Hyperparameter { name: "image", .. }
        ));
    }
}
