#!/usr/bin/env bash
# Rebuilds data/demonyms_en.tsv from the npm package world-countries 5.1.0
# (installed under target/cldr). See scripts/build_demonyms_en.py.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/target/cldr"
mkdir -p "$work"
(cd "$work" && [ -f package.json ] || npm init -y >/dev/null)
(cd "$work" && npm install --no-audit --no-fund world-countries@5.1.0 >/dev/null)
python3 "$root/scripts/build_demonyms_en.py" "$work/node_modules/world-countries/countries.json" \
  > "$root/data/demonyms_en.tsv"
echo "wrote $root/data/demonyms_en.tsv ($(grep -vc '^#' "$root/data/demonyms_en.tsv") rows)"
