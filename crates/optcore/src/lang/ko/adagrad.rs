//! Korean wording of the texts `adagrad` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[
    // examples/per_parameter.rs
    (
        "Adagrad on 0.1x² + 2y², ⟨1⟩, ⟨2⟩ steps",
        "0.1x² + 2y²에서 Adagrad (⟨1⟩, ⟨2⟩ 스텝)",
    ),
    ("loss post", "포스트의 loss"),
    ("loss torch", "torch의 loss"),
    // examples/sparse_feature.rs
    (
        "linear unit data: ⟨1⟩ examples, a₂ ≠ 0 on ⟨2⟩ of them; w* = (0.5, −1, 2, 1.5)",
        "선형 유닛 데이터: 예제 ⟨1⟩개, 그중 ⟨2⟩개에서 a₂ ≠ 0; w* = (0.5, −1, 2, 1.5)",
    ),
    (
        "Adagrad ⟨1⟩: effective rate η/√(Gₜ,ᵢᵢ + ε) per weight",
        "Adagrad ⟨1⟩: 가중치별 실효 learning rate η/√(Gₜ,ᵢᵢ + ε)",
    ),
    (
        "before the first a₂ ≠ 0, G₂₂ = 0 and w₂'s rate is η/√ε; afterwards it shrinks only on the rare steps",
        "첫 a₂ ≠ 0이 나오기 전에는 G₂₂ = 0이어서 w₂의 learning rate가 η/√ε입니다. 그 뒤로는 드문 스텝에서만 줄어듭니다",
    ),
    (
        "Adagrad ⟨1⟩ on the sparse data: is the rate below η?",
        "희소한 데이터에서 Adagrad ⟨1⟩: learning rate가 η보다 작습니까?",
    ),
    ("before its first gradient", "첫 gradient를 받기 전"),
    ("first step with a₂ ≠ 0", "a₂ ≠ 0인 첫 스텝"),
    ("end of the run", "실행의 끝"),
    ("w₁ (dense)", "w₁ (밀집)"),
    (
        "rate / η > 1 wherever Gₜ,ᵢᵢ + ε < 1",
        "Gₜ,ᵢᵢ + ε < 1인 곳에서는 어디서나 rate / η > 1입니다",
    ),
    (
        "Adagrad η = ⟨1⟩: effective rate η/√(Gₜ,ᵢᵢ+ε) per weight",
        "Adagrad η = ⟨1⟩: 가중치별 실효 learning rate η/√(Gₜ,ᵢᵢ+ε)",
    ),
    ("effective rate", "실효 learning rate"),
    (
        "online training, ⟨1⟩ steps from w = 0: step from which |wᵢ − wᵢ*| ≤ ⟨2⟩ stays true",
        "w = 0에서 시작한 온라인 학습 ⟨1⟩ 스텝: |wᵢ − wᵢ*| ≤ ⟨2⟩ 조건이 끝까지 유지되기 시작하는 스텝",
    ),
    ("updates of w₂ by then", "그때까지 w₂의 업데이트 횟수"),
    ("w₃ (dense)", "w₃ (밀집)"),
    ("not reached", "도달하지 못함"),
    (
        "updates of w₂ = steps whose example has a₂ ≠ 0 (every other step leaves w₂ where it is)",
        "w₂의 업데이트 횟수 = 예제의 a₂ ≠ 0인 스텝의 수 (다른 스텝에서는 w₂가 제자리에 있습니다)",
    ),
    (
        "rare feature's weight w₂ (target ⟨1⟩)",
        "드문 특성의 가중치 w₂ (목표값 ⟨1⟩)",
    ),
    ("diverged at step ⟨1⟩", "스텝 ⟨1⟩에서 발산"),
    // examples/rate_decay.rs
    (
        "long slope from θ = ⟨1⟩ to 50, η = ⟨2⟩: Adagrad's rate decays like η/√t",
        "θ = ⟨1⟩에서 50까지의 긴 경사, η = ⟨2⟩: Adagrad의 learning rate는 η/√t처럼 줄어듭니다",
    ),
    (
        "first step with |θ − 50| ≤ 1 (η = ⟨1⟩, at most ⟨2⟩ steps)",
        "|θ − 50| ≤ 1이 되는 첫 스텝 (η = ⟨1⟩, 최대 ⟨2⟩ 스텝)",
    ),
    (
        "SGD covers η·|g| ≈ ⟨1⟩ per step; Adagrad's distance grows like 2η√t, so 50 takes about (50/(2η))² ≈ ⟨2⟩ steps",
        "SGD는 스텝마다 η·|g| ≈ ⟨1⟩만큼 나아갑니다. Adagrad가 움직인 거리는 2η√t처럼 늘어나므로, 50까지 가는 데 약 (50/(2η))² ≈ ⟨2⟩ 스텝이 걸립니다",
    ),
    ("long slope to θ = 50, η = ⟨1⟩", "θ = 50까지의 긴 경사, η = ⟨1⟩"),
    (
        "Adagrad's rate under a steady gradient",
        "일정한 gradient에서 Adagrad의 learning rate",
    ),
    // examples/diagonal.rs
    (
        r"After ⟨1⟩ Adagrad steps (⟨2⟩). Adagrad keeps only the diagonal; the full matrix $G_t = \sum_\tau g_\tau g_\tau^\top$ also records how the gradient's components move together.",
        r"Adagrad로 ⟨1⟩ 스텝을 진행한 뒤입니다(⟨2⟩). Adagrad는 대각 성분만 남기지만, 전체 행렬 $G_t = \sum_\tau g_\tau g_\tau^\top$은 gradient의 성분들이 서로 어떻게 함께 움직이는지도 기록합니다.",
    ),
    (
        "step ⟨1⟩ on the quadratic: −η(Gₜ + εI)^(−1/2) gₜ with the diagonal matrix vs the element-wise form",
        "이차 함수에서 스텝 ⟨1⟩: 대각행렬로 쓴 −η(Gₜ + εI)^(−1/2) gₜ와 원소별 형태의 비교",
    ),
    ("matrix form Δθᵢ", "행렬 형태 Δθᵢ"),
    ("element-wise Δθᵢ", "원소별 Δθᵢ"),
    (
        "quadratic 0.1x² + 2y²: Gₜ as Adagrad keeps it (diagonal)",
        "이차 함수 0.1x² + 2y²: Adagrad가 저장하는 Gₜ (대각)",
    ),
    (
        "Rosenbrock: Gₜ as Adagrad keeps it (diagonal)",
        "Rosenbrock: Adagrad가 저장하는 Gₜ (대각)",
    ),
    ("Rosenbrock: full Σ g gᵀ", "Rosenbrock: 전체 행렬 Σ g gᵀ"),
    (
        r"quadratic 0.1x² + 2y²: off-diagonal $G_{01}$ = ⟨1⟩, correlation $G_{01}/\sqrt{G_{00}G_{11}}$ = ⟨2⟩.",
        r"이차 함수 0.1x² + 2y²: 비대각 원소 $G_{01}$ = ⟨1⟩, 상관계수 $G_{01}/\sqrt{G_{00}G_{11}}$ = ⟨2⟩.",
    ),
    (
        r"Rosenbrock: off-diagonal $G_{01}$ = ⟨1⟩, correlation $G_{01}/\sqrt{G_{00}G_{11}}$ = ⟨2⟩.",
        r"Rosenbrock: 비대각 원소 $G_{01}$ = ⟨1⟩, 상관계수 $G_{01}/\sqrt{G_{00}G_{11}}$ = ⟨2⟩.",
    ),
    // examples/eps_placement.rs
    (
        "first step, G₁ = g²: post η/√(G+ε) vs torch η/(√G+ε), η = ⟨1⟩",
        "첫 스텝, G₁ = g²: 포스트의 η/√(G+ε)와 torch의 η/(√G+ε), η = ⟨1⟩",
    ),
    (
        "without ε both are η/|g|: the first step moves every parameter by exactly η, whatever its gradient",
        "ε이 없으면 둘 다 η/|g|입니다. 첫 스텝은 gradient가 얼마이든 모든 파라미터를 정확히 η만큼 움직입니다",
    ),
    ("J = y² (x unused)", "J = y² (x는 쓰지 않음)"),
    (
        "⟨1⟩ on J = y² (x unused)",
        "J = y² (x는 쓰지 않음)에서 ⟨1⟩",
    ),
    ("refused hyperparameters", "거부된 hyperparameter"),
    // lib.rs (the errors of Adagrad's hyperparameters)
    (
        "invalid eps = ⟨1⟩: eps must be a finite number >= 0",
        "잘못된 값 eps = ⟨1⟩: eps는 >= 0인 유한한 수여야 합니다",
    ),
    (
        "invalid initial_accumulator_value = ⟨1⟩: initial_accumulator_value must be a finite number >= 0",
        "잘못된 값 initial_accumulator_value = ⟨1⟩: initial_accumulator_value는 >= 0인 유한한 수여야 합니다",
    ),
    // exercises.rs (each near miss's reason, for the checker's verdict)
    (
        "the gradients are added unsquared: G sums g², not g",
        "gradient를 제곱하지 않고 더했습니다. G는 g가 아니라 g²를 더합니다",
    ),
    (
        "(g₁ + g₂ + g₃)² squares the sum; G is the sum of the squares g₁² + g₂² + g₃²",
        "(g₁ + g₂ + g₃)²는 합을 제곱합니다. G는 제곱의 합 g₁² + g₂² + g₃²입니다",
    ),
    (
        "only g₃² is counted: G keeps every past gradient (it is a sum, not the last one)",
        "g₃²만 셌습니다. G는 지난 gradient를 모두 담습니다(마지막 하나가 아니라 합입니다)",
    ),
    (
        "ε forgotten: the post's rate is η/√(G + ε), with ε inside the root",
        "ε을 빠뜨렸습니다. 포스트의 learning rate는 ε을 제곱근 안에 둔 η/√(G + ε)입니다",
    ),
    (
        "ε outside the root, η/(√G + ε): that is torch.optim.Adagrad's form, not the post's",
        "ε을 제곱근 밖에 둔 η/(√G + ε)는 포스트가 아니라 torch.optim.Adagrad의 형태입니다",
    ),
    (
        "the root is missing: divide η by √(G + ε), not by G + ε",
        "제곱근이 빠졌습니다. η를 G + ε이 아니라 √(G + ε)로 나눕니다",
    ),
    (
        "the rate uses G before this step: Gₜ already includes gₜ², so the rate is η/√(g² + ε), not η/√ε",
        "이번 스텝 전의 G로 learning rate를 구했습니다. Gₜ에는 이미 gₜ²가 들어 있으므로 learning rate는 η/√ε이 아니라 η/√(g² + ε)입니다",
    ),
    (
        "the wrong sign: θ moves against the gradient, Δθ = −rate·g",
        "부호가 반대입니다. θ는 gradient의 반대 방향으로 움직입니다: Δθ = −rate·g",
    ),
    (
        "that is plain gradient descent's −η·g: Adagrad divides by √(G + ε)",
        "그것은 기본 경사 하강법의 −η·g입니다. Adagrad는 √(G + ε)로 나눕니다",
    ),
    // exercises.rs, as the notebook shows them: verdicts and the answers section
    (
        "✗ not quite (아깝습니다): (g₁ + g₂ + g₃)² squares the sum; G is the sum of the squares g₁² + g₂² + g₃²",
        "✗ 아깝습니다: (g₁ + g₂ + g₃)²는 합을 제곱합니다. G는 제곱의 합 g₁² + g₂² + g₃²입니다",
    ),
    (
        "✗ not quite (아깝습니다): ε outside the root, η/(√G + ε): that is torch.optim.Adagrad's form, not the post's",
        "✗ 아깝습니다: ε을 제곱근 밖에 둔 η/(√G + ε)는 포스트가 아니라 torch.optim.Adagrad의 형태입니다",
    ),
    (
        "**G₃ = G₃,ᵢᵢ of one parameter whose gradients were g₁ = 2, g₂ = −1, g₃ = 3** = 14.00\n\
         - 4.000 would be: the gradients are added unsquared: G sums g², not g\n\
         - 16.00 would be: (g₁ + g₂ + g₃)² squares the sum; G is the sum of the squares g₁² + g₂² + g₃²\n\
         - 9.000 would be: only g₃² is counted: G keeps every past gradient (it is a sum, not the last one)\n\
         \n\
         **the effective rate η/√(G₃ + ε) after g = 2, −1, 3, with η = 0.5 and ε = 0.1** = 0.1332\n\
         - 0.1336 would be: ε forgotten: the post's rate is η/√(G + ε), with ε inside the root\n\
         - 0.1302 would be: ε outside the root, η/(√G + ε): that is torch.optim.Adagrad's form, not the post's\n\
         - 0.03546 would be: the root is missing: divide η by √(G + ε), not by G + ε\n\
         \n\
         **Δθ of a parameter whose gradient was 0 for 50 steps and is now g = −4 (η = 0.5, ε = 1e-8)** = 0.5000\n\
         - 20000 would be: the rate uses G before this step: Gₜ already includes gₜ², so the rate is η/√(g² + ε), not η/√ε\n\
         - -0.5000 would be: the wrong sign: θ moves against the gradient, Δθ = −rate·g\n\
         - 2.000 would be: that is plain gradient descent's −η·g: Adagrad divides by √(G + ε)",
        "**gradient가 g₁ = 2, g₂ = −1, g₃ = 3이었던 한 파라미터의 G₃ = G₃,ᵢᵢ** = 14.00\n- 4.000이 나왔다면: gradient를 제곱하지 않고 더했습니다. G는 g가 아니라 g²를 더합니다\n- 16.00이 나왔다면: (g₁ + g₂ + g₃)²는 합을 제곱합니다. G는 제곱의 합 g₁² + g₂² + g₃²입니다\n- 9.000이 나왔다면: g₃²만 셌습니다. G는 지난 gradient를 모두 담습니다(마지막 하나가 아니라 합입니다)\n\n**g = 2, −1, 3 뒤의 실효 learning rate η/√(G₃ + ε) (η = 0.5, ε = 0.1)** = 0.1332\n- 0.1336이 나왔다면: ε을 빠뜨렸습니다. 포스트의 learning rate는 ε을 제곱근 안에 둔 η/√(G + ε)입니다\n- 0.1302가 나왔다면: ε을 제곱근 밖에 둔 η/(√G + ε)는 포스트가 아니라 torch.optim.Adagrad의 형태입니다\n- 0.03546이 나왔다면: 제곱근이 빠졌습니다. η를 G + ε이 아니라 √(G + ε)로 나눕니다\n\n**gradient가 50 스텝 동안 0이었다가 이번에 g = −4가 된 파라미터의 Δθ (η = 0.5, ε = 1e-8)** = 0.5000\n- 20000이 나왔다면: 이번 스텝 전의 G로 learning rate를 구했습니다. Gₜ에는 이미 gₜ²가 들어 있으므로 learning rate는 η/√ε이 아니라 η/√(g² + ε)입니다\n- -0.5000이 나왔다면: 부호가 반대입니다. θ는 gradient의 반대 방향으로 움직입니다: Δθ = −rate·g\n- 2.000이 나왔다면: 그것은 기본 경사 하강법의 −η·g입니다. Adagrad는 √(G + ε)로 나눕니다",
    ),
    // Texts of other crates that the Adagrad notebook's run listed here.
    // batching: examples/batch_loss.rs
    ("(1/m) Σ per example", "(1/m) Σ 예제별"),
    // batching: examples/epochs.rs
    (
        "The first ⟨1⟩ epochs: N = ⟨2⟩, m = ⟨3⟩, seed ⟨4⟩",
        "처음 ⟨1⟩ 에폭: N = ⟨2⟩, m = ⟨3⟩, 시드 ⟨4⟩",
    ),
    // gd: examples/three_kinds.rs
    ("⟨1⟩, … (⟨2⟩ in all)", "⟨1⟩, … (모두 ⟨2⟩개)"),
    // momentum: examples/flat_end.rs
    (
        "on the slope (∇J = −s = −⟨1⟩): |vₜ|/(η·s) = Σₖ<ₜ γᵏ = (1 − γᵗ)/(1 − γ), γ = ⟨2⟩, η = ⟨3⟩",
        "경사 위에서 (∇J = −s = −⟨1⟩): |vₜ|/(η·s) = Σₖ<ₜ γᵏ = (1 − γᵗ)/(1 − γ), γ = ⟨2⟩, η = ⟨3⟩",
    ),
    // compare: overview.rs
    ("eps; eps_root (inside the root)", "eps; eps_root (제곱근 안)"),
    // nadam: examples.rs
    (
        r"torch.optim.NAdam (η = ⟨1⟩, β = (⟨2⟩, ⟨3⟩), ε = ⟨4⟩, ψ = ⟨5⟩) on $J = 0.1x^2 + 2y^2$ from $(⟨6⟩, ⟨7⟩)$: $d = \sqrt{v_t/(1-\beta_2^t)} + \epsilon$ and $\theta_t = \theta_{t-1} - c_g\,g_t/d - c_m\,m_t/d$.",
        r"$(⟨6⟩, ⟨7⟩)$에서 출발해 $J = 0.1x^2 + 2y^2$를 최소화하는 torch.optim.NAdam (η = ⟨1⟩, β = (⟨2⟩, ⟨3⟩), ε = ⟨4⟩, ψ = ⟨5⟩): $d = \sqrt{v_t/(1-\beta_2^t)} + \epsilon$이고 $\theta_t = \theta_{t-1} - c_g\,g_t/d - c_m\,m_t/d$입니다.",
    ),
    // adagrad/examples (sparse_feature.rs, rate_decay.rs, per_parameter.rs)
    ("when", "시점"),
    ("w₂ (rare)", "w₂ (희소)"),
    ("step 1", "스텝 1"),
    ("step", "스텝"),
    ("step t", "스텝 t"),
    ("post: η/√(G+ε)", "포스트: η/√(G+ε)"),
    ("θ[0] post", "θ[0] 포스트"),
    ("θ[1] post", "θ[1] 포스트"),
];
