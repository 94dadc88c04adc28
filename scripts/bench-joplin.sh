#!/usr/bin/env bash
# Sync rounds against Joplin 3.5.1's CLI, side by side in one run (issue 15, "Cost grows with what is new"),
# over a folder and over WebDAV (one local wsgidav for both tools), and a round with nothing new over 10,000
# meetings against `rapporteur list` on the same data (docs/PERFORMANCE.md, "Sync against Joplin").
#
#   scripts/bench-joplin.sh [rapporteur binary]    # default: builds and uses the release CLI
#   REPS=3 N=1000 BIG=10000 ONLY=folder|webdav|big scripts/bench-joplin.sh
#
# Each timing is one whole command (process start included), wall clock. The two tools' runs are interleaved
# step by step and each figure is the median of REPS repetitions, so machine noise hits both sides alike.
# Creating the items is never timed: Joplin imports a folder of Markdown files (`joplin import --format md`),
# Rapporteur imports the same texts as meeting records, the note's text as the meeting's summary
# (`rapporteur import FILE…`, one process). Joplin is installed once into JOPLIN_HOME (a cache folder outside
# the repository, default ~/.cache/rapporteur-bench/joplin-3.5.1); the test command never needs it.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-}
if [ -z "$BIN" ]; then
  cargo build -q --release --workspace
  BIN=${CARGO_TARGET_DIR:-target}/release/rapporteur
