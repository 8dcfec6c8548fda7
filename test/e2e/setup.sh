#!/usr/bin/env bash
# Installs what the real-VS-Code e2e tests need: Debian's chromium (+ headers/tools code-server's native modules
# need), code-server 4.100.3 (the last release on Node 20) and playwright-core, into the git-ignored .e2e-cache/.
# Idempotent: every step is skipped when its result is already there, so a second run takes seconds.
# code-server's own install script downloads from GitHub and refuses root; the steps below replace it
# (recipe: shared/research/offline-vscode-e2e.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
CACHE="$ROOT/.e2e-cache"
CS_VERSION=4.100.3
started=$(date +%s)
say() { echo "[e2e setup] $*"; }

# 1. Debian packages (apt-get update only when something is missing).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
command -v zstd >/dev/null 2>&1 || missing+=(zstd)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v make >/dev/null 2>&1 && command -v g++ >/dev/null 2>&1 || missing+=(build-essential)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
# The debug scenario runs Debian's own interpreter under its debugpy (PyPI is not reachable).
/usr/bin/python3 -c 'import debugpy' >/dev/null 2>&1 || missing+=(python3-debugpy)
if ((${#missing[@]})); then
  say "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. code-server + playwright-core in their own folder, so `npm ci` in the project neither prunes them nor runs
#    code-server's root-hostile postinstall.
mkdir -p "$CACHE"
cd "$CACHE"
[ -f package.json ] || echo '{"name":"tilebox-e2e-cache","private":true}' > package.json
CS="$CACHE/node_modules/code-server"
if [ "$(node -p "try{require('$CS/package.json').version}catch{''}")" != "$CS_VERSION" ] ||
   [ ! -d node_modules/playwright-core ]; then
  say "installing code-server@$CS_VERSION and playwright-core"
  rm -f "$CS/.e2e-ready"
  npm install --ignore-scripts --no-audit --no-fund "code-server@$CS_VERSION" playwright-core@1 >/dev/null
fi

# 3. VS Code's own dependencies and native modules (the slow part; marked done by a stamp file).
if [ ! -f "$CS/.e2e-ready" ]; then
  say "installing VS Code dependencies and building native modules (about a minute)"
  cd "$CS/lib/vscode"
  npm install --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg   # skips its GitHub download
  npm_config_yes=true npm rebuild >/dev/null 2>&1 || npm_config_yes=true npm rebuild
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sf code-linux.sh code-server)
  (cd bin/helpers && ln -sf browser-linux.sh browser.sh)
  (cd extensions && npm install --omit=dev --no-audit --no-fund >/dev/null)
  cd "$CACHE"
  npm rebuild argon2 >/dev/null
  touch "$CS/.e2e-ready"
fi

# 4. The test VSIX (linux-x64) from the freshly built dist/, when dist/ is newer than it.
cd "$ROOT"
if [ -f dist/extension.js ] && [ -f test/e2e/package-vsix.mjs ] && { [ ! -f dist/tilebox-workflows.vsix ] ||
   [ -n "$(find dist package.json -maxdepth 1 -newer dist/tilebox-workflows.vsix \( -name '*.js' -o -name package.json \) | head -1)" ]; }; then
  node test/e2e/package-vsix.mjs --test-vsix
fi

say "ready in $(( $(date +%s) - started )) s"
