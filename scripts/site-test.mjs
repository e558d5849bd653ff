// The static edition in a real browser (issue 11, item 2), run by scripts/site-test.sh.
//   node scripts/site-test.mjs SITE_DIR COUNTS_JSON SHOTS_DIR
//
// Headless Chromium (Debian's /usr/bin/chromium, or $CHROMIUM) driven by
// playwright-core (pinned in site-tools/package.json; it only drives a browser, it
// downloads none). The network is off: Chromium gets a dead proxy
// (--proxy-server=127.0.0.1:9, loopback still direct) and every request that is not
// file:, data: or the test's own loopback server is aborted and reported.
//
// Every page is loaded twice, from file:// and from a static server on 127.0.0.1,
// and must show:
//   - no raw math: no `$` and no TeX command (\frac, \eta, …) in the rendered text
//     outside code and typeset formulas; every drawn part of a formula (KaTeX's SVG
//     root signs, braces, arrows) with a non-zero size;
//   - as many typeset formulas (.katex, none a .katex-error) as scripts/site.py count
//     finds in the notebook (Markdown cells, text/markdown and text/latex outputs),
//     and each one's TeX (KaTeX's MathML annotation) equal to the notebook's, in order:
//     the Markdown converter mangled nothing (no `_` or `*` read as emphasis);
//   - as many figures (<svg> outside formulas, <img>) as the notebook's outputs hold,
//     each with a non-zero size;
//   - no console error, page error, failed or blocked request, or HTTP error;
//   - every link between pages resolving (the file exists; a #fragment exists in it);
//   - every line of every code cell whole: no cell's code runs past its box;
//   - no legend over data: no line, marker or point drawn before a figure's legend
//     box falls inside it;
//   - the page's edition: <html lang> is its language (ko for the pages at the top of
//     site/, en for site/en/), and its top bar has one language switch, to the other;
//   - SMIL animations playing (each animated attribute changes within a second) and
//     range sliders changing their output when moved, and as many slider widgets
//     (compare::lab::Sliders, .lab-sliders) as the notebook's outputs hold;
//   - nothing that needs a kernel: no "Shift+Enter" anywhere in the page, and as many
//     run notes (how to run the notebooks live) as scripts/site.py count expects;
//   - every exercise's attempt, verdict and answers folded: as many closed
//     <details class="exercise-fold"> as the notebook has folds, none open and none of
//     their cells rendered at load, every code cell calling a checker (`.check(`) or
//     `exercise::solutions(` inside one; clicking each summary opens it and shows every
//     output in it, with its formulas typeset (KaTeX, as many as the notebook's) and
//     visible. The formula, raw-math and figure checks above run after the folds are
//     opened, on the whole page, folded parts included.
// A few API doc pages (site/api) are loaded the same way: formulas typeset, none raw.
// A full-page screenshot of every page goes to SHOTS_DIR (file:// run; exercise folds
// opened by the check above; animations paused; a
// capture that fails is a warning, not a failure: see screenshot()).
// Then the checks prove they can fail: a copy of one page with one formula left raw,
// one figure removed, a broken link, a console error and a stylesheet from a CDN
// must fail each check concerned; a copy of a page with exercises, saying
// "Shift+Enter", short of a run note, with a fold open at load, a fold unwrapped, a
// formula missing from the answers and the answers hidden even when opened, must fail
// each of those checks; if any of them passes, the test fails.
import { createRequire } from "node:module";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";

