#!/usr/bin/env bash
# Recompresses a .deb with xz, in place. Tauri's deb bundler compresses with gzip; the same release package
# with xz -9 is about half the size (docs/PERFORMANCE.md, "Linux packages"), and dpkg reads xz everywhere the
# app runs. The package is replaced only if its files, modes, owners and sizes come out the same.
#   scripts/deb-xz.sh FILE.deb [LEVEL]    LEVEL 0-9, default 9 (scripts/package.sh uses 0 for a debug package:
#                                         seconds instead of minutes)
set -euo pipefail
deb=$1
level=${2:-9}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -R "$deb" "$work/root"
dpkg-deb --root-owner-group -Zxz -z"$level" -b "$work/root" "$work/xz.deb" >/dev/null
# Mode, owner, size and name of each file, written alike whatever tar wrote (root/root or 0/0, ./usr/ or usr).
listing() {
  dpkg-deb -c "$1" | awk '{
    owner = ($2 == "root/root") ? "0/0" : $2; name = $6
    sub(/^\.\//, "", name); sub(/\/$/, "", name)
    if (name != "" && name != ".") print $1, owner, $3, name
  }' | sort -k4
}
if ! diff <(listing "$deb") <(listing "$work/xz.deb") >"$work/diff"; then
  echo "deb-xz: recompressing $deb changed its files:" >&2
  cat "$work/diff" >&2
  exit 1
fi
mv "$work/xz.deb" "$deb"
