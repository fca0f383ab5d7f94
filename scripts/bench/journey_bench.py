#!/usr/bin/env python3
"""kioskd's start, touch latency and memory, each as a ratio against a baseline of the same run.

    journey_bench.py KIOSKD KIOSKCTL ASSETS REGION TOUCHES

- start to first frame: `kioskd --demo` spawned in a pseudo-terminal until its home screen's
  frame is complete (end of the synchronized update), against the same binary's `--help` (process
  start and the Swift runtime, no world).
- touch to frame: an SGR touch (press + release, as foot sends a finger) on an optional item of
  the items screen, until the end of the frame that answers it; against the same touch on a
  checkbox of `kioskctl ui demo` (the same TerminalUI runtime and renderer with a trivial model,
  so the ratio is what the kiosk's reducer, plan and screens add) and the pseudo-terminal's own
  round trip (`cat` echoing a byte, the floor any program has).
- RSS: kioskd's resident memory on the home screen (idle) and back on it after a whole journey,
  driven through tmux by scripts/screenshot_journey.py without screenshots.
"""
import json
import os
import pty
import re
import select
import signal
import statistics
import sys
import tempfile
import time
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kioskd_tmux import KioskdInTmux  # noqa: E402

KIOSKD, KIOSKCTL, ASSETS, REGION, TOUCHES = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
COLUMNS, ROWS = 127, 26
END_FRAME = b"\x1b[?2026l"
CSI = re.compile(r"\x1b\[([?0-9;$]*)([@-~])")


def width(c):
    return 0 if unicodedata.combining(c) else (2 if unicodedata.east_asian_width(c) in "WF" else 1)


class Screen:
    """Just enough of a terminal to find a label: cursor moves, clears, text (wide glyphs)."""

    def __init__(self):
        self.cells = [[" "] * COLUMNS for _ in range(ROWS)]
        self.x = self.y = 0

    def feed(self, text):
        i = 0
        while i < len(text):
            c = text[i]
            if c == "\x1b":
                m = CSI.match(text, i)
                if m:
                    params, final = m.groups()
                    if final == "H":
                        parts = (params.split(";") + ["1", "1"])[:2]
                        self.y, self.x = int(parts[0] or 1) - 1, int(parts[1] or 1) - 1
                    elif final == "J" and params == "2":
                        self.cells = [[" "] * COLUMNS for _ in range(ROWS)]
                    i = m.end()
                    continue
                i += 2
                continue
            if c == "\r":
                self.x = 0
            elif c == "\n":
                self.y = min(ROWS - 1, self.y + 1)
            elif c >= " " and 0 <= self.y < ROWS:
                w = width(c)
                if self.x < COLUMNS:
                    self.cells[self.y][self.x] = c
                    if w == 2 and self.x + 1 < COLUMNS:
                        self.cells[self.y][self.x + 1] = ""
                self.x += w
            i += 1

    def find(self, label):
        for y, row in enumerate(self.cells):
            line = "".join(row)
            at = line.find(label)
            if at >= 0:
                return sum(width(c) for c in line[:at]), y
        return None


class Pty:
    def __init__(self, argv):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execv(argv[0], argv)
        import fcntl, termios, struct
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.screen = Screen()
        self.pending = b""

    def read_until(self, done, timeout=60):
        """Reads until done(bytes so far) holds; answers the synchronized-output query as foot does."""
        data = b""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                break
            if b"\x1b[?2026$p" in chunk:
                os.write(self.fd, b"\x1b[?2026;2$y")
            data += chunk
            if done(data):
                break
        self.screen.feed(data.decode("utf-8", "replace"))
        return data

    def drain(self, quiet=0.3):
        data = b""
        while True:
            ready, _, _ = select.select([self.fd], [], [], quiet)
            if not ready:
                break
            chunk = os.read(self.fd, 65536)
            if b"\x1b[?2026$p" in chunk:
                os.write(self.fd, b"\x1b[?2026;2$y")
            data += chunk
        self.screen.feed(data.decode("utf-8", "replace"))

    def stop(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self.fd)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def first_frame(p, label="开始办理".encode(), quiet=0.1, timeout=60):
    """Reads until `label` has been drawn and the output then pauses for `quiet` seconds; returns
    the time the frame's last byte arrived. (The first frame goes out before the terminal has
    answered the synchronized-output query, so it has no end-of-update marker.)"""
    data, last = b"", time.perf_counter()
    deadline = last + timeout
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([p.fd], [], [], quiet)
        if not ready:
            if label in data:
                break
            continue
        try:
            chunk = os.read(p.fd, 65536)
        except OSError:
            break
        last = time.perf_counter()
        if b"\x1b[?2026$p" in chunk:
            os.write(p.fd, b"\x1b[?2026;2$y")
        data += chunk
    p.screen.feed(data.decode("utf-8", "replace"))
    return last


