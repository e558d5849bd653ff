#!/usr/bin/env bash
# The static edition from the notebooks' stored outputs, without executing them:
#   scripts/site.sh        -> site/ (index.html = 00-overview; site/api = the API docs)
# Builds the offline API docs first (scripts/doc.sh), then the pages
# (scripts/site.py build). ./run.sh calls this after executing the notebooks.
# Open site/index.html from the file system, or copy site/ to any static host.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f site-tools/node_modules/katex/dist/katex.min.css ]; then
  (cd site-tools && npm ci --no-audit --no-fund --loglevel=error)
fi
bash scripts/doc.sh --quiet
.venv/bin/python scripts/site.py build --out site
