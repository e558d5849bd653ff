#!/usr/bin/env bash
# API documentation with the doc comments' equations typeset by KaTeX, offline:
#   scripts/doc.sh [cargo doc options, e.g. --open or --quiet]
# KaTeX comes from site-tools/node_modules (pinned in site-tools/package.json, the same
# copy the static edition uses; scripts/setup.sh runs `npm ci` there) and is copied to
# katex/ at the root of the doc output; docs/katex-header.html loads it from there by
# rustdoc's root path, so no page needs a network. Warnings are errors (test.sh runs
# this script as its rustdoc check, so the docs are built once with one set of flags).
set -euo pipefail
cd "$(dirname "$0")/.."
katex=site-tools/node_modules/katex/dist
if [ ! -f "$katex/katex.min.js" ]; then
  command -v npm >/dev/null || { echo "doc.sh: npm is required for KaTeX (site-tools/package.json)" >&2; exit 1; }
  (cd site-tools && npm ci --no-audit --no-fund --loglevel=error)
fi
open=0
args=()
for a in "$@"; do
  if [ "$a" = --open ]; then open=1; else args+=("$a"); fi  # opened below, once KaTeX is in place
done
RUSTDOCFLAGS="${RUSTDOCFLAGS:-} -D warnings --html-in-header $PWD/docs/katex-header.html" \
  cargo doc --workspace --no-deps ${args[@]+"${args[@]}"}
target=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
rm -rf "$target/doc/katex"
mkdir -p "$target/doc/katex/contrib"
cp "$katex/katex.min.css" "$katex/katex.min.js" "$target/doc/katex/"
cp "$katex/contrib/auto-render.min.js" "$target/doc/katex/contrib/"
cp -r "$katex/fonts" "$target/doc/katex/"
if [ "$open" = 1 ]; then
  page="$target/doc/optimizers/index.html"
  if command -v xdg-open >/dev/null; then xdg-open "$page"; else echo "open $page"; fi
fi
