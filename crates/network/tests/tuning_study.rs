//! The pinned tuning of notebook 15 (`studies/tuning.json`) is what the library
//! computes: it loads under today's settings, and the optimizers of
//! `RECHECKED`, tuned again here, are the same to the bit. (The whole takes
//! about half a minute in release; `cargo run --release -p network --example
//! tuning-study` rewrites the file.)

use network::tuning_lessons::ranked::{pinned, Ranking, RankingSettings, RECHECKED};
use optimizers::registry::NAMES;

#[test]
fn the_pinned_tuning_is_what_the_library_computes() {
    let ranking = pinned().unwrap();
    let names: Vec<&str> = ranking
        .optimizers
        .iter()
        .map(|r| r.summary.optimizer.as_str())
        .collect();
    assert_eq!(names, NAMES);
    let settings = RankingSettings::lesson();
    for name in RECHECKED {
        assert_eq!(
            &settings.run_one(name).unwrap(),
            ranking.get(name).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn a_stale_or_broken_file_is_refused() {
    let settings = RankingSettings::lesson();
    let text = pinned().unwrap().to_json();
    let other = RankingSettings {
        seeds: vec![1],
        ..settings.clone()
    };
    assert!(Ranking::from_json(&text, &other).is_err());
    assert!(Ranking::from_json("[", &settings).is_err());
    assert_eq!(
        Ranking::from_json(&text, &settings).unwrap(),
        pinned().unwrap()
    );
}
