#!/usr/bin/env bash
# kioskd's resident memory over many journeys in one process (docs/benchmarks/journey.md, "Soak"):
# the ratio of the last sample to the one after the first journey, and the growth per journey.
# Usage: scripts/bench/soak.sh [REGION] [JOURNEYS]      (defaults chongqing, 30)
#   BIN=DIR uses an existing build of kioskd instead of building it in release.
# Needs python3 and tmux (scripts/setup).
set -euo pipefail
cd "$(dirname "$0")/../.."
region=${1:-chongqing} journeys=${2:-30}
if [ -z "${BIN:-}" ]; then
  swift build -c release --product kioskd >/dev/null
  BIN=$(swift build -c release --show-bin-path)
fi
python3 scripts/bench/soak_rss.py "$BIN/kioskd" "$PWD/Assets" "$region" "$journeys"
