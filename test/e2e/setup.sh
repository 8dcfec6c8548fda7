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
  # --prefer-offline: package metadata from npm's cache when it has it (about 10 s of registry round trips less;
  # playwright-core@1 is then the newest 1.x the cache knows); the second try asks the registry, for a cache too
  # old to hold what is asked for.
  npm install --ignore-scripts --no-audit --no-fund --prefer-offline "code-server@$CS_VERSION" playwright-core@1 \
    >/dev/null 2>&1 || npm install --ignore-scripts --no-audit --no-fund "code-server@$CS_VERSION" playwright-core@1 >/dev/null
fi

# 3. VS Code's own dependencies, and only the native modules code-server loads on Linux (the slow part; marked done
#    by a stamp file). code-server's own postinstall compiles all eight of lib/vscode's, about 45 s that compete with
#    the unit tests for the two cores; built here:
#    - node-pty: the pty host's terminals (the runners scenario); it ships no prebuilt binary.
#    - @vscode/spdlog: every log file VS Code writes, including the extension host's output channels, from which the
#      harness reads the extension's "ready" and "activated in N ms" lines. VS Code catches the failed import and
#      runs on without it, but then writes no log, and every trusted session times out waiting for "ready".
#    - native-watchdog: the extension host's guard against a hung parent (a failed load is logged as an error).
#    - argon2 (code-server's own, in .e2e-cache/node_modules): code-server requires it when it starts, though only
#      password auth uses it; npm_config_build_from_source skips node-pre-gyp's download attempt from GitHub (set
#      in the environment, as npm 11 warns that it will stop passing on the unknown --build-from-source flag).
#    Not built, as nothing loads them here:
#    - @parcel/watcher: the file watcher loads the prebuilt @parcel/watcher-linux-x64-glibc package, installed as its
#      optional dependency; its own install script compiles only when asked to build from source.
#    - kerberos: imported only when a proxy asks for Negotiate auth (so no libkrb5-dev either).
#    - @vscode/deviceid, @vscode/windows-registry, @vscode/windows-process-tree: native code for Windows only
#      (deviceid is plain JS on Linux; the other two are imported only on win32).
#    - @vscode/ripgrep: its install script only downloads rg, which the symlink to Debian's rg replaces.
#    node-gyp runs directly (gyp_rebuild), not through the packages' install scripts: node-pty's postinstall also
#    runs `npx node-gyp` to write an editor's compile_commands.json, which fetches node-gyp from the registry.
#    -O1 instead of node-gyp's -O3 takes spdlog's compile (header-only spdlog and fmt) from ~26 to ~18 s of CPU; how
#    fast the built code runs does not matter to the tests. JOBS=2 compiles a module's files side by side, and the
#    four modules build side by side too (argon2 from the start, the others once lib/vscode is installed).
#    --prefer-offline: the shrinkwrap pins every version, so npm need not ask the registry about what its cache has.
# Builds the native module in folder $1 as npm's install step would (node-gyp rebuild, with npm's config such as
# nodedir), but without the package's own install scripts; its output is shown only when it fails.
gyp_rebuild() {
  (cd "$1" && npm exec -c 'node "$npm_config_node_gyp" rebuild' >.e2e-build.log 2>&1) || { cat "$1/.e2e-build.log"; return 1; }
}
if [ ! -f "$CS/.e2e-ready" ]; then
  say "installing VS Code dependencies and building node-pty, spdlog, native-watchdog and argon2"
  step=$(date +%s)
  export CFLAGS=-O1 CXXFLAGS=-O1 JOBS=2
  # argon2 builds meanwhile: it is in another folder and needs nothing from lib/vscode.
  (npm_config_build_from_source=true npm rebuild argon2 >argon2-build.log 2>&1 || { cat argon2-build.log; exit 1; }) &
  argon2=$!
  cd "$CS/lib/vscode"
  npm install --omit=dev --ignore-scripts --no-audit --no-fund --prefer-offline >/dev/null 2>&1 ||
    npm install --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg   # skips its GitHub download
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sf code-linux.sh code-server)
  (cd bin/helpers && ln -sf browser-linux.sh browser.sh)
  pids=()
  for m in node-pty @vscode/spdlog native-watchdog; do gyp_rebuild "node_modules/$m" & pids+=($!); done
  # The built-in extensions' one shared dependency, typescript (JS/TS/HTML language features): no scenario opens such
  # a file, but `npm start` serves this same VS Code to a person trying the extension; ~1.5 s, beside the compiles.
  (cd extensions && npm install --omit=dev --no-audit --no-fund --prefer-offline >/dev/null)
  for p in "${pids[@]}" "$argon2"; do wait "$p"; done
  unset CFLAGS CXXFLAGS JOBS
  touch "$CS/.e2e-ready"
  say "VS Code dependencies ready in $(( $(date +%s) - step )) s"
fi

# 4. The test VSIX (linux-x64) from the freshly built dist/, when dist/ is newer than it.
cd "$ROOT"
if [ -f dist/extension.js ] && [ -f test/e2e/package-vsix.mjs ] && { [ ! -f dist/tilebox-workflows.vsix ] ||
   [ -n "$(find dist package.json -maxdepth 1 -newer dist/tilebox-workflows.vsix \( -name '*.js' -o -name package.json \) | head -1)" ]; }; then
  node test/e2e/package-vsix.mjs --test-vsix
fi

say "ready in $(( $(date +%s) - started )) s"
