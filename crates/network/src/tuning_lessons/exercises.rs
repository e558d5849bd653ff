//! Checked exercises of `notebooks/15-tuning.ipynb`: the budget of a tuning,
//! counted from the settings the notebook uses (never typed).

use super::ranked::RankingSettings;
use optcore::error::Result;
use optcore::exercise::Exercise;

/// The training runs behind one optimizer's place in the pinned ranking.
pub fn budget() -> Exercise {
    let s = RankingSettings::lesson();
    let (rates, seeds) = (s.lrs.len(), s.seeds.len());
    Exercise::new(
        format!(
            "A grid of {rates} rates, plus the defaults, each on {seeds} seeds: how many training runs does one optimizer's place rest on?"
        ),
        ((rates + 1) * seeds) as f64,
    )
    .near_miss(
        (rates * seeds) as f64,
        "the defaults are trained on every seed too",
    )
    .near_miss((rates + 1) as f64, "every setting is trained once per seed")
}

/// The runs of Adam's second round.
pub fn second_round() -> Result<Exercise> {
    let r = super::second_round::SecondRound::lesson()?;
    let (b, e, seeds) = (r.beta1s.len(), r.epss.len(), r.seeds.len());
    Ok(Exercise::new(
        format!(
            "Adam's second round: {b} values of β₁ and {e} of ε, every pair on {seeds} seeds: how many training runs?"
        ),
        (b * e * seeds) as f64,
    )
    .near_miss(
        ((b + e) * seeds) as f64,
        "a grid tries every pair (β₁, ε), not each value alone",
    )
    .near_miss((b * e) as f64, "every pair is trained once per seed"))
}

/// Every exercise of the notebook, in order.
pub fn all() -> Result<Vec<Exercise>> {
    Ok(vec![budget(), second_round()?])
}
