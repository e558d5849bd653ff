//! What notebook 15's prose says, held to the library: the sweep, the two
//! rankings of the pinned tuning, the spread over seeds, Adam's second round.

use network::tuning_lessons::ranked::{pinned, Ranking};
use network::tuning_lessons::second_round::SecondRound;
use network::tuning_lessons::sweep::LrSweep;
use optcore::render::{fmt_sig, Cell};
use testkit::prose::notebook;

fn en() -> testkit::prose::Notebook {
    notebook("15-tuning")
}
fn ko() -> testkit::prose::Notebook {
    notebook("15-tuning.ko")
}

/// "the best rate is the largest before the runs blow up, and one step of the
/// grid above it the validation loss is far above where the runs started".
#[test]
fn the_best_rate_is_the_largest_before_the_blow_up() {
    let sweep = LrSweep::lesson();
    let points = sweep.run().unwrap();
    let best = network::tune::best(&points).unwrap().get("lr").unwrap();
    let k = sweep.lrs.iter().position(|&lr| lr == best).unwrap();
    let start = (optcore::digits::CLASSES as f64).ln();
    assert!(
        points[k + 1].score() > 10.0 * start,
        "{}",
        points[k + 1].score()
    );
    for p in &points[..k] {
        assert!(p.score() > points[k].score());
    }
    en().paragraph("the best rate is the largest before");
    ko().paragraph("실행이 터지기 직전의 가장 큰 값");
}

fn place(r: &Ranking, tuned: bool, place: usize) -> String {
    let t = r.table().unwrap();
    let col = if tuned { 7 } else { 3 };
    let row = t
        .rows
        .iter()
        .find(|row| row[col] == Cell::from(place))
        .unwrap_or_else(|| panic!("no place {place}"));
    match &row[0] {
        Cell::Text(s) => s.clone(),
        other => panic!("{other:?}"),
    }
}

/// The paragraph under the ranking: the places it names, the ranges of the
/// validation losses, the test accuracies, Adadelta at the grid's edge.
#[test]
fn the_two_rankings() {
    let r = pinned().unwrap();
    assert_eq!(place(&r, false, 1), "rmsprop");
    assert_eq!(place(&r, false, 2), "adadelta");
    assert_eq!(place(&r, false, 11), "sgd");
    assert_eq!(place(&r, true, 1), "adam");
    assert_eq!(place(&r, true, 2), "amsgrad");
    assert_eq!(place(&r, true, 3), "nag");
    assert_eq!(place(&r, true, 10), "rmsprop");
    let s: Vec<_> = r.optimizers.iter().map(|o| &o.summary).collect();
    let range = |v: Vec<f64>| {
        v.iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
                (lo.min(x), hi.max(x))
            })
    };
    let (d_lo, d_hi) = range(s.iter().map(|o| o.defaults.validation_loss).collect());
    let (t_lo, t_hi) = range(
        s.iter()
            .map(|o| o.best().unwrap().validation_loss)
            .collect(),
    );
    let (a_lo, a_hi) = range(s.iter().map(|o| o.best().unwrap().test_accuracy).collect());
    let adadelta = r.best_lr("adadelta").unwrap();
    assert_eq!(adadelta, *r.settings.lrs.last().unwrap());
    let quoted: Vec<String> = [d_lo, d_hi, t_lo, t_hi]
        .iter()
        .map(|&x| format!("{x:.3}"))
        .chain([fmt_sig(a_lo, 4), fmt_sig(a_hi, 4)])
        .collect();
    en().quotes("The two rankings disagree", &quoted);
    ko().quotes("두 순위는 서로 다릅니다", &quoted);
    // "about 400 training runs"
    let runs: usize = s.iter().map(|o| o.runs).sum();
    assert!((380..=420).contains(&runs), "{runs}");
    en().quotes("about 400 training runs", &[]);
}

/// "RMSprop's lowest and highest seed end 0.02262 apart, while the tuned means
/// run from 0.05435 to 0.08013" (the spread almost the whole range).
#[test]
fn the_spread_over_seeds() {
    let r = pinned().unwrap();
    let rms = r.get("rmsprop").unwrap();
    let last: Vec<f64> = rms.curves.iter().map(|c| *c.last().unwrap()).collect();
    let spread = last.iter().copied().fold(f64::NEG_INFINITY, f64::max)
        - last.iter().copied().fold(f64::INFINITY, f64::min);
    let means: Vec<f64> = r
        .optimizers
        .iter()
        .map(|o| o.summary.best().unwrap().validation_loss)
        .collect();
    let gap = means.iter().copied().fold(f64::NEG_INFINITY, f64::max)
        - means.iter().copied().fold(f64::INFINITY, f64::min);
    let widest = r
        .optimizers
        .iter()
        .map(|o| {
            let l: Vec<f64> = o.curves.iter().map(|c| *c.last().unwrap()).collect();
            l.iter().copied().fold(f64::NEG_INFINITY, f64::max)
                - l.iter().copied().fold(f64::INFINITY, f64::min)
        })
        .fold(0.0, f64::max);
    assert_eq!(widest, spread, "RMSprop's is the widest spread");
    assert!(spread > 0.8 * gap);
    let (lo, hi) = (
        means.iter().copied().fold(f64::INFINITY, f64::min),
        means.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    );
    let quoted = [fmt_sig(spread, 4), fmt_sig(lo, 4), fmt_sig(hi, 4)];
    en().quotes("One optimizer's seeds differ", &quoted);
    ko().quotes("optimizer 하나의 시드끼리도", &quoted);
}

/// "the first round's pair, β₁ = 0.9 and ε = 10⁻⁸, stays the best, and ε = 0.1
/// is the worst ε at every β₁".
#[test]
fn adams_second_round() {
    let round = SecondRound::lesson().unwrap();
    let t = round.table().unwrap();
    assert_eq!(
        t.note.as_deref(),
        Some("best by validation loss: β₁ = 0.9, ε = 1e-8")
    );
    let loss = t.column(&t.header[2]).unwrap();
    let n = round.epss.len();
    for (b, chunk) in loss.chunks(n).enumerate() {
        let worst = chunk.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        assert_eq!(chunk[n - 1], worst, "β₁ = {}", round.beta1s[b]);
    }
    assert_eq!(round.epss.last(), Some(&0.1));
    en().paragraph("stays the best");
    ko().paragraph("그대로 가장 좋고");
}
