#!/usr/bin/env bash
# The `rust` kernel (evcxr_jupyter) with a build folder that outlives it.
#
# evcxr builds every session in a fresh temporary folder, so each new kernel
# compiled the notebook's path crates (optcore, plots, …) again: its `:cache` keeps
# only registry crates. Here the kernel gets EVCXR_TMPDIR = a kept folder, so cargo
# finds the crates it built for the previous kernel and compiles only what changed.
#
# evcxr's own `:cache` stays off (notebooks/.evcxr has no init.evcxr): a cache hit
# restores a crate's dep-info naming the OUT_DIR of the session that filled the
# cache; that folder is gone, so cargo calls the crate (serde_core) stale and
# rebuilds it and everything above it, every path crate included, in each kernel.
#
# Two kernels must never share the folder (both write its src/lib.rs): each takes
# the first free slot, slot-0, slot-1, …, under
#   ${OPTIMIZERS_EVCXR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/optimizers-evcxr}/<checkout>
# holding an flock on slot-N.lock for as long as it lives (the lock's file
# descriptor passes to evcxr_jupyter by exec). <checkout> names this checkout's
# folder, so two clones do not rebuild each other's crates. The folder is outside
# the cargo workspace on purpose: evcxr's kernel dies when its build folder lies
# inside one. Deleting the folder is always safe (the next kernel rebuilds it).
#
# Usage (from the kernel spec written by scripts/notebooks.py):
#   evcxr-kernel.sh --control_file CONNECTION_FILE
#   evcxr-kernel.sh --seed N      (copy slot-0 into empty slots 1 … N−1; see below)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
base=${OPTIMIZERS_EVCXR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/optimizers-evcxr}
checkout=$(basename "$root")-$(printf '%s' "$root" | cksum | cut -d' ' -f1)
mkdir -p "$base/$checkout"
# evcxr loads each cell's library from target/<host>/debug, a copy of the one in
# debug/deps whose RUNPATH is relative to deps/: one folder too shallow. Under a
# temporary folder (/tmp/...) the extra `..` stops at / and the path still lands on
# the toolchain; under $HOME (where rustup keeps it) it misses, libstd is not
# found and the kernel dies ("dlopen failed"; also why a build folder inside a
# cargo workspace kills the kernel). LD_LIBRARY_PATH is searched before RUNPATH.
sysroot_lib=$(rustc --print target-libdir)
export LD_LIBRARY_PATH=$sysroot_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
evcxr=$(command -v evcxr_jupyter || echo "$HOME/.cargo/bin/evcxr_jupyter")

# `evcxr-kernel.sh --seed N` (scripts/notebooks.py --jobs N): before N kernels run
# at once, give slot-1 … slot-(N−1) a copy of slot-0 where they have none, so
# that each parallel kernel starts with the crates slot-0 built instead of
# compiling every dependency again. A copied folder is fresh to cargo: its
# fingerprints name source files outside it (the registry, this checkout's
# crates), unchanged; measured, a kernel in a copied slot compiled only the path
# crates changed since. slot-0 is locked while it is copied (no kernel writes it
# meanwhile); a slot in use is left alone.
if [ "${1:-}" = --seed ]; then
  n=${2:?usage: evcxr-kernel.sh --seed N}
  src=$base/$checkout/slot-0
  [ -d "$src/target" ] || exit 0
  exec 8>"$src.lock"
  flock -n 8 || exit 0
  for k in $(seq 1 $((n - 1))); do
    dir=$base/$checkout/slot-$k
    [ -d "$dir/target" ] && continue
    (
      exec 7>"$dir.lock"
      flock -n 7 || exit 0
      rm -rf "$dir.tmp" "$dir" && cp -a "$src" "$dir.tmp" && mv "$dir.tmp" "$dir"
    )
  done
  exit 0
fi
# The cells are compiled at evcxr's opt_level 0 (notebooks/.evcxr*/evcxr.toml); the
# notebook's dependencies stay at level 2, as before: a cargo config in the folder
# above the slots (cargo reads .cargo/config.toml from the build folder's
# ancestors; evcxr writes the slot's own). Written atomically, only when missing
# or different, so that kernels starting together do not race on it.
config=$base/$checkout/.cargo/config.toml
# Incremental compilation is off: evcxr asks for it, but it kept a cache per crate
# and feature set (gigabytes per slot) and saves little at opt-level 2.
want='# Written by scripts/evcxr-kernel.sh: the notebook dependencies optimized, the cells not.
[profile.dev.package."*"]
opt-level = 2

[build]
incremental = false'
if [ "$(cat "$config" 2>/dev/null)" != "$want" ]; then
  mkdir -p "$(dirname "$config")"
  printf '%s\n' "$want" >"$config.$$" && mv "$config.$$" "$config"
fi
for slot in $(seq 0 63); do
  dir=$base/$checkout/slot-$slot
  exec 9>"$dir.lock"
  if flock -n 9; then
    mkdir -p "$dir"
    # What the previous kernel left of its own cells: evcxr renames each cell's
    # libctx.so to libcode_N.so and skips rewriting an unchanged src/lib.rs, so
    # cargo would call the first cell fresh and the kernel die on a missing
    # library ("dlopen failed"). Removing src/ makes cargo rebuild that cell; the
    # dependencies (registry and path crates) stay built.
    rm -rf "$dir/src" "$dir"/target/*/debug/libcode_*.so "$dir"/target/*/debug/libctx.*
    export EVCXR_TMPDIR=$dir
    exec "$evcxr" "$@"
  fi
  exec 9>&-
done
echo "evcxr-kernel.sh: all 64 build slots under $base/$checkout are in use" >&2
exit 1