const require = createRequire(new URL("../site-tools/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const [siteArg, countsArg, shotsArg] = process.argv.slice(2);
if (!siteArg || !countsArg || !shotsArg) {
  console.error("usage: node scripts/site-test.mjs SITE_DIR COUNTS_JSON SHOTS_DIR");
  process.exit(2);
}
const SITE = path.resolve(siteArg);
const COUNTS = JSON.parse(fs.readFileSync(countsArg, "utf8"));
const SHOTS = path.resolve(shotsArg);
fs.mkdirSync(SHOTS, { recursive: true });
const API_PAGES = ["api/optcore/optimizer/trait.Optimizer.html", "api/adam/index.html", "api/adagrad/index.html"];

// --- a static server on loopback ----------------------------------------------
const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf", ".svg": "image/svg+xml",
  ".png": "image/png", ".json": "application/json" };
function serve(root) {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = path.join(root, rel);
    if (!file.startsWith(root)) { res.writeHead(403); return res.end(); }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) { res.writeHead(404); return res.end("not found"); }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

// --- one page -----------------------------------------------------------------
async function checkPage(browser, url, expect, { shot, allowedOrigin }) {
  const problems = [];
  const page = await browser.newPage();
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith("file:") || u.startsWith("data:") || (allowedOrigin && u.startsWith(allowedOrigin))) {
      return route.continue();
    }
    problems.push(`network request blocked: ${u}`);
    return route.abort();
  });
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => {
    if (!problems.some((p) => p.includes(r.url()))) problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  let resp = null;
  try {
    resp = await page.goto(url, { waitUntil: "load" });
  } catch (e) {
    problems.push(`page did not load: ${url} (${e.message.split("\n")[0]})`);
    await page.close();
    return { problems, links: [] };
  }
  if (resp && resp.status && resp.status() >= 400) problems.push(`page did not load: ${url} (HTTP ${resp.status()})`);
  await page.evaluate(() => document.fonts.ready);
  if (expect.docs) await page.waitForFunction(() => document.querySelector(".katex") || document.readyState === "complete");
  if (expect.folds) problems.push(...(await checkFolds(page, expect)));
  if (expect.lang) {
    // Each edition's page says its language and offers the other edition's page
    // (the link itself is checked with the others).
    const lang = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      switches: [...document.querySelectorAll("nav.top a.lang-switch")].map((a) => a.hreflang),
    }));
    const other = expect.lang === "ko" ? "en" : "ko";
    if (lang.lang !== expect.lang) problems.push(`<html lang="${lang.lang}">, the page is in the ${expect.lang} edition`);
    if (lang.switches.length !== 1 || lang.switches[0] !== other) {
      problems.push(`language switch: ${JSON.stringify(lang.switches)} in the top bar, want one link to the ${other} edition`);
    }
  }
  const info = await page.evaluate((isDocs) => {
    const root = isDocs ? document.querySelector("#main-content") || document.body : document.querySelector("main");
    const clone = root.cloneNode(true);
    clone.querySelectorAll(".katex, pre, code, script, style, svg, textarea, .src-line-numbers").forEach((e) => e.remove());
    const text = clone.textContent;
    const raw = [];
    for (const m of text.matchAll(/.{0,30}(\$|\\(?:frac|eta|theta|sqrt|sum|alpha|beta|gamma|epsilon|nabla|mathrm|text|hat|left|right|begin|cdot|tfrac|lambda|mu|rho)\b).{0,30}/g)) raw.push(m[0].replace(/\s+/g, " "));
    const katex = [...root.querySelectorAll(".katex")].filter((e) => !e.parentElement.closest(".katex"));
    const errors = root.querySelectorAll(".katex-error").length;
    const figs = [...root.querySelectorAll("svg, img")].filter((e) => !e.closest(".katex") && !(e.parentElement && e.parentElement.closest("svg")));
    const sizes = figs.map((e) => { const r = e.getBoundingClientRect(); return [r.width, r.height]; });
    const links = [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href"));
    const tex = katex.map((k) => { const a = k.querySelector('annotation[encoding="application/x-tex"]'); return a ? a.textContent : null; });
    const sliders = root.querySelectorAll(".lab-sliders").length;
    // KaTeX draws root signs, braces and arrows as SVGs: each must have a size.
    const flat = [...root.querySelectorAll(".katex svg")].filter((e) => {
      const r = e.getBoundingClientRect();
      return !(r.width >= 1 && r.height >= 1); // a collapsed root sign measures 0.05–0.3 px
    }).length;
    // A legend must not hide data: in each figure (plots draws a corner legend on a
    // white rect at opacity 0.85, after the data), count the data drawn before it
    // that falls inside it: vertices and points along the lines of width ≥ 2, and
    // the markers (circles, small squares, triangles).
    const covered = [];
    const figures = [...root.querySelectorAll("svg")].filter((e) => !e.closest(".katex") && !(e.parentElement && e.parentElement.closest("svg")));
    figures.forEach((svg, k) => {
      const all = [...svg.querySelectorAll("*")];
      const li = all.findIndex((e) => e.tagName === "rect" && e.getAttribute("opacity") === "0.85" && e.getAttribute("fill") === "#FFFFFF");
      if (li < 0) return;
      const L = all[li];
      const [lx, ly, lw, lh] = ["x", "y", "width", "height"].map((a) => Number(L.getAttribute(a)));
      const inside = ([x, y]) => x > lx + 1 && x < lx + lw - 1 && y > ly + 1 && y < ly + lh - 1;
      let n = 0;
      for (const e of all.slice(0, li)) {
        const t = e.tagName;
        if (t === "polyline" && Number(e.getAttribute("stroke-width")) >= 2) {
          const pts = e.getAttribute("points").trim().split(/\s+/).map((q) => q.split(",").map(Number));
          for (let i = 0; i < pts.length; i++) {
            if (inside(pts[i])) n++;
            if (i > 0) {
              const [a, b] = [pts[i - 1], pts[i]];
              const steps = Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 2);
              for (let j = 1; j < steps; j++) if (inside([a[0] + ((b[0] - a[0]) * j) / steps, a[1] + ((b[1] - a[1]) * j) / steps])) n++;
            }
          }
        } else if (t === "circle" && Number(e.getAttribute("r")) <= 8) {
          if (inside([Number(e.getAttribute("cx")), Number(e.getAttribute("cy"))])) n++;
        } else if (t === "rect" && Number(e.getAttribute("width")) <= 12) {
          if (inside([Number(e.getAttribute("x")) + Number(e.getAttribute("width")) / 2, Number(e.getAttribute("y")) + Number(e.getAttribute("height")) / 2])) n++;
        } else if (t === "polygon") {
          const pts = e.getAttribute("points").trim().split(/\s+/).map((q) => q.split(",").map(Number));
          const c = pts.reduce(([x, y], [a, b]) => [x + a / pts.length, y + b / pts.length], [0, 0]);
          if (inside(c)) n++;
        }
      }
      if (n) covered.push(`figure ${k + 1}: ${n}`);
    });
    // A code cell shows each line whole: none runs past its box (to be scrolled to).
    const cut = [...root.querySelectorAll(".cell.code > pre.code")].filter((e) => e.scrollWidth > e.clientWidth + 1)
      .map((e) => e.textContent.split("\n").reduce((a, b) => (b.length > a.length ? b : a), "").trim().slice(0, 60));
    return { raw, katex: katex.length, tex, errors, sizes, links, sliders, flat, cut, covered };
  }, !!expect.docs);
  if (info.covered.length) problems.push(`a legend covers data (points inside the legend box) in ${info.covered.length} figure(s): ${info.covered.slice(0, 4).join(", ")}`);
  if (info.cut.length) problems.push(`code cut off at the right edge in ${info.cut.length} cell(s), e.g. ${JSON.stringify(info.cut[0])}`);
  if (info.raw.length) problems.push(`raw math in the rendered text (${info.raw.length}): ${info.raw.slice(0, 3).map((s) => JSON.stringify(s)).join(" | ")}`);
  if (info.errors) problems.push(`${info.errors} KaTeX error(s)`);
  if (info.flat) problems.push(`${info.flat} drawn part(s) of formulas (KaTeX's SVG root signs, braces, arrows) under a pixel high or wide (collapsed)`);
  if (expect.formulas !== undefined && info.katex !== expect.formulas) problems.push(`typeset formulas: ${info.katex}, notebook has ${expect.formulas}`);
  if (expect.tex) {
    const i = Array.from({ length: Math.max(expect.tex.length, info.tex.length) }, (_, j) => j).find((j) => expect.tex[j] !== info.tex[j]) ?? -1;
    if (i >= 0) problems.push(`formula ${i + 1} is not the notebook's: typeset ${JSON.stringify(info.tex[i])}, notebook ${JSON.stringify(expect.tex[i])}`);
  }
  if (expect.minFormulas !== undefined && info.katex < expect.minFormulas) problems.push(`typeset formulas: ${info.katex}, expected at least ${expect.minFormulas}`);
  if (expect.figures !== undefined && info.sizes.length !== expect.figures) problems.push(`figures: ${info.sizes.length}, notebook has ${expect.figures}`);
  if (expect.sliders !== undefined && info.sliders !== expect.sliders) problems.push(`slider widgets: ${info.sliders}, notebook has ${expect.sliders}`);
  if (!expect.docs) info.sizes.forEach(([w, h], i) => { if (!(w > 0 && h > 0)) problems.push(`figure ${i + 1} has size ${w}×${h}`); });
  if (!expect.docs) problems.push(...(await checkMotion(page)));
  if (shot) await screenshot(page, shot);
  await page.close();
  return { problems, links: info.links };
}

