//! The notebooks' prose under test. A claim that quotes or compares numbers is
//! found in its notebook by a phrase it contains, and the test holds the numbers
//! it quotes to the library's: if the numbers move, or the sentence is edited
//! away from them, the test fails (principle 1).
//!
//! The unit is a paragraph of a markdown cell (text between blank lines) or one
//! item of a list, so a test names a phrase and reads the whole claim around it.

use std::path::PathBuf;

/// One notebook's markdown, as stored in `notebooks/<stem>.ipynb`.
pub struct Notebook {
    path: PathBuf,
    paragraphs: Vec<String>,
    /// The code cells' sources and stored outputs, as one text.
    computed: String,
}

/// Reads `notebooks/<stem>.ipynb` (e.g. `notebook("03-momentum")`).
///
/// # Panics
/// When the file is missing or is not a notebook: the test names it.
pub fn notebook(stem: &str) -> Notebook {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../notebooks")
        .join(format!("{stem}.ipynb"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let nb: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
    let cells = nb["cells"]
        .as_array()
        .unwrap_or_else(|| panic!("{} has no cells", path.display()));
    let text = |v: &serde_json::Value| -> String {
        match v {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Array(lines) => lines.iter().filter_map(|l| l.as_str()).collect(),
            _ => String::new(),
        }
    };
    let (mut paragraphs, mut computed) = (Vec::new(), String::new());
    for cell in cells {
        if cell["cell_type"] == "markdown" {
            paragraphs.extend(split_paragraphs(&text(&cell["source"])));
            continue;
        }
        computed.push_str(&text(&cell["source"]));
        for out in cell["outputs"].as_array().into_iter().flatten() {
            computed.push_str(&text(&out["text"]));
            for data in out["data"].as_object().into_iter().flat_map(|d| d.values()) {
                computed.push_str(&text(data));
            }
        }
    }
    Notebook {
        path,
        paragraphs,
        computed: computed.replace("&minus;", "−"),
    }
}

/// Every notebook in `notebooks/`, in name order.
pub fn all() -> Vec<Notebook> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../notebooks");
    let mut stems: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".ipynb").map(str::to_string)
        })
        .collect();
    stems.sort();
    assert!(!stems.is_empty(), "no notebook in {}", dir.display());
    stems.iter().map(|s| notebook(s)).collect()
}

/// Blocks separated by blank lines, and each list item (`- `, `1. `, `> - `)
/// as a block of its own.
fn split_paragraphs(source: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<String>| {
        if !current.trim().is_empty() {
            out.push(current.trim().to_string());
        }
        current.clear();
    };
    for line in source.lines() {
        let bare = line.trim_start_matches('>').trim();
        let item = bare.starts_with("- ")
            || bare.starts_with("* ")
            || bare
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if bare.is_empty() || item {
            flush(&mut current, &mut out);
        }
        if !bare.is_empty() {
            current.push_str(bare);
            current.push(' ');
        }
    }
    flush(&mut current, &mut out);
    out
}

impl Notebook {
    /// The one paragraph containing `phrase`.
    ///
    /// # Panics
    /// When no paragraph or more than one contains it: the claim under test was
    /// removed or reworded, or the phrase does not pick one claim.
    pub fn paragraph(&self, phrase: &str) -> &str {
        let found: Vec<&String> = self
            .paragraphs
            .iter()
            .filter(|p| p.contains(phrase))
            .collect();
        match found.as_slice() {
            [one] => one,
            [] => panic!(
                "{}: no paragraph says {phrase:?} (the claim this test holds was removed or reworded)",
                self.path.display()
            ),
            many => panic!(
                "{}: {} paragraphs say {phrase:?}; name a longer phrase",
                self.path.display(),
                many.len()
            ),
        }
    }

    /// The paragraph containing `phrase`, checked to quote every one of `quoted`
    /// (numbers as the library's values format them).
    ///
    /// # Panics
    /// When a quoted value is missing from the paragraph: the sentence and the
    /// numbers it describes have parted.
    pub fn quotes(&self, phrase: &str, quoted: &[String]) -> &str {
        let p = self.paragraph(phrase);
        for q in quoted {
            assert!(
                p.contains(q.as_str()),
                "{}: the paragraph with {phrase:?} should quote {q:?} (the library's value), but reads:\n{p}",
                self.path.display()
            );
        }
        p
    }

