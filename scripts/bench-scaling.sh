#!/usr/bin/env bash
# Whole-command timings that show how export and search grow with their input (issue 11, items 5 and 6),
# and the peak memory of a PDF export at the document size limit (docs/PERFORMANCE.md).
#
#   scripts/bench-scaling.sh [rapporteur binary]     # default: builds and uses the debug CLI
#   ONLY=docx|notes|table|search|memory scripts/bench-scaling.sh   # one part
#
# Each row is one run of the CLI against a scratch data directory holding the example meeting, timed with
# /usr/bin/time (wall seconds and peak resident memory). What to read is the ratio between the small and the
# large input of the same row pair, measured in the same run: linear work gives the ratio of the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-}
if [ -z "$BIN" ]; then
  cargo build -q -p rapporteur-cli
  BIN=${CARGO_TARGET_DIR:-target}/debug/rapporteur
fi
ONLY=${ONLY:-all}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export RAPPORTEUR_DATA_DIR=$WORK/data
ID=$("$BIN" example)

# Writes generated Markdown: gen KIND N FILE.
gen() {
  python3 - "$@" <<'PY'
import sys
kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def table(rows, cols):  # a header row and `rows` rows
    t = "|" + "|".join(f"h{c}" for c in range(cols)) + "|\n|" + "---|" * cols + "\n"
    return t + "".join("|" + "|".join(f"r{r}c{c}" for c in range(cols)) + "|\n" for r in range(rows))
if kind == "links":    # one paragraph of n links
    body = " ".join(f"[link {i}](https://example.org/{i})" for i in range(n))
elif kind == "notes":  # n references to each of n/10 notes
    notes = max(1, n // 10)
    body = " ".join(f"word[^{i % notes}]" for i in range(n)) + "\n\n"
    body += "".join(f"[^{j}]: Note {j}, a sentence of some length to copy.\n" for j in range(notes))
elif kind == "table":  # n rows of 60 columns
    body = table(n, 60)
elif kind in ("prose", "mix"):  # n bytes of paragraphs; "mix": a 100 × 20 table first (2,000 cells)
    head = table(99, 20) + "\n" if kind == "mix" else ""
    words = "the coordinator acknowledged requests brought forward to network committed addressing them".split()
    out, size, i = [], 0, 0
    while size < n:
        para = " ".join(words[(i * 7 + k) % len(words)] for k in range(90)) + ".\n\n"
        out.append(para); size += len(para); i += 1
    body = (head + "".join(out))[:n]
open(path, "w").write(body)
PY
}

# Runs a command, printing: label, wall seconds, peak RSS in MB.
measure() {
  local label=$1 secs kb; shift
  if ! /usr/bin/time -o "$WORK/time" -f '%e %M' "$@" >/dev/null 2>"$WORK/err"; then
    cat "$WORK/err" >&2
    echo "$label: FAILED"
    return 1
  fi
  read -r secs kb <"$WORK/time"
  printf '%-44s %8s s %6d MB\n' "$label" "$secs" $((kb / 1024))
}

export_doc() { # KIND N FORMAT
  gen "$1" "$2" "$WORK/body.md"
  "$BIN" doc set "$ID" --kind summary --file "$WORK/body.md" >/dev/null
  measure "$3 export, $1 × $2" "$BIN" export "$ID" --format "$3" --out "$WORK/out.$3"
}

echo "binary: $BIN"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $ONLY == all || $ONLY == docx ]]; then
  for n in 1000 8000; do export_doc links $n docx; done
fi
if [[ $ONLY == all || $ONLY == notes ]]; then
  for n in 1000 8000; do export_doc notes $n docx; done
fi
if [[ $ONLY == all || $ONLY == table ]]; then
  # 1,600 rows are just under the 1 MiB document limit; the 3,000 of the audit are refused as too large.
  for n in 200 1600; do export_doc table $n pdf; done
fi
if [[ $ONLY == all || $ONLY == search ]]; then
  for n in 100 800; do
    measure "search \"a \" × $n" "$BIN" search "$(printf 'a %.0s' $(seq "$n"))"
  done
  measure "search 800 distinct words" "$BIN" search "$(seq -f 'w%g' 800 | tr '\n' ' ')"
fi
if [[ $ONLY == all || $ONLY == memory ]]; then
  # MAX_DOCUMENT_BYTES (1 MiB) counts body, title and annex together; the example's annex is small.
  export_doc prose $((1024 * 1024 - 16384)) pdf
  # The worst mix: a table of MAX_TABLE_CELLS laid out as a table, then prose up to the limit.
  export_doc mix $((1024 * 1024 - 16384)) pdf
fi
