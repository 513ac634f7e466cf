#!/usr/bin/env bash
# The contract cannot break silently: `buf lint` (STANDARD, buf.yaml) and
# `buf breaking` against the descriptor set of the last release
# (proto/releases/), plus a check that the descriptor set the binary
# publishes (`lisan info --descriptor-set`) matches proto/. buf comes from
# the npm package @bufbuild/buf, installed once into a cache folder.
# Prints "buf: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."

version=1.75.0
release=proto/releases/v0.1.0.binpb
dir="${LISAN_BUF_DIR:-${CARGO_TARGET_DIR:-target}/buf-npm}"
buf="$dir/node_modules/.bin/buf"
if [ ! -x "$buf" ] || [ "$("$buf" --version)" != "$version" ]; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --silent --no-audit --no-fund "@bufbuild/buf@$version" || {
    echo "buf: could not install @bufbuild/buf"; exit 1; }
fi
bin="${LISAN_BIN:-${CARGO_TARGET_DIR:-target}/debug/lisan}"
[ -x "$bin" ] || cargo build --locked --quiet

passed=0; failed=0
check() { # name, command...
  local name=$1; shift
  if out=$("$@" 2>&1); then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAILED $name:"; echo "$out" | head -30; fi
}
published=$(mktemp --suffix=.binpb)
trap 'rm -f "$published"' EXIT
check lint "$buf" lint
check breaking "$buf" breaking --against "$release"
check publish "$bin" info --descriptor-set "$published"
check published-matches-proto "$buf" breaking --against "$published"
echo "buf: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