// The screenshot is for a reader to look at, not a check: every check above has run
// by now. A full-page capture timed out once, after Playwright's default 30 s, on a
// CI machine busy compiling (here one takes 0.3–3.4 s, also under load; why that one
// hung is not known). So SMIL animations are paused first (a page that keeps
// repainting is one thing a capture waits on; pausing costs nothing), the timeout
// is 120 s, and a capture that still fails is a warning, the page's checks standing.
async function screenshot(page, shot) {
  const ts = Date.now();
  try {
    await page.evaluate(() => document.querySelectorAll("svg").forEach((s) => s.pauseAnimations && s.pauseAnimations()));
    await page.screenshot({ path: shot, fullPage: true, timeout: 120000 });
    if (process.env.SITE_TEST_TIMING) console.log(`     screenshot ${((Date.now() - ts) / 1000).toFixed(1)} s`);
  } catch (e) {
    console.log(`warn ${path.basename(shot)}: no screenshot after ${((Date.now() - ts) / 1000).toFixed(1)} s (${e.message.split("\n")[0]})`);
  }
}

// A page without a kernel must not ask for one, and must fold every exercise's
// attempt and answers (closed at load); opening a fold shows its outputs and formulas.
// Runs first, on the page as loaded; leaves every fold open for the checks after it.
async function checkFolds(page, expect) {
  const problems = [];
  const atLoad = await page.evaluate(() => {
    const main = document.querySelector("main");
    const folds = [...main.querySelectorAll("details.exercise-fold")];
    const checkerCells = [...main.querySelectorAll(".cell.code")].filter((c) => {
      const code = c.querySelector("pre.code");
      return code && /\.check\(|exercise::solutions\(/.test(code.textContent);
    });
    return {
      shiftEnter: document.documentElement.outerHTML.includes("Shift+Enter"),
      notes: main.querySelectorAll(".run-note").length,
      folds: folds.map((d) => ({
        kind: d.dataset.kind, index: Number(d.dataset.fold), open: d.open, cells: d.querySelectorAll(".cell.code").length,
        outputs: d.querySelectorAll(".output").length,
        shown: [...d.querySelectorAll(".cell.code, .output")].filter((e) => e.checkVisibility()).length,
      })),
      unfolded: checkerCells.filter((c) => !c.closest("details.exercise-fold")).map((c) => c.querySelector("pre.code").textContent.trim().split("\n").pop().slice(0, 60)),
    };
  });
  if (atLoad.shiftEnter) problems.push('the page says "Shift+Enter" (there is no kernel to run a cell)');
  if (atLoad.notes !== expect.runNotes) problems.push(`run notes: ${atLoad.notes}, scripts/site.py count expects ${expect.runNotes}`);
  if (atLoad.folds.length !== expect.folds.length) problems.push(`exercise folds: ${atLoad.folds.length}, notebook has ${expect.folds.length}`);
  atLoad.unfolded.forEach((c) => problems.push(`a checker cell outside a closed fold shows its answer: ${JSON.stringify(c)}`));
  // Folds are numbered in the notebook's order (data-fold), so one lost does not shift the rest.
  atLoad.folds.forEach((f) => {
    const i = f.index - 1, want = expect.folds[i];
    if (!want) { problems.push(`fold ${f.index}: the notebook has no such fold`); return; }
    if (f.open) problems.push(`fold ${i + 1} is open at load`);
    if (f.shown) problems.push(`fold ${i + 1}: ${f.shown} of its cells and outputs rendered at load`);
    if (f.kind !== want.kind || f.cells !== want.cells || f.outputs !== want.outputs) {
      problems.push(`fold ${i + 1}: ${f.kind}, ${f.cells} cell(s), ${f.outputs} output(s); notebook: ${want.kind}, ${want.cells}, ${want.outputs}`);
    }
  });
  const summaries = page.locator("main details.exercise-fold > summary");
  const n = await summaries.count();
  for (let i = 0; i < n; i++) await summaries.nth(i).click();
  const opened = await page.evaluate(() => [...document.querySelectorAll("main details.exercise-fold")].map((d) => {
    const outs = [...d.querySelectorAll(".output")];
    const katex = [...d.querySelectorAll(".katex")].filter((e) => !e.parentElement.closest(".katex"));
    const seen = (e) => { const r = e.getBoundingClientRect(); return e.checkVisibility() && r.width > 0 && r.height > 0; };
    return { index: Number(d.dataset.fold), open: d.open, outputs: outs.length, hidden: outs.filter((e) => !seen(e)).length,
      katex: katex.length, katexHidden: katex.filter((e) => !seen(e)).length };
  }));
  opened.forEach((f) => {
    const i = f.index - 1, want = expect.folds[i];
    if (!f.open) problems.push(`fold ${i + 1} did not open when its summary was clicked`);
    if (f.hidden) problems.push(`fold ${i + 1}: ${f.hidden} of ${f.outputs} output(s) not shown after opening`);
    if (want && f.katex !== want.formulas) problems.push(`fold ${i + 1} (${want.kind}): ${f.katex} formulas typeset inside, notebook has ${want.formulas}`);
    if (f.katexHidden) problems.push(`fold ${i + 1}: ${f.katexHidden} typeset formula(s) not shown after opening`);
  });
  return problems;
}

// SMIL animations must advance; range sliders must change what they drive.
async function checkMotion(page) {
  const problems = [];
  const sample = () => page.evaluate(() => [...document.querySelectorAll("main animate, main animateTransform, main animateMotion, main set")].map((a) => {
    const t = a.targetElement || a.parentElement;
    const name = a.getAttribute("attributeName");
    let v = "";
    try {
      const anim = name && t[name] && t[name].animVal;
      if (anim !== undefined && anim !== null) {
        v = typeof anim === "object" ? JSON.stringify(anim.value ?? (anim.numberOfItems !== undefined ? [...Array(anim.numberOfItems).keys()].map((i) => { const it = anim.getItem(i); return it.value ?? [it.x, it.y, it.matrix && it.matrix.e, it.matrix && it.matrix.f]; }) : String(anim))) : String(anim);
      } else if (name) {
        v = getComputedStyle(t).getPropertyValue(name) || t.getAttribute(name) || "";
      }
      if (a.tagName === "animateMotion" || a.tagName === "animateTransform") v += JSON.stringify(t.getCTM && t.getCTM() && [t.getCTM().e, t.getCTM().f, t.getCTM().a]);
    } catch (e) { v = "error " + e.message; }
    const svg = t.ownerSVGElement || t;
    return { v, time: svg.getCurrentTime ? svg.getCurrentTime() : -1, paused: svg.animationsPaused ? svg.animationsPaused() : false };
  }));
  const before = await sample();
  if (before.length) {
    await page.waitForTimeout(900);
    const after = await sample();
    after.forEach((a, i) => {
      if (a.paused) problems.push(`animation ${i + 1} is paused`);
      if (!(a.time > before[i].time)) problems.push(`animation ${i + 1}: document time did not advance`);
    });
    // Every animated element must move; several <animate> may share one target and one may hold still.
    const moved = after.filter((a, i) => a.v !== before[i].v).length;
    if (moved === 0) problems.push(`none of ${after.length} SMIL animations changed its attribute within 0.9 s`);
  }
  const sliders = await page.$$("main input[type=range]");
  for (const [i, s] of sliders.entries()) {
    const res = await s.evaluate((el) => {
      const box = el.closest(".output") || document.querySelector("main");
      const snap = () => box.innerHTML + [...box.querySelectorAll("*")].map((e) => e.getAttribute && (e.getAttribute("transform") || "")).join("");
      const before = snap();
      const lo = Number(el.min || 0), hi = Number(el.max || 100);
      const target = Number(el.value) === hi ? lo : hi;
      el.value = String(target);
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
      return before !== snap();
    });
    if (!res) problems.push(`slider ${i + 1}: moving it changed nothing in its output`);
  }
  return problems;
}

// --- links --------------------------------------------------------------------
function checkLinks(fromRel, links) {
  const problems = [];
  for (const href of links) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue; // http(s):, mailto: — outside the site
    const [p, frag] = href.split("#");
    const target = p ? path.resolve(path.dirname(path.join(SITE, fromRel)), decodeURIComponent(p)) : path.join(SITE, fromRel);
    let file = target;
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) { problems.push(`broken link ${href} (no ${path.relative(SITE, file)})`); continue; }
    if (frag && file.endsWith(".html")) {
      const text = fs.readFileSync(file, "utf8");
      if (!text.includes(`id="${frag}"`) && !text.includes(`name="${frag}"`)) problems.push(`broken link ${href} (no #${frag})`);
    }
  }
  return problems;
}

