//! `cargo bench -p fastupdate`: one step of every fast optimizer (both
//! conventions, the documented variants), f32 and f64, n ∈ {10³, 10⁵, 10⁷},
//! each beside its floor — [`fastupdate::floor`], a streaming kernel over the
//! step's own θ, g and state arrays with the same threads, leaving their values as
//! they were — timed in the same run, alternating, and interleaved round by round
//! with the rows of a small group (see `bench`).
//! Writes `target/bench/updates.csv` (under `CARGO_TARGET_DIR` when set) with the
//! columns `optimizer,dtype,n,ns_per_step,floor_ns_per_step` and prints the
//! ratios.
//!
//! A plain timing loop (no criterion: fewer dependencies to build): warm-up,
//! then the median of 31 repeats, each repeat the mean of a batch of steps sized
//! to take about 2 ms (at least one step). `FASTUPDATE_BENCH_N=10000000` limits the
//! run to the sizes listed (comma separated), `FASTUPDATE_BENCH_ONLY=adam/pytorch`
//! to the optimizers named (comma separated), `FASTUPDATE_BENCH_DTYPE=f32` to one
//! dtype (`scripts/bench-torch.py --rounds` uses the three for its head-to-head).

use fastupdate::adadelta::Adadelta;
use fastupdate::adagrad::Adagrad;
use fastupdate::adam::{Adam, EpsPlacement};
use fastupdate::adamax::Adamax;
use fastupdate::adamw::AdamW;
use fastupdate::amsgrad::Amsgrad;
use fastupdate::gd::Sgd;
use fastupdate::momentum::Momentum;
use fastupdate::nadam::Nadam;
use fastupdate::nag::Nag;
use fastupdate::rmsprop::Rmsprop;
use fastupdate::*;
use optcore::Convention;
use std::fmt::Write as _;
use std::time::Instant;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// A fast optimizer with its name in the CSV.
type Named<F> = (String, Box<dyn SliceUpdate<F>>);

/// `opt`'s fast optimizer, named `name/convention`.
fn named<O: FastStep, F: Float>(name: &str, opt: O, n: usize) -> Result<Named<F>> {
    let fast: Box<dyn SliceUpdate<F>> = Box::new(Slices::new(&opt, n)?);
    Ok((format!("{name}/{}", opt.convention()), fast))
}

/// Every fast optimizer at its defaults (and its variants), both conventions.
fn all<F: Float>(n: usize) -> Result<Vec<Named<F>>> {
    let mut v: Vec<Named<F>> = Vec::new();
    for c in [Convention::Paper, Convention::Pytorch] {
        let centered = Rmsprop {
            centered: true,
            momentum: 0.9,
            ..Rmsprop::defaults(c)
        };
        v.extend([
            named("sgd", Sgd::defaults(c), n)?,
            named("momentum", Momentum::defaults(c), n)?,
            named("nag", Nag::defaults(c), n)?,
            named("adagrad", Adagrad::defaults(c), n)?,
            named("adadelta", Adadelta::defaults(c), n)?,
            named("rmsprop", Rmsprop::defaults(c), n)?,
            named("rmsprop-centered-momentum", centered, n)?,
            named("adam", Adam::defaults(c), n)?,
            named("nadam", Nadam::defaults(c), n)?,
            named("adamax", Adamax::defaults(c), n)?,
            named("amsgrad", Amsgrad::defaults(c), n)?,
            named("adamw", AdamW::defaults(c), n)?,
        ]);
    }
    let inside = Adam {
        eps_placement: EpsPlacement::InsideRoot,
        ..Adam::defaults(Convention::Paper)
    };
    v.push(named("adam-eps-inside", inside, n)?);
    Ok(v)
}

/// The mean time of `batch` calls, in ns.
fn time(batch: usize, mut f: impl FnMut() -> optcore::Result<()>) -> Result<f64> {
    let start = Instant::now();
    for _ in 0..batch {
        f()?;
    }
    Ok(start.elapsed().as_nanos() as f64 / batch as f64)
}

struct Row {
    optimizer: String,
    dtype: &'static str,
    n: usize,
    step: f64,
    floor: f64,
}

/// The comma-separated list in the environment variable `var`, if it is set.
fn env_list(var: &str) -> Option<Vec<String>> {
    std::env::var(var)
        .ok()
        .map(|s| s.split(',').map(|x| x.trim().to_string()).collect())
}

/// Rows interleaved per round ([`bench`]): how many optimizers' arrays are alive
/// at once (at n = 10⁷ in f64 about 2 GB for six).
const GROUP: usize = 6;

/// Alternating step/floor pairs per row: a VM's memory bandwidth drifts from
/// one moment to the next, and a median of a few pairs moves with it (the
/// crate's README).
const REPEATS: usize = 31;

/// One optimizer under test: its own θ, its batch size, its samples.
struct Case<F: Float> {
    name: String,
    opt: Box<dyn SliceUpdate<F>>,
    theta: Vec<F>,
    batch: usize,
    step: Vec<f64>,
    floor: Vec<f64>,
}

