//! Korean wording of the texts `compare` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[
    // overview.rs
    ("step direction · 스텝 방향", "스텝 방향"),
    ("step size · 스텝 사이즈", "스텝 사이즈"),
    ("both · 둘 다", "둘 다"),
    ("다양한 optimization 기법들: which idea each method adds", "다양한 최적화 기법들: 각 방법이 더하는 아이디어"),
    (r"| method | update (one notation: $g_t = \nabla J(\theta_{t-1})$) | state kept |
|---|---|---|
| Gradient Descent | $\theta_t = \theta_{t-1} - \eta\,g_t$ | — |
| Momentum | $v_t = \gamma v_{t-1} + \eta\,g_t,\quad \theta_t = \theta_{t-1} - v_t$ | $v$ |
| NAG | $g_t = \nabla J(\theta_{t-1} - \gamma v_{t-1}),\quad v_t = \gamma v_{t-1} + \eta\,g_t,\quad \theta_t = \theta_{t-1} - v_t$ | $v$ |
| Adagrad | $G_t = G_{t-1} + g_t^2,\quad \theta_t = \theta_{t-1} - \frac{\eta}{\sqrt{G_t + \epsilon}}\,g_t$ | $G$ (diagonal) |
| Adadelta | $E[g^2]_t = \rho E[g^2]_{t-1} + (1-\rho) g_t^2,\quad \Delta\theta_t = -\frac{\mathrm{RMS}[\Delta\theta]_{t-1}}{\mathrm{RMS}[g]_t}\,g_t,\quad \theta_t = \theta_{t-1} + \Delta\theta_t$ | $E[g^2]$, $E[\Delta\theta^2]$ |
| RMSprop | $E[g^2]_t = \rho E[g^2]_{t-1} + (1-\rho) g_t^2,\quad \theta_t = \theta_{t-1} - \frac{\eta}{\sqrt{E[g^2]_t + \epsilon}}\,g_t$ | $E[g^2]$ |
| Adam | $m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\ v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2,\ \theta_t = \theta_{t-1} - \eta\,\frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon}$ | $m$, $v$ ($\hat m_t = m_t/(1-\beta_1^t)$) |
| NAdam | $\theta_t = \theta_{t-1} - \frac{\eta}{\sqrt{\hat v_t} + \epsilon}\Big(\beta_1\hat m_t + \frac{(1-\beta_1)\,g_t}{1-\beta_1^t}\Big)$ | $m$, $v$ |

Adadelta's $\mathrm{RMS}[x]_t = \sqrt{E[x^2]_t + \epsilon}$. Symbols: η learning rate, γ momentum, ρ decay of a squared average, β₁ and β₂ Adam's two decays, ε the guard against dividing by zero.", r"| 방법 | 업데이트 (한 가지 표기: $g_t = \nabla J(\theta_{t-1})$) | 유지하는 상태 |
|---|---|---|
| Gradient Descent | $\theta_t = \theta_{t-1} - \eta\,g_t$ | — |
| Momentum | $v_t = \gamma v_{t-1} + \eta\,g_t,\quad \theta_t = \theta_{t-1} - v_t$ | $v$ |
| NAG | $g_t = \nabla J(\theta_{t-1} - \gamma v_{t-1}),\quad v_t = \gamma v_{t-1} + \eta\,g_t,\quad \theta_t = \theta_{t-1} - v_t$ | $v$ |
| Adagrad | $G_t = G_{t-1} + g_t^2,\quad \theta_t = \theta_{t-1} - \frac{\eta}{\sqrt{G_t + \epsilon}}\,g_t$ | $G$ (대각) |
| Adadelta | $E[g^2]_t = \rho E[g^2]_{t-1} + (1-\rho) g_t^2,\quad \Delta\theta_t = -\frac{\mathrm{RMS}[\Delta\theta]_{t-1}}{\mathrm{RMS}[g]_t}\,g_t,\quad \theta_t = \theta_{t-1} + \Delta\theta_t$ | $E[g^2]$, $E[\Delta\theta^2]$ |
| RMSprop | $E[g^2]_t = \rho E[g^2]_{t-1} + (1-\rho) g_t^2,\quad \theta_t = \theta_{t-1} - \frac{\eta}{\sqrt{E[g^2]_t + \epsilon}}\,g_t$ | $E[g^2]$ |
| Adam | $m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\ v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2,\ \theta_t = \theta_{t-1} - \eta\,\frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon}$ | $m$, $v$ ($\hat m_t = m_t/(1-\beta_1^t)$) |
| NAdam | $\theta_t = \theta_{t-1} - \frac{\eta}{\sqrt{\hat v_t} + \epsilon}\Big(\beta_1\hat m_t + \frac{(1-\beta_1)\,g_t}{1-\beta_1^t}\Big)$ | $m$, $v$ |

