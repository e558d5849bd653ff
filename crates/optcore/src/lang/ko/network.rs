//! Korean wording of the texts `network` shows (see [`super`]).

pub const ENTRIES: &[(&str, &str)] = &[
    // examples.rs: one image through the network
    (
        "Image ⟨1⟩: a handwritten ⟨2⟩ (8 × 8 pixels)",
        "이미지 ⟨1⟩: 손으로 쓴 ⟨2⟩ (8 × 8 픽셀)",
    ),
    ("column", "열"),
    ("row, counted from the bottom", "행 (아래부터 셈)"),
    ("pixel / 16", "픽셀 / 16"),
    (
        "Image ⟨1⟩ (class ⟨2⟩): the output layer",
        "이미지 ⟨1⟩ (클래스 ⟨2⟩): 출력층",
    ),
    ("class c", "클래스 c"),
    ("p_c = softmax(z)_c", "p_c = 소프트맥스(z)_c"),
    ("loss L = −log p_y = ⟨1⟩", "loss L = −log p_y = ⟨1⟩"),
    (
        "Image ⟨1⟩: the hidden layer, forward and back",
        "이미지 ⟨1⟩: 은닉층의 순전파와 역전파",
    ),
    ("unit j", "유닛 j"),
    (
        "Image ⟨1⟩: backward pass against central differences (h = ⟨2⟩)",
        "이미지 ⟨1⟩: 역전파와 중심 차분 비교 (h = ⟨2⟩)",
    ),
    ("parameter", "파라미터"),
    ("backward pass", "역전파"),
    ("central difference", "중심 차분"),
    ("|difference|", "|차이|"),
    (
        "Your backward pass against the library's (image ⟨1⟩)",
        "여러분의 역전파와 라이브러리 역전파 비교 (이미지 ⟨1⟩)",
    ),
    ("block", "블록"),
    ("values", "값 개수"),
    ("max |yours − library|", "max |여러분 − 라이브러리|"),
    ("verdict", "판정"),
    (
        "✓ your backward pass is the library's in every block",
        "✓ 모든 블록에서 여러분의 역전파가 라이브러리와 같습니다",
    ),
    (
        "✗ the first block that differs is ⟨1⟩: follow the chain rule back to it",
        "✗ 처음으로 달라지는 블록은 ⟨1⟩입니다. chain rule을 따라 그 블록까지 거슬러 가 보세요",
    ),
    // lab.rs: runs side by side
    (
        "The digits network, ⟨1⟩ seed(s): how each run ended (means over seeds)",
        "숫자 이미지 신경망, 시드 ⟨1⟩개: 각 실행이 끝난 상태 (시드 평균)",
    ),
    ("best epoch", "최선 에폭"),
    ("train loss", "학습 loss"),
    ("validation loss", "검증 loss"),
    ("validation accuracy", "검증 정확도"),
    ("test accuracy", "테스트 정확도"),
    ("test accuracy, lowest seed", "테스트 정확도, 최저 시드"),
    ("test accuracy, highest seed", "테스트 정확도, 최고 시드"),
    ("stopped: ⟨1⟩", "멈춘 실행: ⟨1⟩"),
    ("Validation loss after each epoch", "에폭마다 잰 검증 loss"),
    ("Training loss after each epoch", "에폭마다 잰 학습 loss"),
    ("Validation accuracy after each epoch", "에폭마다 잰 검증 정확도"),
    ("training loss", "학습 loss"),
    (
        "⟨1⟩: training and validation loss",
        "⟨1⟩: 학습 loss와 검증 loss",
    ),
    ("training", "학습"),
    ("validation", "검증"),
    // reference.rs: the torch appendix
    (
        "The digits network against torch.optim (float64, the same θ₀ and batches)",
        "숫자 이미지 신경망과 torch.optim 비교 (float64, 같은 θ₀와 batch)",
    ),
    ("max rel. diff. loss", "loss의 최대 상대 차이"),
    ("within 1e-9", "1e-9 이내"),
    // exercises.rs
    (
        "How many parameters does the 64–32–10 network have (θ's length)?",
        "64–32–10 신경망의 파라미터 개수(θ의 길이)는?",
    ),
    (
        "the weights alone: each hidden unit and each class also has a bias (b₁, b₂)",
        "가중치만 센 값입니다. 은닉 유닛과 클래스마다 편향(b₁, b₂)도 하나씩 있습니다",
    ),
    (
        "✗ not quite (아깝습니다): the weights alone: each hidden unit and each class also has a bias (b₁, b₂)",
        "✗ 아깝습니다: 가중치만 센 값입니다. 은닉 유닛과 클래스마다 편향(b₁, b₂)도 하나씩 있습니다",
    ),
    (
        "the layers add, they do not multiply: W₁ is H × 64 and W₂ is 10 × H",
        "층의 파라미터는 곱하지 않고 더합니다. W₁은 H × 64, W₂는 10 × H입니다",
    ),
    (
        "All ten outputs $z_c$ are equal (as for a network whose last layer is 0): the loss $L = -\\log p_y$ of any image",
        "열 개의 출력 $z_c$가 모두 같을 때(마지막 층이 0인 신경망처럼) 어떤 이미지든 그 loss $L = -\\log p_y$",
    ),
    (
        "log is the natural logarithm, as in torch's cross-entropy",
        "log는 torch의 교차 엔트로피에서처럼 자연로그입니다",
    ),
    (
        "that is p_y = 1/10 itself; the loss is −log p_y",
        "그 값은 p_y = 1/10 자체입니다. loss는 −log p_y입니다",
    ),
    (
        "The network gives an image's own class $y$ the probability $p_y = 0.3$: $\\partial L/\\partial z_y$",
        "신경망이 이미지의 클래스 $y$에 확률 $p_y = 0.3$을 줄 때 $\\partial L/\\partial z_y$",
    ),
    (
        "that is ∂L/∂z_c of every other class (p_c); the image's own class also has the −1 of e_y",
        "그 값은 다른 클래스들의 ∂L/∂z_c(p_c)입니다. 이미지의 클래스에는 e_y에서 오는 −1이 더 붙습니다",
    ),
    (
        "the sign: raising z_y lowers the loss, so ∂L/∂z_y is negative",
        "부호가 반대입니다. z_y를 키우면 loss가 줄어들므로 ∂L/∂z_y는 음수입니다",
    ),
    (
        "⟨1⟩ training images in batches of ⟨2⟩ (the last batch keeps what is left), ⟨3⟩ epochs: how many optimizer steps?",
        "학습 이미지 ⟨1⟩장을 크기 ⟨2⟩의 batch로 나누고(마지막 batch는 남은 이미지를 모두 담습니다) ⟨3⟩ 에폭 동안 학습할 때 optimizer의 스텝 수는?",
    ),
    (
        "the last, smaller batch is a step too (torch's DataLoader keeps it unless drop_last=True)",
        "마지막의 더 작은 batch도 한 스텝입니다(torch의 `DataLoader`도 `drop_last=True`가 아니면 이 batch를 씁니다)",
    ),
    (
        "one step per batch, not per epoch: an epoch is a pass over every batch",
        "스텝은 에폭마다가 아니라 batch마다 한 번입니다. 에폭은 모든 batch를 한 번 도는 것입니다",
    ),
    // exercises.rs: the answers (optcore::exercise::solutions of all of them)
    (
        "**How many parameters does the 64–32–10 network have (θ's length)?** = 2410\n\
         - 2368 would be: the weights alone: each hidden unit and each class also has a bias (b₁, b₂)\n\
         - 20480 would be: the layers add, they do not multiply: W₁ is H × 64 and W₂ is 10 × H\n\
         \n\
         **All ten outputs $z_c$ are equal (as for a network whose last layer is 0): the loss $L = -\\log p_y$ of any image** = 2.303\n\
         - 1.000 would be: log is the natural logarithm, as in torch's cross-entropy\n\
         - 0.1000 would be: that is p_y = 1/10 itself; the loss is −log p_y\n\
         \n\
         **The network gives an image's own class $y$ the probability $p_y = 0.3$: $\\partial L/\\partial z_y$** = -0.7000\n\
         - 0.3000 would be: that is ∂L/∂z_c of every other class (p_c); the image's own class also has the −1 of e_y\n\
         - 0.7000 would be: the sign: raising z_y lowers the loss, so ∂L/∂z_y is negative\n\
         \n\
         **1079 training images in batches of 32 (the last batch keeps what is left), 20 epochs: how many optimizer steps?** = 680.0\n\
         - 660.0 would be: the last, smaller batch is a step too (torch's DataLoader keeps it unless drop_last=True)\n\
         - 20.00 would be: one step per batch, not per epoch: an epoch is a pass over every batch",
        "**64–32–10 신경망의 파라미터 개수(θ의 길이)는?** = 2410\n- 답이 2368인 경우: 가중치만 센 값입니다. 은닉 유닛과 클래스마다 편향(b₁, b₂)도 하나씩 있습니다\n- 답이 20480인 경우: 층의 파라미터는 곱하지 않고 더합니다. W₁은 H × 64, W₂는 10 × H입니다\n\n**열 개의 출력 $z_c$가 모두 같을 때(마지막 층이 0인 신경망처럼) 어떤 이미지든 그 loss $L = -\\log p_y$** = 2.303\n- 답이 1.000인 경우: log는 torch의 교차 엔트로피에서처럼 자연로그입니다\n- 답이 0.1000인 경우: 그 값은 p_y = 1/10 자체입니다. loss는 −log p_y입니다\n\n**신경망이 이미지의 클래스 $y$에 확률 $p_y = 0.3$을 줄 때 $\\partial L/\\partial z_y$** = -0.7000\n- 답이 0.3000인 경우: 그 값은 다른 클래스들의 ∂L/∂z_c(p_c)입니다. 이미지의 클래스에는 e_y에서 오는 −1이 더 붙습니다\n- 답이 0.7000인 경우: 부호가 반대입니다. z_y를 키우면 loss가 줄어들므로 ∂L/∂z_y는 음수입니다\n\n**학습 이미지 1079장을 크기 32의 batch로 나누고(마지막 batch는 남은 이미지를 모두 담습니다) 20 에폭 동안 학습할 때 optimizer의 스텝 수는?** = 680.0\n- 답이 660.0인 경우: 마지막의 더 작은 batch도 한 스텝입니다(torch의 `DataLoader`도 `drop_last=True`가 아니면 이 batch를 씁니다)\n- 답이 20.00인 경우: 스텝은 에폭마다가 아니라 batch마다 한 번입니다. 에폭은 모든 batch를 한 번 도는 것입니다",
    ),
    // batch_lessons/floor.rs
    (
        "SGD on the noisy quadratic (d = ⟨1⟩, η = ⟨2⟩): the expected loss settles on a floor ∝ 1/B",
        "잡음 섞인 이차 모델 위의 SGD (d = ⟨1⟩, η = ⟨2⟩): loss 기댓값은 1/B에 비례하는 바닥에 자리 잡습니다",
    ),
    ("batch size B", "batch 크기 B"),
    ("E[L] after the last step", "마지막 스텝 뒤의 E[L]"),
    ("floor (t → ∞)", "바닥 (t → ∞)"),
    ("floor × B", "바닥 × B"),
    ("at the start E[L] = ⟨1⟩", "처음의 E[L] = ⟨1⟩"),
    (
        "SGD on the noisy quadratic, η = ⟨1⟩: expected loss",
        "잡음 섞인 이차 모델 위의 SGD, η = ⟨1⟩: loss 기댓값",
    ),
    (
        "Your expected loss against the library's (d = ⟨1⟩, η = ⟨2⟩, B = ⟨3⟩)",
        "여러분의 loss 기댓값과 라이브러리 값 비교 (d = ⟨1⟩, η = ⟨2⟩, B = ⟨3⟩)",
    ),
    ("yours", "여러분"),
    ("library", "라이브러리"),
    ("relative difference", "상대 차이"),
    (
        "✓ your expected loss is the library's at every step",
        "✓ 모든 스텝에서 여러분의 loss 기댓값이 라이브러리와 같습니다",
    ),
    (
        "✗ your expected loss parts from the library's at step ⟨1⟩",
        "✗ 스텝 ⟨1⟩에서 여러분의 loss 기댓값이 라이브러리와 갈라집니다",
    ),
    (
        "The moment equations against ⟨1⟩ sampled runs (d = ⟨2⟩, B = ⟨3⟩, steps 0 to ⟨4⟩)",
        "모멘트 방정식과 무작위로 뽑은 실행 ⟨1⟩개의 비교 (d = ⟨2⟩, B = ⟨3⟩, 스텝 0부터 ⟨4⟩까지)",
    ),
    (
        "largest |sampled − exact| / standard error",
        "가장 큰 |표본 평균 − 정확한 값| / 표준 오차",
    ),
    ("within 4", "4 이내"),
    // batch_lessons/critical.rs
    (
        "Steps to ⟨1⟩ % of the starting loss, each method tuned at each B (d = ⟨2⟩)",
        "처음 loss의 ⟨1⟩ %까지 걸린 스텝 수, B마다 방법별로 맞춘 결과 (d = ⟨2⟩)",
    ),
    (
        "critical batch size (the largest B still within twice perfect scaling from the smallest): ⟨1⟩; — not reached within ⟨2⟩ steps",
        "임계 batch 크기(가장 작은 B에서 출발한 완벽한 스케일링의 두 배 이내인 가장 큰 B): ⟨1⟩; —는 ⟨2⟩ 스텝 안에 도달하지 못함",
    ),
    (
        "Steps to the target against batch size (× critical B)",
        "batch 크기에 따른 목표까지의 스텝 수 (×: 임계 B)",
    ),
    ("perfect scaling: steps ∝ 1/B", "완벽한 스케일링: 스텝 수 ∝ 1/B"),
    ("The setting that took the fewest steps", "가장 적은 스텝으로 목표에 이른 설정"),
    // batch_lessons/digits.rs
    (
        "The digits network: steps to a training loss of ⟨1⟩, ⟨2⟩ tuned at each B",
        "숫자 이미지 신경망: 학습 loss ⟨1⟩까지 걸린 스텝 수, B마다 맞춘 ⟨2⟩",
    ),
    ("⟨1⟩: steps", "⟨1⟩: 스텝 수"),
    (
        "The digits network: steps to a training loss of ⟨1⟩, each rate tuned at each B (seed ⟨2⟩)",
        "숫자 이미지 신경망: 학습 loss ⟨1⟩까지 걸린 스텝 수, B마다 learning rate를 맞춘 결과 (시드 ⟨2⟩)",
    ),
    (
        "The digits network: steps to the target against batch size (× critical B)",
        "숫자 이미지 신경망: batch 크기에 따른 목표까지의 스텝 수 (×: 임계 B)",
    ),
    // batch_lessons/exercises.rs
    (
        "One coordinate with $h = ⟨1⟩$, $c = ⟨2⟩$, SGD at $\\eta = ⟨3⟩$ with batches of $B = ⟨4⟩$: the expected loss $\\tfrac12 h A$ it settles on",
        "$h = ⟨1⟩$, $c = ⟨2⟩$인 좌표 하나에 $\\eta = ⟨3⟩$, batch 크기 $B = ⟨4⟩$인 SGD를 적용할 때 loss 기댓값 $\\tfrac12 h A$가 자리 잡는 값",
    ),
    (
        "the noise of a batch of B examples has variance c/B, not c",
        "예제 B개짜리 batch의 잡음 분산은 c가 아니라 c/B입니다",
    ),
    (
        "✗ not quite (아깝습니다): the noise of a batch of B examples has variance c/B, not c",
        "✗ 아깝습니다: 예제 B개짜리 batch의 잡음 분산은 c가 아니라 c/B입니다",
    ),
    (
        "the shrinking factor is (1 − ηh)², squared: A' = (1 − ηh)²A + η²c/B",
        "줄어드는 비율은 제곱한 (1 − ηh)²입니다: A' = (1 − ηh)²A + η²c/B",
    ),
    ("that is h A; the loss is ½ h A", "그 값은 h A입니다. loss는 ½ h A입니다"),
    (
        "SGD needs ⟨1⟩ steps at $B = 1$: the steps perfect scaling predicts at $B = ⟨2⟩$",
        "$B = 1$에서 SGD가 ⟨1⟩ 스텝을 쓸 때 완벽한 스케일링이 예측하는 $B = ⟨2⟩$에서의 스텝 수",
    ),
    (
        "the noise's standard deviation falls as 1/√B, but perfect scaling divides the steps by B itself",
        "잡음의 표준 편차는 1/√B로 줄지만, 완벽한 스케일링은 스텝 수를 B 자체로 나눕니다",
    ),
    ("a larger batch takes fewer steps, not more", "batch가 크면 스텝 수는 늘지 않고 줄어듭니다"),
    (
        "SGD needs ⟨1⟩ steps at $B = 1$ and ⟨2⟩ at $B = ⟨3⟩$: how many times more examples (gradients of one example) does the large batch use in all?",
        "$B = 1$에서 SGD가 ⟨1⟩ 스텝을, $B = ⟨3⟩$에서 ⟨2⟩ 스텝을 쓸 때 큰 batch가 모두 합해 쓰는 예제 수(예제 하나에 gradient 하나)는 몇 배일까요?",
    ),
    (
        "that is how many times fewer steps; each step now reads B examples",
        "그 값은 스텝 수가 몇 배 줄었는지입니다. 이제 스텝마다 예제 B개를 읽습니다",
    ),
    (
        "the steps did not stay the same: multiply B by the steps",
        "스텝 수가 그대로이지 않습니다. B에 스텝 수를 곱하세요",
    ),
    // exercises.rs: the answers (optcore::exercise::solutions of all of them)
    (
        "**One coordinate with $h = 1$, $c = 1$, SGD at $\\eta = 0.5$ with batches of $B = 4$: the expected loss $\\tfrac12 h A$ it settles on** = 0.04167\n\
         - 0.1667 would be: the noise of a batch of B examples has variance c/B, not c\n\
         - 0.06250 would be: the shrinking factor is (1 − ηh)², squared: A' = (1 − ηh)²A + η²c/B\n\
         - 0.08333 would be: that is h A; the loss is ½ h A\n\
         \n\
         **SGD needs 10362 steps at $B = 1$: the steps perfect scaling predicts at $B = 64$** = 161.9\n\
         - 1295 would be: the noise's standard deviation falls as 1/√B, but perfect scaling divides the steps by B itself\n\
         - 663168 would be: a larger batch takes fewer steps, not more\n\
         \n\
         **SGD needs 10362 steps at $B = 1$ and 56 at $B = 8192$: how many times more examples (gradients of one example) does the large batch use in all?** = 44.27\n\
         - 185.0 would be: that is how many times fewer steps; each step now reads B examples\n\
         - 8192 would be: the steps did not stay the same: multiply B by the steps",
        "**$h = 1$, $c = 1$인 좌표 하나에 $\\eta = 0.5$, batch 크기 $B = 4$인 SGD를 적용할 때 loss 기댓값 $\\tfrac12 h A$가 자리 잡는 값** = 0.04167\n- 답이 0.1667인 경우: 예제 B개짜리 batch의 잡음 분산은 c가 아니라 c/B입니다\n- 답이 0.06250인 경우: 줄어드는 비율은 제곱한 (1 − ηh)²입니다: A' = (1 − ηh)²A + η²c/B\n- 답이 0.08333인 경우: 그 값은 h A입니다. loss는 ½ h A입니다\n\n**$B = 1$에서 SGD가 10362 스텝을 쓸 때 완벽한 스케일링이 예측하는 $B = 64$에서의 스텝 수** = 161.9\n- 답이 1295인 경우: 잡음의 표준 편차는 1/√B로 줄지만, 완벽한 스케일링은 스텝 수를 B 자체로 나눕니다\n- 답이 663168인 경우: batch가 크면 스텝 수는 늘지 않고 줄어듭니다\n\n**$B = 1$에서 SGD가 10362 스텝을, $B = 8192$에서 56 스텝을 쓸 때 큰 batch가 모두 합해 쓰는 예제 수(예제 하나에 gradient 하나)는 몇 배일까요?** = 44.27\n- 답이 185.0인 경우: 그 값은 스텝 수가 몇 배 줄었는지입니다. 이제 스텝마다 예제 B개를 읽습니다\n- 답이 8192인 경우: 스텝 수가 그대로이지 않습니다. B에 스텝 수를 곱하세요",
    ),
    // tuning_lessons/sweep.rs
    (
        "⟨1⟩ on the digits network: the learning rate on a grid, ⟨2⟩ seed(s) each",
        "숫자 이미지 신경망의 ⟨1⟩: 격자 위의 learning rate, 각각 시드 ⟨2⟩개",
    ),
    ("lowest seed", "최저 시드"),
    ("highest seed", "최고 시드"),
    ("best by validation loss: lr = ⟨1⟩", "검증 loss로 고른 최선: lr = ⟨1⟩"),
    (
        "best by validation loss: lr = ⟨1⟩; +∞: a run stopped on a fault",
        "검증 loss로 고른 최선: lr = ⟨1⟩; +∞: 오류로 멈춘 실행",
    ),
    ("every rate stopped on a fault", "모든 learning rate에서 실행이 오류로 멈춤"),
    (
        "⟨1⟩: validation loss against the learning rate",
        "⟨1⟩: learning rate에 따른 검증 loss",
    ),
    ("mean over seeds", "시드 평균"),
    // tune.rs: the ranking
    (
        "Which optimizer? At its defaults, and tuned on a learning-rate grid (means over seeds)",
        "어떤 optimizer? 기본값과, learning rate 격자 위에서 맞춘 값 (시드 평균)",
    ),
    ("lr at defaults", "기본값의 lr"),
    ("validation loss at defaults", "기본값의 검증 loss"),
    ("place at defaults", "기본값 순위"),
    ("test accuracy at defaults", "기본값의 테스트 정확도"),
    ("best lr of the grid", "격자에서 가장 좋은 lr"),
    ("validation loss tuned", "맞춘 뒤 검증 loss"),
    ("place tuned", "맞춘 뒤 순위"),
    ("test accuracy tuned", "맞춘 뒤 테스트 정확도"),
    (
        "budget: ⟨1⟩ training runs per optimizer (⟨2⟩ rates of the grid and the defaults, ⟨3⟩ seed(s) each)",
        "예산: optimizer마다 학습 실행 ⟨1⟩개 (격자의 learning rate ⟨2⟩개와 기본값, 각각 시드 ⟨3⟩개)",
    ),
    // tuning_lessons/ranked.rs
    (
        "Tuned: the validation loss after the last epoch, over seeds",
        "맞춘 뒤: 마지막 에폭 뒤의 검증 loss, 시드별",
    ),
    ("best lr", "가장 좋은 lr"),
    ("highest − lowest", "최고 − 최저"),
    ("mean", "평균"),
    (
        "Tuned runs: validation loss after each epoch (mean, lowest and highest seed)",
        "맞춘 실행: 에폭마다 잰 검증 loss (평균, 최저 시드, 최고 시드)",
    ),
    ("⟨1⟩, mean", "⟨1⟩, 평균"),
    ("⟨1⟩, lowest seed", "⟨1⟩, 최저 시드"),
    ("⟨1⟩, highest seed", "⟨1⟩, 최고 시드"),
    // tuning_lessons/second_round.rs
    (
        "Adam at lr = ⟨1⟩: β₁ and ε, ⟨2⟩ seed(s) each",
        "lr = ⟨1⟩인 Adam: β₁과 ε, 각각 시드 ⟨2⟩개",
    ),
    (
        "best by validation loss: β₁ = ⟨1⟩, ε = ⟨2⟩",
        "검증 loss로 고른 최선: β₁ = ⟨1⟩, ε = ⟨2⟩",
    ),
    // tuning_lessons/exercises.rs
    (
        "A grid of ⟨1⟩ rates, plus the defaults, each on ⟨2⟩ seeds: how many training runs does one optimizer's place rest on?",
        "learning rate ⟨1⟩개짜리 격자와 기본값을 각각 시드 ⟨2⟩개로 돌릴 때, optimizer 하나의 순위는 학습 실행 몇 개에 바탕을 둘까요?",
    ),
    ("the defaults are trained on every seed too", "기본값도 모든 시드로 학습합니다"),
    (
        "✗ not quite (아깝습니다): the defaults are trained on every seed too",
        "✗ 아깝습니다: 기본값도 모든 시드로 학습합니다",
    ),
    ("every setting is trained once per seed", "설정마다 시드 하나에 한 번씩 학습합니다"),
    (
        "Adam's second round: ⟨1⟩ values of β₁ and ⟨2⟩ of ε, every pair on ⟨3⟩ seeds: how many training runs?",
        "Adam의 두 번째 라운드: β₁ 값 ⟨1⟩개와 ε 값 ⟨2⟩개의 모든 짝을 각각 시드 ⟨3⟩개로 돌릴 때 학습 실행은 몇 개일까요?",
    ),
    (
        "a grid tries every pair (β₁, ε), not each value alone",
        "격자는 값 하나씩이 아니라 모든 짝 (β₁, ε)을 시도합니다",
    ),
    ("every pair is trained once per seed", "짝마다 시드 하나에 한 번씩 학습합니다"),
    // exercises.rs: the answers (optcore::exercise::solutions of all of them)
    (
        "**A grid of 11 rates, plus the defaults, each on 3 seeds: how many training runs does one optimizer's place rest on?** = 36.00\n\
         - 33.00 would be: the defaults are trained on every seed too\n\
         - 12.00 would be: every setting is trained once per seed\n\
         \n\
         **Adam's second round: 3 values of β₁ and 3 of ε, every pair on 3 seeds: how many training runs?** = 27.00\n\
         - 18.00 would be: a grid tries every pair (β₁, ε), not each value alone\n\
         - 9.000 would be: every pair is trained once per seed",
        "**learning rate 11개짜리 격자와 기본값을 각각 시드 3개로 돌릴 때, optimizer 하나의 순위는 학습 실행 몇 개에 바탕을 둘까요?** = 36.00\n- 답이 33.00인 경우: 기본값도 모든 시드로 학습합니다\n- 답이 12.00인 경우: 설정마다 시드 하나에 한 번씩 학습합니다\n\n**Adam의 두 번째 라운드: β₁ 값 3개와 ε 값 3개의 모든 짝을 각각 시드 3개로 돌릴 때 학습 실행은 몇 개일까요?** = 27.00\n- 답이 18.00인 경우: 격자는 값 하나씩이 아니라 모든 짝 (β₁, ε)을 시도합니다\n- 답이 9.000인 경우: 짝마다 시드 하나에 한 번씩 학습합니다",
    ),
    // regularization/early.rs
    (
        "Early stopping with patience ⟨1⟩: what each run returns",
        "`patience` ⟨1⟩인 early stopping: 각 실행이 돌려주는 것",
    ),
    ("epochs trained", "학습한 에폭 수"),
    ("returned epoch", "돌려준 에폭"),
    ("every epoch, the last parameters", "모든 에폭, 마지막 파라미터"),
    ("early stopping, the best parameters", "early stopping, 가장 좋은 파라미터"),
    (
        "A run that overfits: training and validation loss (× best epoch, × stop)",
        "외우기 시작하는 실행: 학습 loss와 검증 loss (×: 가장 좋은 에폭, 멈춘 에폭)",
    ),
    // regularization/dropout.rs
    (
        "Image ⟨1⟩, dropout p = ⟨2⟩: the hidden layer in evaluation and in training mode",
        "이미지 ⟨1⟩, dropout p = ⟨2⟩: 평가 모드와 학습 모드의 은닉층",
    ),
    ("h_j (evaluation)", "h_j (평가)"),
    ("mask m_j", "마스크 m_j"),
    ("h_j · m_j (training)", "h_j · m_j (학습)"),
    (
        "loss of the image: ⟨1⟩ in evaluation mode, ⟨2⟩ in training mode (this mask)",
        "이미지의 loss: 평가 모드 ⟨1⟩, 학습 모드 ⟨2⟩ (이 마스크에서)",
    ),
    (
        "Dropout on the network that overfits: after the last epoch",
        "외우기 시작하는 신경망의 dropout: 마지막 에폭 뒤",
    ),
    ("dropout p", "dropout p"),
    ("gap (validation − train)", "간격 (검증 − 학습)"),
    (
        "The gap: validation loss − training loss after each epoch",
        "간격: 에폭마다 잰 검증 loss − 학습 loss",
    ),
    ("validation − training loss", "검증 loss − 학습 loss"),
    // regularization/decay.rs
    (
        "L2 in Adam's gradient against AdamW's decoupled decay (η = ⟨1⟩)",
        "Adam의 gradient에 넣은 L2와 AdamW의 분리된 감쇠 비교 (η = ⟨1⟩)",
    ),
    ("‖θ‖ at the end", "마지막 ‖θ‖"),
    // regularization/scheduled.rs
    ("η = ⟨1⟩, constant", "η = ⟨1⟩, 상수"),
    ("η = ⟨1⟩, cosine", "η = ⟨1⟩, 코사인"),
    // regularization/exercises.rs
    (
        "Dropout with $p = ⟨1⟩$ in torch's form: the factor a kept hidden unit is multiplied by in training",
        "torch 형태의 dropout에서 $p = ⟨1⟩$일 때 학습 중에 남는 은닉 유닛에 곱하는 배수",
    ),
    (
        "that is the old form, which scales at evaluation instead; torch scales the kept units in training by 1/(1 − p)",
        "그것은 평가할 때 스케일링하는 옛 방식입니다. torch는 학습할 때 남는 유닛에 1/(1 − p)를 곱합니다",
    ),
    (
        "✗ not quite (아깝습니다): that is the old form, which scales at evaluation instead; torch scales the kept units in training by 1/(1 − p)",
        "✗ 아깝습니다: 그것은 평가할 때 스케일링하는 옛 방식입니다. torch는 학습할 때 남는 유닛에 1/(1 − p)를 곱합니다",
    ),
    (
        "the factor is 1/(1 − p), the inverse of the share kept, not of the share dropped",
        "배수는 1/(1 − p)로, 꺼지는 비율이 아니라 남는 비율의 역수입니다",
    ),
    (
        "A run reaches its lowest validation loss at epoch ⟨1⟩ and never beats it; with patience ⟨2⟩, after how many epochs does it stop?",
        "에폭 ⟨1⟩에서 검증 loss가 가장 낮고 그 뒤로 더 낮아지지 않는 실행은, `patience`가 ⟨2⟩이면 몇 에폭 뒤에 멈출까요?",
    ),
    (
        "the run only learns that epoch was the best once the patience has passed",
        "실행은 `patience`만큼 지나야 그 에폭이 가장 좋았다는 것을 압니다",
    ),
    (
        "it stops after `patience` epochs without a new lowest loss: epochs best + 1 to best + patience",
        "새로 가장 낮은 loss가 없는 `patience` 에폭이 지나면 멈춥니다: 최선 에폭 + 1부터 최선 에폭 + `patience`까지",
    ),
    // exercises.rs: the answers (optcore::exercise::solutions of all of them)
    (
        "**Dropout with $p = 0.2$ in torch's form: the factor a kept hidden unit is multiplied by in training** = 1.250\n\
         - 0.8000 would be: that is the old form, which scales at evaluation instead; torch scales the kept units in training by 1/(1 − p)\n\
         - 5.000 would be: the factor is 1/(1 − p), the inverse of the share kept, not of the share dropped\n\
         \n\
         **A run reaches its lowest validation loss at epoch 20 and never beats it; with patience 10, after how many epochs does it stop?** = 30.00\n\
         - 20.00 would be: the run only learns that epoch was the best once the patience has passed\n\
         - 29.00 would be: it stops after `patience` epochs without a new lowest loss: epochs best + 1 to best + patience",
        "**torch 형태의 dropout에서 $p = 0.2$일 때 학습 중에 남는 은닉 유닛에 곱하는 배수** = 1.250\n- 답이 0.8000인 경우: 그것은 평가할 때 스케일링하는 옛 방식입니다. torch는 학습할 때 남는 유닛에 1/(1 − p)를 곱합니다\n- 답이 5.000인 경우: 배수는 1/(1 − p)로, 꺼지는 비율이 아니라 남는 비율의 역수입니다\n\n**에폭 20에서 검증 loss가 가장 낮고 그 뒤로 더 낮아지지 않는 실행은, `patience`가 10이면 몇 에폭 뒤에 멈출까요?** = 30.00\n- 답이 20.00인 경우: 실행은 `patience`만큼 지나야 그 에폭이 가장 좋았다는 것을 압니다\n- 답이 29.00인 경우: 새로 가장 낮은 loss가 없는 `patience` 에폭이 지나면 멈춥니다: 최선 에폭 + 1부터 최선 에폭 + `patience`까지",
    ),
];
