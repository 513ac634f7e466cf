#!/usr/bin/env bash
# Schemathesis (PyPI) against the HTTP/JSON API's own /openapi.json, served by
# the real binary: a bounded number of generated requests per operation
# (coverage + fuzzing phases, fixed seed), checking that no response is a
# 5xx and that every response matches the schema (status codes, content
# types, bodies). The NDJSON batch is left out (Schemathesis cannot write
# NDJSON bodies); tests/http.rs covers it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${CARGO_TARGET_DIR:-target}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac
venv="$target/schemathesis-venv"
examples="${LISAN_SCHEMATHESIS_EXAMPLES:-30}"

if [ ! -x "$venv/bin/st" ]; then
  python3 -m venv "$venv" && "$venv/bin/pip" install --quiet "schemathesis>=4,<5" || {
    echo "schemathesis: could not install it from PyPI"; exit 1; }
fi
bin="${LISAN_BIN:-$target/debug/lisan}"
(cd "$root" && cargo build --locked --quiet --bin lisan)
port=$((20000 + RANDOM % 20000))
"$bin" serve --listen 127.0.0.1:0 --http-listen "127.0.0.1:$port" --log warn &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/openapi.json" >/dev/null 2>&1 && break
  sleep 0.1
done

cd "$target"
"$venv/bin/st" run "http://127.0.0.1:$port/openapi.json" \
  --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
  --phases coverage,fuzzing \
  --max-examples "$examples" \
  --seed 20261129 \
  --exclude-path '/v1/analyze:batch' \
  --report junit --report-dir "$target/schemathesis-report"
