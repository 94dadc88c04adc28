#!/usr/bin/env bash
# Builds Rapporteur's Linux packages: a .deb and an .rpm, each with the desktop app (/usr/bin/rapporteur-desktop,
# a desktop entry and icons) and the `rapporteur` command (/usr/bin/rapporteur). Arguments go to `tauri build`:
#   scripts/package.sh                         release .deb and .rpm (the bundle targets of tauri.conf.json)
#   scripts/package.sh --debug --bundles deb   a debug .deb, as scripts/package-test.sh builds it
# The packages land in <cargo target dir>/{release,debug}/bundle/{deb,rpm}/; the .deb is recompressed with xz
# (scripts/deb-xz.sh: -9 for release, -0 for debug).
# The command is the desktop binary started under its name (scripts/stage-cli.sh), so one binary is built.
# A debug build reuses the test build: `--workspace --examples` (the workspace has no examples) makes Cargo
# resolve features for the whole workspace with the dev-dependencies active, as `cargo test` does. Without it,
# dependencies that dev-dependencies give extra features (syn, rustix, hashbrown, ...) come out different, and
# with them most of the dependency tree is compiled a second time: on a fresh CI machine that was 14 of the
# test command's 58 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --no-driver
cargo_args=()
profile=release
level=9
for arg in "$@"; do
  [ "$arg" = --debug ] && cargo_args=(--workspace --examples) && profile=debug && level=0
done
CI=true ui/node_modules/.bin/tauri build "$@" -- "${cargo_args[@]+"${cargo_args[@]}"}"
# The .deb with xz instead of Tauri's gzip: half the download (scripts/deb-xz.sh).
target_dir=$(scripts/target-dir.sh)
for deb in "$target_dir/$profile/bundle/deb/"*.deb; do
  if [ -e "$deb" ]; then scripts/deb-xz.sh "$deb" "$level"; fi
done
