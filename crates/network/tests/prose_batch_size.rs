//! What notebook 17's prose says, held to the library: the noise floor, the
//! critical batch sizes on the model and on the network, the counts it quotes.

use network::batch_lessons::critical::{Critical, CriticalBatch};
use network::batch_lessons::digits::{pinned, PinnedSettings, RECHECKED};
use network::batch_lessons::floor::{NoiseFloor, RULE_REL};
use network::batch_size::Point;
use testkit::prose::notebook;

fn en() -> testkit::prose::Notebook {
    notebook("17-batch-size")
}
fn ko() -> testkit::prose::Notebook {
    notebook("17-batch-size.ko")
}

/// "Every run ends on its floor, and the last column is one number:
/// quadrupling the batch divides the floor by four."
#[test]
fn every_run_ends_on_a_floor_proportional_to_one_over_b() {
    let t = NoiseFloor::lesson().table().unwrap();
    let last = t.column(&t.header[1]).unwrap();
    let floor = t.column(&t.header[2]).unwrap();
    let floor_b = t.column(&t.header[3]).unwrap();
    for k in 0..last.len() {
        assert!((last[k] / floor[k] - 1.0).abs() < 1e-4, "{t}");
        assert!((floor_b[k] / floor_b[0] - 1.0).abs() < 1e-12, "{t}");
    }
    let batches = NoiseFloor::lesson().batches;
    assert!(batches.windows(2).all(|w| w[1] == 4 * w[0]));
    en().paragraph("Every run ends on its floor");
    ko().paragraph("모든 실행이 자기 바닥에서 끝나고");
}

/// The rule check allows 1e-12 relative.
#[test]
fn the_rule_check_tolerance() {
    assert_eq!(RULE_REL, 1e-12);
    en().quotes("The check: your", &["10^{-12}".into()]);
    ko().quotes("확인 셀입니다", &["10^{-12}".into()]);
}

fn study() -> Critical {
    CriticalBatch::lesson().run().unwrap()
}

/// The paragraph under the model's study: SGD's first counts, the critical
/// batch sizes, momentum at B = 1 and at the largest B, the preconditioner's
/// flattening of the curvatures, Adam's count at the largest B.
#[test]
fn the_critical_batch_sizes_on_the_model() {
    let s = study();
    let big = *s.knobs.batches.last().unwrap();
    let sgd: Vec<usize> = [1, 2, 4, 8].map(|b| s.steps("SGD", b).unwrap()).to_vec();
    for w in sgd.windows(2) {
        let ratio = w[0] as f64 / w[1] as f64;
        assert!((1.8..2.2).contains(&ratio), "{sgd:?}");
    }
    let [c_sgd, c_mom, c_adam] = s.critical().map(Option::unwrap);
    let (m1, s1) = (s.steps("momentum", 1).unwrap(), sgd[0]);
    assert!((m1 as f64 / s1 as f64 - 1.0).abs() < 0.02);
    let (m_big, s_big) = (
        s.steps("momentum", big).unwrap(),
        s.steps("SGD", big).unwrap(),
    );
    assert!(
        (m_big as f64 / s_big as f64 - 0.5).abs() < 0.05,
        "{m_big} {s_big}"
    );
    let adam_big = s.steps("Adam (momentum, h^(−1/2))", big).unwrap();
    for &b in &s.knobs.batches {
        assert!(
            s.steps("Adam (momentum, h^(−1/2))", b).unwrap() < s.steps("SGD", b).unwrap(),
            "B = {b}"
        );
    }
    // The curvatures h = 1 … 1/d span a ratio of d; the preconditioned ones √d.
    let d = s.knobs.dims as f64;
    assert_eq!((d, d.sqrt()), (100.0, 10.0));
    let mut quoted: Vec<String> = sgd.iter().map(usize::to_string).collect();
    quoted.extend(
        [
            c_sgd, c_mom, c_adam, m1, s1, m_big, s_big, adam_big, big, 100, 10,
        ]
        .map(|n| n.to_string()),
    );
    en().quotes("each doubling about halves", &quoted);
    ko().quotes("두 배로 할 때마다 SGD의 스텝 수가", &quoted);
}

