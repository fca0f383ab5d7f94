#!/usr/bin/env bash
# kioskd as a daemon (docs/benchmarks/operations.md): start to ready, idle RSS and CPU, and the
# veteran's touch-to-frame while wrk loads the status API — each against a baseline of the run.
# Usage: scripts/bench/operations-load.sh [REGION] [TOUCHES] [SECONDS]   (defaults chongqing 200 10)
#   BIN=DIR uses an existing build of kioskd and kioskctl instead of building them in release.
# Needs python3 and wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
region=${1:-chongqing} touches=${2:-200} seconds=${3:-10}
if [ -z "${BIN:-}" ]; then
  swift build -c release --product kioskd >/dev/null
  swift build -c release --product kioskctl >/dev/null
  BIN=$(swift build -c release --show-bin-path)
fi
python3 scripts/bench/kioskd_load.py "$BIN/kioskd" "$BIN/kioskctl" "$PWD/Assets" "$region" "$touches" "$seconds"
