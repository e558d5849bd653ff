#!/usr/bin/env bash
# The static edition in headless Chromium with no network (issue 11, item 2):
#   scripts/site-test.sh [SITE_DIR]     (default site/, built by scripts/site.sh)
# Counts every page's formulas and figures in the notebooks (scripts/site.py count),
# then scripts/site-test.mjs loads every page from file:// and from a loopback
# server and compares (what it checks is listed at the top of that file).
# Screenshots: target/site-shots/*.png. Needs node (site-tools) and Chromium
# (Debian's package: `apt-get install chromium fonts-noto-cjk`; .ci/run installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
site=${1:-site}
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "site-test: no Chromium at $chromium (apt-get install chromium fonts-noto-cjk, or set CHROMIUM)" >&2; exit 1; }
[ -f "$site/index.html" ] || { echo "site-test: $site/index.html missing (run scripts/site.sh)" >&2; exit 1; }
mkdir -p target
rm -rf target/site-shots
.venv/bin/python scripts/site.py count > target/site-counts.json
CHROMIUM=$chromium node scripts/site-test.mjs "$site" target/site-counts.json target/site-shots
