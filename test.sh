#!/usr/bin/env bash
# Every test: formatting and lints (cargo fmt --check, clippy -D warnings, rustdoc
# -D warnings), snapshot
# and unit tests over the workspace (cargo insta test, failing
# on a changed, missing or unreferenced snapshot), a check that the repository
# needs nothing beside itself (no path out of it; a copy of its tracked files alone
# builds and passes the reference tests), a check that the snapshot guard really
# fails on a changed and on a stray snapshot, then every notebook executed in the
# real evcxr kernel and compared with its stored outputs.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy (every target, warnings are errors)"
cargo clippy --workspace --all-targets --quiet -- -D warnings
echo "== cargo bench -p fastupdate --no-run (CI builds the benchmark, does not run it)"
cargo bench -p fastupdate --no-run --quiet

echo "== rustdoc (warnings are errors: no broken link, no stray brackets in a formula)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet

echo "== cargo insta test (workspace)"
CI=true cargo insta test --workspace --unreferenced=reject

echo "== self-contained"
bash scripts/self-contained.sh

echo "== snapshot guard"
bash scripts/snapshot-guard.sh

echo "== notebooks in the evcxr kernel"
.venv/bin/python scripts/notebooks.py check
