#!/usr/bin/env bash
# Builds and starts the Rapporteur desktop app, installing whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --no-driver
(cd ui && npm run build)
cargo run -p rapporteur-desktop -- "$@"
