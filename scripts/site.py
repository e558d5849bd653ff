#!/usr/bin/env python3
"""The static edition: every notebook's stored outputs as an HTML page, offline.

    .venv/bin/python scripts/site.py build [--out site]   # site/ from the stored outputs
    .venv/bin/python scripts/site.py count                # formulas per page, as JSON

site/index.html is 00-overview with a table of contents (every page and the API
docs); NN-name.html is each other notebook; each page has previous/next links;
site/api/ is a copy of the offline rustdoc output of scripts/doc.sh (when built);
site/assets/ holds the stylesheet and KaTeX's CSS and fonts. The folder opens from
file:// and from any static host: no CDN, no JavaScript needed for the math.

Why it is built this way (issue 11, item 1):
  * Formulas are typeset at build time: KaTeX (pinned in site-tools/package.json,
    installed by `npm ci`) runs once in node (site-tools/render-math.mjs) over every
    formula, and the page carries KaTeX's HTML and MathML. A reader needs only
    katex.min.css and its fonts, shipped in site/assets/katex/; a formula KaTeX
    cannot parse stops the build with its page and text, instead of showing raw
    TeX to a student.
  * Math is cut out of the Markdown before the Markdown converter sees it (each
    formula becomes an alphanumeric placeholder, put back as KaTeX HTML after
    conversion), so `_`, `*`, `\\` and `<` inside formulas are never read as
    emphasis, escapes or tags. Code spans and fenced code are left alone, so a `$`
    in code stays code.
  * The pages are written here rather than by an nbconvert template: nbconvert's
    templates load MathJax and require.js from a CDN; the little a page needs
    (Markdown via mistune, Rust highlighting via Pygments, the outputs as stored)
    is simpler to read in one file. text/markdown and text/latex outputs get the
    same math treatment as Markdown cells; text/html and SVG outputs are inserted
    as stored (the plots, the tables, the animations and sliders).
  * A page has no kernel, so it does not pretend to (issue 26, item 7): where a
    notebook asks the reader to edit or run a cell, a note (English and Korean) says
    that this works in JupyterLab after cloning the repository and running ./run.sh
    (markdown_views); a paragraph about keys and menus of Lab ("Shift+Enter") is
    replaced by that note, and the build stops if a page would still say it. Each
    exercise's attempt cells with the checker's verdict, and the answers cell, are
    folded into a closed <details> (exercise_folds), so the question is read before
    the answer.
  * `split_math` is the one definition of what a formula is; `count` uses it, and
    the browser test (scripts/site-test.mjs) compares that count per page with the
    number of typeset formulas it finds, and separately fails on any `$` left in
    the rendered text.
"""
import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import mistune
import nbformat
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import RustLexer

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TOOLS = ROOT / "site-tools"
KATEX_DIST = TOOLS / "node_modules" / "katex" / "dist"


# --- formulas -----------------------------------------------------------------

