//! What notebook 10's prose says of its sweeps and its saddle, held to the
//! library.

use compare::motion::SaddleEscape;
use compare::sweep::Sweep;
use compare::{Problem, Race};
use optcore::render::{fmt_sig, Cell, Table};
use testkit::prose::notebook;

/// The loss in `method`'s row at column `eta` ("η = 0.3"); `None` if the run
/// diverged there (the cell reads ✗ t = k).
fn loss(t: &Table, method: &str, eta: &str) -> Option<f64> {
    let row = t
        .rows
        .iter()
        .position(|r| r[0] == Cell::from(method))
        .unwrap_or_else(|| panic!("no row {method:?}"));
    let x = t.column(&format!("η = {eta}")).unwrap()[row];
    x.is_finite().then_some(x)
}

/// The first rate column at which `method` diverged, by position.
fn first_diverged(t: &Table, method: &str, rates: &[f64]) -> usize {
    rates
        .iter()
        .position(|&r| loss(t, method, &optcore::render::fmt_short(r)).is_none())
        .unwrap_or(rates.len())
}

/// Part b: "Momentum and NAG diverge at the same or a smaller η than GD. At
/// small η they are far ahead (Rosenbrock at η = 1e-4: Momentum …, GD …), but
/// … on the quadratic at η = 0.3, GD reaches … and Momentum …", and "none of
/// these runs diverges, on any of the three problems, even at η = 1".
#[test]
fn the_sweeps_say_what_part_b_says() {
    let mut quoted = Vec::new();
    for problem in [Problem::Quadratic, Problem::Rosenbrock, Problem::Beale] {
        let sweep = Sweep::lesson(problem);
        let t = sweep.table().unwrap();
        let gd = first_diverged(&t, "Gradient Descent", &sweep.rates);
        for m in ["Momentum", "NAG"] {
            assert!(
                first_diverged(&t, m, &sweep.rates) <= gd,
                "{problem:?}: {m}"
            );
        }
        for m in ["Adagrad", "Adadelta (no η)", "RMSprop", "Adam", "NAdam"] {
            assert_eq!(
                first_diverged(&t, m, &sweep.rates),
                sweep.rates.len(),
                "{problem:?}: {m}"
            );
        }
        let smallest = optcore::render::fmt_short(sweep.rates[0]);
        if problem != Problem::Quadratic {
            let gd = loss(&t, "Gradient Descent", &smallest).unwrap();
            for m in ["Momentum", "NAG"] {
                assert!(
                    loss(&t, m, &smallest).unwrap() < gd / 10.0,
                    "{problem:?}: {m} far ahead"
                );
            }
        }
        if problem == Problem::Rosenbrock {
            quoted.push(format!(
                "η = {smallest}: Momentum {}",
                fmt_sig(loss(&t, "Momentum", &smallest).unwrap(), 4)
            ));
            quoted.push(format!(
                "GD {}",
                fmt_sig(loss(&t, "Gradient Descent", &smallest).unwrap(), 4)
            ));
        }
        if problem == Problem::Quadratic {
            let (gd, momentum) = (
                loss(&t, "Gradient Descent", "0.3").unwrap(),
                loss(&t, "Momentum", "0.3").unwrap(),
            );
            assert!(gd < momentum);
            quoted.push(format!(
                "GD reaches {} and Momentum {}",
                fmt_sig(gd, 4),
                fmt_sig(momentum, 4)
            ));
        }
    }
    let nb = notebook("10-comparison");
    nb.quotes("At small $\\eta$ they are far ahead", &quoted);
    nb.never_says("but below that they are far better");
    nb.never_says("moves about η per coordinate");
    notebook("10-comparison.ko").never_says("좌표마다 약 η만큼");
}

/// The escape step of each method in the saddle table.
fn escapes() -> Vec<(String, usize)> {
    let t = SaddleEscape::lesson().table().unwrap();
    let steps = t.column("escape step t").unwrap();
    t.rows
        .iter()
        .zip(steps)
        .map(|(r, s)| {
            let Cell::Text(name) = &r[0] else {
                panic!("{r:?}")
            };
            (name.clone(), s as usize)
        })
        .collect()
}

/// Part d, in both languages: each escape step quoted as the table has it,
/// GD's matching ⌈ln 1000/ln(1 + 2η)⌉, Adagrad's step along y never above η;
/// and no sentence calls the table's order (the post's) the lesson.
#[test]
fn the_saddle_escapes_are_quoted_as_the_table_has_them() {
    let lesson = SaddleEscape::lesson();
    let e = escapes();
    let step = |name: &str| e.iter().find(|(n, _)| n == name).unwrap().1;
    assert_eq!(
        step("Gradient Descent") as f64,
        (1000f64.ln() / (1.0 + 2.0 * lesson.lr_fixed).ln()).ceil()
    );
    let adagrad = lesson
        .runs()
        .unwrap()
        .into_iter()
        .find(|r| r.method == "Adagrad")
        .unwrap();
    for w in adagrad.path.windows(2) {
        assert!((w[1].1 - w[0].1).abs() <= lesson.lr_adaptive * (1.0 + 1e-12));
    }
    let nb = notebook("10-comparison");
    nb.quotes(
        "RMSprop escapes at t =",
        &[
            format!("RMSprop escapes at t = {}", step("RMSprop")),
            format!("NAdam at {}", step("NAdam")),
            format!("Adam at {}", step("Adam")),
            format!("only at t = {}", step("Adagrad")),
            format!("NAG ({})", step("NAG")),
            format!("Momentum ({})", step("Momentum")),
            format!("t = {}.", step("Adadelta")),
        ],
    );
    let korean: Vec<String> = [
        ("RMSprop", "RMSprop"),
        ("NAdam", "NAdam"),
        ("Adam", "Adam"),
        ("NAG", "NAG"),
        ("Adagrad", "Adagrad"),
        ("Momentum", "Momentum"),
        ("Adadelta", "Adadelta"),
        ("Gradient Descent", "GD"),
    ]
    .iter()
    .map(|(name, shown)| format!("{shown}({})", step(name)))
    .collect();
    nb.never_says("they leave in a handful of steps");
    let ko = notebook("10-comparison.ko");
    ko.quotes("교훈은 탈출 스텝 열에 있습니다", &korean);
    ko.never_says("표의 순서가 곧 교훈");
}

/// Part a's animation: "Adagrad, RMSprop, Adam and NAdam move as far in x as in
/// y from the very first step (η = 0.05 for them), while GD, Momentum and NAG
/// (η = 0.001) creep".
#[test]
fn the_race_starts_as_the_animation_note_says() {
    let race = Race::lesson();
    for run in race.runs().unwrap() {
        let (dx, dy) = (run.path[1].0 - run.path[0].0, run.path[1].1 - run.path[0].1);
        if ["Adagrad", "RMSprop", "Adam", "NAdam"].contains(&run.method) {
            assert!(
                (dx.abs() / dy.abs() - 1.0).abs() < 1e-6,
                "{}: {dx} {dy}",
                run.method
            );
        }
    }
    notebook("10-comparison").quotes(
        "move as far in $x$ as in $y$",
        &[
            format!("η = {} for them", race.lr_adaptive),
            format!("(η = {}) creep", race.lr_fixed),
        ],
    );
}
