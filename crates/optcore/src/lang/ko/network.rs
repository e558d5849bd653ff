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
];
