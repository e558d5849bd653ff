#!/usr/bin/env bash
# Fails if the repository needs anything beside itself (issue 8: the tests once
# read the sibling folder shared/reference at run time, so a bare clone failed;
# its files are now vendored in crates/optcore/reference).
#
#  (a) paths: every tracked *.rs, *.toml, *.sh, *.py, *.ipynb, *.evcxr and .ci/*
#      file is scanned for a path that leaves the repository: the sibling folder
#      `shared` named relatively or absolutely, and any path whose `..`
#      components climb above the repository root, resolved against the file's
#      own folder (against the crate's folder on a line that uses
#      CARGO_MANIFEST_DIR; against the repository root after a shell variable,
#      since every script cds there). Each offence is printed as file:line.
#  (b) build and tests: the tracked files, as they are in the working tree (a new
#      file must be `git add`ed first), and nothing else, are copied to a folder
#      under $TMPDIR (default /tmp) with no `shared` beside it or above it, and
#      there `cargo test --workspace --no-run` must build and the tests that read
#      the reference traces (the unit and integration tests of optcore, testkit,
#      gd, momentum, adagrad, adam and optrace, snapshots included) must pass.
#      Registry dependencies come from CARGO_TARGET_DIR (default: ./target), so
#      they are not rebuilt; the workspace's own crates are compiled from the
#      copy, never taken from the caller's build (see (b) below for how).
#
# (b) cannot notice an absolute path to a folder that exists on this machine;
# (a) refuses those by name. Needs git, python3, flock (util-linux) and cargo.
#
# Run time, measured on this project's 2-core machine while other builds ran:
# (a) under 1 s; about 9 s in all when nothing changed since the last run; about
# 4 min when every workspace crate must be compiled again in the copy (the first
# run on a CARGO_TARGET_DIR, or after a change to optcore) -- that compile is the
# whole cost, about what `cargo test --workspace --no-run` takes in the real tree.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
target=${CARGO_TARGET_DIR:-$ROOT/target}
case "$target" in /*) ;; *) target=$ROOT/$target ;; esac
PATTERNS=('*.rs' '*.toml' '*.sh' '*.py' '*.ipynb' '*.evcxr' '.ci/*')

# (a) -------------------------------------------------------------------------
# check_paths: run in a repository; prints file:line per offence, exits 1 if any.
check_paths() {
  git ls-files -z -- "${PATTERNS[@]}" | python3 -c '
import os, re, sys

# Spelled in pieces so that this file does not match itself.
SIBLING = "shared"
DOTDOT = ".."
NAMED = [DOTDOT + "/" + SIBLING, "/" + "work" + "/" + SIBLING]
# A run of path characters: quotes, spaces, brackets and backslashes end a path.
TOKEN = re.compile(r"[A-Za-z0-9_.~/$-]+")


def crate_dir(path):
    d = os.path.dirname(path)
    while d and not os.path.exists(os.path.join(d, "Cargo.toml")):
        d = os.path.dirname(d)
    return d  # "" is the repository root (the umbrella crate)


def climbs(base, rel):
    """True if rel, taken from base (relative to the repository root), leaves it."""
    depth = len([p for p in base.split("/") if p])
    for part in rel.split("/"):
        if part == DOTDOT:
            depth -= 1
            if depth < 0:
                return True
        elif part not in ("", "."):
            depth += 1
    return False


bad = []
for f in [f for f in sys.stdin.read().split("\0") if f]:
    if not os.path.isfile(f):
        continue
    with open(f, encoding="utf-8", errors="replace") as fh:
        lines = fh.read().split("\n")
    here = os.path.dirname(f)
    for n, line in enumerate(lines, 1):
        why = ["names " + name for name in NAMED if name in line]
        for m in TOKEN.finditer(line):
            tok = m.group(0)
            if DOTDOT not in tok.split("/"):
                continue
            before = line[: m.start()]
            if tok.startswith("/") and "CARGO_MANIFEST_DIR" in line:
                base = crate_dir(f)  # concat! of the manifest dir and this string
            elif tok.startswith("$") or before.endswith((")", "}")):
                # after a shell expansion: the file folder after a dirname of the
                # script, else the root (where scripts cd)
                base = here if before.endswith(")") and "dirname" in before else ""
                tok = tok.split("/", 1)[1] if "/" in tok else ""
            elif tok.startswith("/"):
                continue  # an absolute path: only the NAMED ones are refused
            else:
                base = here
            if climbs(base, tok):
                why.append("climbs above the repository root: " + m.group(0))
        if why:
            bad.append("%s:%d: %s" % (f, n, "; ".join(why)))
print("\n".join(bad))
sys.exit(1 if bad else 0)
'
}

echo "== (a) no tracked build, test, script or notebook file names a path outside the repository"
if ! out=$(check_paths); then
  printf '%s\n' "$out"
  echo "FAIL: the lines above reach outside the repository (vendor what they need)"
  exit 1
fi
echo "ok   $(git ls-files -- "${PATTERNS[@]}" | wc -l) files scanned"

# (b) -------------------------------------------------------------------------
# The copy shares CARGO_TARGET_DIR with the caller but not the compiled workspace
# crates: those embed their source folder (CARGO_MANIFEST_DIR: insta's snapshot
# folder, for one), and cargo does not notice when that folder changes. Shared,
# the caller's next `cargo test` would run the copy's binaries (which look in the
# copy), and this check could run binaries compiled somewhere else. So:
#  - the copy is built with the opposite CARGO_INCREMENTAL, which gives the
#    workspace's own crates other artifact names (registry crates are never
#    incremental, so they are shared and not rebuilt);
#  - if a test executable of the copy has the name of one that was already in
#    CARGO_TARGET_DIR and not the copy's own (a cargo that names them alike),
#    the workspace's crates are cleaned from CARGO_TARGET_DIR (the caller
#    rebuilds them) and the check fails;
#  - the copy lives in one folder per CARGO_TARGET_DIR, kept between runs and
#    brought up to date by content (a changed file is rewritten, so it is newer
#    than what was compiled from it; a file no longer tracked is deleted): cargo
#    recompiles only what changed since the last run, from this folder;
#  - every test executable of the copy must name the copy's folder (its debug
#    info does); if one does not, it was compiled elsewhere (by a caller that
#    built with the copy's CARGO_INCREMENTAL): the workspace's crates are cleaned
#    from CARGO_TARGET_DIR and the copy is built again, and the check fails if
#    that does not help;
#  - a lock keeps two runs on one CARGO_TARGET_DIR apart.
if [ "${CARGO_INCREMENTAL:-1}" = 0 ]; then copy_incremental=1; else copy_incremental=0; fi
mkdir -p "$target"
deps=$target/debug/deps
ours=$target/self-contained-executables # the copy's test executables, last run
base=${TMPDIR:-/tmp}/self-contained-$(printf '%s' "$target" | cksum | cut -d' ' -f1)
copy=$base/repo
mkdir -p "$copy"
exec 9>"$base/lock"
flock 9
touch "$ours"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for sibling in "$base/shared" "$(dirname "$base")/shared"; do
  if [ -e "$sibling" ]; then echo "FAIL: $sibling exists beside the copy"; exit 1; fi
done

git ls-files -z >"$tmp/tracked"
tr '\0' '\n' <"$tmp/tracked" | sort >"$tmp/tracked.txt"
(cd "$copy" && find . -type f | sed 's|^\./||' | sort) | comm -23 - "$tmp/tracked.txt" |
  (cd "$copy" && tr '\n' '\0' | xargs -0 -r rm -f)
while IFS= read -r -d '' f; do
  if [ ! -e "$f" ]; then
    rm -f "$copy/$f" # tracked, but deleted in the working tree
  elif ! cmp -s "$f" "$copy/$f"; then
    printf '%s\0' "$f"
  fi
done <"$tmp/tracked" | xargs -0 -r cp --parents -t "$copy"
{ ls "$deps" 2>/dev/null || true; } >"$tmp/before"

echo "== (b) the tracked files alone, in $copy, build and pass the reference tests"
(
  cd "$copy"
  export CARGO_TARGET_DIR=$target CARGO_INCREMENTAL=$copy_incremental CI=true INSTA_UPDATE=no
  SECONDS=0
  tests=(--lib --tests -p optcore -p testkit -p gd -p momentum -p adagrad -p adam -p optrace)
  build() { # the whole workspace, then the tests to run; lists their executables
    : >"$tmp/executables"
    for args in "--workspace" "${tests[*]}"; do
      # shellcheck disable=SC2086 # $args is split on purpose
      if ! cargo test --locked --quiet --no-run --message-format=json-render-diagnostics $args \
        >"$tmp/build.json" 2>"$tmp/build.log"; then
        tail -40 "$tmp/build.log"
        echo "FAIL: the copy does not build (cargo test --no-run $args)"
        exit 1
      fi
      grep -o '"executable":"[^"]*"' "$tmp/build.json" | sed 's/.*"executable":"\(.*\)"/\1/' >>"$tmp/executables"
    done
    sort -u -o "$tmp/executables" "$tmp/executables"
  }
  foreign() { # the copy's test executables that do not name the copy's folder
    while IFS= read -r exe; do grep -qF "$copy" "$exe" || echo "$exe"; done <"$tmp/executables"
  }
  clean_workspace() { # every artifact of the workspace's crates, the caller's too
    (cd "$ROOT" && cargo metadata --no-deps --format-version 1 --offline |
      python3 -c 'import json, sys; print("\n".join(p["name"] for p in json.load(sys.stdin)["packages"]))' |
      sed 's/^/-p /' | xargs cargo clean --quiet)
  }
  build
  clash=$(xargs -n1 basename <"$tmp/executables" | grep -Fxf "$tmp/before" | grep -Fxvf "$ours" || true)
  if [ -n "$clash" ]; then
    echo "$clash" | sed 's/^/  clash: /'
    clean_workspace
    echo "FAIL: the copy's build reused the caller's artifact names; the workspace's crates were cleaned from $target"
    exit 1
  fi
  xargs -n1 basename <"$tmp/executables" >"$ours"
  if [ -n "$(foreign)" ]; then
    # Compiled elsewhere under the copy's names (a caller that built with the
    # copy's CARGO_INCREMENTAL): cleaned, so that neither runs the other's.
    echo "   (executables under the copy's names were compiled elsewhere: cleaning the workspace's crates from $target and building again)"
    clean_workspace
    build
    if [ -n "$(foreign)" ]; then
      foreign | sed 's/^/  not built in the copy: /'
      echo "FAIL: cannot tell that the copy's executables were compiled from the copy"
      exit 1
    fi
  fi
  echo "ok   cargo test --workspace --no-run in the copy: ${SECONDS} s"
  SECONDS=0
  if ! cargo test --locked --quiet "${tests[@]}" >"$tmp/test.log" 2>&1; then
    grep -E -A12 '^(failures:|---- )|^error' "$tmp/test.log" | head -60
    echo "FAIL: the reference tests fail without anything beside the repository"
    exit 1
  fi
  echo "ok   $(grep -Eo '[0-9]+ passed' "$tmp/test.log" | awk '{s += $1} END {print s}') tests passed in the copy (${SECONDS} s)"
)
