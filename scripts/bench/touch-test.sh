#!/usr/bin/env bash
# Benchmark: technician mode's touch test on the real kioskd --demo in a pseudo-terminal, scripted
# taps against a baseline of five plain touches in the same run (scripts/bench/touch_test_bench.py).
# Prints Markdown rows (milliseconds).
#
#   scripts/bench/touch-test.sh [RUNS] [BUILD_DIR]     (default 10, .build/debug)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10}"
bin="${2:-.build/debug}"
exec python3 scripts/bench/touch_test_bench.py "$bin/kioskd" "$bin/kioskctl" "$PWD/Assets" "$runs"