// --- run ----------------------------------------------------------------------
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const chromiumBrowser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const browser = await chromiumBrowser.newContext({ viewport: { width: 1300, height: 900 } }); // one context: pages open faster
// Playwright's 30 s default for loads and waits is short for a CI machine that compiles
// beside this test (a screenshot once took longer); no check depends on the limit.
browser.setDefaultTimeout(120000);
const server = await serve(SITE);
const origin = `http://127.0.0.1:${server.address().port}/`;
let failures = 0;
const t0 = Date.now();
const pages = Object.entries(COUNTS);
const report = (label, problems) => {
  if (problems.length) { failures++; console.log(`FAIL ${label}`); problems.forEach((p) => console.log(`     ${p}`)); }
  else console.log(`ok   ${label}`);
};
// Pages are checked a few at a time (SITE_TEST_JOBS, default 2); results print in page order.
const tasks = [];
for (const [rel, c] of pages) {
  tasks.push(async () => {
    const tp = Date.now();
    const expect = { formulas: c.formulas, figures: c.figures, tex: c.tex, folds: c.folds, runNotes: c.run_notes, sliders: c.sliders, lang: c.lang };
    const f = await checkPage(browser, pathToFileURL(path.join(SITE, rel)).href, expect,
      { shot: path.join(SHOTS, rel.replace(/[/]/g, "_").replace(/\.html$/, ".png")) });
    const h = await checkPage(browser, origin + rel, expect, { allowedOrigin: origin });
    return [`${rel}: ${c.formulas} formulas, ${c.figures} figures (file:// and http://127.0.0.1; ${((Date.now() - tp) / 1000).toFixed(1)} s)`,
      [...f.problems, ...h.problems.map((p) => `[http] ${p}`), ...checkLinks(rel, f.links)]];
  });
}
const apiPresent = fs.existsSync(path.join(SITE, "api"));
if (!apiPresent) tasks.push(async () => ["api/ (the offline rustdoc)", ["site/api is missing: run scripts/doc.sh before scripts/site.py build"]]);
else {
  for (const rel of API_PAGES) {
    tasks.push(async () => {
      const expect = { docs: true, minFormulas: 1 };
      const f = await checkPage(browser, pathToFileURL(path.join(SITE, rel)).href, expect,
        { shot: path.join(SHOTS, rel.replace(/[/]/g, "_").replace(/\.html$/, ".png")) });
      const h = await checkPage(browser, origin + rel, expect, { allowedOrigin: origin });
      return [`${rel}: formulas typeset offline (file:// and http://127.0.0.1)`, [...f.problems, ...h.problems.map((p) => `[http] ${p}`)]];
    });
  }
}
const results = new Array(tasks.length);
let next = 0;
const jobs = Math.max(1, Number(process.env.SITE_TEST_JOBS || 2));
await Promise.all(Array.from({ length: jobs }, async () => {
  while (next < tasks.length) { const i = next++; results[i] = await tasks[i](); }
}));
results.forEach(([label, problems]) => report(label, problems));

