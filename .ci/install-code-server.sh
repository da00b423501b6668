#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) for the extension's end-to-end test, outside node_modules.
# Known to work here: code-server 4.100.3 on Node 20 with libkrb5-dev, pkg-config and a ripgrep cache seeded from
# Debian's rg (@vscode/ripgrep would download from GitHub, which these machines cannot reach).
set -euo pipefail
dir="${THIDUA_CODE_SERVER_DIR:-$HOME/.cache/thidua/code-server}"
if [ -x "$dir/node_modules/.bin/code-server" ] && [ -d "$dir/node_modules/code-server/lib/vscode/node_modules" ]; then
    echo "code-server: $dir"; exit 0
fi
need=()
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
mkdir -p "$dir/tmp/vscode-ripgrep-cache-1.15.11"
cp "$(command -v rg)" "$dir/tmp/rg"
tar czf "$dir/tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$dir/tmp" rg
cd "$dir"
[ -f package.json ] || echo '{"name":"thidua-code-server","private":true}' > package.json
export TMPDIR="$dir/tmp" npm_config_yes=true npm_config_unsafe_perm=true
npm install --no-audit --no-fund --ignore-scripts code-server@4.100.3 >/dev/null
# argon2 (password hashing, native) is built from source: its prebuilt binary is on GitHub.
npm rebuild argon2 >/dev/null
# npm 11 does not run install scripts without approval: run code-server's own postinstall explicitly.
(cd node_modules/code-server && npm_config_user_agent="npm/$(npm --version) node/$(node --version) linux x64" sh ./postinstall.sh >/dev/null)
echo "code-server: $dir"
