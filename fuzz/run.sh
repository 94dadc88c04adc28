#!/usr/bin/env bash
# Runs one fuzz target with the input bound and time limit it is meant to have (docs/FUZZING.md).
#
#   fuzz/run.sh TARGET [libFuzzer options...]     e.g.  fuzz/run.sh md_docx -max_total_time=600
#   fuzz/run.sh --smoke                           every target, 2,000 inputs each (scripts/test.sh)
#
# Needs `cargo +nightly` and cargo-fuzz (`cargo +nightly install cargo-fuzz --locked`). New inputs go to
# $FUZZ_WORK/<target> (default /tmp/rapporteur-fuzz), never into the committed seed corpus fuzz/corpus/.
# -s none: the code is safe Rust (`unsafe_code = "forbid"`), so AddressSanitizer would only slow the search;
# overflow checks and debug assertions stay on (fuzz/Cargo.toml).
set -euo pipefail
cd "$(dirname "$0")"
WORK=${FUZZ_WORK:-/tmp/rapporteur-fuzz}
mkdir -p "$WORK"

# The largest input each target gets: far below the product's own limits (50 MB records, 4 MiB documents),
# large enough for every construct to nest and repeat.
max_len() {
  case $1 in
    record) echo 65536 ;;
    sync_file) echo 16384 ;;
    md_typst | md_docx) echo 16384 ;;
    search) echo 4096 ;;
    *) echo "unknown target $1" >&2; return 1 ;;
  esac
}

run() {
  local target=$1; shift
  mkdir -p "$WORK/$target"
  # -timeout: a unit taking over 10 s is reported as a crash, which is how super-linear work shows up.
  cargo +nightly fuzz run -s none "$target" "$WORK/$target" "corpus/$target" -- \
    -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 "$@"
}

if [ "${1:-}" = --smoke ]; then
  for target in $(cargo +nightly fuzz list); do
    log=$WORK/$target.smoke.log
    if run "$target" -runs=2000 >"$log" 2>&1; then
      echo "fuzz smoke: $target ok ($(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$log"))"
    else
      tail -40 "$log"
      echo "fuzz smoke: $target FAILED (input in fuzz/artifacts/$target)"
      exit 1
    fi
  done
else
  run "$@"
fi