// The checks must be able to fail: break a copy of one page ten ways.
{
  // two figures (one is removed below, one gets a planted legend) and a root sign to flatten
  const [rel, c] = pages.find(([, c]) => c.figures > 1 && c.tex.some((t) => t.includes("\\sqrt")));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "site-neg-"));
  let html = fs.readFileSync(path.join(SITE, rel), "utf8");
  const k = html.indexOf('<span class="katex">');
  const kEnd = findSpanEnd(html, k);
  html = html.slice(0, k) + "$x_1$" + html.slice(kEnd);
  html = html.replace(/<svg [^>]*width="\d+"[^>]*>[\s\S]*?<\/svg>/, ""); // the first figure (a KaTeX svg's width is in em)
  html = html.replace("</main>", '<a href="no-such-page.html">x</a><script>console.error("planted")</script></main>')
    .replace("</head>", '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/katex@0.16.11/dist/katex.min.css"><style>.katex svg { height: 0 !important; } .cell.code > pre.code { white-space: pre !important; }</style></head>')
    .replace('<pre class="code highlight">', '<pre class="code highlight">let planted_line = "' + "x".repeat(200) + '";\n');
  // a legend box over a data line, in the page's last figure (pixel-sized, not KaTeX's)
  {
    const figs = [...html.matchAll(/<svg [^>]*width="\d+"[^>]*>/g)]; // a figure's, not KaTeX's (width in em)
    const at = figs[figs.length - 1];
    const end = at.index + at[0].length;
    html = html.slice(0, end) + '<polyline fill="none" opacity="1" stroke="#000000" stroke-width="2" points="20,20 80,80"/>'
      + '<rect x="10" y="10" width="100" height="100" opacity="0.85" fill="#FFFFFF" stroke="none"/>' + html.slice(end);
  }
  const neg = path.join(tmp, rel);
  fs.writeFileSync(neg, html);
  fs.symlinkSync(path.join(SITE, "assets"), path.join(tmp, "assets"));
    const r = await checkPage(browser, pathToFileURL(neg).href, { formulas: c.formulas, figures: c.figures, tex: c.tex }, {});
  const linkProblems = checkLinks(rel, r.links.filter((l) => l === "no-such-page.html"));
  const all = [...r.problems, ...linkProblems].join("\n");
  const want = { "raw math": /raw math/, "formula count": /typeset formulas/, "formula text": /is not the notebook's/, "figure count": /figures: /, "console error": /console error: planted/, "broken link": /broken link no-such-page/,
    "CDN request": /network request blocked: https:\/\/cdn\.jsdelivr/, "flat root sign": /drawn part\(s\) of formulas/,
    "code cut off": /code cut off at the right edge/, "legend over data": /a legend covers data/ };
  const missed = Object.entries(want).filter(([, re]) => !re.test(all)).map(([n]) => `a planted ${n} was not caught`);
  report(`the checks fail on a broken copy of ${rel} (raw formula, formula count and text, missing figure, broken link, console error, CDN request, flat root sign, code cut off, legend over data)`, missed);
  fs.rmSync(tmp, { recursive: true, force: true });
}

