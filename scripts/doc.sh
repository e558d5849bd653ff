#!/usr/bin/env bash
# API documentation with the doc comments' equations typeset by KaTeX:
#   scripts/doc.sh [--open]
set -euo pipefail
cd "$(dirname "$0")/.."
RUSTDOCFLAGS="--html-in-header $PWD/docs/katex-header.html" cargo doc --workspace --no-deps "$@"
