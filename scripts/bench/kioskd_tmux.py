"""kioskd running in a detached tmux session, for the benches that walk journeys through it.

Shared by journey_bench.py (memory after one journey) and soak_rss.py (memory over many):
starts the session, waits for the home screen, walks one journey with
scripts/screenshot_journey.py (no screenshots) and reads the process's VmRSS.
"""
import os
import subprocess
import sys
import tempfile
import time

DRIVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "screenshot_journey.py")


def rss_kib(pid):
    """VmRSS of `pid` in KiB, from /proc."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class KioskdInTmux:
    """`with KioskdInTmux(argv_for(data_dir), columns, rows) as kiosk:`; killed on exit."""

    def __init__(self, argv_for, columns, rows):
        self.argv_for, self.columns, self.rows = argv_for, columns, rows

    def __enter__(self):
        self.work = tempfile.TemporaryDirectory()
        self.sock = os.path.join(self.work.name, "tmux.sock")
        subprocess.run(["tmux", "-S", self.sock, "-f", "/dev/null", "new-session", "-d", "-s", "kiosk", "-x", str(self.columns),
                        "-y", str(self.rows)] + self.argv_for(os.path.join(self.work.name, "data")), check=True)
        subprocess.run(["tmux", "-S", self.sock, "set", "-g", "status", "off"], capture_output=True)
        self.pid = int(subprocess.run(["tmux", "-S", self.sock, "display", "-p", "-t", "kiosk", "#{pane_pid}"],
                                      capture_output=True, text=True).stdout.strip())
        return self

    def __exit__(self, *exc):
        subprocess.run(["tmux", "-S", self.sock, "kill-server"], capture_output=True)
        self.work.cleanup()
        return False

    def wait_for_home(self, timeout=60, settle=3):
        deadline = time.time() + timeout
        while time.time() < deadline and "开始办理" not in subprocess.run(
                ["tmux", "-S", self.sock, "capture-pane", "-p", "-t", "kiosk"], capture_output=True, text=True).stdout:
            time.sleep(0.2)
        time.sleep(settle)

    def journey(self, region, assets, settle=3):
        """One whole journey, ending back on home with the session wiped."""
        subprocess.run([sys.executable, DRIVER, self.sock, "-", region, assets, "--journey-only"], check=True,
                       stdout=subprocess.DEVNULL)
        time.sleep(settle)

    def rss_kib(self):
        return rss_kib(self.pid)
