//! Snapshot tests: every table the comparison cells show (notebook 09's last
//! cells and notebook 10).
use compare::iris::IrisRace;
use compare::knobs::MomentumGrid;
use compare::motion::SaddleEscape;
use compare::sweep::Sweep;
use compare::{Problem, Race};

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

#[test]
fn compare_quadratic() {
    snap!(
        "compare_quadratic",
        Race::on(Problem::Quadratic).table().unwrap().to_string()
    );
}

#[test]
fn compare_rosenbrock() {
    snap!(
        "compare_rosenbrock",
        Race::on(Problem::Rosenbrock).table().unwrap().to_string()
    );
}

#[test]
fn compare_beale() {
    snap!("compare_beale", Race::lesson().table().unwrap().to_string());
}

#[test]
fn sweep_quadratic() {
    snap!(
        "sweep_quadratic",
        Sweep::lesson(Problem::Quadratic)
            .table()
            .unwrap()
            .to_string()
    );
}

#[test]
fn sweep_rosenbrock() {
    snap!(
        "sweep_rosenbrock",
        Sweep::lesson(Problem::Rosenbrock)
            .table()
            .unwrap()
            .to_string()
    );
}

#[test]
fn sweep_beale() {
    snap!(
        "sweep_beale",
        Sweep::lesson(Problem::Beale).table().unwrap().to_string()
    );
}

#[test]
fn iris_training() {
    snap!(
        "iris_training",
        IrisRace::lesson().table().unwrap().to_string()
    );
}

#[test]
fn figures_render() {
    let mut figs = Vec::new();
    for p in Problem::ALL {
        figs.push(Race::on(p).contour().unwrap());
        figs.push(Race::on(p).loss_chart().unwrap());
        figs.push(Sweep::lesson(p).chart().unwrap());
    }
    figs.push(IrisRace::lesson().chart().unwrap());
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
        Race::lesson().animation_frames().unwrap().frames_text()
    );
}

#[test]
fn motion_saddle_frames() {
    snap!(
        "motion_saddle_frames",
        SaddleEscape::lesson()
            .animation_frames()
            .unwrap()
            .frames_text()
    );
}

#[test]
fn motion_saddle_escape() {
    snap!(
        "motion_saddle_escape",
        SaddleEscape::lesson().table().unwrap().to_string()
    );
}

#[test]
fn knobs_grid() {
    snap!(
        "knobs_grid",
        MomentumGrid::lesson().table().unwrap().to_string()
    );
}

#[test]
fn knobs_paths() {
    snap!(
        "knobs_paths",
        plots::series_text(&MomentumGrid::lesson().paths().unwrap())
    );
}
