//! Which texts of a notebook run still show English in the Korean edition.
//!
//! `scripts/notebooks.py execute` with `OPTCOURSE_LANG_MISSES=<file>` notes every
//! shown text that had no Korean entry (optcore::lang). After entries are added to
//! `crates/optcore/src/lang/ko/`, this reads that file and prints each noted text
//! that the catalog still does not translate (once each), or with `--all` every
//! text with the Korean it now gets:
//!
//! ```text
//! cargo run -q -p optcore --example untranslated -- misses.txt [--all]
//! ```

use optcore::lang::{english_words, ko};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: untranslated <misses file> [--all]");
        std::process::exit(2);
    };
    let all = args.iter().any(|a| a == "--all");
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let mut seen = std::collections::HashSet::new();
    let (mut left, mut done) = (0, 0);
    for miss in text.split("\n\u{1e}\n").filter(|m| !m.trim().is_empty()) {
        if !seen.insert(miss) {
            continue;
        }
        match ko::lookup(miss) {
            Some(korean) if english_words(&korean).is_empty() => {
                done += 1;
                if all {
                    println!("OK   {miss:?}\n  → {korean:?}");
                }
            }
            Some(korean) => {
                left += 1;
                println!(
                    "ENGLISH LEFT {miss:?}\n  → {korean:?}\n  words: {:?}",
                    english_words(&korean)
                );
            }
            // Noted when the kept words were fewer: nothing to translate now.
            None if english_words(miss).is_empty() => done += 1,
            None => {
                left += 1;
                println!("MISSING {miss:?}");
            }
        }
    }
    println!("{done} translated, {left} left");
}