def split_math(text):
    """Splits Markdown text into ('text', s), ('inline', tex), ('display', tex).

    Display math is $$…$$ or \\[…\\], inline math is $…$ or \\(…\\) (the delimiters
    Jupyter typesets; an escaped \\$ is a dollar sign).
    Inline code (`…`, any run of backticks) and fenced code blocks are text.
    """
    parts = []
    buf = []
    i, n = 0, len(text)
    at_line_start = True
    while i < n:
        c = text[i]
        # fenced code block: ``` or ~~~ at the start of a line, to its closing fence
        if at_line_start:
            m = re.match(r"[ ]{0,3}(`{3,}|~{3,})", text[i:])
            if m:
                fence = m.group(1)
                end = text.find("\n" + fence, i + len(m.group(0)))
                end = n if end < 0 else text.find("\n", end + 1)
                end = n if end < 0 else end
                buf.append(text[i:end])
                i = end
                at_line_start = False
                continue
        if c == "`":
            run = re.match(r"`+", text[i:]).group(0)
            close = text.find(run, i + len(run))
            while close >= 0 and text[close + len(run):close + len(run) + 1] == "`":
                close = text.find(run, close + len(run) + 1)
            if close >= 0:
                buf.append(text[i:close + len(run)])
                i = close + len(run)
            else:
                buf.append(run)
                i += len(run)
            at_line_start = False
            continue
        if c == "\\" and i + 1 < n and text[i + 1] == "$":
            buf.append("\\$")
            i += 2
            at_line_start = False
            continue
        if c == "\\" and i + 1 < n and text[i + 1] in "([":
            # \(…\) and \[…\]: the other delimiters Jupyter's Markdown typesets
            close_delim = "\\)" if text[i + 1] == "(" else "\\]"
            close = text.find(close_delim, i + 2)
            if close >= 0 and text[i + 2:close].strip():
                if buf:
                    parts.append(("text", "".join(buf)))
                    buf = []
                parts.append(("inline" if text[i + 1] == "(" else "display", text[i + 2:close].strip()))
                i = close + 2
                at_line_start = False
                continue
        if c == "$":
            display = text.startswith("$$", i)
            delim = "$$" if display else "$"
            j = i + len(delim)
            close = -1
            while j < n:
                if text[j] == "\\":
                    j += 2
                    continue
                if text.startswith(delim, j):
                    close = j
                    break
                if not display and text[j] == "\n" and text[j + 1:j + 2] == "\n":
                    break  # inline math does not cross a blank line
                j += 1
            tex = text[i + len(delim):close] if close >= 0 else ""
            if close >= 0 and tex.strip():
                if buf:
                    parts.append(("text", "".join(buf)))
                    buf = []
                parts.append(("display" if display else "inline", tex.strip()))
                i = close + len(delim)
                at_line_start = False
                continue
            raise ValueError(f"unclosed {delim} at offset {i}: {text[i:i + 60]!r}")
        buf.append(c)
        at_line_start = c == "\n"
        i += 1
    if buf:
        parts.append(("text", "".join(buf)))
    return parts


def latex_parts(text):
    """A text/latex output: $-delimited math in text, or one display formula."""
    parts = split_math(text)
    if any(k != "text" for k, _ in parts):
        return parts
    return [("display", text.strip())] if text.strip() else []


# --- notebooks ----------------------------------------------------------------

# Two editions (docs/editions.md): Korean first, at the top of site/, and English
# under site/en/. Each is built from its own notebooks, NN-name.ko.ipynb and
# NN-name.ipynb, which scripts/editions.py holds in step (same cells, same code
# and outputs).
LANGS = ("ko", "en")
PREFIX = {"ko": "", "en": "en/"}


def notebook_paths(lang):
    english = sorted(p for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb") if not p.name.endswith(".ko.ipynb"))
    if lang == "en":
        return english
    korean = [p.with_name(p.stem + ".ko.ipynb") for p in english]
    missing = [k.name for k in korean if not k.exists()]
    if missing:
        sys.exit(f"site: the Korean edition lacks {', '.join(missing)} (scripts/editions.py check)")
    return korean


def page_name(nb_path):
    """The page's name within its edition's folder: index.html for 00, else NN-name.html."""
    stem = Path(nb_path).name.removesuffix(".ipynb").removesuffix(".ko")
    return "index.html" if stem.startswith("00-") else stem + ".html"


def site_path(nb_path, lang):
    """The page's path from the site's root."""
    return PREFIX[lang] + page_name(nb_path)


def title_of(nb):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, re.M)
            if m:
                return m.group(1).strip()
    return "untitled"


def shown_mime(data):
    """The one representation of an output a page shows (as Jupyter picks it)."""
    for mime in ("text/html", "image/svg+xml", "image/png", "image/jpeg",
                 "text/markdown", "text/latex", "text/plain"):
        if mime in data:
            return mime
    return None


def math_items(nb):
    """Every formula of a notebook, in page order: (kind, tex)."""
    items = []
    for cell, view in zip(nb.cells, markdown_views(nb)):
        if cell.cell_type == "markdown":
            for kind, text in view:
                if kind == "md":
                    items += [p for p in split_math(text) if p[0] != "text"]
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            mime = shown_mime(data)
            if mime == "text/markdown":
                items += [p for p in split_math(data[mime]) if p[0] != "text"]
            elif mime == "text/latex":
                items += [p for p in latex_parts(data[mime]) if p[0] != "text"]
    return items