def demo_argv(data_dir):
    return [KIOSKD, "--demo", "--region", REGION, "--assets", ASSETS, "--data-dir", data_dir, "--status", "127.0.0.1:0"]


def bench_start(runs=5):
    starts, helps = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        p = Pty([KIOSKD, "--help"])
        p.read_until(lambda d: False, timeout=30)  # to EOF
        helps.append(time.perf_counter() - t0)
        p.stop()
        with tempfile.TemporaryDirectory() as data:
            t0 = time.perf_counter()
            p = Pty(demo_argv(data))
            starts.append(first_frame(p) - t0)
            p.stop()
    return statistics.median(starts), statistics.median(helps)


def tap(p, x, y):
    os.write(p.fd, f"\x1b[<0;{x + 2};{y + 1}M\x1b[<0;{x + 2};{y + 1}m".encode())


def items_target(p):
    """From home to the items screen (the demo lays its card on the reader); returns the place of
    an optional item, whose tap toggles it and draws a frame."""
    profile = json.load(open(os.path.join(ASSETS, "regions", f"{REGION}.json")))
    x, y = p.screen.find("开始办理")
    tap(p, x, y)
    # The demo lays its card on the reader; the category (if several) then the items.
    deadline = time.time() + 30
    while time.time() < deadline and not (p.screen.find("请选择要办理的事项") or p.screen.find("请选择您的退役类型")):
        p.drain(0.5)
    if p.screen.find("请选择您的退役类型"):
        x, y = p.screen.find(profile["categories"][0]["name"])
        tap(p, x, y)
        p.drain(1.0)
    optional = [i["name"] for i in profile["items"] if not i.get("mandatory") and i.get("channel") != "displayOnly"]
    target = next((p.screen.find(name) for name in optional if p.screen.find(name)), None)
    if target is None:
        sys.exit("journey_bench: no optional item on the items screen:\n" + "\n".join("".join(r) for r in p.screen.cells))
    return target


def bench_touch():
    with tempfile.TemporaryDirectory() as data:
        p = Pty(demo_argv(data))
        first_frame(p)
        p.drain(1.0)
        latencies = touch_series(p, items_target(p))
        p.stop()
    demo = Pty([KIOSKCTL, "ui", "demo"])
    first_frame(demo, label="户口簿".encode())
    demo.drain(1.0)
    widget = touch_series(demo, demo.screen.find("户口簿"))
    demo.stop()
    echo = []
    c = Pty(["/bin/cat"])
    for _ in range(TOUCHES + 10):
        t0 = time.perf_counter()
        os.write(c.fd, b"x\n")
        c.read_until(lambda d: d.count(b"x") >= 2, timeout=5)  # the tty's echo, then cat's copy
        echo.append(time.perf_counter() - t0)
    c.stop()
    echo = echo[10:]  # the first round trips wake cat and the tty
    return latencies, widget, echo


def touch_series(p, target):
    """TOUCHES taps on `target`, each timed from the write to the end of the frame answering it."""
    latencies = []
    for _ in range(TOUCHES):
        t0 = time.perf_counter()
        tap(p, *target)
        p.read_until(lambda d: END_FRAME in d, timeout=10)
        latencies.append(time.perf_counter() - t0)
        p.drain(0.02)
    return latencies


def bench_memory():
    with KioskdInTmux(demo_argv, COLUMNS, ROWS) as kiosk:
        kiosk.wait_for_home()
        idle = kiosk.rss_kib()
        kiosk.journey(REGION, ASSETS)
        return idle, kiosk.rss_kib()


def main():
    print(f"kioskd {KIOSKD}, region {REGION}, {COLUMNS}×{ROWS}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    start, help_start = bench_start()
    print(f"start to first frame   median {start * 1000:8.1f} ms   baseline (kioskd --help) {help_start * 1000:7.1f} ms   ratio {start / help_start:6.1f}")
    latencies, widget, echo = bench_touch()
    p50, p99 = percentile(latencies, 50), percentile(latencies, 99)
    for name, base in [("kioskctl ui demo", widget), ("pty echo", echo)]:
        b50, b99 = percentile(base, 50), percentile(base, 99)
        print(f"touch to frame ({TOUCHES})  p50 {p50 * 1000:7.2f} ms  p99 {p99 * 1000:7.2f} ms   "
              f"baseline ({name}) p50 {b50 * 1000:7.3f} ms p99 {b99 * 1000:7.3f} ms   ratio p50 {p50 / b50:6.1f} p99 {p99 / b99:6.1f}")
    idle, after = bench_memory()
    print(f"RSS idle (home)        {idle / 1024:8.1f} MiB   after a journey {after / 1024:8.1f} MiB   ratio {after / idle:5.2f}")


if __name__ == "__main__":
    main()
