//! What the notebooks attribute to their sources: claims read against the post,
//! the papers and Ruder's overview, and found wrong, stay corrected in every
//! notebook (the sentences that replaced them are in the notebooks; where they
//! quote numbers, the section crates' prose tests hold those).

use testkit::prose::all;

/// (a phrase no notebook may say, why).
const RETRACTED: &[(&str, &str)] = &[
    (
        "Hinton suggests",
        "Hinton's slide gives ρ = 0.9 only; η = 0.001 is Ruder's suggestion",
    ),
    (
        "Hinton's form",
        "Hinton's slide has no ε; ε inside the root is Ruder's form",
    ),
    (
        "Hinton's RMSprop does it",
        "Hinton's slide has no ε; ε inside the root is Ruder's form",
    ),
    (
        "As Ruder's overview writes it",
        "the arXiv overview (1609.04747) has no AMSGrad; only the 2018 update of Ruder's blog post does",
    ),
    (
        "Ruder의 개관은 AdaMax와 AMSGrad로 이어지고",
        "the overview has AdaMax before NAdam, and AMSGrad only in its 2018 blog update",
    ),
    (
        "the post's favourite",
        "the post has no test function",
    ),
    (
        "post's quadratic",
        "the post has no test function: 0.1x² + 2y² is this course's",
    ),
    (
        "post's $0.1x^2",
        "the post has no test function: 0.1x² + 2y² is this course's",
    ),
    (
        "포스트의 $0.1x^2",
        "the post has no test function: 0.1x² + 2y² is this course's",
    ),
    (
        "Zeiler's defaults",
        "Algorithm 1 leaves ρ and ε open; 0.95 and 1e-6 are the values of Zeiler's experiments",
    ),
    (
        "an earlier version of this notebook",
        "a notebook's own history belongs in commit messages, not in the lesson",
    ),
    (
        "`paper` follows the post and the original papers",
        "Hinton's RMSprop has no ε, so `paper` follows the post and Ruder's overview",
    ),
];

#[test]
fn no_notebook_repeats_a_corrected_attribution() {
    for nb in all() {
        for (phrase, _why) in RETRACTED {
            nb.never_says(phrase);
        }
    }
}

/// Decimals the prose may write without the notebook computing them: citations,
/// versions and thresholds, each with its reason.
const NOT_COMPUTED: &[(&str, &str)] = &[
    ("1609.04747", "arXiv number of Ruder's overview"),
    ("1212.0901", "arXiv number of Bengio et al."),
    ("7.1", "section 7.1 of Kingma & Ba (AdaMax)"),
    ("2.15", "the torch version that wrote the vendored traces"),
    ("1e-9", "the tolerance of the torch comparison"),
    (
        "0.06",
        "11's agreement of measured and predicted rates, held by momentum/tests/dynamics.rs",
    ),
    ("0.55", "a value 13 suggests trying (above 2/λmax = 0.5)"),
    ("0.97", "a value 13 suggests trying"),
];

/// Principle 1 for prose: every decimal a paragraph quotes (formulas aside) is
/// one the notebook's code or stored outputs contain, unless listed above
/// (inline code, a suggestion to type, aside).
#[test]
fn every_decimal_the_prose_quotes_is_computed() {
    let mut found = Vec::new();
    for nb in all() {
        for d in nb.unsourced_decimals() {
            if !NOT_COMPUTED.iter().any(|(n, _)| *n == d) {
                found.push(format!("{}: {d}", nb.path().display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "numbers in the prose that no cell computes (quote an output, or list the number with its reason):\n{}",
        found.join("\n")
    );
}
