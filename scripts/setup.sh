#!/usr/bin/env bash
# Installs what the project needs and is missing; skips what is already there.
#   - cargo-insta (snapshot tests), evcxr_jupyter (the Rust kernel), at pinned versions
#   - a Python virtual environment .venv with Jupyter (scripts/requirements.txt)
#   - the `rust` kernel spec
#   - site-tools/node_modules (npm ci: KaTeX, playwright-core) for the static edition
# Safe to run again: every step checks first.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

INSTA_VERSION=1.49.0
EVCXR_VERSION=0.22.0

say() { printf '[setup] %s\n' "$*"; }

command -v cargo >/dev/null || { echo "cargo is required (install Rust with rustup first)" >&2; exit 1; }

installed() { cargo install --list 2>/dev/null | grep -q "^$1 v$2:"; }

if ! installed cargo-insta "$INSTA_VERSION"; then
  say "installing cargo-insta $INSTA_VERSION"
  cargo install --locked --quiet cargo-insta --version "$INSTA_VERSION"
else
  say "cargo-insta $INSTA_VERSION present"
fi

if ! installed evcxr_jupyter "$EVCXR_VERSION"; then
  say "installing evcxr_jupyter $EVCXR_VERSION (takes several minutes on 2 cores)"
  cargo install --locked --quiet evcxr_jupyter --version "$EVCXR_VERSION"
else
  say "evcxr_jupyter $EVCXR_VERSION present"
fi

stamp=.venv/.requirements
if [ ! -x .venv/bin/python ] || ! cmp -s scripts/requirements.txt "$stamp"; then
  say "creating .venv with Jupyter"
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r scripts/requirements.txt
  cp scripts/requirements.txt "$stamp"
else
  say ".venv present"
fi

if ! .venv/bin/jupyter kernelspec list 2>/dev/null | awk '{print $1}' | grep -qx rust; then
  say "registering the rust kernel"
  evcxr_jupyter --install >/dev/null
else
  say "rust kernel registered"
fi

# The static edition and the offline API docs (scripts/site.sh, scripts/doc.sh, the
# browser test): KaTeX and playwright-core at the exact versions of
# site-tools/package-lock.json, installed with `npm ci` when missing or changed.
lock_stamp=site-tools/node_modules/.lock-stamp
if [ ! -d site-tools/node_modules ] || ! cmp -s site-tools/package-lock.json "$lock_stamp"; then
  command -v npm >/dev/null || { echo "node (>= 20) and npm are required for the static edition (site-tools/)" >&2; exit 1; }
  say "installing site-tools (npm ci: KaTeX, playwright-core)"
  (cd site-tools && npm ci --no-audit --no-fund --loglevel=error)
  cp site-tools/package-lock.json "$lock_stamp"
else
  say "site-tools present"
fi
