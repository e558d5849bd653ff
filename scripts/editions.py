#!/usr/bin/env python3
"""The Korean and English editions of the notebooks, held in step.

  editions.py check [NB ...]   fail unless every notebooks/NN-name.ipynb (the English
                               edition) has its Korean edition notebooks/NN-name.ko.ipynb
                               with
                               - the same cells in the same order (type and id),
                               - the same code cells: source, metadata, counts,
                               - the same outputs in Korean: per code cell the same
                                 outputs, each with the same MIME types, the same
                                 numbers in its visible text, and no English words
                                 (kept names aside: crates/optcore/src/lang/kept.txt);
                                 streams and plain text (what the code itself prints)
                                 identical,
                               - in each markdown cell, every number the English
                                 cell writes,
                               - links to the Korean edition of other notebooks,
                               - Hangul in at least 95 % of its prose paragraphs
                                 (formulas, code, names and quoted terms aside).
  editions.py self-test       the check fails on a broken copy of the first pair
  editions.py sync [NB ...]    copy the English edition's code (source, metadata,
                               counts) into the Korean edition, by position; the
                               markdown and the outputs are left as they are (the
                               outputs come from `notebooks.py execute`, which runs
                               each notebook once with both languages' outputs and
                               stores each edition's: english() and korean() below).

NB is an English edition's path; without it, every one. docs/editions.md says why
the editions are two notebooks and what this check holds.
"""

import copy
import html
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

# The Korean edition's kernel (scripts/notebooks.py writes its spec): the English
# one with OPTCOURSE_LANG=ko, so that JupyterLab shows its outputs in Korean.
KERNEL_KO = "rust-ko"
KERNEL_KO_NAME = "Rust (한국어)"
# Words a Korean output may keep in English: one list, the crates' (optcore::lang).
KEPT = {
    line.split("#")[0].strip().lower()
    for line in (ROOT / "crates" / "optcore" / "src" / "lang" / "kept.txt").read_text(encoding="utf-8").splitlines()
} - {""}
# Outputs of a run in both languages (optcore::lang::ko_mime): Korean under
# "kind/x-ko-sub" beside the English "kind/sub".
KO_MIME = re.compile(r"^([^/]+)/x-ko-(.+)$")
# Visible text of an HTML, SVG or Markdown output: without scripts, styles,
# formulas, code and tags (formulas before tags: a formula may hold a `<`).
HIDDEN = [
    re.compile(r"<(script|style)\b.*?</\1>", re.S),
    re.compile(r"\$\$.*?\$\$", re.S),
    re.compile(r"\$[^$\n]+\$"),
    re.compile(r"`[^`]*`"),
    re.compile(r"<[^>]+>"),
]


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


def english(both):
    """The English edition of a notebook run in both languages: every output
    without its Korean MIME types."""
    nb = copy.deepcopy(both)
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            if "data" in o:
                o["data"] = {k: v for k, v in o["data"].items() if not KO_MIME.match(k)}
    return nb


def korean(both, ko):
    """The Korean edition `ko` with the code of a run in both languages and, as
    its outputs, the Korean MIME types under their plain names."""
    ko = copy.deepcopy(ko)
    take_code(both, ko)
    for a, b in zip(both["cells"], ko["cells"]):
        if a["cell_type"] != "code":
            continue
        outputs = copy.deepcopy(a.get("outputs", []))
        for o in outputs:
            if "data" in o:
                korean_data = {f"{m.group(1)}/{m.group(2)}": v for k, v in o["data"].items()
                               if (m := KO_MIME.match(k))}
                o["data"] = {k: v for k, v in o["data"].items() if not KO_MIME.match(k)}
                o["data"].update(korean_data)
        b["outputs"] = outputs
    return ko


def take_code(en, ko):
    """Copies the English edition's code cells (source, metadata, count) and its
    notebook metadata, with the Korean kernel, into `ko`, by position."""
    for a, b in zip(en["cells"], ko["cells"]):
        if a["cell_type"] == "code":
            for key in ("source", "metadata", "execution_count"):
                b[key] = copy.deepcopy(a[key])
    ko["metadata"] = copy.deepcopy(en["metadata"])
    ko["metadata"]["kernelspec"] = {"display_name": KERNEL_KO_NAME, "language": "rust", "name": KERNEL_KO}


def visible(body):
    body = "".join(body) if isinstance(body, list) else body
    for pattern in HIDDEN:
        body = pattern.sub(" ", body)
    return html.unescape(body)


