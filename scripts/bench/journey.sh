#!/usr/bin/env bash
# kioskd's start, touch-to-frame latency and memory (docs/benchmarks/journey.md), each against a
# baseline of the same run: `kioskd --help` for the start, the same touch on `kioskctl ui demo`
# (TerminalUI alone) and the pseudo-terminal's echo for a touch, the idle home for memory.
# Usage: scripts/bench/journey.sh [REGION] [TOUCHES]      (defaults chongqing, 300)
#   BIN=DIR uses an existing build of kioskd and kioskctl instead of building them in release.
# Needs python3 and tmux (scripts/setup).
set -euo pipefail
cd "$(dirname "$0")/../.."
region=${1:-chongqing} touches=${2:-300}
if [ -z "${BIN:-}" ]; then
  swift build -c release --product kioskd >/dev/null
  swift build -c release --product kioskctl >/dev/null
  BIN=$(swift build -c release --show-bin-path)
fi
python3 scripts/bench/journey_bench.py "$BIN/kioskd" "$BIN/kioskctl" "$PWD/Assets" "$region" "$touches"
