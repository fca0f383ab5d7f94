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
import subprocess
import sys
import tempfile
import time

KIOSKD, ASSETS, REGION, JOURNEYS = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
COLUMNS, ROWS = 127, 26
DRIVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "screenshot_journey.py")


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def slope(values):
    """Least-squares growth per step of `values` (KiB per journey)."""
    n = len(values)
    if n < 2:
        return 0.0
    mx, my = (n - 1) / 2, sum(values) / n
    return sum((i - mx) * (v - my) for i, v in enumerate(values)) / sum((i - mx) ** 2 for i in range(n))


def main():
    with tempfile.TemporaryDirectory() as work:
        sock = os.path.join(work, "tmux.sock")
        argv = [KIOSKD, "--demo", "--region", REGION, "--assets", ASSETS, "--data-dir", os.path.join(work, "data"),
                "--status", "127.0.0.1:0"]
        subprocess.run(["tmux", "-S", sock, "-f", "/dev/null", "new-session", "-d", "-s", "kiosk", "-x", str(COLUMNS),
                        "-y", str(ROWS)] + argv, check=True)
        subprocess.run(["tmux", "-S", sock, "set", "-g", "status", "off"], capture_output=True)
        try:
            pid = int(subprocess.run(["tmux", "-S", sock, "display", "-p", "-t", "kiosk", "#{pane_pid}"],
                                     capture_output=True, text=True).stdout.strip())
            deadline = time.time() + 60
            while time.time() < deadline and "开始办理" not in subprocess.run(
                    ["tmux", "-S", sock, "capture-pane", "-p", "-t", "kiosk"], capture_output=True, text=True).stdout:
                time.sleep(0.2)
            time.sleep(3)
            idle = rss_kib(pid)
            print(f"kioskd {KIOSKD}, region {REGION}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
            print(f"idle on home before any journey: {idle / 1024:7.1f} MiB", flush=True)
            samples, started = [], time.time()
            for n in range(1, JOURNEYS + 1):
                subprocess.run([sys.executable, DRIVER, sock, "-", REGION, ASSETS, "--journey-only"], check=True,
                               stdout=subprocess.DEVNULL)
                time.sleep(3)
                samples.append(rss_kib(pid))
                print(f"after journey {n:3d}: {samples[-1] / 1024:7.1f} MiB   ({time.time() - started:6.0f} s)", flush=True)
        finally:
            subprocess.run(["tmux", "-S", sock, "kill-server"], capture_output=True)
    first, last = samples[0], samples[-1]
    half = samples[len(samples) // 2:]
    print(f"after journey 1 (baseline) {first / 1024:.1f} MiB; after journey {JOURNEYS} {last / 1024:.1f} MiB: "
          f"ratio {last / first:.3f}; peak {max(samples) / 1024:.1f} MiB")
    print(f"growth over the second half ({len(half)} journeys): {slope(half):.1f} KiB per journey")


if __name__ == "__main__":
    main()