fn bench<F: Float>(n: usize, rows: &mut Vec<Row>) -> Result<()> {
    if env_list("FASTUPDATE_BENCH_DTYPE").is_some_and(|d| !d.iter().any(|d| d == F::NAME)) {
        return Ok(());
    }
    let only = env_list("FASTUPDATE_BENCH_ONLY");
    // Gradients of size ~1 with both signs, parameters around 1: no subnormals.
    let grad: Vec<F> = (0..n)
        .map(|i| F::of(((i * 7919) % 1000) as f64 / 500.0 - 1.0 + 1e-3))
        .collect();
    let start: Vec<F> = (0..n)
        .map(|i| F::of(1.0 + (i % 10) as f64 / 10.0))
        .collect();
    let mut chosen = all::<F>(n)?
        .into_iter()
        .filter(|(name, _)| only.as_ref().is_none_or(|o| o.contains(name)))
        .peekable();
    // A few optimizers at a time, their pairs interleaved round by round: a
    // machine can have moments (about a second) in which a step heavy in
    // divisions and square roots runs slower while the floor does not (the
    // crate's README); a row's pairs run back to back could all fall in one and
    // take the row's median with them. Interleaved, such a moment takes a few
    // pairs of each row in the group, and the median stands.
    while chosen.peek().is_some() {
        let mut group: Vec<Case<F>> = Vec::new();
        for (name, mut opt) in chosen.by_ref().take(GROUP) {
            let mut theta = start.clone();
            // Warm-up: page in the state, wake the thread pool; estimate one step.
            let t0 = Instant::now();
            opt.update(&mut theta, &grad)?;
            let one = t0.elapsed().as_nanos().max(1) as f64;
            let batch = ((2e6 / one) as usize).clamp(1, 10_000);
            // The floor streams over the step's own θ and state arrays and leaves
            // their values as they were ([`floor`]): the same memory, pages and
            // alignment.
            floor(&mut theta, &grad, opt.state_arrays())?;
            group.push(Case {
                name,
                opt,
                theta,
                batch,
                step: Vec::with_capacity(REPEATS),
                floor: Vec::with_capacity(REPEATS),
            });
        }
        for _ in 0..REPEATS {
            for c in group.iter_mut() {
                // Step and floor alternate, so both see the same load.
                let (opt, theta) = (&mut c.opt, &mut c.theta);
                c.step.push(time(c.batch, || opt.update(theta, &grad))?);
                c.floor
                    .push(time(c.batch, || floor(theta, &grad, opt.state_arrays()))?);
            }
        }
        for mut c in group {
            c.step.sort_by(f64::total_cmp);
            c.floor.sort_by(f64::total_cmp);
            let (step, fl) = (c.step[REPEATS / 2], c.floor[REPEATS / 2]);
            println!(
                "{:<34} {:<4} n = {n:>8}: step {:>12.0} ns, floor {:>12.0} ns, ratio {:.3}",
                c.name,
                F::NAME,
                step,
                fl,
                step / fl
            );
            rows.push(Row {
                optimizer: c.name,
                dtype: F::NAME,
                n,
                step,
                floor: fl,
            });
        }
    }
    Ok(())
}

/// The ratio the crate README's criterion reads (step within 1.15× of the floor),
/// per size: the largest row and every row above 1.15.
fn summary(rows: &[Row]) {
    let mut sizes: Vec<usize> = rows.iter().map(|r| r.n).collect();
    sizes.dedup();
    for n in sizes {
        let at_n = rows.iter().filter(|r| r.n == n);
        let Some(top) = at_n
            .clone()
            .max_by(|a, b| (a.step / a.floor).total_cmp(&(b.step / b.floor)))
        else {
            continue;
        };
        let count = at_n.clone().count();
        let over: Vec<String> = at_n
            .filter(|r| r.step / r.floor > 1.15)
            .map(|r| format!("{} {} {:.3}", r.optimizer, r.dtype, r.step / r.floor))
            .collect();
        // At the small sizes every array is in cache and the arithmetic, not the
        // memory, sets the pace: most rows are above there. Name a few.
        let mut named = over.iter().take(4).cloned().collect::<Vec<_>>().join(", ");
        if over.len() > 4 {
            named.push_str(", …");
        }
        println!(
            "n = {n}: largest step/floor {:.3} ({} {}); above 1.15: {} of {count} rows{}{named}",
            top.step / top.floor,
            top.optimizer,
            top.dtype,
            over.len(),
            if over.is_empty() { "" } else { ": " },
        );
    }
}

fn main() -> Result<()> {
    // `cargo bench` passes `--bench`; a filter is not supported (run it all).
    let sizes: Vec<usize> = match std::env::var("FASTUPDATE_BENCH_N") {
        Ok(s) => s
            .split(',')
            .map(|x| x.trim().parse())
            .collect::<std::result::Result<_, _>>()?,
        Err(_) => vec![1_000, 100_000, 10_000_000],
    };
    println!(
        "fastupdate: {} rayon threads, kernels: f32 {}, f64 {}",
        rayon::current_num_threads(),
        kernels_for::<f32>().name(),
        kernels_for::<f64>().name()
    );
    let mut rows = Vec::new();
    for &n in &sizes {
        bench::<f32>(n, &mut rows)?;
        bench::<f64>(n, &mut rows)?;
    }
    summary(&rows);
    let mut csv = String::from("optimizer,dtype,n,ns_per_step,floor_ns_per_step\n");
    for r in &rows {
        writeln!(
            csv,
            "{},{},{},{:.0},{:.0}",
            r.optimizer, r.dtype, r.n, r.step, r.floor
        )?;
    }
    let dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            // crates/fast → the workspace root's target/
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .ancestors()
                .nth(2);
            root.unwrap_or(std::path::Path::new(".")).join("target")
        })
        .join("bench");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("updates.csv");
    std::fs::write(&path, csv)?;
    println!("wrote {}", path.display());
    Ok(())
}
