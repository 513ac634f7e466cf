#!/usr/bin/env bash
# Lisan side by side with its Python peers (issue 9). Run by hand:
#
#   bash benches/peers/run.sh [SECONDS]     # seconds per load run (default 10)
#
# 1. A virtualenv under target/peers/ with PyArabic, CAMeL Tools (installed
#    with --no-deps, plus only what camel_tools.utils and its word tokenizer
#    import: emoji, regex, six) and grpcio, grpcio-tools and
#    googleapis-common-protos for the peer server.
# 2. The same generated Arabic corpus (1 MB, `examples/peers.rs corpus`) through
#    CAMeL's normalization (dediac_ar + normalize_alef_ar +
#    normalize_alef_maksura_ar + normalize_teh_marbuta_ar) and
#    simple_word_tokenize, PyArabic's equivalents, and Lisan's equivalent
#    options (diacritics removed, alef, alef maqsura and teh marbuta folded;
#    no Unicode form) and tokenizer: MB/s each, and whether the normalized
#    texts are identical.
# 3. A Python grpcio server of lisan.v1.TextService (stubs generated from
#    proto/ with grpcio-tools) whose Normalize runs CAMeL's normalization,
#    `lisan serve` and `lisan serve --echo`, each loaded in turn by
#    `lisan loadtest --rpc normalize` (1 KB Arabic documents, same
#    concurrency): requests/s and latencies, and the ratios.
# Everything is printed; nothing is written outside target/peers/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET" in /*) ;; *) TARGET="$ROOT/$TARGET" ;; esac
SECONDS_PER_RUN="${1:-10}"
WORK="$TARGET/peers"
VENV="$WORK/venv"
mkdir -p "$WORK"
cd "$ROOT"

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" || { echo "peers: python3 -m venv failed (apt-get install python3-venv)" >&2; exit 2; }
fi
"$VENV/bin/pip" install -q pyarabic emoji regex six grpcio grpcio-tools googleapis-common-protos
"$VENV/bin/pip" install -q --no-deps camel-tools
PY="$VENV/bin/python"

# NO_BUILD=1: use the release binaries already in $TARGET.
# SERVERS_ONLY=1: only the server comparison (part 3).
[ "${NO_BUILD:-0}" = 1 ] || CARGO_TARGET_DIR="$TARGET" cargo build --release --locked --bin lisan --example peers
BIN="$TARGET/release/lisan"
EXAMPLE="$TARGET/release/examples/peers"

if [ "${SERVERS_ONLY:-0}" != 1 ]; then
echo "== single core, same 1 MB Arabic corpus"
"$EXAMPLE" corpus 1000000 1 arabic >"$WORK/corpus.txt"
LISAN_JSON="$("$EXAMPLE" measure "$WORK/corpus.txt" 3 "$WORK")"
PEERS_JSON="$("$PY" "$ROOT/benches/peers/peers.py" bench "$WORK/corpus.txt" 3 "$WORK")"
echo "lisan: $LISAN_JSON"
echo "peers: $PEERS_JSON"
"$PY" - "$LISAN_JSON" "$PEERS_JSON" <<'PY'
import json, sys
l, p = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"normalize: Lisan {l['normalize_mb_s']} MB/s = {l['normalize_mb_s']/p['camel_normalize_mb_s']:.1f}x CAMeL "
      f"({p['camel_normalize_mb_s']}), {l['normalize_mb_s']/p['pyarabic_normalize_mb_s']:.1f}x PyArabic ({p['pyarabic_normalize_mb_s']}); "
      f"output identical to CAMeL's: {p['normalized_identical']} (lines {p['normalized_lines_identical']})")
print(f"tokenize:  Lisan {l['tokenize_mb_s']} MB/s = {l['tokenize_mb_s']/p['camel_simple_word_tokenize_mb_s']:.1f}x CAMeL simple_word_tokenize "
      f"({p['camel_simple_word_tokenize_mb_s']}), {l['tokenize_mb_s']/p['pyarabic_tokenize_mb_s']:.1f}x PyArabic ({p['pyarabic_tokenize_mb_s']}); "
      f"tokens {p['tokens_lisan']} vs {p['tokens_camel']}")
PY
fi

echo "== servers, Normalize of 1 KB Arabic documents, loaded one after the other"
STUBS="$WORK/stubs"
mkdir -p "$STUBS"
WELL_KNOWN="$("$PY" -c 'import grpc_tools, os; print(os.path.join(os.path.dirname(grpc_tools.__file__), "_proto"))')"
"$PY" -m grpc_tools.protoc -I"$ROOT/proto" -I"$WELL_KNOWN" --python_out="$STUBS" \
  --grpc_python_out="$STUBS" "$ROOT/proto/lisan/v1/lisan.proto"
touch "$STUBS/lisan/__init__.py" "$STUBS/lisan/v1/__init__.py"

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
wait_port() { for _ in $(seq 200); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done; return 1; }

PEER_PORT="$(free_port)"
"$PY" "$ROOT/benches/peers/peers.py" serve "$PEER_PORT" "$STUBS" &
PIDS+=($!)
LISAN_PORT="$(free_port)"
"$BIN" serve --listen "127.0.0.1:$LISAN_PORT" --log warn &
PIDS+=($!)
ECHO_PORT="$(free_port)"
"$BIN" serve --echo --listen "127.0.0.1:$ECHO_PORT" --log error &
PIDS+=($!)
for port in "$PEER_PORT" "$LISAN_PORT" "$ECHO_PORT"; do wait_port "$port"; done
sleep 0.5

load() {
  "$BIN" loadtest --remote "http://127.0.0.1:$1" --rpc normalize --concurrency 8 \
    --duration "$SECONDS_PER_RUN" --doc-size 1024 --json
}
PEER_REPORT="$(load "$PEER_PORT")"
LISAN_REPORT="$(load "$LISAN_PORT")"
ECHO_REPORT="$(load "$ECHO_PORT")"
"$PY" - "$PEER_REPORT" "$LISAN_REPORT" "$ECHO_REPORT" <<'PY'
import json, sys
peer, lisan, echo = (json.loads(a) for a in sys.argv[1:])
def per_cpu(r):
    return (r.get('server') or {}).get('requests_per_cpu_second') or 0.0
for name, r in (("python peer (CAMeL)", peer), ("lisan", lisan), ("lisan --echo", echo)):
    l = r["latency_ms"]
    print(f"{name:<20} {r['requests_per_second']:>8.0f} req/s  p50 {l['p50']:.2f}  p99 {l['p99']:.2f} ms  "
          f"errors {r['errors'] or 'none'}  RSS peak {((r.get('server') or {}).get('rss_kib_peak') or 0)/1024:.1f} MiB  "
          f"server req per CPU-s {per_cpu(r):.0f}")
print(f"lisan / python peer: {lisan['requests_per_second']/peer['requests_per_second']:.1f}x; "
      f"lisan / echo: {lisan['requests_per_second']/echo['requests_per_second']:.2f}")
# The load tool shares the machine's cores with the server it loads, so
# requests/s is bounded by the client's own cost; requests per CPU-second of
# each server process (from /proc) is what the server alone costs.
if per_cpu(peer) and per_cpu(lisan):
    print(f"by server CPU: lisan / python peer: {per_cpu(lisan)/per_cpu(peer):.1f}x; "
          f"lisan / echo: {per_cpu(lisan)/per_cpu(echo):.2f}")
PY
