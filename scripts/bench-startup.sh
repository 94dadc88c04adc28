#!/usr/bin/env bash
# Startup time and idle memory of the Rapporteur desktop app, side by side with a bare Tauri 2 window built
# from the same toolchain, the same Tauri version and the same Cargo profile (docs/PERFORMANCE.md).
#
#   scripts/bench-startup.sh [runs]        # default 5 runs each; PROFILE=release|dev (default release)
#
# Startup: from exec to the web view's "page load finished" event (both apps print it on stdout when
# RAPPORTEUR_BENCH_PAINT=1; the UI is mounted by then, so it is the first paint of the real UI).
# Memory: 5 s after that, PSS summed over the app process and every descendant (WebKitWebProcess,
# WebKitNetworkProcess, ...), read from /proc/PID/smaps_rollup. Runs under its own Xvfb display.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${1:-5}
PROFILE=${PROFILE:-release}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
BARE=${BARE_DIR:-/tmp/rapporteur-bare-tauri}
DIR_FLAG=$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")
PROFILE_FLAG=$([ "$PROFILE" = dev ] && echo "" || echo "--profile $PROFILE")

# --- the bare app: one window showing one line of HTML --------------------------------------------------
TAURI_VERSION=$(cargo metadata --format-version 1 --locked 2>/dev/null | python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"]=="tauri"))')
mkdir -p "$BARE/src" "$BARE/dist"
cat > "$BARE/Cargo.toml" <<TOML
[package]
name = "bare-tauri"
version = "0.1.0"
edition = "2024"

[dependencies]
tauri = { version = "=$TAURI_VERSION", features = [] }

[build-dependencies]
tauri-build = "2.7"

[profile.dev]
debug = "line-tables-only"
[profile.dev.package."*"]
opt-level = 2
debug = false
[profile.release]
lto = "thin"
strip = true
[workspace]
TOML
cat > "$BARE/build.rs" <<'RS'
fn main() { tauri_build::build() }
RS
cat > "$BARE/src/main.rs" <<'RS'
fn main() {
    let mut b = tauri::Builder::default();
    if std::env::var_os("RAPPORTEUR_BENCH_PAINT").is_some() {
        b = b.on_page_load(|_, p| {
            if p.event() == tauri::webview::PageLoadEvent::Finished {
                let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
                println!("page-loaded-at-ms {}", t.as_millis());
            }
        });
    }
    b.run(tauri::generate_context!()).expect("run");
}
RS
echo '<!doctype html><html><body><h1>Hello</h1></body></html>' > "$BARE/dist/index.html"
cp "$ROOT/icons/32x32.png" "$BARE/icon.png"
cat > "$BARE/tauri.conf.json" <<'JSON'
{ "productName": "bare", "version": "0.1.0", "identifier": "org.example.bare",
  "build": { "frontendDist": "dist" },
  "app": { "windows": [{ "title": "bare", "width": 1240, "height": 780 }] },
  "bundle": { "icon": ["icon.png"] } }
JSON
cp "$ROOT/Cargo.lock" "$BARE/Cargo.lock"   # same versions of every shared crate

echo "building (profile $PROFILE)…" >&2
(cd ui && npm run build --silent >/dev/null)
cargo build -p rapporteur-desktop $PROFILE_FLAG >&2
(cd "$BARE" && cargo build $PROFILE_FLAG >&2)
APP_BIN="$CARGO_TARGET_DIR/$DIR_FLAG/rapporteur-desktop"
BARE_BIN="$CARGO_TARGET_DIR/$DIR_FLAG/bare-tauri"

# --- measuring ----------------------------------------------------------------------------------------------
descendants() { local p=$1; echo "$p"; for c in $(pgrep -P "$p" || true); do descendants "$c"; done; }
pss_kib() {
  local total=0 v
  for p in $(descendants "$1"); do
    v=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
    total=$((total + ${v:-0}))
  done
  echo "$total"
}

measure() { # name binary -> prints "ms kib"
  local bin=$1 out data start pid line t
  out=$(mktemp); data=$(mktemp -d)
  start=$(date +%s%3N)
  RAPPORTEUR_BENCH_PAINT=1 RAPPORTEUR_DATA_DIR="$data" "$bin" >"$out" 2>/dev/null &
  pid=$!
  for _ in $(seq 1 600); do
    line=$(grep -m1 page-loaded-at-ms "$out" || true)
    [ -n "$line" ] && break
    sleep 0.05
  done
  t=${line##* }
  sleep 5
  echo "$((t - start)) $(pss_kib "$pid")"
  kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  rm -rf "$out" "$data"
}

stats() { python3 -c '
import statistics, sys
v = [float(x) for x in sys.argv[1:]]
print(f"median {statistics.median(v):.0f}  min {min(v):.0f}  max {max(v):.0f}")' "$@"; }

run_all() {
  local Xpid display=:$((90 + RANDOM % 9))
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & Xpid=$!
  sleep 1
  export DISPLAY=$display
  declare -a app_ms app_kib bare_ms bare_kib
  measure "$APP_BIN" >/dev/null; measure "$BARE_BIN" >/dev/null    # warm the page cache for both
  for _ in $(seq 1 "$RUNS"); do
    read -r ms kib < <(measure "$BARE_BIN"); bare_ms+=("$ms"); bare_kib+=("$kib")
    read -r ms kib < <(measure "$APP_BIN"); app_ms+=("$ms"); app_kib+=("$kib")
  done
  kill -TERM "$Xpid"; wait "$Xpid" 2>/dev/null || true
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), WebKitGTK $(pkg-config --modversion webkit2gtk-4.1), profile $PROFILE, $RUNS runs"
  echo "startup to page load (ms)  bare: $(stats "${bare_ms[@]}")"
  echo "startup to page load (ms)  app:  $(stats "${app_ms[@]}")"
  echo "idle PSS, all processes (MiB) bare: $(stats $(for k in "${bare_kib[@]}"; do echo $((k / 1024)); done))"
  echo "idle PSS, all processes (MiB) app:  $(stats $(for k in "${app_kib[@]}"; do echo $((k / 1024)); done))"
}
run_all
