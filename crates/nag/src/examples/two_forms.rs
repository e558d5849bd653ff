//! Two forms, one method: the post's equations beside torch's `nesterov=True`.

use crate::Nag;
use optcore::{Convention, Markdown};

/// The post's equations beside torch's, with each convention's defaults.
pub fn forms() -> Markdown {
    let (p, q) = (
        Nag::defaults(Convention::Paper),
        Nag::defaults(Convention::Pytorch),
    );
    let table = r"| | the post (`paper`) | torch.optim (`pytorch`, `nesterov=True`) |
|---|---|---|
| gradient taken at | $\varphi_t = \theta_{t-1} - \gamma v_{t-1}$ | the iterate $\theta'_{t-1}$ |
| velocity | $v_t = \gamma v_{t-1} + \eta\nabla J(\varphi_t)$ | $b_t = \mu b_{t-1} + \nabla J(\theta'_{t-1})$ |
| update | $\theta_t = \theta_{t-1} - v_t$ | $\theta'_t = \theta'_{t-1} - \mathrm{lr}\,(\nabla J(\theta'_{t-1}) + \mu b_t)$ |
";
    Markdown::new(format!(
        "{table}| defaults | $\\eta = {}$, $\\gamma = {}$ | $\\mathrm{{lr}} = {}$, $\\mu = {}$ |",
        p.lr, p.momentum, q.lr, q.momentum
    ))
}