// The kernel and fold checks on a broken copy of a page with exercises (and formulas
// in its answers): each planted fault must be caught by its own check.
{
  const [rel, c] = pages.find(([, c]) => c.folds.length >= 3 && c.folds.some((f) => f.formulas > 0));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "site-neg-folds-"));
  let html = fs.readFileSync(path.join(SITE, rel), "utf8");
  html = html.replace('<div class="cell markdown">', '<div class="cell markdown"><p>Press Shift+Enter to run this cell.</p>');
  html = html.replace(/<aside class="run-note"[\s\S]*?<\/aside>/, "");
  let nth = 0;
  html = html.replace(/<details class="exercise-fold"([^>]*)>(<summary>[\s\S]*?<\/summary>)?/g, (m, attrs) => {
    nth++;
    if (nth === 1) return `<details class="exercise-fold"${attrs} open>${m.slice(m.indexOf(">") + 1)}`;
    if (nth === 2) return '<div class="unwrapped">';
    return m;
  });
  // the second fold's closing tag: the first </details> after the unwrapped div
  const u = html.indexOf('<div class="unwrapped">');
  const close = html.indexOf("</details>", u);
  html = html.slice(0, close) + "</div>" + html.slice(close + "</details>".length);
  // one formula gone from the answers fold, and the answers hidden even when opened
  const a = html.indexOf('data-kind="answers"');
  const k = html.indexOf('<span class="katex">', a);
  html = html.slice(0, k) + "<span>x</span>" + html.slice(findSpanEnd(html, k));
  html = html.replace("</head>", '<style>details.exercise-fold[data-kind="answers"] .output { display: none }</style></head>');
  const neg = path.join(tmp, rel);
  fs.writeFileSync(neg, html);
  fs.symlinkSync(path.join(SITE, "assets"), path.join(tmp, "assets"));
  const r = await checkPage(browser, pathToFileURL(neg).href,
    { formulas: c.formulas, figures: c.figures, tex: c.tex, folds: c.folds, runNotes: c.run_notes }, {});
  const all = r.problems.join("\n");
  const want = { "Shift+Enter": /says "Shift\+Enter"/, "missing run note": /run notes: /, "fold open at load": /fold 1 is open at load/,
    "unwrapped fold (count)": /exercise folds: /, "unwrapped fold (answer shown)": /checker cell outside a closed fold/,
    "formula missing from the answers": /\(answers\): \d+ formulas typeset inside/, "answers hidden when opened": /not shown after opening/ };
  const missed = Object.entries(want).filter(([, re]) => !re.test(all)).map(([n]) => `a planted ${n} was not caught`);
  report(`the kernel and fold checks fail on a broken copy of ${rel} (Shift+Enter, run note, open fold, unwrapped fold, answer formula, hidden answers)`, missed);
  fs.rmSync(tmp, { recursive: true, force: true });
}

