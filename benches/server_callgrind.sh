#!/usr/bin/env bash
# Instructions the server executes per call, counted by callgrind (not
# moved by the machine's load): the server runs under valgrind twice, once
# answering N calls and once 2N, and the difference, divided by N, is one
# call's instructions with start-up and shutdown cancelled out. Kernel work
# (system calls, context switches) is not counted.
#
#   bash benches/server_callgrind.sh RPC N -- "LABEL|BINARY|SERVE ARGS" ...
#   e.g. bash benches/server_callgrind.sh normalize 400 -- "old|/tmp/old/lisan|--log info" \
#            "new|target/release/lisan|--log info"
# The callgrind files are kept in $OUT (default: a new temporary directory)
# for `callgrind_annotate --inclusive=yes`.
set -euo pipefail
RPC=$1 N=$2
shift 2
[ "${1:-}" = "--" ] && shift
OUT=${OUT:-$(mktemp -d)}
mkdir -p "$OUT"
LOADBIN=$(IFS='|' read -r _ bin _ <<<"$1"; echo "$bin")
count() { # label bin args calls -> total instructions
  local label=$1 bin=$2 args=$3 calls=$4 port pid
  port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])")
  # shellcheck disable=SC2086
  valgrind --tool=callgrind --callgrind-out-file="$OUT/$label.$calls.out" \
    "$bin" serve --listen "127.0.0.1:$port" --shutdown-drain-ms 0 $args 2>"$OUT/$label.$calls.log" &
  pid=$!
  until "$LOADBIN" health --remote "http://127.0.0.1:$port" --service "" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "$label: the server exited; see $OUT/$label.$calls.log" >&2; exit 1; }
    sleep 0.2
  done
  "$LOADBIN" loadtest --remote "http://127.0.0.1:$port" --rpc "$RPC" --concurrency 4 --duration 600 \
    --max-requests "$calls" --doc-size 1024 --mix arabic --timeout-ms 60000 >/dev/null
  kill -INT "$pid"
  wait "$pid" || true
  awk '/^totals:|^summary:/ { print $2; exit }' "$OUT/$label.$calls.out"
}
echo "callgrind files in $OUT"
for spec in "$@"; do
  IFS='|' read -r label bin args <<<"$spec"
  one=$(count "$label" "$bin" "$args" "$N")
  two=$(count "$label" "$bin" "$args" $((2 * N)))
  python3 -c "print(f'{\"$label\":>10} instructions per call {($two - $one) / $N:12,.0f}  ($N calls: $one, $((2 * N)): $two)')"
done
