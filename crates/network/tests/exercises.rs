//! Notebook 14's checked exercises: each checker accepts the right answer (also
//! rounded to four significant digits), names each typical slip, tells them all
//! apart, and its solution is pinned.
use network::exercises;
use testkit::snap;

#[test]
fn checkers_accept_the_answer_and_name_each_slip() {
    let all = exercises::all().unwrap();
    assert_eq!(all.len(), 4);
    for ex in &all {
        ex.self_check().unwrap();
    }
}

#[test]
fn solutions() {
    snap!(
        "exercise_parameters",
        exercises::parameters().unwrap().solution()
    );
    snap!(
        "exercise_uniform_loss",
        exercises::uniform_loss().solution()
    );
    snap!(
        "exercise_output_slope",
        exercises::output_slope().solution()
    );
    snap!("exercise_steps", exercises::steps().unwrap().solution());
}

/// Notebook 17's exercises.
#[test]
fn batch_size_exercises() {
    use network::batch_lessons::{critical::CriticalBatch, exercises};
    let all = exercises::all().unwrap();
    assert_eq!(all.len(), 3);
    for ex in &all {
        ex.self_check().unwrap();
    }
    let study = CriticalBatch::lesson().run().unwrap();
    snap!("exercise_floor", exercises::floor().unwrap().solution());
    snap!(
        "exercise_perfect_scaling",
        exercises::perfect_scaling(&study).unwrap().solution()
    );
    snap!(
        "exercise_examples_used",
        exercises::examples_used(&study).unwrap().solution()
    );
}

/// Notebook 15's exercises.
#[test]
fn tuning_exercises() {
    use network::tuning_lessons::exercises;
    let all = exercises::all().unwrap();
    assert_eq!(all.len(), 2);
    for ex in &all {
        ex.self_check().unwrap();
    }
    snap!("exercise_budget", exercises::budget().solution());
    snap!(
        "exercise_second_round",
        exercises::second_round().unwrap().solution()
    );
}

/// Notebook 16's exercises.
#[test]
fn regularization_exercises() {
    use network::regularization::exercises;
    let all = exercises::all().unwrap();
    assert_eq!(all.len(), 2);
    for ex in &all {
        ex.self_check().unwrap();
    }
    snap!("exercise_kept_scale", exercises::kept_scale().solution());
    snap!(
        "exercise_epochs_trained",
        exercises::epochs_trained().unwrap().solution()
    );
}