// The motion checks on two small pages of our own: a SMIL animation and a slider
// that work must pass; a animation that never starts and a slider wired to nothing
// must both be caught.
{
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "site-motion-"));
  const page = (begin, wired) => `<!DOCTYPE html><html><body><main>
<div class="output html"><svg width="120" height="60"><circle cx="10" cy="30" r="6" fill="teal">
<animate attributeName="cx" from="10" to="110" dur="2s" begin="${begin}" repeatCount="indefinite"/></circle></svg></div>
<div class="output html"><input type="range" min="0" max="10" value="5"><span>5</span>
${wired ? "<script>document.currentScript.parentElement.querySelector('input').addEventListener('input', (e) => { e.target.nextElementSibling.textContent = e.target.value; });</script>" : ""}</div>
</main></body></html>`;
  fs.writeFileSync(path.join(tmp, "good.html"), page("0s", true));
  fs.writeFileSync(path.join(tmp, "bad.html"), page("indefinite", false));
  const good = await checkPage(browser, pathToFileURL(path.join(tmp, "good.html")).href, { formulas: 0, figures: 1 }, {});
  const bad = await checkPage(browser, pathToFileURL(path.join(tmp, "bad.html")).href, { formulas: 0, figures: 1 }, {});
  const badText = bad.problems.join("\n");
  const missed = [
    ...good.problems.map((p) => `a working animation/slider was refused: ${p}`),
    ...(/SMIL animations changed/.test(badText) ? [] : ["an animation that never starts was not caught"]),
    ...(/slider 1: moving it changed nothing/.test(badText) ? [] : ["a slider wired to nothing was not caught"]),
  ];
  report("the motion checks pass a playing animation and a live slider, and fail a still one and a dead one", missed);
  fs.rmSync(tmp, { recursive: true, force: true });
}

function findSpanEnd(s, start) {
  let depth = 0;
  const re = /<(\/?)span\b[^>]*>/g;
  re.lastIndex = start;
  let m;
  while ((m = re.exec(s))) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return re.lastIndex;
  }
  return s.length;
}

await browser.close();
await chromiumBrowser.close();
server.close();
console.log(`site test: ${pages.length} pages${apiPresent ? ` + ${API_PAGES.length} API pages` : ""}, ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${SHOTS}`);
process.exit(failures ? 1 : 0);
