//! Korean wording of the texts `plots` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[
    // texts that plots.txt noted, by the crate that writes them
    // compare/overview.rs
    ("inside", "안쪽"),
    ("inside (Zeiler)", "안쪽 (Zeiler)"),
    ("inside (eps_in_sqrt)", "안쪽 (eps_in_sqrt)"),
    // nag/examples
    ("momentum step −γv", "모멘텀 스텝 −γv"),
    (
        "gradient step at the lookahead −η∇J(θ − γv)",
        "lookahead에서의 gradient 스텝 −η∇J(θ − γv)",
    ),
    ("passed θ*'s x", "θ*의 x 통과"),
    // adadelta/examples
    ("θ + Δθ compiles?", "θ + Δθ 컴파일 여부"),
    // rmsprop/examples
    ("Δθ, ε inside √ (paper)", "Δθ, ε은 √ 안쪽 (paper)"),
    ("paper: ρ = ⟨1⟩, ε inside", "paper: ρ = ⟨1⟩, ε 안쪽"),
    // adam/examples
    ("inside / added", "안쪽 / 바깥쪽"),
    // schedule/reference.rs
    ("linear-0.1-1-10", "linear-0.1-1-10"),
    ("linear-1-0.2-25", "linear-1-0.2-25"),
];
