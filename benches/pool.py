#!/usr/bin/env python3
"""Benchmark: one pool of 1,000 instances (`instances = 1000`).

Why: a pool is expanded into N monitors when the config is read, so every
part of hm sees 1,000 monitors: one config parse and validation, 1,000
patterns matched against the process table, 1,000 rows recorded, and 1,000
pidfds watched. This measures what that costs, on a host with
--processes other processes:

  1. `hm check` wall time with every instance running (median and max of
     --checks runs, after one to warm the database),
  2. under `hm run --heal --interval 30s`: its RSS, and --kill instances
     killed at once with kill -9, --rounds times: the time from the kill
     until each has a new pid (p50/p99) and until all are back,
  3. the same kills against supervisord with `numprocs = 1000`, in the
     same run, when it is installed (`pip install supervisor`).

Workers: `bash -c "exec -a 'pool-bench-I w' sleep 3600"`, restart_delay
100ms, a budget that never runs out. Writes benches/results-pool.md.

With --compare OLD, `hm check` is timed for OLD too, the two taking
turns on the same pool (each with its own database), and each check's
CPU (user + system, from its rusage) beside its wall time.

Usage: python3 benches/pool.py                       # builds release first
       python3 benches/pool.py --hm target/release/hm --rounds 5
       python3 benches/pool.py --hm target/release/hm --compare /tmp/hm-before --rounds 0 --no-supervisord
       python3 benches/pool.py ... --history grown.db   # a database with hours of history (api@1 ... api@N)
Figures on a busy machine are rough; rerun on a quiet one before quoting.
"""

import argparse, os, platform, resource, shutil, signal, statistics, subprocess, sys, tempfile, time
from benchlib import kill, ms, pct, pids_by_argv0, rss_mib, ticks

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PREFIX = "pool-bench-"


def pids_by_instance():
    """instance number -> pid of every live worker."""
    out = {}
    for head, pid in pids_by_argv0(PREFIX).items():
        try:
            out[int(head[len(PREFIX):].split(" ")[0])] = pid
        except ValueError:
            pass
    return out


def wait_all(n, within):
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        seen = pids_by_instance()
        if all(i in seen for i in range(1, n + 1)):
            return seen
        time.sleep(0.05)
    sys.exit(f"not all {n} instances came up within {within:.0f}s ({len(pids_by_instance())} did)")


def settled(pid, quiet=2.0, within=120):
    """Wait until `hm run` has used no CPU for `quiet` seconds: the starts
    of the pool verified and their first cycles done, so that the checks
    timed next are not timed against the daemon's own work."""
    deadline, last, since = time.monotonic() + within, ticks(pid), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.25)
        now = ticks(pid)
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
    print(f"hm run still busy after {within} s; timing anyway", file=sys.stderr)


def pool_config(n):
    return (
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\n"
        f"instances = {n}\npattern = \"^{PREFIX}{{i}} \"\n"
        f"start = [\"bash\", \"-c\", \"exec -a '{PREFIX}{{i}} w' sleep 3600\"]\n"
        "restart_delay = \"100ms\"\nmax_restarts = 1000\nrestart_window = \"2s\"\n"
    )


def kills(n, kill_n, rounds):
    """Kill kill_n instances at once, rounds times; per-instance and all-back times, seconds."""
    each, whole = [], []
    old = wait_all(n, 120)
    for r in range(rounds):
        victims = list(range(1 + (r * 7) % (n - kill_n + 1), 1 + (r * 7) % (n - kill_n + 1) + kill_n))
        t0 = time.monotonic()
        kill(old[i] for i in victims)
        back = {}
        while len(back) < len(victims):
            now = time.monotonic()
            if now - t0 > 60:
                print(f"  round {r + 1}: {len(victims) - len(back)} not back after 60 s", file=sys.stderr)
                return each, whole
            seen = pids_by_instance()
            for i in victims:
                if i not in back and i in seen and seen[i] != old[i]:
                    back[i] = now - t0
            time.sleep(0.001)
        each += back.values()
        whole.append(max(back.values()))
        print(f"  round {r + 1}/{rounds}: {kill_n} back in {whole[-1] * 1000:.0f} ms", file=sys.stderr)
        old = wait_all(n, 30)
        time.sleep(2.5)  # past the restart window: no backoff
    return each, whole


