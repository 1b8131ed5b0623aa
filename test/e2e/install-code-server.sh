#!/usr/bin/env bash
# Installs code-server 4.100.3 (the real VS Code 1.100 workbench, Node 20) into .vscode-test/code-server,
# offline-safe, as shared/vscode-e2e.md describes. Needs Debian's chromium, ripgrep, libkrb5-dev, pkg-config.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$root/.vscode-test/code-server"
if [ -f "$dir/.installed" ]; then
    exit 0
fi
export npm_config_unsafe_perm=true npm_config_yes=true
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || echo '{"name":"code-server-tool","private":true}' > package.json
npm i --no-audit --no-fund --ignore-scripts code-server@4.100.3
cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin && cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts)
cd "$dir" && npm rebuild argon2
touch "$dir/.installed"
