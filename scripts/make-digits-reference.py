#!/usr/bin/env python3
"""Writes crates/optcore/reference/digits-mlp/: torch float64 runs of the digits
network (`optrace --problem digits-mlp`), the first 100 steps of every
optimizer of the course from the same initial weights and the same batches.

Run with torch installed (float64, CPU, single-tensor path):

    /path/to/venv/bin/python scripts/make-digits-reference.py

The network is the one of optcore::mlp: x = pixels / 16 (64 values), a = W1 x + b1,
h = tanh(a) or relu(a), z = W2 h + b2 (10 classes), the loss the mean softmax
cross-entropy over the batch; one optimizer step per batch.

It writes
  init.json      {"W1": [[64 values] x H], "b1": [H], "W2": [[H values] x 10],
                  "b2": [10]}: torch.nn.Linear's own initialization under
                  torch.manual_seed(0), H = 32 (the `--init` format);
  batches.json   100 lists of 32 row indices into optcore/data/digits.csv
                  (0-based, in file order): two seeded shuffles of all rows
                  (numpy's default_rng(0)), cut into batches (the `--batches`
                  format);
  cases.json     one entry per run: name, optimizer (optrace's name),
                  activation, steps, hp (the shared cases.json keys, under the
                  pytorch convention: for rmsprop, rho is torch's alpha);
  runs/<name>.json  {"losses": [the batch loss before each step], "params":
                  the parameters after the last step, in the init.json format};
then prints SHA-256 of every file for SOURCE.md. Numbers are written with
Python's repr (shortest round trip). The tests never run this: they read the
committed files.
"""
import hashlib
import json
import os

import numpy as np
import torch
from torch import nn

torch.set_default_dtype(torch.float64)

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "crates", "optcore", "data", "digits.csv")
OUT = os.path.join(HERE, "..", "crates", "optcore", "reference", "digits-mlp")

HIDDEN = 32
BATCH = 32
STEPS = 100
SEED = 0

ADAM = {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8}
# (name, optimizer, activation, hp): hp keys as in the shared cases.json.
CASES = [
    ("sgd-tanh", "sgd", "tanh", {"lr": 0.1}),
    ("momentum-tanh", "momentum", "tanh", {"lr": 0.05, "momentum": 0.9}),
    ("nag-tanh", "nag", "tanh", {"lr": 0.05, "momentum": 0.9}),
    ("adagrad-tanh", "adagrad", "tanh", {"lr": 0.05, "eps": 1e-10}),
    ("adadelta-tanh", "adadelta", "tanh", {"lr": 1.0, "rho": 0.9, "eps": 1e-6}),
    ("rmsprop-tanh", "rmsprop", "tanh", {"lr": 0.001, "rho": 0.99, "eps": 1e-8}),
    ("adam-tanh", "adam", "tanh", {"lr": 0.001, **ADAM}),
    ("nadam-tanh", "nadam", "tanh", {"lr": 0.002, **ADAM, "momentum_decay": 0.004}),
    ("adamax-tanh", "adamax", "tanh", {"lr": 0.002, **ADAM}),
    ("amsgrad-tanh", "amsgrad", "tanh", {"lr": 0.001, **ADAM}),
    ("adamw-tanh", "adamw", "tanh", {"lr": 0.001, **ADAM, "weight_decay": 0.01}),
    ("sgd-relu", "sgd", "relu", {"lr": 0.1}),
    ("adam-relu", "adam", "relu", {"lr": 0.001, **ADAM}),
]


def torch_optimizer(name, hp, params):
    o = torch.optim
    betas = (hp.get("beta1"), hp.get("beta2"))
    if name == "sgd":
        return o.SGD(params, lr=hp["lr"], foreach=False)
    if name in ("momentum", "nag"):
        return o.SGD(params, lr=hp["lr"], momentum=hp["momentum"], nesterov=name == "nag", foreach=False)
    if name == "adagrad":
        return o.Adagrad(params, lr=hp["lr"], eps=hp["eps"], foreach=False)
    if name == "adadelta":
        return o.Adadelta(params, lr=hp["lr"], rho=hp["rho"], eps=hp["eps"], foreach=False)
    if name == "rmsprop":
        return o.RMSprop(params, lr=hp["lr"], alpha=hp["rho"], eps=hp["eps"], foreach=False)
    if name in ("adam", "amsgrad"):
        return o.Adam(params, lr=hp["lr"], betas=betas, eps=hp["eps"], amsgrad=name == "amsgrad", foreach=False)
    if name == "nadam":
        return o.NAdam(params, lr=hp["lr"], betas=betas, eps=hp["eps"], momentum_decay=hp["momentum_decay"], foreach=False)
    if name == "adamax":
        return o.Adamax(params, lr=hp["lr"], betas=betas, eps=hp["eps"], foreach=False)
    if name == "adamw":
        return o.AdamW(params, lr=hp["lr"], betas=betas, eps=hp["eps"], weight_decay=hp["weight_decay"], foreach=False)
    raise ValueError(name)


def network(init, activation):
    net = nn.Sequential(nn.Linear(64, HIDDEN), nn.Tanh() if activation == "tanh" else nn.ReLU(), nn.Linear(HIDDEN, 10))
    with torch.no_grad():
        net[0].weight.copy_(torch.tensor(init["W1"]))
        net[0].bias.copy_(torch.tensor(init["b1"]))
        net[2].weight.copy_(torch.tensor(init["W2"]))
        net[2].bias.copy_(torch.tensor(init["b2"]))
    return net


def as_init(net):
    return {
        "W1": net[0].weight.tolist(),
        "b1": net[0].bias.tolist(),
        "W2": net[2].weight.tolist(),
        "b2": net[2].bias.tolist(),
    }


def write(path, value):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(value, f, separators=(",", ":"))
        f.write("\n")


def main():
    rows = np.loadtxt(DATA, delimiter=",", dtype=np.int64)
    x = torch.tensor(rows[:, :64] / 16.0)
    y = torch.tensor(rows[:, 64])

    torch.manual_seed(SEED)
    init = as_init(nn.Sequential(nn.Linear(64, HIDDEN), nn.Tanh(), nn.Linear(HIDDEN, 10)))
    rng = np.random.default_rng(SEED)
    order = np.concatenate([rng.permutation(len(rows)) for _ in range(2)])
    batches = [order[i * BATCH : (i + 1) * BATCH].tolist() for i in range(STEPS)]

    write(os.path.join(OUT, "init.json"), init)
    write(os.path.join(OUT, "batches.json"), batches)
    cases = []
    for name, optimizer, activation, hp in CASES:
        net = network(init, activation)
        opt = torch_optimizer(optimizer, hp, net.parameters())
        losses = []
        for batch in batches:
            opt.zero_grad()
            loss = nn.functional.cross_entropy(net(x[batch]), y[batch])
            losses.append(loss.item())
            loss.backward()
            opt.step()
        write(os.path.join(OUT, "runs", name + ".json"), {"losses": losses, "params": as_init(net)})
        cases.append({"name": name, "optimizer": optimizer, "activation": activation, "steps": STEPS, "hp": hp})
        print(f"{name}: loss {losses[0]:.6f} -> {losses[-1]:.6f}")
    write(os.path.join(OUT, "cases.json"), cases)

    print("torch", torch.__version__)
    for root, _, files in sorted(os.walk(OUT)):
        for f in sorted(files):
            if f.endswith(".json"):
                path = os.path.join(root, f)
                with open(path, "rb") as fh:
                    print(hashlib.sha256(fh.read()).hexdigest(), os.path.relpath(path, OUT))


if __name__ == "__main__":
    main()
