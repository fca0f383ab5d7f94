#!/usr/bin/env python3
"""Technician mode's touch test on the real kioskd --demo: the time to complete it with scripted
taps, against a baseline of the same run.

    touch_test_bench.py KIOSKD KIOSKCTL ASSETS RUNS

kioskd runs in a pseudo-terminal (127×26) with a configuration holding a technician PIN's hash;
the script enters by the hidden corner gesture, types the PIN and opens 触摸测试. Each run then:
- baseline: five SGR touches on the test's empty area (each a miss, answered by a frame), from
  the first write to the fifth answering frame — the same runtime, reducer and screen with
  nothing to complete;
- the test: 重新测试, then the five targets (corners and centre), each touch written when the
  previous one's frame arrived, until the frame showing 用时; and the kiosk's own figure (用时,
  measured by the host on the kiosk's clock from 重新测试 to the fifth hit, so it includes the
  script's 0.3 s wait for the screen to settle before the first target).
Reuses the pty driver of journey_bench.py.
"""
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

KIOSKD, KIOSKCTL, ASSETS, RUNS = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
sys.argv = [sys.argv[0], KIOSKD, KIOSKCTL, ASSETS, "chongqing", "1"]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import journey_bench as jb  # noqa: E402

PIN = "482916"
TARGETS = [(6, 2), (121, 2), (63, 12), (6, 24), (121, 24)]  # centres of TouchTest.Target.rect at 127×26
MISS = (40, 6)


def touch(p, x, y):
    jb.tap(p, x - 1, y)  # journey_bench's tap writes column x + 2 (1-based, one cell in)


def frames_after(p, count, text=None):
    return p.read_until(lambda d: d.count(jb.END_FRAME) >= count and (text is None or text.encode() in d), timeout=30)


def main():
    work = tempfile.mkdtemp(prefix="touch-test-bench-")
    digest = subprocess.run([KIOSKCTL, "technician", "pin-hash"], input=PIN, capture_output=True, text=True, check=True).stdout.strip()
    config = os.path.join(work, "kioskd.toml")
    with open(config, "w") as f:
        f.write(f'demo = true\nregion = "chongqing"\n\n[technician]\npin_hash = "{digest}"\n')
    p = jb.Pty([KIOSKD, "--demo", "--config", config, "--data-dir", os.path.join(work, "demo"), "--assets", ASSETS,
                "--status", "127.0.0.1:0", "--event-log", "none"])
    try:
        p.read_until(lambda d: "开始办理".encode() in d and d.endswith(jb.END_FRAME))
        p.drain()
        for _ in range(5):
            touch(p, 1, 1)
        p.read_until(lambda d: "维护密码".encode() in d)
        os.write(p.fd, (PIN + "\r").encode())
        p.read_until(lambda d: "维护菜单".encode() in d)
        p.drain()
        x, y = p.screen.find("触摸测试")
        touch(p, x + 1, y)
        p.read_until(lambda d: "命中 0/5".encode() in d)
        p.drain()
        baseline, scripted, measured = [], [], []
        for _ in range(RUNS):
            x, y = p.screen.find("重新测试")
            touch(p, x + 1, y)
            frames_after(p, 1)  # the reset frame writes only the cells that changed
            p.drain()
            start = time.perf_counter()
            for _ in range(5):
                touch(p, *MISS)
                frames_after(p, 1)
            baseline.append(time.perf_counter() - start)
            p.drain()
            x, y = p.screen.find("重新测试")
            touch(p, x + 1, y)
            frames_after(p, 1)  # the reset frame writes only the cells that changed
            p.drain()
            start = time.perf_counter()
            for index, (tx, ty) in enumerate(TARGETS):
                touch(p, tx, ty)
                frames_after(p, 1, "用时" if index == 4 else None)
            scripted.append(time.perf_counter() - start)
            p.drain()
            shown = "\n".join("".join(row) for row in p.screen.cells)
            found = re.search(r"用时 ([0-9.]+) 秒", shown.replace("\0", ""))
            if found:
                measured.append(float(found.group(1)))
        b, s = statistics.median(baseline), statistics.median(scripted)
        print(f"| five misses (baseline) | {b * 1000:.1f} | {jb.percentile(baseline, 90) * 1000:.1f} | 1.0 |")
        print(f"| touch test, five targets to 用时 | {s * 1000:.1f} | {jb.percentile(scripted, 90) * 1000:.1f} | {s / b:.2f} |")
        if measured:
            print(f"| the kiosk's own 用时 (host clock) | {statistics.median(measured) * 1000:.0f} | "
                  f"{jb.percentile(measured, 90) * 1000:.0f} | {statistics.median(measured) / b:.2f} |")
    finally:
        p.stop()
        subprocess.run(["rm", "-rf", work])


main()