fn run<'a>(p: &'a network::batch_lessons::digits::Pinned, name: &str) -> &'a [Point] {
    &p.runs.iter().find(|(n, _)| n == name).unwrap().1
}

fn steps(points: &[Point], b: usize) -> usize {
    points
        .iter()
        .find(|p| p.batch == b)
        .unwrap()
        .best
        .unwrap()
        .0
}

/// The pinned study: "17 rates each, to a training loss of 0.1"; "SGD took more
/// steps at B = 256 than at 128"; "SGD's steps fall from 2399 at B = 1 … then
/// stop near a hundred; its critical batch size is 32. Momentum's is 256 and
/// Adam's 128, and at B = 1024 they need 16 and 17 steps where SGD needs 85".
#[test]
fn the_study_on_the_network() {
    let p = pinned().unwrap();
    let settings = PinnedSettings::lesson();
    let quoted = [
        format!("{} rates", settings.lrs.len()),
        format!("{}", settings.target),
        "256".into(),
        "128".into(),
    ];
    en().quotes("The whole study", &quoted);
    ko().quotes(
        "전체 실험은",
        &[
            format!("learning rate {}개", settings.lrs.len()),
            format!("{}", settings.target),
            "256".into(),
            "128".into(),
        ],
    );
    let (sgd, momentum, adam) = (run(&p, "sgd"), run(&p, "momentum"), run(&p, "adam"));
    assert!(steps(sgd, 256) > steps(sgd, 128));
    for b in [128, 256, 512, 1024] {
        assert!((80..=130).contains(&steps(sgd, b)), "B = {b}");
    }
    let critical: Vec<usize> = p.critical().iter().map(|(_, c)| c.unwrap()).collect();
    let big = *settings.batches.last().unwrap();
    let mut quoted: Vec<String> = vec![steps(sgd, 1).to_string()];
    quoted.extend(critical.iter().map(usize::to_string));
    quoted.extend(
        [big, steps(momentum, big), steps(adam, big), steps(sgd, big)].map(|n| n.to_string()),
    );
    en().quotes("The network tells the model's story", &quoted);
    ko().quotes("신경망도 모델과 같은 이야기를", &quoted);
    assert!(critical[1] > critical[0] && critical[2] > critical[0]);
}

/// "up to the critical size a larger batch reads about as many examples in
/// all, in fewer steps, and beyond it many more".
#[test]
fn examples_read_in_all() {
    let s = study();
    let examples = |b: usize| (s.steps("SGD", b).unwrap() * b) as f64;
    let c = s.critical()[0].unwrap();
    for &b in s.knobs.batches.iter().filter(|&&b| b <= c) {
        assert!(examples(b) <= 2.0 * examples(1), "B = {b}");
    }
    let big = *s.knobs.batches.last().unwrap();
    assert!(examples(big) > 10.0 * examples(1));
    en().paragraph("reads about as many examples in");
    ko().paragraph("모두 합해 읽는 예제 수가 비슷하고");
}

/// "a count above 64 is within about 1.6 %"; the appendix's recomputed points.
#[test]
fn measurement_and_recheck() {
    assert!((1.0f64 / 64.0 * 100.0 - 1.6).abs() < 0.05);
    assert_eq!(network::batch_size::next_check(64), 65);
    en().quotes("every $\\lceil t/64\\rceil$", &["1.6 %".into()]);
    ko().quotes("스텝마다 재므로", &["1.6 %".into()]);
    let mut quoted = vec![];
    for (_, batches) in RECHECKED {
        quoted.extend(batches.map(|b| b.to_string()));
    }
    en().quotes("recomputes four of", &quoted);
    ko().quotes("네 점", &quoted);
}
