#!/usr/bin/env bash
# Puts the `rapporteur` command where the Linux packages take it from (bundle.linux.*.files in tauri.conf.json
# installs target/bundle-cli/rapporteur as /usr/bin/rapporteur). `tauri build` runs this as its
# beforeBundleCommand, after building the desktop app and before making the packages.
# The command is not a second binary: it is the desktop binary started under the command's name, which then
# runs the command instead of opening a window (rapporteur_cli::invoked_as_cli). The fonts, Typst, ICU data,
# SQLite and Loro are thus installed once, not twice (docs/PERFORMANCE.md, "Linux packages"). `exec -a` is
# bash's, which every Debian and Fedora system has.
set -euo pipefail
cd "$(dirname "$0")/.."

install -d target/bundle-cli
cat >target/bundle-cli/rapporteur <<'SCRIPT'
#!/bin/bash
# Rapporteur's command: the desktop app's binary, started under the command's name.
exec -a rapporteur /usr/bin/rapporteur-desktop "$@"
SCRIPT
chmod 0755 target/bundle-cli/rapporteur
echo "stage-cli: the rapporteur command starts /usr/bin/rapporteur-desktop under its name"
