#!/usr/bin/env python3
"""torch.optim's step beside ours (outside CI; needs Python with torch).

Times one optimizer step of torch.optim for n in {10^3, 10^5, 10^7}, f32 and
f64, 2 threads, in its fused (Adam, AdamW, SGD, Adagrad: torch has no fused
Adadelta, RMSprop or NAdam) and foreach implementations, then runs our
benchmark (`cargo bench -p fastupdate`, which writes target/bench/updates.csv)
in the same run unless --csv names a CSV already written, and prints each
time with the ratio torch / ours (our pytorch-convention row of the same
method, dtype and n). Usage:

    python scripts/bench-torch.py [--csv PATH] [--sizes 1000,100000,10000000]

Timing as in the Rust benchmark: warm-up, median of repeats, each repeat the
mean of a batch of steps sized to about 2 ms.
"""

import argparse
import csv
import os
import subprocess
import sys
import time

try:
    import torch
except ImportError:
    sys.exit("bench-torch.py: torch is not installed (pip install torch); nothing to compare")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# name in our CSV -> (torch class, keyword arguments as our defaults, has fused)
METHODS = [
    ("sgd/pytorch", torch.optim.SGD, dict(lr=0.01), True),
    ("momentum/pytorch", torch.optim.SGD, dict(lr=0.01, momentum=0.9), True),
    ("nag/pytorch", torch.optim.SGD, dict(lr=0.01, momentum=0.9, nesterov=True), True),
    ("adagrad/pytorch", torch.optim.Adagrad, dict(lr=0.01), True),
    ("adadelta/pytorch", torch.optim.Adadelta, dict(), False),
    ("rmsprop/pytorch", torch.optim.RMSprop, dict(lr=0.01), False),
    ("rmsprop-centered-momentum/pytorch", torch.optim.RMSprop,
     dict(lr=0.01, centered=True, momentum=0.9), False),
    ("adam/pytorch", torch.optim.Adam, dict(lr=1e-3), True),
    ("nadam/pytorch", torch.optim.NAdam, dict(lr=2e-3), False),
]


def time_step(opt, n):
    opt.step()  # warm-up: creates the state
    t0 = time.perf_counter()
    opt.step()
    one = max(time.perf_counter() - t0, 1e-9)
    batch = max(1, min(10000, int(2e-3 / one)))
    repeats = 7 if n >= 10_000_000 else 15
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(batch):
            opt.step()
        samples.append((time.perf_counter() - t0) / batch * 1e9)
    samples.sort()
    return samples[len(samples) // 2]


def ours(path):
    rows = {}
    with open(path) as f:
        for r in csv.DictReader(f):
            rows[(r["optimizer"], r["dtype"], int(r["n"]))] = float(r["ns_per_step"])
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", help="our CSV, already written (else run cargo bench)")
    ap.add_argument("--sizes", default="1000,100000,10000000")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    torch.set_num_threads(2)
    path = args.csv
    if path is None:
        env = dict(os.environ, FASTUPDATE_BENCH_N=args.sizes)
        subprocess.run(["cargo", "bench", "-p", "fastupdate"], cwd=ROOT, env=env, check=True)
        target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
        path = os.path.join(target, "bench", "updates.csv")
    mine = ours(path)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; ours from {path}")
    print(f"{'method':<34} {'dtype':<4} {'n':>9} {'impl':<8} {'torch ns':>12} {'ours ns':>12} {'torch/ours':>10}")
    for n in sizes:
        for dtype, name in [(torch.float32, "f32"), (torch.float64, "f64")]:
            g = torch.linspace(-1, 1, n, dtype=dtype)
            for key, cls, kw, has_fused in METHODS:
                for impl in (["fused"] if has_fused else []) + ["foreach"]:
                    p = torch.nn.Parameter(torch.ones(n, dtype=dtype))
                    p.grad = g.clone()
                    opt = cls([p], **kw, **{impl: True})
                    ns = time_step(opt, n)
                    our = mine.get((key, name, n))
                    ratio = f"{ns / our:10.2f}" if our else f"{'-':>10}"
                    our_s = f"{our:12.0f}" if our else f"{'-':>12}"
                    print(f"{key:<34} {name:<4} {n:>9} {impl:<8} {ns:12.0f} {our_s} {ratio}")


if __name__ == "__main__":
    main()
