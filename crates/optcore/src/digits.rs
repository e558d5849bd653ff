//! The 8×8 handwritten digits (1,797 images, 10 classes), the course's real data
//! set for training a network: each example is an 8×8 grid of pixel counts
//! $0 \dots 16$ (on-pixels in a 4×4 block of a 32×32 bitmap) and its digit.
//!
//! [`digits`] reads the copy compiled into the crate (`data/digits.csv`, see
//! `data/README.md` for its source, licence and checksum); [`parse_digits`] reads
//! any file of that layout and says which line is wrong when one is. The features
//! are the pixel values divided by 16, so every input lies in $[0, 1]$.

use crate::data::Dataset;
use crate::error::{Error, Result};
use ndarray::{Array1, Array2};

/// Pixels per image (8 × 8).
pub const PIXELS: usize = 64;
/// Digits 0 … 9.
pub const CLASSES: usize = 10;
/// The largest pixel count (a 4×4 block has 16 pixels).
pub const MAX_PIXEL: u32 = 16;

const DIGITS_CSV: &str = include_str!("../data/digits.csv");

/// The vendored digits: 1,797 examples, features = pixels / 16 (row-major, pixel
/// `(r, c)` at column `8r + c`), targets = the digit.
pub fn digits() -> Dataset {
    parse_digits(DIGITS_CSV).expect("data/digits.csv is the vendored, checked file")
}

/// Reads a digits file: one example per line, 64 pixel counts in $0 \dots 16$ and
/// the digit $0 \dots 9$, comma-separated, no header (scikit-learn's
/// `digits.csv`). A line with too few or too many values, a value that is not a
/// whole number, a pixel above 16 or a digit above 9 is an [`Error::Parse`]
/// naming the line (1-based) and what it holds; an empty file is
/// [`Error::Empty`].
pub fn parse_digits(text: &str) -> Result<Dataset> {
    let mut features = Vec::new();
    let mut targets = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| Error::Parse {
            what: format!("line {} of the digits file", n + 1),
            message,
        };
        let cells: Vec<&str> = line.split(',').map(str::trim).collect();
        if cells.len() != PIXELS + 1 {
            return Err(bad(format!(
                "{} values; a line holds {PIXELS} pixel counts and the digit",
                cells.len()
            )));
        }
        for (k, cell) in cells.iter().enumerate() {
            let v: u32 = cell
                .parse()
                .map_err(|_| bad(format!("value {} is {cell:?}, not a whole number", k + 1)))?;
            if k < PIXELS {
                if v > MAX_PIXEL {
                    return Err(bad(format!(
                        "pixel {} is {v}; a pixel count is 0 to {MAX_PIXEL}",
                        k + 1
                    )));
                }
                features.push(f64::from(v) / f64::from(MAX_PIXEL));
            } else {
                if v as usize >= CLASSES {
                    return Err(bad(format!("the digit is {v}; digits are 0 to 9")));
                }
                targets.push(f64::from(v));
            }
        }
    }
    if targets.is_empty() {
        return Err(Error::Empty {
            what: "digits file",
        });
    }
    let names = (0..PIXELS)
        .map(|k| format!("pixel ({}, {})", k / 8, k % 8))
        .collect();
    Dataset::new(
        "digits",
        names,
        Array2::from_shape_vec((targets.len(), PIXELS), features).expect("64 per line"),
        Array1::from(targets),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vendored_file_reads_as_scaled_pixels_and_digits() {
        let d = digits();
        assert_eq!(d.features.ncols(), PIXELS);
        assert_eq!(d.len(), DIGITS_CSV.lines().count());
        assert!(d.features.iter().all(|&x| (0.0..=1.0).contains(&x)));
        for c in 0..CLASSES {
            assert!(
                d.targets.iter().any(|&t| t == c as f64),
                "digit {c} missing"
            );
        }
    }

    #[test]
    fn a_broken_file_names_its_line() {
        let good = DIGITS_CSV.lines().next().unwrap();
        let truncated = format!("{good}\n{}", &good[..good.len() / 2]);
        let message = parse_digits(&truncated).unwrap_err().to_string();
        assert!(
            message.contains("line 2") && message.contains("values"),
            "{message}"
        );
        let bright = good.replacen("0,", "17,", 1);
        let message = parse_digits(&bright).unwrap_err().to_string();
        assert!(message.contains("pixel 1 is 17"), "{message}");
        let word = good.replacen("0,", "x,", 1);
        assert!(parse_digits(&word)
            .unwrap_err()
            .to_string()
            .contains("not a whole number"));
        let (pixels, _) = good.rsplit_once(',').unwrap();
        let message = parse_digits(&format!("{pixels},10"))
            .unwrap_err()
            .to_string();
        assert!(message.contains("digits are 0 to 9"), "{message}");
        assert_eq!(
            parse_digits("\n\n"),
            Err(Error::Empty {
                what: "digits file"
            })
        );
    }
}
