"""Reference numbers for the `schedule` crate, computed by torch itself.

Run from this folder with a Python that has torch (float64 throughout):

    python torch_schedules.py

Writes two files next to this script:

- torch-lr.csv: for each case, the rate optimizer.param_groups[0]["lr"] holds
  while optimizer.step() runs at step t = 1..n, in a loop that calls
  optimizer.step() and then scheduler.step() (torch's documented order).
- torch-runs.csv: theta_t = (x, y) of SGD, SGD with momentum and Adam under
  schedules on J = 0.1 x^2 + 2 y^2 from (-5, -2), gradients by autograd.

Every float is written with repr(), the shortest string that reads back to
the same float64. The Rust tests (crates/schedule/tests/torch.rs) hold the
crate to these files; they never run torch.
"""
import csv
import os

import torch
from torch.optim import SGD, Adam
from torch.optim.lr_scheduler import (
    CosineAnnealingLR,
    ExponentialLR,
    LinearLR,
    StepLR,
)

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))


def make(sched, opt):
    kind, args = sched
    if kind == "constant":
        return None
    if kind == "step":
        return StepLR(opt, step_size=args[0], gamma=args[1])
    if kind == "exponential":
        return ExponentialLR(opt, gamma=args[0])
    if kind == "cosine":
        return CosineAnnealingLR(opt, T_max=args[0], eta_min=args[1])
    if kind == "linear":
        return LinearLR(opt, start_factor=args[0], end_factor=args[1], total_iters=args[2])
    raise ValueError(kind)


# case name, schedule, base lr, steps
LR_CASES = [
    ("step-10-0.5", ("step", (10, 0.5)), 0.4, 60),
    ("step-3-0.1", ("step", (3, 0.1)), 1.0, 20),
    ("exponential-0.95", ("exponential", (0.95,)), 0.4, 60),
    ("exponential-0.5", ("exponential", (0.5,)), 0.1, 30),
    ("cosine-50-0", ("cosine", (50, 0.0)), 0.4, 50),
    ("cosine-20-0.01", ("cosine", (20, 0.01)), 0.5, 60),
    ("linear-0.1-1-10", ("linear", (0.1, 1.0, 10)), 0.4, 30),
    ("linear-1-0.2-25", ("linear", (1.0, 0.2, 25)), 0.5, 40),
]

RUN_SCHEDULES = [
    ("constant", ("constant", ())),
    ("step-10-0.5", ("step", (10, 0.5))),
    ("exponential-0.95", ("exponential", (0.95,))),
    ("cosine-50-0", ("cosine", (50, 0.0))),
    ("linear-0.1-1-10", ("linear", (0.1, 1.0, 10))),
]
RUN_STEPS = 50
# optimizer name, constructor
RUN_OPTIMIZERS = [
    ("sgd", lambda p: SGD([p], lr=0.4)),
    ("momentum", lambda p: SGD([p], lr=0.05, momentum=0.9)),
    ("adam", lambda p: Adam([p], lr=0.5, betas=(0.9, 0.999), eps=1e-8)),
]


def lr_rows():
    rows = []
    for name, sched, lr, n in LR_CASES:
        p = torch.zeros(1, requires_grad=True)
        opt = SGD([p], lr=lr)
        s = make(sched, opt)
        for t in range(1, n + 1):
            rows.append((name, lr, t, opt.param_groups[0]["lr"]))
            p.grad = torch.zeros(1)
            opt.step()
            if s is not None:
                s.step()
    return rows


def run_rows():
    rows = []
    for oname, ctor in RUN_OPTIMIZERS:
        for sname, sched in RUN_SCHEDULES:
            theta = torch.tensor([-5.0, -2.0], requires_grad=True)
            opt = ctor(theta)
            s = make(sched, opt)
            rows.append((oname, sname, 0, repr(float("nan")), theta[0].item(), theta[1].item()))
            for t in range(1, RUN_STEPS + 1):
                lr = opt.param_groups[0]["lr"]
                opt.zero_grad()
                loss = 0.1 * theta[0] ** 2 + 2.0 * theta[1] ** 2
                loss.backward()
                opt.step()
                if s is not None:
                    s.step()
                rows.append((oname, sname, t, lr, theta[0].item(), theta[1].item()))
    return rows


def main():
    with open(os.path.join(HERE, "torch-lr.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["case", "base_lr", "t", "lr"])
        for name, base, t, lr in lr_rows():
            w.writerow([name, repr(base), t, repr(lr)])
    with open(os.path.join(HERE, "torch-runs.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["optimizer", "schedule", "t", "lr", "x", "y"])
        for o, s, t, lr, x, y in run_rows():
            w.writerow([o, s, t, lr if isinstance(lr, str) else repr(lr), repr(x), repr(y)])


if __name__ == "__main__":
    main()
