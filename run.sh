#!/usr/bin/env bash
# The main job: set up what is missing, execute every notebook (storing fresh
# outputs), build the static edition site/ (scripts/site.sh), then open JupyterLab
# on notebooks/.
#   ./run.sh             execute, build site/, then open JupyterLab
#   ./run.sh --headless  execute and build site/ only
set -euo pipefail
cd "$(dirname "$0")"
headless=0
for a in "$@"; do
  case "$a" in
    --headless) headless=1 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "unknown option $a (expected --headless)" >&2; exit 2 ;;
  esac
done
bash scripts/setup.sh
.venv/bin/python scripts/notebooks.py execute --jobs 2
bash scripts/site.sh # the static edition: site/index.html, offline (README, "The static edition")
if [ "$headless" = 1 ]; then exit 0; fi
args=(--notebook-dir=notebooks --ip=127.0.0.1)
[ "$(id -u)" = 0 ] && args+=(--allow-root)
[ -z "${DISPLAY:-}" ] && args+=(--no-browser)
export EVCXR_CONFIG_DIR="$PWD/notebooks/.evcxr-lab"
# The kernel spec written by scripts/notebooks.py (.venv/jupyter/kernels/rust):
# evcxr through scripts/evcxr-kernel.sh, so a notebook opened here reuses the
# crates the execute step above already compiled instead of compiling them again.
export JUPYTER_PATH="$PWD/.venv/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
exec .venv/bin/jupyter lab "${args[@]}"