def bench_hm(hm, d, a, rows):
    conf, db = os.path.join(d, "hm.toml"), os.path.join(d, "hm.db")
    with open(conf, "w") as f:
        f.write(pool_config(a.instances))
    env = dict(os.environ, HM_CONFIG=conf, HM_DB=db, NO_COLOR="1")
    if a.history:
        for copy in (db, os.path.join(d, "compare.db")):
            shutil.copyfile(a.history, copy)
    log = open(os.path.join(d, "hm.log"), "w")
    proc = subprocess.Popen([hm, "run", "--heal", "--interval", "30s"], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=log)
    try:
        wait_all(a.instances, 300)
        time.sleep(3)
        settled(proc.pid)
        bins = [hm] + ([a.compare] if a.compare else [])
        walls, cpus = {b: [] for b in bins}, {b: [] for b in bins}
        for k in range(a.checks + 1):
            for b in bins:
                benv = dict(env, HM_DB=db if b == hm else os.path.join(d, "compare.db"))
                t0, r0 = time.monotonic(), resource.getrusage(resource.RUSAGE_CHILDREN)
                subprocess.run([b, "check"], env=benv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                t1, r1 = time.monotonic(), resource.getrusage(resource.RUSAGE_CHILDREN)
                if k:  # the first warms the database
                    walls[b].append(t1 - t0)
                    cpus[b].append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
        for b in bins:
            who = "" if not a.compare else f" ({b})"
            rows.append((f"`hm check`{who}, every instance running",
                         f"median {ms(statistics.median(walls[b]))} wall, max {ms(max(walls[b]))}; "
                         f"CPU median {ms(statistics.median(cpus[b]))} ({len(walls[b])} runs)"))
        if a.compare:
            rows.append(("`hm check` median wall, new / old",
                         f"{statistics.median(walls[hm]) / statistics.median(walls[a.compare]):.2f}"))
        rows.append(("`hm run --heal` RSS", f"{rss_mib(proc.pid):.1f} MiB"))
        if a.rounds == 0:
            return
        each, whole = kills(a.instances, a.kill, a.rounds)
        rows.append((f"hm: {a.kill} killed at once, each back", f"p50 {ms(pct(each, 50))}, p99 {ms(pct(each, 99))}"))
        rows.append((f"hm: {a.kill} killed at once, all back", f"p50 {ms(pct(whole, 50))}, p99 {ms(pct(whole, 99))}, "
                     f"max {ms(max(whole)) if whole else '-'} ({len(whole)} rounds)"))
        rows.append(("`hm run --heal` RSS after", f"{rss_mib(proc.pid):.1f} MiB"))
    finally:
        proc.terminate()
        proc.wait(30)
        log.close()
        kill(pids_by_instance().values())


def bench_supervisord(d, a, rows):
    conf = os.path.join(d, "supervisord.conf")
    with open(conf, "w") as f:
        f.write(f"[supervisord]\nnodaemon=true\nlogfile={d}/sv.log\npidfile={d}/sv.pid\nminfds=8192\n"
                f"[unix_http_server]\nfile={d}/sv.sock\n"
                f"[program:api]\nprocess_name=%(program_name)s_%(process_num)d\nnumprocs={a.instances}\n"
                f"numprocs_start=1\ncommand=bash -c \"exec -a '{PREFIX}%(process_num)d w' sleep 3600\"\n"
                "autorestart=true\nstartsecs=0\nstartretries=1000\n")
    proc = subprocess.Popen(["supervisord", "-c", conf], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        each, whole = kills(a.instances, a.kill, a.rounds)
        rows.append((f"supervisord numprocs={a.instances}: {a.kill} killed, each back",
                     f"p50 {ms(pct(each, 50))}, p99 {ms(pct(each, 99))}"))
        rows.append((f"supervisord: {a.kill} killed, all back",
                     f"p50 {ms(pct(whole, 50))}, p99 {ms(pct(whole, 99))} ({len(whole)} rounds)"))
        rows.append(("supervisord RSS", f"{rss_mib(proc.pid):.1f} MiB"))
    finally:
        proc.terminate()
        proc.wait(60)
        kill(pids_by_instance().values())


def main():
    global PREFIX
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hm", help="hm binary (default: build release)")
    ap.add_argument("--instances", type=int, default=1000)
    ap.add_argument("--kill", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--checks", type=int, default=10)
    ap.add_argument("--processes", type=int, default=1000, help="other processes on the host, beside the pool")
    ap.add_argument("--no-supervisord", action="store_true")
    ap.add_argument("--history", help="a database to start from (a copy for each build): history already kept, as "
                    "on a host that has run for hours; its monitors must be api@1 ... api@N")
    ap.add_argument("--compare", help="an older hm binary whose `hm check` is timed beside --hm's")
    ap.add_argument("--prefix", default=PREFIX, help="the workers' name prefix: another run on the host must not share it")
    ap.add_argument("--out", default=os.path.join(ROOT, "benches", "results-pool.md"))
    a = ap.parse_args()
    PREFIX = a.prefix
    hm = a.hm or os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "hm")
    if not a.hm:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    filler, rows = [], []
    try:
        have = sum(1 for p in os.listdir("/proc") if p.isdigit())
        for _ in range(max(0, a.processes - have)):
            filler.append(subprocess.Popen(["sleep", "3600"], stdin=subprocess.DEVNULL, start_new_session=True))
        with tempfile.TemporaryDirectory(prefix="hm-pool-") as d:
            bench_hm(hm, d, a, rows)
        if not a.no_supervisord and shutil.which("supervisord"):
            with tempfile.TemporaryDirectory(prefix="sv-pool-") as d:
                bench_supervisord(d, a, rows)
        elif not a.no_supervisord:
            print("SKIPPED: supervisord is not installed", file=sys.stderr)
    finally:
        for p in filler:
            p.kill()
        for p in filler:
            p.wait()
    lines = [f"# One pool of {a.instances} instances ({time.strftime('%Y-%m-%d')}, {platform.node()}, "
             f"{os.cpu_count()} CPUs, {a.processes} other processes, load {os.getloadavg()[0]:.1f})", "",
             "| what | figure |", "|---|---|"] + [f"| {w} | {f} |" for w, f in rows]
    text = "\n".join(lines) + "\n"
    print(text)
    with open(a.out, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
