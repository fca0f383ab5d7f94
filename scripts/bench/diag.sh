#!/usr/bin/env bash
# Benchmark: a full `kioskctl diag` against a running `kioskd --demo` (every part, no test
# print), as a technician runs it. Baseline in the same run: `kioskctl status` against the same
# kioskd (the same process start and one HTTP round trip), so the ratio is the diagnostics' own
# cost. Also the engine's own time as the run reports it (durationSeconds) and a --only reader
# run (the live read). Prints Markdown.
#
#   scripts/bench/diag.sh [REPEAT] [BUILD_DIR]     (default 10, .build/debug)
#
# Needs kioskd and kioskctl built (swift build); kioskd runs in script(1)'s pseudo-terminal.
set -euo pipefail
cd "$(dirname "$0")/../.."
repeat="${1:-10}"
bin="${2:-.build/debug}"
work="$(mktemp -d)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
url="http://127.0.0.1:$port"
TERM=foot script -qfec "stty cols 127 rows 26; exec $bin/kioskd --demo --data-dir $work/demo --status 127.0.0.1:$port" /dev/null \
    > "$work/kioskd.out" 2>&1 &
kioskd_script=$!
trap 'kill $kioskd_script 2>/dev/null || true; pkill -P $kioskd_script 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -fsS "$url/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
sleep 2 # the reader connects, the first status poll lands

now() { date +%s.%N; }
time_runs() {  # time_runs NAME COMMAND... -> seconds per run, one per line, in $work/NAME
  : > "$work/$1"
  local name=$1; shift
  for _ in $(seq "$repeat"); do
    local start; start=$(now)
    "$@" > "$work/last.json" 2>/dev/null || true
    echo "$(now) - $start" | bc -l >> "$work/$name"
  done
}
time_runs status "$bin/kioskctl" status --url "$url" --json
time_runs diag "$bin/kioskctl" diag --url "$url" --json
python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["durationSeconds"])' "$work/last.json" > "$work/engine-last"
: > "$work/engine"
for _ in $(seq "$repeat"); do
  "$bin/kioskctl" diag --url "$url" --json > "$work/one.json" 2>/dev/null || true
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["durationSeconds"])' "$work/one.json" >> "$work/engine"
done
time_runs reader "$bin/kioskctl" diag --url "$url" --json --only reader
time_runs nocard "$bin/kioskctl" diag --url "$url" --json --only printer,storage,outbox,central,configuration

python3 - "$work" "$repeat" <<'PY'
import statistics, sys, os
work, repeat = sys.argv[1], sys.argv[2]
def load(name): return sorted(float(x) for x in open(os.path.join(work, name)) if x.strip())
def p(values, q): return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]
status = load("status")
print(f"{repeat} runs each, kioskd --demo on loopback.\n")
print("| command | median s | p90 s | ratio to `kioskctl status` |")
print("|---|---:|---:|---:|")
for name, label in [("status", "`kioskctl status --json` (baseline)"), ("diag", "`kioskctl diag --json` (all parts)"),
                    ("engine", "engine time of a full run (`durationSeconds`)"),
                    ("reader", "`kioskctl diag --only reader` (live read)"),
                    ("nocard", "`kioskctl diag --only printer,storage,outbox,central,configuration`")]:
    v = load(name)
    print(f"| {label} | {statistics.median(v):.3f} | {p(v, 0.9):.3f} | {statistics.median(v) / statistics.median(status):.1f} |")
PY
