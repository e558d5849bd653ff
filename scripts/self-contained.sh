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
#      gd, momentum, adagrad, adam, schedule and optrace, snapshots included) must pass.
#      The copy is kept between runs (updated by content, so cargo recompiles only
#      what changed) and builds into its own target dir, target/self-contained:
#      compiled workspace crates embed their source folder, so sharing the
#      caller's target dir would mix the two builds.
#
# (b) cannot notice an absolute path to a folder that exists on this machine;
# (a) refuses those by name. Needs git, python3 and cargo.
#
# Run time on this project's 2-core machine: (a) under 1 s; (b) about 10 s when
# little changed since the last run, a few minutes on a fresh clone (it compiles
# the dependencies and the workspace once more, in target/self-contained).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
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
base=${TMPDIR:-/tmp}/optimizers-self-contained-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)
copy=$base/repo
mkdir -p "$copy"
for sibling in "$base/shared" "$(dirname "$base")/shared"; do
  if [ -e "$sibling" ]; then echo "FAIL: $sibling exists beside the copy"; exit 1; fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Bring the copy up to date by content: delete what is no longer tracked,
# rewrite what differs.
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

echo "== (b) the tracked files alone, in $copy, build and pass the reference tests"
(
  cd "$copy"
  export CARGO_TARGET_DIR=$ROOT/target/self-contained CI=true INSTA_UPDATE=no
  # The copy is built to be tested, not debugged or edited: no debug info and no
  # incremental caches, which would double its build folder on disk.
  export CARGO_PROFILE_DEV_DEBUG=0 CARGO_INCREMENTAL=0
  SECONDS=0
  if ! cargo test --locked --quiet --workspace --no-run >"$tmp/build.log" 2>&1; then
    tail -40 "$tmp/build.log"
    echo "FAIL: the copy does not build (cargo test --workspace --no-run)"
    exit 1
  fi
  echo "ok   cargo test --workspace --no-run in the copy: ${SECONDS} s"
  SECONDS=0
  if ! cargo test --locked --quiet --lib --tests -p optcore -p testkit -p gd -p momentum -p adagrad -p adam -p schedule -p optrace \
    >"$tmp/test.log" 2>&1; then
    grep -E -A12 '^(failures:|---- )|^error' "$tmp/test.log" | head -60
    echo "FAIL: the reference tests fail without anything beside the repository"
    exit 1
  fi
  echo "ok   $(grep -Eo '[0-9]+ passed' "$tmp/test.log" | awk '{s += $1} END {print s}') tests passed in the copy (${SECONDS} s)"
)
