//! Korean wording of the texts `momentum` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[
    // examples/unrolling.rs
    (
        "With $g_t = \\eta\\nabla_{\\theta_t}J(\\theta_t)$ and $v_1 = g_1$, applying $v_t = \\gamma v_{t-1} + g_t$ to symbols:\n\n⟨1⟩",
        "$g_t = \\eta\\nabla_{\\theta_t}J(\\theta_t)$, $v_1 = g_1$로 두고 $v_t = \\gamma v_{t-1} + g_t$를 기호에 적용하면 다음과 같습니다:\n\n⟨1⟩",
    ),
    (
        "vₜ two ways (⟨1⟩, 0.1x² + 2y² from ⟨2⟩): the recursion of the optimizer vs the unrolled sum",
        "vₜ를 구하는 두 방법 (⟨1⟩, ⟨2⟩에서 출발한 0.1x² + 2y²): optimizer의 재귀식 대 전개한 합",
    ),
    (
        "gₖ = η∇J(θₖ) from the run; differences are rounding (the recursion rounds after each step, the sum after each power)",
        "gₖ = η∇J(θₖ)는 실행에서 얻은 값입니다. 차이는 반올림 오차입니다(재귀식은 스텝마다, 합은 거듭제곱마다 반올림합니다).",
    ),
    // examples/weights.rs
    (
        "weights of v_⟨1⟩ = Σ γᵗ⁻ᵏ gₖ at γ = ⟨2⟩",
        "γ = ⟨2⟩에서 v_⟨1⟩ = Σ γᵗ⁻ᵏ gₖ의 가중치",
    ),
    (
        "(1 − γⁿ)/(1 − γ), n terms",
        "(1 − γⁿ)/(1 − γ), 항 n개",
    ),
    (
        "limit t → ∞: 1/(1 − γ) = ⟨1⟩",
        "t → ∞일 때의 극한: 1/(1 − γ) = ⟨1⟩",
    ),
    (
        "Σₖ γᵏ = (1 − γᵗ)/(1 − γ) → 1/(1 − γ), and the half-life of a gradient",
        "Σₖ γᵏ = (1 − γᵗ)/(1 − γ) → 1/(1 − γ)와 gradient의 반감기",
    ),
    (
        "half-life ln½/ln γ",
        "반감기 ln½/ln γ",
    ),
    (
        "γ^half-life",
        "γ^반감기",
    ),
    (
        "at the post's γ = ⟨1⟩ a constant gradient ends up taking steps ⟨2⟩× as long as GD's, and a gradient's weight halves every ⟨3⟩ steps",
        "포스트의 γ = ⟨1⟩에서 일정한 gradient는 결국 GD보다 ⟨2⟩× 긴 스텝을 밟고, 한 gradient의 가중치는 ⟨3⟩ 스텝마다 절반이 됩니다.",
    ),
    (
        "weight γᵏ of a gradient k steps old",
        "k 스텝 전 gradient의 가중치 γᵏ",
    ),
    (
        "γ = ⟨1⟩ (half-life ⟨2⟩ steps)",
        "γ = ⟨1⟩ (반감기 ⟨2⟩ 스텝)",
    ),
    (
        "weights of t gradients: Σ γᵏ = (1 − γᵗ)/(1 − γ)",
        "gradient t개의 가중치 합: Σ γᵏ = (1 − γᵗ)/(1 − γ)",
    ),
    (
        "half-life ln½ / ln γ",
        "반감기 ln½ / ln γ",
    ),
    (
        "half-life of a gradient's weight",
        "gradient 가중치의 반감기",
    ),
    (
        "steps until γᵏ = ½",
        "γᵏ = ½이 될 때까지의 스텝 수",
    ),
    // examples/flat_end.rs
    (
        "on the flat plane (∇J = 0): vₜ = γvₜ₋₁, the momentum coasts and decays",
        "평평한 면 (∇J = 0)에서: vₜ = γvₜ₋₁, 미끄러지며 줄어드는 모멘텀",
    ),
    (
        "still to coast γ|vₜ|/(1 − γ)",
        "남은 미끄러질 거리 γ|vₜ|/(1 − γ)",
    ),
    (
        "GD stops, momentum coasts γv/(1 − γ)",
        "멈추는 GD와 γv/(1 − γ)만큼 더 미끄러지는 모멘텀",
    ),
    (
        "GD: first step that did not move",
        "GD: 처음으로 움직이지 않은 스텝",
    ),
    (
        "momentum: last step on the slope T",
        "모멘텀: 비탈 위의 마지막 스텝 T",
    ),
    (
        "momentum: θ after step T",
        "모멘텀: 스텝 T 뒤의 θ",
    ),
    (
        "momentum: θ after ⟨1⟩ steps",
        "모멘텀: ⟨1⟩ 스텝 뒤의 θ",
    ),
    (
        "distance coasted on the plane (simulated)",
        "평지에서 미끄러진 거리 (시뮬레이션)",
    ),
    (
        "γv_T(1 − γⁿ)/(1 − γ), n steps on the plane",
        "γv_T(1 − γⁿ)/(1 − γ), 평지에서 n 스텝",
    ),
    (
        "steps on the plane until v < v_T/100 (simulated)",
        "v < v_T/100이 될 때까지 평지에서 보낸 스텝 수 (시뮬레이션)",
    ),
    (
        "The slide $J(x) = -s\\,x$ ($s = ⟨1⟩$) for $x < 0$ and the flat plane $J = 0$ for $x \\ge 0$, from $x = ⟨2⟩$, $\\eta = ⟨3⟩$: GD (γ = 0) and momentum (γ = ⟨4⟩), ⟨5⟩ steps.",
        "$x < 0$에서는 미끄럼틀 $J(x) = -s\\,x$ ($s = ⟨1⟩$), $x \\ge 0$에서는 평평한 면 $J = 0$인 함수에서, $x = ⟨2⟩$부터 $\\eta = ⟨3⟩$로 GD (γ = 0)와 모멘텀 (γ = ⟨4⟩)을 ⟨5⟩ 스텝 실행합니다.",
    ),
    (
        "edge of the plane, x = 0",
        "평지의 가장자리, x = 0",
    ),
    (
        "down the slide onto the flat plane",
        "미끄럼틀을 내려와 평평한 면으로",
    ),
    // examples/ill_conditioned.rs
    (
        "first t with J ≤ 1e-6",
        "J ≤ 1e-6이 된 첫 t",
    ),
    (
        "x crossed 0",
        "x가 0을 지난 횟수",
    ),
    (
        "0.1x² + 2y² from ⟨1⟩: GD vs momentum",
        "⟨1⟩에서 출발한 0.1x² + 2y²: GD 대 모멘텀",
    ),
    (
        "GD crawls along the shallow x direction; momentum builds speed there; at γ = 0.9 it overshoots and spirals",
        "GD는 완만한 x 방향으로 느릿느릿 나아가고, 모멘텀은 그 방향으로 속도를 쌓습니다. γ = 0.9에서는 최소점을 지나쳤다가 나선을 그리며 돕니다.",
    ),
    (
        "0.1x² + 2y²: GD vs momentum, first ⟨1⟩ steps",
        "0.1x² + 2y²: GD 대 모멘텀, 처음 ⟨1⟩ 스텝",
    ),
    // examples/from_scratch.rs
    (
        "γ = ⟨1⟩ (the post's) against GD at the same η, on 0.1x² + 2y² from (⟨2⟩), ⟨3⟩ steps",
        "γ = ⟨1⟩ (포스트의 값) 대 같은 η의 GD, (⟨2⟩)에서 출발한 0.1x² + 2y², ⟨3⟩ 스텝",
    ),
    (
        "γ = ⟨1⟩ against GD at the same η, on 0.1x² + 2y² from (⟨2⟩), ⟨3⟩ steps",
        "γ = ⟨1⟩ 대 같은 η의 GD, (⟨2⟩)에서 출발한 0.1x² + 2y², ⟨3⟩ 스텝",
    ),
    (
        "momentum: first t with J ≤ 1e-6",
        "모멘텀: J ≤ 1e-6이 된 첫 t",
    ),
    (
        "GD: first t with J ≤ 1e-6",
        "GD: J ≤ 1e-6이 된 첫 t",
    ),
    (
        "fastest with γ = ⟨1⟩: η = ⟨2⟩ (J ≤ 1e-6 at t = ⟨3⟩); — = not within ⟨4⟩ steps",
        "γ = ⟨1⟩에서 가장 빠른 것은 η = ⟨2⟩입니다(t = ⟨3⟩에서 J ≤ 1e-6). —는 ⟨4⟩ 스텝 안에 도달하지 못했다는 뜻입니다.",
    ),
    // examples/two_forms.rs
    (
        "Multiply torch's buffer recursion by lr: $\\mathrm{lr}\\,b_t = \\mu\\,(\\mathrm{lr}\\,b_{t-1}) + \\mathrm{lr}\\,\\nabla J(\\theta_t)$ is the post's $v_t = \\gamma v_{t-1} + \\eta\\nabla J(\\theta_t)$ with $v_t = \\mathrm{lr}\\,b_t$, $\\gamma = \\mu$, $\\eta = \\mathrm{lr}$, and $\\theta_{t+1} = \\theta_t - \\mathrm{lr}\\,b_t = \\theta_t - v_t$. Same trajectory for a constant rate:",
        "torch의 버퍼 재귀식에 lr을 곱하면 $\\mathrm{lr}\\,b_t = \\mu\\,(\\mathrm{lr}\\,b_{t-1}) + \\mathrm{lr}\\,\\nabla J(\\theta_t)$가 되는데, 이는 $v_t = \\mathrm{lr}\\,b_t$, $\\gamma = \\mu$, $\\eta = \\mathrm{lr}$로 둔 포스트의 $v_t = \\gamma v_{t-1} + \\eta\\nabla J(\\theta_t)$이며, $\\theta_{t+1} = \\theta_t - \\mathrm{lr}\\,b_t = \\theta_t - v_t$입니다. learning rate가 일정하면 궤적도 같습니다:",
    ),
    (
        "over ⟨1⟩ steps: max |θ_paper − θ_torch| = ⟨2⟩, max |v − lr·b| = ⟨3⟩ (rounding only: torch multiplies by lr after the sum, the post before)",
        "⟨1⟩ 스텝 동안: max |θ_paper − θ_torch| = ⟨2⟩, max |v − lr·b| = ⟨3⟩ (반올림 차이뿐입니다. torch는 합을 구한 뒤에 lr을 곱하고, 포스트는 그 전에 곱합니다)",
    ),
    (
        "momentum against the shared reference traces (20 steps from (−5, −2), lr 0.4, momentum 0.5)",
        "공유된 기준 궤적과 비교한 Momentum ((−5, −2)에서 20 스텝, lr 0.4, momentum 0.5)",
    ),
    (
        "our convention",
        "이 프로젝트의 규약",
    ),
    (
        "0 means the same bits: each convention repeats its reference's operations in the same order",
        "0은 비트까지 같다는 뜻입니다. 각 규약은 자기 기준 구현의 연산을 같은 순서로 되풀이합니다.",
    ),
    (
        "defaults when a hyperparameter is not given",
        "hyperparameter를 주지 않았을 때의 기본값",
    ),
    (
        "the post: γ usually 0.9; η as gd's paper default",
        "포스트: γ는 보통 0.9; η는 gd의 paper 기본값과 같음",
    ),
    (
        "torch's lr default; momentum 0.9 (torch's 0 would be plain SGD)",
        "torch의 lr 기본값; momentum 0.9 (torch의 기본값 0이면 일반 SGD)",
    ),
    // examples/bad_input.rs
    (
        "bad hyperparameters are refused with a typed error",
        "전용 오류 타입으로 거부되는 잘못된 hyperparameter",
    ),
    (
        "Momentum { lr, momentum, ..defaults(Paper) }.validated()",
        "Momentum { lr, momentum, ..defaults(Paper) }.validated()의 결과",
    ),
    // exercises.rs
    (
        "✗ not quite (아깝습니다): η is missing: the post's v adds η∇J, not ∇J (that sum is torch's buffer b; v = η·b)",
        "✗ 아깝습니다: η가 빠졌습니다. 포스트의 v는 ∇J가 아니라 η∇J를 더합니다(∇J를 더한 합은 torch의 버퍼 b이고, v = η·b입니다).",
    ),
    (
        "**Momentum (the post's form) on one parameter with η = 0.1, γ = 0.9, v₀ = 0, and gradients ∇J = 2, 1, -1 at steps 1, 2, 3. What is v₃?** = 0.1520\n- 1.520 would be: η is missing: the post's v adds η∇J, not ∇J (that sum is torch's buffer b; v = η·b)\n- 0.01520 would be: off by a factor 1 − γ: momentum adds η∇J itself, not (1 − γ)η∇J as a decaying average (Adam's m) would\n- 0.1368 would be: γᵗ where γᵗ⁻¹ belongs: in v₃ = g₃ + γg₂ + γ²g₁ the newest gradient has weight γ⁰ = 1\n- -0.01000 would be: g₁ is missing: v₃ still holds γ²g₁ (old gradients fade, they do not drop out)\n\n**Momentum (the post's form) on J(θ) = θ² from θ₀ = 1, with η = 0.1, γ = 0.9, v₀ = 0. What is θ₂ (after two steps)?** = 0.4600\n- 0.6400 would be: that is plain GD's θ₂: the second step also carries γv₁\n- 1.140 would be: the wrong sign: θ moves by −v, against the gradient\n- 0.7200 would be: the gradient of θ² is 2θ, not θ",
        "**포스트 형태의 Momentum을 파라미터 하나에 적용합니다. η = 0.1, γ = 0.9, v₀ = 0이고, 스텝 1, 2, 3의 gradient가 차례로 ∇J = 2, 1, -1입니다. v₃은 얼마일까요?** = 0.1520\n- 1.520이 나왔다면: η가 빠졌습니다. 포스트의 v는 ∇J가 아니라 η∇J를 더합니다(∇J를 더한 합은 torch의 버퍼 b이고, v = η·b입니다).\n- 0.01520이 나왔다면: 1 − γ배만큼 어긋났습니다. 모멘텀은 감쇠하는 평균(Adam의 m)처럼 (1 − γ)η∇J를 더하지 않고, η∇J를 그대로 더합니다.\n- 0.1368이 나왔다면: γᵗ⁻¹이 들어갈 자리에 γᵗ를 썼습니다. v₃ = g₃ + γg₂ + γ²g₁에서 가장 최근 gradient의 가중치는 γ⁰ = 1입니다.\n- -0.01000이 나왔다면: g₁이 빠졌습니다. v₃에는 여전히 γ²g₁이 남아 있습니다(오래된 gradient는 점점 희미해질 뿐, 빠지지는 않습니다).\n\n**포스트 형태의 Momentum을 J(θ) = θ²에 θ₀ = 1에서 출발해 η = 0.1, γ = 0.9, v₀ = 0으로 적용합니다. 두 스텝 뒤의 θ₂는 얼마일까요?** = 0.4600\n- 0.6400이 나왔다면: 그것은 일반 GD의 θ₂입니다. 두 번째 스텝에는 γv₁도 실립니다.\n- 1.140이 나왔다면: 부호가 틀렸습니다. θ는 gradient의 반대쪽으로 −v만큼 움직입니다.\n- 0.7200이 나왔다면: θ²의 gradient는 θ가 아니라 2θ입니다.",
    ),
    (
        "✗ not quite (아깝습니다): that is √γ_c = 1 − √(ηλ), the double root's size: square it",
        "✗ 아깝습니다: 그것은 중근의 크기 √γ_c = 1 − √(ηλ)입니다. 제곱하세요.",
    ),
    (
        "✗ not quite (아깝습니다): that is γ = det R = |μ|², the product of the two eigenvalues: |μ| is its square root",
        "✗ 아깝습니다: 그것은 두 고윳값의 곱, 곧 R의 행렬식 γ = |μ|²입니다. |μ|는 그 제곱근입니다.",
    ),
    (
        "✗ not quite (아깝습니다): 2/λ is plain gradient descent's edge; momentum's is ηλ < 2(1 + γ)",
        "✗ 아깝습니다: 2/λ는 일반 gradient descent의 경계입니다. 모멘텀의 경계는 ηλ < 2(1 + γ)입니다.",
    ),
    (
        "**Momentum on one eigendirection with ηλ = 0.36. For which γ is it critically damped (a double eigenvalue of R)?** = 0.1600\n- 0.4000 would be: that is √γ_c = 1 − √(ηλ), the double root's size: square it\n- 0.4096 would be: (1 − ηλ)² uses ηλ where √(ηλ) belongs: b² = 4γ with b = 1 + γ − ηλ gives √γ = 1 − √(ηλ)\n\n**Momentum with η = 0.1, γ = 0.81 on a direction with λ = 4 (underdamped: R's eigenvalues are complex). What is R's spectral radius, the factor the error shrinks by per step?** = 0.9000\n- 0.8100 would be: that is γ = det R = |μ|², the product of the two eigenvalues: |μ| is its square root\n- 0.6000 would be: |1 − ηλ| is gradient descent's factor (γ = 0); with momentum a complex pair has |μ| = √γ\n- 0.7050 would be: that is the real part b/2 of μ; the modulus also counts the imaginary part\n\n**Momentum with γ = 0.9 on a direction with λ = 4. Below which η does it converge (the supremum of the η that do)?** = 0.9500\n- 0.5000 would be: 2/λ is plain gradient descent's edge; momentum's is ηλ < 2(1 + γ)\n- 0.4750 would be: the factor 2 is missing: the edge is where R has the eigenvalue −1, ηλ = 2(1 + γ)",
        "**Momentum을 ηλ = 0.36인 고유 방향 하나에 적용합니다. 어떤 γ에서 임계 감쇠(R의 고윳값이 중근)가 될까요?** = 0.1600\n- 0.4000이 나왔다면: 그것은 중근의 크기 √γ_c = 1 − √(ηλ)입니다. 제곱하세요.\n- 0.4096이 나왔다면: (1 − ηλ)²는 √(ηλ)가 들어갈 자리에 ηλ를 썼습니다. b = 1 + γ − ηλ일 때 b² = 4γ에서 √γ = 1 − √(ηλ)가 나옵니다.\n\n**η = 0.1, γ = 0.81인 Momentum을 λ = 4인 방향에 적용합니다(저감쇠: R의 고윳값이 복소수입니다). 오차가 스텝마다 줄어드는 비율인 R의 스펙트럼 반지름은 얼마일까요?** = 0.9000\n- 0.8100이 나왔다면: 그것은 두 고윳값의 곱, 곧 R의 행렬식 γ = |μ|²입니다. |μ|는 그 제곱근입니다.\n- 0.6000이 나왔다면: |1 − ηλ|는 gradient descent의 비율(γ = 0)입니다. 모멘텀에서는 복소수 쌍의 크기가 |μ| = √γ입니다.\n- 0.7050이 나왔다면: 그것은 μ의 실수부 b/2입니다. 절댓값에는 허수부도 들어갑니다.\n\n**γ = 0.9인 Momentum을 λ = 4인 방향에 적용합니다. η가 얼마보다 작아야 수렴할까요(수렴하는 η의 상한)?** = 0.9500\n- 0.5000이 나왔다면: 2/λ는 일반 gradient descent의 경계입니다. 모멘텀의 경계는 ηλ < 2(1 + γ)입니다.\n- 0.4750이 나왔다면: 인수 2가 빠졌습니다. 경계는 R이 고윳값 −1을 갖는 곳, 곧 ηλ = 2(1 + γ)입니다.",
    ),
    // dynamics/examples.rs
    (
        "each direction moves on its own: the run projected on qᵢ is R(η, γ, λᵢ)ᵗ applied to (0, xᵢ,₀), up to rounding",
        "각 방향은 따로 움직입니다. 실행을 qᵢ에 투영한 값은 반올림 오차를 빼면 (0, xᵢ,₀)에 R(η, γ, λᵢ)ᵗ를 적용한 값과 같습니다.",
    ),
    (
        "|x| along λ = ⟨1⟩ (⟨2⟩)",
        "λ = ⟨1⟩ 방향의 |x| (⟨2⟩)",
    ),
    (
        "reference case",
        "기준 사례",
    ),
    (
        "post's γ",
        "포스트의 γ",
    ),
    (
        "near the edge",
        "경계 근처",
    ),
    (
        "0.1x² + 2y²: rate max(ρ(λ=0.2), ρ(λ=4)) over (η, γ)",
        "0.1x² + 2y²: (η, γ)에 따른 수렴 속도 max(ρ(λ=0.2), ρ(λ=4))",
    ),
    (
        "0.1x² + 2y² (λ = 0.2, 4): predicted and measured rates",
        "0.1x² + 2y² (λ = 0.2, 4): 예측한 수렴 속도와 측정한 수렴 속도",
    ),
    (
        "regime λ=0.2",
        "상태 λ=0.2",
    ),
    (
        "regime λ=4",
        "상태 λ=4",
    ),
    (
        "measured λ=0.2",
        "측정값 λ=0.2",
    ),
    (
        "measured λ=4",
        "측정값 λ=4",
    ),
    (
        "measured",
        "측정값",
    ),
    (
        "measured: (‖s_t₁‖/‖s_t₀‖)^(1/(t₁−t₀)), s_t = (x_t, x_t−1) of the real run, t₀ = ⟨1⟩, t₁ before ‖s‖ < 1e-250; within ⟨2⟩ % of ρ",
        "측정값은 (‖s_t₁‖/‖s_t₀‖)^(1/(t₁−t₀))입니다. s_t = (x_t, x_t−1)은 실제 실행에서 얻고, t₀ = ⟨1⟩, t₁은 ‖s‖ < 1e-250이 되기 직전의 스텝입니다. ρ와 ⟨2⟩ % 안으로 일치합니다.",
    ),
    (
        "the edge ηλₙ = 2(1 + γ), λₙ = 4: runs just inside and just outside",
        "경계 ηλₙ = 2(1 + γ), λₙ = 4: 바로 안쪽과 바로 바깥쪽에서의 실행",
    ),
    (
        "regime at λₙ",
        "λₙ에서의 상태",
    ),
    (
        "what the run did",
        "실행 결과",
    ),
    (
        "converges: J(θₜ) ≤ 1e-12·J(θ₀) from t = ⟨1⟩",
        "수렴: t = ⟨1⟩부터 J(θₜ) ≤ 1e-12·J(θ₀)",
    ),
    (
        "diverged: the loss passed 10⁶·J(θ₀), optcore's typed Error::Diverged",
        "발산: loss가 10⁶·J(θ₀)를 넘으면 optcore의 전용 오류 타입 Error::Diverged로 멈춥니다.",
    ),
    (
        "critical damping γ_c = (1 − √ηλ)², one direction with λ = 1",
        "임계 감쇠 γ_c = (1 − √ηλ)², λ = 1인 방향 하나",
    ),
    (
        "double root μ = b/2",
        "중근 μ = b/2",
    ),
    (
        "measured at γ_c",
        "γ_c에서의 측정값",
    ),
    (
        "μ > 0 below ηλ = 1 (a smooth approach), μ < 0 above it (a sign flip each step); the measured rate carries the Jordan block's factor t; a rounding of b² − 4γ by 1e-16 moves ρ by √1e-16/2 = 5e-9 (a double root is that sensitive)",
        "ηλ = 1 아래에서는 μ > 0 (매끄럽게 다가감), 위에서는 μ < 0 (스텝마다 부호가 바뀜)입니다. 측정한 속도에는 조르당 블록의 인자 t가 실려 있습니다. b² − 4γ가 1e-16만큼 반올림되면 ρ는 √1e-16/2 = 5e-9만큼 움직입니다(중근은 그만큼 민감합니다).",
    ),
    (
        "first t with ‖θₜ − θ*‖ ≤ ⟨1⟩‖θ₀ − θ*‖",
        "‖θₜ − θ*‖ ≤ ⟨1⟩‖θ₀ − θ*‖인 첫 t",
    ),
    (
        "0.1x² + 2y² (κ = 20): the best gradient descent against the best momentum",
        "0.1x² + 2y² (κ = 20): 최선의 gradient descent 대 최선의 모멘텀",
    ),
    (
        "formula value",
        "식의 값",
    ),
    (
        "momentum's best rate is the square root of GD's condition-number factor: √κ in place of κ",
        "모멘텀의 최선의 수렴 속도는 GD의 조건수 인자에 제곱근을 씌운 꼴입니다: κ 자리에 √κ가 들어갑니다.",
    ),
    (
        "paper (v) and pytorch (b = v/η): the same rate",
        "paper (v)와 pytorch (b = v/η): 같은 수렴 속도",
    ),
    (
        "measured, paper",
        "측정값, paper",
    ),
    (
        "measured, pytorch",
        "측정값, pytorch",
    ),
    (
        "torch multiplies by lr after the sum, the post before: the trajectories differ in the last bits only, the rates not at all",
        "torch는 합을 구한 뒤에 lr을 곱하고, 포스트는 그 전에 곱합니다. 그래서 궤적은 마지막 비트에서만 다르고, 수렴 속도는 전혀 다르지 않습니다.",
    ),
    (
        "R(η, γ, λ) on 0.1x² + 2y²: eigenvalues in closed form and from nalgebra",
        "0.1x² + 2y²에서의 R(η, γ, λ): 닫힌 식과 nalgebra로 구한 고윳값",
    ),
    (
        "regime",
        "상태",
    ),
    // dynamics/mod.rs
    (
        "overdamped",
        "과감쇠",
    ),
    (
        "critical",
        "임계 감쇠",
    ),
    (
        "underdamped",
        "저감쇠",
    ),
    // shown in the momentum notebooks but written by other crates:
    // compare/src/overview.rs
    (
        "--momentum (γ); --beta1 (β₁)",
        "--momentum (γ); --beta1 (β₁)",
    ),
    (
        "momentum_buffer b (θ ← θ − lr·b, v = lr·b)",
        "momentum_buffer b (θ ← θ − lr·b, v = lr·b)",
    ),
    (
        "momentum_decay",
        "momentum_decay",
    ),
    (
        "inside (the post)",
        "안쪽 (포스트)",
    ),
    // batching/src/examples/variance.rs
    (
        "m × measured",
        "m × 측정값",
    ),
    (
        "measured (⟨1⟩ draws)",
        "측정값 (⟨1⟩회 추출)",
    ),
    // gd/src/examples/three_kinds.rs
    (
        "condition number λ_max / λ_min",
        "조건수 λ_max / λ_min",
    ),
    // adam/src/examples/bias.rs
    (
        "With $m_0 = 0$, unrolling $m_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t$:\n\n⟨1⟩",
        "$m_0 = 0$에서 $m_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t$를 펼치면:\n\n⟨1⟩",
    ),
    // optcore/src/trace.rs (Trace::table of nadam)
    (
        "nadam/pytorch (lr = ⟨1⟩, beta1 = ⟨2⟩, beta2 = ⟨3⟩, eps = ⟨4⟩, momentum_decay = ⟨5⟩) on quadratic",
        "이차 함수에서의 nadam/pytorch (lr = ⟨1⟩, beta1 = ⟨2⟩, beta2 = ⟨3⟩, eps = ⟨4⟩, momentum_decay = ⟨5⟩)",
    ),
    // compare/src/motion.rs
    (
        "saddle x² − y² from (⟨1⟩, ⟨2⟩), ⟨3⟩ steps: first t with |y| ≥ ⟨4⟩",
        "안장점 x² − y², (⟨1⟩, ⟨2⟩)에서 출발, ⟨3⟩ 스텝: |y| ≥ ⟨4⟩인 첫 t",
    ),
    // schedule/src/reference.rs
    (
        "SGD (η₀ = 0.4) with ExponentialLR(gamma = 0.95)",
        "SGD (η₀ = 0.4), ExponentialLR(gamma = 0.95) 적용",
    ),
    (
        "Adam (η₀ = 0.5) with ExponentialLR(gamma = 0.95)",
        "Adam (η₀ = 0.5), ExponentialLR(gamma = 0.95) 적용",
    ),
    // momentum/examples/two_forms.rs, momentum/dynamics/examples.rs
    ("why", "이유"),
    ("rel. diff", "상대 차이"),
    ("t₁ (slow)", "t₁ (느린 쪽)"),
    ("x⟨1⟩ (run)", "x⟨1⟩ (실행)"),
];
