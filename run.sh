#!/usr/bin/env bash
# The main job: set up what is missing, build the notebooks' crates for the kernel
# (so the first notebook opens warm), then open JupyterLab on notebooks/ while the
# static edition site/ is built beside it from the outputs stored in the notebooks.
#   ./run.sh             set up, warm the kernel, build site/, open JupyterLab
#   ./run.sh --execute   re-execute every notebook first (fresh outputs stored in place)
#   ./run.sh --headless  everything but JupyterLab (combine with --execute)
# The stored outputs are already fresh (./test.sh runs every notebook and fails
# on any difference), so --execute is for after a change to a crate or notebook.
set -euo pipefail
cd "$(dirname "$0")"
headless=0 execute=0
for a in "$@"; do
  case "$a" in
    --headless) headless=1 ;;
    --execute) execute=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option $a (expected --execute, --headless)" >&2; exit 2 ;;
  esac
done
bash scripts/setup.sh --browser=optional
if [ "$execute" = 1 ]; then
  .venv/bin/python scripts/notebooks.py execute --jobs 2
else
  .venv/bin/python scripts/notebooks.py warm
fi
# The static edition (site/index.html, offline: docs/static-edition.md). With
# JupyterLab it is built beside it, so the notebooks open without waiting for it.
if [ "$headless" = 1 ]; then
  bash scripts/site.sh
  echo "static edition: file://$PWD/site/index.html"
  exit 0
fi
mkdir -p target
bash scripts/site.sh >target/site-build.log 2>&1 &&
  echo "static edition built: file://$PWD/site/index.html" ||
  echo "static edition: the build failed, see target/site-build.log" &
echo "static edition: building beside JupyterLab (target/site-build.log)"
args=(--notebook-dir=notebooks --ip=127.0.0.1)
[ "$(id -u)" = 0 ] && args+=(--allow-root)
[ -z "${DISPLAY:-}" ] && args+=(--no-browser)
export EVCXR_CONFIG_DIR="$PWD/notebooks/.evcxr-lab"
# The kernel specs written by scripts/notebooks.py (.venv/jupyter/kernels/rust and
# rust-ko, which the Korean notebooks name: the same kernel showing its outputs in
# Korean): evcxr through scripts/evcxr-kernel.sh, so a notebook opened here reuses
# the crates built above instead of compiling them again.
export JUPYTER_PATH="$PWD/.venv/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
exec .venv/bin/jupyter lab "${args[@]}"
