#!/usr/bin/env python3
"""kioskd's resident memory over many journeys in one process: does it keep growing?

    soak_rss.py KIOSKD ASSETS REGION JOURNEYS

kioskd --demo runs in tmux (as scripts/bench/journey_bench.py's memory part does); the same
whole journey (scripts/screenshot_journey.py --journey-only, no screenshots) is walked JOURNEYS
times, each ending back on the home screen with the session wiped. VmRSS is read on the idle
home screen before the first journey and 3 s after each. The baseline is the process itself
after its first journey (allocator and caches warmed): the figures are the ratio of the last
sample to it, and the growth per journey over the second half (least squares), where a leak
shows as a steady slope and warm-up does not.
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kioskd_tmux import KioskdInTmux  # noqa: E402

KIOSKD, ASSETS, REGION, JOURNEYS = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
COLUMNS, ROWS = 127, 26


def slope(values):
    """Least-squares growth per step of `values` (KiB per journey)."""
    n = len(values)
    if n < 2:
        return 0.0
    mx, my = (n - 1) / 2, sum(values) / n
    return sum((i - mx) * (v - my) for i, v in enumerate(values)) / sum((i - mx) ** 2 for i in range(n))


def main():
    argv = lambda data: [KIOSKD, "--demo", "--region", REGION, "--assets", ASSETS, "--data-dir", data, "--status", "127.0.0.1:0"]
    with KioskdInTmux(argv, COLUMNS, ROWS) as kiosk:
        kiosk.wait_for_home()
        idle = kiosk.rss_kib()
        print(f"kioskd {KIOSKD}, region {REGION}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
        print(f"idle on home before any journey: {idle / 1024:7.1f} MiB", flush=True)
        samples, started = [], time.time()
        for n in range(1, JOURNEYS + 1):
            kiosk.journey(REGION, ASSETS)
            samples.append(kiosk.rss_kib())
            print(f"after journey {n:3d}: {samples[-1] / 1024:7.1f} MiB   ({time.time() - started:6.0f} s)", flush=True)
    first, last = samples[0], samples[-1]
    half = samples[len(samples) // 2:]
    print(f"after journey 1 (baseline) {first / 1024:.1f} MiB; after journey {JOURNEYS} {last / 1024:.1f} MiB: "
          f"ratio {last / first:.3f}; peak {max(samples) / 1024:.1f} MiB")
    print(f"growth over the second half ({len(half)} journeys): {slope(half):.1f} KiB per journey")


if __name__ == "__main__":
    main()