SVG_OPEN = re.compile(r"<svg[\s>]", re.I)


def figure_count(nb):
    """Figures a page shows: images, and <svg> elements in HTML/Markdown outputs."""
    count = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            mime = shown_mime(data)
            if mime in ("text/html", "text/markdown"):
                count += count_top_svgs(data[mime])
            elif mime in ("image/svg+xml", "image/png", "image/jpeg"):
                count += 1
    return count


def count_top_svgs(s):
    depth, count = 0, 0
    for m in re.finditer(r"<(/?)svg[\s>]", s, re.I):
        if m.group(1):
            depth -= 1
        else:
            if depth == 0:
                count += 1
            depth += 1
    return count


# --- what a page without a kernel says (issue 26, item 7) -----------------------

# A paragraph that only makes sense with a kernel (a key to press, a menu of Lab's)
# is not shown: the run note takes its place. The build stops if the page would
# still say "Shift+Enter" (and the browser test fails on it).
LIVE_ONLY = re.compile(r"Shift\+Enter|Restart Kernel")
# A sentence that asks the reader to edit a cell or run one: kept (it says what to
# try), with the run note after its paragraph, so the reader knows where that works.
LIVE_ASK = {
    "en": re.compile(
        r"\byou can edit\b|\bEdit it\b|\bre-?run\b|\brun (?:it|the cell|this cell|the check cell)\b"
        r"|\bFix (?:the|exercise \d+'s) (?:three )?attempts?\b|\bReplace the attempt\b|\breplace it with yours\b"
        r"|\bIn the rule-in-code cell, replace\b|\bpass (?:your (?:number|answer)|it) to the checker\b"),
    "ko": re.compile(
        r"셀들?을\s*(?:\([^)]*\)\s*)?(?:다시\s*)?실행|다시\s*실행|(?:checker|채점기|검사기)에\s*(?:넣어|넘겨)"
        r"|(?:숫자|답|풀이)으?로\s*바꿔|(?:코드|시도)를\s*고쳐|직접\s*고쳐"),
}


def edition_of(nb):
    """A notebook's language: "ko" for the Korean edition (it names the rust-ko
    kernel, scripts/editions.py), else "en"."""
    return "ko" if nb.get("metadata", {}).get("kernelspec", {}).get("name") == "rust-ko" else "en"
RUN_NOTE = {
    "en": '<aside class="run-note"><p><strong>This page does not run code.</strong> It shows the '
          'outputs stored in the notebook, so editing and running a cell, or passing your own answer to a '
          'checker, works only in JupyterLab: clone the repository and run <code>./run.sh</code>; JupyterLab '
          'opens on the notebooks.</p></aside>',
    "ko": '<aside class="run-note"><p><strong>이 페이지에서는 코드를 실행할 수 없습니다.</strong> 노트북에 저장된 '
          '출력을 보여 줄 뿐이므로, 셀을 고쳐 다시 실행하거나 직접 구한 답을 채점기에 넣어 보는 일은 JupyterLab에서만 '
          '됩니다. 저장소를 clone한 뒤 <code>./run.sh</code>를 실행하면 JupyterLab에서 노트북이 열립니다.</p></aside>',
}


def markdown_views(nb):
    """Each cell as the static page shows it: for a Markdown cell a list of
    ('md', text) and ('note', None) pieces, for any other cell None.

    A paragraph matching LIVE_ONLY is dropped and the run note stands in its place;
    a cell matching LIVE_ASK gets the run note after the paragraph that asks, unless
    its section (the text since the last heading of level 1 or 2) has had one
    already: one note where a section first asks, not one per sentence. math_items and the build both read
    cells through here, so the formula counts follow the rewrite.
    """
    views, noted = [], False
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            views.append(None)
            continue
        source = cell.source
        ask = LIVE_ASK[edition_of(nb)].search(source)
        heads = [m.start() for m in re.finditer(r"^#{1,2}\s", source, re.M)]
        if any(h < (ask.start() if ask else len(source)) for h in heads):
            noted = False
        paras = re.split(r"(\n[ \t]*\n)", source)
        out, buf, replaced = [], [], False
        for i in range(0, len(paras), 2):
            para, sep = paras[i], paras[i + 1] if i + 1 < len(paras) else ""
            if LIVE_ONLY.search(para):
                if buf:
                    out.append(("md", "".join(buf)))
                    buf = []
                if not replaced:
                    out.append(("note", None))
                    replaced = noted = True
                continue
            buf.append(para + sep)
        if buf:
            out.append(("md", "".join(buf)))
        if not replaced and not noted and ask:
            out = note_after(out, ask.group(0))
            noted = True
        if ask and any(h > ask.start() for h in heads):
            noted = False  # a new section starts after the ask (the note stays after the cell)
        views.append(out)
    return views


