#!/usr/bin/env bash
# Old and new server builds compared on a noisy machine: every server is up
# at once and the load runs against each in turn, round after round, so the
# builds share the same minutes. Prints, per run, requests/s, the server's
# CPU microseconds per request (from /proc, USER_HZ 100), p50/p99 and peak RSS.
#
#   bash benches/server_ab.sh RPC SECONDS CONCURRENCY ROUNDS -- "LABEL|BINARY|SERVE ARGS" ...
#   e.g. bash benches/server_ab.sh normalize 4 16 4 -- "old|/tmp/old/lisan|--log info" \
#            "new|target/release/lisan|--log info"
# EXTRA="--rate 900" adds arguments to every `lisan loadtest` (here: paced).
set -euo pipefail
RPC=$1 SECS=$2 CONC=$3 ROUNDS=$4
shift 4
[ "${1:-}" = "--" ] && shift
LOADBIN=$(IFS='|' read -r _ bin _ <<<"$1"; echo "$bin")
PIDS=() PORTS=() LABELS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
for spec in "$@"; do
  IFS='|' read -r label bin args <<<"$spec"
  port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])")
  # shellcheck disable=SC2086
  "$bin" serve --listen "127.0.0.1:$port" $args 2>/dev/null &
  PIDS+=("$!") PORTS+=("$port") LABELS+=("$label")
  until "$bin" health --remote "http://127.0.0.1:$port" --service "" >/dev/null 2>&1; do sleep 0.01; done
done
sleep 1
cpu_of() { awk '{ sub(/^.*\) /, ""); print ($12 + $13) / 100 }' "/proc/$1/stat"; }
OUT=$(mktemp)
for _ in $(seq "$ROUNDS"); do
  for j in "${!PIDS[@]}"; do
    before=$(cpu_of "${PIDS[$j]}")
    # shellcheck disable=SC2086
    "$LOADBIN" loadtest --remote "http://127.0.0.1:${PORTS[$j]}" --rpc "$RPC" --concurrency "$CONC" \
      --duration "$SECS" --doc-size 1024 --mix arabic --json ${EXTRA:-} >"$OUT"
    after=$(cpu_of "${PIDS[$j]}")
    python3 - "$OUT" "${LABELS[$j]}" "$before" "$after" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); label = sys.argv[2]
cpu = float(sys.argv[4]) - float(sys.argv[3]); l = r["latency_ms"]
rss = ((r.get("server") or {}).get("rss_kib_peak") or 0) / 1024
print(f"{label:>8} req/s {r['requests_per_second']:7.0f}  server CPU µs/req {cpu * 1e6 / max(r['ok'], 1):6.1f}  "
      f"p50 {l['p50']:.2f} p99 {l['p99']:.2f} ms  RSS {rss:.1f} MiB")
PY
  done
done
rm -f "$OUT"
