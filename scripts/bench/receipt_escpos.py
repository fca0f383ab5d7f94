#!/usr/bin/env python3
"""The python-escpos side of the receipt benchmark (scripts/bench/receipt-printing.sh).

Builds the same acknowledgement as bench-receipt -- the same printed lines (taken from the Swift
layout, because python-escpos does not wrap CJK by display width), the title in bold double
size, a native QR code with the same payload, module size and error correction, and a cut --
with python-escpos's Dummy printer, N times, and reports the median time and whether its QR and
cut bytes equal ours.

Usage: receipt_escpos.py LINES.json N
"""
import json
import statistics
import sys
import time

from escpos.printer import Dummy
from escpos.constants import QR_ECLEVEL_M
import escpos


def build(lines, payload, module_size):
    p = Dummy()
    p.set(align="center", bold=True, double_height=True, double_width=True)
    p.text(lines[0].strip() + "\n")
    p.text(lines[1].strip() + "\n")
    p.set(align="left", bold=False, normal_textsize=True)
    for line in lines[2:]:
        if line.strip() == "［二维码］":
            p.qr(payload, native=True, size=module_size, ec=QR_ECLEVEL_M)
            continue
        if line.startswith("https://"):
            continue
        p.text(line + "\n")
    p.cut()
    return p.output


def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    n = int(sys.argv[2])
    lines = [l for l in spec["lines"] if l != ""]
    payload, size = spec["qr_payload"], spec["qr_module_size"]
    out = build(lines, payload, size)
    times = []
    for _ in range(n):
        start = time.perf_counter()
        out = build(lines, payload, size)
        times.append((time.perf_counter() - start) * 1e6)
    q = Dummy()
    q.qr(payload, native=True, size=size, ec=QR_ECLEVEL_M)
    qr = q.output.hex()
    c_full = Dummy()
    c_full.cut()
    c_part = Dummy()
    c_part.cut(mode="PART")
    print(json.dumps({
        "what": "python-escpos",
        "version": getattr(escpos, "__version__", "?"),
        "n": n,
        "bytes": len(out),
        "median_us": statistics.median(times),
        "min_us": min(times),
        "max_us": max(times),
        "qr_equal": qr == spec["qr_hex"],
        "qr_hex_python": qr,
        "cut_full_python": c_full.output.hex(),
        "cut_partial_python": c_part.output.hex(),
        "cut_full_equal_to_swift_full_feed6": c_full.output.hex() == spec["cut_hex_full_feed6"],
        "cut_kiosk_swift": spec["cut_hex_kiosk"],
        "qr_in_swift_receipt": spec["qr_in_receipt"],
        "chinese_in_output": "受理回执".encode("gb18030") in out,
    }, ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    main()