def note_after(pieces, asked):
    """The run note after the paragraph that asks, or after the cell when cutting
    there would split a fenced code block or a $$ formula."""
    for i, (kind, text) in enumerate(pieces):
        if kind != "md" or asked not in text:
            continue
        at = text.find("\n\n", text.find(asked))
        head = text[:at] if at >= 0 else text
        fences = len(re.findall(r"^[ ]{0,3}(?:```|~~~)", head, re.M))
        if at >= 0 and fences % 2 == 0 and head.count("$$") % 2 == 0:
            return pieces[:i] + [("md", head + "\n"), ("note", None), ("md", text[at + 2:])] + pieces[i + 1:]
    return pieces + [("note", None)]


# --- exercises (issue 26, item 7) ------------------------------------------------

# An exercise section runs from a heading "Exercises" to the next heading of its
# level or above that is not "Answers". In it, a code cell that calls a checker
# (`.check(`) is an attempt, and one that calls `exercise::solutions(` is the
# answers: each run of such cells is folded into one closed <details>. The build
# stops if a checker or solutions call stands outside an exercise section, or a
# section has no answers cell: then the recognition has missed something.
EXERCISE_HEAD = re.compile(r"^(#{1,6})\s+(?:Exercises\b|연습\s?문제)", re.M)
ANSWERS_HEAD = re.compile(r"Answers|정답|풀이와 답|답과")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$", re.M)
FENCED = re.compile(r"^[ ]{0,3}(`{3,}|~{3,}).*?^[ ]{0,3}\1", re.M | re.S)  # a `# comment` is no heading
ATTEMPT = re.compile(r"\.check\(")
ANSWERS = re.compile(r"\bexercise::solutions\(")
FOLD_SUMMARY = {
    "en": {"attempt": "Attempt and the checker's verdict", "answers": "Answers and the usual slips"},
    "ko": {"attempt": "풀이와 채점 결과", "answers": "정답과 흔한 실수"},
}


def exercise_folds(nb, name="notebook"):
    """{cell index: fold number} and [(kind, [cell indices])] of a notebook's folds."""
    level = None  # the heading level of the open exercise section, if any
    fold_of, folds, open_fold = {}, [], None
    sections = []
    for ci, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            for m in HEADING.finditer(FENCED.sub("", cell.source)):
                lv = len(m.group(1))
                if EXERCISE_HEAD.match(m.group(0)):
                    level = lv
                    sections.append({"start": ci, "answers": 0})
                elif level is not None and lv <= level and not ANSWERS_HEAD.match(m.group(2)):
                    level = None
            open_fold = None
            continue
        if cell.cell_type != "code":
            continue
        kind = "answers" if ANSWERS.search(cell.source) else "attempt" if ATTEMPT.search(cell.source) else None
        if kind is None:
            open_fold = None
            continue
        if level is None:
            raise SystemExit(f"site: {name} cell {ci} calls a checker outside an exercise section "
                             "(a heading 'Exercises'): it would show its answer unfolded")
        if kind == "answers":
            sections[-1]["answers"] += 1
        if open_fold is None or folds[open_fold][0] != kind:
            folds.append((kind, []))
            open_fold = len(folds) - 1
        folds[open_fold][1].append(ci)
        fold_of[ci] = open_fold
    for sec in sections:
        if not sec["answers"]:
            raise SystemExit(f"site: {name}: the exercises at cell {sec['start']} have no answers cell "
                             "(exercise::solutions)")
    return fold_of, folds


