#!/usr/bin/env bash
# Builds the Python client (clients/python: stubs generated from proto/ by
# grpcio-tools during the build) into a throwaway virtualenv and runs its
# pytest suite against the real `lisan` binary.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${LISAN_PY_VENV:-${CARGO_TARGET_DIR:-target}/python-client-venv}"
venv=$(realpath -m "$venv") # absolute: the tests run from clients/python
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "./clients/python[test]"
# Rebuilt every time: the stubs must follow proto/ even in a reused virtualenv.
"$venv/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps ./clients/python
bin="${LISAN_BIN:-${CARGO_TARGET_DIR:-target}/debug/lisan}"
[ -x "$bin" ] || cargo build --locked --quiet
cd clients/python
LISAN_BIN="$(realpath "../../$bin" 2>/dev/null || realpath "$bin")" "$venv/bin/python" -m pytest -q -p no:cacheprovider
