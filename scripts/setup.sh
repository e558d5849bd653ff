#!/usr/bin/env bash
# Installs what the project needs and is missing; skips what is already there.
#   - cargo-insta (snapshot tests), evcxr_jupyter (the Rust kernel), at pinned versions
#   - a Python virtual environment .venv with Jupyter (scripts/requirements.txt)
#   - the `rust` kernel spec
#   - site-tools/node_modules (npm ci: KaTeX, playwright-core) for the static edition
#   - Debian's chromium and fonts-noto-cjk for its browser test (apt, as root or with
#     sudo; otherwise it stops at once naming them)
# Safe to run again: every step checks first.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

INSTA_VERSION=1.49.0
EVCXR_VERSION=0.22.0

say() { printf '[setup] %s\n' "$*"; }

command -v cargo >/dev/null || { echo "cargo is required (install Rust with rustup first)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 (>= 3.10, with venv) is required" >&2; exit 1; }
command -v npm >/dev/null || { echo "node (>= 20) and npm are required for the static edition (site-tools/)" >&2; exit 1; }

# The browser test of the static edition (./test.sh) needs Debian's Chromium and a
# font with Hangul. Checked first, so that a machine without them stops in its first
# seconds, not after the long steps. Installed with apt where this user may (root,
# or sudo without a password); otherwise named. `--browser=optional` (./run.sh, which
# needs no browser) only warns.
browser=required
for a in "$@"; do
  case "$a" in
    --browser=optional) browser=optional ;;
    *) echo "setup.sh: unknown option $a" >&2; exit 2 ;;
  esac
done
has_cjk_font() { command -v fc-list >/dev/null && [ -n "$(fc-list :lang=ko family 2>/dev/null)" ]; }
if ! command -v chromium >/dev/null || ! has_cjk_font; then
  if [ "$(id -u)" = 0 ]; then as_root=(env); elif sudo -n true 2>/dev/null; then as_root=(sudo -n); else as_root=(); fi
  if [ ${#as_root[@]} -gt 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's chromium and fonts-noto-cjk (apt-get)"
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  elif [ "$browser" = required ]; then
    echo "setup.sh: the static edition's browser test needs Chromium at /usr/bin/chromium and a Korean font." >&2
    echo "Install them, then run again:  sudo apt-get install chromium fonts-noto-cjk" >&2
    exit 1
  else
    say "no chromium or no Korean font (only ./test.sh needs them: sudo apt-get install chromium fonts-noto-cjk)"
  fi
else
  say "chromium and a Korean font present"
fi

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
  say "installing site-tools (npm ci: KaTeX, playwright-core)"
  (cd site-tools && npm ci --no-audit --no-fund --loglevel=error)
  cp site-tools/package-lock.json "$lock_stamp"
else
  say "site-tools present"
fi