# --- rendering ----------------------------------------------------------------

class Katex:
    """Collects formulas, renders them all in one node call."""

    def __init__(self):
        self.items = []  # (tex, display, where)

    def add(self, tex, display, where):
        self.items.append((tex, display, where))
        return f"KATEXMATH{len(self.items) - 1:06d}Z"

    def render(self):
        node = shutil.which("node")
        if not node:
            sys.exit("site: node is required (KaTeX renders the formulas at build time)")
        payload = json.dumps([{"tex": t, "display": d, "where": w} for t, d, w in self.items])
        proc = subprocess.run([node, str(TOOLS / "render-math.mjs")], input=payload,
                              capture_output=True, text=True, encoding="utf-8")
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
            sys.exit("site: KaTeX refused some formulas (above)")
        return json.loads(proc.stdout)


MARKDOWN = mistune.create_markdown(escape=False, plugins=["strikethrough", "table", "url"])
PLACEHOLDER = re.compile(r"KATEXMATH(\d{6})Z")


def markdown_html(text, katex, where, link_map):
    pieces = []
    for kind, s in split_math(text):
        if kind == "text":
            pieces.append(s)
        else:
            pieces.append(katex.add(s, kind == "display", where))
    out = MARKDOWN("".join(pieces))
    return rewrite_links(out, link_map)


def rewrite_links(s, link_map):
    def sub(m):
        target, frag = m.group(2), m.group(3) or ""
        return f'{m.group(1)}"{link_map.get(target, target)}{frag}"'
    return re.sub(r'(href=)"([^"#:]+\.ipynb)(#[^"]*)?"', sub, s)


FORMATTER = HtmlFormatter(nowrap=True)
LEXER = RustLexer()


def code_html(src):
    return f'<pre class="code highlight">{highlight(src, LEXER, FORMATTER)}</pre>'


def output_html(out, katex, where, link_map):
    kind = out.get("output_type")
    if kind == "stream":
        cls = "stderr" if out.get("name") == "stderr" else "stdout"
        return f'<pre class="output {cls}">{html.escape(out.get("text", ""))}</pre>'
    if kind == "error":
        tb = "\n".join(out.get("traceback", []))
        tb = re.sub(r"\x1b\[[0-9;]*m", "", tb)
        return f'<pre class="output error">{html.escape(tb)}</pre>'
    data = out.get("data", {})
    mime = shown_mime(data)
    if mime == "text/html":
        return f'<div class="output html">{data[mime]}</div>'
    if mime == "image/svg+xml":
        return f'<div class="output figure">{data[mime]}</div>'
    if mime in ("image/png", "image/jpeg"):
        b64 = data[mime].replace("\n", "")
        return f'<div class="output figure"><img alt="figure" src="data:{mime};base64,{b64}"></div>'
    if mime == "text/markdown":
        return f'<div class="output markdown">{markdown_html(data[mime], katex, where, link_map)}</div>'
    if mime == "text/latex":
        body = "".join(html.escape(s) if k == "text" else katex.add(s, k == "display", where)
                       for k, s in latex_parts(data[mime]))
        return f'<div class="output latex">{body}</div>'
    if mime == "text/plain":
        return f'<pre class="output plain">{html.escape(data[mime])}</pre>'
    return ""


def merged_streams(outputs):
    """Consecutive stream outputs of one name as one (as Jupyter shows them)."""
    merged = []
    for out in outputs:
        if (out.get("output_type") == "stream" and merged and merged[-1].get("output_type") == "stream"
                and merged[-1].get("name") == out.get("name")):
            merged[-1] = dict(merged[-1], text=merged[-1].get("text", "") + out.get("text", ""))
        else:
            merged.append(out)
    return merged


PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="alternate" hreflang="{other_lang}" href="{other}">
<link rel="stylesheet" href="{root}assets/katex/katex.min.css">
<link rel="stylesheet" href="{root}assets/pygments.css">
<link rel="stylesheet" href="{root}assets/site.css">
</head>
<body>
<nav class="top">{nav}</nav>
<main>
{toc}{body}
</main>
<nav class="bottom">{nav}</nav>
</body>
</html>
"""


WORDS = {
    "ko": {"contents": "차례", "switch": "English", "api": "API 문서",
           "api_note": "(rustdoc: 모든 crate, 수식은 오프라인으로 조판)"},
    "en": {"contents": "Contents", "switch": "한국어", "api": "API documentation",
           "api_note": "(rustdoc, every crate, equations typeset offline)"},
}


def nav_html(pages, i, lang, other):
    """Previous, contents, next, and the same page in the other edition."""
    prev_link = (f'<a rel="prev" href="{pages[i - 1][0]}">← {html.escape(pages[i - 1][1])}</a>'
                 if i > 0 else "<span></span>")
    next_link = (f'<a rel="next" href="{pages[i + 1][0]}">{html.escape(pages[i + 1][1])} →</a>'
                 if i + 1 < len(pages) else "<span></span>")
    home = f'<a href="index.html">{WORDS[lang]["contents"]}</a>' if i > 0 else "<span></span>"
    other_lang = "en" if lang == "ko" else "ko"
    switch = (f'<a class="lang-switch" hreflang="{other_lang}" lang="{other_lang}" '
              f'href="{other}">{WORDS[lang]["switch"]}</a>')
    return f"{prev_link}{home}{switch}{next_link}"


def toc_html(pages, with_api, lang):
    rows = "".join(f'<li><a href="{href}">{html.escape(title)}</a></li>' for href, title in pages[1:])
    w = WORDS[lang]
    api = (f'<li><a href="{"../" if PREFIX[lang] else ""}api/optimizers/index.html">{w["api"]}</a> '
           f'{w["api_note"]}</li>') if with_api else ""
    return (f'<section class="toc"><h2>{w["contents"]}</h2><ol start="1">{rows}</ol>'
            f'<ul>{api}</ul></section>\n')


def edition_bodies(lang, paths, nbs, katex, link_map):
    """Each page's <main> content of one edition, formulas as placeholders."""
    bodies = []
    for p, nb in zip(paths, nbs):
        parts = []
        fold_of, folds = exercise_folds(nb, p.name)
        views = markdown_views(nb)
        for ci, cell in enumerate(nb.cells):
            where = f"{p.name} cell {ci}"
            if cell.cell_type == "markdown":
                body = "".join(markdown_html(text, katex, where, link_map) if kind == "md" else RUN_NOTE[lang]
                               for kind, text in views[ci])
                parts.append(f'<div class="cell markdown">{body}</div>')
            elif cell.cell_type == "code":
                outs = "".join(output_html(o, katex, where, link_map) for o in merged_streams(cell.get("outputs", [])))
                html_cell = f'<div class="cell code">{code_html(cell.source)}{outs}</div>'
                fold = fold_of.get(ci)
                if fold is not None:
                    kind, cells = folds[fold]
                    if ci == cells[0]:
                        html_cell = (f'<details class="exercise-fold" data-kind="{kind}" data-fold="{fold + 1}">'
                                     f'<summary>{FOLD_SUMMARY[lang][kind]}</summary>{html_cell}')
                    if ci == cells[-1]:
                        html_cell += "</details>"
                parts.append(html_cell)
        page = "\n".join(parts)
        if LIVE_ONLY.search(re.sub(r"<[^>]+>", "", page)):
            sys.exit(f"site: {p.name} would still say {LIVE_ONLY.search(re.sub(r'<[^>]+>', '', page)).group(0)!r} "
                     "without a kernel (see LIVE_ONLY)")
        bodies.append(page)
    return bodies


