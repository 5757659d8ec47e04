#!/usr/bin/env python3
"""Benchmark (issue 18): how fast a worker killed with `kill -9` runs again.

Why: `hm run --heal` used to find a dead worker only at its next cycle
(interval/2 + restart_delay on average). It now holds a pidfd for every
worker it found and heals the moment one exits. This measures the time
from `kill -9` to the new worker being visible in the process table (what
`pgrep -f` would find), for one worker and for WORKERS killed at once.

What it does:
  1. builds hm in release mode (`cargo build --release`, honouring
     CARGO_TARGET_DIR) unless --hm PATH or --no-build,
  2. spawns filler processes up to --processes in total (the restart's
     verification scans the whole process table, so the host's size counts),
  3. for each tool in TOOLS and each scenario (1 worker; --workers at once):
     writes that tool's config for the workers (`exec -a "recover-bench-I w"
     sleep 3600`, restart_delay 100ms, a budget that never runs out: a
     restart window shorter than the pause between kills), starts the tool,
     lets it start the workers, then --rounds times: kill -9 the workers,
     poll /proc every millisecond until each has a new pid, wait out the
     window and a random 0-5 s more (so kills land anywhere in a cycle of an
     interval-driven tool), again,
  4. prints p50/p99 (and max) of the per-worker recovery times and, for the
     mass scenario, of the time until all are back; writes benches/results-recover.md.

The peers, supervisord (`pip install supervisor`) and Monit (`apt install
monit`), run the same workers, killed and timed the same way, in the same
run; a peer that is not installed is skipped, loudly. systemd cannot run
here (no systemd as pid 1): its figure is from its documentation
(`Restart=` waits `RestartSec=100ms` by default, for units it started).

Adding a tool: write a class like HmEvents with
`name`, `start(dir, workers)` (start the supervisor with one program per
(name, argv0) in `workers`, each running `argv0_cmd(argv0)`, restart delay
RESTART_DELAY) and `stop()`, and add it to TOOLS. The harness does the rest.

Usage: python3 benches/recover.py                      # 20 rounds x (1 worker, 100 workers), 1,000 processes
       python3 benches/recover.py --rounds 5 --workers 20 --processes 0 --hm target/debug/hm
Figures on a busy machine are rough; rerun on a quiet one before quoting.
"""

import argparse, os, platform, random, shutil, signal, subprocess, sys, tempfile, time
from benchlib import pids_by_argv0, kill, pct, ms

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PREFIX = "recover-bench"
RESTART_DELAY = "100ms"
WINDOW_S = 2.0  # restart_window: the budget and backoff forget a restart after this


def argv0_cmd(argv0):
    """The worker every tool runs: sleep, with argv[0] telling it apart."""
    return ["bash", "-c", f"exec -a '{argv0}' sleep 3600"]


def stop_proc(proc):
    """SIGTERM, then SIGKILL after 10 s."""
    if proc:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class HmEvents:
    """hm run --heal --interval 30s: pidfds, the dead worker healed at once."""

    name = "hm run --heal (events)"
    args = ["--interval", "30s"]
    env = {}

    def __init__(self, hm):
        self.hm, self.proc = hm, None

    def start(self, d, workers):
        monitors = []
        for name, argv0 in workers:
            argv = ", ".join(f'"{a}"' for a in argv0_cmd(argv0))
            monitors.append(
                f'[[monitor]]\nname = "{name}"\nkind = "process"\npattern = "^{argv0} "\n'
                f"start = [{argv}]\nrestart_delay = \"{RESTART_DELAY}\"\nmax_restarts = 1000\n"
                f'restart_window = "{WINDOW_S:g}s"\n'
            )
        conf = os.path.join(d, "hm.toml")
        with open(conf, "w") as f:
            f.write("host_defaults = false\n\n" + "\n".join(monitors))
        env = dict(os.environ, HM_CONFIG=conf, HM_DB=os.path.join(d, "hm.db"), **self.env)
        self.log = open(os.path.join(d, "hm.log"), "w")
        self.proc = subprocess.Popen([self.hm, "run", "--heal", *self.args], env=env, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=self.log)

    def stop(self):
        if self.proc:
            stop_proc(self.proc)
            self.log.close()


