#!/usr/bin/env python3
"""Turns the JSON of scripts/bench/photo-check.sh's runs into the Markdown tables of
docs/benchmarks/photo-check.md. Usage: photo_check_report.py WORKDIR"""
import json
import statistics
import sys

w = sys.argv[1]
load = lambda name: json.load(open(f"{w}/{name}.json"))
by_file = lambda d: {f["file"]: f for f in d["files"]}


def iou(a, b):
    ix = max(0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    inter = ix * iy
    return inter / (a[2] * a[3] + b[2] * b[3] - inter)


def agreement(fo, ft):
    """(agree?, best IoU or None when neither found a face)"""
    if not fo and not ft:
        return True, None
    best = max((iou(x, y) for x in fo for y in ft), default=0.0)
    same = len(fo) == len(ft) and all(max(iou(x, y) for y in ft) >= 0.5 for x in fo)
    return same, best


ours, ours2, theirs, theirs1 = load("ours"), load("ours2"), load("theirs"), load("theirs1")
o1, o2, t, t1 = by_file(ours), by_file(ours2), by_file(theirs), by_file(theirs1)
print(f"- ours: {ours['implementation']}, `swift build -c release`")
print(f"- theirs: {theirs['implementation']} (and the same with `cv2.setNumThreads(1)`)")
print(f"- {ours['repeatCount']} repetitions per photo; the ours column is the lower of two runs that bracket the Python runs\n")
print("| photo | verdict | ours ms | Python ms | ratio | Python 1-thread ms | ratio | detection ours / Py-1t ms | faces ours / theirs | IoU |")
print("|---|---|---|---|---|---|---|---|---|---|")
ratios, ratios1, dratios, agree, compared = [], [], [], 0, 0
for name in sorted(o1):
    a, b = o1[name], o2[name]
    if name not in t or "medianMs" not in t[name]:
        print(f"| {name} | {a['verdict']} | – | Pillow raises | | | | | | |")
        continue
    ms = min(a["medianMs"], b["medianMs"])
    dms = min(a["detectMedianMs"], b["detectMedianMs"])
    r, r1 = ms / t[name]["medianMs"], ms / t1[name]["medianMs"]
    ratios.append(r); ratios1.append(r1); dratios.append(dms / t1[name]["detectMedianMs"])
    same, best = agreement(a["faces"], t[name]["faces"])
    compared += 1; agree += same
    print(f"| {name} | {a['verdict']} | {ms:.2f} | {t[name]['medianMs']:.2f} | {r:.2f} | {t1[name]['medianMs']:.2f} | {r1:.2f} | "
          f"{dms:.2f} / {t1[name]['detectMedianMs']:.2f} | {len(a['faces'])} / {len(t[name]['faces'])} | "
          f"{'–' if best is None else f'{best:.2f}'} |")
print(f"\n**Median ratio ours/theirs: {statistics.median(ratios):.2f}** (OpenCV default threads), "
      f"{statistics.median(ratios1):.2f} (OpenCV 1 thread); face detection alone {statistics.median(dratios):.2f} (vs 1 thread).  ")
print(f"Median full check of the good 358×441 photo: ours {min(o1['good.jpg']['medianMs'], o2['good.jpg']['medianMs']):.2f} ms, "
      f"Python {t['good.jpg']['medianMs']:.2f} ms.  ")
print(f"Face boxes agreeing (same count, every box IoU ≥ 0.5): {agree}/{compared}.  ")
print(f"Cascade load: ours {min(ours['cascadeLoadMs'], ours2['cascadeLoadMs']):.0f} ms, OpenCV {theirs['cascadeLoadMs']:.0f} ms.  ")
print(f"Peak RSS of the whole benchmark process: ours {max(ours['peakRSSKB'], ours2['peakRSSKB']) / 1024:.1f} MiB, "
      f"Python {theirs['peakRSSKB'] / 1024:.1f} MiB.\n")

ao, at = by_file(load("agree-ours")), by_file(load("agree-theirs"))
print("Agreement set (scikit-image public-domain images, faces searched down to 10 % of the shorter side, OpenCV 1 thread):\n")
print("| image | faces ours | faces OpenCV | best IoU | agree | detection ours / OpenCV ms |")
print("|---|---|---|---|---|---|")
agree2 = 0
for name in sorted(ao):
    a, b = ao[name], at.get(name, {})
    same, best = agreement(a["faces"], b.get("faces", []))
    agree2 += same
    print(f"| {name} | {a['faces']} | {b.get('faces')} | {'–' if best is None else f'{best:.2f}'} | {'yes' if same else 'no'} | "
          f"{a['detectMedianMs']:.2f} / {b.get('detectMedianMs', 0):.2f} |")
print(f"\nAgreement: {agree2}/{len(ao)} images.")
