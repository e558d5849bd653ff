#!/usr/bin/env python3
"""torch.optim's step beside ours (outside CI; needs Python with torch).

Times one optimizer step of torch.optim for n in {10^3, 10^5, 10^7}, f32 and
f64, 2 threads, in its fused (SGD, Adagrad, Adam with and without amsgrad,
AdamW: torch has no fused Adadelta, RMSprop, NAdam or Adamax) and foreach
implementations, each method and dtype right after our benchmark of that
method and dtype alone (`cargo bench -p fastupdate` with FASTUPDATE_BENCH_ONLY
and FASTUPDATE_BENCH_DTYPE, which writes target/bench/updates.csv), so that
both sides have one method's arrays allocated (with a large L3 cache that
decides how much of a step at n = 10^7 stays in cache); --csv takes our
numbers from a CSV already written instead. Prints each time with the ratio
torch / ours (our pytorch-convention row of the same method, dtype and n).
Usage:

    python scripts/bench-torch.py [--csv PATH] [--sizes 1000,100000,10000000]
    python scripts/bench-torch.py --rounds 5 --only adam/pytorch --dtypes f32 --sizes 10000000

The second form is a head-to-head: our benchmark (only those methods) and
torch's fastest implementation alternate for K rounds, so that both see the
same machine; it prints each round and a Markdown table of medians.

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
    # beyond the post (issue 13): torch fuses Adam(amsgrad=True) and AdamW, not Adamax
    ("adamax/pytorch", torch.optim.Adamax, dict(lr=2e-3), False),
    ("amsgrad/pytorch", torch.optim.Adam, dict(lr=1e-3, amsgrad=True), True),
    ("adamw/pytorch", torch.optim.AdamW, dict(lr=1e-3, weight_decay=1e-2), True),
]


def time_step(opt, n):
    opt.step()  # warm-up: creates the state
    t0 = time.perf_counter()
    opt.step()
    one = max(time.perf_counter() - t0, 1e-9)
    batch = max(1, min(10000, int(2e-3 / one)))
    repeats = 31
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


DTYPES = [(torch.float32, "f32"), (torch.float64, "f64")]
SEEN = set()  # lines of our benchmark's output already printed


def run_ours(sizes, only=None, dtypes=None):
    """cargo bench -p fastupdate for these sizes (and methods, dtypes); its CSV path."""
    env = dict(os.environ, FASTUPDATE_BENCH_N=",".join(map(str, sizes)))
    if only:
        env["FASTUPDATE_BENCH_ONLY"] = ",".join(only)
    if dtypes:
        env["FASTUPDATE_BENCH_DTYPE"] = ",".join(dtypes)
    out = subprocess.run(["cargo", "bench", "-q", "-p", "fastupdate"], cwd=ROOT, env=env,
                         check=True, stdout=subprocess.PIPE, text=True).stdout
    for line in out.splitlines():
        # the kernel paths once, and our rows: the rest is the test harness's noise
        if (line.startswith("fastupdate:") and line not in SEEN) or " ratio " in line:
            SEEN.add(line)
            print(f"  ours: {line.strip()}", flush=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    return os.path.join(target, "bench", "updates.csv")


def torch_ns(cls, kw, impl, n, dtype):
    g = torch.linspace(-1, 1, n, dtype=dtype)
    p = torch.nn.Parameter(torch.ones(n, dtype=dtype))
    p.grad = g.clone()
    opt = cls([p], **kw, **{impl: True})
    return time_step(opt, n)


def rounds(args, sizes):
    """Head-to-head: ours and torch's fastest implementation alternate, round by round."""
    only = args.only.split(",")
    dtypes = args.dtypes.split(",")
    methods = [m for m in METHODS if m[0] in only]
    if not methods:
        sys.exit(f"bench-torch.py: --only names none of {[m[0] for m in METHODS]}")
    results = {}  # (method, dtype, n, torch impl) -> [(ours ns, torch ns)], one per round
    for r in range(args.rounds):
        mine = ours(run_ours(sizes, only, dtypes))
        for n in sizes:
            for dtype, name in DTYPES:
                if name not in dtypes:
                    continue
                for key, cls, kw, has_fused in methods:
                    impl = "fused" if has_fused else "foreach"
                    t = torch_ns(cls, kw, impl, n, dtype)
                    o = mine[(key, name, n)]
                    results.setdefault((key, name, n, impl), []).append((o, t))
                    print(f"round {r + 1}: {key:<20} {name} n = {n:>9}: ours {o / 1e6:8.3f} ms, "
                          f"torch {impl} {t / 1e6:8.3f} ms, torch/ours {t / o:5.3f}", flush=True)
    print(f"\ntorch {torch.__version__}, {torch.get_num_threads()} threads, {args.rounds} rounds "
          "(each: our benchmark, then torch's, median of 31 steps each)")
    print("| method | dtype | n | torch impl | ours ms (median) | torch ms (median) | torch / ours | rounds ours faster |")
    print("|---|---|---:|---|---:|---:|---:|---:|")
    for (key, name, n, impl), pairs in results.items():
        o = sorted(p[0] for p in pairs)[len(pairs) // 2]
        t = sorted(p[1] for p in pairs)[len(pairs) // 2]
        won = sum(1 for a, b in pairs if a < b)
        print(f"| {key} | {name} | {n} | {impl} | {o / 1e6:.2f} | {t / 1e6:.2f} | {t / o:.3f} | {won} of {len(pairs)} |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", help="our CSV, already written (else run cargo bench)")
    ap.add_argument("--sizes", default="1000,100000,10000000")
    ap.add_argument("--rounds", type=int, default=0,
                    help="head-to-head: K rounds of ours then torch, for the methods of --only")
    ap.add_argument("--only", default="adam/pytorch", help="methods for --rounds (comma separated)")
    ap.add_argument("--dtypes", default="f32,f64", help="dtypes for --rounds")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    torch.set_num_threads(2)
    if args.rounds:
        rounds(args, sizes)
        return
    mine = ours(args.csv) if args.csv else None
    source = args.csv or "our benchmark of each method and dtype alone, just before torch's"
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; ours from {source}")
    print(f"{'method':<34} {'dtype':<4} {'n':>9} {'impl':<8} {'torch ns':>12} {'ours ns':>12} {'torch/ours':>10}",
          flush=True)
    for dtype, name in DTYPES:
        for key, cls, kw, has_fused in METHODS:
            rows = mine if mine is not None else ours(run_ours(sizes, [key], [name]))
            for n in sizes:
                for impl in (["fused"] if has_fused else []) + ["foreach"]:
                    ns = torch_ns(cls, kw, impl, n, dtype)
                    our = rows.get((key, name, n))
                    ratio = f"{ns / our:10.2f}" if our else f"{'-':>10}"
                    our_s = f"{our:12.0f}" if our else f"{'-':>12}"
                    print(f"{key:<34} {name:<4} {n:>9} {impl:<8} {ns:12.0f} {our_s} {ratio}", flush=True)


if __name__ == "__main__":
    main()
