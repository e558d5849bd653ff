#!/usr/bin/env bash
# Proves that the snapshot setup fails when it should: a changed snapshot and a
# stray (unreferenced) one in the top-level snapshots/ must each fail
# `cargo insta test` in CI mode, and fail for that reason: insta's own message
# must name the snapshot (a build error or another failing test does not count).
# Restores every file it touches.
set -uo pipefail
cd "$(dirname "$0")/.."
snap=$(ls snapshots/*.snap | head -n 1)
[ -n "$snap" ] || { echo "no snapshots to guard"; exit 1; }
pkg=$(basename "$snap" | sed 's/__.*//')
backup=$(mktemp)
cp "$snap" "$backup"
stray="snapshots/${pkg}__guard_stray_snapshot.snap"
trap 'cp "$backup" "$snap"; rm -f "$backup" "$stray"' EXIT

log=$(mktemp)
trap 'cp "$backup" "$snap"; rm -f "$backup" "$stray" "$log"' EXIT
name=$(basename "$snap" .snap)

echo "guard-changed-line" >> "$snap"
if CI=true cargo insta test -p "$pkg" >"$log" 2>&1; then
  echo "FAIL: a changed $snap did not fail cargo insta test"; exit 1
fi
if ! grep -q "snapshot assertion for '$name' failed" "$log"; then
  tail -20 "$log"
  echo "FAIL: cargo insta test failed, but not on the changed snapshot $name (see above)"; exit 1
fi
cp "$backup" "$snap"
echo "ok   a changed snapshot fails, on insta's assertion ($snap)"

cp "$snap" "$stray"
if CI=true cargo insta test --workspace --unreferenced=reject >"$log" 2>&1; then
  echo "FAIL: an unreferenced $stray did not fail cargo insta test"; exit 1
fi
if ! grep -A3 "encountered unreferenced snapshots" "$log" | grep -qF "$(basename "$stray")"; then
  tail -20 "$log"
  echo "FAIL: cargo insta test failed, but not on the unreferenced $stray (see above)"; exit 1
fi
rm -f "$stray"
echo "ok   an unreferenced snapshot fails, as unreferenced ($stray)"
