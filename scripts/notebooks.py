#!/usr/bin/env python3
"""Execute the project's Rust notebooks in the real evcxr kernel.

  notebooks.py execute [--jobs N] [NB ...]   run each notebook and store its fresh outputs
  notebooks.py warm [NB]                      build a notebook's crates for the kernel without
                                  running its lessons: its leading `:dep`/`use` cells
                                  (default 00-overview, which loads every section
                                  crate) in a kernel, then slot-0 copied to slot-1,
                                  so the first two notebooks a student opens start warm
  notebooks.py start-test                 check that a kernel whose port another process
                                  holds is started again (class Starting)
  notebooks.py check   [--jobs N] [NB ...]   run each notebook in memory (both editions'
                                  outputs at once, optcore::lang) and fail on
                                  - a cell error or a dead kernel (a panic aborts it,
                                    see notebooks/.evcxr/prelude.rs),
                                  - any stderr output (an `Err` returned through `?`
                                    lands there),
                                  - stored outputs that differ from the fresh run,
                                    in either edition,
                                  - a failed knob check (a cell's `lab` metadata:
                                    its values are the crate's lesson values, a
                                    changed knob changes its output, a bad one
                                    shows its typed error; class LabChecks).

Without NB arguments: every notebooks/*.ipynb, in name order. Prints one line per
notebook with its wall time and, at the end, 'N passed, N failed'.

--jobs N runs N notebooks at once, each in its own kernel and build slot
(scripts/evcxr-kernel.sh): the first notebook alone (00-overview loads every
crate, so it builds them all into slot-0), then slot-0 copied into the empty
slots 1 … N−1 (`evcxr-kernel.sh --seed N`), then the rest N at a time. A
kernel compiles its cells on one core, so two at once use both cores of this
machine.
"""
import copy
import difflib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
import editions  # noqa: E402  (scripts/editions.py)
from nbclient.exceptions import CellExecutionError, DeadKernelError

ROOT = Path(__file__).resolve().parent.parent
NB_DIR = ROOT / "notebooks"
CELL_TIMEOUT = int(os.environ.get("NB_CELL_TIMEOUT", "900"))
KERNEL = "rust"
# The Korean edition's kernel: the same spec with OPTCOURSE_LANG=ko, so that a
# Korean notebook opened in JupyterLab shows its outputs in Korean
# (optcore::lang). The runner itself starts KERNEL with OPTCOURSE_LANG=both: one
# run yields both editions' outputs (split by scripts/editions.py).
KERNEL_KO = editions.KERNEL_KO
# A kernel spec named like the notebooks' own ("rust"), found first through
# JUPYTER_PATH, that starts evcxr through scripts/evcxr-kernel.sh: each kernel then
# builds in a kept folder (a free slot), so the path crates compiled for one
# notebook serve the next kernel instead of being compiled again. run.sh points
# JupyterLab at the same spec.
JUPYTER_DIR = ROOT / ".venv" / "jupyter"


def kernel_env():
    """Environment for a notebook kernel: config dir, kernel specs (written if needed)."""
    spec = JUPYTER_DIR / "kernels" / KERNEL / "kernel.json"
    want = {
        "argv": ["bash", str(ROOT / "scripts" / "evcxr-kernel.sh"), "--control_file", "{connection_file}"],
        "display_name": "Rust",
        "interrupt_mode": "message",
        "language": "rust",
    }
    want_ko = {**want, "display_name": editions.KERNEL_KO_NAME, "env": {"OPTCOURSE_LANG": "ko"}}
    # evcxr_jupyter, when a kernel starts, "updates" the spec it finds through
    # JUPYTER_PATH (ours) if that folder has no version.txt of its version: it
    # rewrites kernel.json with its own argv (no evcxr-kernel.sh, no slot). In a
    # fresh clone the first kernel did so, and the two kernels after it both
    # rewrote the spec back, one reading it while the other wrote (CI, 2026-12-02:
    # a JSONDecodeError failed 01). So: let evcxr install its files here once,
    # before any kernel starts, then write ours; and write by rename, so that a
    # reader never sees half a file.
    if not (spec.parent / "version.txt").exists():
        spec.parent.mkdir(parents=True, exist_ok=True)
        evcxr = shutil.which("evcxr_jupyter") or str(Path.home() / ".cargo" / "bin" / "evcxr_jupyter")
        subprocess.run([evcxr, "--install"], env={**os.environ, "JUPYTER_PATH": str(JUPYTER_DIR)},
                       stdout=subprocess.DEVNULL, check=True)
    try:
        current = json.loads(spec.read_text())
    except (OSError, ValueError):
        current = None
    write_spec(spec, current, want)
    spec_ko = JUPYTER_DIR / "kernels" / KERNEL_KO / "kernel.json"
    spec_ko.parent.mkdir(parents=True, exist_ok=True)
    for f in spec.parent.iterdir():  # evcxr's logos and editor files, as in `rust`
        if f.is_file() and f.name != "kernel.json" and not f.name.startswith("kernel.json.") \
                and not (spec_ko.parent / f.name).exists():
            shutil.copy(f, spec_ko.parent / f.name)
    try:
        current_ko = json.loads(spec_ko.read_text())
    except (OSError, ValueError):
        current_ko = None
    write_spec(spec_ko, current_ko, want_ko)
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        [str(JUPYTER_DIR)]
        + [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p and p != str(JUPYTER_DIR)]
    )
    os.environ["EVCXR_CONFIG_DIR"] = str(NB_DIR / ".evcxr")
    return dict(os.environ)


