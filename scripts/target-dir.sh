#!/usr/bin/env bash
# Prints Cargo's target directory for this workspace, wherever it is configured (CARGO_TARGET_DIR, a config
# file, or the default), for the scripts that look for what Cargo built.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])'
