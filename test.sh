#!/usr/bin/env bash
# Every test: formatting and lints (cargo fmt --check, clippy -D warnings, rustdoc
# -D warnings), snapshot
# and unit tests over the workspace (cargo insta test, failing
# on a changed, missing or unreferenced snapshot), a check that the repository
# needs nothing beside itself (no path out of it; a copy of its tracked files alone
# builds and passes the reference tests), a check that the snapshot guard really
# fails on a changed and on a stray snapshot, then every notebook executed in the
# real evcxr kernel and compared with its stored outputs, then the static edition
# built and loaded in headless Chromium with no network (scripts/site-test.sh).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh

# Each step's wall time, printed when the next one starts and at the end.
step_name="" step_start=$SECONDS
step() {
  [ -n "$step_name" ] && printf '   (%s: %d s)\n' "$step_name" $((SECONDS - step_start))
  step_name=$1 step_start=$SECONDS
  [ -n "$1" ] && echo "== $1"
  return 0
}
trap 'step ""; echo "test.sh: $SECONDS s in all"' EXIT

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (every target, warnings are errors)"
cargo clippy --workspace --all-targets --quiet -- -D warnings
step "cargo bench -p fastupdate --no-run (CI builds the benchmark, does not run it)"
cargo bench -p fastupdate --no-run --quiet

step "rustdoc (warnings are errors: no broken link, no stray brackets in a formula)"
bash scripts/doc.sh --quiet # -D warnings, with the offline KaTeX header the static edition ships

step "cargo insta test (workspace)"
CI=true cargo insta test --workspace --unreferenced=reject

step "self-contained"
bash scripts/self-contained.sh

step "snapshot guard"
bash scripts/snapshot-guard.sh

step "notebooks in the evcxr kernel"
.venv/bin/python scripts/notebooks.py check --jobs 2 # both cores: 00 first, then two kernels at once

step "static edition in headless Chromium, offline"
.venv/bin/python scripts/site.py build --out site
bash scripts/site-test.sh site
