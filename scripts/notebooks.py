#!/usr/bin/env python3
"""Execute the project's Rust notebooks in the real evcxr kernel.

  notebooks.py execute [NB ...]   run each notebook and store its fresh outputs
  notebooks.py check   [NB ...]   run each notebook in memory and fail on
                                  - a cell error or a dead kernel (a panic aborts it,
                                    see notebooks/.evcxr/prelude.rs),
                                  - any stderr output (an `Err` returned through `?`
                                    lands there),
                                  - stored outputs that differ from the fresh run.

Without NB arguments: every notebooks/*.ipynb, in name order. Prints one line per
notebook with its wall time and, at the end, 'N passed, N failed'.
"""
import copy
import difflib
import json
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError

ROOT = Path(__file__).resolve().parent.parent
NB_DIR = ROOT / "notebooks"
CELL_TIMEOUT = int(os.environ.get("NB_CELL_TIMEOUT", "900"))
KERNEL = "rust"
# A kernel spec named like the notebooks' own ("rust"), found first through
# JUPYTER_PATH, that starts evcxr through scripts/evcxr-kernel.sh: each kernel then
# builds in a kept folder (a free slot), so the path crates compiled for one
# notebook serve the next kernel instead of being compiled again. run.sh points
# JupyterLab at the same spec.
JUPYTER_DIR = ROOT / ".venv" / "jupyter"


def kernel_env():
    """Environment for a notebook kernel: config dir, kernel spec (written if needed)."""
    spec = JUPYTER_DIR / "kernels" / KERNEL / "kernel.json"
    want = {
        "argv": ["bash", str(ROOT / "scripts" / "evcxr-kernel.sh"), "--control_file", "{connection_file}"],
        "display_name": "Rust",
        "interrupt_mode": "message",
        "language": "rust",
    }
    if not spec.exists() or json.loads(spec.read_text()) != want:
        spec.parent.mkdir(parents=True, exist_ok=True)
        spec.write_text(json.dumps(want, indent=2) + "\n")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        [str(JUPYTER_DIR)]
        + [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p and p != str(JUPYTER_DIR)]
    )
    os.environ["EVCXR_CONFIG_DIR"] = str(NB_DIR / ".evcxr")
    return dict(os.environ)


def notebooks(args):
    if args:
        return [Path(a).resolve() for a in args]
    return sorted(NB_DIR.glob("*.ipynb"))


def run(path):
    nb = nbformat.read(path, as_version=4)
    fresh = copy.deepcopy(nb)
    kernel_env()
    client = NotebookClient(
        fresh,
        kernel_name=KERNEL,
        timeout=CELL_TIMEOUT,
        startup_timeout=120,
        record_timing=False,  # no timestamps in stored notebooks
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    return nb, fresh


def comparable(cell):
    """Outputs as stored, minus nothing: counts and data must match exactly."""
    return json.dumps(cell.get("outputs", []), sort_keys=True, indent=1, ensure_ascii=False)


def problems(stored, fresh):
    out = []
    for i, cell in enumerate(fresh.cells):
        if cell.cell_type != "code":
            continue
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error":
                out.append(f"cell {i}: error output: {o.get('ename')}: {o.get('evalue')}")
            if o.get("output_type") == "stream" and o.get("name") == "stderr":
                out.append(f"cell {i}: stderr output: {o.get('text', '').strip()[:500]}")
    if len(stored.cells) != len(fresh.cells):
        out.append("cell count changed")
        return out
    for i, (a, b) in enumerate(zip(stored.cells, fresh.cells)):
        if a.cell_type != "code":
            continue
        if comparable(a) != comparable(b):
            diff = difflib.unified_diff(
                comparable(a).splitlines(), comparable(b).splitlines(), "stored", "fresh", lineterm="", n=1
            )
            out.append(f"cell {i}: stored outputs differ from a fresh run:\n" + "\n".join(list(diff)[:40]))
    return out


def main(argv):
    if not argv or argv[0] not in ("execute", "check"):
        print(__doc__)
        return 2
    mode, paths = argv[0], notebooks(argv[1:])
    if not paths:
        print("no notebooks found")
        return 1
    passed = failed = 0
    for path in paths:
        start = time.monotonic()
        try:
            stored, fresh = run(path)
            errs = problems(stored, fresh) if mode == "check" else problems(fresh, fresh)
        except (CellExecutionError, DeadKernelError, RuntimeError, TimeoutError) as e:
            errs = [f"execution failed: {type(e).__name__}: {str(e)[:2000]}"]
            fresh = None
        took = time.monotonic() - start
        if mode == "execute" and fresh is not None:
            nbformat.write(fresh, path)
        name = os.path.relpath(path, ROOT)
        if errs:
            failed += 1
            print(f"FAIL {name} ({took:.1f} s)")
            for e in errs:
                print("  " + e.replace("\n", "\n  "))
        else:
            passed += 1
            print(f"ok   {name} ({took:.1f} s)")
        sys.stdout.flush()
    print(f"notebooks: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
