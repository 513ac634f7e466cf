#!/usr/bin/env bash
# The playground page in a real browser: Debian's chromium (headless), driven
# by playwright-core from npm, against the real server binary with
# --http-listen on a free loopback port. Submits an Arabic news paragraph and
# checks every highlighted entity against the input, the RTL direction and
# the tooltips; saves a screenshot under target/playground-e2e/.
# Installs what it needs (apt-get when root, npm into target/); skips with a
# message only when that is impossible.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${CARGO_TARGET_DIR:-target}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac
out="$target/playground-e2e"
node_dir="$target/e2e-node"
mkdir -p "$out"

apt_install() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then return 1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
}
chromium="${LISAN_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  apt_install chromium || { echo "playground e2e: SKIPPED (no chromium and cannot install it)"; exit 0; }
fi
# Arabic glyphs for the screenshot (Noto Naskh/Sans Arabic).
if command -v fc-list >/dev/null && [ -z "$(fc-list :lang=ar 2>/dev/null)" ]; then
  apt_install fonts-noto-core || echo "playground e2e: no Arabic font could be installed (screenshot may show boxes)"
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm || { echo "playground e2e: SKIPPED (no node/npm and cannot install them)"; exit 0; }
fi
if [ ! -f "$node_dir/node_modules/playwright-core/package.json" ]; then
  mkdir -p "$node_dir"
  npm install --prefix "$node_dir" --no-audit --no-fund --silent playwright-core@1 ||
    { echo "playground e2e: SKIPPED (npm could not install playwright-core)"; exit 0; }
fi

bin="${LISAN_BIN:-$target/debug/lisan}"
(cd "$root" && cargo build --locked --quiet --bin lisan)
port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
"$bin" serve --listen 127.0.0.1:0 --http-listen "127.0.0.1:$port" --log warn &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/v1/info" >/dev/null 2>&1 && break
  sleep 0.1
done

LISAN_URL="http://127.0.0.1:$port/" \
LISAN_CHROMIUM="$chromium" \
LISAN_E2E_OUT="$out" \
LISAN_E2E_NODE_MODULES="$node_dir/node_modules" \
  node "$root/scripts/playground_e2e.cjs"
