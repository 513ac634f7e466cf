#!/usr/bin/env bash
# Lisan's Extract side by side with Microsoft Recognizers-Text (issue 5), on
# corpora in Duckling's format. Run by hand, not by CI:
#
#   bash benches/peers/recognizers.sh [CORPUS.jsonl ...]
#
# Default corpora: benches/peers/extract_en.jsonl (English, ours) and
# ../shared/eval/extract/duckling_ar_dev.jsonl (Arabic, Duckling's; skipped
# with a message when absent; SHARED=DIR points elsewhere).
#
# 1. A virtualenv under ${CARGO_TARGET_DIR:-target}/peers/recognizers-venv
#    with recognizers-text-suite (PyPI; it pulls recognizers-text, -number,
#    -number-with-unit, -date-time, -sequence, -choice). emoji is pinned
#    below 1.0: recognizers-text 1.0.2a2 imports emoji.UNICODE_EMOJI, which
#    emoji 2 removed and emoji 1 turned into a per-language table.
# 2. For each corpus, `lisan eval duckling --corpus` and
#    benches/peers/recognizers.py (same pass rule, per dimension; its header
#    says how Recognizers' resolutions are mapped) and one table of both.
#    Culture: en-us for a corpus whose name has "_en", else ar (the Python
#    suite has no Arabic: an unknown culture silently falls back to English,
#    which the table shows by being identical to en-us).
# LISAN=PATH uses that binary; otherwise $TARGET/release/lisan, built when
# missing (NO_BUILD=1 refuses to build). FAILURES=1 prints failing rows of
# both to standard error. MARKDOWN=1 prints Markdown tables.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET" in /*) ;; *) TARGET="$ROOT/$TARGET" ;; esac
WORK="$TARGET/peers"
VENV="$WORK/recognizers-venv"
SHARED="${SHARED:-$ROOT/../shared}"
mkdir -p "$WORK"
cd "$ROOT"

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" || { echo "recognizers: python3 -m venv failed (apt-get install python3-venv)" >&2; exit 2; }
fi
"$VENV/bin/pip" install -q 'recognizers-text-suite==1.0.2a2' 'emoji<1.0'
PY="$VENV/bin/python"

BIN="${LISAN:-$TARGET/release/lisan}"
if [ ! -x "$BIN" ]; then
  [ "${NO_BUILD:-0}" = 1 ] && { echo "recognizers: no binary at $BIN (NO_BUILD=1)" >&2; exit 2; }
  CARGO_TARGET_DIR="$TARGET" cargo build --release --locked --bin lisan
fi

if [ "$#" -eq 0 ]; then
  set -- "$ROOT/benches/peers/extract_en.jsonl" "$SHARED/eval/extract/duckling_ar_dev.jsonl"
fi

echo "versions: $("$BIN" --version); $("$VENV/bin/pip" show recognizers-text-suite recognizers-text-date-time recognizers-text-number recognizers-text-number-with-unit recognizers-text-sequence 2>/dev/null | awk '/^Name:/{n=$2} /^Version:/{printf "%s %s; ", n, $2}')$("$PY" --version)"
for CORPUS in "$@"; do
  if [ ! -f "$CORPUS" ]; then
    echo "== $CORPUS: absent, skipped"
    continue
  fi
  case "$(basename "$CORPUS")" in *_en*) CULTURE=en-us ;; *) CULTURE=ar ;; esac
  echo "== $CORPUS (Recognizers culture $CULTURE)"
  if [ "${FAILURES:-0}" = 1 ]; then
    "$BIN" eval duckling --show-failures --corpus "$CORPUS" >"$WORK/lisan-table.txt"
    ARGS=(--show-failures)
  else
    "$BIN" eval duckling --corpus "$CORPUS" >"$WORK/lisan-table.txt"
    ARGS=()
  fi
  [ "${MARKDOWN:-0}" = 1 ] && ARGS+=(--markdown)
  "$PY" "$ROOT/benches/peers/recognizers.py" "$CORPUS" --culture "$CULTURE" \
    --lisan-table "$WORK/lisan-table.txt" "${ARGS[@]}"
done
