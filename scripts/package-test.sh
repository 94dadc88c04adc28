#!/usr/bin/env bash
# Tests the .deb as a user gets it: builds it with the test build's profile (debug, without the end-to-end test
# features), installs it with dpkg, starts the *installed* app on a virtual X display and waits for its window,
# its page and the data directory it creates, runs the installed `rapporteur` command (version, the example
# meeting, a PDF in Arabic with the fonts the binary carries), then removes the package and checks that its
# files are gone. Stops at the first problem with one line saying what it was; the app, the X server and the
# package are removed again however the script ends.
# Needs root or sudo (dpkg), Xvfb and xwininfo (scripts/setup.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
  echo "package test: $*" >&2
  exit 1
}
say() { echo "package test (${SECONDS}s): $*"; }
SUDO=()
[ "$(id -u)" -eq 0 ] || SUDO=(sudo)

# wait_for SECONDS WHAT COMMAND...: run COMMAND every 0.2 s until it succeeds; fail after SECONDS.
wait_for() {
  local timeout=$1 what=$2
  shift 2
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || fail "no $what after ${timeout}s"
    sleep 0.2
  done
}

tmp=$(mktemp -d)
app_pid=""
xvfb_pid=""
pkg=""
installed=false
cleanup() {
  local status=$?
  set +e
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid"
    wait "$app_pid" 2>/dev/null
  fi
  if [ -n "$xvfb_pid" ] && kill -0 "$xvfb_pid" 2>/dev/null; then
    kill -TERM "$xvfb_pid"
    wait "$xvfb_pid" 2>/dev/null
  fi
  if $installed; then
    say "removing $pkg after a failure"
    "${SUDO[@]}" dpkg -r "$pkg" >/dev/null
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. Build the .deb with the profile of `cargo test` (see scripts/package.sh).
scripts/package.sh --debug --bundles deb
version=$(python3 -c 'import json; print(json.load(open("tauri.conf.json"))["version"])')
target_dir=$(scripts/target-dir.sh)
deb="$target_dir/debug/bundle/deb/Rapporteur_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || fail "tauri build made no $deb"
ar t "$deb" | grep -qx data.tar.xz || fail "$deb is not compressed with xz (scripts/deb-xz.sh): $(ar t "$deb" | tr '\n' ' ')"
pkg=$(dpkg-deb -f "$deb" Package)
say "built $deb ($(du -h "$deb" | cut -f1)), package $pkg $version"

# 2. What the package holds: both programs, the desktop entry and its icons.
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./||' >"$tmp/contents"
for f in usr/bin/rapporteur usr/bin/rapporteur-desktop usr/share/applications/Rapporteur.desktop \
  usr/share/icons/hicolor/32x32/apps/rapporteur-desktop.png \
  usr/share/icons/hicolor/128x128/apps/rapporteur-desktop.png \
  usr/share/icons/hicolor/512x512/apps/rapporteur-desktop.png; do
  grep -qx "$f" "$tmp/contents" || fail "the package has no $f"
done

# 3. Install it (over a copy left installed before, if any).
if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
  say "$pkg is installed already: replacing it with this build, and removing it at the end"
fi
"${SUDO[@]}" dpkg -i "$deb" >/dev/null || fail "dpkg -i $deb failed"
installed=true
dpkg-query -W -f='${Status}' "$pkg" | grep -q "install ok installed" || fail "dpkg says $pkg is not installed"
[ "$(command -v rapporteur)" = /usr/bin/rapporteur ] || fail "rapporteur on PATH is not /usr/bin/rapporteur"
[ -x /usr/bin/rapporteur-desktop ] || fail "/usr/bin/rapporteur-desktop is not installed"
entry=/usr/share/applications/Rapporteur.desktop
grep -qx 'Exec=rapporteur-desktop' "$entry" || fail "$entry does not start rapporteur-desktop"
grep -qx 'Icon=rapporteur-desktop' "$entry" || fail "$entry names another icon"
[ -f /usr/share/icons/hicolor/128x128/apps/rapporteur-desktop.png ] || fail "the 128x128 icon is not installed"

# 4. The installed CLI: its version, a real meeting in a data directory of its own, a PDF in Arabic. It is the
# app's binary started under the command's name (scripts/stage-cli.sh), not a second copy of the engine.
launcher_size=$(stat -c %s /usr/bin/rapporteur)
[ "$launcher_size" -lt 4096 ] && grep -q 'exec -a rapporteur /usr/bin/rapporteur-desktop' /usr/bin/rapporteur ||
  fail "/usr/bin/rapporteur ($launcher_size bytes) is not the launcher of /usr/bin/rapporteur-desktop"
out=$(/usr/bin/rapporteur --version) || fail "rapporteur --version failed"
[ "$out" = "rapporteur $version" ] || fail "rapporteur --version printed '$out', not 'rapporteur $version'"
cli_data="$tmp/cli-data"
id=$(/usr/bin/rapporteur --data-dir "$cli_data" example) || fail "rapporteur example failed"
listed=$(/usr/bin/rapporteur --data-dir "$cli_data" list --json) || fail "rapporteur list failed"
grep -q "\"id\": \"$id\"" <<<"$listed" || fail "rapporteur list does not show the example meeting $id"
/usr/bin/rapporteur --data-dir "$cli_data" export "$id" --format pdf --lang ar --out "$tmp/summary-ar.pdf" \
  2>/dev/null || fail "rapporteur export (PDF, Arabic) failed"
fonts=$(pdffonts "$tmp/summary-ar.pdf") || fail "pdffonts cannot read the exported PDF"
grep -q NotoNaskhArabic <<<"$fonts" ||
  fail "the Arabic PDF from the installed CLI has no Noto Naskh Arabic font"
say "installed CLI: $out; example meeting $id listed; Arabic PDF exported"

# 5. The installed app on a virtual display, with a home of its own: it must open its window, load its page and
# create its data directory where a user's would be (~/.local/share/rapporteur).
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb_pid=$!
wait_for 20 "X display from Xvfb (see its log: $(tail -n1 "$tmp/xvfb.log" 2>/dev/null))" test -s "$tmp/display"
DISPLAY=":$(head -n1 "$tmp/display")"
export DISPLAY
home="$tmp/home"
mkdir -p "$home"
env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME -u XDG_STATE_HOME -u RAPPORTEUR_DATA_DIR \
  HOME="$home" RAPPORTEUR_BENCH_PAINT=1 /usr/bin/rapporteur-desktop >"$tmp/app.log" 2>&1 &
app_pid=$!
app_alive() {
  kill -0 "$app_pid" 2>/dev/null || fail "the installed app exited: $(tail -n3 "$tmp/app.log" | tr '\n' ' ')"
}
window_shown() {
  app_alive
  xwininfo -name Rapporteur 2>/dev/null | grep -q 'Map State: IsViewable'
}
page_loaded() {
  app_alive
  grep -q '^page-loaded-at-ms ' "$tmp/app.log"
}
data_dir="$home/.local/share/rapporteur"
wait_for 60 "window named Rapporteur on $DISPLAY" window_shown
wait_for 60 "page loaded in the window" page_loaded
wait_for 20 "database in $data_dir" test -s "$data_dir/rapporteur.db"
geometry=$(xwininfo -name Rapporteur | awk '/Width:/ {w=$2} /Height:/ {h=$2} END {print w "x" h}')
say "installed app: window Rapporteur ($geometry) shown, page loaded, data directory $data_dir created"
kill -TERM "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""

# 6. Remove the package: dpkg forgets it and every file it installed is gone.
"${SUDO[@]}" dpkg -r "$pkg" >/dev/null || fail "dpkg -r $pkg failed"
installed=false
if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
  fail "dpkg still lists $pkg as installed"
fi
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $6}' | sed 's|^\./|/|' | while read -r f; do
  [ ! -e "$f" ] || fail "$f is still there after dpkg -r $pkg"
done
! command -v rapporteur >/dev/null || fail "rapporteur is still on PATH after dpkg -r $pkg"
say "removed $pkg: its files are gone"
