#!/usr/bin/env bash
# Puts the `rapporteur` command where the Linux packages take it from (bundle.linux.*.files in tauri.conf.json
# installs target/bundle-cli/rapporteur as /usr/bin/rapporteur). `tauri build` runs this as its
# beforeBundleCommand, after building the desktop app and before making the packages, with TAURI_ENV_DEBUG=true
# for `tauri build --debug`. It builds the CLI with the same profile: with `tauri build ... -- --workspace`
# (as scripts/package.sh runs it) the CLI is already built and this cargo call only checks it is current.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=release
cargo_args=(--release)
if [ "${TAURI_ENV_DEBUG:-false}" = true ]; then
  # As scripts/package.sh builds a debug package: with the features `cargo test` resolves (see there).
  profile=debug
  cargo_args=(--examples)
fi

cargo build --workspace --bin rapporteur "${cargo_args[@]}"
target_dir=$(cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
cli="$target_dir/$profile/rapporteur"
[ -x "$cli" ] || { echo "stage-cli: $cli was not built" >&2; exit 1; }
install -D -m 0755 "$cli" target/bundle-cli/rapporteur
echo "stage-cli: packaging $cli ($profile)"
