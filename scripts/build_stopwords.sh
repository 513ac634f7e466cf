#!/usr/bin/env bash
# Writes data/stopwords.tsv: stop words (language code, word) for keyphrases
# and language identification.
#
# Source: the npm package `stopwords-iso` 1.1.0 (Gene Diaz et al.,
# https://github.com/stopwords-iso/stopwords-iso), MIT license, which
# collects per-language lists (for Arabic, Persian and Urdu among others).
# Kept languages: ar fa ur en fr de es pt it nl. Words are written as listed, one
# per row, sorted; rows with a tab or a newline are skipped.
#
# Run from anywhere: scripts/build_stopwords.sh (needs npm and python3; the
# package is unpacked under target/stopwords-iso, made absolute first).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/target/stopwords-iso"
version=1.1.0
mkdir -p "$work"
if ! command -v npm >/dev/null; then
  echo "build_stopwords: npm is not installed; cannot fetch stopwords-iso" >&2
  exit 1
fi
(cd "$work" && npm pack "stopwords-iso@$version" >/dev/null 2>&1 && tar xzf "stopwords-iso-$version.tgz")
python3 - "$work/package/stopwords-iso.json" "$version" > "$root/data/stopwords.tsv" <<'PY'
import json, sys, unicodedata
path, version = sys.argv[1], sys.argv[2]
data = json.load(open(path, encoding="utf-8"))
langs = ["ar", "fa", "ur", "en", "fr", "de", "es", "pt", "it", "nl"]
print(f"# Stop words from the npm package stopwords-iso {version} (MIT license),")
print("# built by scripts/build_stopwords.sh. Columns: ISO 639-1 language, word (NFC).")
for lang in langs:
    words = sorted({unicodedata.normalize("NFC", w.strip()) for w in data[lang]})
    for w in words:
        if w and "\t" not in w and "\n" not in w and not w.startswith("#"):
            print(f"{lang}\t{w}")
PY
echo "wrote $root/data/stopwords.tsv" >&2
