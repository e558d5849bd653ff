//! Korean wording of the texts `adadelta` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[
    // examples/bridges.rs
    (
        "Adadelta (⟨1⟩) on J = (h/2)θ² from θ = ⟨2⟩: the ratio RMS[Δθ]ₜ₋₁/RMS[g]ₜ times h (Newton: ratio = H⁻¹ = 1/h, ratio·h = 1)",
        "J = (h/2)θ²에서 θ = ⟨2⟩부터 Adadelta (⟨1⟩): 비율 RMS[Δθ]ₜ₋₁/RMS[g]ₜ에 h를 곱한 값 (Newton이라면 비율 = H⁻¹ = 1/h, 비율·h = 1)",
    ),
    (
        "while θ is large next to √ε, ratio·h is the same for both h: the ratio scales like H⁻¹ = 1/h; ratio·h = 2 is the edge of stability (θ flips sign each step); once θ is small, both RMS sit at √ε and the ratio goes to 1, which for h = 4 is ratio·h = 4 > 2: θ grows back and oscillates at the edge",
        "θ가 √ε에 비해 큰 동안에는 비율·h가 두 h에서 같습니다. 비율이 H⁻¹ = 1/h에 비례하기 때문입니다. 비율·h = 2는 안정성의 경계입니다(θ가 스텝마다 부호를 바꿉니다). θ가 작아지면 두 RMS가 모두 √ε에 머물러 비율이 1로 가는데, h = 4에서는 이것이 비율·h = 4 > 2이므로 θ가 다시 커지며 경계에서 진동합니다",
    ),
    (
        "RMS of the gradients ⟨1⟩ (ρ = ⟨2⟩, ε = ⟨3⟩)",
        "gradient ⟨1⟩의 RMS (ρ = ⟨2⟩, ε = ⟨3⟩)",
    ),
    ("RMS of g₁…gₜ (plain mean)", "g₁…gₜ의 RMS (단순 평균)"),
    (
        "the plain mean weighs every gradient alike; the running RMS forgets the 2s (weight ρᵏ) and starts low (E[g²]₀ = 0)",
        "단순 평균은 모든 gradient에 같은 가중치를 줍니다. 이동 RMS는 앞쪽에 나온, 값이 2인 gradient들을 점점 잊고(가중치 ρᵏ) 낮게 출발합니다(E[g²]₀ = 0)",
    ),
    // examples/decaying_average.rs
    (
        "intermediate rule Δθ = −η/RMS[g]·g (η = ⟨1⟩, γ = ⟨2⟩, ε = ⟨3⟩) on 0.1x² + 2y²",
        "0.1x² + 2y²에서 중간 규칙 Δθ = −η/RMS[g]·g (η = ⟨1⟩, γ = ⟨2⟩, ε = ⟨3⟩)",
    ),
    (
        "the first step is −η·g/√((1−γ)g²+ε) ≈ −η/√(1−γ)·sign(g) ≈ ⟨1⟩ for both parameters, though g[1] = ⟨2⟩·g[0]",
        "첫 스텝은 −η·g/√((1−γ)g²+ε) ≈ −η/√(1−γ)·(g의 부호)이므로, g[1] = ⟨2⟩·g[0]인데도 두 파라미터 모두 ≈ ⟨1⟩입니다",
    ),
    (
        "ρ = ⟨1⟩: weight of g²ₜ₋ₖ in E[g²]ₜ (window ≈ 1/(1−ρ) = ⟨2⟩)",
        "ρ = ⟨1⟩: E[g²]ₜ 안에서 g²ₜ₋ₖ의 가중치 (창 ≈ 1/(1−ρ) = ⟨2⟩)",
    ),
    ("weight of the last k+1", "최근 k+1개의 가중치 합"),
    ("a 'last w' box: 1/w", "'지난 w개' 균등 창: 1/w"),
    (
        "weight of g²ₜ₋ₖ in E[g²]ₜ, ρ = ⟨1⟩",
        "E[g²]ₜ 안에서 g²ₜ₋ₖ의 가중치, ρ = ⟨1⟩",
    ),
    ("k (steps ago)", "k (몇 스텝 전)"),
    (
        "decaying average vs 'the last w gradients'",
        "감쇠 평균과 '지난 w개의 gradient'",
    ),
    ("weight of last w: 1−ρʷ", "지난 w개의 가중치: 1−ρʷ"),
    ("weight older than 3w: ρ³ʷ", "3w보다 오래된 것의 가중치: ρ³ʷ"),
    // examples/newton_run.rs
    (
        "Rosenbrock: Newton (⟨1⟩ steps), Adadelta (⟨2⟩)",
        "Rosenbrock: Newton (⟨1⟩ 스텝), Adadelta (⟨2⟩)",
    ),
    (
        "0.1x² + 2y²: one Newton step lands on the minimum",
        "0.1x² + 2y²: Newton 스텝 한 번에 최소점에 도착",
    ),
    ("Adadelta (⟨1⟩ steps)", "Adadelta (⟨1⟩ 스텝)"),
    // examples/rescaling_theta.rs
    (
        "θ′ = ⟨1⟩·θ (m → cm), ⟨2⟩ steps: mismatch = max over t of |θ′ₜ/⟨3⟩ − θₜ| / distance travelled max|θₜ − θ₀|",
        "θ′ = ⟨1⟩·θ (m → cm), ⟨2⟩ 스텝: 불일치 = 모든 t에 대한 |θ′ₜ/⟨3⟩ − θₜ|의 max / 이동 거리 max|θₜ − θ₀|",
    ),
    ("final loss in m", "최종 loss (m 단위)"),
    ("final loss in cm", "최종 loss (cm 단위)"),
    (
        "Newton maps to rounding error. Adadelta with one ε does not: its first step is √ε in whatever unit θ has, so in cm it starts k times slower and stays behind; given each ε in its own unit (ε_Δθ in m², ε_g in J²/m²) its trajectory maps to rounding error, so ε alone breaks the exactness. SGD in cm moves k² times less (in m), Adagrad k times less.",
        "Newton은 반올림 오차 수준으로 그대로 옮겨집니다. ε 하나를 쓰는 Adadelta는 그렇지 않습니다. 첫 스텝이 θ의 단위가 무엇이든 그 단위로 √ε이므로, cm로 재면 k배 느리게 출발해 계속 뒤처집니다. ε마다 제 단위를 주면(ε_Δθ는 m², ε_g는 J²/m²) 궤적이 반올림 오차 수준으로 옮겨지므로, 정확한 대응을 깨는 것은 ε 하나뿐입니다. cm로 잰 SGD는 (m로 환산해) k²배 덜 움직이고, Adagrad는 k배 덜 움직입니다.",
    ),
    (
        "Adadelta, θ[0] in m and in cm (÷⟨1⟩), paper defaults",
        "Adadelta, m와 cm(÷⟨1⟩)로 잰 θ[0], paper 기본값",
    ),
    ("θ[0] in metres", "θ[0] (미터)"),
    ("run in m", "m 단위 실행"),
    ("run in cm, one ε", "cm 단위 실행, ε 하나"),
    ("run in cm, each ε in its unit", "cm 단위 실행, ε마다 제 단위"),
    // examples/unit_check.rs
    (
        "θ in m, J in joules: g = 0.5 J/m, H = 0.25 J/m², E[g²] = g², E[Δθ²] = 0.04 m², η = 0.1, ε = 0",
        "θ는 미터(m), J는 줄(J) 단위: g = 0.5 J/m, H = 0.25 J/m², E[g²] = g², E[Δθ²] = 0.04 m², η = 0.1, ε = 0",
    ),
    ("unit (from the types)", "단위 (타입에서 읽음)"),
    ("no (compile_fail doctest)", "아니요 (compile_fail 문서 테스트)"),
    (
        "Adadelta's two ε would need the units ⟨1⟩ (numerator) and ⟨2⟩ (denominator): one plain number is not unit-consistent",
        "Adadelta의 두 ε은 각각 ⟨1⟩(분자)와 ⟨2⟩(분모) 단위여야 합니다. 단위 없는 수 하나로는 단위가 맞지 않습니다",
    ),
    // examples/update.rs
    (
        "⟨1⟩ on quadratic: the running averages behind it",
        "이차 함수에서 ⟨1⟩: 스텝을 만드는 이동 평균",
    ),
    (
        "paper ρ=⟨1⟩ vs torch: max rel diff",
        "torch 대비 paper ρ=⟨1⟩의 최대 상대 차이",
    ),
    // lib.rs (the errors of Adadelta's hyperparameters)
    (
        "invalid rho = ⟨1⟩: rho must be in (0, 1)",
        "잘못된 값 rho = ⟨1⟩: rho는 (0, 1) 안에 있어야 합니다",
    ),
    (
        "invalid eps = ⟨1⟩: eps must be a finite number > 0 (with eps = 0, RMS[Δθ]₀ = 0 and Adadelta never moves)",
        "잘못된 값 eps = ⟨1⟩: eps는 > 0인 유한한 수여야 합니다(eps = 0이면 RMS[Δθ]₀ = 0이어서 Adadelta가 전혀 움직이지 않습니다)",
    ),
    // newton.rs (the run's title)
    (
        "newton/paper (lr = ⟨1⟩) on quadratic",
        "이차 함수에서 newton/paper (lr = ⟨1⟩)",
    ),
    // exercises.rs (each near miss's reason, for the checker's verdict)
    (
        "off by a factor of 1 − γ: the new g² enters with weight (1 − γ), E[g²]ₜ = γE[g²]ₜ₋₁ + (1 − γ)gₜ²",
        "1 − γ배만큼 어긋났습니다. 새 g²는 가중치 (1 − γ)로 들어갑니다: E[g²]ₜ = γE[g²]ₜ₋₁ + (1 − γ)gₜ²",
    ),
    (
        "γ and 1 − γ swapped: the old average keeps weight γ = 0.9, the new g² gets 1 − γ = 0.1",
        "γ와 1 − γ를 서로 바꾸었습니다. 이전 평균이 가중치 γ = 0.9를 갖고, 새 g²는 1 − γ = 0.1을 받습니다",
    ),
    (
        "the gradients are not squared: E[g²] averages g², not g",
        "gradient를 제곱하지 않았습니다. E[g²]는 g가 아니라 g²의 평균입니다",
    ),
    (
        "E[g²]₁ = (1 − ρ)g₁², not g₁²: a decaying average from 0, not Adagrad's sum",
        "E[g²]₁은 g₁²가 아니라 (1 − ρ)g₁²입니다. Adagrad의 합이 아니라 0에서 출발하는 감쇠 평균입니다",
    ),
    (
        "the numerator is RMS[Δθ]₀ = √(0 + ε) = √ε, not 1: Adadelta has no η",
        "분자는 1이 아니라 RMS[Δθ]₀ = √(0 + ε) = √ε입니다. Adadelta에는 η가 없습니다",
    ),
    (
        "the wrong sign: Δθ = −(RMS[Δθ]ₜ₋₁/RMS[g]ₜ)·gₜ goes against g",
        "부호가 반대입니다. Δθ = −(RMS[Δθ]ₜ₋₁/RMS[g]ₜ)·gₜ는 g의 반대 방향으로 갑니다",
    ),
    (
        "that is −g, a gradient step with η = 1: Newton divides g by H = h",
        "그것은 −g, 곧 η = 1인 gradient 스텝입니다. Newton은 g를 H = h로 나눕니다",
    ),
    (
        "−H·g multiplies by the curvature; Newton divides by it (H⁻¹)",
        "−H·g는 곡률을 곱합니다. Newton은 곡률로 나눕니다(H⁻¹)",
    ),
    (
        "the wrong sign: Newton's step goes against the gradient",
        "부호가 반대입니다. Newton의 스텝은 gradient의 반대 방향으로 갑니다",
    ),
    // exercises.rs, as the notebook shows them: verdicts and the answers section
    (
        "✗ not quite (아깝습니다): off by a factor of 1 − γ: the new g² enters with weight (1 − γ), E[g²]ₜ = γE[g²]ₜ₋₁ + (1 − γ)gₜ²",
        "✗ 아깝습니다: 1 − γ배만큼 어긋났습니다. 새 g²는 가중치 (1 − γ)로 들어갑니다: E[g²]ₜ = γE[g²]ₜ₋₁ + (1 − γ)gₜ²",
    ),
    (
        "**E[g²]₂ for γ = 0.9, g₁ = 2, g₂ = 1, starting from E[g²]₀ = 0** = 0.4600\n\
         - 4.600 would be: off by a factor of 1 − γ: the new g² enters with weight (1 − γ), E[g²]ₜ = γE[g²]ₜ₋₁ + (1 − γ)gₜ²\n\
         - 1.260 would be: γ and 1 − γ swapped: the old average keeps weight γ = 0.9, the new g² gets 1 − γ = 0.1\n\
         - 0.2800 would be: the gradients are not squared: E[g²] averages g², not g\n\
         \n\
         **Δθ₁ of Adadelta for g₁ = −8 with ρ = 0.95, ε = 1e-6 (E[g²]₀ = E[Δθ²]₀ = 0)** = 0.004472\n\
         - 0.001000 would be: E[g²]₁ = (1 − ρ)g₁², not g₁²: a decaying average from 0, not Adagrad's sum\n\
         - 4.472 would be: the numerator is RMS[Δθ]₀ = √(0 + ε) = √ε, not 1: Adadelta has no η\n\
         - -0.004472 would be: the wrong sign: Δθ = −(RMS[Δθ]ₜ₋₁/RMS[g]ₜ)·gₜ goes against g\n\
         \n\
         **Newton's Δθ = −H⁻¹g on J = (h/2)θ² with h = 4, at θ = 3** = -3.000\n\
         - -12.00 would be: that is −g, a gradient step with η = 1: Newton divides g by H = h\n\
         - -48.00 would be: −H·g multiplies by the curvature; Newton divides by it (H⁻¹)\n\
         - 3.000 would be: the wrong sign: Newton's step goes against the gradient",
        "**E[g²]₀ = 0에서 시작할 때 γ = 0.9, g₁ = 2, g₂ = 1에 대한 E[g²]₂** = 0.4600\n- 4.600이 나왔다면: 1 − γ배만큼 어긋났습니다. 새 g²는 가중치 (1 − γ)로 들어갑니다: E[g²]ₜ = γE[g²]ₜ₋₁ + (1 − γ)gₜ²\n- 1.260이 나왔다면: γ와 1 − γ를 서로 바꾸었습니다. 이전 평균이 가중치 γ = 0.9를 갖고, 새 g²는 1 − γ = 0.1을 받습니다\n- 0.2800이 나왔다면: gradient를 제곱하지 않았습니다. E[g²]는 g가 아니라 g²의 평균입니다\n\n**ρ = 0.95, ε = 1e-6에서 g₁ = −8일 때 Adadelta의 Δθ₁ (E[g²]₀ = E[Δθ²]₀ = 0)** = 0.004472\n- 0.001000이 나왔다면: E[g²]₁은 g₁²가 아니라 (1 − ρ)g₁²입니다. Adagrad의 합이 아니라 0에서 출발하는 감쇠 평균입니다\n- 4.472가 나왔다면: 분자는 1이 아니라 RMS[Δθ]₀ = √(0 + ε) = √ε입니다. Adadelta에는 η가 없습니다\n- -0.004472가 나왔다면: 부호가 반대입니다. Δθ = −(RMS[Δθ]ₜ₋₁/RMS[g]ₜ)·gₜ는 g의 반대 방향으로 갑니다\n\n**h = 4인 J = (h/2)θ²에서 θ = 3일 때 Newton의 Δθ = −H⁻¹g** = -3.000\n- -12.00이 나왔다면: 그것은 −g, 곧 η = 1인 gradient 스텝입니다. Newton은 g를 H = h로 나눕니다\n- -48.00이 나왔다면: −H·g는 곡률을 곱합니다. Newton은 곡률로 나눕니다(H⁻¹)\n- 3.000이 나왔다면: 부호가 반대입니다. Newton의 스텝은 gradient의 반대 방향으로 갑니다",
    ),
    // Texts of other crates that the Adadelta notebook's run listed here.
    // compare: overview.rs
    (
        "rho (Adadelta); alpha (RMSprop); betas[1]",
        "rho (Adadelta); alpha (RMSprop); betas[1]",
    ),
    (
        "rho (adadelta); decay (rmsprop); b2",
        "rho (adadelta); decay (rmsprop); b2",
    ),
    // momentum: examples/ill_conditioned.rs
    ("loss J(θₜ) on 0.1x² + 2y²", "0.1x² + 2y²에서의 loss J(θₜ)"),
    // momentum: examples/two_forms.rs
    ("computed by", "계산한 곳"),
    // rmsprop: examples.rs
    ("numerator: RMS[Δθ]ₜ₋₁", "분자: RMS[Δθ]ₜ₋₁"),
    ("numerator: η", "분자: η"),
    // momentum: dynamics/examples.rs
    ("μ₁, μ₂ (nalgebra)", "μ₁, μ₂ (nalgebra)"),
    ("ρ (R′, nalgebra)", "ρ (R′, nalgebra)"),
    // adadelta/examples/unit_check.rs
    ("yes", "예"),
];
