#!/usr/bin/env bash
# Every test: formatting and lints (cargo fmt --check, clippy -D warnings, rustdoc
# -D warnings), snapshot
# and unit tests over the workspace (cargo insta test, failing
# on a changed, missing or unreferenced snapshot), a check that the repository
# needs nothing beside itself (no path out of it; a copy of its tracked files alone
# builds and passes the reference tests), a check that the snapshot guard really
# fails on a changed and on a stray snapshot, every notebook executed in the real
# evcxr kernel and compared with its stored outputs, and the static edition built
# and loaded in headless Chromium with no network (scripts/site-test.sh), the Korean
# edition held in step with the English (scripts/editions.py check). After the
# lints and rustdoc, the notebooks run in the foreground and the other checks in
# a background lane beside them (see "Two lanes" below).
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
step "cargo clippy on the libraries without their optional features (optcore/nalgebra, gd/hessian, adagrad/matrices, adadelta/newton, momentum/dynamics off, as a notebook that reads no Hessian compiles them)"
# Every member but the two that turn every feature on (the umbrella crate and optrace,
# which loads it); library and binary targets only, so no crate's dev-dependency on
# itself turns its feature on. A new crate is covered without being listed here.
cargo clippy --quiet --workspace --exclude optimizers --exclude optrace -- -D warnings
step "the methods without their lessons (no plotters under fastupdate or optrace; clippy on every crate with a \`lessons\` feature, default features off)"
for p in fastupdate optrace; do
  tree=$(cargo tree -p "$p" -e normal)
  case $tree in *plotters*) echo "test.sh: $p depends on plotters: some dependency turns a \`lessons\` feature on (see the root Cargo.toml)"; exit 1 ;; esac
done
# One invocation: with --no-default-features Cargo resolves features for the
# selected packages alone, so none of their lesson modules is compiled.
mapfile -t methods < <(cargo metadata --no-deps --format-version 1 | python3 -c 'import json, sys
for p in json.load(sys.stdin)["packages"]:
    if "lessons" in p["features"]: print("-p", p["name"], sep="\n")')
[ ${#methods[@]} -gt 0 ] || { echo "test.sh: no crate with a \`lessons\` feature found"; exit 1; }
cargo clippy --quiet "${methods[@]}" -p optrace --no-default-features -- -D warnings
step "cargo bench -p fastupdate --no-run (CI builds the benchmark, does not run it)"
cargo bench -p fastupdate --no-run --quiet

step "the Korean and English editions in step (same cells and code; outputs in Korean with the same numbers; every number of the prose; Hangul)"
python3 scripts/editions.py check
python3 scripts/editions.py self-test

step "rustdoc (warnings are errors: no broken link, no stray brackets in a formula)"
bash scripts/doc.sh --quiet # -D warnings, with the offline KaTeX header the static edition ships

# Two lanes at once from here (the notebook kernels leave part of the second core
# idle; measured in docs/latency.md): the notebooks in the evcxr kernel in
# the foreground, and the cargo and browser checks in the background, their
# output kept in a log printed when they end. They share no files: the kernels
# build in their own folders (scripts/evcxr-kernel.sh) and read the notebooks;
# the snapshot guard edits snapshots/ only, which no notebook reads.
lane_log=$(mktemp)
background_lane() {
  # A background job runs in a subshell with `set -e` in force (not part of an
  # `&&`/`||` list, where bash would ignore it): the first failure ends the lane.
  trap 'step ""' EXIT
  step_name="" step_start=$SECONDS
  step "cargo insta test (workspace)"
  CI=true cargo insta test --workspace --unreferenced=reject

  step "fastupdate's kernels, every path: tests/equal.rs again with AVX2+FMA and with portable code"
  FASTUPDATE_KERNELS=avx2 cargo test --quiet -p fastupdate --test equal
  FASTUPDATE_KERNELS=portable cargo test --quiet -p fastupdate --test equal

  step "self-contained"
  bash scripts/self-contained.sh

  step "snapshot guard"
  bash scripts/snapshot-guard.sh

  step "static edition in headless Chromium, offline"
  .venv/bin/python scripts/site.py build --out site
  bash scripts/site-test.sh site
}
background_lane >"$lane_log" 2>&1 &
lane=$!

step "notebooks in the evcxr kernel (beside it in the background: cargo insta test, self-contained, snapshot guard, static edition; their log below)"
notebooks=0
# A kernel whose port another process took is started again (class Starting in
# scripts/notebooks.py); that kernel's "Address already in use" is kept out of
# the log unless the check fails.
start_log=$(mktemp)
.venv/bin/python scripts/notebooks.py start-test 2>"$start_log" || { cat "$start_log"; notebooks=1; }
rm -f "$start_log"
.venv/bin/python scripts/notebooks.py check --jobs 2 || notebooks=$? # both cores: 00 first, then two kernels at once

step "waiting for the background lane"
status=0
wait "$lane" || status=$?
echo "---- background lane (cargo insta test, self-contained, snapshot guard, static edition) ----"
cat "$lane_log"
echo "---- end of the background lane ----"
rm -f "$lane_log"
[ "$notebooks" = 0 ] || { echo "test.sh: the notebooks failed"; exit 1; }
[ "$status" = 0 ] || { echo "test.sh: the background lane failed (exit $status, see above)"; exit 1; }
