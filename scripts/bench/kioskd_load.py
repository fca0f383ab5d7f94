#!/usr/bin/env python3
"""kioskd as a daemon: start to ready, idle memory and CPU, and the veteran's touch-to-frame while
the status API is under load — each against a baseline of the same run.

    kioskd_load.py KIOSKD KIOSKCTL ASSETS REGION TOUCHES SECONDS

- start to ready: kioskd's own `daemon-start-complete` event (status API listening and pre-flight
  run), against the first frame's arrival in the same start.
- idle: RSS and CPU share over SECONDS on the home screen (ticks, device polls, the outbox service,
  heartbeats), against the same process's CPU while serving `/v1/status` under wrk.
- touch to frame under load: TOUCHES taps on an optional item (journey_bench's series) with no
  load, then the same series while wrk (2 threads, 8 connections) asks `/v1/status` and `/metrics`;
  the ratio loaded/unloaded at p50 and p99 says whether operators' polling slows the screen.
"""
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time

KIOSKD, KIOSKCTL, ASSETS, REGION, TOUCHES, SECONDS = sys.argv[1:7]
sys.argv = [sys.argv[0], KIOSKD, KIOSKCTL, ASSETS, REGION, TOUCHES]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import journey_bench as jb  # noqa: E402

SECONDS = float(SECONDS)
TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def cpu_share(pid, seconds):
    c0, t0 = cpu_seconds(pid), time.perf_counter()
    time.sleep(seconds)
    return (cpu_seconds(pid) - c0) / (time.perf_counter() - t0)


def wrk(port, path, seconds):
    return subprocess.Popen(["wrk", "-t2", "-c8", f"-d{int(seconds)}s", "--latency", f"http://127.0.0.1:{port}{path}"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def wrk_summary(output):
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p99 = re.search(r"99%\s+([\d.]+\w+)", output)
    return f"{float(rate.group(1)):.0f} req/s, p99 {p99.group(1)}" if rate and p99 else output.strip().splitlines()[-1]


def main():
    print(f"kioskd {KIOSKD}, region {REGION}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as data:
        port = free_port()
        events = os.path.join(data, "events.jsonl")
        t0 = time.perf_counter()
        p = jb.Pty([KIOSKD, "--demo", "--region", REGION, "--assets", ASSETS, "--data-dir", os.path.join(data, "d"),
                    "--status", f"127.0.0.1:{port}", "--event-log", events])
        first = jb.first_frame(p) - t0
        ready = None
        for _ in range(100):
            for line in open(events) if os.path.exists(events) else []:
                event = json.loads(line)
                if event.get("event") == "daemon-start-complete":
                    ready = int(event["duration_ms"]) / 1000
            if ready is not None:
                break
            time.sleep(0.1)
        print(f"start to ready          {ready * 1000:8.0f} ms   baseline (first frame, same start) {first * 1000:7.0f} ms   ratio {ready / first:5.2f}")
        p.drain(2.0)
        idle_cpu = cpu_share(p.pid, SECONDS)
        idle_rss = jb.rss_kib(p.pid)
        load = wrk(port, "/v1/status", SECONDS)
        busy_cpu = cpu_share(p.pid, SECONDS)
        load.communicate()
        print(f"idle on home            RSS {idle_rss / 1024:6.1f} MiB   CPU {idle_cpu * 100:5.2f} % of a core   "
              f"baseline (serving /v1/status under wrk) CPU {busy_cpu * 100:5.1f} %   ratio {idle_cpu / busy_cpu:6.3f}")

        target = jb.items_target(p)
        quiet = jb.touch_series(p, target)
        loads = [wrk(port, "/v1/status", 3600), wrk(port, "/metrics", 3600)]
        time.sleep(1)
        loaded = jb.touch_series(p, target)
        for w in loads:
            w.terminate()
        outputs = [w.communicate()[0] for w in loads]
        q50, q99 = jb.percentile(quiet, 50), jb.percentile(quiet, 99)
        l50, l99 = jb.percentile(loaded, 50), jb.percentile(loaded, 99)
        print(f"touch to frame ({TOUCHES})  no load p50 {q50 * 1000:6.2f} ms p99 {q99 * 1000:6.2f} ms   "
              f"under wrk p50 {l50 * 1000:6.2f} ms p99 {l99 * 1000:6.2f} ms   ratio p50 {l50 / q50:5.2f} p99 {l99 / q99:5.2f}")
        p.stop()
        # wrk killed early prints no summary; the load it made is what the touches met.
        for path, out in zip(["/v1/status", "/metrics"], outputs):
            if "Requests/sec" in out:
                print(f"  wrk {path}: {wrk_summary(out)}")


main()
