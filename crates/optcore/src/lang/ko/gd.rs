//! Korean wording of the texts `gd` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[
    // minibatch.rs
    ("batch GD", "Batch GD"),
    ("stochastic GD", "SGD"),
    ("mini-batch GD", "Mini-batch GD"),
    ("⟨1⟩ (m = ⟨2⟩, η = ⟨3⟩): loss per epoch", "⟨1⟩ (m = ⟨2⟩, η = ⟨3⟩): 에폭별 loss"),
    ("updates", "업데이트 횟수"),
    ("gradient evaluations", "gradient 계산 횟수"),
    // examples/update_rule.rs
    (
        "one step by hand: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨1⟩",
        "손으로 계산한 한 스텝: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨1⟩",
    ),
    (
        "two steps by hand: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨1⟩",
        "손으로 계산한 두 스텝: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨1⟩",
    ),
    (
        "three steps by hand: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨1⟩",
        "손으로 계산한 세 스텝: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨1⟩",
    ),
    (
        "four steps by hand: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨1⟩",
        "손으로 계산한 네 스텝: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨1⟩",
    ),
    (
        "five steps by hand: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨1⟩",
        "손으로 계산한 다섯 스텝: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨1⟩",
    ),
    (
        "six steps by hand: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨1⟩",
        "손으로 계산한 여섯 스텝: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨1⟩",
    ),
    (
        "seven steps by hand: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨1⟩",
        "손으로 계산한 일곱 스텝: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨1⟩",
    ),
    (
        "eight steps by hand: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨1⟩",
        "손으로 계산한 여덟 스텝: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨1⟩",
    ),
    (
        "nine steps by hand: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨1⟩",
        "손으로 계산한 아홉 스텝: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨1⟩",
    ),
    (
        "ten steps by hand: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨1⟩",
        "손으로 계산한 열 스텝: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨1⟩",
    ),
    (
        "⟨1⟩ steps by hand: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨2⟩",
        "손으로 계산한 ⟨1⟩ 스텝: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = ⟨2⟩",
    ),
    (
        "GD on 0.1x² + 2y² from (⟨1⟩, ⟨2⟩): Hessian eigenvalues ⟨3⟩ and ⟨4⟩, stable for η < 2/⟨5⟩ = ⟨6⟩",
        "(⟨1⟩, ⟨2⟩)에서 출발한 0.1x² + 2y²의 GD: Hessian 고윳값 ⟨3⟩, ⟨4⟩, η < 2/⟨5⟩ = ⟨6⟩일 때 안정",
    ),
    // examples/three_kinds.rs
    (
        "iris: petal width ~ 1 + sepal length + sepal width + petal length (standardized)",
        "iris: 꽃잎 너비 ~ 1 + 꽃받침 길이 + 꽃받침 너비 + 꽃잎 길이 (표준화)",
    ),
    ("the problem in numbers", "숫자로 본 문제"),
    ("target J* + 1% (J(θ₀) − J*)", "목표 J* + 1% (J(θ₀) − J*)"),
    ("λ_min of H = XᵀX / N", "H = XᵀX / N의 λ_min"),
    ("λ_max of H", "H의 λ_max"),
    ("largest stable batch lr 2 / λ_max", "안정한 최대 batch learning rate 2 / λ_max"),
    ("1, sepal length, sepal width, petal length", "1, 꽃받침 길이, 꽃받침 너비, 꽃잎 길이"),
    (
        concat!(
            "**Data**: ⟨1⟩. Columns of $X$: ⟨2⟩; target $y$: petal width (cm).\n\n",
            r"$J(w) = \frac{1}{N}\sum_{i=1}^{N} \tfrac12 (w^\top x_i - y_i)^2$, ",
            r"exact optimum from the normal equations $X^\top X w^* = X^\top y$: $w^* = ⟨3⟩$."
        ),
        concat!(
            "**데이터**: ⟨1⟩. $X$의 열: ⟨2⟩; 예측할 값 $y$: 꽃잎 너비 (cm).\n\n",
            r"$J(w) = \frac{1}{N}\sum_{i=1}^{N} \tfrac12 (w^\top x_i - y_i)^2$이고, ",
            r"정규방정식 $X^\top X w^* = X^\top y$로 구한 정확한 최적해는 $w^* = ⟨3⟩$입니다."
        ),
    ),
    (
        concat!(
            "**⟨1⟩** (m = 1): the update uses example $i = ⟨2⟩$ only: ⟨3⟩, ",
            r"prediction $w^\top x = ⟨4⟩$, ⟨5⟩",
            "\n\n$$⟨6⟩$$"
        ),
        concat!(
            "**⟨1⟩** (m = 1): 업데이트에 예제 $i = ⟨2⟩$ 하나만 씁니다: ⟨3⟩, ",
            r"예측값 $w^\top x = ⟨4⟩$, ⟨5⟩",
            "\n\n$$⟨6⟩$$"
        ),
    ),
    (
        "**⟨1⟩** (m = ⟨2⟩): $g_1 = ⟨3⟩$ (⟨4⟩ per-example gradients for one update)\n\n$$⟨5⟩$$",
        "**⟨1⟩** (m = ⟨2⟩): $g_1 = ⟨3⟩$ (업데이트 한 번에 쓰는 예제별 gradient ⟨4⟩개)\n\n$$⟨5⟩$$",
    ),
    (
        "**⟨1⟩** (m = ⟨2⟩): stopped before its first update",
        "**⟨1⟩** (m = ⟨2⟩): 첫 업데이트 전에 멈췄습니다",
    ),
    (
        "**⟨1⟩** (m = ⟨2⟩): stopped before its first update: ⟨3⟩",
        "**⟨1⟩** (m = ⟨2⟩): 첫 업데이트 전에 멈췄습니다: ⟨3⟩",
    ),
    ("batch GD (m = ⟨1⟩)", "Batch GD (m = ⟨1⟩)"),
    ("stochastic GD (m = ⟨1⟩)", "SGD (m = ⟨1⟩)"),
    ("mini-batch GD (m = ⟨1⟩)", "Mini-batch GD (m = ⟨1⟩)"),
    ("the first update from θ₀ = 0 (η = ⟨1⟩)", "θ₀ = 0에서 시작한 첫 업데이트 (η = ⟨1⟩)"),
    ("variant", "종류"),
    ("first examples of B₁", "B₁의 앞쪽 예제"),
    (
        "cos = 1 means the batch gradient points exactly along the full gradient",
        "코사인이 1이면 batch gradient가 전체 gradient와 정확히 같은 방향을 가리킵니다.",
    ),
    // examples/side_by_side.rs
    (
        "same η = ⟨1⟩, ⟨2⟩ epochs, seed ⟨3⟩, θ₀ = 0; target J = ⟨4⟩",
        "같은 η = ⟨1⟩, ⟨2⟩ 에폭, 시드 ⟨3⟩, θ₀ = 0; 목표 J = ⟨4⟩",
    ),
    ("updates / epoch", "업데이트 횟수 / 에폭"),
    ("gradient evals / epoch", "gradient 계산 횟수 / 에폭"),
    ("updates to target", "목표까지 업데이트 횟수"),
    ("gradient evals to target", "목표까지 gradient 계산 횟수"),
    ("epochs to target", "목표까지 에폭 수"),
    ("updates that raised J", "J를 올린 업데이트 횟수"),
    ("final J(θ)", "최종 J(θ)"),
    ("J(θ) at the end of each epoch", "각 에폭이 끝날 때의 J(θ)"),
    (
        "Run on past ⟨1⟩ epochs with the same η = ⟨2⟩, batch GD reaches the target after ⟨3⟩ updates = ⟨4⟩ gradient evaluations (⟨5⟩ epochs).",
        "같은 η = ⟨2⟩로 ⟨1⟩ 에폭을 넘겨 계속 돌리면, Batch GD는 업데이트 ⟨3⟩번 = gradient 계산 ⟨4⟩번(⟨5⟩ 에폭) 뒤에 목표에 닿습니다.",
    ),
    (
        "Batch GD with the same η does not reach the target in ⟨1⟩ updates.",
        "같은 η의 Batch GD는 업데이트 ⟨1⟩번 안에 목표에 닿지 못합니다.",
    ),
    (
        concat!(
            r"$J^* = ⟨1⟩$, $J(\theta_0) = ⟨2⟩$; ",
            "\"to target\" is the first update whose full loss is at most ",
            r"$J^* + 1\%\,(J(\theta_0) - J^*) = ⟨3⟩$."
        ),
        concat!(
            r"$J^* = ⟨1⟩$, $J(\theta_0) = ⟨2⟩$입니다. ",
            "\"목표까지\"는 전체 loss가 처음으로 ",
            r"$J^* + 1\%\,(J(\theta_0) - J^*) = ⟨3⟩$ 이하가 된 업데이트를 기준으로 셉니다."
        ),
    ),
    // examples/per_update.rs
    ("stochastic GD: L(x⁽ⁱ⁾) its update saw", "SGD: 그 업데이트가 본 L(x⁽ⁱ⁾)"),
    ("J(θ_t) per update t, first ⟨1⟩ updates", "업데이트 t별 J(θ_t), 처음 ⟨1⟩번의 업데이트"),
    ("J* (exact optimum)", "J* (정확한 최적값)"),
    ("target", "목표"),
    // examples/learning_rate.rs
    ("batch GD, ⟨1⟩ updates from θ₀ = 0", "Batch GD, θ₀ = 0에서 업데이트 ⟨1⟩번"),
    ("updates run", "실행한 업데이트 횟수"),
    ("J after 10", "업데이트 10번 뒤의 J"),
    ("how it ended", "종료 상태"),
    (
        concat!(
            r"Batch GD on this quadratic loss contracts along each eigenvector of $H$ by ",
            r"$|1 - \eta\lambda|$ per update, so it is stable only for ",
            r"$\eta < 2/\lambda_{\max} = 2/⟨1⟩ = ⟨2⟩$ (target $J = ⟨3⟩$)."
        ),
        concat!(
            r"이 이차 loss에서 Batch GD를 쓰면 $H$의 각 고유벡터 방향의 오차가 업데이트마다 ",
            r"$|1 - \eta\lambda|$배가 되므로, ",
            r"$\eta < 2/\lambda_{\max} = 2/⟨1⟩ = ⟨2⟩$일 때만 안정합니다(목표 $J = ⟨3⟩$)."
        ),
    ),
    ("bad settings are refused", "잘못된 설정은 거부됩니다"),
    // exercises.rs
    (
        "θ₁ = (x₁, y₁) after one gradient-descent step on J(x, y) = 0.1x² + 2y² from θ₀ = (-5, -2) with η = 0.4",
        "J(x, y) = 0.1x² + 2y²에서 θ₀ = (-5, -2), η = 0.4로 경사 하강법 스텝을 한 번 진행한 뒤의 θ₁ = (x₁, y₁)",
    ),
    (
        "the wrong sign: θ + η∇J climbs the slope; gradient descent steps against the gradient",
        "부호가 반대입니다. θ + η∇J는 비탈을 오르고, 경사 하강법은 gradient의 반대 방향으로 스텝을 밟습니다.",
    ),
    (
        "✗ not quite (아깝습니다): the wrong sign: θ + η∇J climbs the slope; gradient descent steps against the gradient",
        "✗ 아깝습니다: 부호가 반대입니다. θ + η∇J는 비탈을 오르고, 경사 하강법은 gradient의 반대 방향으로 스텝을 밟습니다.",
    ),
    (
        "η is missing: the step is η∇J, not ∇J",
        "η가 빠졌습니다. 스텝은 ∇J가 아니라 η∇J입니다.",
    ),
    (
        "∂(0.1x²)/∂x = 0.2x (and ∂(2y²)/∂y = 4y): the factor 2 of the derivative is missing",
        "∂(0.1x²)/∂x = 0.2x입니다(∂(2y²)/∂y = 4y도 마찬가지). 미분에서 나오는 인수 2가 빠졌습니다.",
    ),
    (
        "The learning rate η above which gradient descent on J(x, y) = 0.1x² + 2y² diverges (the curvatures λ are the second derivatives)",
        "J(x, y) = 0.1x² + 2y²에서 이 값을 넘으면 경사 하강법이 발산하는 learning rate η (곡률 λ는 두 번 미분한 값입니다)",
    ),
    (
        "1/λ_max is the η that ends the steep direction in one step; the limit is where |1 − ηλ_max| reaches 1, η = 2/λ_max",
        "1/λ_max는 가파른 방향을 한 스텝에 끝내는 η입니다. 한계는 |1 − ηλ_max|가 1에 이르는 곳, η = 2/λ_max입니다.",
    ),
    (
        "the steepest direction sets the limit: use λ_max (along y), not λ_min",
        "한계는 가장 가파른 방향이 정합니다. λ_min이 아니라 λ_max(y 방향)를 쓰세요.",
    ),
    (
        "λ is the second derivative 2c of c·y², not the coefficient c",
        "λ는 계수 c가 아니라 c·y²를 두 번 미분한 값 2c입니다.",
    ),
    (
        "w₁ after one SGD step with η = 0.1 from w₀ = (0.5, 0) on the one example x = (1, 2), y = 3, L = ½(wᵀx − y)²",
        "예제 하나 x = (1, 2), y = 3, L = ½(wᵀx − y)²에서 w₀ = (0.5, 0), η = 0.1로 SGD 스텝을 한 번 진행한 뒤의 w₁",
    ),
    (
        "the wrong sign: the residual wᵀx − y is negative here, so w must grow",
        "부호가 반대입니다. 여기서는 잔차 wᵀx − y가 음수이므로 w가 커져야 합니다.",
    ),
    (
        "the gradient is (wᵀx − y)·x: each coordinate is multiplied by its own xₖ",
        "gradient는 (wᵀx − y)·x입니다. 좌표마다 그 좌표의 xₖ를 곱합니다.",
    ),
    // exercises.rs: the answers, as `optcore::exercise::solutions` shows them
    (
        concat!(
            "**θ₁ = (x₁, y₁) after one gradient-descent step on J(x, y) = 0.1x² + 2y² from θ₀ = (-5, -2) with η = 0.4** = (-4.600, 1.200)\n",
            "- (-5.400, -5.200) would be: the wrong sign: θ + η∇J climbs the slope; gradient descent steps against the gradient\n",
            "- (-4.000, 6.000) would be: η is missing: the step is η∇J, not ∇J\n",
            "- (-4.800, -0.4000) would be: ∂(0.1x²)/∂x = 0.2x (and ∂(2y²)/∂y = 4y): the factor 2 of the derivative is missing\n",
            "\n",
            "**The learning rate η above which gradient descent on J(x, y) = 0.1x² + 2y² diverges (the curvatures λ are the second derivatives)** = 0.5000\n",
            "- 0.2500 would be: 1/λ_max is the η that ends the steep direction in one step; the limit is where |1 − ηλ_max| reaches 1, η = 2/λ_max\n",
            "- 10.00 would be: the steepest direction sets the limit: use λ_max (along y), not λ_min\n",
            "- 1.000 would be: λ is the second derivative 2c of c·y², not the coefficient c\n",
            "\n",
            "**w₁ after one SGD step with η = 0.1 from w₀ = (0.5, 0) on the one example x = (1, 2), y = 3, L = ½(wᵀx − y)²** = (0.7500, 0.5000)\n",
            "- (0.2500, -0.5000) would be: the wrong sign: the residual wᵀx − y is negative here, so w must grow\n",
            "- (0.7500, 0.2500) would be: the gradient is (wᵀx − y)·x: each coordinate is multiplied by its own xₖ"
        ),
        concat!(
            "**J(x, y) = 0.1x² + 2y²에서 θ₀ = (-5, -2), η = 0.4로 경사 하강법 스텝을 한 번 진행한 뒤의 θ₁ = (x₁, y₁)** = (-4.600, 1.200)\n",
            "- (-5.400, -5.200)인 경우: 부호가 반대입니다. θ + η∇J는 비탈을 오르고, 경사 하강법은 gradient의 반대 방향으로 스텝을 밟습니다.\n",
            "- (-4.000, 6.000)인 경우: η가 빠졌습니다. 스텝은 ∇J가 아니라 η∇J입니다.\n",
            "- (-4.800, -0.4000)인 경우: ∂(0.1x²)/∂x = 0.2x입니다(∂(2y²)/∂y = 4y도 마찬가지). 미분에서 나오는 인수 2가 빠졌습니다.\n",
            "\n",
            "**J(x, y) = 0.1x² + 2y²에서 이 값을 넘으면 경사 하강법이 발산하는 learning rate η (곡률 λ는 두 번 미분한 값입니다)** = 0.5000\n",
            "- 0.2500인 경우: 1/λ_max는 가파른 방향을 한 스텝에 끝내는 η입니다. 한계는 |1 − ηλ_max|가 1에 이르는 곳, η = 2/λ_max입니다.\n",
            "- 10.00인 경우: 한계는 가장 가파른 방향이 정합니다. λ_min이 아니라 λ_max(y 방향)를 쓰세요.\n",
            "- 1.000인 경우: λ는 계수 c가 아니라 c·y²를 두 번 미분한 값 2c입니다.\n",
            "\n",
            "**예제 하나 x = (1, 2), y = 3, L = ½(wᵀx − y)²에서 w₀ = (0.5, 0), η = 0.1로 SGD 스텝을 한 번 진행한 뒤의 w₁** = (0.7500, 0.5000)\n",
            "- (0.2500, -0.5000)인 경우: 부호가 반대입니다. 여기서는 잔차 wᵀx − y가 음수이므로 w가 커져야 합니다.\n",
            "- (0.7500, 0.2500)인 경우: gradient는 (wᵀx − y)·x입니다. 좌표마다 그 좌표의 xₖ를 곱합니다."
        ),
    ),
    // Texts of other crates the notebook shows with gd's outputs.
    // compare (the section list; the playground on iris mini-batches)
    (
        "softmax loss on iris (standardized), batches of ⟨1⟩ from (0, 0, 0, …; ⟨2⟩ numbers), ⟨3⟩ steps",
        "iris(표준화)의 소프트맥스 loss, batch 크기 ⟨1⟩, 시작점 (0, 0, 0, …; 수 ⟨2⟩개), ⟨3⟩ 스텝",
    ),
    (
        "softmax loss on iris (standardized), batches of ⟨1⟩ from (0, 0, 0, …; ⟨2⟩ numbers), ⟨3⟩ steps: J(θₜ)",
        "iris(표준화)의 소프트맥스 loss, batch 크기 ⟨1⟩, 시작점 (0, 0, 0, …; 수 ⟨2⟩개), ⟨3⟩ 스텝: J(θₜ)",
    ),
    // batching (the cost table)
    ("evaluations per epoch", "에폭당 계산 횟수"),
    // momentum (the weights' sums, the slope's coast, the (η, γ) map)
    ("limit 1/(1 − γ) = ⟨1⟩", "극한 1/(1 − γ) = ⟨1⟩"),
    ("|vₜ| / GD step ηs", "|vₜ| / GD의 스텝 ηs"),
    ("optimal", "최적"),
    // the notebook's own charts (02-gradient-descent)
    ("update t", "업데이트 t"),
    (
        "full loss J(θ) per epoch (gradient evaluations / N)",
        "에폭별 전체 loss J(θ) (gradient 계산 횟수 / N)",
    ),
];
