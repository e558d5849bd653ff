#!/usr/bin/env python3
"""One training epoch of the digits network in torch beside ours (outside CI;
needs Python with torch and numpy).

The same work as `cargo run --release -p network --example epoch`, which this
script runs first: all 1,797 images of crates/optcore/data/digits.csv (pixels /
16) in shuffled batches of 32 (57 steps), a 64-32-10 tanh network, mean softmax
cross-entropy, torch.optim.Adam (lr 1e-3), one thread (torch.set_num_threads(1);
ours is single-threaded). Three warm-up epochs, then the median of 21. Prints
both medians and the ratio torch / ours, in float64 (ours) and float32 (torch
only, for scale).

    python scripts/bench-network-torch.py
"""
import os
import subprocess
import sys
import time

try:
    import numpy as np
    import torch
    from torch import nn
except ImportError:
    sys.exit("bench-network-torch.py: torch and numpy are needed; nothing to compare")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ours():
    out = subprocess.run(
        ["cargo", "run", "--release", "-q", "-p", "network", "--example", "epoch"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    print(out.strip())
    return float(out.split("median ")[1].split(" ms")[0])


def torch_epoch_ms(dtype):
    torch.set_num_threads(1)
    rows = np.loadtxt(os.path.join(ROOT, "crates/optcore/data/digits.csv"), delimiter=",", dtype=np.int64)
    x = torch.tensor(rows[:, :64] / 16.0, dtype=dtype)
    y = torch.tensor(rows[:, 64])
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(64, 32), nn.Tanh(), nn.Linear(32, 10)).to(dtype)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    def epoch():
        start = time.perf_counter()
        for b in torch.randperm(len(rows)).split(32):
            opt.zero_grad()
            loss_fn(net(x[b]), y[b]).backward()
            opt.step()
        return time.perf_counter() - start

    for _ in range(3):
        epoch()
    times = sorted(epoch() for _ in range(21))
    return times[10] * 1e3


def main():
    mine = ours()
    t64 = torch_epoch_ms(torch.float64)
    t32 = torch_epoch_ms(torch.float32)
    print(f"torch {torch.__version__}: one epoch, 1 thread: median {t64:.3f} ms (float64), {t32:.3f} ms (float32)")
    print(f"torch / ours, float64: {t64 / mine:.2f}")


if __name__ == "__main__":
    main()