def english_words(shown):
    """Words of three or more Latin letters that kept.txt does not list and that
    are not part of a name in code (as optcore::lang::english_words and is_code)."""
    words = []
    for run in re.findall(r"[A-Za-z0-9_\-./:]+", shown):
        token = run.rstrip("-./:")
        if re.search(r"[\d_/.]|::|^--", token) or ("-" in token and token.split("-")[0].lower() in KEPT):
            continue
        words += [w for w in re.split(r"[-./:]", token) if len(w) >= 3 and w.isalpha() and w.lower() not in KEPT]
    return words


def output_problems(i, a, b):
    """The Korean outputs `b` of code cell i against the English `a`."""
    out = []
    if len(a) != len(b):
        return [f"cell {i}: {len(b)} outputs, the English edition has {len(a)} (run `notebooks.py execute`)"]
    for k, (x, y) in enumerate(zip(a, b)):
        where = f"cell {i} output {k}"
        if x.get("output_type") != y.get("output_type") or x.get("name") != y.get("name"):
            out.append(f"{where}: {y.get('output_type')}, the English edition has {x.get('output_type')}")
            continue
        if "data" not in x:
            if x != y:
                out.append(f"{where}: differs from the English edition's (what the code prints is the same)")
            continue
        if set(x["data"]) != set(y["data"]):
            out.append(f"{where}: MIME types {sorted(y['data'])}, the English edition has {sorted(x['data'])}")
            continue
        for mime, body in x["data"].items():
            if mime == "text/plain":
                if body != y["data"][mime]:
                    out.append(f"{where}: its plain text differs from the English edition's")
                continue
            en_shown, ko_shown = visible(body), visible(y["data"][mime])
            if sorted(NUMBER.findall(en_shown)) != sorted(NUMBER.findall(ko_shown)):
                lost = sorted(set(NUMBER.findall(en_shown)) ^ set(NUMBER.findall(ko_shown)))
                out.append(f"{where}: its numbers differ from the English edition's ({', '.join(lost[:8]) or 'how often'})")
            words = english_words(ko_shown)
            if words:
                out.append(f"{where}: English left in the Korean output: {', '.join(sorted(set(words))[:12])}")
    return out


def problems(en_path):
    ko_path = korean_of(en_path)
    name = ko_path.name
    if not ko_path.exists():
        return [f"{name}: missing (the Korean edition of {en_path.name})"]
    en, ko = load(en_path), load(ko_path)
    out = []
    if len(en["cells"]) != len(ko["cells"]):
        return [f"{name}: {len(ko['cells'])} cells, the English edition has {len(en['cells'])}"]
    if ko["metadata"].get("kernelspec", {}).get("name") != KERNEL_KO:
        out.append(f"{name}: its kernel is not {KERNEL_KO} (run `scripts/editions.py sync`)")
    without, prose = [], 0
    for i, (a, b) in enumerate(zip(en["cells"], ko["cells"])):
        if (a["cell_type"], a.get("id")) != (b["cell_type"], b.get("id")):
            out.append(f"{name} cell {i}: {b['cell_type']} {b.get('id')}, the English edition has "
                       f"{a['cell_type']} {a.get('id')} (same cells in the same order)")
            continue
        if a["cell_type"] == "code":
            for key in ("source", "metadata", "execution_count"):
                if a.get(key) != b.get(key):
                    out.append(f"{name} cell {i}: its code cell's {key} differs from the English "
                               f"edition's (run `scripts/editions.py sync`)")
            out += [f"{name} {p}" for p in output_problems(i, a.get("outputs", []), b.get("outputs", []))]
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
        take_code(en, ko)
        save(ko_path, ko)
    return 0


def self_test():
    """The check must fail on a broken copy of the first pair: a code cell edited,
    a number dropped, a link to the English edition, a paragraph left in English,
    a cell removed, an output with English in it and one number fewer (each caught
    by its own message)."""
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
        shown = next(o for c in ko["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])
                     if "text/html" in o.get("data", {}) and re.search(r">\s*\d", "".join(o["data"]["text/html"])))
        body = "".join(shown["data"]["text/html"])
        shown["data"]["text/html"] = re.sub(r">(\s*)\d+(?:\.\d+)?", r">\1", body, count=1) + "<p>left in English</p>"
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
            "missing cell": "cells, the English edition has",
            "English output": "English left in the Korean output", "dropped output number": "its numbers differ"}
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