def build(out_dir, api_src):
    if not (KATEX_DIST / "katex.min.css").exists():
        sys.exit("site: site-tools/node_modules is missing (run scripts/setup.sh, or npm ci in site-tools)")
    katex = Katex()
    editions = []  # (lang, paths, pages, bodies)
    for lang in LANGS:
        paths = notebook_paths(lang)
        nbs = [nbformat.read(p, as_version=4) for p in paths]
        pages = [(page_name(p), title_of(nb)) for p, nb in zip(paths, nbs)]
        # Links between notebooks go to the same edition's page, in the same folder.
        link_map = {p.name: page_name(p) for p in paths}
        editions.append((lang, paths, pages, edition_bodies(lang, paths, nbs, katex, link_map)))
    rendered = katex.render()

    def put_math(s):
        return PLACEHOLDER.sub(lambda m: rendered[int(m.group(1))], s)

    out_dir = Path(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    (out_dir / "assets" / "katex").mkdir(parents=True)
    shutil.copy(KATEX_DIST / "katex.min.css", out_dir / "assets" / "katex")
    shutil.copytree(KATEX_DIST / "fonts", out_dir / "assets" / "katex" / "fonts")
    shutil.copy(ROOT / "scripts" / "site.css", out_dir / "assets" / "site.css")
    (out_dir / "assets" / "pygments.css").write_text(HtmlFormatter().get_style_defs(".highlight"))
    with_api = api_src is not None and (Path(api_src) / "optimizers" / "index.html").exists()
    if with_api:
        shutil.copytree(api_src, out_dir / "api", ignore=shutil.ignore_patterns(".lock", "*.lock"))
    written = 0
    for lang, paths, pages, bodies in editions:
        other_lang = "en" if lang == "ko" else "ko"
        # the same page in the other edition, from this page's folder
        to_other = "../" * PREFIX[lang].count("/") + PREFIX[other_lang]
        (out_dir / PREFIX[lang]).mkdir(parents=True, exist_ok=True)
        for i, ((href, title), body) in enumerate(zip(pages, bodies)):
            page = PAGE.format(lang=lang, other_lang=other_lang, other=to_other + href,
                               root="../" * PREFIX[lang].count("/"), title=html.escape(title),
                               nav=nav_html(pages, i, lang, to_other + href),
                               toc=toc_html(pages, with_api, lang) if i == 0 else "", body=put_math(body))
            (out_dir / PREFIX[lang] / href).write_text(page, encoding="utf-8")
            written += 1
    print(f"site: {written} pages ({', '.join(LANGS)}), {len(rendered)} formulas, "
          f"api docs {'copied' if with_api else 'absent (run scripts/doc.sh)'} -> {out_dir}")


def counts():
    out = {}
    for lang in LANGS:
        for p in notebook_paths(lang):
            nb = nbformat.read(p, as_version=4)
            out[site_path(p, lang)] = {
                "notebook": p.name, "lang": lang, "title": title_of(nb),
                "formulas": len(math_items(nb)), "figures": figure_count(nb),
                "run_notes": sum(k == "note" for v in markdown_views(nb) if v for k, _ in v),
                "folds": fold_counts(nb, p.name),
                "sliders": slider_count(nb),
                "tex": [tex for _, tex in math_items(nb)]}
    return out


def slider_count(nb):
    """Slider widgets (compare::lab::Sliders) among the notebook's outputs."""
    return sum(
        "".join(o.get("data", {}).get("text/html", "")).count('<div class="lab-sliders"')
        for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
    )


def fold_counts(nb, name):
    """Each exercise fold of a page: its kind, and the formulas and outputs inside it."""
    _, folds = exercise_folds(nb, name)
    out = []
    for kind, cells in folds:
        formulas = outputs = 0
        for ci in cells:
            outs = merged_streams(nb.cells[ci].get("outputs", []))
            outputs += len(outs)
            formulas += len(math_items(nbformat.from_dict({"cells": [nb.cells[ci]], "metadata": nb.metadata,
                                                           "nbformat": 4, "nbformat_minor": 5})))
        out.append({"kind": kind, "cells": len(cells), "outputs": outputs, "formulas": formulas})
    return out


def doc_dir():
    target = os.environ.get("CARGO_TARGET_DIR")
    if not target:
        meta = subprocess.run(["cargo", "metadata", "--format-version", "1", "--no-deps"],
                              cwd=ROOT, capture_output=True, text=True)
        target = json.loads(meta.stdout)["target_directory"] if meta.returncode == 0 else str(ROOT / "target")
    return Path(target) / "doc"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["build", "count"])
    ap.add_argument("--out", default=str(ROOT / "site"))
    args = ap.parse_args()
    if args.cmd == "count":
        json.dump(counts(), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        build(args.out, doc_dir())


if __name__ == "__main__":
    main()