    /// The decimals the prose quotes (`0.3162`, `1e-4`; formulas and inline code
    /// aside) that
    /// appear nowhere in the notebook's code or stored outputs: numbers typed by
    /// hand rather than read from what the library computed.
    pub fn unsourced_decimals(&self) -> Vec<String> {
        let mut out = Vec::new();
        for p in &self.paragraphs {
            // Inline code is a suggestion to type, not a claim: left out too.
            let prose: String = p.split('`').step_by(2).collect::<Vec<_>>().join(" ");
            for d in decimals(&without_math(&prose)) {
                if !self.computed.contains(d.as_str()) && !out.contains(&d) {
                    out.push(d);
                }
            }
        }
        out
    }

    /// The path of the notebook file.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// Fails when any paragraph still says `phrase`: a retracted claim stays
    /// retracted.
    pub fn never_says(&self, phrase: &str) {
        if let Some(p) = self.paragraphs.iter().find(|p| p.contains(phrase)) {
            panic!(
                "{}: a paragraph says {phrase:?}, a claim this course has corrected:\n{p}",
                self.path.display()
            );
        }
    }
}

/// `text` with its `$…$` and `$$…$$` formulas cut out.
fn without_math(text: &str) -> String {
    let mut out = String::new();
    for (i, block) in text.split("$$").enumerate() {
        if i % 2 == 1 {
            continue; // a display formula
        }
        for (j, piece) in block.split('$').enumerate() {
            if j % 2 == 0 {
                out.push_str(piece);
                out.push(' ');
            }
        }
    }
    out
}

/// Numbers with a decimal point or an exponent (`0.3162`, `2.1e-5`, `1e-4`), as
/// written; whole numbers and numbers inside words (`x1.5`) are left out.
fn decimals(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit()
            && (i == 0
                || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '.' || chars[i - 1] == '_'));
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
        let mut decimal = false;
        if j + 1 < chars.len() && chars[j] == '.' && chars[j + 1].is_ascii_digit() {
            decimal = true;
            j += 1;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
        }
        if j + 1 < chars.len() && chars[j] == 'e' {
            let k = if chars[j + 1] == '-' || chars[j + 1] == '+' {
                j + 2
            } else {
                j + 1
            };
            if k < chars.len() && chars[k].is_ascii_digit() {
                decimal = true;
                j = k;
                while j < chars.len() && chars[j].is_ascii_digit() {
                    j += 1;
                }
            }
        }
        if decimal && !(j < chars.len() && chars[j].is_alphanumeric()) {
            out.push(chars[i..j].iter().collect());
        }
        i = j.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_blocks_and_list_items() {
        let p = split_paragraphs(
            "Intro line one\nline two.\n\n- first item\n  continued\n- second\n> 1. quoted item\n",
        );
        assert_eq!(
            p,
            [
                "Intro line one line two.",
                "- first item continued",
                "- second",
                "1. quoted item"
            ]
        );
    }

    #[test]
    fn decimals_are_numbers_with_a_point_or_an_exponent() {
        assert_eq!(
            decimals("at 0.3162 and 1e-4, step 44, v2 x1.5 2.5e-3."),
            ["0.3162", "1e-4", "2.5e-3"]
        );
        assert_eq!(without_math("a $0.5$ b $$1.5$$ c"), "a   b   c ");
    }

    #[test]
    fn a_decimal_not_in_the_outputs_is_unsourced() {
        let nb = Notebook {
            path: PathBuf::from("x.ipynb"),
            paragraphs: vec!["it ends at 0.2500 after 0.1250, with $\\eta = 0.75$".into()],
            computed: "loss 0.2500".into(),
        };
        assert_eq!(nb.unsourced_decimals(), ["0.1250"]);
    }

    #[test]
    #[should_panic(expected = "should quote")]
    fn a_missing_number_fails() {
        let nb = Notebook {
            path: PathBuf::from("x.ipynb"),
            paragraphs: vec!["the run ends at 0.25".into()],
            computed: String::new(),
        };
        nb.quotes("the run ends", &["0.26".to_string()]);
    }
}
