//! What notebook 16's prose says, held to the library: the overfitting setup,
//! early stopping, dropout, L2 against AdamW, the schedule on the network.

use network::regularization::decay::DecayOnNetwork;
use network::regularization::dropout::{DropoutGap, DropoutModes};
use network::regularization::early::EarlyStopping;
use network::regularization::{overfitting, scheduled};
use optcore::digits::{CLASSES, PIXELS};
use optcore::render::fmt_sig;
use optcore::{ExampleLoss, Objective};
use testkit::prose::notebook;

fn en() -> testkit::prose::Notebook {
    notebook("16-regularization")
}
fn ko() -> testkit::prose::Notebook {
    notebook("16-regularization.ko")
}

fn four(x: f64) -> String {
    fmt_sig(x, 4)
}

/// "90 images with 64 hidden units: about 4,810 parameters, dozens per image".
#[test]
fn the_setup_that_overfits() {
    let s = overfitting();
    let nets = s.nets().unwrap();
    let (n, dim) = (nets.train.len(), nets.train.dim());
    assert_eq!(
        dim,
        PIXELS * s.hidden + s.hidden + CLASSES * s.hidden + CLASSES
    );
    assert!((24..100).contains(&(dim / n)), "{}", dim / n);
    let quoted = [n.to_string(), s.hidden.to_string(), "4,810".to_string()];
    assert_eq!(dim, 4810);
    en().quotes("about 4,810 parameters", &quoted);
    ko().quotes("파라미터가 4,810개쯤으로", &quoted);
}

/// The paragraph under early stopping: the full run's last training and
/// validation loss, the best epoch, the stop, the returned validation loss, the
/// two test accuracies.
#[test]
fn early_stopping() {
    let s = EarlyStopping::lesson().run().unwrap();
    let full = s.full.trained.epochs.last().unwrap();
    let best = s.early.trained.best_epoch;
    let lowest = s
        .full
        .trained
        .epochs
        .iter()
        .min_by(|a, b| a.validation_loss.total_cmp(&b.validation_loss))
        .unwrap();
    assert_eq!(lowest.epoch, best);
    let quoted = [
        four(full.train_loss),
        best.to_string(),
        four(full.validation_loss),
        s.early.trained.epochs.len().to_string(),
        four(s.early.score),
        four(s.early.test_accuracy),
        four(s.full.test_accuracy),
    ];
    en().quotes("The full run's training loss falls to", &quoted);
    ko().quotes("전체 실행의 학습 loss는", &quoted);
}

/// "Here 4 of the 8 units are dropped and the other 4 doubled."
#[test]
fn one_mask() {
    let m = DropoutModes::lesson();
    let t = m.table().unwrap();
    let mask = t.column(&t.header[2]).unwrap();
    let dropped = mask.iter().filter(|&&x| x == 0.0).count();
    assert_eq!(mask.len(), m.hidden);
    assert!(mask.iter().all(|&x| x == 0.0 || x == 2.0));
    let quoted = [
        dropped.to_string(),
        m.hidden.to_string(),
        (m.hidden - dropped).to_string(),
    ];
    en().quotes("units are dropped and the other", &quoted);
    ko().quotes("유닛 8개 가운데", &quoted);
}

/// "at p = 0.5 the validation loss ends at 0.3638 against 0.3820 without it, and
/// the training loss still falls below 0.001".
#[test]
fn dropout_narrows_the_gap_a_little() {
    let runs = DropoutGap::lesson().run().unwrap();
    let last = |p: f64| {
        let r = &runs.iter().find(|(q, _)| *q == p).unwrap().1;
        *r.trained.epochs.last().unwrap()
    };
    let (with, without) = (last(0.5), last(0.0));
    assert!(with.validation_loss - with.train_loss < without.validation_loss - without.train_loss);
    assert!(with.train_loss < 0.001);
    let quoted = [
        four(with.validation_loss),
        four(without.validation_loss),
        "0.001".into(),
    ];
    en().quotes("dropout narrows the gap only a little", &quoted);
    ko().quotes("dropout은 간격을 조금만", &quoted);
}

/// The paragraph under the decay table: L2 at λ = 0.001 lowest, the norms, λ =
/// 0.1 crushing Adam, AdamW's best at 0.1, its pull ηλ.
#[test]
fn l2_against_adamw() {
    let d = DecayOnNetwork::lesson();
    let runs = d.run().unwrap();
    let norm = |r: &network::Run| r.trained.theta.iter().map(|x| x * x).sum::<f64>().sqrt();
    let at = |l: f64| runs.iter().find(|(x, _, _)| *x == l).unwrap();
    let (_, a0, _) = at(0.0);
    let (_, a3, w3) = at(1e-3);
    let (_, a1, w1) = at(1e-1);
    let lowest = runs
        .iter()
        .flat_map(|(_, a, w)| [a.score, w.score])
        .fold(f64::INFINITY, f64::min);
    assert_eq!(a3.score, lowest);
    let adamw_best = runs
        .iter()
        .min_by(|x, y| x.2.score.total_cmp(&y.2.score))
        .unwrap()
        .0;
    assert_eq!(adamw_best, 0.1);
    assert!((d.lr * adamw_best - 0.001).abs() < 1e-15);
    let quoted = [
        four(a3.score),
        four(norm(a0)),
        four(norm(a3)),
        four(a1.test_accuracy),
        four(norm(a1)),
        four(norm(w3)),
        four(w1.score),
        four(norm(w1)),
    ];
    en().quotes("Through Adam's gradient a small", &quoted);
    ko().quotes("Adam의 gradient에 넣으면", &quoted);
}

/// The schedule on the network: at η = 1 the cosine costs a little; at η = 2 the
/// constant rate blows up and the cosine ends far lower.
#[test]
fn the_schedule_on_the_network() {
    let runs = scheduled::schedule_lab().run().unwrap();
    let t = runs.table();
    let val = t.column(&t.header[2]).unwrap();
    let acc = t.column(&t.header[4]).unwrap();
    assert!(val[1] > val[0]);
    assert!(val[2] > (CLASSES as f64).ln() && val[3] < val[2]);
    let quoted = [
        four(val[1]),
        four(val[0]),
        four(val[2]),
        four(acc[2]),
        four(val[3]),
    ];
    en().quotes("notebook 15's tuned rate for SGD", &quoted);
    ko().quotes("노트북 15에서 SGD에 맞춘", &quoted);
}

/// "Back to notebook 14's network (1,079 training images, 32 units) … T = 20
/// epochs of 34 batches = 680 steps".
#[test]
fn the_schedules_period() {
    let setup = network::Setup::lesson();
    let n = setup.nets().unwrap().train.len();
    let per_epoch = n.div_ceil(setup.batch_size);
    let t_max = setup.epochs * per_epoch;
    let lab = format!("{:?}", scheduled::schedule_lab());
    assert!(lab.contains(&format!("t_max: {t_max}")), "{lab}");
    let quoted = [
        format!("{},{:03}", n / 1000, n % 1000),
        setup.hidden.to_string(),
        setup.epochs.to_string(),
        per_epoch.to_string(),
        t_max.to_string(),
    ];
    en().quotes("Back to notebook 14's network", &quoted);
    ko().quotes("노트북 14의 신경망(", &quoted);
}
