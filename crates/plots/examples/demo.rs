//! Writes the reference quadratic's contours with gradient-descent paths and two
//! arrows, Rosenbrock's contours with a long path, and loss curves to /tmp (SVG;
//! PNG too with `--features png`):
//!
//! ```text
//! cargo run -p plots --example demo [--features png]
//! ```
use optcore::ndarray::Array1;
use optcore::{Objective, Quadratic, Rosenbrock};

/// Plain gradient descent θ ← θ − lr ∇J(θ), kept here so the demo needs no
/// optimizer crate.
fn descend(f: &dyn Objective, start: (f64, f64), lr: f64, steps: usize) -> Vec<(f64, f64)> {
    let mut theta = Array1::from(vec![start.0, start.1]);
    let mut path = vec![start];
    for _ in 0..steps {
        let g = f.gradient(theta.view());
        theta = &theta - &(lr * &g);
        path.push((theta[0], theta[1]));
    }
    path
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let q = Quadratic::reference();
    let fast = descend(&q, (-9.0, 2.5), 0.4, 30);
    let slow = descend(&q, (-9.0, 2.5), 0.1, 30);
    let g5 = q.gradient(Array1::from(vec![fast[5].0, fast[5].1]).view());
    let contour = plots::Contour::new(&q, (-10.0, 10.0), (-3.0, 3.0))
        .title("Gradient descent on J(θ) = 0.1 θ₀² + 2 θ₁²")
        .path("GD, lr = 0.4", fast.clone())
        .path("GD, lr = 0.1", slow.clone())
        .arrow("first step", fast[0], fast[1])
        .arrow(
            "−0.4 ∇J(θ₅)",
            fast[5],
            (fast[5].0 - 0.4 * g5[0], fast[5].1 - 0.4 * g5[1]),
        )
        .render()?;
    contour.save_svg("/tmp/plots-demo-contour.svg")?;

    let r = Rosenbrock::default();
    let rpath = descend(&r, (-1.5, 2.0), 0.001, 2000);
    let rosen = plots::Contour::new(&r, (-2.0, 2.0), (-1.0, 3.0))
        .levels(15)
        .path("GD, lr = 0.001", rpath.clone())
        .render()?;
    rosen.save_svg("/tmp/plots-demo-rosenbrock.svg")?;

    let loss = |f: &dyn Objective, p: &[(f64, f64)]| -> Vec<f64> {
        p.iter()
            .map(|&(x, y)| f.value(Array1::from(vec![x, y]).view()))
            .collect()
    };
    let losses = plots::loss_curves(
        "Loss of gradient descent",
        &[
            ("quadratic, lr = 0.4", loss(&q, &fast)),
            ("quadratic, lr = 0.1", loss(&q, &slow)),
            ("Rosenbrock, lr = 0.001", loss(&r, &rpath[..31])),
        ],
        true,
    )?;
    losses.save_svg("/tmp/plots-demo-loss.svg")?;
    for (name, fig) in [
        ("contour", &contour),
        ("rosenbrock", &rosen),
        ("loss", &losses),
    ] {
        println!("/tmp/plots-demo-{name}.svg: {} bytes", fig.svg().len());
        #[cfg(feature = "png")]
        {
            fig.save_png(format!("/tmp/plots-demo-{name}.png"))?;
            println!("/tmp/plots-demo-{name}.png");
        }
    }
    Ok(())
}
