//! Korean wording of the texts `nag` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[
    // lib.rs: Nag's check of γ (the message is optcore's error.rs)
    (
        "Err: invalid momentum = ⟨1⟩: momentum must be in [0, 1)",
        "오류: 잘못된 momentum = ⟨1⟩: momentum은 [0, 1) 범위에 있어야 합니다",
    ),

    // examples/less_oscillation.rs
    (
        "⟨1⟩ from (⟨2⟩, ⟨3⟩), η = ⟨4⟩, γ = ⟨5⟩, ⟨6⟩ steps: momentum vs NAG",
        "⟨1⟩, 출발점 (⟨2⟩, ⟨3⟩), η = ⟨4⟩, γ = ⟨5⟩, ⟨6⟩ 스텝: Momentum 대 NAG",
    ),
    (
        "loss went up",
        "loss가 올라간 횟수",
    ),
    (
        "valley-floor crossings",
        "골짜기 바닥을 가로지른 횟수",
    ),
    (
        "… landing > 1e-3 beyond",
        "… 그중 바닥 너머 1e-3보다 멀리 넘어간 횟수",
    ),
    (
        "last such step",
        "그런 마지막 스텝",
    ),
    (
        "valley floor: ⟨1⟩; θ* = (⟨2⟩, ⟨3⟩)",
        "골짜기 바닥: ⟨1⟩; θ* = (⟨2⟩, ⟨3⟩)",
    ),
    (
        "steps completed",
        "마친 스텝 수",
    ),
    (
        r#"NAG's brake has a price: on a direction of curvature $\lambda$ momentum is stable for $\eta\lambda < 2(1+\gamma)$, NAG only for $\eta\lambda < 2(1+\gamma)/(1+2\gamma)$. Rosenbrock's curvature near the start is large enough that a slightly larger $\eta$ is already too much for NAG:"#,
        r#"NAG의 브레이크에는 대가가 있습니다: 곡률이 $\lambda$인 방향에서 Momentum은 $\eta\lambda < 2(1+\gamma)$이면 안정적이지만, NAG는 $\eta\lambda < 2(1+\gamma)/(1+2\gamma)$일 때만 안정적입니다. Rosenbrock은 출발점 근처의 곡률이 충분히 커서, $\eta$를 조금만 키워도 NAG에는 이미 너무 큽니다:"#,
    ),
    (
        "⟨1⟩: momentum vs NAG, first ⟨2⟩ steps",
        "⟨1⟩: Momentum 대 NAG, 처음 ⟨2⟩ 스텝",
    ),

    // examples/lookahead.rs
    (
        "NAG's vₜ, recursive vs unrolled Σ γᵗ⁻ᵏ gₖ with gₖ = η∇J(lookaheadₖ)",
        "NAG의 vₜ: 점화식 대 전개한 합 Σ γᵗ⁻ᵏ gₖ (gₖ = η∇J(lookaheadₖ))",
    ),
    (
        "NAG on 0.1x² + 2y² from ⟨1⟩, η = ⟨2⟩, γ = ⟨3⟩: where each step took its gradient",
        "⟨1⟩에서 출발한 0.1x² + 2y²의 NAG, η = ⟨2⟩, γ = ⟨3⟩: 각 스텝이 gradient를 구한 곳",
    ),
    (
        "lookahead θ − γv: x",
        "lookahead 지점 θ − γv: x",
    ),
    (
        "lookahead: y",
        "lookahead 지점: y",
    ),
    (
        "∇J there: x",
        "그곳의 ∇J: x",
    ),
    (
        "row t: the lookahead and ∇J of step t (taken from θ and v of row t − 1), then vₜ and θₜ",
        "t행: 스텝 t의 lookahead 지점과 ∇J(t − 1행의 θ와 v에서 구함), 그다음 vₜ와 θₜ",
    ),

    // examples/nesterov.rs
    (
        "post's NAG vs torch.optim.SGD(nesterov=True), η = lr = ⟨1⟩, γ = μ = ⟨2⟩, on 0.1x² + 2y² from ⟨3⟩",
        "포스트의 NAG 대 Nesterov를 켠 torch.optim.SGD, η = lr = ⟨1⟩, γ = μ = ⟨2⟩, ⟨3⟩에서 출발한 0.1x² + 2y²",
    ),
    (
        "over ⟨1⟩ steps: max |θₜ − γvₜ − θ′ₜ| = ⟨2⟩, max |vₜ − lr·bₜ| = ⟨3⟩, max |Δ∇J| = ⟨4⟩ (the gradient of step t: the post's at its lookahead, torch's at θ′ₜ₋₁)",
        "⟨1⟩ 스텝 동안: max |θₜ − γvₜ − θ′ₜ| = ⟨2⟩, max |vₜ − lr·bₜ| = ⟨3⟩, max |Δ∇J| = ⟨4⟩ (스텝 t의 gradient는 포스트에서는 그 스텝의 lookahead 지점에서, torch에서는 θ′ₜ₋₁에서 구합니다)",
    ),
    (
        r#"With $\varphi_t = \theta_t - \gamma v_t$ (the point where the *next* gradient is taken) the post's two lines become $\varphi_{t} = \varphi_{t-1} - \eta\nabla J(\varphi_{t-1}) - \gamma v_t$, which is torch's $\theta'_t = \theta'_{t-1} - \mathrm{lr}\,(\nabla J(\theta'_{t-1}) + \mu b_t)$ with $v = \mathrm{lr}\,b$. Both start at $\theta_0$, so torch's iterates are the post's lookahead points:"#,
        r#"$\varphi_t = \theta_t - \gamma v_t$(*다음* gradient를 구하는 지점)로 두면 포스트의 두 줄은 $\varphi_{t} = \varphi_{t-1} - \eta\nabla J(\varphi_{t-1}) - \gamma v_t$가 되고, 이는 $v = \mathrm{lr}\,b$로 놓은 torch의 $\theta'_t = \theta'_{t-1} - \mathrm{lr}\,(\nabla J(\theta'_{t-1}) + \mu b_t)$입니다. 둘 다 $\theta_0$에서 출발하므로, torch가 거쳐 가는 점들이 곧 포스트의 lookahead 지점입니다:"#,
    ),

    // examples/one_step.rs
    (
        "one step from the same θ = ⟨1⟩ and v = ⟨2⟩ of the quadratic NAG run (η = ⟨3⟩, γ = ⟨4⟩)",
        "이차 함수 NAG 실행의 같은 θ = ⟨1⟩, v = ⟨2⟩에서 내딛는 한 스텝 (η = ⟨3⟩, γ = ⟨4⟩)",
    ),
    (
        "lookahead θ − γv",
        "lookahead 지점 θ − γv",
    ),
    (
        "momentum's gradient step −η∇J(θ)",
        "Momentum의 gradient 스텝 −η∇J(θ)",
    ),
    (
        "NAG's gradient step −η∇J(θ − γv)",
        "NAG의 gradient 스텝 −η∇J(θ − γv)",
    ),
    (
        "momentum lands at θ − γv − η∇J(θ)",
        "Momentum의 도착점 θ − γv − η∇J(θ)",
    ),
    (
        "NAG lands at θ − γv − η∇J(θ − γv)",
        "NAG의 도착점 θ − γv − η∇J(θ − γv)",
    ),
    (
        "the y-gradient changes sign between θ and the lookahead: NAG lands at y = ⟨1⟩, momentum at y = ⟨2⟩ (the valley floor is y = 0)",
        "θ와 lookahead 지점 사이에서 gradient의 y 성분이 부호를 바꿉니다: NAG는 y = ⟨1⟩에, Momentum은 y = ⟨2⟩에 도착합니다(골짜기 바닥은 y = 0)",
    ),
    (
        "actual step",
        "실제 스텝",
    ),
    (
        "momentum: gradient at θ, plus the momentum step",
        "Momentum: θ에서 구한 gradient에 모멘텀 스텝을 더함",
    ),
    (
        "NAG: the momentum step first, then the gradient at the lookahead",
        "NAG: 먼저 모멘텀 스텝, 그다음 lookahead 지점의 gradient",
    ),

    // examples/two_forms.rs
    (
        "| | the post (`paper`) | torch.optim (`pytorch`, `nesterov=True`) |\n|---|---|---|\n| gradient taken at | $\\varphi_t = \\theta_{t-1} - \\gamma v_{t-1}$ | the iterate $\\theta'_{t-1}$ |\n| velocity | $v_t = \\gamma v_{t-1} + \\eta\\nabla J(\\varphi_t)$ | $b_t = \\mu b_{t-1} + \\nabla J(\\theta'_{t-1})$ |\n| update | $\\theta_t = \\theta_{t-1} - v_t$ | $\\theta'_t = \\theta'_{t-1} - \\mathrm{lr}\\,(\\nabla J(\\theta'_{t-1}) + \\mu b_t)$ |\n| defaults | $\\eta = 0.01$, $\\gamma = 0.9$ | $\\mathrm{lr} = 0.001$, $\\mu = 0.9$ |",
        "| | 포스트 (`paper`) | torch.optim (`pytorch`, `nesterov=True`) |\n|---|---|---|\n| gradient를 구하는 곳 | $\\varphi_t = \\theta_{t-1} - \\gamma v_{t-1}$ | 현재 점 $\\theta'_{t-1}$ |\n| 속도 | $v_t = \\gamma v_{t-1} + \\eta\\nabla J(\\varphi_t)$ | $b_t = \\mu b_{t-1} + \\nabla J(\\theta'_{t-1})$ |\n| 업데이트 | $\\theta_t = \\theta_{t-1} - v_t$ | $\\theta'_t = \\theta'_{t-1} - \\mathrm{lr}\\,(\\nabla J(\\theta'_{t-1}) + \\mu b_t)$ |\n| 기본값 | $\\eta = 0.01$, $\\gamma = 0.9$ | $\\mathrm{lr} = 0.001$, $\\mu = 0.9$ |",
    ),

    // exercises.rs (each exercise's verdicts, then its answer section)
    (
        "✗ not quite (아깝습니다): that is θ₁ itself, where momentum takes its gradient: NAG first moves by −γv₁",
        "✗ 아깝습니다: 그 값은 Momentum이 gradient를 구하는 θ₁ 자체입니다: NAG는 먼저 −γv₁만큼 이동합니다",
    ),
    (
        "✗ not quite (아깝습니다): the wrong sign: the momentum step carries θ to θ₁ − γv₁",
        "✗ 아깝습니다: 부호가 반대입니다: 모멘텀 스텝은 θ를 θ₁ − γv₁로 데려갑니다",
    ),
    (
        "✗ not quite (아깝습니다): γ is missing: the lookahead moves by γv₁, not v₁",
        "✗ 아깝습니다: γ가 빠졌습니다: lookahead는 v₁이 아니라 γv₁만큼 이동합니다",
    ),
    (
        "✗ not quite (아깝습니다): that is momentum's θ₂: the gradient of step 2 belongs at the lookahead θ₁ − γv₁, not at θ₁",
        "✗ 아깝습니다: 그 값은 Momentum의 θ₂입니다: 스텝 2의 gradient는 θ₁이 아니라 lookahead 지점 θ₁ − γv₁에서 구해야 합니다",
    ),
    (
        "✗ not quite (아깝습니다): that is torch's nesterov=True iterate, which is the post's lookahead point θ₂ − γv₂, not θ₂",
        "✗ 아깝습니다: 그 값은 Nesterov를 켠 torch가 거쳐 가는 점으로, θ₂가 아니라 포스트의 lookahead 지점 θ₂ − γv₂입니다",
    ),
    (
        "✗ not quite (아깝습니다): the gradient of θ² is 2θ, not θ",
        "✗ 아깝습니다: θ²의 gradient는 θ가 아니라 2θ입니다",
    ),
    (
        "**NAG (the post's form) on J(θ) = θ² from θ₀ = 1, with η = 0.1, γ = 0.9, v₀ = 0. After the first step, where does NAG take the gradient for the second step (the lookahead point)?** = 0.6200\n- 0.8000 would be: that is θ₁ itself, where momentum takes its gradient: NAG first moves by −γv₁\n- 0.9800 would be: the wrong sign: the momentum step carries θ to θ₁ − γv₁\n- 0.6000 would be: γ is missing: the lookahead moves by γv₁, not v₁\n\n**NAG (the post's form) on J(θ) = θ² from θ₀ = 1, with η = 0.1, γ = 0.9, v₀ = 0. What is θ₂ (after two steps)?** = 0.4960\n- 0.4600 would be: that is momentum's θ₂: the gradient of step 2 belongs at the lookahead θ₁ − γv₁, not at θ₁\n- 0.2224 would be: that is torch's nesterov=True iterate, which is the post's lookahead point θ₂ − γv₂, not θ₂\n- 0.7290 would be: the gradient of θ² is 2θ, not θ",
        "**포스트의 형태로 쓴 NAG를 J(θ) = θ²에 θ₀ = 1에서 출발해 η = 0.1, γ = 0.9, v₀ = 0으로 적용합니다. 첫 스텝이 끝난 뒤, NAG는 두 번째 스텝의 gradient를 어디에서 구할까요(lookahead 지점)?** = 0.6200\n- 답이 0.8000인 경우: 그 값은 Momentum이 gradient를 구하는 θ₁ 자체입니다: NAG는 먼저 −γv₁만큼 이동합니다\n- 답이 0.9800인 경우: 부호가 반대입니다: 모멘텀 스텝은 θ를 θ₁ − γv₁로 데려갑니다\n- 답이 0.6000인 경우: γ가 빠졌습니다: lookahead는 v₁이 아니라 γv₁만큼 이동합니다\n\n**포스트의 형태로 쓴 NAG를 J(θ) = θ²에 θ₀ = 1에서 출발해 η = 0.1, γ = 0.9, v₀ = 0으로 적용합니다. θ₂(두 스텝 뒤)는 얼마일까요?** = 0.4960\n- 답이 0.4600인 경우: 그 값은 Momentum의 θ₂입니다: 스텝 2의 gradient는 θ₁이 아니라 lookahead 지점 θ₁ − γv₁에서 구해야 합니다\n- 답이 0.2224인 경우: 그 값은 Nesterov를 켠 torch가 거쳐 가는 점으로, θ₂가 아니라 포스트의 lookahead 지점 θ₂ − γv₂입니다\n- 답이 0.7290인 경우: θ²의 gradient는 θ가 아니라 2θ입니다",
    ),

    // Texts of other crates that the nag notebook shows. momentum: examples/unrolling.rs
    (
        "vₜ (x) recursive",
        "vₜ (x) 점화식",
    ),
    (
        "vₜ (y) recursive",
        "vₜ (y) 점화식",
    ),

    // compare: overview.rs
    (
        "v (velocity, θ ← θ − v)",
        "v (속도, θ ← θ − v)",
    ),
    (
        "velocity / buf",
        "속도 / 버퍼",
    ),

    // schedule: examples.rs
    (
        "the quadratic, ⟨1⟩ steps: SGD (η₀ = ⟨2⟩) and Adam (η₀ = ⟨3⟩)",
        "이차 함수, ⟨1⟩ 스텝: SGD (η₀ = ⟨2⟩)와 Adam (η₀ = ⟨3⟩)",
    ),
];
