#!/usr/bin/env bash
# Runs every cargo-fuzz target from the committed seeds in fuzz/seeds/<target>/.
#   scripts/fuzz.sh 600   explore: each target for 600 s (default 30), new inputs
#   scripts/fuzz.sh --ci  CI: each target for a fixed number of runs from a fixed
#                         seed, so the same commit always fuzzes the same inputs
#                         and CI cannot turn red by chance (about 30 s each here)
# A crash fails the script and leaves the input in fuzz/artifacts/<target>/:
# add it to fuzz/seeds and fix the cause.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
if [ "${1:-}" = "--ci" ]; then
    limits=(-seed=1 -runs=60000)
    label="60000 runs from seed 1"
else
    limits=(-max_total_time="${1:-30}")
    label="${1:-30}s"
fi
export RUSTC_BOOTSTRAP=1 # cargo-fuzz needs nightly flags; stable with bootstrap works
if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked --version 0.13.2
fi
cargo fuzz build -O
for target in normalize segment extract analyze request; do
    mkdir -p "corpus/$target"
    if [ -d "seeds/$target" ]; then cp -n seeds/"$target"/* "corpus/$target/" 2>/dev/null || true; fi
    echo "fuzz: $target, $label"
    cargo fuzz run -O "$target" "corpus/$target" -- \
        "${limits[@]}" -max_len=4096 -print_final_stats=1 2>&1 \
        | grep -E "stat::number_of_executed_units|Done [0-9]+ runs|panicked|ERROR|SUMMARY" || true
    if ls "artifacts/$target"/crash-* >/dev/null 2>&1 && [ -n "$(find "artifacts/$target" -name 'crash-*' -newer Cargo.toml)" ]; then
        echo "fuzz: $target crashed; inputs in fuzz/artifacts/$target" >&2
        exit 1
    fi
done
echo "fuzz: all targets ran ($label) without a crash"
