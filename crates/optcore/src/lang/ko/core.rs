//! Korean wording of the texts `core` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[
    // error.rs
    ("invalid ⟨1⟩ = ⟨2⟩: ⟨3⟩ must be ⟨4⟩", "허용되지 않는 값 ⟨1⟩ = ⟨2⟩: ⟨3⟩ 값은 ⟨4⟩여야 합니다"),
    ("Err: invalid ⟨1⟩ = ⟨2⟩: ⟨3⟩ must be ⟨4⟩", "오류: 허용되지 않는 값 ⟨1⟩ = ⟨2⟩: ⟨3⟩ 값은 ⟨4⟩여야 합니다"),
    ("a finite number > 0", "0보다 큰 유한한 수"),
    ("a finite number >= 0", "0 이상의 유한한 수"),
    ("lr_decay", "lr_decay"),
    (
        "invalid batch size ⟨1⟩: it must be between 1 and the number of examples (⟨2⟩)",
        "허용되지 않는 batch 크기 ⟨1⟩: 1 이상, 예제 수(⟨2⟩) 이하여야 합니다",
    ),
    (
        "Err: invalid batch size ⟨1⟩: it must be between 1 and the number of examples (⟨2⟩)",
        "오류: 허용되지 않는 batch 크기 ⟨1⟩: 1 이상, 예제 수(⟨2⟩) 이하여야 합니다",
    ),
    (
        "non-finite ⟨1⟩ at step ⟨2⟩: the run stops here, every earlier step is kept",
        "스텝 ⟨2⟩에서 ⟨1⟩ 값이 유한하지 않습니다. 실행은 여기서 멈추고, 그 전의 스텝은 모두 남깁니다",
    ),
    (
        "stopped: non-finite ⟨1⟩ at step ⟨2⟩: the run stops here, every earlier step is kept",
        "멈춤: 스텝 ⟨2⟩에서 ⟨1⟩ 값이 유한하지 않습니다. 실행은 여기서 멈추고, 그 전의 스텝은 모두 남깁니다",
    ),
    (
        "diverged at step ⟨1⟩: loss ⟨2⟩ exceeds the limit ⟨3⟩; every earlier step is kept",
        "스텝 ⟨1⟩에서 발산했습니다: loss(⟨2⟩)가 한계(⟨3⟩)를 넘었습니다. 그 전의 스텝은 모두 남깁니다",
    ),
    (
        "Err: diverged at step ⟨1⟩: loss ⟨2⟩ exceeds the limit ⟨3⟩; every earlier step is kept",
        "오류: 스텝 ⟨1⟩에서 발산했습니다: loss(⟨2⟩)가 한계(⟨3⟩)를 넘었습니다. 그 전의 스텝은 모두 남깁니다",
    ),
    (
        "stopped: diverged at step ⟨1⟩: loss ⟨2⟩ exceeds the limit ⟨3⟩; every earlier step is kept",
        "멈춤: 스텝 ⟨1⟩에서 발산했습니다: loss(⟨2⟩)가 한계(⟨3⟩)를 넘었습니다. 그 전의 스텝은 모두 남깁니다",
    ),
    // exercise.rs
    ("**⟨1⟩** = ⟨2⟩\n- ⟨3⟩ would be: ⟨4⟩", "**⟨1⟩** = ⟨2⟩\n- 답이 ⟨3⟩인 경우: ⟨4⟩"),
    (
        "**⟨1⟩** = ⟨2⟩\n- ⟨3⟩ would be: ⟨4⟩\n- ⟨5⟩ would be: ⟨6⟩",
        "**⟨1⟩** = ⟨2⟩\n- 답이 ⟨3⟩인 경우: ⟨4⟩\n- 답이 ⟨5⟩인 경우: ⟨6⟩",
    ),
    (
        "**⟨1⟩** = ⟨2⟩\n- ⟨3⟩ would be: ⟨4⟩\n- ⟨5⟩ would be: ⟨6⟩\n- ⟨7⟩ would be: ⟨8⟩",
        "**⟨1⟩** = ⟨2⟩\n- 답이 ⟨3⟩인 경우: ⟨4⟩\n- 답이 ⟨5⟩인 경우: ⟨6⟩\n- 답이 ⟨7⟩인 경우: ⟨8⟩",
    ),
    // One line of an answers section (exercise.rs `solution`), for sections that
    // have no entry as a whole: the prompt and each near miss translated by its
    // own entry.
    ("**⟨1⟩** = ⟨2⟩", "**⟨1⟩** = ⟨2⟩"),
    ("- ⟨1⟩ would be: ⟨2⟩", "- 답이 ⟨1⟩인 경우: ⟨2⟩"),
    ("✓ right (맞았습니다)", "✓ 맞았습니다"),
    ("✗ not quite (아깝습니다): ⟨1⟩", "✗ 아깝습니다: ⟨1⟩"),
    ("✗ wrong (틀렸습니다): ⟨1⟩", "✗ 틀렸습니다: ⟨1⟩"),
    ("your rule against the library, step by step", "여러분의 규칙과 라이브러리, 스텝별 비교"),
    ("your θ", "여러분의 θ"),
    ("library θ", "라이브러리 θ"),
    ("max |difference|", "max |차이|"),
    (
        "θ to ⟨1⟩ significant digits; .full() on the check shows ⟨2⟩",
        "θ는 유효숫자 ⟨1⟩자리로 보입니다. 확인 결과에 .full()을 붙이면 ⟨2⟩자리로 보여 줍니다",
    ),
    (
        "✓ your rule and the library agree to the last bit at every one of the ⟨1⟩ steps",
        "✓ 여러분의 규칙과 라이브러리가 ⟨1⟩개 스텝 모두에서 마지막 비트까지 일치합니다",
    ),
    (
        "✓ your rule and the library agree within ⟨1⟩ relative at every one of the ⟨2⟩ steps (⟨3⟩)",
        "✓ 여러분의 규칙과 라이브러리가 ⟨2⟩개 스텝 모두에서 상대 오차 ⟨1⟩ 이내로 일치합니다 (⟨3⟩)",
    ),
    (
        "✗ your rule and the library part at step ⟨1⟩: compare your update with the equation above",
        "✗ 여러분의 규칙과 라이브러리가 스텝 ⟨1⟩에서 갈라집니다: 여러분의 업데이트를 위의 식과 비교해 보세요",
    ),
    // reasons the checks of the lessons give for agreeing within a tolerance
    (
        "the library rounds θ − ηg once (fused multiply-add, as torch); θ − η·g in the cell rounds twice",
        "라이브러리는 torch처럼 곱셈과 덧셈을 한 연산으로 묶어 θ − ηg를 한 번만 반올림하고, 셀의 θ − η·g는 두 번 반올림합니다",
    ),
    (
        "R s rounds ηλ·x and (1 − ηλ)·x where the library rounds η·∇J and θ − v",
        "R s는 ηλ·x와 (1 − ηλ)·x를 반올림하고, 라이브러리는 η·∇J와 θ − v를 반올림합니다",
    ),
    // objective.rs
    ("quadratic", "이차 함수"),
    // data.rs
    ("softmax loss on iris (standardized)", "iris(표준화)의 소프트맥스 loss"),
    ("sepal length", "꽃받침 길이"),
    ("sepal width", "꽃받침 너비"),
    ("petal length", "꽃잎 길이"),
    ("petal width", "꽃잎 너비"),
    // trace.rs
    ("⟨1⟩ on quadratic", "이차 함수에서의 ⟨1⟩"),
    ("loss", "loss"),
    // quantity.rs
    ("H (rows)[⟨1⟩]", "H (행)[⟨1⟩]"),
    // reference.rs
    (
        "torch.optim's traces (crates/optcore/reference) vs this crate, pytorch convention",
        "torch.optim의 궤적(crates/optcore/reference)과 이 라이브러리 비교, pytorch 규약",
    ),
    ("case", "사례"),
    ("source", "출처"),
    ("θ values bit-identical", "비트까지 같은 θ 값"),
    ("shared", "공유"),
    ("own", "자체"),
    ("pytorch-adamax-quadratic", "pytorch-adamax-quadratic"),
    ("pytorch-adamax-quadratic-⟨1⟩", "pytorch-adamax-quadratic-⟨1⟩"),
    ("pytorch-amsgrad-quadratic", "pytorch-amsgrad-quadratic"),
    ("pytorch-amsgrad-quadratic-⟨1⟩", "pytorch-amsgrad-quadratic-⟨1⟩"),
    ("pytorch-adamw-quadratic", "pytorch-adamw-quadratic"),
    ("pytorch-adamw-quadratic-⟨1⟩", "pytorch-adamw-quadratic-⟨1⟩"),
    // the lessons' tables and titles that core.txt noted
    // compare/overview.rs
    ("quantity", "항목"),
    ("papers", "논문"),
    ("optax", "optax"),
    ("trace", "trace"),
    ("--momentum-decay (ψ)", "--momentum-decay (ψ)"),
    ("where ε goes: √(s + ε) inside, √s + ε outside", "ε의 위치: √(s + ε)은 안쪽, √s + ε은 바깥쪽"),
    ("post / paper", "포스트 / 논문"),
    ("here: paper", "이 과정: paper"),
    ("here: pytorch", "이 과정: pytorch"),
    ("outside", "바깥쪽"),
    ("outside (Kingma & Ba)", "바깥쪽 (Kingma & Ba)"),
    ("outside (Dozat)", "바깥쪽 (Dozat)"),
    // batching/examples
    ("difference", "차이"),
    (
        "Per-example gradient evaluations ∇L(xᵢ, W), counted (N = ⟨1⟩)",
        "예제별 gradient 계산 ∇L(xᵢ, W)의 횟수 (N = ⟨1⟩)",
    ),
    ("std. error", "표준 오차"),
    // gd/examples
    ("value", "값"),
    ("parameters (bias + 3 weights)", "파라미터 (편향 + 가중치 3개)"),
    ("finished", "완료"),
    ("result", "결과"),
    // momentum/examples
    ("running sum", "누적 합"),
    ("y crossed 0", "y가 0을 지난 횟수"),
    ("reference trace", "기준 궤적"),
    ("pytorch-momentum-quadratic.csv", "pytorch-momentum-quadratic.csv"),
    ("paper-momentum-quadratic.csv", "paper-momentum-quadratic.csv"),
    ("the post's equations (numpy)", "포스트의 수식 (numpy)"),
    ("convention", "규약"),
    // nag/examples
    ("vector", "벡터"),
    // adadelta/examples
    ("decaying average, ρ = ⟨1⟩", "감쇠 평균, ρ = ⟨1⟩"),
    ("last w = ⟨1⟩ gradients", "마지막 w = ⟨1⟩개 gradient"),
    ("⟨1⟩ on quadratic: the step", "이차 함수에서의 ⟨1⟩: 스텝"),
    ("h = ⟨1⟩: ratio·h", "h = ⟨1⟩: 비율·h"),
    ("mismatch", "어긋남"),
    (
        "Newton step (the Hessian is singular, −H⁻¹g does not exist)",
        "Newton 스텝 (Hessian이 특이 행렬이어서 −H⁻¹g가 없음)",
    ),
    // adagrad/examples
    ("θ at step ⟨1⟩", "스텝 ⟨1⟩의 θ"),
    ("post / torch", "포스트 / torch"),
    ("error", "오류"),
    // rmsprop/examples
    ("Δθ, ε outside (pytorch)", "Δθ, ε 바깥쪽 (pytorch)"),
    ("inside / outside", "안쪽 / 바깥쪽"),
    // adamax
    (
        "update: u = 0 in a coordinate whose gradients have all been 0 (m/u is 0/0)",
        "업데이트 (gradient가 지금까지 모두 0이었던 좌표에서 u = 0, m/u가 0/0)",
    ),
    // momentum/dynamics
    (
        "momentum η = ⟨1⟩, γ = ⟨2⟩ on ⟨3⟩: the error along each eigenvector (λ = ⟨4⟩)",
        "⟨3⟩에서의 Momentum η = ⟨1⟩, γ = ⟨2⟩: 고유벡터별 오차 (λ = ⟨4⟩)",
    ),
    ("the error along each eigenvector, η = ⟨1⟩, γ = ⟨2⟩", "고유벡터별 오차, η = ⟨1⟩, γ = ⟨2⟩"),
    ("μ₁, μ₂ (closed form)", "μ₁, μ₂ (닫힌 꼴)"),
    ("formula", "공식"),
    // amsgrad
    ("ratio[⟨1⟩]", "비율[⟨1⟩]"),
    // adamw
    ("L2 decay/step θ[⟨1⟩]", "L2 감쇠/스텝 θ[⟨1⟩]"),
    // schedule
    (
        "⟨1⟩ with CosineAnnealingLR(T_max = ⟨2⟩, eta_min = ⟨3⟩) on quadratic",
        "이차 함수에서의 ⟨1⟩, 스케줄 CosineAnnealingLR(T_max = ⟨2⟩, eta_min = ⟨3⟩)",
    ),
    ("max |ours − torch|/η₀", "max |우리 계산 − torch|/η₀"),
    // notebooks/02 code cells
    (
        "GD on 0.1x² + 2y² from (-5, -2), three learning rates",
        "0.1x² + 2y²에서 (-5, -2)부터 시작한 GD, learning rate 세 가지",
    ),
    ("full loss J(θ_t) per update (first N updates)", "업데이트별 전체 loss J(θ_t) (처음 N번의 업데이트)"),
    ("batch GD: J(θ_t) for three learning rates", "batch GD: learning rate 세 가지의 J(θ_t)"),
    // optcore/data.rs
    ("loss on ⟨1⟩ from ⟨2⟩", "⟨2⟩에서 출발한 ⟨1⟩의 loss"),
];
