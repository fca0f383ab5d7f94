#!/usr/bin/env bash
# kioskd's start, touch-to-frame latency and memory (docs/benchmarks/journey.md), each against a
# baseline of the same run: `kioskd --help` for the start, the pseudo-terminal's own echo round
# trip for a touch, the idle home screen for memory after a journey.
# Usage: scripts/bench/journey.sh [REGION] [TOUCHES]      (defaults chongqing, 300)
#   BIN=DIR uses an existing build of kioskd instead of building it in release.
# Needs python3 and tmux (scripts/setup).
set -euo pipefail
cd "$(dirname "$0")/../.."
region=${1:-chongqing} touches=${2:-300}
if [ -z "${BIN:-}" ]; then
  swift build -c release --product kioskd >/dev/null
  BIN=$(swift build -c release --show-bin-path)
fi
python3 scripts/bench/journey_bench.py "$BIN/kioskd" "$PWD/Assets" "$region" "$touches"
