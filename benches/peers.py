#!/usr/bin/env python3
"""The peers of `hm run --heal` in the recovery benchmark (issue 18):
supervisord and Monit, each watching the same kind of worker, killed the
same way, timed the same way: from `kill -9` to a new worker found by
`pgrep`.

Each `run_*` function starts its tool on N workers in a temp dir, kills
them `rounds` times (all N at once each round) and returns the recovery
times in seconds: one per worker per round, `None` for a worker that was
not back within `limit` seconds. Everything it started is killed on the
way out. systemd cannot run here (no systemd as pid 1 in the sandbox): its
figure comes from its documentation (`RestartSec=100ms` by default).

Usage alone: python3 benches/peers.py [--workers N] [--rounds R]
"""

import argparse
import os
import shutil
import signal
import subprocess
import tempfile
import time


def pgrep(pattern):
    """Pids whose command line matches `pattern` (pgrep -f)."""
    out = subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True).stdout
    return {int(p) for p in out.split()}


def wait_for(cond, limit, step=0.005):
    """Poll `cond` until true or `limit` seconds pass; the time it took, or None."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if cond():
            return time.monotonic() - start
        time.sleep(step)
    return None


def kill_round(prefix, n, limit):
    """Kill the N workers named PREFIX-I at once; the time each took to come back."""
    old = {i: pgrep(f"^{prefix}-{i} ") for i in range(n)}
    if not all(old.values()):
        raise RuntimeError(f"{prefix}: not every worker runs before the kill: {old}")
    killed_at = time.monotonic()
    for pids in old.values():
        for pid in pids:
            os.kill(pid, signal.SIGKILL)
    back = {}
    while time.monotonic() - killed_at < limit and len(back) < n:
        running = pgrep(f"^{prefix}-")
        now = time.monotonic() - killed_at
        for i in range(n):
            if i in back:
                continue
            # A new pid for worker i (pgrep -f lists by pattern; match per worker).
            mine = {p for p in running if _cmdline(p).startswith(f"{prefix}-{i} ")}
            if mine - old[i]:
                back[i] = now
        time.sleep(0.005)
    return [back.get(i) for i in range(n)]


def _cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def worker_command(prefix, i):
    """The worker: `sleep` renamed so that pgrep -f finds it by name."""
    return f"exec -a '{prefix}-{i} run' sleep 3600"


def run_supervisord(n, rounds, limit=10.0):
    """supervisord with autorestart and startsecs=0 (its fastest settings)."""
    if not shutil.which("supervisord"):
        return None
    d = tempfile.mkdtemp(prefix="hm-bench-sv-")
    prefix = "bench-sv-w"
    conf = os.path.join(d, "supervisord.conf")
    with open(conf, "w") as f:
        f.write(f"[supervisord]\nnodaemon=true\nlogfile={d}/sv.log\npidfile={d}/sv.pid\n")
        f.write(f"[unix_http_server]\nfile={d}/sv.sock\n")
        for i in range(n):
            f.write(
                f"[program:w{i}]\ncommand=bash -c \"{worker_command(prefix, i)}\"\n"
                "autorestart=true\nstartsecs=0\nstartretries=1000\n"
            )
    proc = subprocess.Popen(["supervisord", "-c", conf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if wait_for(lambda: len(pgrep(f"^{prefix}-")) >= n, 30) is None:
            raise RuntimeError("supervisord did not start every worker")
        times = []
        for _ in range(rounds):
            times += kill_round(prefix, n, limit)
            wait_for(lambda: len(pgrep(f"^{prefix}-")) >= n, limit)
        return times
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        for pid in pgrep(f"^{prefix}-"):
            os.kill(pid, signal.SIGKILL)
        shutil.rmtree(d, ignore_errors=True)


def run_monit(n, rounds, limit=10.0, cycle=1):
    """Monit at its smallest cycle (`set daemon 1`), `check process ... matching`."""
    if not shutil.which("monit"):
        return None
    d = tempfile.mkdtemp(prefix="hm-bench-monit-")
    prefix = "bench-mon-w"
    rc = os.path.join(d, "monitrc")
    start = os.path.join(d, "start")
    with open(start, "w") as f:
        f.write(f"#!/bin/bash\nsetsid bash -c \"exec -a '{prefix}-$1 run' sleep 3600\" </dev/null >/dev/null 2>&1 &\n")
    os.chmod(start, 0o755)
    with open(rc, "w") as f:
        f.write(
            f"set daemon {cycle}\nset idfile {d}/id\nset statefile {d}/state\nset pidfile {d}/pid\n"
            f"set logfile {d}/log\n"
        )
        for i in range(n):
            f.write(f'check process w{i} matching "^{prefix}-{i} "\n  start program = "{start} {i}"\n')
    os.chmod(rc, 0o600)
    proc = subprocess.Popen(["monit", "-I", "-c", rc], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if wait_for(lambda: len(pgrep(f"^{prefix}-")) >= n, 60) is None:
            raise RuntimeError("monit did not start every worker")
        # Monit confirms a start on its next cycle: let it, before a kill.
        time.sleep(2 * cycle + 0.5)
        times = []
        for _ in range(rounds):
            times += kill_round(prefix, n, limit)
            wait_for(lambda: len(pgrep(f"^{prefix}-")) >= n, limit)
            time.sleep(2 * cycle + 0.5)
        return times
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        for pid in pgrep(f"^{prefix}-"):
            os.kill(pid, signal.SIGKILL)
        shutil.rmtree(d, ignore_errors=True)


def summary(times):
    """p50, p99 and max in ms, and how many never came back."""
    got = sorted(t for t in times if t is not None)
    if not got:
        return "none came back"
    pick = lambda q: got[min(len(got) - 1, int(q * len(got)))] * 1000
    return f"p50 {pick(0.5):.0f} ms, p99 {pick(0.99):.0f} ms, max {got[-1] * 1000:.0f} ms, lost {len(times) - len(got)}"


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()
    for name, fn in [("supervisord", run_supervisord), ("monit", run_monit)]:
        t = fn(a.workers, a.rounds)
        print(f"{name}: {summary(t) if t is not None else 'not installed'}", flush=True)
