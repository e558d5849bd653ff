//! Korean wording of the texts `rmsprop` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[
    // examples.rs
    (
        r#"RMSprop, paper convention (η = ⟨1⟩, ρ = ⟨2⟩, ε = ⟨3⟩), on $J = 0.1x^2 + 2y^2$ from $(⟨4⟩, ⟨5⟩)$. Columns: $g_t$, $E[g^2]_t = \rho E[g^2]_{t-1} + (1-\rho)g_t^2$, $d = \sqrt{E[g^2]_t + \epsilon}$, the effective rate $\eta/d$, and $\theta_t$."#,
        r#"paper 규약의 RMSprop(η = ⟨1⟩, ρ = ⟨2⟩, ε = ⟨3⟩)을 $(⟨4⟩, ⟨5⟩)$에서 출발해 $J = 0.1x^2 + 2y^2$에 적용합니다. 열은 차례로 $g_t$, $E[g^2]_t = \rho E[g^2]_{t-1} + (1-\rho)g_t^2$, $d = \sqrt{E[g^2]_t + \epsilon}$, 실효 learning rate $\eta/d$, $\theta_t$입니다."#,
    ),
    (
        r#"At $t = 1$, $E[g^2]_1 = (1-\rho)g_1^2$, so every coordinate moves by $\eta/\sqrt{1-\rho} = ⟨1⟩\,\eta$ whatever the size of its gradient: $x$ (gradient ⟨2⟩) and $y$ (gradient ⟨3⟩) both move by about ⟨4⟩. The step is scaled per coordinate by the gradient's own recent size."#,
        r#"$t = 1$에서는 $E[g^2]_1 = (1-\rho)g_1^2$이므로, 모든 좌표가 gradient의 크기와 상관없이 $\eta/\sqrt{1-\rho} = ⟨1⟩\,\eta$만큼 움직입니다: $x$(gradient ⟨2⟩)와 $y$(gradient ⟨3⟩) 모두 약 ⟨4⟩만큼 움직입니다. 스텝의 크기는 좌표마다 그 gradient 자신의 최근 크기에 맞춰 조정됩니다."#,
    ),
    (
        "with ε inside the root the step shrinks once √E[g²] nears √ε = 1e-4; outside, only once it nears ε = 1e-8",
        "ε이 제곱근 안에 있으면 √E[g²]이 √ε = 1e-4에 가까워질 때부터 스텝이 줄어들고, 밖에 있으면 ε = 1e-8에 가까워져야 비로소 줄어듭니다",
    ),
    (
        "pytorch defaults",
        "pytorch 기본값",
    ),
    (
        "pytorch, centered",
        "pytorch, 중심화",
    ),
    (
        "pytorch, centered + momentum ⟨1⟩",
        "pytorch, 중심화 + momentum ⟨1⟩",
    ),
    (
        "RMSprop variants, η = ⟨1⟩, ⟨2⟩ steps",
        "RMSprop의 변형들, η = ⟨1⟩, ⟨2⟩ 스텝",
    ),
    (
        "RMSprop on 0.1x² + 2y², η = ⟨1⟩, ⟨2⟩ steps",
        "0.1x² + 2y²에서의 RMSprop, η = ⟨1⟩, ⟨2⟩ 스텝",
    ),
    (
        "effective rates on the quadratic: Adagrad ⟨1⟩, RMSprop ⟨2⟩",
        "이차 함수에서의 실효 learning rate: Adagrad ⟨1⟩, RMSprop ⟨2⟩",
    ),
    (
        "Adagrad's rate only falls (G only grows); RMSprop's follows the recent gradient size and rises again as the gradient shrinks near the minimum",
        "Adagrad의 learning rate는 떨어지기만 합니다(G가 커지기만 하므로). RMSprop의 learning rate는 최근 gradient의 크기를 따라가므로, 최소점 근처에서 gradient가 작아지면 다시 커집니다",
    ),
    (
        "effective learning rate per coordinate, η = ⟨1⟩",
        "좌표별 실효 learning rate, η = ⟨1⟩",
    ),

    // exercises.rs (each exercise's verdicts, then the answer section)
    (
        "✗ not quite (아깝습니다): the new square needs the weight 1 − ρ: E[g²]ₜ = ρE[g²]ₜ₋₁ + (1 − ρ)gₜ², not ρE[g²]ₜ₋₁ + gₜ²",
        "✗ 아깝습니다: 새 제곱에는 가중치 1 − ρ가 붙습니다: ρE[g²]ₜ₋₁ + gₜ² 대신 E[g²]ₜ = ρE[g²]ₜ₋₁ + (1 − ρ)gₜ²로 계산해야 합니다",
    ),
    (
        "✗ not quite (아깝습니다): ρ and 1 − ρ are swapped: ρ = 0.9 weighs the old average, 1 − ρ = 0.1 the new square",
        "✗ 아깝습니다: ρ와 1 − ρ가 뒤바뀌었습니다: ρ = 0.9는 이전 평균의 가중치, 1 − ρ = 0.1은 새 제곱의 가중치입니다",
    ),
    (
        "✗ not quite (아깝습니다): that is the plain mean of the last two squares; RMSprop keeps a decaying average started at 0",
        "✗ 아깝습니다: 그 값은 마지막 두 제곱의 단순 평균입니다. RMSprop은 0에서 시작하는 지수 감쇠 평균을 유지합니다",
    ),
    (
        "✗ not quite (아깝습니다): E[g²]₁ = (1 − ρ)g₁² (the average starts at 0), not g₁²: the first step is η/√(1 − ρ), about 3.16η",
        "✗ 아깝습니다: E[g²]₁은 g₁²이 아니라 (1 − ρ)g₁²입니다(평균이 0에서 시작하므로): 첫 스텝은 η/√(1 − ρ), 약 3.16η입니다",
    ),
    (
        "✗ not quite (아깝습니다): the root is missing: divide by √(E[g²]₁ + ε), not by E[g²]₁",
        "✗ 아깝습니다: 제곱근이 빠졌습니다: E[g²]₁이 아니라 √(E[g²]₁ + ε)으로 나눕니다",
    ),
    (
        "✗ not quite (아깝습니다): the sign is wrong: g₁ = 0.2·(−5) = −1 < 0, so x moves up, against the gradient",
        "✗ 아깝습니다: 부호가 반대입니다: g₁ = 0.2·(−5) = −1 < 0이므로 x는 gradient를 거슬러 위로 움직입니다",
    ),
    (
        "**$E[g^2]_2$ for $g_1 = 2$, $g_2 = 1$, $\\rho = 0.9$, starting from $E[g^2]_0 = 0$** = 0.4600\n- 4.600 would be: the new square needs the weight 1 − ρ: E[g²]ₜ = ρE[g²]ₜ₋₁ + (1 − ρ)gₜ², not ρE[g²]ₜ₋₁ + gₜ²\n- 1.260 would be: ρ and 1 − ρ are swapped: ρ = 0.9 weighs the old average, 1 − ρ = 0.1 the new square\n- 2.500 would be: that is the plain mean of the last two squares; RMSprop keeps a decaying average started at 0\n\n**the first step $\\Delta x_1 = x_1 - x_0$ of RMSprop ($\\eta = 0.1$, $\\rho = 0.9$, $\\epsilon = 10^{-8}$) on $0.1x^2 + 2y^2$ from $(-5, -2)$** = 0.3162\n- 0.1000 would be: E[g²]₁ = (1 − ρ)g₁² (the average starts at 0), not g₁²: the first step is η/√(1 − ρ), about 3.16η\n- 1.000 would be: the root is missing: divide by √(E[g²]₁ + ε), not by E[g²]₁\n- -0.3162 would be: the sign is wrong: g₁ = 0.2·(−5) = −1 < 0, so x moves up, against the gradient",
        "**$E[g^2]_0 = 0$에서 시작할 때 $g_1 = 2$, $g_2 = 1$, $\\rho = 0.9$에 대한 $E[g^2]_2$** = 0.4600\n- 4.600인 경우: 새 제곱에는 가중치 1 − ρ가 붙습니다: ρE[g²]ₜ₋₁ + gₜ² 대신 E[g²]ₜ = ρE[g²]ₜ₋₁ + (1 − ρ)gₜ²로 계산해야 합니다\n- 1.260인 경우: ρ와 1 − ρ가 뒤바뀌었습니다: ρ = 0.9는 이전 평균의 가중치, 1 − ρ = 0.1은 새 제곱의 가중치입니다\n- 2.500인 경우: 그 값은 마지막 두 제곱의 단순 평균입니다. RMSprop은 0에서 시작하는 지수 감쇠 평균을 유지합니다\n\n**$(-5, -2)$에서 출발해 $0.1x^2 + 2y^2$에 적용한 RMSprop($\\eta = 0.1$, $\\rho = 0.9$, $\\epsilon = 10^{-8}$)의 첫 스텝 $\\Delta x_1 = x_1 - x_0$** = 0.3162\n- 0.1000인 경우: E[g²]₁은 g₁²이 아니라 (1 − ρ)g₁²입니다(평균이 0에서 시작하므로): 첫 스텝은 η/√(1 − ρ), 약 3.16η입니다\n- 1.000인 경우: 제곱근이 빠졌습니다: E[g²]₁이 아니라 √(E[g²]₁ + ε)으로 나눕니다\n- -0.3162인 경우: 부호가 반대입니다: g₁ = 0.2·(−5) = −1 < 0이므로 x는 gradient를 거슬러 위로 움직입니다",
    ),
];
