#!/usr/bin/env bash
# Runs every test of Rapporteur, installing whatever is missing first:
# formatting, lints, generated-type drift, the UI's unit tests and build, every Rust test
# (unit, integration, CLI and the end-to-end tests that drive the real window under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-always}"
step() { printf '\n==> %s\n' "$*"; }

step "setup"
scripts/setup.sh

step "rustfmt"
cargo fmt --all --check

step "UI: type check, unit tests, build"
(cd ui && npm run check && npm test && npm run build)

step "clippy"
cargo clippy --workspace --all-targets -- -D warnings

step "Rust tests (unit, integration, CLI, end to end under Xvfb)"
xvfb-run -a -s "-screen 0 1280x800x24" cargo test --workspace

step "generated TypeScript types are committed and current"
if ! git diff --exit-code --stat -- ui/src/bindings || [ -n "$(git ls-files --others --exclude-standard ui/src/bindings)" ]; then
  echo "ui/src/bindings drifted from the Rust types: run 'cargo test --workspace' and commit ui/src/bindings" >&2
  exit 1
fi

step "all tests passed"