def write_spec(spec, current, want):
    if current != want:
        spec.parent.mkdir(parents=True, exist_ok=True)
        tmp = spec.with_name(f"kernel.json.{os.getpid()}")
        tmp.write_text(json.dumps(want, indent=2) + "\n")
        os.replace(tmp, spec)


def notebooks(args):
    if args:
        return [Path(a).resolve() for a in args]
    # The English edition only: a Korean edition (*.ko.ipynb) has the same code
    # cells, and each run of the English one yields the Korean outputs too.
    return sorted(p for p in NB_DIR.glob("*.ipynb") if not p.name.endswith(".ko.ipynb"))


# A bad-knob block runs inside this, so that its error is printed on stdout: evcxr
# sends an `Err` a cell returns as stderr text, on its own pipe, which can reach
# the client after the cell's reply (seen under load: the check lost it in about
# one run of ten); stdout is ordered with the reply. {source} is the changed cell.
BAD = """match (|| -> std::result::Result<(), Box<dyn std::error::Error>> {{
    let _shown = {{
{source}
    }};
    Ok(())
}})() {{
    Ok(()) => println!("lab check: no error"),
    Err(e) => println!("lab check: refused: {{e}}"),
}}"""


class LabChecks:
    """The checks a cell's `lab` metadata asks for, run in the kernel right after
    the cell (docs/notebooks.md). Each runs as an extra cell that is never
    stored: the notebook's outputs and execution counts stay as a plain run leaves
    them. Problems are collected in `found`, as "cell N: …" lines.

    - `let` + `lesson`: the cell's value printed with `{:?}` equals the crate's
      lesson value (the numbers the crate's snapshots pin);
    - `change` [old, new]: the cell with one knob changed, run as a block, shows
      something else than the stored output, and no error;
    - `uses` + `change`: the same for a cell that shows more of an experiment
      defined above (`let` = `uses`): that cell, changed, and this one, one block;
    - `bad` [old, new, text]: the cell with a knob changed to a refused value
      returns an error containing `text` (and the kernel lives on); the block
      prints it on stdout (BAD), where it cannot arrive late;
    - `fixed`: a cell that shows something without knobs says why (no check);
    - `change_rule` [old, new]: the rule cell above (the nearest cell before this
      one containing `old`) changed, with this check cell, shows a passing verdict.
    """

    def __init__(self, stored):
        self.stored = stored
        self.found = []
        self.sources = []  # (index, source) of the cells run so far

    async def after(self, client, cell, index):
        """Runs the checks of cell `index` (just executed in `client`)."""
        self.sources.append((index, cell.source))
        meta = cell.metadata.get("lab")
        if cell.cell_type != "code" or not meta:
            return
        jobs = []
        if "let" in meta and "lesson" in meta:
            var, lesson = meta["let"], meta["lesson"]
            jobs.append(("lesson", f"""{{
    let (cell, lesson) = (format!("{{:?}}", {var}), format!("{{:?}}", {lesson}));
    if cell != lesson {{
        eprintln!("the cell's `{var}` is not the crate's {{}}:\n  cell:   {{cell}}\n  lesson: {{lesson}}", {json.dumps(lesson)});
    }}
}}""", None))
        base = cell.source
        if "uses" in meta:
            defining = [s for i, s in self.sources[:-1] if self.defines(i, meta["uses"])]
            if not defining:
                self.found.append(f"cell {index}: `uses` {meta['uses']!r}, but no cell above binds it")
                return
            base = defining[-1] + "\n;\n" + cell.source
        if "change" in meta:
            jobs.append(("change", self.block(index, base, meta["change"]), None))
        if "bad" in meta:
            changed = self.replace(index, base, meta["bad"][:2])
            jobs.append(("bad", None if changed is None else BAD.format(source=changed), meta["bad"][2]))
        if "change_rule" in meta:
            old = meta["change_rule"][0]
            rule = [s for i, s in self.sources[:-1] if old in s]
            if not rule:
                self.found.append(f"cell {index}: `change_rule` {old!r} is in no cell above")
                return
            changed = self.replace(index, rule[-1], meta["change_rule"])
            jobs.append(("change_rule", "{\n" + changed + "\n;\n" + cell.source + "\n}", None))
        for kind, source, text in jobs:
            if source is None:
                continue
            out = await self.run_extra(client, source, index)
            self.judge(index, kind, out, cell, text)

    def defines(self, index, var):
        cell = self.stored.cells[index] if index < len(self.stored.cells) else None
        return cell is not None and cell.metadata.get("lab", {}).get("let") == var

    def replace(self, index, source, pair):
        old, new = pair[0], pair[1]
        if old not in source:
            self.found.append(f"cell {index}: the knob {old!r} to change is not in the cell")
            return None
        return source.replace(old, new, 1)

    def block(self, index, source, pair):
        changed = self.replace(index, source, pair)
        return None if changed is None else "{\n" + changed + "\n}"

    async def run_extra(self, client, source, index):
        extra = nbformat.v4.new_code_cell(source)
        count, cell = client.code_cells_executed, client.nb.cells[index]
        try:
            await client.async_execute_cell(extra, index, store_history=False)
        except CellExecutionError as e:
            extra.outputs.append({"output_type": "error", "ename": "CellExecutionError", "evalue": str(e)[:1500]})
        finally:
            # nbclient stores the cell it ran at its index: put the real one back.
            client.code_cells_executed, client.nb.cells[index] = count, cell
        return extra.outputs

    def judge(self, index, kind, outputs, cell, text):
        shown = json.dumps([o.get("data", o.get("text", "")) for o in outputs], ensure_ascii=False)
        errors = [o for o in outputs if o.get("output_type") == "error"
                  or (o.get("output_type") == "stream" and o.get("name") == "stderr")]
        err_text = " ".join(o.get("text", "") + o.get("evalue", "") for o in errors)
        if kind == "lesson":
            if errors:
                self.found.append(f"cell {index}: {err_text.strip()[:800]}")
        elif kind == "change":
            stored = json.dumps([o.get("data", o.get("text", "")) for o in cell.outputs], ensure_ascii=False)
            if errors:
                self.found.append(f"cell {index}: with a knob changed it fails: {err_text.strip()[:800]}")
            elif shown == stored or not outputs:
                self.found.append(f"cell {index}: with a knob changed its output stays the same: the knob is dead")
        elif kind == "bad":
            refused = [o.get("text", "") for o in outputs
                       if o.get("output_type") == "stream" and "lab check: refused: " in o.get("text", "")]
            err_text = " ".join(refused) + err_text
            if not refused and not errors:
                self.found.append(f"cell {index}: a bad knob shows no error")
            elif text not in err_text:
                self.found.append(f"cell {index}: a bad knob's error does not say {text!r}: {err_text.strip()[:800]}")
        elif kind == "change_rule":
            if errors or "✓" not in shown or "✗" in shown:
                self.found.append(f"cell {index}: the check at changed settings does not pass: "
                                  f"{(err_text or shown).strip()[:800]}")


