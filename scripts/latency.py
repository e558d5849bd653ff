#!/usr/bin/env python3
"""Measure what a student waits for in each notebook, in the real evcxr kernel.

  latency.py [--before] [--json OUT] [NB ...]

--before measures the kernel as it was before scripts/evcxr-kernel.sh: the
user-level `rust` kernel spec, which builds in a fresh temporary folder, and the
old config (`:cache 2000` in init.evcxr).

For each notebook (default: every notebooks/*.ipynb, in name order), start a new
kernel the way scripts/notebooks.py does (EVCXR_CONFIG_DIR=notebooks/.evcxr,
working directory notebooks/, scripts/evcxr-kernel.sh choosing the build folder),
run every code cell in order and time:

  first   kernel start -> the first output of any cell (the `:dep` cell shows
          nothing, so this is the first table, figure or line a student sees)
  whole   kernel start -> the last cell done (the whole notebook)
  dep     the `:dep` cell alone
  cells   each later cell: median and max
  edit    the re-run of one edited cell: the from-scratch cell with its learning
          rate changed (`let eta = 0.1` -> `let eta = 0.05`, or the first number of
          `let (eta, …) = (…)` / `let (gamma, …) = (…)`); a notebook without one
          re-runs its last code cell with a comment added

Prints one Markdown table row per notebook (the table in docs/latency.md) and
`uptime` before and after. Nothing is written into the notebooks. A cell with an
error output or stderr is reported, since then the timings mean little.
"""
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager

ROOT = Path(__file__).resolve().parent.parent
NB_DIR = ROOT / "notebooks"
sys.dont_write_bytecode = True  # no scripts/__pycache__ from the import below
sys.path.insert(0, str(Path(__file__).resolve().parent))
import notebooks as nbscript  # noqa: E402  (kernel environment shared with the check)

EDIT_PATTERNS = [
    # let eta = 0.1;
    re.compile(r"(let\s+eta\s*=\s*)([0-9][0-9.e-]*)"),
    # let (eta, eps) = (0.4, 0.1);  let (gamma, eps) = (0.95, 1e-6);
    re.compile(r"(let\s+\((?:eta|gamma)\b[^)]*\)\s*=\s*\()([0-9][0-9.e-]*)"),
]


def edited(cells):
    """(index into cells, new source, description) of the cell a student edits."""
    for pat in EDIT_PATTERNS:
        for i, src in enumerate(cells):
            m = pat.search(src)
            if m:
                old = m.group(2)
                new = repr(float(old) / 2)
                return i, src[: m.start(2)] + new + src[m.end(2) :], f"{old}→{new}"
    i = len(cells) - 1
    return i, cells[i] + "\n// edited", "last cell re-run"


def run_cell(kc, code, t0, first, timeout):
    """Execute code, return (seconds, problems); first[0] gets the first output time."""
    problems = []

    def hook(msg):
        kind = msg["msg_type"]
        if kind in ("stream", "display_data", "execute_result", "error") and first[0] is None:
            first[0] = time.monotonic() - t0
        if kind == "error":
            problems.append(f"error: {msg['content'].get('ename')}: {msg['content'].get('evalue')}"[:300])
        if kind == "stream" and msg["content"].get("name") == "stderr":
            problems.append("stderr: " + msg["content"].get("text", "").strip()[:300])

    start = time.monotonic()
    reply = kc.execute_interactive(code, timeout=timeout, output_hook=hook, store_history=True)
    if reply["content"].get("status") != "ok" and not problems:
        problems.append(f"status {reply['content'].get('status')}")
    return time.monotonic() - start, problems


def measure(path, timeout, before):
    nb = nbformat.read(path, as_version=4)
    cells = [c.source for c in nb.cells if c.cell_type == "code"]
    if before:
        # the kernel as it was: the user's `rust` spec, a fresh temporary build folder
        env = {k: v for k, v in os.environ.items() if k not in ("JUPYTER_PATH", "EVCXR_TMPDIR")}
        # ... and the old config: `:cache 2000` in init.evcxr beside the same prelude
        old = Path(tempfile.mkdtemp(prefix="evcxr-config-before-"))
        shutil.copy(NB_DIR / ".evcxr" / "prelude.rs", old / "prelude.rs")
        (old / "init.evcxr").write_text(":cache 2000\n")
        env["EVCXR_CONFIG_DIR"] = str(old)
        os.environ.pop("JUPYTER_PATH", None)
    else:
        env = nbscript.kernel_env()
    km = KernelManager(kernel_name=nbscript.KERNEL)
    t0 = time.monotonic()
    km.start_kernel(cwd=str(path.parent), env=env)
    kc = km.client()
    kc.start_channels()
    first = [None]
    times, problems = [], []
    try:
        kc.wait_for_ready(timeout=120)
        for i, src in enumerate(cells):
            took, errs = run_cell(kc, src, t0, first, timeout)
            times.append(took)
            problems += [f"cell {i}: {e}" for e in errs]
        whole = time.monotonic() - t0
        ei, esrc, what = edited(cells)
        edit, errs = run_cell(kc, esrc, t0, [0.0], timeout)
        problems += [f"edited cell {ei}: {e}" for e in errs]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    later = times[1:] or [0.0]
    return {
        "notebook": path.name,
        "cells": len(cells),
        "first": first[0],
        "whole": whole,
        "dep": times[0],
        "cell_median": statistics.median(later),
        "cell_max": max(later),
        "edit": edit,
        "edit_what": f"code cell {ei + 1}: {what}",
        "cell_times": [round(t, 2) for t in times],
        "problems": problems,
    }


def uptime():
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main(argv):
    out, before = None, False
    while argv[:1] in (["--json"], ["--before"]):
        if argv[0] == "--json":
            out, argv = argv[1], argv[2:]
        else:
            before, argv = True, argv[1:]
    paths = [Path(a).resolve() for a in argv] or sorted(NB_DIR.glob("*.ipynb"))
    timeout = int(os.environ.get("NB_CELL_TIMEOUT", "900"))
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores")
    print(f"# before: {uptime()}")
    print("| notebook | code cells | first output | whole notebook | `:dep` cell | later cell, median / max | edited cell re-run |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    rows = []
    for path in paths:
        r = measure(path, timeout, before)
        r["uptime"] = uptime()
        rows.append(r)
        print(
            f"| {r['notebook']} | {r['cells']} | {r['first']:.1f} s | {r['whole']:.1f} s | {r['dep']:.1f} s "
            f"| {r['cell_median']:.2f} / {r['cell_max']:.2f} s | {r['edit']:.2f} s ({r['edit_what']}) |"
        )
        for p in r["problems"]:
            print(f"#   PROBLEM {p}")
        sys.stdout.flush()
    print(f"# after: {uptime()}")
    if out:
        Path(out).write_text(json.dumps(rows, indent=1, ensure_ascii=False))
    return 1 if any(r["problems"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
