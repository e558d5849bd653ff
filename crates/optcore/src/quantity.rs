//! The quantities a step records, each with ONE name (a CSV/JSON column) and
//! ONE symbol (a table header) across every crate: a record lists its fields as
//! `Field::of(quantity::GRAD, …)`, never as loose strings, so the same quantity
//! cannot be spelled two ways. torch.optim's name for each is in its doc.
//!
//! Two symbols are shared on purpose, because the post and the papers share
//! them: $v$ is momentum's velocity (the post) and Adam's second moment (Kingma
//! & Ba). Their names differ (`velocity`, `v`), so a column is never ambiguous.

/// A recorded quantity: its column `name` (ASCII) and table `symbol` (the post's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quantity {
    pub name: &'static str,
    pub symbol: &'static str,
}

const fn q(name: &'static str, symbol: &'static str) -> Quantity {
    Quantity { name, symbol }
}

/// $g_t$, the gradient the step used (torch: `p.grad`). NAG's is taken at the lookahead.
pub const GRAD: Quantity = q("g", "g");
/// The loss the optimizer saw where it took $g_t$ (a mini-batch loss if stochastic).
pub const SEEN_LOSS: Quantity = q("seen_loss", "L(batch)");
/// $v_t$, the post's momentum velocity ($\theta$ moves by $-v_t$).
pub const VELOCITY: Quantity = q("velocity", "v");
/// $b_t$, torch's `momentum_buffer` (SGD with momentum, NAG, RMSprop with momentum).
pub const MOMENTUM_BUFFER: Quantity = q("buf", "b");
/// NAG's lookahead $\theta_{t-1} - \gamma v_{t-1}$, where the post takes the gradient.
pub const LOOKAHEAD: Quantity = q("lookahead", "θ−γv");
/// torch's NAG iterate $\theta'$ (`nesterov=True` keeps the lookahead as its parameter).
pub const NESTEROV_ITERATE: Quantity = q("theta_prime", "θ′");
/// Adagrad's $G_{t,ii} = \sum_{\tau \le t} g_{\tau,i}^2$ (torch: `state_sum`).
pub const SUM_SQ_GRAD: Quantity = q("G", "Gᵢᵢ");
/// The per-parameter step size actually applied, $\eta$ over the method's denominator.
pub const EFFECTIVE_LR: Quantity = q("effective_lr", "ηₜ,ᵢ");
/// $\Delta\theta_t$, the update added to θ.
pub const UPDATE: Quantity = q("delta", "Δθ");
/// $E\[g^2\]_t$, the decaying average of squared gradients (torch: `square_avg`).
pub const AVG_SQ_GRAD: Quantity = q("Eg2", "E[g²]");
/// $E\[\Delta\theta^2\]_t$, the decaying average of squared updates (torch: `acc_delta`).
pub const AVG_SQ_UPDATE: Quantity = q("Edx2", "E[Δθ²]");
/// $\mathrm{RMS}\[g\]_t = \sqrt{E\[g^2\]_t + \epsilon}$.
pub const RMS_GRAD: Quantity = q("rms_g", "RMS[g]");
/// $\mathrm{RMS}\[\Delta\theta\]_{t-1}$, Adadelta's numerator.
pub const RMS_UPDATE_PREV: Quantity = q("rms_dx_prev", "RMS[Δθ]ₜ₋₁");
/// $\bar g_t$, the decaying average of gradients (centered RMSprop; torch: `grad_avg`).
pub const AVG_GRAD: Quantity = q("avg_grad", "ḡ");
/// RMSprop's denominator $d$: $\sqrt{E\[g^2\]_t + \epsilon}$ or $\sqrt{E\[g^2\]_t} + \epsilon$.
pub const DENOM: Quantity = q("denom", "d");
/// $m_t$, Adam's first moment (torch: `exp_avg`).
pub const FIRST_MOMENT: Quantity = q("m", "m");
/// $v_t$, Adam's second moment (torch: `exp_avg_sq`).
pub const SECOND_MOMENT: Quantity = q("v", "v");
/// $\hat m_t = m_t / (1 - \beta_1^t)$.
pub const M_HAT: Quantity = q("m_hat", "m̂");
/// $\hat v_t = v_t / (1 - \beta_2^t)$.
pub const V_HAT: Quantity = q("v_hat", "v̂");
/// NAdam's momentum schedule $\mu_t$.
pub const MU: Quantity = q("mu", "μₜ");
/// $\mu_{t+1}$.
pub const MU_NEXT: Quantity = q("mu_next", "μₜ₊₁");
/// $\prod_{i \le t} \mu_i$ (torch: `mu_product`).
pub const MU_PRODUCT: Quantity = q("mu_product", "Πμ");
/// NAdam's coefficient of $g_t$ in the update.
pub const COEF_GRAD: Quantity = q("coef_grad", "c_g");
/// NAdam's coefficient of $m_t$ in the update.
pub const COEF_AVG: Quantity = q("coef_avg", "c_m");
/// $\eta_t$, the learning rate a schedule set for step $t$ (torch:
/// `optimizer.param_groups[0]["lr"]` during `optimizer.step()`).
pub const LR: Quantity = q("lr", "ηₜ");
/// AdaMax's $u_t = \max(\beta_2 u_{t-1}, |g_t|)$, the decaying infinity norm
/// (torch: `exp_inf`, with ε inside the max).
pub const INF_NORM: Quantity = q("u", "u");
/// AMSGrad's running maximum of the second moment: Ruder's
/// $\hat v_t = \max(\hat v_{t-1}, v_t)$ (torch: `max_exp_avg_sqs`).
pub const MAX_SECOND_MOMENT: Quantity = q("v_max", "v̂ₘₐₓ");
/// AdamW's decoupled decay of this step, the amount taken off θ besides the
/// Adam step: $\lambda\theta_{t-1}$ (paper) or $\eta\lambda\theta_{t-1}$ (torch).
pub const DECAY: Quantity = q("decay", "λθ");
/// Newton's Hessian, row by row.
pub const HESSIAN: Quantity = q("H", "H (rows)");

/// Every quantity, for the uniqueness test and for documentation tables.
pub const ALL: [Quantity; 29] = [
    GRAD,
    SEEN_LOSS,
    VELOCITY,
    MOMENTUM_BUFFER,
    LOOKAHEAD,
    NESTEROV_ITERATE,
    SUM_SQ_GRAD,
    EFFECTIVE_LR,
    UPDATE,
    AVG_SQ_GRAD,
    AVG_SQ_UPDATE,
    RMS_GRAD,
    RMS_UPDATE_PREV,
    AVG_GRAD,
    DENOM,
    FIRST_MOMENT,
    SECOND_MOMENT,
    M_HAT,
    V_HAT,
    MU,
    MU_NEXT,
    MU_PRODUCT,
    COEF_GRAD,
    COEF_AVG,
    INF_NORM,
    MAX_SECOND_MOMENT,
    DECAY,
    HESSIAN,
    LR,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_name_and_one_symbol_per_quantity() {
        for (i, a) in ALL.iter().enumerate() {
            for b in &ALL[i + 1..] {
                assert_ne!(a.name, b.name, "two quantities named {}", a.name);
                let shared = [VELOCITY.symbol, SECOND_MOMENT.symbol];
                if a.symbol == b.symbol {
                    assert!(
                        shared.contains(&a.symbol) && [a, b].contains(&&VELOCITY),
                        "{} and {} share the symbol {}",
                        a.name,
                        b.name,
                        a.symbol
                    );
                }
            }
            assert!(a.name.is_ascii() && !a.name.contains(','), "{}", a.name);
        }
    }
}
