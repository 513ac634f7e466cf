#!/usr/bin/env bash
# L7 load balancing through nginx (deploy/nginx/lisan.conf): two Lisan
# replicas and nginx on loopback; `lisan batch --remote` (the Rust client)
# sends a few hundred AnalyzeStream calls through nginx; one replica is killed
# (SIGKILL) mid-run. Checks: both replicas served calls, the batch succeeded,
# and every document got its correct answer, in order, exactly once.
# Installs Debian's nginx when missing; skips (exit 0, with a message) when it
# cannot be installed. Prints "nginx: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v nginx >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "nginx: installing Debian's nginx"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light \
      || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; } >/dev/null 2>&1
  fi
fi
nginx=$(command -v nginx || true)
[ -x "${nginx:-/usr/sbin/nginx}" ] && nginx=${nginx:-/usr/sbin/nginx}
if [ -z "$nginx" ]; then
  echo "nginx: SKIPPED, nginx is not installed and could not be installed"
  exit 0
fi

bin="${LISAN_BIN:-${CARGO_TARGET_DIR:-target}/debug/lisan}"
[ -x "$bin" ] || cargo build --locked --quiet
work=$(mktemp -d)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

base=$((20000 + RANDOM % 20000))
port_a=$base port_b=$((base + 1)) port_lb=$((base + 2)) metrics_a=$((base + 3)) metrics_b=$((base + 4))
replica() { # grpc port, metrics port
  "$bin" serve --listen "127.0.0.1:$1" --metrics-listen "127.0.0.1:$2" --log warn &
  pids+=($!)
}
replica "$port_a" "$metrics_a"; pid_a=${pids[0]}
replica "$port_b" "$metrics_b"
wait_healthy() { # url
  for _ in $(seq 100); do "$bin" health --remote "$1" --timeout-ms 500 >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "nginx: $1 never became healthy"; return 1
}

# The committed configuration, with this run's ports.
sed -e "s/127.0.0.1:50061/127.0.0.1:$port_a/" -e "s/127.0.0.1:50062/127.0.0.1:$port_b/" \
    -e "s/127.0.0.1:50051/127.0.0.1:$port_lb/" deploy/nginx/lisan.conf >"$work/lisan.conf"
user=""; [ "$(id -u)" = 0 ] && user="user root;"
cat >"$work/nginx.conf" <<CONF
$user
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
    include $work/lisan.conf;
}
CONF
"$nginx" -p "$work" -c "$work/nginx.conf" -e "$work/error.log" || { cat "$work/error.log"; exit 1; }
wait_healthy "http://127.0.0.1:$port_a" && wait_healthy "http://127.0.0.1:$port_b" \
  && wait_healthy "http://127.0.0.1:$port_lb" || exit 1

docs=3000
for i in $(seq 0 $((docs - 1))); do
  printf '{"id": "r%d", "text": "الجملة رقم %d. وبعدها أخرى."}\n' "$i" "$i"
done >"$work/in.jsonl"
"$bin" batch --remote "http://127.0.0.1:$port_lb" --input "$work/in.jsonl" --output "$work/out.jsonl" \
  --concurrency 4 --stream-chunk 10 2>"$work/batch.err" &
batch=$!

passed=0; failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAILED $1"; }
served() { # metrics port: AnalyzeStream calls answered OK
  curl -fsS "http://127.0.0.1:$1/metrics" \
    | awk '/^lisan_requests_total\{method="AnalyzeStream",code="OK"\}/ {print $2}' | head -1
}

# Stop replica A once a quarter of the documents are written.
while kill -0 "$batch" 2>/dev/null && [ "$( { wc -l <"$work/out.jsonl"; } 2>/dev/null || echo 0)" -lt $((docs / 4)) ]; do
  sleep 0.02
done
written=$(wc -l <"$work/out.jsonl")
served_a=$(served "$metrics_a")
kill -9 "$pid_a"; wait "$pid_a" 2>/dev/null
if kill -0 "$batch" 2>/dev/null; then ok; else fail "the batch ended before a replica was stopped ($written lines)"; fi
wait "$batch"; code=$?
served_b=$(served "$metrics_b")
resent=$(grep -c "re-sending" "$work/batch.err")
echo "nginx: replica A answered ${served_a:-0} streams before it was killed at $written of $docs documents; replica B ${served_b:-0} in all; the client re-sent $resent broken streams"
[ "$code" -eq 0 ] && ok || { fail "lisan batch exited $code"; cat "$work/batch.err"; }
[ "${served_a:-0}" -gt 0 ] && [ "${served_b:-0}" -gt 0 ] && ok || fail "both replicas serve traffic"
# Every document: its own line, in order, with the right sentences.
if python3 - "$work/out.jsonl" "$docs" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
docs = int(sys.argv[2])
assert len(lines) == docs, f"{len(lines)} lines for {docs} documents"
for i, line in enumerate(lines):
    assert line["id"] == f"r{i}" and line["index"] == i, line.get("id")
    assert "analysis" in line, f"r{i}: {line.get('error')}"
    got = [s["text"] for s in line["analysis"]["segmentation"]["sentences"]]
    assert got == [f"الجملة رقم {i}.", "وبعدها أخرى."], f"r{i}: {got}"
PY
then ok; else fail "every document answered correctly, once, in order"; fi

echo "nginx: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