# Cells that need no `lab` metadata: set-up, an exercise's check, the answers.
NOT_EXPERIMENTS = (".check(", "exercise::solutions(")


def uncovered(path, nb):
    """Cells of a lesson notebook (01 onwards) that show something but carry no
    `lab` metadata: every experiment cell states its knobs and their checks, and
    a cell without knobs says why (`{"lab": {"fixed": "<why>"}}`)."""
    if path.name.startswith("00-"):
        return []
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or not cell.get("outputs"):
            continue
        lines = [l.strip() for l in cell.source.splitlines() if l.strip() and not l.strip().startswith("//")]
        if all(l.startswith((":dep", "use ")) for l in lines):
            continue
        if any(k in cell.source for k in NOT_EXPERIMENTS) and "compare_with_trace" not in cell.source:
            continue
        if not cell.metadata.get("lab"):
            first = lines[0] if lines else ""
            out.append(f"cell {i}: shows output but has no `lab` metadata (docs/notebooks.md): {first[:80]}")
    return out


KERNEL_STARTS = 3


class Starting(NotebookClient):
    """A notebook client that starts its kernel again when the start fails.

    jupyter_client picks a kernel's five ports by binding port 0 and letting it
    go; the kernel binds them a moment later. Two notebooks run at once, beside
    Chromium and the static edition's local server, so now and then another
    process takes a port in that moment and evcxr exits with "Address already
    in use" before it answers. A fresh kernel manager picks fresh ports."""

    async def async_start_new_kernel_client(self):
        for attempt in range(1, KERNEL_STARTS + 1):
            try:
                return await super().async_start_new_kernel_client()
            except (RuntimeError, TimeoutError) as e:  # nbclient has shut the kernel down
                if attempt == KERNEL_STARTS:
                    raise
                print(f"notebooks.py: the kernel did not start ({str(e)[:200]}); "
                      f"starting a new one with new ports ({attempt + 1} of {KERNEL_STARTS})",
                      file=sys.stderr, flush=True)
                self.km = self.create_kernel_manager()
                await self.async_start_new_kernel()