Adadelta의 $\mathrm{RMS}[x]_t = \sqrt{E[x^2]_t + \epsilon}$. 기호: η는 learning rate, γ는 momentum, ρ는 제곱 평균의 감쇠율, β₁과 β₂는 Adam의 두 감쇠율, ε은 영으로 나누기를 막는 작은 값입니다."),
    ("three steps of every method on J = 0.1x² + 2y² from (−5, −2), η = 0.1", "모든 방법의 처음 세 스텝: J = 0.1x² + 2y², (−5, −2)에서 출발, η = 0.1"),
    ("one quantity, many names", "하나의 양, 여러 이름"),
    ("momentum coefficient", "모멘텀 계수"),
    ("μ (Sutskever et al. 2013); β₁ (Adam)", "μ (Sutskever 외 2013); β₁ (Adam)"),
    ("momentum; betas[0]", "momentum; betas[0]"),
    ("decay of the squared average", "제곱 평균의 감쇠율"),
    ("γ (Adadelta section)", "γ (Adadelta 절)"),
    ("ρ (Zeiler); 0.9 in Hinton's lecture; β₂ (Adam)", "ρ (Zeiler); Hinton의 강의에서는 0.9; β₂ (Adam)"),
    ("guard against ÷0", "÷0 방지"),
    ("momentum's memory", "모멘텀의 기억"),
    ("NAdam's momentum schedule", "NAdam의 모멘텀 스케줄"),
    ("— (section empty)", "— (빈 절)"),
    ("— (nadam = adam with nesterov)", "— (nadam = nesterov를 더한 adam)"),
    ("inside (Ruder; Hinton's slide has none)", "안쪽 (Ruder; Hinton의 슬라이드에는 없음)"),
    ("outside (+ eps_root inside)", "바깥쪽 (+ 안쪽에 eps_root)"),
    // lib.rs
    ("step direction", "스텝 방향"),
    ("step size", "스텝 사이즈"),
    ("⟨1⟩ from (⟨2⟩), ⟨3⟩ steps: every method of the post", "⟨1⟩, (⟨2⟩)에서 출발, ⟨3⟩ 스텝: 포스트의 모든 방법"),
    ("method", "방법"),
    ("hyperparameters", "hyperparameter"),
    ("first t: loss < 1e-3", "loss < 1e-3인 첫 t"),
    ("first t: loss < 1e-6", "loss < 1e-6인 첫 t"),
    ("|θ − θ*| at the end", "마지막 |θ − θ*|"),
    ("⟨1⟩: every method from (⟨2⟩)", "⟨1⟩: (⟨2⟩)에서 출발한 모든 방법"),
    ("⟨1⟩: J(θₜ) of every method", "⟨1⟩: 모든 방법의 J(θₜ)"),
    // sweep.rs
    ("family", "계열"),
    ("other hyperparameters", "다른 hyperparameter"),
    ("⟨1⟩: loss after ⟨2⟩ steps for each η (paper convention)", "⟨1⟩: η별 ⟨2⟩ 스텝 후의 loss (paper 규약)"),
    ("✗ t = k: stopped at step k, the loss exceeded ⟨1⟩ (diverged). Adadelta has no η in Zeiler's form (its lr is the algorithm's fixed 1): one run, repeated in every column.", "✗ t = k: 스텝 k에서 loss가 ⟨1⟩보다 커져 멈춘 실행입니다(발산). Zeiler의 형태에서 Adadelta에는 η가 없으므로(lr은 알고리즘에 고정된 1입니다) 한 번 실행한 결과를 모든 열에 되풀이해 적었습니다."),
    ("⟨1⟩: loss after ⟨2⟩ steps against η (✗ runs left out)", "⟨1⟩: η에 따른 ⟨2⟩ 스텝 후의 loss (✗ 실행은 제외)"),
    // iris.rs
    ("softmax on iris (150 flowers, 3 classes), mini-batches of ⟨1⟩, ⟨2⟩ epochs, paper convention", "iris 소프트맥스 (꽃 150송이, 클래스 3개), 크기 ⟨1⟩의 mini-batch, ⟨2⟩ 에폭, paper 규약"),
    ("loss, epoch 1", "loss, 에폭 1"),
    ("final loss", "최종 loss"),
    ("training accuracy", "학습 정확도"),
    ("W = 0 at the start (loss ln 3 = ⟨1⟩). Batches shuffled with seed ⟨2⟩, the same for every method; gradient evaluations count one per example in a batch.", "시작할 때 W = 0입니다(loss ln 3 = ⟨1⟩). batch는 시드 ⟨2⟩로 섞었고 모든 방법에 똑같습니다. gradient 계산 횟수는 batch 안의 예제 하나마다 한 번으로 셉니다."),
    ("softmax on iris, mini-batches of ⟨1⟩: loss after each epoch", "iris 소프트맥스, 크기 ⟨1⟩의 mini-batch: 에폭마다의 loss"),
    // motion.rs
    ("every step, ⟨1⟩ steps", "모든 스텝, 총 ⟨1⟩ 스텝"),
    ("⟨1⟩ frames of ⟨2⟩ steps,\nt = round(⟨3⟩·(k/⟨4⟩)²)", "⟨2⟩ 스텝 중 프레임 ⟨1⟩개,\nt = ⟨3⟩·(k/⟨4⟩)²의 반올림"),
    ("⟨1⟩ frames of ⟨2⟩ steps", "⟨2⟩ 스텝 중 프레임 ⟨1⟩개"),
    ("⟨1⟩: every method from (⟨2⟩), frame by frame", "⟨1⟩: (⟨2⟩)에서 출발한 모든 방법, 프레임별"),
    ("saddle x² − y²: every method from (⟨1⟩)", "안장점 x² − y²: (⟨1⟩)에서 출발한 모든 방법"),
    ("every step, ⟨1⟩ steps;\na marker leaves the box\nonce |y| > 1.5", "모든 스텝, 총 ⟨1⟩ 스텝;\n|y| > 1.5가 되면\n마커가 상자 밖으로 나갑니다"),
    ("⟨1⟩ frames of ⟨2⟩ steps;\na marker leaves the box\nonce |y| > 1.5", "⟨2⟩ 스텝 중 프레임 ⟨1⟩개;\n|y| > 1.5가 되면\n마커가 상자 밖으로 나갑니다"),
    ("escape step t", "탈출 스텝 t"),
    ("x at escape", "탈출할 때의 x"),
    // knobs.rs
    ("diverged at t = ⟨1⟩ (loss > ⟨2⟩)", "t = ⟨1⟩에서 발산 (loss > ⟨2⟩)"),
    ("momentum on 0.1x² + 2y² from ⟨1⟩: loss after ⟨2⟩ steps for each (η, γ)", "0.1x² + 2y², ⟨1⟩에서 출발한 Momentum: (η, γ)별 ⟨2⟩ 스텝 후의 loss"),
    ("✗ t = k: stopped at step k, the loss exceeded ⟨1⟩ (diverged)", "✗ t = k: 스텝 k에서 loss가 ⟨1⟩보다 커져 멈춘 실행입니다(발산)"),
    ("0.1x² + 2y²: momentum from ⟨1⟩", "0.1x² + 2y²: ⟨1⟩에서 출발한 Momentum"),
    // lab/runs.rs
    ("diverged at t = ⟨1⟩", "t = ⟨1⟩에서 발산"),
    ("ran all ⟨1⟩ steps", "⟨1⟩ 스텝 모두 실행"),
    ("(⟨1⟩, …; ⟨2⟩ numbers)", "(⟨1⟩, …; 수 ⟨2⟩개)"),
    ("⟨1⟩ from (⟨2⟩), ⟨3⟩ steps", "⟨1⟩, (⟨2⟩)에서 출발, ⟨3⟩ 스텝"),
    ("last t", "마지막 t"),
    ("θ at last t", "마지막 t의 θ"),
    ("J at last t", "마지막 t의 J"),
    ("first t: J < ⟨1⟩", "J < ⟨1⟩인 첫 t"),
    ("⟨1⟩ from (⟨2⟩), ⟨3⟩ steps: J(θₜ)", "⟨1⟩, (⟨2⟩)에서 출발, ⟨3⟩ 스텝: J(θₜ)"),
    // playground/
    ("Adam, no bias correction", "Adam, 편향 보정 없음"),
    ("batch loss of 3 examples", "예제 3개의 batch loss"),
    ("SGD, constant", "SGD, 고정 learning rate"),
    ("SGD, cosine T = ⟨1⟩", "SGD, 코사인 T = ⟨1⟩"),
    // (other crates, shown by the lab) optcore trace.rs
    ("⟨1⟩/paper (⟨2⟩) on ⟨3⟩", "⟨3⟩에서 ⟨1⟩/paper (⟨2⟩)"),
    ("⟨1⟩/pytorch (⟨2⟩) on ⟨3⟩", "⟨3⟩에서 ⟨1⟩/pytorch (⟨2⟩)"),
    // plots contour.rs
    ("minimum (⟨1⟩)", "최소점 (⟨1⟩)"),
    // gd examples/side_by_side.rs, learning_rate.rs
    ("final ‖θ − w*‖", "최종 ‖θ − w*‖"),
    ("setting", "설정"),
    ("batch size m = 0", "batch 크기 m = 0"),
    ("batch size m = ⟨1⟩ > N = ⟨2⟩", "batch 크기 m = ⟨1⟩ > N = ⟨2⟩"),
    // momentum examples/weights.rs, flat_end.rs, dynamics
    ("age k (steps)", "k (몇 스텝 전)"),
    ("GD: final θ", "GD: 최종 θ"),
    ("position θₜ", "위치 θₜ"),
    ("ρ ≥ 1: diverges", "ρ ≥ 1: 발산"),
    ("point", "점"),
    ("diverging", "발산"),
    // nag examples/less_oscillation.rs
    ("stopped", "멈춤"),
    ("⟨1⟩: distance to the minimum, η = ⟨2⟩, γ = ⟨3⟩", "⟨1⟩: 최소점까지의 거리, η = ⟨2⟩, γ = ⟨3⟩"),
    // adagrad examples/diagonal.rs
    ("quadratic 0.1x² + 2y²", "이차 함수 0.1x² + 2y²"),
    ("⟨1⟩: full Σ g gᵀ", "⟨1⟩: 전체 Σ g gᵀ"),
    // adadelta examples/newton_run.rs, rescaling_theta.rs
    ("SGD η = ⟨1⟩ (⟨2⟩ steps)", "SGD η = ⟨1⟩ (⟨2⟩ 스텝)"),
    ("Adagrad η = ⟨1⟩ (⟨2⟩ steps)", "Adagrad η = ⟨1⟩ (⟨2⟩ 스텝)"),
    ("method (problem)", "방법 (문제)"),
    ("⟨1⟩ (quadratic)", "⟨1⟩ (이차 함수)"),
    // rmsprop examples.rs
    ("RMSprop's first step, η = ⟨1⟩, ρ = ⟨2⟩, ε = ⟨3⟩: where ε goes", "RMSprop의 첫 스텝, η = ⟨1⟩, ρ = ⟨2⟩, ε = ⟨3⟩: ε의 위치"),
    // adam / adamw / adamax examples
    ("problem", "문제"),
    ("start", "시작점"),
    ("θ[0] at the end", "마지막 θ[0]"),
    ("θ[1] at the end", "마지막 θ[1]"),
    ("all ⟨1⟩ steps", "⟨1⟩ 스텝 모두"),
    // schedule examples.rs
    ("steps", "스텝 수"),
    ("schedule", "스케줄"),
    ("loss (log scale)", "loss (로그 눈금)"),
    ("rate (log scale)", "learning rate (로그 눈금)"),
    ("quadratic: ⟨1⟩ steps from (−5, −2); iris: mini-batches of ⟨2⟩, ⟨3⟩ steps", "이차 함수: (−5, −2)에서 ⟨1⟩ 스텝; iris: 크기 ⟨2⟩의 mini-batch, ⟨3⟩ 스텝"),
    // compare/overview.rs (headers), compare/lab (columns)
    ("post", "포스트"),
    ("here", "이 과정"),
    ("run", "실행"),
    ("stop", "멈춤"),
];
