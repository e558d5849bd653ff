//! Recomputes the pinned tuning of notebook 15
//! (`network::tuning_lessons::ranked::RankingSettings::lesson`, about half a
//! minute on two cores) and writes it where the crate reads it:
//!
//! ```text
//! cargo run --release -p network --example tuning-study
//! ```

use network::tuning_lessons::ranked::RankingSettings;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let t = std::time::Instant::now();
    let ranking = RankingSettings::lesson().compute()?;
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/studies/tuning.json");
    std::fs::write(path, ranking.to_json())?;
    println!(
        "{}\n{}\nwrote {path} in {:.1?}",
        ranking.table()?,
        ranking.spread(),
        t.elapsed()
    );
    Ok(())
}
