#!/usr/bin/env bash
# Status API latency under load (docs/benchmarks/operations.md): a release build of
# bench-operations serves the status API on loopback, fed like a kiosk in service; wrk (Debian)
# loads /healthz (the baseline: routing and HTTP only), /v1/status (actor snapshot + JSON) and
# /metrics (snapshot + gauges + Prometheus text) in turn, same connections, same duration.
# Usage: scripts/bench/operations.sh [SECONDS] [CONNECTIONS]   (defaults 10 s, 8 connections)
#   BIN=DIR uses an existing build of bench-operations instead of building in release.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10} connections=${2:-8}
command -v wrk >/dev/null || { echo "operations.sh: wrk not installed (apt-get install wrk)" >&2; exit 2; }
if [ -z "${BIN:-}" ]; then
  swift build -c release --product bench-operations >/dev/null
  BIN=$(swift build -c release --show-bin-path)
fi
bin=$BIN
log=$(mktemp)
"$bin/bench-operations" --listen 127.0.0.1:0 > "$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q "listening on" "$log" && break; sleep 0.1; done
url=$(sed -n 's#.*listening on \(http://[^ ]*\).*#\1#p' "$log" | head -1)
echo "server $bin/bench-operations at $url, wrk -t2 -c$connections -d${seconds}s --latency, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
printf '%-14s %10s %10s %10s %12s %10s\n' path p50 p90 p99 requests/s "p99/base"
base99=""
for path in /healthz /v1/status /metrics; do
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url$path")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out"); p90=$(awk '$1=="90%"{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{print $2}' <<<"$out"); rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" || true)
  us=$(python3 -c "import re,sys; v,u=re.match(r'([\d.]+)(\w+)','$p99').groups(); print(float(v)*{'us':1,'ms':1e3,'s':1e6}[u])")
  [ -z "$base99" ] && base99=$us
  printf '%-14s %10s %10s %10s %12s %10s\n' "$path" "$p50" "$p90" "$p99" "$rps" "$(python3 -c "print(f'{$us/$base99:.2f}')")"
  [ -n "$errors" ] && echo "  $errors"
done
curl -s "$url/metrics" | wc -c | xargs echo "metrics page bytes:"
curl -s "$url/v1/status" | wc -c | xargs echo "status document bytes:"
