//! The pinned batch-size study of notebook 17 (`studies/batch-size.json`) is
//! what the library computes: it loads under today's settings, and a part of
//! it, recomputed here, is the same to the bit. (The whole study takes about a
//! minute in release; `cargo run --release -p network --example
//! batch-size-study` rewrites the file.)

use network::batch_lessons::digits::{pinned, PinnedSettings, RECHECKED};

#[test]
fn the_pinned_study_is_what_the_library_computes() {
    let study = pinned().unwrap();
    let names: Vec<&str> = study.runs.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["sgd", "momentum", "adam"]);
    let settings = PinnedSettings::lesson();
    for (_, points) in &study.runs {
        let batches: Vec<usize> = points.iter().map(|p| p.batch).collect();
        assert_eq!(batches, settings.batches);
    }
    for (name, batches) in RECHECKED {
        let again = settings.run_one(name, &batches).unwrap();
        let pinned: Vec<_> = study
            .runs
            .iter()
            .find(|(n, _)| n == name)
            .unwrap()
            .1
            .iter()
            .filter(|p| batches.contains(&p.batch))
            .cloned()
            .collect();
        assert_eq!(again, pinned, "{name}");
    }
}

#[test]
fn a_stale_or_broken_file_is_refused() {
    let settings = PinnedSettings::lesson();
    let text = pinned().unwrap().to_json();
    let other = PinnedSettings {
        target: 0.2,
        ..settings.clone()
    };
    assert!(network::batch_lessons::digits::Pinned::from_json(&text, &other).is_err());
    assert!(network::batch_lessons::digits::Pinned::from_json("{", &settings).is_err());
    assert_eq!(
        network::batch_lessons::digits::Pinned::from_json(&text, &settings).unwrap(),
        pinned().unwrap()
    );
}
