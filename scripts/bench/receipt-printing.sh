#!/usr/bin/env bash
# Receipt-printing benchmark: encoding one acknowledgement (Swift, release build) against
# python-escpos building the same receipt, and submit-to-completed through a private cupsd.
# Figures go to docs/benchmarks/receipt-printing.md.
#
#   scripts/bench/receipt-printing.sh [ENCODE_N] [CUPS_N]     (defaults 2000 and 50)
#
# Needs cupsd (cups, cups-daemon, cups-client) and python-escpos from PyPI (pip install
# python-escpos; installed into the user's Python if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
encode_n="${1:-2000}"
cups_n="${2:-50}"
python3 -c 'import escpos' 2>/dev/null || pip install --quiet "python-escpos==3.1"
swift build -c release --package-path Benchmarks --product bench-receipt >/dev/null
bench=Benchmarks/.build/release/bench-receipt
spec=$(mktemp /tmp/receipt-bench-XXXX.json)
trap 'rm -f "$spec"' EXIT
"$bench" lines "$spec"
# Encoding: three alternating rounds each, so that load from other processes on the machine hits
# both sides alike; each round reports its median.
swift_rounds=(); python_rounds=()
for round in 1 2 3; do
  swift_rounds+=("$("$bench" encode "$encode_n")")
  python_rounds+=("$(python3 scripts/bench/receipt_escpos.py "$spec" "$encode_n")")
done
cups_json=$("$bench" cups "$cups_n")
printf '%s\n' "${swift_rounds[@]}" "${python_rounds[@]}" "$cups_json"
python3 - "$cups_json" "${swift_rounds[@]}" "${python_rounds[@]}" <<'PY'
import json, statistics, sys
cups = json.loads(sys.argv[1])
rounds = [json.loads(a) for a in sys.argv[2:]]
swift = [r for r in rounds if r["what"] == "encode"]
python = [r for r in rounds if r["what"] == "python-escpos"]
for i, (s, p) in enumerate(zip(swift, python), 1):
    print(f"round {i}: encode median Swift {s['median_us']:.0f} µs ({s['bytes']} B), python-escpos {p['median_us']:.0f} µs "
          f"({p['bytes']} B): python-escpos / Swift = {p['median_us'] / s['median_us']:.2f}")
ratio = statistics.median(p["median_us"] / s["median_us"] for s, p in zip(swift, python))
p = python[0]
print(f"median ratio python-escpos / Swift over the rounds: {ratio:.2f}")
print(f"QR bytes equal: {p['qr_equal']}; cut equal at the same settings (ESC d 6, GS V 0): {p['cut_full_equal_to_swift_full_feed6']}; "
      f"kiosk model's cut {p['cut_kiosk_swift']} vs python-escpos cut() {p['cut_full_python']}, cut(mode='PART') {p['cut_partial_python']}")
c = lambda k: "/".join(f"{v:.1f}" for v in cups[k])
print(f"through the private cupsd, n={cups['n']}, {cups['bytes']} B, min/median/max ms: submit {c('submit_ms')}, "
      f"bytes in the backend's file {c('arrived_ms')}, job completed {c('completed_ms')}, "
      f"JobSubmitter.print (check + submit + follow, 10 ms polls) {c('jobsubmitter_printed_ms')}")
PY
