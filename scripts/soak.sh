#!/usr/bin/env bash
# Soak test of the release binary over loopback (issue 10), bounded in time.
#
#   scripts/soak.sh [--clients N] [--minutes M] [--rpc analyze] [--doc-size B] [--stream]
#
# Starts `lisan serve` (release build), loads it with `lisan loadtest` from N
# clients for M minutes (default 8 clients, 2 minutes), sampling the server's
# RSS and open descriptors from /proc every second, then checks: no request
# failed, every request was answered, RSS after warm-up (the first fifth, at
# least 10 s) grew by less than 10%, descriptors did not grow, and SIGTERM
# ends the server with exit 0. With --stream it also sends 100,000 documents
# through one AnalyzeStream (tests/stream_integrity.rs on the release build).
# Prints the figures; exit 1 on any failed check. Works without
# CARGO_TARGET_DIR (target/ in the checkout).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET" in /*) ;; *) TARGET="$ROOT/$TARGET" ;; esac
CLIENTS=8 MINUTES=2 RPC=analyze DOC_SIZE=1024 STREAM=0
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) CLIENTS="$2"; shift 2 ;;
    --minutes) MINUTES="$2"; shift 2 ;;
    --rpc) RPC="$2"; shift 2 ;;
    --doc-size) DOC_SIZE="$2"; shift 2 ;;
    --stream) STREAM=1; shift ;;
    *) echo "soak.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
command -v python3 >/dev/null || { echo "soak.sh: python3 is needed to read the report" >&2; exit 2; }

cd "$ROOT"
# NO_BUILD=1: use the release binary already in $TARGET.
[ "${NO_BUILD:-0}" = 1 ] || CARGO_TARGET_DIR="$TARGET" cargo build --release --locked --bin lisan
BIN="$TARGET/release/lisan"
WORK="$(mktemp -d)"
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

"$BIN" serve --listen 127.0.0.1:0 --log info 2>"$WORK/server.log" &
SERVER=$!
for _ in $(seq 200); do
  ADDR="$(grep -o 'address=[0-9.:]*' "$WORK/server.log" | head -1 | cut -d= -f2 || true)"
  [ -n "$ADDR" ] && break
  sleep 0.05
done
[ -n "$ADDR" ] || { echo "soak.sh: the server did not start" >&2; cat "$WORK/server.log" >&2; exit 1; }
until "$BIN" health --remote "http://$ADDR" --service "" >/dev/null 2>&1; do sleep 0.05; done

SECONDS_TOTAL=$(python3 -c "print(float($MINUTES) * 60)")
echo "soak: $CLIENTS clients, $RPC, $DOC_SIZE B documents, $SECONDS_TOTAL s against pid $SERVER at $ADDR"
"$BIN" loadtest --remote "http://$ADDR" --rpc "$RPC" --concurrency "$CLIENTS" \
  --duration "$SECONDS_TOTAL" --doc-size "$DOC_SIZE" --server-pid "$SERVER" \
  --sample-ms 1000 --json >"$WORK/report.json"

python3 - "$WORK/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
samples = r["server"]["samples"]
warm_up = max(10.0, r["seconds"] / 5)
after = [s for s in samples if s["seconds"] >= warm_up] or samples[-1:]
warm, peak_rss, peak_fds = after[0], max(s["rss_kib"] for s in after), max(s["fds"] for s in after)
growth = 100.0 * (peak_rss - warm["rss_kib"]) / warm["rss_kib"]
l = r["latency_ms"]
print(f"requests {r['requests']}  ok {r['ok']}  errors {r['errors'] or 'none'}")
print(f"{r['requests_per_second']:.0f} req/s  {r['megabytes_per_second']:.2f} MB/s  "
      f"p50 {l['p50']:.2f}  p99 {l['p99']:.2f}  p99.9 {l['p99.9']:.2f}  max {l['max']:.2f} ms")
print(f"RSS: start {samples[0]['rss_kib']} KiB, after warm-up ({warm['seconds']:.0f} s) "
      f"{warm['rss_kib']} KiB, peak after {peak_rss} KiB ({growth:+.1f}%), end {samples[-1]['rss_kib']} KiB")
print(f"fds: start {samples[0]['fds']}, after warm-up {warm['fds']}, peak after {peak_fds}, end {samples[-1]['fds']}")
failed = []
if r["errors"]: failed.append("some requests failed")
if r["requests"] != r["ok"] or r["ok"] == 0: failed.append("not every request was answered OK")
if growth >= 10.0: failed.append(f"RSS grew {growth:.1f}% after warm-up")
if peak_fds > warm["fds"]: failed.append("file descriptors grew")
if failed:
    print("SOAK FAILED: " + "; ".join(failed)); sys.exit(1)
print("soak: OK")
PY

kill -TERM "$SERVER"
if wait "$SERVER"; then echo "soak: SIGTERM, exit 0"; else echo "SOAK FAILED: exit $? after SIGTERM"; exit 1; fi

if [ "$STREAM" = 1 ]; then
  echo "soak: 100,000 documents through one AnalyzeStream (release build)"
  LISAN_STREAM_DOCUMENTS=100000 CARGO_TARGET_DIR="$TARGET" \
    cargo test --release --locked --test stream_integrity -- --nocapture
fi
