#!/usr/bin/env bash
# Whole-process PDF export of the example meeting, side by side in one hyperfine run:
#   rapporteur      our example binary (embedded Typst, bundled fonts), release build
#   pandoc-xelatex  pandoc on the same Markdown with the xelatex engine
#   chromium        headless Chromium printing our HTML export to PDF
# Needs: hyperfine, pandoc, texlive-xetex, chromium (Debian packages). Prints a Markdown table.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
runs=${RUNS:-10}

# NO_BUILD=1 reuses an existing release binary (a release link of Typst takes minutes on 2 cores).
[ -n "${NO_BUILD:-}" ] || cargo build --quiet --release -p rapporteur-export --example export_pdf
bin=$CARGO_TARGET_DIR/release/examples/export_pdf

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
record=$root/tests/fixtures/network-briefing-2019-12-12.json
# The summary body: the circulated text after its title and date lines.
awk 'f || /^The Coordinator of the United Nations/ { f = 1; print }' \
  "$root/tests/fixtures/network-briefing-2019-12-12.txt" > "$work/summary.md"
"$bin" "$record" "$work/summary.md" "$work/summary.html" --annex

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
hyperfine --warmup 2 --runs "$runs" --export-markdown "$work/results.md" \
  -n rapporteur "$bin $record $work/summary.md $work/rapporteur.pdf --annex" \
  -n pandoc-xelatex "pandoc $work/summary.md --pdf-engine=xelatex -M title='Summary of Network Briefing to Member States' -o $work/pandoc.pdf" \
  -n chromium "chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir=$work/chromium-profile --print-to-pdf=$work/chromium.pdf file://$work/summary.html"
cat "$work/results.md"
for f in rapporteur pandoc chromium; do
  printf '%s.pdf: %s pages, %s bytes\n' "$f" \
    "$(pdfinfo "$work/$f.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')" "$(stat -c %s "$work/$f.pdf")"
done
