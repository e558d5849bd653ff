#!/usr/bin/env python3
"""The Korean and English editions of the notebooks, held in step.

  editions.py check [NB ...]   fail unless every notebooks/NN-name.ipynb (the English
                               edition, the one the kernel runs) has its Korean edition
                               notebooks/NN-name.ko.ipynb with
                               - the same cells in the same order (type and id),
                               - the same code cells: source, metadata, outputs,
                               - in each markdown cell, every number the English
                                 cell writes,
                               - links to the Korean edition of other notebooks,
                               - Hangul in at least 95 % of its prose paragraphs
                                 (formulas, code, names and quoted terms aside).
  editions.py self-test       the check fails on a broken copy of the first pair
  editions.py sync [NB ...]    copy the English edition's code cells (source,
                               metadata, outputs, counts) into the Korean edition,
                               by position; the markdown is left as it is.

NB is an English edition's path; without it, every one. docs/editions.md says why
the editions are two notebooks and what this check holds.
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NB_DIR = ROOT / "notebooks"

HANGUL = re.compile(r"[\uac00-\ud7a3]")
# A number as prose writes it: 0.3162, 1e-4, 10⁻⁴ is "10" then a superscript, 44.
NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?:e[-+]?\d+)?")
# Most of a paragraph that needs no Hangul: formulas, code, links' targets, tags.
NOT_PROSE = [
    re.compile(r"\$\$.*?\$\$", re.S),
    re.compile(r"\$[^$\n]+\$"),
    re.compile(r"`[^`]*`"),
    re.compile(r"\]\([^)]*\)"),
    re.compile(r"<[^>]+>"),
    re.compile(r"https?://\S+"),
]
# A paragraph lacks Hangul if what is left has this many words of Latin letters.
LATIN_WORDS = 4
MAX_WITHOUT_HANGUL = 0.05


def english_editions(args):
    if args:
        return [Path(a).resolve() for a in args]
    return sorted(p for p in NB_DIR.glob("[0-9][0-9]-*.ipynb") if not p.name.endswith(".ko.ipynb"))


def korean_of(path):
    return path.with_name(path.stem + ".ko.ipynb")


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def save(path, nb):
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def text(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def paragraphs(markdown):
    """Blocks between blank lines, each list item its own (as testkit::prose)."""
    out, current = [], []
    for line in markdown.splitlines():
        bare = line.lstrip("> ").strip()
        item = bool(re.match(r"(-|\*|\d+\.)\s", bare))
        if not bare or item:
            if current:
                out.append(" ".join(current))
            current = []
        if bare:
            current.append(bare)
    if current:
        out.append(" ".join(current))
    return out


def lacks_hangul(paragraph):
    if HANGUL.search(paragraph):
        return False
    rest = paragraph
    for pattern in NOT_PROSE:
        rest = pattern.sub(" ", rest)
    return len(re.findall(r"[A-Za-z]{2,}", rest)) >= LATIN_WORDS


def numbers(markdown):
    without_links = re.sub(r"\]\([^)]*\)", "]", markdown)
    return set(NUMBER.findall(without_links))


def problems(en_path):
    ko_path = korean_of(en_path)
    name = ko_path.name
    if not ko_path.exists():
        return [f"{name}: missing (the Korean edition of {en_path.name})"]
    en, ko = load(en_path), load(ko_path)
    out = []
    if len(en["cells"]) != len(ko["cells"]):
        return [f"{name}: {len(ko['cells'])} cells, the English edition has {len(en['cells'])}"]
    without, prose = [], 0
    for i, (a, b) in enumerate(zip(en["cells"], ko["cells"])):
        if (a["cell_type"], a.get("id")) != (b["cell_type"], b.get("id")):
            out.append(f"{name} cell {i}: {b['cell_type']} {b.get('id')}, the English edition has "
                       f"{a['cell_type']} {a.get('id')} (same cells in the same order)")
            continue
        if a["cell_type"] == "code":
            for key in ("source", "metadata", "outputs", "execution_count"):
                if a.get(key) != b.get(key):
                    out.append(f"{name} cell {i}: its code cell's {key} differs from the English "
                               f"edition's (run `scripts/editions.py sync`)")
            continue
        missing = sorted(numbers(text(a)) - numbers(text(b)))
        if missing:
            out.append(f"{name} cell {i}: the English cell's numbers {', '.join(missing)} are not in it")
        for link in re.findall(r"\]\(((?:\d\d-[\w-]+)(?<!\.ko)\.ipynb)", text(b)):
            out.append(f"{name} cell {i}: links to the English edition {link} (want {link[:-6]}.ko.ipynb)")
        for p in paragraphs(text(b)):
            prose += 1
            if lacks_hangul(p):
                without.append(f"cell {i}: {p[:100]}")
    if prose and len(without) / prose >= MAX_WITHOUT_HANGUL:
        out.append(f"{name}: {len(without)} of {prose} prose paragraphs have no Hangul "
                   f"(at most {MAX_WITHOUT_HANGUL:.0%}):\n  " + "\n  ".join(without[:10]))
    return out


def check(args):
    failed = 0
    for en_path in english_editions(args):
        errs = problems(en_path)
        if errs:
            failed += 1
            print(f"FAIL {korean_of(en_path).name}\n  " + "\n  ".join(e.replace("\n", "\n  ") for e in errs))
        else:
            print(f"ok   {korean_of(en_path).name} in step with {en_path.name}")
    return 1 if failed else 0


def sync(args):
    for en_path in english_editions(args):
        ko_path = korean_of(en_path)
        if not ko_path.exists():
            continue
        en, ko = load(en_path), load(ko_path)
        if [(c["cell_type"], c.get("id")) for c in en["cells"]] != [(c["cell_type"], c.get("id")) for c in ko["cells"]]:
            print(f"editions: {ko_path.name} does not have the English edition's cells; not synced")
            return 1
        for a, b in zip(en["cells"], ko["cells"]):
            if a["cell_type"] == "code":
                for key in ("source", "metadata", "outputs", "execution_count"):
                    b[key] = a[key]
        ko["metadata"] = en["metadata"]
        save(ko_path, ko)
    return 0


def self_test():
    """The check must fail on a broken copy of the first pair: a code cell edited,
    a number dropped, a link to the English edition, a paragraph left in English,
    a cell removed (each caught by its own message)."""
    import shutil
    import tempfile
    en_path = english_editions([])[0]
    with tempfile.TemporaryDirectory() as tmp:
        en_copy = Path(tmp) / en_path.name
        shutil.copy(en_path, en_copy)
        ko = load(korean_of(en_path))
        code = next(c for c in ko["cells"] if c["cell_type"] == "code")
        code["source"] = text(code) + "\n// edited"
        with_number = next(c for c in ko["cells"] if c["cell_type"] == "markdown" and numbers(text(c)))
        dropped = sorted(numbers(text(with_number)))[0]
        with_number["source"] = NUMBER.sub(lambda m: "" if m.group(0) == dropped else m.group(0), text(with_number))
        markdown = [c for c in ko["cells"] if c["cell_type"] == "markdown"]
        markdown[-1]["source"] = text(markdown[-1]) + "\n\nSee [the next one](01-batching.ipynb)."
        for c in markdown[:-1]:
            c["source"] = "This paragraph was left in English by mistake, as it happens."
        save(korean_of(en_copy), ko)
        broken = problems(en_copy)
        del ko["cells"][-1]
        save(korean_of(en_copy), ko)
        broken += problems(en_copy)
    want = {"edited code": "code cell's source differs", "dropped number": f"numbers {dropped}",
            "English link": "links to the English edition", "English prose": "have no Hangul",
            "missing cell": "cells, the English edition has"}
    missed = [k for k, w in want.items() if not any(w in b for b in broken)]
    if missed:
        print("FAIL the editions check on a broken copy missed: " + ", ".join(missed) + "\n  " + "\n  ".join(broken))
        return 1
    print(f"ok   the editions check fails on a broken copy of {korean_of(en_path).name} ({', '.join(want)})")
    return 0


def main(argv):
    if not argv or argv[0] not in ("check", "sync", "self-test"):
        print(__doc__)
        return 2
    if argv[0] == "self-test":
        return self_test()
    return check(argv[1:]) if argv[0] == "check" else sync(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
