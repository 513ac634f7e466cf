#!/usr/bin/env bash
# The server's figures for issue 9, side by side in one run (release build):
#
#   bash benches/server.sh [SECONDS]        # seconds per load run (default 8)
#
# - start-up: from spawning `lisan serve` to its first SERVING health answer
#   (an upper bound: it includes the `lisan health` probes' own start);
# - memory: RSS idle after start-up, peak RSS under saturation (from /proc);
# - throughput: `lisan loadtest` on 1 KB Arabic documents against
#   `lisan serve --echo` (Normalize and Analyze: the gRPC stack alone) and
#   `lisan serve` (Normalize with SEARCH, Analyze with every step), one
#   after the other, at each concurrency of $CONCURRENCIES; saturation is
#   the best requests/s;
# - latency at half of saturation: Analyze paced at half its saturation
#   rate (`--rate`, latency counted from when each request was due);
# - CPU cost: requests per CPU-second of each server process (/proc), the
#   figure that holds whatever else shares the machine.
# Prints a table and the ratios. Works without CARGO_TARGET_DIR.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET" in /*) ;; *) TARGET="$ROOT/$TARGET" ;; esac
SECONDS_PER_RUN="${1:-8}"
CONCURRENCIES="${CONCURRENCIES:-4 16 64}"
cd "$ROOT"
# NO_BUILD=1: use the release binary already in $TARGET.
[ "${NO_BUILD:-0}" = 1 ] || CARGO_TARGET_DIR="$TARGET" cargo build --release --locked --bin lisan
BIN="$TARGET/release/lisan"
WORK="$(mktemp -d)"
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT

# start_server NAME ARGS...: starts it on a free port; sets PORT and PID.
start_server() {
  local name="$1"; shift
  local started_ns; started_ns=$(date +%s%N)
  "$BIN" serve --listen 127.0.0.1:0 --log info "$@" 2>"$WORK/$name.log" &
  PID=$!
  PIDS+=("$PID")
  PORT=""
  for _ in $(seq 400); do
    PORT="$(grep -o 'address=127.0.0.1:[0-9]*' "$WORK/$name.log" | head -1 | cut -d: -f2 || true)"
    [ -n "$PORT" ] && break
    sleep 0.005
  done
  until "$BIN" health --remote "http://127.0.0.1:$PORT" --service "" >/dev/null 2>&1; do sleep 0.005; done
  STARTUP_MS=$(( ($(date +%s%N) - started_ns) / 1000000 ))
}

start_server echo --echo
ECHO_PORT=$PORT ECHO_PID=$PID
start_server lisan
LISAN_PORT=$PORT LISAN_PID=$PID LISAN_STARTUP_MS=$STARTUP_MS
# CPU seconds (user + system) a process has used, from /proc (USER_HZ 100).
cpu_of() { awk '{ sub(/^.*\) /, ""); print ($12 + $13) / 100 }' "/proc/$1/stat"; }
sleep 1
IDLE_KIB=$(awk '/VmRSS/ {print $2}' "/proc/$LISAN_PID/status")

load() { # PORT RPC CONCURRENCY [extra...]
  local port="$1" rpc="$2" c="$3"; shift 3
  "$BIN" loadtest --remote "http://127.0.0.1:$port" --rpc "$rpc" --concurrency "$c" \
    --duration "$SECONDS_PER_RUN" --doc-size 1024 --mix arabic --json "$@"
}

: >"$WORK/runs.jsonl"
for c in $CONCURRENCIES; do
  for rpc in normalize analyze; do
    for target in echo lisan; do
      port=$ECHO_PORT pid=$ECHO_PID
      [ "$target" = lisan ] && port=$LISAN_PORT pid=$LISAN_PID
      cpu_before=$(cpu_of "$pid")
      load "$port" "$rpc" "$c" >"$WORK/run.json"
      cpu_after=$(cpu_of "$pid")
      python3 -c "import json,sys; r=json.load(open('$WORK/run.json')); r['target']='$target'; r['cpu_seconds']=$cpu_after-$cpu_before; print(json.dumps(r))" >>"$WORK/runs.jsonl"
    done
  done
done
SAT_RPS=$(python3 -c "
import json
runs=[json.loads(l) for l in open('$WORK/runs.jsonl')]
print(max(r['requests_per_second'] for r in runs if r['target']=='lisan' and r['rpc']=='Analyze'))")
HALF=$(python3 -c "print($SAT_RPS / 2)")
load "$LISAN_PORT" analyze 64 --rate "$HALF" >"$WORK/half.json"

python3 - "$WORK/runs.jsonl" "$WORK/half.json" "$LISAN_STARTUP_MS" "$IDLE_KIB" <<'PY'
import json, sys
runs = [json.loads(l) for l in open(sys.argv[1])]
half = json.load(open(sys.argv[2]))
startup_ms, idle_kib = int(sys.argv[3]), int(sys.argv[4])
print("| target | rpc | concurrency | req/s | MB/s | p50 ms | p99 ms | p99.9 ms | errors | server req per CPU-s | server RSS peak MiB |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
cpu = lambda r: r["ok"] / max(r["cpu_seconds"], 1e-9)
for r in runs:
    l = r["latency_ms"]
    rss = ((r.get("server") or {}).get("rss_kib_peak") or 0) / 1024
    print(f"| {r['target']} | {r['rpc']} | {r['concurrency']} | {r['requests_per_second']:.0f} | "
          f"{r['megabytes_per_second']:.2f} | {l['p50']:.2f} | {l['p99']:.2f} | {l['p99.9']:.2f} | "
          f"{sum(r['errors'].values())} | {cpu(r):.0f} | {rss:.1f} |")
best = lambda t, rpc: max((r for r in runs if r["target"] == t and r["rpc"] == rpc),
                          key=lambda r: r["requests_per_second"])
for rpc in ("Normalize", "Analyze"):
    e, l = best("echo", rpc), best("lisan", rpc)
    print(f"saturation {rpc}: lisan {l['requests_per_second']:.0f} req/s (c={l['concurrency']}), "
          f"echo {e['requests_per_second']:.0f} req/s (c={e['concurrency']}): ratio {l['requests_per_second']/e['requests_per_second']:.2f}")
for rpc in ("Normalize", "Analyze"):
    e = max(cpu(r) for r in runs if r["target"] == "echo" and r["rpc"] == rpc)
    l = max(cpu(r) for r in runs if r["target"] == "lisan" and r["rpc"] == rpc)
    print(f"server CPU cost {rpc}: lisan {l:.0f} req per CPU-second, echo {e:.0f}: ratio {l/max(e,1e-9):.2f} "
          "(independent of what else shares the machine)")
la, en = best("lisan", "Analyze"), best("echo", "Normalize")
print(f"lisan Analyze / echo Normalize at saturation: {la['requests_per_second']/en['requests_per_second']:.2f}")
hl = half["latency_ms"]
print(f"Analyze paced at half of saturation ({half['requests_per_second']:.0f} req/s done): "
      f"p50 {hl['p50']:.2f} p90 {hl['p90']:.2f} p99 {hl['p99']:.2f} p99.9 {hl['p99.9']:.2f} ms, errors {half['errors'] or 'none'}")
peak = max(((r.get("server") or {}).get("rss_kib_peak") or 0) for r in runs if r["target"] == "lisan")
print(f"start-up to SERVING: {startup_ms} ms; RSS idle {idle_kib/1024:.1f} MiB; peak under load {peak/1024:.1f} MiB")
PY
