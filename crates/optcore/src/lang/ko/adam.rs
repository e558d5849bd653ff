//! Korean wording of the texts `adam` shows (see [`super`]).
//!
//! The whole Adam family: the crates adam, nadam, adamax, amsgrad and adamw.

pub const ENTRIES: &[(&str, &str)] = &[
    // adam/examples/step_by_step.rs
    (
        r"Adam, Algorithm 1 (η = ⟨1⟩, β₁ = ⟨2⟩, β₂ = ⟨3⟩, ε = ⟨4⟩) on $J = 0.1x^2 + 2y^2$ from $(⟨5⟩, ⟨6⟩)$.",
        r"Adam 알고리즘 1(η = ⟨1⟩, β₁ = ⟨2⟩, β₂ = ⟨3⟩, ε = ⟨4⟩)을 $J = 0.1x^2 + 2y^2$에서 $(⟨5⟩, ⟨6⟩)$부터 실행합니다.",
    ),
    (
        r"At $t = 1$: $m_1 = (1-\beta_1)g_1$ is a tenth of the gradient and $v_1 = (1-\beta_2)g_1^2$ a thousandth of its square, but $\hat m_1 = g_1$ and $\hat v_1 = g_1^2$ exactly undo that, so both coordinates move by $\eta\,|g|/(|g| + \epsilon) \approx \eta$: here $x$ and $y$ fall short of η by ⟨1⟩ and ⟨2⟩, that is $\eta\epsilon/(|g| + \epsilon)$ for their $|g|$ of ⟨3⟩ and ⟨4⟩.",
        r"$t = 1$에서 $m_1 = (1-\beta_1)g_1$은 gradient의 십분의 일, $v_1 = (1-\beta_2)g_1^2$은 그 제곱의 천분의 일에 불과하지만, $\hat m_1 = g_1$과 $\hat v_1 = g_1^2$가 이를 정확히 되돌리므로 두 좌표 모두 $\eta\,|g|/(|g| + \epsilon) \approx \eta$만큼 움직입니다. 여기서 $x$와 $y$는 η보다 각각 ⟨1⟩, ⟨2⟩만큼 덜 움직이는데, 이는 두 좌표의 $|g|$ 값 ⟨3⟩, ⟨4⟩에 대한 $\eta\epsilon/(|g| + \epsilon)$입니다.",
    ),
    // adam/examples/bias.rs
    (
        "the weights of m_t = (1 − β₁) Σ β₁^(t−i) gᵢ sum to 1 − β₁ᵗ (numbers at β₁ = ⟨1⟩)",
        "m_t = (1 − β₁) Σ β₁^(t−i) gᵢ의 가중치 합 = 1 − β₁ᵗ (수치는 β₁ = ⟨1⟩에서)",
    ),
    ("Σ weights (expanded)", "가중치 합 Σ (전개식)"),
    ("Σ weights at β₁", "β₁에서의 가중치 합 Σ"),
    (
        r"If the gradients are stationary, $\mathbb E[g_i] = \mathbb E[g]$ for every $i$, so $\mathbb E[m_t] = (1-\beta_1)\sum_{i=1}^t \beta_1^{t-i}\,\mathbb E[g] = (1-\beta_1^t)\,\mathbb E[g]$: $m_t$ underestimates the mean gradient by the factor $1-\beta_1^t$, most at the start. Dividing by it, $\hat m_t = m_t/(1-\beta_1^t)$, removes the bias; the same argument with $g_i^2$ gives $\hat v_t = v_t/(1-\beta_2^t)$.",
        r"gradient의 분포가 시간에 따라 변하지 않으면 모든 $i$에 대해 $\mathbb E[g_i] = \mathbb E[g]$이므로 $\mathbb E[m_t] = (1-\beta_1)\sum_{i=1}^t \beta_1^{t-i}\,\mathbb E[g] = (1-\beta_1^t)\,\mathbb E[g]$입니다. 곧 $m_t$는 평균 gradient를 $1-\beta_1^t$배로 과소평가하며, 처음일수록 더 그렇습니다. 이 값으로 나누어 $\hat m_t = m_t/(1-\beta_1^t)$로 두면 편향이 사라집니다. $g_i^2$에 같은 논리를 적용하면 $\hat v_t = v_t/(1-\beta_2^t)$가 나옵니다.",
    ),
    (
        "Adam's moments for a constant gradient g = 1 (β₁ = ⟨1⟩, β₂ = ⟨2⟩)",
        "일정한 gradient g = 1에서 Adam의 모멘트 (β₁ = ⟨1⟩, β₂ = ⟨2⟩)",
    ),
    // adam/examples/bias_correction.rs
    (
        "constant gradient g = 1, η = ⟨1⟩: the step Δθₜ",
        "일정한 gradient g = 1, η = ⟨1⟩: 스텝 Δθₜ",
    ),
    ("corrected", "보정 있음"),
    ("uncorrected", "보정 없음"),
    ("uncorrected / corrected", "보정 없음 / 보정 있음"),
    (
        "quadratic from ⟨1⟩, η = ⟨2⟩: θ and the loss",
        "이차 함수, ⟨1⟩에서 출발, η = ⟨2⟩: θ와 loss",
    ),
    ("y corrected", "y (보정 있음)"),
    ("y uncorrected", "y (보정 없음)"),
    ("loss corrected", "loss (보정 있음)"),
    ("loss uncorrected", "loss (보정 없음)"),
    (
        r"Without the correction the first step is $\eta\,m_1/\sqrt{v_1} = \eta\,(1-\beta_1)/\sqrt{1-\beta_2}$ times the gradient's sign: the second moment is biased far more (by $1-\beta_2^t$, under a square root) than the first (by $1-\beta_1^t$), so the uncorrected steps start about three times too large.",
        r"보정이 없으면 첫 스텝은 gradient의 부호에 $\eta\,m_1/\sqrt{v_1} = \eta\,(1-\beta_1)/\sqrt{1-\beta_2}$를 곱한 값입니다. 이차 모멘트는 제곱근 아래에서 $1-\beta_2^t$만큼 편향되어, $1-\beta_1^t$만큼 편향된 일차 모멘트보다 훨씬 크게 치우쳐 있습니다. 그래서 보정 없는 스텝은 처음에 약 세 배나 크게 시작합니다.",
    ),
    (
        "Adam on 0.1x² + 2y², η = ⟨1⟩, ⟨2⟩ steps",
        "0.1x² + 2y²에서의 Adam, η = ⟨1⟩, ⟨2⟩ 스텝",
    ),
    ("bias-corrected (Algorithm 1)", "편향 보정 있음 (알고리즘 1)"),
    ("no bias correction", "편향 보정 없음"),
    // adam/examples/two_averages.rs
    (
        "Adam without bias correction (η = ⟨1⟩) vs momentum EMA / RMSprop RMS, on its own gradients",
        "편향 보정 없는 Adam (η = ⟨1⟩)과 momentum의 지수 평균 / RMSprop의 RMS 비교, Adam 자신의 gradient로",
    ),
    ("EMA m[0]", "지수 평균 m[0]"),
    (
        r"$m_t$ is momentum written as an average, $m_t = \beta_1 m_{t-1} + (1-\beta_1)g_t$ (momentum's $v_t = \gamma v_{t-1} + \eta g_t$ with the step size moved out and a factor $1-\beta_1$ in), and $v_t$ is RMSprop's $E[g^2]_t$ with $\rho = \beta_2$. Feeding Adam's gradients to those two pieces (`optcore::pieces`, the very functions Adam's step calls) and dividing reproduces Adam's iterates exactly: every difference is 0.",
        r"$m_t$는 momentum을 평균의 형태로 쓴 $m_t = \beta_1 m_{t-1} + (1-\beta_1)g_t$입니다(momentum의 $v_t = \gamma v_{t-1} + \eta g_t$에서 스텝 크기를 밖으로 빼고 $1-\beta_1$을 곱한 것). $v_t$는 $\rho = \beta_2$로 둔 RMSprop의 $E[g^2]_t$입니다. Adam의 gradient를 이 두 부품(`optcore::pieces`, Adam의 스텝이 호출하는 바로 그 함수들)에 넣고 나누면 Adam이 계산한 θ가 정확히 재현됩니다. 모든 차이가 0입니다.",
    ),
    (
        r"With bias correction Adam is the same quotient times $\sqrt{1-\beta_2^t}/(1-\beta_1^t)$ (ε aside). It is not RMSprop with momentum as torch implements it, $b_t = \mu b_{t-1} + g_t/\sqrt{E[g^2]_t}$, which averages already-scaled gradients: Adam averages first and scales once.",
        r"편향 보정이 있으면 Adam은 같은 몫에 $\sqrt{1-\beta_2^t}/(1-\beta_1^t)$를 곱한 것입니다(ε은 제외). 이것은 torch가 구현한 momentum 있는 RMSprop $b_t = \mu b_{t-1} + g_t/\sqrt{E[g^2]_t}$와 다릅니다. 그쪽은 이미 크기를 조정한 gradient를 평균하지만, Adam은 먼저 평균하고 크기 조정은 한 번만 합니다.",
    ),
    // adam/examples/where_eps_goes.rs
    (
        "Adam's first step, η = ⟨1⟩, ε = ⟨2⟩: √v̂ + ε vs √(v̂ + ε)",
        "Adam의 첫 스텝, η = ⟨1⟩, ε = ⟨2⟩: √v̂ + ε 대 √(v̂ + ε)",
    ),
    (
        "after the bias correction v̂₁ = g², so the first step is η·g/(|g| + ε) or η·g/√(g² + ε): inside the root ε = ⟨1⟩ damps every gradient below √ε = ⟨2⟩",
        "편향 보정 후에는 v̂₁ = g²이므로 첫 스텝은 η·g/(|g| + ε) 또는 η·g/√(g² + ε)입니다. 제곱근 안에 넣으면 ε = ⟨1⟩ 때문에 √ε = ⟨2⟩보다 작은 gradient는 모두 약해집니다",
    ),
    // adam/examples/torch_agreement.rs
    (
        "torch.optim.Adam (reference trace) vs adam::Adam, pytorch convention",
        "torch.optim.Adam (기준 궤적)과 adam::Adam 비교, pytorch 규약",
    ),
    ("x ours", "x 우리 구현"),
    ("y ours", "y 우리 구현"),
    ("ulps apart", "마지막 자리 단위 차이"),
    (
        "largest relative difference: ⟨1⟩",
        "가장 큰 상대 차이: ⟨1⟩",
    ),
    (
        "Adam, paper vs pytorch arithmetic (⟨1⟩), ⟨2⟩ steps",
        "Adam, paper와 pytorch의 계산 방식 비교 (⟨1⟩), ⟨2⟩ 스텝",
    ),
    ("max relative difference in θ", "θ의 최대 상대 차이"),
    // adam/exercises.rs
    (
        concat!(
            r"**$\hat m_2$ for $g_1 = 2$, $g_2 = 1$, $\beta_1 = 0.9$ (from $m_0 = 0$)** = ⟨1⟩",
            "\n- ⟨2⟩ would be: that is m₂ itself: the bias correction divides it by 1 − β₁² = 0.19",
            "\n- ⟨3⟩ would be: at t = 2 the correction is 1 − β₁² (β₁ᵗ with t = 2), not 1 − β₁",
            "\n- ⟨4⟩ would be: the new gradient needs the weight 1 − β₁: mₜ = β₁mₜ₋₁ + (1 − β₁)gₜ",
            "\n\n",
            r"**Adam's first step $\theta_1 - \theta_0$ *without* bias correction, for $g_1 = 1$ ($\eta = 0.1$, $\beta_1 = 0.9$, $\beta_2 = 0.999$, $\epsilon = 10^{-8}$)** = ⟨5⟩",
            "\n- ⟨6⟩ would be: that is the corrected step (−η·sign g); without the correction it is −η(1 − β₁)/√(1 − β₂)",
            "\n- ⟨7⟩ would be: you corrected m₁ but not v₁: without correction, neither is divided",
            "\n- ⟨8⟩ would be: you corrected v₁ but not m₁: without correction, neither is divided",
            "\n- ⟨9⟩ would be: the sign is wrong: with g₁ = 1 > 0 the step goes down",
        ),
        "**$g_1 = 2$, $g_2 = 1$, $\\beta_1 = 0.9$일 때의 $\\hat m_2$ ($m_0 = 0$에서 시작)** = ⟨1⟩\n- 답이 ⟨2⟩인 경우: 그것은 m₂ 자체입니다. 편향 보정은 이를 1 − β₁² = 0.19로 나눕니다\n- 답이 ⟨3⟩인 경우: t = 2에서 보정은 1 − β₁이 아니라 1 − β₁² (t = 2일 때의 β₁ᵗ)입니다\n- 답이 ⟨4⟩인 경우: 새 gradient에는 가중치 1 − β₁이 붙어야 합니다: mₜ = β₁mₜ₋₁ + (1 − β₁)gₜ\n\n**편향 보정이 *없는* Adam의 첫 스텝 $\\theta_1 - \\theta_0$, $g_1 = 1$일 때 ($\\eta = 0.1$, $\\beta_1 = 0.9$, $\\beta_2 = 0.999$, $\\epsilon = 10^{-8}$)** = ⟨5⟩\n- 답이 ⟨6⟩인 경우: 그것은 보정한 스텝(−η·(g의 부호))입니다. 보정이 없으면 −η(1 − β₁)/√(1 − β₂)입니다\n- 답이 ⟨7⟩인 경우: m₁만 보정하고 v₁은 보정하지 않았습니다. 보정하지 않을 때는 둘 다 나누지 않습니다\n- 답이 ⟨8⟩인 경우: v₁만 보정하고 m₁은 보정하지 않았습니다. 보정하지 않을 때는 둘 다 나누지 않습니다\n- 답이 ⟨9⟩인 경우: 부호가 틀렸습니다. g₁ = 1 > 0이면 스텝은 θ를 줄이는 쪽으로 갑니다",
    ),
    (
        "✗ not quite (아깝습니다): that is m₂ itself: the bias correction divides it by 1 − β₁² = 0.19",
        "✗ 아깝습니다: 그것은 m₂ 자체입니다. 편향 보정은 이를 1 − β₁² = 0.19로 나눕니다",
    ),
    (
        "✗ not quite (아깝습니다): at t = 2 the correction is 1 − β₁² (β₁ᵗ with t = 2), not 1 − β₁",
        "✗ 아깝습니다: t = 2에서 보정은 1 − β₁이 아니라 1 − β₁² (t = 2일 때의 β₁ᵗ)입니다",
    ),
    (
        "✗ not quite (아깝습니다): the new gradient needs the weight 1 − β₁: mₜ = β₁mₜ₋₁ + (1 − β₁)gₜ",
        "✗ 아깝습니다: 새 gradient에는 가중치 1 − β₁이 붙어야 합니다: mₜ = β₁mₜ₋₁ + (1 − β₁)gₜ",
    ),
    (
        "✗ not quite (아깝습니다): that is the corrected step (−η·sign g); without the correction it is −η(1 − β₁)/√(1 − β₂)",
        "✗ 아깝습니다: 그것은 보정한 스텝(−η·(g의 부호))입니다. 보정이 없으면 −η(1 − β₁)/√(1 − β₂)입니다",
    ),
    (
        "✗ not quite (아깝습니다): you corrected m₁ but not v₁: without correction, neither is divided",
        "✗ 아깝습니다: m₁만 보정하고 v₁은 보정하지 않았습니다. 보정하지 않을 때는 둘 다 나누지 않습니다",
    ),
    (
        "✗ not quite (아깝습니다): you corrected v₁ but not m₁: without correction, neither is divided",
        "✗ 아깝습니다: v₁만 보정하고 m₁은 보정하지 않았습니다. 보정하지 않을 때는 둘 다 나누지 않습니다",
    ),
    // adam/exercises.rs and nadam/exercises.rs share this slip.
    (
        "✗ not quite (아깝습니다): the sign is wrong: with g₁ = 1 > 0 the step goes down",
        "✗ 아깝습니다: 부호가 틀렸습니다. g₁ = 1 > 0이면 스텝은 θ를 줄이는 쪽으로 갑니다",
    ),
    // nadam/examples.rs
    (
        "torch.optim.NAdam's schedule, β₁ = ⟨1⟩, ψ = ⟨2⟩",
        "torch.optim.NAdam의 모멘텀 스케줄, β₁ = ⟨1⟩, ψ = ⟨2⟩",
    ),
    (
        "the coefficients c_g/η (of g/d) and c_m/η (of m/d): torch with ψ → ∞ vs Ruder's form",
        "계수 c_g/η (g/d의 계수)와 c_m/η (m/d의 계수): ψ → ∞인 torch와 Ruder 형태 비교",
    ),
    (
        r"torch's $\mu_t = \beta_1(1 - \tfrac12\,0.96^{t\psi})$ starts at $\beta_1/2$ and reaches only ⟨1⟩ after 1000 steps: for a long time NAdam in torch uses much less momentum than $\beta_1$. $c_g$ and $c_m$ are the coefficients in $\theta_t = \theta_{t-1} - c_g\,g_t/d - c_m\,m_t/d$.",
        r"torch의 $\mu_t = \beta_1(1 - \tfrac12\,0.96^{t\psi})$는 $\beta_1/2$에서 시작해 1000 스텝이 지나도 ⟨1⟩에 이를 뿐입니다. 곧 torch의 NAdam은 오랫동안 $\beta_1$보다 훨씬 작은 모멘텀을 씁니다. $c_g$와 $c_m$은 $\theta_t = \theta_{t-1} - c_g\,g_t/d - c_m\,m_t/d$의 계수입니다.",
    ),
    (
        r"With $\psi \to \infty$ every $\mu = \beta_1$, the gradient coefficients agree, but torch divides the momentum term by $1-\beta_1^{t+1}$ (Dozat's $\prod_{i\le t+1}\mu_i$), Ruder's form by $1-\beta_1^t$: the two forms are different algorithms, not two roundings of one.",
        r"$\psi \to \infty$이면 모든 $\mu = \beta_1$이 되어 gradient의 계수는 일치하지만, 모멘텀 항을 torch는 $1-\beta_1^{t+1}$(Dozat의 $\prod_{i\le t+1}\mu_i$)로, Ruder의 형태는 $1-\beta_1^t$로 나눕니다. 두 형태는 한 알고리즘을 달리 반올림한 것이 아니라 서로 다른 알고리즘입니다.",
    ),
    (
        "quadratic from ⟨1⟩, η = ⟨2⟩: the loss J(θₜ)",
        "이차 함수, ⟨1⟩에서 출발, η = ⟨2⟩: loss J(θₜ)",
    ),
    (
        "Adam and three NAdams on 0.1x² + 2y², η = ⟨1⟩, ⟨2⟩ steps",
        "0.1x² + 2y²에서의 Adam과 세 가지 NAdam, η = ⟨1⟩, ⟨2⟩ 스텝",
    ),
    // nadam/exercises.rs
    (
        concat!(
            r"**torch's $\mu_1 = \beta_1\left(1 - \tfrac12\, 0.96^{t\psi}\right)$ at $t = 1$, with $\beta_1 = 0.9$, $\psi = 0.004$** = ⟨1⟩",
            "\n- ⟨2⟩ would be: the exponent is tψ = 0.004, not t = 1: 0.96^0.004 is just below 1, so μ₁ is just above β₁/2",
            "\n- ⟨3⟩ would be: the ½ is missing: μₜ = β₁(1 − ½·0.96^(tψ))",
            "\n- ⟨4⟩ would be: that is Ruder's constant μ = β₁; torch's schedule starts near β₁/2",
            "\n\n",
            r"**the first step $\theta_1 - \theta_0$ of NAdam in Ruder's form for $g_1 = 1$ ($\eta = 0.1$, $\beta_1 = 0.9$, $\beta_2 = 0.999$, $\epsilon = 10^{-8}$)** = ⟨5⟩",
            "\n- ⟨6⟩ would be: that is Adam's first step −η: NAdam's numerator β₁m̂₁ + (1 − β₁)g₁/(1 − β₁) adds the look-ahead term",
            "\n- ⟨7⟩ would be: m̂₁ = m₁/(1 − β₁) = g₁: the momentum term needs the bias-corrected m̂₁, not m₁",
            "\n- ⟨8⟩ would be: the sign is wrong: with g₁ = 1 > 0 the step goes down",
        ),
        "**$\\beta_1 = 0.9$, $\\psi = 0.004$일 때 $t = 1$에서 torch의 $\\mu_1 = \\beta_1\\left(1 - \\tfrac12\\, 0.96^{t\\psi}\\right)$** = ⟨1⟩\n- 답이 ⟨2⟩인 경우: 지수는 t = 1이 아니라 tψ = 0.004입니다. 0.96^0.004는 1보다 아주 조금 작으므로 μ₁은 β₁/2보다 아주 조금 큽니다\n- 답이 ⟨3⟩인 경우: ½이 빠졌습니다: μₜ = β₁(1 − ½·0.96^(tψ))\n- 답이 ⟨4⟩인 경우: 그것은 Ruder의 상수 μ = β₁입니다. torch의 스케줄은 β₁/2 근처에서 시작합니다\n\n**$g_1 = 1$일 때 Ruder 형태 NAdam의 첫 스텝 $\\theta_1 - \\theta_0$ ($\\eta = 0.1$, $\\beta_1 = 0.9$, $\\beta_2 = 0.999$, $\\epsilon = 10^{-8}$)** = ⟨5⟩\n- 답이 ⟨6⟩인 경우: 그것은 Adam의 첫 스텝 −η입니다. NAdam의 분자 β₁m̂₁ + (1 − β₁)g₁/(1 − β₁)에는 lookahead 항이 더해집니다\n- 답이 ⟨7⟩인 경우: m̂₁ = m₁/(1 − β₁) = g₁: 모멘텀 항에는 m₁이 아니라 편향 보정한 m̂₁이 들어가야 합니다\n- 답이 ⟨8⟩인 경우: 부호가 틀렸습니다. g₁ = 1 > 0이면 스텝은 θ를 줄이는 쪽으로 갑니다",
    ),
    (
        "✗ not quite (아깝습니다): the exponent is tψ = 0.004, not t = 1: 0.96^0.004 is just below 1, so μ₁ is just above β₁/2",
        "✗ 아깝습니다: 지수는 t = 1이 아니라 tψ = 0.004입니다. 0.96^0.004는 1보다 아주 조금 작으므로 μ₁은 β₁/2보다 아주 조금 큽니다",
    ),
    (
        "✗ not quite (아깝습니다): the ½ is missing: μₜ = β₁(1 − ½·0.96^(tψ))",
        "✗ 아깝습니다: ½이 빠졌습니다: μₜ = β₁(1 − ½·0.96^(tψ))",
    ),
    (
        "✗ not quite (아깝습니다): that is Ruder's constant μ = β₁; torch's schedule starts near β₁/2",
        "✗ 아깝습니다: 그것은 Ruder의 상수 μ = β₁입니다. torch의 스케줄은 β₁/2 근처에서 시작합니다",
    ),
    (
        "✗ not quite (아깝습니다): that is Adam's first step −η: NAdam's numerator β₁m̂₁ + (1 − β₁)g₁/(1 − β₁) adds the look-ahead term",
        "✗ 아깝습니다: 그것은 Adam의 첫 스텝 −η입니다. NAdam의 분자 β₁m̂₁ + (1 − β₁)g₁/(1 − β₁)에는 lookahead 항이 더해집니다",
    ),
    (
        "✗ not quite (아깝습니다): m̂₁ = m₁/(1 − β₁) = g₁: the momentum term needs the bias-corrected m̂₁, not m₁",
        "✗ 아깝습니다: m̂₁ = m₁/(1 − β₁) = g₁: 모멘텀 항에는 m₁이 아니라 편향 보정한 m̂₁이 들어가야 합니다",
    ),
    // adamax/examples.rs
    (
        "AdaMax's u against Adam's √v̂ on g = 1, 1, ⟨1⟩, 1, … (η = ⟨2⟩, β₂ = ⟨3⟩)",
        "g = 1, 1, ⟨1⟩, 1, …에서 AdaMax의 u와 Adam의 √v̂ 비교 (η = ⟨2⟩, β₂ = ⟨3⟩)",
    ),
    (
        "AdaMax on 0.1x² + 2y² from ⟨1⟩, η = ⟨2⟩: paper vs pytorch",
        "0.1x² + 2y²에서 ⟨1⟩부터 실행한 AdaMax, η = ⟨2⟩: paper와 pytorch 비교",
    ),
    (
        "The first step moves every coordinate by exactly η (m₁/u₁ = (1 − β₁)·sign g₁, and the bias correction divides by 1 − β₁); Kingma & Ba note that AdaMax's steps have the simple bound |Δθ| ≤ η. torch's ε inside the max makes u larger by up to ε, so its θ trails the paper's by about η·ε/u per step.",
        "첫 스텝은 모든 좌표를 정확히 η만큼 움직입니다(m₁/u₁ = (1 − β₁)·(g₁의 부호)이고, 편향 보정이 1 − β₁로 나누기 때문입니다). Kingma & Ba는 AdaMax의 스텝에 |Δθ| ≤ η라는 간단한 상한이 있다고 말합니다. torch가 max 안에 넣은 ε은 u를 최대 ε만큼 키우므로, torch의 θ는 스텝마다 약 η·ε/u씩 paper의 θ보다 뒤처집니다.",
    ),
    (
        "Beale from ⟨1⟩, where ∂f/∂⟨2⟩ = 0: the step divides by u₁ = 0 in the paper's form",
        "∂f/∂⟨2⟩ = 0인 ⟨1⟩에서 출발한 Beale: paper 형태에서는 스텝이 u₁ = 0으로 나눕니다",
    ),
    (
        "Beale from ⟨1⟩: no gradient coordinate is 0 there, u₁ > 0 in both forms",
        "⟨1⟩에서 출발한 Beale: 그 점에는 0인 gradient 좌표가 없어 두 형태 모두 u₁ > 0",
    ),
    ("rows computed", "계산한 행 수"),
    ("how the run ended", "실행이 끝난 방식"),
    (
        r#"the paper convention's refusal names u: "update: u = 0 in a coordinate whose gradients have all been 0 (m/u is 0/0)""#,
        r#"paper 규약은 u를 짚어 스텝을 거부합니다: "업데이트 (gradient가 지금까지 모두 0이었던 좌표에서 u = 0, m/u가 0/0)""#,
    ),
    // adamax, amsgrad and adamw exercises.rs: notebook 12 shows the three answers joined.
    (
        concat!(
            r"**AdaMax (Kingma & Ba's Algorithm 2, $\eta = 0.002$, $\beta_1 = 0.9$, $\beta_2 = 0.999$) on a constant gradient $g_t = 3$: the second step $\theta_2 - \theta_1$.** = -0.002000",
            "\n- -0.0003800 would be: the bias correction is missing: divide by 1 − β₁² (m₂ = (1 − β₁²)g)",
            "\n- -0.003800 would be: the bias correction of step 2 is 1 − β₁², not 1 − β₁",
            "\n- 0.002000 would be: the sign: θ moves against the gradient",
            "\n\n",
            r"**AMSGrad as Ruder writes it ($\eta = 0.1$, $\beta_1 = 0.9$, $\beta_2 = 0.999$, $\epsilon = 0$), one parameter with $g_1 = 1$: the first step $\theta_1 - \theta_0$.** = -0.3162",
            "\n- -0.1000 would be: that is torch's (and Adam's) step −η with the bias corrections; Ruder's AMSGrad has none: m₁ = (1 − β₁)g, v̂₁ = (1 − β₂)g²",
            "\n- -10.00 would be: the root is missing: divide by √v̂₁ = √(1 − β₂)·|g|",
            "\n- 0.3162 would be: the sign: θ moves against the gradient",
            "\n\n",
            r"**`torch.optim.AdamW(lr=0.1, weight_decay=0.01)`, $\theta_0 = 2$: how much does the weight decay alone take off θ in the first step (the Adam part aside)?** = 0.002000",
            "\n- 0.02000 would be: that is the paper's λθ; torch multiplies the decay by the learning rate: ηλθ",
            "\n- 1.998 would be: that is θ after the decay, θ(1 − ηλ); the decay itself is what it took off",
        ),
        "**일정한 gradient $g_t = 3$에서 AdaMax(Kingma & Ba의 알고리즘 2, $\\eta = 0.002$, $\\beta_1 = 0.9$, $\\beta_2 = 0.999$)의 두 번째 스텝 $\\theta_2 - \\theta_1$.** = -0.002000\n- 답이 -0.0003800인 경우: 편향 보정이 빠졌습니다. 1 − β₁²로 나누어야 합니다 (m₂ = (1 − β₁²)g)\n- 답이 -0.003800인 경우: 스텝 2의 편향 보정은 1 − β₁이 아니라 1 − β₁²입니다\n- 답이 0.002000인 경우: 부호가 틀렸습니다. θ는 gradient의 반대 방향으로 움직입니다\n\n**Ruder가 쓴 AMSGrad($\\eta = 0.1$, $\\beta_1 = 0.9$, $\\beta_2 = 0.999$, $\\epsilon = 0$)에서 $g_1 = 1$인 파라미터 하나의 첫 스텝 $\\theta_1 - \\theta_0$.** = -0.3162\n- 답이 -0.1000인 경우: 그것은 편향 보정을 한 torch의 (그리고 Adam의) 스텝 −η입니다. Ruder의 AMSGrad에는 보정이 없습니다: m₁ = (1 − β₁)g, v̂₁ = (1 − β₂)g²\n- 답이 -10.00인 경우: 제곱근이 빠졌습니다. √v̂₁ = √(1 − β₂)·|g|로 나누어야 합니다\n- 답이 0.3162인 경우: 부호가 틀렸습니다. θ는 gradient의 반대 방향으로 움직입니다\n\n**`torch.optim.AdamW(lr=0.1, weight_decay=0.01)`, $\\theta_0 = 2$: 첫 스텝에서 가중치 감쇠만으로 θ가 얼마나 줄어들까요(Adam 부분은 빼고)?** = 0.002000\n- 답이 0.02000인 경우: 그것은 paper의 λθ입니다. torch는 감쇠에 learning rate를 곱합니다: ηλθ\n- 답이 1.998인 경우: 그것은 감쇠 후의 θ, 곧 θ(1 − ηλ)입니다. 감쇠 자체는 덜어 낸 양입니다",
    ),
    (
        "✗ not quite (아깝습니다): the bias correction is missing: divide by 1 − β₁² (m₂ = (1 − β₁²)g)",
        "✗ 아깝습니다: 편향 보정이 빠졌습니다. 1 − β₁²로 나누어야 합니다 (m₂ = (1 − β₁²)g)",
    ),
    (
        "✗ not quite (아깝습니다): the bias correction of step 2 is 1 − β₁², not 1 − β₁",
        "✗ 아깝습니다: 스텝 2의 편향 보정은 1 − β₁이 아니라 1 − β₁²입니다",
    ),
    // adamax/exercises.rs and amsgrad/exercises.rs share this slip.
    (
        "✗ not quite (아깝습니다): the sign: θ moves against the gradient",
        "✗ 아깝습니다: 부호가 틀렸습니다. θ는 gradient의 반대 방향으로 움직입니다",
    ),
    // amsgrad/examples.rs
    (
        "Reddi et al.'s online problem, C = ⟨1⟩: xₜ at every third t (the best point is −1)",
        "Reddi 등의 온라인 문제, C = ⟨1⟩: 세 스텝마다의 xₜ (가장 좋은 점은 −1)",
    ),
    (
        "f_t(x) = ⟨1⟩x if t mod 3 = 1 else −x on [−1, 1]; β₁ = 0, β₂ = 1/(1 + C²), η_t = ⟨2⟩/√t",
        "[−1, 1]에서 t를 3으로 나눈 나머지가 1이면 f_t(x) = ⟨1⟩x, 아니면 −x; β₁ = 0, β₂ = 1/(1 + C²), η_t = ⟨2⟩/√t",
    ),
    ("avg regret Adam", "Adam 평균 후회"),
    ("avg regret AMSGrad", "AMSGrad 평균 후회"),
    (
        "The best fixed point is $x = -1$ (the gradients sum to $C - 2 > 0$ over each three steps). Adam's $v_t$ forgets the large gradient within a step or two, so the two gradients $-1$ push x up nearly as far as $C$ pushed it down: x ends at $+1$ and the average regret stays away from 0. AMSGrad divides by the largest $v$ so far and goes to $-1$; its average regret goes to 0.",
        "가장 좋은 고정점은 $x = -1$입니다(세 스텝마다 gradient의 합이 $C - 2 > 0$입니다). Adam의 $v_t$는 큰 gradient를 한두 스텝 안에 잊어버리므로, 두 번의 gradient $-1$이 x를 $C$가 끌어내린 만큼 거의 다시 밀어 올립니다. 그래서 x는 $+1$에서 끝나고 평균 후회는 0으로 가지 않습니다. AMSGrad는 지금까지 가장 큰 $v$로 나누므로 $-1$로 가고, 평균 후회도 0으로 갑니다.",
    ),
    (
        "AMSGrad on 0.1x² + 2y² from ⟨1⟩, η = ⟨2⟩, β = (⟨3⟩, ⟨4⟩): Ruder's form vs torch's",
        "0.1x² + 2y²에서 ⟨1⟩부터 실행한 AMSGrad, η = ⟨2⟩, β = (⟨3⟩, ⟨4⟩): Ruder의 형태와 torch의 형태 비교",
    ),
    (
        r"At $t = 1$ Ruder's step is $(1-\beta_1)/\sqrt{1-\beta_2}$ = ⟨1⟩ times torch's (torch moves η per coordinate, as Adam does); after that Ruder's uncorrected $m_t$ grows towards $g$ while $\hat v_t$ stays near $t(1-\beta_2)g^2$, so its steps grow, and the two runs part.",
        r"$t = 1$에서 Ruder의 스텝은 torch의 $(1-\beta_1)/\sqrt{1-\beta_2}$ = ⟨1⟩배입니다(torch는 Adam처럼 좌표마다 η만큼 움직입니다). 그 뒤로 Ruder의 보정 없는 $m_t$는 $g$를 향해 커지는 반면 $\hat v_t$는 $t(1-\beta_2)g^2$ 근처에 머무르므로 스텝이 커지고, 두 실행은 갈라집니다.",
    ),
    // amsgrad/exercises.rs
    (
        "✗ not quite (아깝습니다): that is torch's (and Adam's) step −η with the bias corrections; Ruder's AMSGrad has none: m₁ = (1 − β₁)g, v̂₁ = (1 − β₂)g²",
        "✗ 아깝습니다: 그것은 편향 보정을 한 torch의 (그리고 Adam의) 스텝 −η입니다. Ruder의 AMSGrad에는 보정이 없습니다: m₁ = (1 − β₁)g, v̂₁ = (1 − β₂)g²",
    ),
    (
        "✗ not quite (아깝습니다): the root is missing: divide by √v̂₁ = √(1 − β₂)·|g|",
        "✗ 아깝습니다: 제곱근이 빠졌습니다. √v̂₁ = √(1 − β₂)·|g|로 나누어야 합니다",
    ),
    // adamw/examples.rs
    (
        "Adam on J + (λ/2)‖θ‖² vs AdamW on J, η = ⟨1⟩, λ = ⟨2⟩ (AdamW's decay ηλ = ⟨3⟩ per step)",
        "J + (λ/2)‖θ‖²에서의 Adam과 J에서의 AdamW 비교, η = ⟨1⟩, λ = ⟨2⟩ (AdamW의 스텝당 감쇠 ηλ = ⟨3⟩)",
    ),
    ("AdamW decay/step", "AdamW 감쇠/스텝"),
    (
        r"L2 through Adam: the decay gradient $\lambda\theta$ is divided by $\sqrt{\hat v_t}+\epsilon$ like every gradient, so it removes about $\eta\lambda/(\sqrt{\hat v_t}+\epsilon)$ of θ per step (θ changing slowly). AdamW removes $\eta\lambda$ = ⟨1⟩ of θ per step in every coordinate. After ⟨2⟩ steps the L2 decay of θ[0] is ⟨3⟩ times that of θ[1]: the coordinate with the steep gradient (θ[1], $c = 2$) is regularised less.",
        r"Adam에 L2를 쓰면 감쇠 gradient $\lambda\theta$도 다른 모든 gradient처럼 $\sqrt{\hat v_t}+\epsilon$로 나뉘므로, 스텝마다 θ의 약 $\eta\lambda/(\sqrt{\hat v_t}+\epsilon)$만큼을 덜어 냅니다(θ가 천천히 변한다고 볼 때). AdamW는 모든 좌표에서 스텝마다 θ의 $\eta\lambda$ = ⟨1⟩만큼을 덜어 냅니다. ⟨2⟩ 스텝이 지나면 θ[0]의 L2 감쇠는 θ[1]의 ⟨3⟩배입니다. gradient가 가파른 좌표(θ[1], $c = 2$)가 덜 정규화됩니다.",
    ),
    (
        "Adam + L2 vs AdamW on 0.1x² + 2y², η = ⟨1⟩, λ = ⟨2⟩, ⟨3⟩ steps",
        "0.1x² + 2y²에서의 Adam + L2와 AdamW, η = ⟨1⟩, λ = ⟨2⟩, ⟨3⟩ 스텝",
    ),
    (
        "AdamW paper (λ) vs pytorch (weight_decay = λ/η), same decay per step",
        "AdamW paper (λ)와 pytorch (weight_decay = λ/η) 비교, 스텝마다 같은 감쇠",
    ),
    ("λ as given", "주어진 λ"),
    ("decay per step", "스텝당 감쇠"),
    (
        "largest relative difference in θ over ⟨1⟩ steps: ⟨2⟩",
        "⟨1⟩ 스텝 동안 θ의 가장 큰 상대 차이: ⟨2⟩",
    ),
    // adamw/exercises.rs
    (
        "✗ not quite (아깝습니다): that is the paper's λθ; torch multiplies the decay by the learning rate: ηλθ",
        "✗ 아깝습니다: 그것은 paper의 λθ입니다. torch는 감쇠에 learning rate를 곱합니다: ηλθ",
    ),
    (
        "✗ not quite (아깝습니다): that is θ after the decay, θ(1 − ηλ); the decay itself is what it took off",
        "✗ 아깝습니다: 그것은 감쇠 후의 θ, 곧 θ(1 − ηλ)입니다. 감쇠 자체는 덜어 낸 양입니다",
    ),
    // ---------------------------------------------------------------------------
    // NOT from the Adam family: texts of other crates that the partition filed
    // under adam (its miss list). They belong in the named crate's file.
    // ---------------------------------------------------------------------------
    // compare/lib.rs, compare/overview.rs
    ("η; α in Kingma & Ba (Adam)", "η; Kingma & Ba (Adam)에서는 α"),
    // compare/lab/runs.rs
    (
        "quadratic from (⟨1⟩), ⟨2⟩ steps",
        "이차 함수, (⟨1⟩)에서 출발, ⟨2⟩ 스텝",
    ),
    (
        "quadratic from (⟨1⟩), ⟨2⟩ steps: J(θₜ)",
        "이차 함수, (⟨1⟩)에서 출발, ⟨2⟩ 스텝: J(θₜ)",
    ),
    // compare/sweep.rs
    (
        "quadratic from ⟨1⟩: loss after ⟨2⟩ steps for each η (paper convention)",
        "이차 함수, ⟨1⟩에서 출발: η별 ⟨2⟩ 스텝 후의 loss (paper 규약)",
    ),
    (
        "⟨1⟩ from ⟨2⟩: loss after ⟨3⟩ steps for each η (paper convention)",
        "⟨2⟩에서 출발한 ⟨1⟩: η별 ⟨3⟩ 스텝 후의 loss (paper 규약)",
    ),
    // momentum/examples/unrolling.rs
    ("unrolled", "전개식"),
    ("vₜ (x) unrolled", "vₜ (x) 전개식의 합"),
    ("vₜ (y) unrolled", "vₜ (y) 전개식의 합"),
    // nag/examples/lookahead.rs
    ("unrolled (x)", "전개식의 합 (x)"),
    ("unrolled (y)", "전개식의 합 (y)"),
    // nag/examples/less_oscillation.rs
    (
        "the price: ⟨1⟩ from ⟨2⟩ at η = ⟨3⟩, γ = ⟨4⟩",
        "대가: ⟨2⟩에서 출발한 ⟨1⟩, η = ⟨3⟩, γ = ⟨4⟩",
    ),
    // adagrad/examples/per_parameter.rs
    (
        "quadratic from (⟨1⟩), ⟨2⟩: post vs torch",
        "이차 함수, (⟨1⟩)에서 출발, ⟨2⟩: 포스트와 torch 비교",
    ),
    // adagrad/examples/eps_placement.rs
    (
        "torch.optim.Adagrad(lr=⟨1⟩, eps=⟨2⟩) on the quadratic, ⟨3⟩ steps",
        "이차 함수에서의 torch.optim.Adagrad(lr=⟨1⟩, eps=⟨2⟩), ⟨3⟩ 스텝",
    ),
    // rmsprop/examples.rs
    (
        "a constant gradient g = ⟨1⟩; ρ = ⟨2⟩, ε = ⟨3⟩; RMSprop η = ⟨4⟩",
        "일정한 gradient g = ⟨1⟩; ρ = ⟨2⟩, ε = ⟨3⟩; RMSprop η = ⟨4⟩",
    ),
    // optcore/trace.rs + optcore/error.rs (Error::ZeroEps)
    (
        "stopped: non-finite parameter at step ⟨1⟩: with eps = 0 a coordinate whose gradients have all been 0 divides by sqrt(0); give eps > 0. Every earlier step is kept",
        "멈춤: 스텝 ⟨1⟩에서 파라미터 값이 유한하지 않습니다. eps = 0이면 gradient가 모두 0이었던 좌표가 sqrt(0)으로 나누게 되므로 eps > 0을 주어야 합니다. 그 전의 스텝은 모두 남깁니다",
    ),
    // optcore/reference.rs
    ("max relative difference", "최대 상대 차이"),
    // schedule/reference.rs
    ("max rel. diff. ηₜ", "ηₜ의 최대 상대 차이"),
    ("max rel. diff. θ", "θ의 최대 상대 차이"),
    // adamax/examples (the step columns)
    ("step AdaMax", "AdaMax 스텝"),
    ("step Adam", "Adam 스텝"),
];
