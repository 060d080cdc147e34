#!/usr/bin/env bash
# Installs the Node.js clients of package.json (pinned by package-lock.json) into DIR, once: Zowe CLI with the z/OS
# FTP plug-in registered in DIR/zowe-home, and zos-node-accessor. Called by the jes module's Maven build before its
# tests; a second run with the same lock file does nothing. Needs node and npm (Debian: nodejs, npm).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$1"
dir="$(cd "$1" && pwd)" # absolute: the Zowe plug-in install resolves it from another directory
if [ -f "$dir/.installed" ] && cmp -s "$here/package-lock.json" "$dir/.installed"; then
  exit 0
fi
cp "$here/package.json" "$here/package-lock.json" "$dir/"
# npm install, not npm ci: the lock pins the versions, and npm 11 writes locks that its own ci refuses (entities).
(cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
export ZOWE_CLI_HOME="$dir/zowe-home"
"$dir/node_modules/.bin/zowe" plugins install "$dir/node_modules/@zowe/zos-ftp-for-zowe-cli" >/dev/null
cp "$here/package-lock.json" "$dir/.installed"
