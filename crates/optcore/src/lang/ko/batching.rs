//! Korean wording of the texts `batching` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[
    // examples/mod.rs
    ("setosa", "세토사"),
    ("versicolor", "버시컬러"),
    ("virginica", "버지니카"),
    ("∂L/∂W[⟨1⟩, ⟨2⟩]", "∂L/∂W[⟨1⟩, ⟨2⟩]"),
    // examples/batch_loss.rs
    (
        "The batch x = [x₁ … x_⟨1⟩] (first batch of the epoch, seed ⟨2⟩)",
        "batch x = [x₁ … x_⟨1⟩] (에폭의 첫 batch, 시드 ⟨2⟩)",
    ),
    ("species", "품종"),
    (
        "Mean of the per-example values vs the batch loss and gradient",
        "예제별 값의 평균과 batch의 loss·gradient 비교",
    ),
    ("batch", "batch"),
    (
        "largest |difference| = ⟨1⟩: identical to the last bit, since 1/m = 1/⟨2⟩ is a power of two and scaling by it is exact",
        "가장 큰 |차이| = ⟨1⟩: 마지막 비트까지 같습니다. 1/m = 1/⟨2⟩은 둘의 거듭제곱이라 곱해도 지수만 바뀌고 반올림이 생기지 않기 때문입니다",
    ),
    ("largest |difference| = ⟨1⟩: identical to the last bit", "가장 큰 |차이| = ⟨1⟩: 마지막 비트까지 같습니다"),
    (
        "largest |difference| = ⟨1⟩: the batch adds (1/m)·∇L(xᵢ, W) while the mean divides Σ ∇L(xᵢ, W) by m, so the two round apart in the last bits",
        "가장 큰 |차이| = ⟨1⟩: batch는 (1/m)·∇L(xᵢ, W)를 더해 가고 평균은 Σ ∇L(xᵢ, W)를 m으로 나누므로, 둘은 마지막 몇 비트에서 반올림이 갈립니다",
    ),
    (
        "W: ⟨1⟩ full-batch gradient steps (η = ⟨2⟩) from W = 0 on ⟨3⟩; full-data loss L = ⟨4⟩.",
        "W: W = 0에서 출발해 ⟨3⟩에 대해 전체 batch gradient 스텝을 ⟨1⟩번(η = ⟨2⟩) 밟은 값입니다. 전체 데이터의 loss L = ⟨4⟩입니다.",
    ),
    // examples/cost.rs
    ("evaluations for update 1", "업데이트 1의 계산 횟수"),
    ("updates per epoch", "에폭당 업데이트 수"),
    ("mean evaluations per update", "업데이트당 평균 계산 횟수"),
    (
        "One update costs m gradient evaluations; one epoch costs N whatever m is. A smaller m buys more updates for the same work.",
        "업데이트 한 번에는 gradient 계산이 m번 들고, 한 에폭에는 m과 상관없이 N번이 듭니다. m이 작을수록 같은 계산으로 더 많이 업데이트합니다.",
    ),
    // examples/epochs.rs
    ("One epoch over N = ⟨1⟩ examples", "예제 N = ⟨1⟩개에 대한 한 에폭"),
    ("last batch", "마지막 batch"),
    ("last batch size", "마지막 batch 크기"),
    ("examples used", "사용한 예제 수"),
    ("examples dropped", "버린 예제 수"),
    ("Keep", "Keep"),
    ("Drop", "Drop"),
    (
        "Keep: ⌈N/m⌉ updates, the last one on N mod m examples when m does not divide N. Drop: ⌊N/m⌋ updates of exactly m examples; the N mod m left over are skipped this epoch (a different set each epoch, since every epoch reshuffles).",
        "Keep: 업데이트 ⌈N/m⌉번. N이 m으로 나누어떨어지지 않으면 마지막 업데이트는 N을 m으로 나눈 나머지만큼의 예제로 합니다. Drop: 정확히 예제 m개씩으로 업데이트 ⌊N/m⌋번. 남는 나머지 예제는 이번 에폭에서 건너뜁니다(에폭마다 다시 섞으므로 에폭마다 다른 예제들입니다).",
    ),
    ("epochs", "에폭 수"),
    ("epoch", "에폭"),
    ("batches", "batch"),
    ("dropped", "버린 예제"),
    (
        "Same seed, same first shuffle: Keep and Drop see the same order; Drop skips its tail.",
        "같은 시드, 같은 첫 셔플: Keep과 Drop은 같은 순서를 보고, Drop은 끝부분을 건너뜁니다.",
    ),
    // examples/hard_example.rs
    (
        "Share of example ⟨1⟩ in the batches that contain it (⟨2⟩ epochs, seed ⟨3⟩)",
        "예제 ⟨1⟩번이 든 batch에서 그 예제의 비중 (에폭 ⟨2⟩번, 시드 ⟨3⟩)",
    ),
    ("batches with it", "그 예제가 든 batch 수"),
    ("loss share", "loss 비중"),
    ("gradient share", "gradient 비중"),
    ("m × gradient share", "m × gradient 비중"),
    ("cos(ĝ_B, ∇L(x_hard, W))", "코사인(ĝ_B, ∇L($x_\\text{hard}$, W))"),
    (
        "loss share = (1/m)·L(x_hard, W) / L(x_B, W); gradient share = ‖(1/m)·∇L(x_hard, W)‖ / ‖ĝ_B‖; both averaged over the batches containing the hard example. Its weight in the mean is exactly 1/m. While m is small the hard example is most of its batch; as m grows the rest of the batch approaches the full gradient, the share approaches ‖∇L(x_hard, W)‖ / (m·‖∇L(x, W)‖) and m × share levels off at that ratio; the cosine shows the averaged step no longer points to where the hard example wants to go.",
        "loss 비중 = (1/m)·L($x_\\text{hard}$, W) / L(x_B, W), gradient 비중 = ‖(1/m)·∇L($x_\\text{hard}$, W)‖ / ‖ĝ_B‖이며, 둘 다 어려운 예제가 든 batch들에 대해 평균했습니다. 평균에서 그 예제의 가중치는 정확히 1/m입니다. m이 작을 때는 어려운 예제가 batch의 대부분을 차지합니다. m이 커지면 batch의 나머지가 전체 gradient에 가까워져 비중은 ‖∇L($x_\\text{hard}$, W)‖ / (m·‖∇L(x, W)‖)에 다가가고, m × 비중은 그 비율 근처에서 평평해집니다. 코사인은 평균한 스텝이 더 이상 어려운 예제가 가려는 쪽을 향하지 않음을 보여 줍니다.",
    ),
    (
        "The hardest example at W: flower ⟨1⟩, a ⟨2⟩ the model calls ⟨3⟩ (L(x_hard, W) = ⟨4⟩, ‖∇L(x_hard, W)‖ = ⟨5⟩); the mean loss over all ⟨6⟩ flowers is ⟨7⟩ and ‖∇L(x, W)‖ = ⟨8⟩, so ‖∇L(x_hard, W)‖ / ‖∇L(x, W)‖ = ⟨9⟩.",
        "W에서 가장 어려운 예제는 꽃 ⟨1⟩번으로, 모델이 ⟨3⟩로 분류하는 ⟨2⟩입니다($L(x_\\text{hard}, W)$ = ⟨4⟩, $\\|\\nabla L(x_\\text{hard}, W)\\|$ = ⟨5⟩). 꽃 ⟨6⟩송이 전체의 평균 loss는 ⟨7⟩, $\\|\\nabla L(\\mathbf{x}, W)\\|$는 ⟨8⟩입니다. 따라서 $\\|\\nabla L(x_\\text{hard}, W)\\| / \\|\\nabla L(\\mathbf{x}, W)\\|$ = ⟨9⟩입니다.",
    ),
    // examples/variance.rs
    (
        "E‖ĝ_B − ∇L(x, W)‖² over ⟨1⟩ seeded draws per m (N = ⟨2⟩, σ² = ⟨3⟩, seed ⟨4⟩)",
        "m마다 시드를 정해 ⟨1⟩번 뽑은 E‖ĝ_B − ∇L(x, W)‖² (N = ⟨2⟩, σ² = ⟨3⟩, 시드 ⟨4⟩)",
    ),
    (
        "z = (measured − formula) / std. error. The factor (N−m)/(N−1) is the finite-population correction: a batch drawn without replacement from N examples varies a little less than σ²/m, and not at all at m = N, where ĝ_B is the full gradient.",
        "z = (측정값 − 공식) / 표준 오차. 인수 (N−m)/(N−1)은 유한 모집단 보정입니다: 예제 N개에서 비복원으로 뽑은 batch는 σ²/m보다 조금 덜 흩어지고, ĝ_B가 전체 gradient가 되는 m = N에서는 전혀 흩어지지 않습니다.",
    ),
    // exercises.rs
    (
        "∇_w L(x, w) for the batch x = (1, 2, 3) with targets y = (2, 2, 5), L(xᵢ, w) = ½(w xᵢ − yᵢ)², at w = 1",
        "batch x = (1, 2, 3), 정답 y = (2, 2, 5), L(xᵢ, w) = ½(w xᵢ − yᵢ)²일 때 w = 1에서의 ∇_w L(x, w)",
    ),
    (
        "that is the sum Σ ∇L(xᵢ, w): the batch loss is the mean, divide by m",
        "그 값은 합 Σ ∇L(xᵢ, w)입니다: batch loss는 평균이므로 m으로 나누세요",
    ),
    (
        "the factor xᵢ of the chain rule is missing: ∂/∂w ½(w xᵢ − yᵢ)² = (w xᵢ − yᵢ)·xᵢ",
        "연쇄 법칙의 인수 xᵢ가 빠졌습니다: ∂/∂w ½(w xᵢ − yᵢ)² = (w xᵢ − yᵢ)·xᵢ",
    ),
    (
        "the sign is flipped: the residual is w xᵢ − yᵢ, not yᵢ − w xᵢ",
        "부호가 뒤집혔습니다: 잔차는 yᵢ − w xᵢ가 아니라 w xᵢ − yᵢ입니다",
    ),
    (
        "Updates in one epoch: N = 150, m = 32, last batch kept (drop_last=False)",
        "한 에폭의 업데이트 수: N = 150, m = 32, 마지막 batch 유지 (drop_last=False)",
    ),
    (
        "⌊N/m⌋ counts full batches only: that is drop_last=True; the short last batch is one more update",
        "⌊N/m⌋은 꽉 찬 batch만 셉니다: drop_last=True일 때의 값입니다. 짧은 마지막 batch도 업데이트 한 번입니다",
    ),
    (
        "N/m is not a whole number of updates: round up, ⌈N/m⌉",
        "N/m은 정수가 아니라 업데이트 횟수가 될 수 없습니다: 올림해서 ⌈N/m⌉입니다",
    ),
    (
        "that is the per-example gradient evaluations of an epoch, not the updates",
        "그 값은 업데이트 수가 아니라 한 에폭의 예제별 gradient 계산 횟수입니다",
    ),
    (
        "E‖ĝ_B − ∇L‖² for σ² = 2, N = 150, m = 16 (batch drawn without replacement)",
        "σ² = 2, N = 150, m = 16일 때의 E‖ĝ_B − ∇L‖² (batch는 비복원 추출)",
    ),
    (
        "the finite-population correction (N − m)/(N − 1) is missing: σ²/m holds for draws with replacement",
        "유한 모집단 보정 (N − m)/(N − 1)이 빠졌습니다: σ²/m은 복원 추출일 때 성립합니다",
    ),
    ("the division by m is missing", "m으로 나누는 부분이 빠졌습니다"),
    (
        "N where N − 1 belongs in the correction (N − m)/(N − 1)",
        "보정 (N − m)/(N − 1)에서 N − 1 자리에 N을 썼습니다",
    ),
    // the answers section of notebook 01 (optcore::exercise::solutions joins them)
    (
        "**∇_w L(x, w) for the batch x = (1, 2, 3) with targets y = (2, 2, 5), L(xᵢ, w) = ½(w xᵢ − yᵢ)², at w = 1** = -2.333\n- -7.000 would be: that is the sum Σ ∇L(xᵢ, w): the batch loss is the mean, divide by m\n- -1.000 would be: the factor xᵢ of the chain rule is missing: ∂/∂w ½(w xᵢ − yᵢ)² = (w xᵢ − yᵢ)·xᵢ\n- 2.333 would be: the sign is flipped: the residual is w xᵢ − yᵢ, not yᵢ − w xᵢ\n\n**Updates in one epoch: N = 150, m = 32, last batch kept (drop_last=False)** = 5.000\n- 4.000 would be: ⌊N/m⌋ counts full batches only: that is drop_last=True; the short last batch is one more update\n- 4.688 would be: N/m is not a whole number of updates: round up, ⌈N/m⌉\n- 150.0 would be: that is the per-example gradient evaluations of an epoch, not the updates\n\n**E‖ĝ_B − ∇L‖² for σ² = 2, N = 150, m = 16 (batch drawn without replacement)** = 0.1124\n- 0.1250 would be: the finite-population correction (N − m)/(N − 1) is missing: σ²/m holds for draws with replacement\n- 1.799 would be: the division by m is missing\n- 0.1117 would be: N where N − 1 belongs in the correction (N − m)/(N − 1)",
        "**batch x = (1, 2, 3), 정답 y = (2, 2, 5), L(xᵢ, w) = ½(w xᵢ − yᵢ)²일 때 w = 1에서의 ∇_w L(x, w)** = -2.333\n- 답이 -7.000인 경우: 그 값은 합 Σ ∇L(xᵢ, w)입니다: batch loss는 평균이므로 m으로 나누세요\n- 답이 -1.000인 경우: 연쇄 법칙의 인수 xᵢ가 빠졌습니다: ∂/∂w ½(w xᵢ − yᵢ)² = (w xᵢ − yᵢ)·xᵢ\n- 답이 2.333인 경우: 부호가 뒤집혔습니다: 잔차는 yᵢ − w xᵢ가 아니라 w xᵢ − yᵢ입니다\n\n**한 에폭의 업데이트 수: N = 150, m = 32, 마지막 batch 유지 (drop_last=False)** = 5.000\n- 답이 4.000인 경우: ⌊N/m⌋은 꽉 찬 batch만 셉니다: drop_last=True일 때의 값입니다. 짧은 마지막 batch도 업데이트 한 번입니다\n- 답이 4.688인 경우: N/m은 정수가 아니라 업데이트 횟수가 될 수 없습니다: 올림해서 ⌈N/m⌉입니다\n- 답이 150.0인 경우: 그 값은 업데이트 수가 아니라 한 에폭의 예제별 gradient 계산 횟수입니다\n\n**σ² = 2, N = 150, m = 16일 때의 E‖ĝ_B − ∇L‖² (batch는 비복원 추출)** = 0.1124\n- 답이 0.1250인 경우: 유한 모집단 보정 (N − m)/(N − 1)이 빠졌습니다: σ²/m은 복원 추출일 때 성립합니다\n- 답이 1.799인 경우: m으로 나누는 부분이 빠졌습니다\n- 답이 0.1117인 경우: 보정 (N − m)/(N − 1)에서 N − 1 자리에 N을 썼습니다",
    ),
    // texts of other crates that batching.txt noted
    ("examples N", "예제 수 N"),
    ("weight γᵗ⁻ᵏ", "가중치 γᵗ⁻ᵏ"),
    ("weight γᵏ", "가중치 γᵏ"),
    ("gradient step −η∇J(θ)", "gradient 스텝 −η∇J(θ)"),
    ("weight", "가중치"),
    ("⟨1⟩, weight_decay = ⟨2⟩", "⟨1⟩, weight_decay = ⟨2⟩"),
    // notebooks/01 code cells
    (
        "the library adds each example gradient times 1/m; the cell sums, then divides by m: the same mean in another order",
        "라이브러리는 예제 gradient마다 1/m을 곱해 더하고, 셀은 먼저 더한 뒤 m으로 나눕니다: 순서만 다른 같은 평균입니다",
    ),
    ("Variance of the mini-batch gradient", "mini-batch gradient의 분산"),
    ("log₂ m", "log₂ m"),
];
