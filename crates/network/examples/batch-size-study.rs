//! Recomputes the pinned batch-size study of notebook 17
//! (`network::batch_lessons::digits::PinnedSettings::lesson`, about a minute on
//! two cores) and writes it where the crate reads it:
//!
//! ```text
//! cargo run --release -p network --example batch-size-study
//! ```

use network::batch_lessons::digits::PinnedSettings;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let study = PinnedSettings::lesson().compute()?;
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/studies/batch-size.json");
    std::fs::write(path, study.to_json())?;
    println!("{}\nwrote {path}", study.table());
    Ok(())
}
