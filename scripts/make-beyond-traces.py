#!/usr/bin/env python3
"""Writes crates/optcore/reference/own/: reference traces of torch.optim's
Adamax, Adam(amsgrad=True) and AdamW for cases beyond the shared
cases-beyond.json (other problems, starts, lr, betas, eps, weight decay).

Run with torch installed (float64, CPU, single-tensor path):

    /path/to/venv/bin/python scripts/make-beyond-traces.py

It writes own/cases.json (the shared cases.json format) and one
own/traces/<name>.csv per case (t,loss,theta_0,theta_1; row t holds θ_t and
the loss there; shortest round-trip decimals), then prints SHA-256 of every
file for SOURCE.md. The tests never run this: they read the committed files.
"""
import hashlib
import json
import os
import sys

import torch

torch.set_default_dtype(torch.float64)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crates", "optcore", "reference", "own")


def quadratic(p):
    x, y = p[0], p[1]
    return 0.1 * x**2 + 2 * y**2


def rosenbrock(p):
    x, y = p[0], p[1]
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


def beale(p):
    x, y = p[0], p[1]
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2


PROBLEMS = {"quadratic": quadratic, "rosenbrock": rosenbrock, "beale": beale}

# (optimizer, problem, start, steps, hp): hp keys as in cases.json.
CASES = [
    ("adamax", "rosenbrock", [-1.2, 1.0], 100, {"lr": 0.01, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}),
    ("adamax", "beale", [1.0, 1.0], 80, {"lr": 0.05, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6}),
    ("adamax", "quadratic", [2.0, -3.0], 60, {"lr": 0.1, "beta1": 0.5, "beta2": 0.9, "eps": 1e-8}),
    # a start on an axis: g = 0 in the second coordinate, u = ε there
    ("adamax", "quadratic", [-5.0, 0.0], 40, {"lr": 0.3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}),
    ("adamax", "rosenbrock", [0.0, 0.0], 100, {"lr": 0.002, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}),
    ("amsgrad", "rosenbrock", [-1.2, 1.0], 150, {"lr": 0.02, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}),
    ("amsgrad", "beale", [1.0, 1.0], 100, {"lr": 0.01, "beta1": 0.9, "beta2": 0.99, "eps": 1e-8}),
    ("amsgrad", "quadratic", [-5.0, -2.0], 60, {"lr": 0.5, "beta1": 0.5, "beta2": 0.9, "eps": 1e-6}),
    ("amsgrad", "beale", [2.0, -0.5], 60, {"lr": 0.02, "beta1": 0.95, "beta2": 0.9999, "eps": 1e-7}),
    ("amsgrad", "rosenbrock", [0.0, 0.0], 100, {"lr": 0.005, "beta1": 0.8, "beta2": 0.99, "eps": 1e-8}),
    ("adamw", "rosenbrock", [-1.2, 1.0], 150, {"lr": 0.01, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.01}),
    ("adamw", "beale", [1.0, 1.0], 100, {"lr": 0.01, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.1}),
    ("adamw", "quadratic", [2.0, -3.0], 80, {"lr": 0.05, "beta1": 0.5, "beta2": 0.99, "eps": 1e-6, "weight_decay": 0.5}),
    ("adamw", "quadratic", [-5.0, -2.0], 50, {"lr": 0.1, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.0}),
    ("adamw", "rosenbrock", [0.0, 0.0], 100, {"lr": 0.005, "beta1": 0.8, "beta2": 0.99, "eps": 1e-8, "weight_decay": 1.0}),
    ("adamw", "beale", [2.0, -0.5], 60, {"lr": 0.02, "beta1": 0.95, "beta2": 0.9999, "eps": 1e-7, "weight_decay": 0.05}),
]


def make(opt, params, hp):
    betas = (hp["beta1"], hp["beta2"])
    common = dict(lr=hp["lr"], betas=betas, eps=hp["eps"], foreach=False)
    if opt == "adamax":
        return torch.optim.Adamax(params, **common)
    if opt == "amsgrad":
        return torch.optim.Adam(params, amsgrad=True, **common)
    if opt == "adamw":
        return torch.optim.AdamW(params, weight_decay=hp["weight_decay"], **common)
    raise ValueError(opt)


def run(opt_name, problem, start, steps, hp):
    f = PROBLEMS[problem]
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = make(opt_name, [p], hp)
    rows = []
    switches = 0
    for t in range(steps + 1):
        with torch.no_grad():
            loss = f(p).item()
        rows.append((t, loss, p[0].item(), p[1].item()))
        if t == steps:
            break
        opt.zero_grad()
        f(p).backward()
        opt.step()
        if opt_name == "amsgrad":
            st = opt.state[p]
            switches += int((st["exp_avg_sq"] < st["max_exp_avg_sq"]).any().item())
    return rows, switches


def fmt(x):
    r = repr(float(x))
    return r


def main():
    os.makedirs(os.path.join(OUT, "traces"), exist_ok=True)
    cases = []
    for opt_name, problem, start, steps, hp in CASES:
        suffix = "-".join(f"{v:g}" for v in start)
        name = f"pytorch-{opt_name}-{problem}-{len([c for c in cases if c['optimizer'] == opt_name]) + 1}"
        rows, switches = run(opt_name, problem, start, steps, hp)
        if opt_name == "amsgrad" and switches == 0:
            sys.exit(f"{name}: the max never held v up; pick another case")
        with open(os.path.join(OUT, "traces", name + ".csv"), "w", newline="\n") as fh:
            fh.write("t,loss,theta_0,theta_1\n")
            for t, loss, a, b in rows:
                fh.write(f"{t},{fmt(loss)},{fmt(a)},{fmt(b)}\n")
        cases.append({"name": name, "convention": "pytorch", "optimizer": opt_name, "problem": problem,
                      "start": start, "steps": steps, "hp": hp})
        print(f"{name}: {problem} from {suffix}, {steps} steps" + (f", max held v up at {switches} steps" if opt_name == "amsgrad" else ""), file=sys.stderr)
    with open(os.path.join(OUT, "cases.json"), "w", newline="\n") as fh:
        json.dump(cases, fh, indent=1)
        fh.write("\n")
    print(f"torch {torch.__version__}")
    files = ["cases.json"] + [f"traces/{c['name']}.csv" for c in cases]
    for rel in files:
        with open(os.path.join(OUT, rel), "rb") as fh:
            print(hashlib.sha256(fh.read()).hexdigest() + "  " + rel)


if __name__ == "__main__":
    main()
