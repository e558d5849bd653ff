//! What notebook 13's prose says of its cosine-period slider, held to the widget
//! the notebook shows (`compare::section_sliders::cosine_period`): every
//! position of the slider, both editions.

/// "The rate reaches 0 at η(T), which step T + 1 uses, so that step leaves θ
/// where it is" — and the step before it still moves.
#[test]
fn cosine_annealing_to_zero_stands_still_at_step_t_plus_one() {
    let widget = compare::section_sliders::cosine_period().unwrap();
    let mut checked = 0;
    for position in widget.positions() {
        let t_max = position.values[0] as usize;
        let cosine = position
            .runs
            .iter()
            .find(|r| r.label == "cosine")
            .expect("the widget's cosine run");
        if t_max + 1 >= cosine.points.len() {
            continue; // the period outlasts the run
        }
        assert_eq!(
            cosine.points[t_max + 1],
            cosine.points[t_max],
            "T = {t_max}"
        );
        assert_ne!(
            cosine.points[t_max],
            cosine.points[t_max - 1],
            "T = {t_max}"
        );
        checked += 1;
    }
    assert!(
        checked >= 2,
        "only {checked} of the slider's periods end inside the run"
    );
    testkit::prose::notebook("13-schedules").paragraph("which step $T + 1$ uses");
    testkit::prose::notebook("13-schedules.ko")
        .paragraph("이 값을 쓰는 스텝 $T + 1$에서는 θ가 움직이지 않습니다");
}