class Client(Starting):
    """A notebook client that runs each cell's `lab` checks right after it."""

    def __init__(self, nb, checks, **kw):
        super().__init__(nb, **kw)
        self.checks = checks

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        out = await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        if store_history and self.checks is not None:
            await self.checks_after(cell, cell_index)
        return out

    async def checks_after(self, cell, cell_index):
        checks, self.checks = self.checks, None  # the extra cells run without checks
        try:
            await checks.after(self, cell, cell_index)
        finally:
            self.checks = checks


def run(path):
    nb = nbformat.read(path, as_version=4)
    fresh = copy.deepcopy(nb)
    kernel_env()
    # Both languages in every output (optcore::lang); with OPTCOURSE_LANG_MISSES
    # set by the caller, the texts shown untranslated are noted there (read them
    # with `cargo run -p optcore --example untranslated -- <file>`).
    os.environ["OPTCOURSE_LANG"] = "both"
    checks = LabChecks(nb)
    client = Client(
        fresh,
        checks,
        kernel_name=KERNEL,
        timeout=CELL_TIMEOUT,
        startup_timeout=120,
        record_timing=False,  # no timestamps in stored notebooks
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    renumber(fresh)
    return nb, fresh, checks.found


def renumber(nb):
    """Execution counts 1, 2, 3, … in cell order, as a plain run from the top
    shows them: the knob checks' extra cells advance evcxr's counter (it ignores
    store_history), which would leave gaps."""
    n = 0
    for cell in nb.cells:
        if cell.cell_type != "code" or cell.get("execution_count") is None:
            continue
        n += 1
        cell.execution_count = n
        for o in cell.get("outputs", []):
            if o.get("output_type") == "execute_result":
                o["execution_count"] = n


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


def one(mode, path):
    """Runs one notebook in this process; returns (passed, the lines to print)."""
    start = time.monotonic()
    try:
        stored, both, lab = run(path)
        fresh = editions.english(both)
        errs = (problems(stored, fresh) if mode == "check" else problems(fresh, fresh)) + lab
        errs += uncovered(path, fresh)
        ko_path = editions.korean_of(path)
        if ko_path.exists():
            ko_fresh = editions.korean(both, nbformat.read(ko_path, as_version=4))
            if mode == "check":
                ko_stored = nbformat.read(ko_path, as_version=4)
                errs += [f"{ko_path.name} {e}" for e in problems(ko_stored, ko_fresh)]
    except (CellExecutionError, DeadKernelError, RuntimeError, TimeoutError) as e:
        errs = [f"execution failed: {type(e).__name__}: {str(e)[:2000]}"]
        fresh = None
    took = time.monotonic() - start
    if mode == "execute" and fresh is not None:
        nbformat.write(fresh, path)
        # The Korean edition: the same code, its outputs in Korean (scripts/editions.py).
        if ko_path.exists():
            nbformat.write(ko_fresh, ko_path)
    name = os.path.relpath(path, ROOT)
    if errs:
        lines = [f"FAIL {name} ({took:.1f} s)"] + ["  " + e.replace("\n", "\n  ") for e in errs]
    else:
        lines = [f"ok   {name} ({took:.1f} s)"]
    return not errs, lines


def in_subprocess(mode, path):
    """Runs one notebook in a child process (its own kernel, so its own slot)."""
    r = subprocess.run(
        [sys.executable, __file__, mode, str(path)], stdout=subprocess.PIPE, text=True
    )
    lines = [l for l in r.stdout.splitlines() if l and not l.startswith("notebooks: ")]
    return r.returncode == 0, lines


def leading_setup_cells(nb):
    """The code cells before the first that does more than `:dep` and `use`."""
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        lines = [l.strip() for l in cell.source.splitlines() if l.strip() and not l.strip().startswith("//")]
        if not lines or not all(l.startswith((":dep", "use ")) for l in lines):
            break
        cells.append(cell)
    return cells


def warm(args):
    path = notebooks(args)[0] if args else NB_DIR / "00-overview.ipynb"
    start = time.monotonic()
    nb = nbformat.read(path, as_version=4)
    setup = copy.deepcopy(nb)
    setup.cells = leading_setup_cells(nb)
    kernel_env()
    client = Starting(setup, kernel_name=KERNEL, timeout=CELL_TIMEOUT, startup_timeout=120,
                            record_timing=False, resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except (CellExecutionError, DeadKernelError, RuntimeError, TimeoutError) as e:
        print(f"notebooks: warming the kernel with {path.name} failed: {type(e).__name__}: {str(e)[:2000]}")
        return 1
    errs = problems(setup, setup)
    if errs:
        print("\n".join(["notebooks: warming the kernel failed"] + errs))
        return 1
    subprocess.run(["bash", str(ROOT / "scripts" / "evcxr-kernel.sh"), "--seed", "2"], check=False)
    print(f"notebooks: the kernel's crates are built ({len(setup.cells)} set-up cells of {path.name}, "
          f"{time.monotonic() - start:.0f} s)")
    return 0


def start_test():
    """Holds the port the first kernel is given, so that kernel cannot start,
    and runs a one-cell notebook: it passes only if class Starting starts a
    second kernel with new ports."""
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen()
    taken = blocker.getsockname()[1]
    managers = []

    class Blocked(Starting):
        def create_kernel_manager(self):
            km = super().create_kernel_manager()
            if not managers:  # the first kernel: its shell port is the held one
                km.cache_ports = False
                km.shell_port = taken
            managers.append(km)
            return km

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("6 * 7")])
    kernel_env()
    start = time.monotonic()
    try:
        Blocked(nb, kernel_name=KERNEL, timeout=CELL_TIMEOUT, startup_timeout=60,
                record_timing=False, resources={"metadata": {"path": str(NB_DIR)}}).execute()
    finally:
        blocker.close()
    shown = "".join(o.get("data", {}).get("text/plain", "") for o in nb.cells[0].outputs)
    if len(managers) != 2 or shown != "42":
        print(f"FAIL the kernel start with a taken port: {len(managers)} kernel(s) started, "
              f"the cell showed {shown!r} (want 2 kernels and 42)")
        return 1
    print(f"ok   a kernel whose port is taken is started again with new ports "
          f"({time.monotonic() - start:.1f} s)")
    return 0


def main(argv):
    if argv and argv[0] == "warm":
        return warm(argv[1:])
    if argv and argv[0] == "start-test":
        return start_test()
    if not argv or argv[0] not in ("execute", "check"):
        print(__doc__)
        return 2
    mode, args, jobs = argv[0], list(argv[1:]), 1
    if "--jobs" in args:
        i = args.index("--jobs")
        jobs = max(1, int(args[i + 1]))
        del args[i : i + 2]
    paths = notebooks(args)
    if not paths:
        print("no notebooks found")
        return 1
    passed = failed = 0

    def report(ok, lines):
        nonlocal passed, failed
        passed, failed = passed + ok, failed + (not ok)
        print("\n".join(lines))
        sys.stdout.flush()

    if jobs == 1 or len(paths) == 1:
        for path in paths:
            report(*one(mode, path))
    else:
        report(*one(mode, paths[0]))
        subprocess.run(["bash", str(ROOT / "scripts" / "evcxr-kernel.sh"), "--seed", str(jobs)], check=False)
        with ThreadPoolExecutor(jobs) as pool:
            for ok, lines in pool.map(lambda p: in_subprocess(mode, p), paths[1:]):
                report(ok, lines)
    print(f"notebooks: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
