//! Snapshot tests: every table the comparison cells show (notebook 09's last
//! cells and notebook 10).
use compare::{contour, iris, loss_chart, sweep, table, Problem};

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

#[test]
fn compare_quadratic() {
    snap!(
        "compare_quadratic",
        table(Problem::Quadratic).unwrap().to_string()
    );
}

#[test]
fn compare_rosenbrock() {
    snap!(
        "compare_rosenbrock",
        table(Problem::Rosenbrock).unwrap().to_string()
    );
}

#[test]
fn compare_beale() {
    snap!("compare_beale", table(Problem::Beale).unwrap().to_string());
}

#[test]
fn sweep_quadratic() {
    snap!(
        "sweep_quadratic",
        sweep::table(Problem::Quadratic).unwrap().to_string()
    );
}

#[test]
fn sweep_rosenbrock() {
    snap!(
        "sweep_rosenbrock",
        sweep::table(Problem::Rosenbrock).unwrap().to_string()
    );
}

#[test]
fn sweep_beale() {
    snap!(
        "sweep_beale",
        sweep::table(Problem::Beale).unwrap().to_string()
    );
}

#[test]
fn iris_training() {
    snap!("iris_training", iris::table().unwrap().to_string());
}

#[test]
fn figures_render() {
    let mut figs = Vec::new();
    for p in Problem::ALL {
        figs.push(contour(p).unwrap());
        figs.push(loss_chart(p).unwrap());
        figs.push(sweep::chart(p).unwrap());
    }
    figs.push(iris::chart().unwrap());
    for fig in figs {
        assert!(fig.svg().starts_with("<svg"));
    }
}

/// Notebook 00: the map, the rules, their first steps, the crosswalk, ε.
#[test]
fn overview() {
    use compare::overview::*;
    snap!("overview_map", method_map().text());
    snap!("overview_rules", update_rules().to_string());
    snap!("overview_first_steps", first_steps().unwrap().to_string());
    snap!("overview_crosswalk", crosswalk().to_string());
    snap!("overview_eps", eps_placement().to_string());
}

#[test]
fn motion_beale_frames() {
    snap!(
        "motion_beale_frames",
        compare::motion::beale_frames().unwrap().frames_text()
    );
}

#[test]
fn motion_saddle_frames() {
    snap!(
        "motion_saddle_frames",
        compare::motion::saddle_frames().unwrap().frames_text()
    );
}

#[test]
fn motion_saddle_escape() {
    snap!(
        "motion_saddle_escape",
        compare::motion::escape_table().unwrap().to_string()
    );
}

#[test]
fn knobs_grid() {
    snap!("knobs_grid", compare::knobs::table().unwrap().to_string());
}

#[test]
fn knobs_paths() {
    snap!(
        "knobs_paths",
        plots::series_text(&compare::knobs::paths().unwrap())
    );
}
