//! What notebook 14's prose says, held to the library: the data, the network's
//! shape, the runs at the defaults, the appendix's agreement with torch. Each
//! test names the paragraph it holds, in both editions where the sentence
//! quotes a number.

use network::defaults::AtDefaults;
use network::lab::{Adamax, Convention, Momentum, NetRuns, Setup, Sgd};
use network::reference;
use optcore::digits::{digits, CLASSES, PIXELS};
use optcore::ExampleLoss;
use testkit::prose::notebook;

fn en() -> testkit::prose::Notebook {
    notebook("14-network")
}
fn ko() -> testkit::prose::Notebook {
    notebook("14-network.ko")
}

/// 1,797 with a thousands separator, as the prose writes it.
fn thousands(n: usize) -> String {
    let s = n.to_string();
    let (head, tail) = s.split_at(s.len() - 3);
    format!("{head},{tail}")
}

/// "1,797 images, 10 classes", "64–32–10", images 0 to 1796.
#[test]
fn the_data_and_the_network() {
    let n = digits().len();
    let shape = format!("{PIXELS}–{}–{CLASSES}", Setup::lesson().hidden);
    let images = thousands(n);
    en().quotes(
        "In short",
        &[images.clone(), CLASSES.to_string(), shape.clone()],
    );
    ko().quotes("요약", &[images.clone(), CLASSES.to_string(), shape]);
    let last = (n - 1).to_string();
    en().quotes("picks another", std::slice::from_ref(&last));
    ko().quotes("다른 이미지를 고를", &[last]);
    assert_eq!(digits().features.ncols(), PIXELS);
}

/// The rule cell's check allows 1e-9 relative.
#[test]
fn the_check_tolerance() {
    assert_eq!(network::examples::CHECK_REL, 1e-9);
    en().quotes("The check: your gradient", &["10^{-9}".to_string()]);
    ko().quotes("확인 셀입니다", &["10^{-9}".to_string()]);
}

fn at_defaults() -> NetRuns {
    AtDefaults::lesson().run().unwrap()
}

fn validation_accuracy(runs: &NetRuns, label: &str) -> f64 {
    let l = runs.get(label).unwrap();
    l.runs
        .iter()
        .map(|r| r.trained.epochs.last().unwrap().validation_accuracy)
        .sum::<f64>()
        / l.runs.len() as f64
}

fn last(runs: &NetRuns, label: &str, of: fn(&network::Epoch) -> f64) -> f64 {
    let l = runs.get(label).unwrap();
    l.runs
        .iter()
        .map(|r| of(r.trained.epochs.last().unwrap()))
        .sum::<f64>()
        / l.runs.len() as f64
}

/// "torch's SGD takes η = 0.001, and after 20 epochs plain SGD … below 20 %.
/// Momentum and NAG, with the same η and γ = 0.9, move up to ten times further
/// per step and reach about 80 %. Every adaptive method is above 94 %", and
/// "RMSprop … best training loss, … validation loss several times higher".
#[test]
fn the_defaults_rank_by_their_defaults() {
    let sgd = Sgd::defaults(Convention::Pytorch);
    let momentum = Momentum::defaults(Convention::Pytorch);
    assert_eq!(momentum.lr, sgd.lr);
    let further = 1.0 / (1.0 - momentum.momentum);
    assert!((further - 10.0).abs() < 1e-9, "{further}");
    let epochs = Setup::lesson().epochs;
    let quoted = [
        format!("\\eta = {}", sgd.lr),
        format!("{epochs} epochs"),
        "20 %".to_string(),
        format!("\\gamma = {}", momentum.momentum),
        "ten times".to_string(),
        "80 %".to_string(),
        "94 %".to_string(),
    ];
    en().quotes("The defaults are not neutral", &quoted);
    ko().quotes(
        "기본값은 중립적이지 않습니다",
        &[
            format!("\\eta = {}", sgd.lr),
            format!("{epochs} 에폭"),
            "20 %".to_string(),
            format!("\\gamma = {}", momentum.momentum),
            "열 배".to_string(),
            "80 %".to_string(),
            "94 %".to_string(),
        ],
    );

    let runs = at_defaults();
    assert!(validation_accuracy(&runs, "sgd") < 0.20);
    for label in ["momentum", "nag"] {
        let acc = validation_accuracy(&runs, label);
        assert!((0.75..0.85).contains(&acc), "{label}: {acc}");
    }
    for label in [
        "adagrad", "adadelta", "rmsprop", "adam", "nadam", "adamax", "amsgrad", "adamw",
    ] {
        let acc = validation_accuracy(&runs, label);
        assert!(acc > 0.94, "{label}: {acc}");
    }

    // RMSprop: the lowest training loss, its validation loss several times higher.
    let train = |l: &str| last(&runs, l, |e| e.train_loss);
    let lowest = runs
        .results
        .iter()
        .map(|l| (train(&l.label), l.label.as_str()))
        .fold((f64::INFINITY, ""), |a, b| if b.0 < a.0 { b } else { a });
    assert_eq!(lowest.1, "rmsprop");
    let ratio = last(&runs, "rmsprop", |e| e.validation_loss) / lowest.0;
    assert!(ratio > 3.0, "{ratio}");
    en().paragraph("The table's best training loss is RMSprop's");
    ko().paragraph("학습 loss가 가장 낮은 것은 RMSprop");
}

