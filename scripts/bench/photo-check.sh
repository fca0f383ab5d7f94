#!/usr/bin/env bash
# Benchmark: PhotoCheck's full check of a photo (decode + every check + Haar face detection)
# against the same checks in Python with Pillow + opencv-python-headless 4.x, on the same files,
# in one run. Prints a Markdown table with ratios ours/theirs and face-box agreement (IoU ≥ 0.5).
#
#   pip install "opencv-python-headless<5" pillow
#   scripts/bench/photo-check.sh [REPEAT]          (default 100 repetitions per photo)
#
# Needs Debian's opencv-data (the cascade both sides load). Builds bench-photo with -c release.
set -euo pipefail
cd "$(dirname "$0")/../.."
repeat="${1:-100}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release --product bench-photo >&2
bin="$(swift build -c release --show-bin-path)/bench-photo"
"$bin" fixtures "$work/photos" >/dev/null
photos=("$work"/photos/*.jpg)

# Alternate the implementations so background load on the machine hits both alike.
"$bin" run --repeat "$repeat" "${photos[@]}" >"$work/ours.json"
python3 scripts/bench/photo_check_bench.py --repeat "$repeat" "${photos[@]}" >"$work/theirs.json"
python3 scripts/bench/photo_check_bench.py --repeat "$repeat" --threads 1 "${photos[@]}" >"$work/theirs1.json"
"$bin" run --repeat "$repeat" "${photos[@]}" >"$work/ours2.json"

python3 - "$work" <<'PY'
import json, statistics, sys
w = sys.argv[1]
ours = [json.load(open(f"{w}/ours.json")), json.load(open(f"{w}/ours2.json"))]
theirs, theirs1 = json.load(open(f"{w}/theirs.json")), json.load(open(f"{w}/theirs1.json"))
def by_file(d): return {f["file"]: f for f in d["files"]}
o1, o2, t, t1 = by_file(ours[0]), by_file(ours[1]), by_file(theirs), by_file(theirs1)
def iou(a, b):
    ix = max(0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])); iy = max(0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    inter = ix * iy; return inter / (a[2] * a[3] + b[2] * b[3] - inter)
print(f"ours: {ours[0]['implementation']}; theirs: {theirs['implementation']}; {ours[0]['repeatCount']} repetitions per photo\n")
print("| photo | ours ms | OpenCV ms (default threads) | ratio | OpenCV ms (1 thread) | ratio | detect ours / theirs(1t) ms | faces ours / theirs | IoU |")
print("|---|---|---|---|---|---|---|---|---|")
ratios, ratios1, dratios, agree, compared = [], [], [], 0, 0
for name in sorted(o1):
    a, b = o1[name], o2[name]
    if name not in t or "medianMs" not in t[name]:
        print(f"| {name} | {a['verdict']} | {t.get(name, {}).get('verdict', '-')} | | | | | | |"); continue
    ms = min(a["medianMs"], b["medianMs"]); dms = min(a["detectMedianMs"], b["detectMedianMs"])
    r, r1 = ms / t[name]["medianMs"], ms / t1[name]["medianMs"]
    ratios.append(r); ratios1.append(r1); dratios.append(dms / t1[name]["detectMedianMs"])
    fo, ft = a["faces"], t[name]["faces"]
    if fo or ft:
        compared += 1
        best = max((iou(x, y) for x in fo for y in ft), default=0.0)
        same = len(fo) == len(ft) and all(max(iou(x, y) for y in ft) >= 0.5 for x in fo)
        agree += same
    else:
        best, same = None, True; compared += 1; agree += 1
    print(f"| {name} | {ms:.2f} | {t[name]['medianMs']:.2f} | {r:.2f} | {t1[name]['medianMs']:.2f} | {r1:.2f} | "
          f"{dms:.2f} / {t1[name]['detectMedianMs']:.2f} | {len(fo)} / {len(ft)} | {'-' if best is None else f'{best:.2f}'} |")
print(f"\nmedian ratio ours/theirs: {statistics.median(ratios):.2f} (OpenCV default threads), "
      f"{statistics.median(ratios1):.2f} (OpenCV 1 thread); detection alone {statistics.median(dratios):.2f}")
print(f"face boxes agreeing (same count, every box IoU >= 0.5): {agree}/{compared}")
print(f"cascade load: ours {min(o['cascadeLoadMs'] for o in ours):.0f} ms, OpenCV {theirs['cascadeLoadMs']:.0f} ms")
print(f"peak RSS: ours {max(o['peakRSSKB'] for o in ours) / 1024:.1f} MiB, Python {theirs['peakRSSKB'] / 1024:.1f} MiB")
PY
