#!/usr/bin/env bash
# A large meeting (200 delegations, 150 interventions, 50 action items) in the real window: time from a tab
# click to its rows painted, and frame intervals while each list scrolls end to end (docs/PERFORMANCE.md).
# Runs the end-to-end test tests/e2e/large.rs under Xvfb and prints its figures with the machine's.
#
#   scripts/bench-large-meeting.sh          # debug build of the app, as `cargo test` makes it
set -euo pipefail
cd "$(dirname "$0")/.."
(cd ui && npm run build --silent >/dev/null)
cargo test --test e2e --no-run >&2
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), load average $(cut -d' ' -f1-3 /proc/loadavg) (before)"
RUST_BACKTRACE=0 xvfb-run -a -s "-screen 0 1280x800x24" \
  cargo test -q --test e2e -- large::large_meeting_renders_and_scrolls --exact --nocapture --test-threads 1 2>&1 \
  | grep -v '^$'
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) (after)"
