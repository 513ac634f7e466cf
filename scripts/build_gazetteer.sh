#!/usr/bin/env bash
# Rebuilds data/gazetteer.tsv from the Unicode CLDR JSON packages on npm
# (installed under target/cldr). See scripts/build_gazetteer.py.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/target/cldr"
mkdir -p "$work"
(cd "$work" && [ -f package.json ] || npm init -y >/dev/null)
(cd "$work" && npm install --no-audit --no-fund cldr-localenames-full@48.2.0 cldr-dates-full@48.2.0 >/dev/null)
python3 "$root/scripts/build_gazetteer.py" "$work/node_modules" > "$root/data/gazetteer.tsv"
echo "wrote $root/data/gazetteer.tsv ($(grep -vc '^#' "$root/data/gazetteer.tsv") rows)"