class HmInterval(HmEvents):
    """hm run --heal --interval 5s with HM_NO_PIDFD=1: found at the next cycle."""

    name = "hm run --heal (HM_NO_PIDFD=1, interval 5s)"
    args = ["--interval", "5s"]
    env = {"HM_NO_PIDFD": "1"}


class Supervisord:
    """supervisord (PyPI) with autorestart and startsecs=0, its fastest
    settings; it has no restart delay to set (its main loop wakes once a
    second)."""

    name = "supervisord (autorestart, startsecs=0)"

    def __init__(self, hm):
        self.proc = None

    def start(self, d, workers):
        conf = os.path.join(d, "supervisord.conf")
        with open(conf, "w") as f:
            f.write(f"[supervisord]\nnodaemon=true\nlogfile={d}/sv.log\npidfile={d}/sv.pid\n"
                    f"[unix_http_server]\nfile={d}/sv.sock\n")
            for name, argv0 in workers:
                f.write(f"[program:{name}]\ncommand=bash -c \"exec -a '{argv0}' sleep 3600\"\n"
                        "autorestart=true\nstartsecs=0\nstartretries=1000\n")
        self.proc = subprocess.Popen(["supervisord", "-c", conf], stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop(self):
        stop_proc(self.proc)


class Monit:
    """Monit at its smallest cycle (`set daemon 1`), `check process NAME
    matching`, a start program that detaches the worker."""

    name = "Monit (set daemon 1)"

    def __init__(self, hm):
        self.proc = None

    def start(self, d, workers):
        rc, start = os.path.join(d, "monitrc"), os.path.join(d, "start")
        with open(start, "w") as f:
            f.write("#!/bin/bash\nsetsid bash -c \"exec -a '$1' sleep 3600\" </dev/null >/dev/null 2>&1 &\n")
        os.chmod(start, 0o755)
        with open(rc, "w") as f:
            f.write(f"set daemon 1\nset idfile {d}/id\nset statefile {d}/state\nset pidfile {d}/pid\n"
                    f"set logfile {d}/log\n")
            for name, argv0 in workers:
                f.write(f'check process {name} matching "^{argv0} "\n  start program = "{start} {argv0}"\n')
        os.chmod(rc, 0o600)
        self.proc = subprocess.Popen(["monit", "-I", "-c", rc], stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop(self):
        stop_proc(self.proc)


TOOLS = [HmEvents, HmInterval, Supervisord, Monit]


def wait_all(prefix, names, within):
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        seen = pids_by_argv0(prefix)
        if all(n in seen for n in names):
            return seen
        time.sleep(0.05)
    sys.exit(f"not all {len(names)} workers came up within {within:.0f}s")


def measure(tool, n, rounds, timeout, jitter, budget):
    """Per-worker recovery times and time-until-all-back of each round, seconds."""
    prefix = f"{PREFIX}-{n}-"
    workers = [(f"w{i}", f"{prefix}{i}") for i in range(n)]
    names = [a for _, a in workers]
    each, whole, lost = [], [], []
    with tempfile.TemporaryDirectory(prefix="hm-recover-") as d:
        tool.start(d, workers)
        try:
            old = wait_all(prefix, names, 60)
            time.sleep(WINDOW_S + 0.5)
            begun = time.monotonic()
            for r in range(rounds):
                if r and time.monotonic() - begun > budget:
                    print(f"  {tool.name}, {n} worker(s): {r} rounds in --budget {budget:.0f}s", file=sys.stderr)
                    break
                t0 = time.monotonic()
                kill(old[a] for a in names)
                back = {}
                while len(back) < n:
                    now = time.monotonic()
                    if now - t0 > timeout:
                        # Not all back: the scenario ends here, its
                        # figures so far kept, the rest of the run goes on.
                        print(f"  {tool.name}: round {r + 1}: {n - len(back)} of {n} not back after {timeout:.0f}s",
                              file=sys.stderr)
                        lost.append(n - len(back))
                        return each, whole, lost
                    seen = pids_by_argv0(prefix)
                    for a in names:
                        if a not in back and a in seen and seen[a] != old[a]:
                            back[a] = now - t0
                    time.sleep(0.001)
                each += back.values()
                whole.append(max(back.values()))
                old = wait_all(prefix, names, 10)
                print(f"  {tool.name}, {n} worker(s), round {r + 1}/{rounds}: all back in {whole[-1] * 1000:.0f} ms",
                      file=sys.stderr)
                # Past the restart window (no backoff), and at a random point
                # of an interval-driven tool's cycle.
                time.sleep(WINDOW_S + 0.5 + random.uniform(0, jitter))
        finally:
            tool.stop()
            kill(pids_by_argv0(prefix).values())
    return each, whole, lost


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hm", help="hm binary (default: build release)")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--workers", type=int, default=100, help="workers killed at once in the mass scenario")
    ap.add_argument("--processes", type=int, default=1000, help="fill the host up to this many processes")
    ap.add_argument("--jitter", type=float, default=5.0,
                    help="random extra pause between kills, seconds (a kill lands anywhere in a 5 s interval)")
    ap.add_argument("--budget", type=float, default=300,
                    help="seconds a scenario may take; it stops after the round that passes it (Monit with 100 workers)")
    ap.add_argument("--only", help="run only the tools whose name contains this")
    ap.add_argument("--out", default=os.path.join(ROOT, "benches", "results-recover.md"))
    a = ap.parse_args()
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    hm = a.hm or os.path.join(target, "release", "hm")
    if not a.hm and not a.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    filler = []
    try:
        have = sum(1 for p in os.listdir("/proc") if p.isdigit())
        for _ in range(max(0, a.processes - have)):
            filler.append(subprocess.Popen(["sleep", "3600"], stdin=subprocess.DEVNULL, start_new_session=True))
        rows = []
        for cls in TOOLS:
            if a.only and a.only not in cls.name:
                continue
            program = {Supervisord: "supervisord", Monit: "monit"}.get(cls)
            if program and not shutil.which(program):
                print(f"SKIPPED: {cls.name}: {program} is not installed", file=sys.stderr)
                continue
            for n in (1, a.workers):
                tool = cls(hm)
                each, whole, lost = measure(tool, n, a.rounds, timeout=60, jitter=a.jitter, budget=a.budget)
                rows.append((tool.name, n, len(each), each, whole, lost))
                write(a, rows)  # after every scenario: a long run cut short keeps what it measured
    finally:
        for p in filler:
            p.kill()
        for p in filler:
            p.wait()
    write(a, rows, echo=True)


def write(a, rows, echo=False):
    """The results table, to --out (and stdout)."""
    lines = [
        f"# Recovery from kill -9 ({time.strftime('%Y-%m-%d')}, {platform.node()}, {os.cpu_count()} CPUs, "
        f"{a.processes} processes, restart_delay {RESTART_DELAY})",
        "",
        "| tool | killed at once | kills | p50 | p99 | max | all back, p50 | all back, p99 | not back |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, n, kills, each, whole, lost in rows:
        if not each:
            lines.append(f"| {name} | {n} | 0 | | | | | | {sum(lost)} |")
            continue
        lines.append(f"| {name} | {n} | {kills} | {ms(pct(each, 50))} | {ms(pct(each, 99))} | {ms(max(each))} | "
                     f"{ms(pct(whole, 50))} | {ms(pct(whole, 99))} | {sum(lost)} |")
    text = "\n".join(lines) + "\n"
    if echo:
        print(text)
    with open(a.out, "w") as f:
        f.write(text)

if __name__ == "__main__":
    main()
