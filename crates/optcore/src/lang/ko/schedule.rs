//! Korean wording of the texts `schedule` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[
    // examples.rs
    ("not within the run", "실행 안에서 도달하지 못함"),
    ("lowest loss", "가장 낮은 loss"),
    ("first t below", "기준 미만 첫 t"),
    (
        "first t below: the first step with J(θₜ) < ⟨1⟩",
        "기준 미만 첫 t: 처음으로 J(θₜ) < ⟨1⟩인 스텝",
    ),
    (
        "iris softmax, mini-batches of ⟨1⟩, ⟨2⟩ steps: SGD (η₀ = ⟨3⟩) and Adam (η₀ = ⟨4⟩)",
        "iris 소프트맥스 분류, 크기 ⟨1⟩의 mini-batch로 ⟨2⟩ 스텝: SGD (η₀ = ⟨3⟩)와 Adam (η₀ = ⟨4⟩)",
    ),
    ("last epoch: max − min", "마지막 에폭: max − min"),
    (
        "last epoch: the spread of the full-data loss over the last ⟨1⟩ steps, how much the batches still shake θ",
        "마지막 에폭: 마지막 ⟨1⟩ 스텝 동안 전체 데이터 loss가 움직인 폭으로, batch가 아직 θ를 얼마나 흔드는지 보여 줍니다",
    ),
    (
        "Adagrad (η = ⟨1⟩): the rate η/√(Gₜ + ε) it applies",
        "Adagrad (η = ⟨1⟩)가 적용하는 실효 learning rate η/√(Gₜ + ε)",
    ),
    ("quadratic, x", "이차 함수, x"),
    ("quadratic, y", "이차 함수, y"),
    ("iris, mean over W", "iris, W 전체 평균"),
    ("iris, mean × √t", "iris, 평균 × √t"),
    (
        "Adadelta (Zeiler, ρ = ⟨1⟩, ε = ⟨2⟩): the rate RMS[Δθ]ₜ₋₁/RMS[g]ₜ it applies",
        "Adadelta (paper 규약, ρ = ⟨1⟩, ε = ⟨2⟩)가 적용하는 실효 learning rate RMS[Δθ]ₜ₋₁/RMS[g]ₜ",
    ),
    (
        "the rate each method applies on iris (mean over W)",
        "iris에서 각 방법이 적용하는 실효 learning rate (W 전체 평균)",
    ),
    (
        "Adagrad's first rate × 1/√t (for comparison)",
        "Adagrad의 첫 실효 learning rate × 1/√t (비교용)",
    ),
    // exercises.rs
    (
        "`StepLR(step_size = 10, gamma = 0.5)` with $\\eta_0 = 0.4$: the rate step $t = 10$ runs with",
        "$\\eta_0 = 0.4$에 `StepLR(step_size = 10, gamma = 0.5)`를 적용했을 때 스텝 $t = 10$이 실행되는 learning rate",
    ),
    (
        "that is η(10), set by the 10th scheduler.step() after step 10: step t runs with η(t − 1)",
        "그 값은 스텝 10이 끝난 뒤 10번째 scheduler.step() 호출이 정하는 η(10)입니다. 스텝 t는 η(t − 1)로 실행됩니다",
    ),
    (
        "✗ not quite (아깝습니다): that is η(10), set by the 10th scheduler.step() after step 10: step t runs with η(t − 1)",
        "✗ 아깝습니다: 그 값은 스텝 10이 끝난 뒤 10번째 scheduler.step() 호출이 정하는 η(10)입니다. 스텝 t는 η(t − 1)로 실행됩니다",
    ),
    (
        "`CosineAnnealingLR(T_max = 50, eta_min = 0)` with $\\eta_0 = 0.4$: the rate step $t = 26$ runs with",
        "$\\eta_0 = 0.4$에 `CosineAnnealingLR(T_max = 50, eta_min = 0)`을 적용했을 때 스텝 $t = 26$이 실행되는 learning rate",
    ),
    (
        "that is η(26): step t runs with η(t − 1), here k = 25, halfway down the cosine",
        "그 값은 η(26)입니다. 스텝 t는 η(t − 1)로 실행되므로 여기서는 k = 25이고, 코사인 곡선을 절반 내려온 지점입니다",
    ),
    (
        "the cosine's argument is πk/T (half a turn over T steps), not πk/(2T)",
        "코사인의 인자는 πk/(2T)가 아니라 πk/T입니다(T 스텝 동안 반 바퀴)",
    ),
    (
        "`LinearLR(start_factor = 0.1, end_factor = 1, total_iters = 10)` with $\\eta_0 = 0.4$: the rate of the first step, $t = 1$",
        "$\\eta_0 = 0.4$에 `LinearLR(start_factor = 0.1, end_factor = 1, total_iters = 10)`을 적용했을 때 첫 스텝 $t = 1$의 learning rate",
    ),
    (
        "the warmup starts at start_factor·η₀: torch multiplies lr by start_factor when the scheduler is built",
        "워밍업은 start_factor·η₀에서 시작합니다. torch는 스케줄러를 만들 때 lr에 start_factor를 곱합니다",
    ),
    (
        "that is η(1), the rate of step 2: step t runs with η(t − 1)",
        "그 값은 스텝 2의 learning rate인 η(1)입니다. 스텝 t는 η(t − 1)로 실행됩니다",
    ),
    // exercises.rs: the answers (optcore::exercise::solutions of all three)
    (
        "**`StepLR(step_size = 10, gamma = 0.5)` with $\\eta_0 = 0.4$: the rate step $t = 10$ runs with** = 0.4000\n\
         - 0.2000 would be: that is η(10), set by the 10th scheduler.step() after step 10: step t runs with η(t − 1)\n\
         \n\
         **`CosineAnnealingLR(T_max = 50, eta_min = 0)` with $\\eta_0 = 0.4$: the rate step $t = 26$ runs with** = 0.2000\n\
         - 0.1874 would be: that is η(26): step t runs with η(t − 1), here k = 25, halfway down the cosine\n\
         - 0.3414 would be: the cosine's argument is πk/T (half a turn over T steps), not πk/(2T)\n\
         \n\
         **`LinearLR(start_factor = 0.1, end_factor = 1, total_iters = 10)` with $\\eta_0 = 0.4$: the rate of the first step, $t = 1$** = 0.04000\n\
         - 0.4000 would be: the warmup starts at start_factor·η₀: torch multiplies lr by start_factor when the scheduler is built\n\
         - 0.07600 would be: that is η(1), the rate of step 2: step t runs with η(t − 1)",
        "**$\\eta_0 = 0.4$에 `StepLR(step_size = 10, gamma = 0.5)`를 적용했을 때 스텝 $t = 10$이 실행되는 learning rate** = 0.4000\n- 답이 0.2000인 경우: 그 값은 스텝 10이 끝난 뒤 10번째 scheduler.step() 호출이 정하는 η(10)입니다. 스텝 t는 η(t − 1)로 실행됩니다\n\n**$\\eta_0 = 0.4$에 `CosineAnnealingLR(T_max = 50, eta_min = 0)`을 적용했을 때 스텝 $t = 26$이 실행되는 learning rate** = 0.2000\n- 답이 0.1874인 경우: 그 값은 η(26)입니다. 스텝 t는 η(t − 1)로 실행되므로 여기서는 k = 25이고, 코사인 곡선을 절반 내려온 지점입니다\n- 답이 0.3414인 경우: 코사인의 인자는 πk/(2T)가 아니라 πk/T입니다(T 스텝 동안 반 바퀴)\n\n**$\\eta_0 = 0.4$에 `LinearLR(start_factor = 0.1, end_factor = 1, total_iters = 10)`을 적용했을 때 첫 스텝 $t = 1$의 learning rate** = 0.04000\n- 답이 0.4000인 경우: 워밍업은 start_factor·η₀에서 시작합니다. torch는 스케줄러를 만들 때 lr에 start_factor를 곱합니다\n- 답이 0.07600인 경우: 그 값은 스텝 2의 learning rate인 η(1)입니다. 스텝 t는 η(t − 1)로 실행됩니다",
    ),
    // reference.rs
    ("exponential-0.95", "지수-0.95"),
    ("exponential-0.5", "지수-0.5"),
    ("cosine-50-0", "코사인-50-0"),
    ("cosine-20-0.01", "코사인-20-0.01"),
    (
        "our closed forms against the rates torch set (torch-lr.csv)",
        "닫힌 꼴로 계산한 learning rate와 torch가 설정한 learning rate의 비교 (torch-lr.csv)",
    ),
    (
        "Scheduled against torch.optim with lr_scheduler on 0.1x² + 2y² (torch-runs.csv)",
        "0.1x² + 2y²에서 스케줄을 적용한 optimizer와 lr_scheduler를 붙인 torch.optim의 비교 (torch-runs.csv)",
    ),
    ("SGD (η₀ = 0.4) with ⟨1⟩", "SGD (η₀ = 0.4), ⟨1⟩ 적용"),
    (
        "SGD, momentum 0.9 (η₀ = 0.05) with ⟨1⟩",
        "SGD, momentum 0.9 (η₀ = 0.05), ⟨1⟩ 적용",
    ),
    ("Adam (η₀ = 0.5) with ⟨1⟩", "Adam (η₀ = 0.5), ⟨1⟩ 적용"),
    // momentum: dynamics/examples.rs (a point's label, listed with this crate's texts)
    ("small step", "작은 스텝"),
    // momentum: examples/ill_conditioned.rs (listed with this crate's texts)
    ("— = not within the run", "— = 실행 안에서 도달하지 못함"),
    // notebooks/13 code cells
    (
        "a fused multiply-add in torch's update, and std's cos against libm's",
        "torch 갱신식의 융합 곱셈-덧셈, 그리고 표준 라이브러리와 수학 라이브러리의 코사인 계산 차이",
    ),
    (
        "✓ your rule and the library agree within 1e-12 relative at every one of the 8 steps (a fused multiply-add in torch's update, and std's cos against libm's)",
        "✓ 여러분의 규칙과 라이브러리가 8 스텝 모두에서 상대 오차 1e-12 이내로 일치합니다(차이의 원인: torch 갱신식의 융합 곱셈-덧셈, 그리고 표준 라이브러리와 수학 라이브러리의 코사인 계산 차이)",
    ),
    // schedule/examples.rs
    ("ηₜ for η₀ = ⟨1⟩", "η₀ = ⟨1⟩일 때의 ηₜ"),
    // compare/section_sliders.rs (notebook 13's period slider: run labels)
    ("cosine", "코사인"),
    ("constant η = ⟨1⟩", "고정 η = ⟨1⟩"),
];