/// "With `Convention::Paper` … SGD's default is then η = 0.01, and AdaMax stops
/// at its first step … the epochs before it (none, here) are kept."
#[test]
fn at_the_papers_defaults_adamax_stops_at_once() {
    let lr = Sgd::defaults(Convention::Paper).lr;
    en().quotes("With `Convention::Paper`", &[format!("\\eta = {lr}")]);
    ko().quotes("`Convention::Paper`로 바꾸면", &[format!("\\eta = {lr}")]);
    let setup = Setup::lesson();
    let nets = setup.nets().unwrap();
    for seed in AtDefaults::lesson().seeds {
        let run = setup
            .run(&nets, &Adamax::defaults(Convention::Paper), seed)
            .unwrap();
        assert!(run.trained.epochs.is_empty(), "seed {seed}");
        let stop = run.trained.stop.as_ref().expect("a stop").to_string();
        assert!(stop.contains("at step 1"), "{stop}");
    }
}

/// The mean over seeds of the last validation (or training) loss of `label`.
fn final_loss(runs: &NetRuns, label: &str, validation: bool) -> f64 {
    last(
        runs,
        label,
        if validation {
            |e| e.validation_loss
        } else {
            |e| e.train_loss
        },
    )
}

/// The playground's suggestions, run as the playground runs them (its setup,
/// its seeds): "`lr: 1.0` is still stable … a lower validation loss than η =
/// 0.1; at `lr: 3.0` … the training loss ends above ln 10 … no run stops";
/// "Momentum { lr: 0.01, momentum: 0.9 } against SGD at lr: 0.1: the same
/// effective step η/(1−γ), and after 20 epochs almost the same validation
/// loss"; "`batch_size: 1` (… 1079 steps an epoch, and lower losses after 20
/// epochs) against `batch_size: 1079` (… 20 steps in all: the loss has hardly
/// moved)".
#[test]
fn the_playground_suggestions() {
    let lesson = network::lab::playground();
    let sgd = |lr: f64| Sgd {
        lr,
        ..Sgd::defaults(Convention::Pytorch)
    };
    let runs = lesson
        .clone()
        .with("1.0", sgd(1.0))
        .with("3.0", sgd(3.0))
        .with(
            "momentum",
            Momentum {
                lr: 0.01,
                momentum: 0.9,
                convention: Convention::Pytorch,
            },
        )
        .run()
        .unwrap();
    let at_01 = final_loss(&runs, "SGD, η = 0.1", true);
    assert!(final_loss(&runs, "1.0", true) < at_01);
    assert!(final_loss(&runs, "3.0", false) > (CLASSES as f64).ln());
    assert!(runs
        .get("3.0")
        .unwrap()
        .runs
        .iter()
        .all(|r| r.trained.stop.is_none()));
    let momentum = final_loss(&runs, "momentum", true);
    assert!(
        (momentum / at_01 - 1.0).abs() < 0.01,
        "{momentum} vs {at_01}"
    );
    assert!((0.01f64 / (1.0 - 0.9) - 0.1).abs() < 1e-12);
    let rate = ["lr: 1.0".to_string(), "lr: 3.0".into(), "\\ln 10".into()];
    en().quotes("is still stable on this network", &rate);
    ko().quotes("아직 안정적이고", &rate);
    en().quotes(
        "effective step",
        &["lr: 0.01".into(), "lr: 0.1".into(), "20 epochs".into()],
    );
    ko().quotes(
        "실효 스텝",
        &["lr: 0.01".into(), "lr: 0.1".into(), "20 에폭".into()],
    );

    let n = Setup::lesson().nets().unwrap().train.len();
    let at_batch = |b: usize| {
        let mut lab = lesson.clone();
        lab.setup.batch_size = b;
        lab.run().unwrap()
    };
    let one = at_batch(1);
    let all = at_batch(n);
    for label in ["SGD, η = 0.1", "Adam"] {
        assert!(
            final_loss(&one, label, true) < final_loss(&runs, label, true),
            "{label}"
        );
        assert!(final_loss(&all, label, false) > 2.0, "{label}");
    }
    let epochs = Setup::lesson().epochs;
    let quoted = [
        format!("batch_size: {n}"),
        format!("{n} steps"),
        format!("{epochs} steps"),
    ];
    en().quotes("full-batch", &quoted);
    ko().quotes(
        "full-batch",
        &[
            format!("batch_size: {n}"),
            format!("{n} 스텝"),
            format!("{epochs} 스텝"),
        ],
    );
}

/// "100 batches of 32 images"; "losses agree to within a few units in the last
/// place"; parameters "to within about 10⁻¹¹ at worst".
#[test]
fn the_appendix_agreement() {
    let cases = reference::cases().unwrap();
    en().quotes("make-digits-reference.py", &["100 batches of 32".into()]);
    ko().quotes("make-digits-reference.py", &["32장짜리 batch 100개".into()]);
    for c in &cases {
        assert_eq!(c.steps, 100);
        assert!(
            c.loss_diff <= 10.0 * f64::EPSILON,
            "{}: {:e}",
            c.name,
            c.loss_diff
        );
    }
    let worst = cases.iter().map(|c| c.theta_diff).fold(0.0, f64::max);
    assert!((1e-12..1e-10).contains(&worst), "{worst:e}");
    en().quotes("The losses agree", &["10^{-11}".into()]);
    ko().quotes("Loss는 마지막 자릿수", &["10^{-11}".into()]);
}