fi
BIN=$(realpath "$BIN")
REPS=${REPS:-3}
N=${N:-1000}
BIG=${BIG:-10000}
ONLY=${ONLY:-all}
SERVERS=${RAPPORTEUR_SYNC_SERVERS:-$PWD/target/tools/sync-servers}
JOPLIN_HOME=${JOPLIN_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/rapporteur-bench/joplin-3.5.1}
JOPLIN=$JOPLIN_HOME/node_modules/.bin/joplin
WORK=$(mktemp -d)
DAV_PID=
cleanup() {
  [ -n "$DAV_PID" ] && kill "$DAV_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

install_joplin() {
  [ -x "$JOPLIN" ] && return
  echo "installing Joplin 3.5.1 into $JOPLIN_HOME (about 3 minutes)"
  if ! dpkg-query -W -f='${Status}' libsecret-1-dev 2>/dev/null | grep -q "install ok installed"; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends libsecret-1-dev
  fi
  mkdir -p "$JOPLIN_HOME"
  (cd "$JOPLIN_HOME" && npm init -y >/dev/null && npm install joplin@3.5.1 --no-audit --no-fund --foreground-scripts)
}

# Starts wsgidav on a free port of 127.0.0.1, Basic authentication for bench:bench (Joplin needs a user),
# as the sync tests do (crates/sync/tests/sync/servers.rs).
start_webdav() {
  local wsgidav=$SERVERS/bin/wsgidav
  [ -x "$wsgidav" ] || { echo "wsgidav is missing: run scripts/setup.sh" >&2; exit 1; }
  DAV_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  mkdir -p "$WORK/dav"
  cat >"$WORK/wsgidav.yaml" <<EOF
host: 127.0.0.1
port: $DAV_PORT
provider_mapping:
  "/": "$WORK/dav"
http_authenticator:
  accept_basic: true
  accept_digest: false
  default_to_digest: false
simple_dc:
  user_mapping:
    "*":
      "bench":
        password: "bench"
logging:
  enable: false
EOF
  export RAPPORTEUR_SYNC_USER=bench RAPPORTEUR_SYNC_PASSWORD=bench
  "$wsgidav" -c "$WORK/wsgidav.yaml" >"$WORK/wsgidav.log" 2>&1 &
  DAV_PID=$!
  for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$DAV_PORT/" && return
    sleep 0.1
  done
  echo "wsgidav did not start: $(cat "$WORK/wsgidav.log")" >&2
  exit 1
}

# N Markdown notes for Joplin and the same texts as meeting records for Rapporteur: gen DIR FIRST COUNT.
gen() {
  python3 - "$@" <<'PY'
import json, os, sys
out, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(f"{out}/md", exist_ok=True); os.makedirs(f"{out}/rec", exist_ok=True)
words = "the coordinator acknowledged requests brought forward to network committed addressing them".split()
for i in range(first, first + count):
    title = f"Note {i:05d}"
    body = " ".join(words[(i + k * 3) % len(words)] for k in range(80)) + f" ({i}).\n"
    open(f"{out}/md/{title}.md", "w").write(body)
    record = {"format": "rapporteur/meeting-record@2",
              "meeting": {"title": title, "kind": "briefing", "date": "2026-01-01", "language": "en",
                          "status": "draft"},
              "documents": [{"kind": "summary", "title": title, "body": body}]}
    json.dump(record, open(f"{out}/rec/{title}.json", "w"))
PY
}

# Runs a command, appending its wall seconds to the file $1.
timed() {
  local into=$1 t0 t1; shift
  t0=$EPOCHREALTIME
  if ! "$@" >"$WORK/out" 2>&1; then
    cat "$WORK/out" >&2
    echo "FAILED: $*" >&2
    exit 1
  fi
  t1=$EPOCHREALTIME
  python3 -c "print(f'{$t1 - $t0:.3f}')" >>"$into"
}

median() { sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

j() { "$JOPLIN" --profile "$@"; }

# Notes in a Joplin profile's database.
joplin_notes() {
  python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from notes").fetchone()[0])' "$1/database.sqlite"
}

# The profile every repetition copies: the N notes imported into the notebook `md` (named after the folder).
# Joplin's CLI can exit before its import has saved the last notes, so the count is checked and the import
# done again from scratch when short.
joplin_template() {
  local t=$WORK/joplin-template
  for _ in 1 2 3 4 5; do
    rm -rf "$t"
    j "$t" import "$WORK/items/md" --format md >/dev/null
    [ "$(joplin_notes "$t")" -eq "$N" ] && return
  done
  echo "Joplin imported $(joplin_notes "$t") of $N notes" >&2
  exit 1
}
r() { RAPPORTEUR_DATA_DIR=$1 "$BIN" "${@:2}"; }

ROWS=("first upload of $N items" "first download on a second machine" "one new item, sender"
  "one new item, receiver" "nothing new")
TARGETS=(50 50 20 20 20)

# Both receivers hold `count` items: expect DIR COUNT.
expect() {
  local jn rn
  jn=$(joplin_notes "$1/jb")
  rn=$(r "$1/rb" list | wc -l)
  if [ "$jn" -ne "$2" ] || [ "$rn" -ne "$2" ]; then
    echo "expected $2 items on the second machine: Joplin has $jn, Rapporteur $rn" >&2
    exit 1
  fi
}

# One repetition over backend $1 (folder|webdav): the five rounds, each Joplin then Rapporteur.
rep() {
  local backend=$1 k=$2 d=$WORK/$1-$k jto rto
  mkdir -p "$d"
  cp -a "$WORK/joplin-template" "$d/ja"
  if [ "$backend" = folder ]; then
    mkdir -p "$d/jsync" "$d/rsync"
    for p in ja jb; do j "$d/$p" config sync.target 2 >/dev/null; j "$d/$p" config sync.2.path "$d/jsync" >/dev/null; done
    rto=$d/rsync
  else
    curl -s -u bench:bench -X MKCOL "http://127.0.0.1:$DAV_PORT/joplin-$k/" >/dev/null
    for p in ja jb; do
      j "$d/$p" config sync.target 6 >/dev/null
      j "$d/$p" config sync.6.path "http://127.0.0.1:$DAV_PORT/joplin-$k" >/dev/null
      j "$d/$p" config sync.6.username bench >/dev/null
      j "$d/$p" config sync.6.password bench >/dev/null
    done
    rto=http://127.0.0.1:$DAV_PORT/rapporteur-$k
  fi
  r "$d/ra" import "$WORK/items/rec/"*.json >/dev/null
  local t=$WORK/times-$backend
  timed "$t-j0" j "$d/ja" sync
  timed "$t-r0" r "$d/ra" sync --to "$rto"
  timed "$t-j1" j "$d/jb" sync
  timed "$t-r1" r "$d/rb" sync --to "$rto"
  expect "$d" "$N"
  j "$d/ja" use md >/dev/null
  j "$d/ja" mknote "Note new $k" >/dev/null
  r "$d/ra" import "$WORK/one/rec/"*.json >/dev/null
  timed "$t-j2" j "$d/ja" sync
  timed "$t-r2" r "$d/ra" sync --to "$rto"
  timed "$t-j3" j "$d/jb" sync
  timed "$t-r3" r "$d/rb" sync --to "$rto"
  timed "$t-j4" j "$d/jb" sync
  timed "$t-r4" r "$d/rb" sync --to "$rto"
  expect "$d" $((N + 1))
  rm -rf "$d"
}

table_for() {
  local backend=$1 t=$WORK/times-$1 i jm rm
  for i in "${!ROWS[@]}"; do
    jm=$(median "$t-j$i"); rm=$(median "$t-r$i")
    python3 - "$backend" "${ROWS[$i]}" "$jm" "$rm" "${TARGETS[$i]}" <<'PY'
import sys
backend, row, j, r, target = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
ratio = j / r
print(f"| {backend} | {row} | {j:.2f} s | {r:.3f} s | {ratio:.1f}× | ≥ {target}× {'met' if ratio >= target else 'NOT met'} |")
PY
  done
}

echo "binary: $BIN"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "repetitions: $REPS (medians), items: $N, big: $BIG"
if [[ $ONLY == all || $ONLY == folder || $ONLY == webdav ]]; then
  install_joplin
  gen "$WORK/items" 1 "$N"
  gen "$WORK/one" 100001 1
  rm -f "$WORK/one/md/"*
  joplin_template
  [[ $ONLY == folder ]] || start_webdav
  backends=(folder webdav)
  [[ $ONLY == all ]] || backends=("$ONLY")
  for k in $(seq "$REPS"); do
    for b in "${backends[@]}"; do rep "$b" "$k"; done
  done
  echo
  echo "| over | round | Joplin | Rapporteur | Joplin ÷ Rapporteur | target |"
  echo "|---|---|---|---|---|---|"
  for b in "${backends[@]}"; do table_for "$b"; done
fi
if [[ $ONLY == all || $ONLY == big ]]; then
  gen "$WORK/big" 1 "$BIG"
  d=$WORK/bigrun
  mkdir -p "$d/sync"
  echo
  echo "creating $BIG meetings (not timed)"
  find "$WORK/big/rec" -name '*.json' -print0 | xargs -0 -n 2000 env RAPPORTEUR_DATA_DIR="$d/x" "$BIN" import >/dev/null
  timed "$WORK/big-up" r "$d/x" sync --to "$d/sync"
  timed "$WORK/big-down" r "$d/y" sync --to "$d/sync"
  r "$d/x" sync --to "$d/sync" >/dev/null
  for _ in $(seq $((REPS * 3))); do
    timed "$WORK/big-list" r "$d/x" list
    timed "$WORK/big-round" r "$d/x" sync --to "$d/sync"
  done
  echo "first upload of $BIG meetings: $(cat "$WORK/big-up") s; first download: $(cat "$WORK/big-down") s"
  python3 - "$BIG" "$(median "$WORK/big-list")" "$(median "$WORK/big-round")" <<'PY'
import sys
n, l, r = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
print("| data | rapporteur list | round with nothing new | round ÷ list | target |")
print("|---|---|---|---|---|")
print(f"| {int(n):,} meetings, a folder, 2 replicas | {l:.3f} s | {r:.3f} s | {r / l:.2f}× | ≤ 2× {'met' if r / l <= 2 else 'NOT met'} |")
PY
fi
