#!/usr/bin/env bash
# Builds Rapporteur's Linux packages: a .deb and an .rpm, each with the desktop app (/usr/bin/rapporteur-desktop,
# a desktop entry and icons) and the `rapporteur` command (/usr/bin/rapporteur). Arguments go to `tauri build`:
#   scripts/package.sh                         release .deb and .rpm (the bundle targets of tauri.conf.json)
#   scripts/package.sh --debug --bundles deb   a debug .deb, as scripts/package-test.sh builds it
# The packages land in <cargo target dir>/{release,debug}/bundle/{deb,rpm}/.
# Cargo builds the whole workspace (`-- --workspace`), so the CLI comes out of the same build as the app and
# scripts/stage-cli.sh, which tauri runs before bundling, only has to copy it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --no-driver
CI=true ui/node_modules/.bin/tauri build "$@" -- --workspace
