#!/usr/bin/env python3
"""Benchmark (issue 18): what one cycle of `hm run` costs, and one `hm check`.

On a host of about --processes processes with --monitors `process` monitors
(cmdline regex, 2 workers each, no host monitors):
  1. `hm check` wall time: median / p90 of --runs runs (hyperfine's way:
     no shell, output discarded), after --warmup runs (2; `--warmup 200`
     times a database with history, as a cron job's is), and the median
     CPU (user + system, from rusage) of those runs;
  2. CPU per cycle of `hm run`: `hm run --interval 1s` for --cycle-seconds
     after --warm seconds (so the command-line cache has settled), CPU
     ticks from /proc/PID/stat divided by the cycles it printed;
  3. (unless --no-long) `hm run --interval 30s` for --run-seconds: CPU as
     % of one core, sampled mid-interval so the window holds whole cycles.
Every run must find every worker (status ok), or the bench stops.

Usage: python3 benches/cycle.py [--monitors 100] [--processes 1000] [--runs 30] [--warmup 2] [--only-check]
       python3 benches/cycle.py --hm old/hm --hm target/release/hm   # A/B; check runs alternate
       python3 benches/cycle.py --hm old/hm --hm new/hm --rounds 6 --no-long   # cycle CPU too, taking turns
"""

import argparse, json, os, resource, signal, statistics, subprocess, sys, tempfile, time, shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TCK = os.sysconf("SC_CLK_TCK")


def spawn(argv0):
    # exec -a sets argv[0], so each worker has its own command line.
    return subprocess.Popen(["bash", "-c", 'exec -a "$0" sleep 7200', argv0], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def count_processes():
    return sum(1 for p in os.listdir("/proc") if p.isdigit())


def ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime stime


def check_once(hm, env):
    """(wall ms, CPU ms) of one `hm check`."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    p = subprocess.run([hm, "check"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = (time.perf_counter() - start) * 1000
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit(f"{hm} check: exit {p.returncode}: {p.stderr.decode()[:500]}")
    return wall, (r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000


def run_cpu(hm, env, interval, warm, seconds):
    """(ms CPU per cycle, % of a core, cycles) of `hm run --interval` after `warm` seconds."""
    out = tempfile.NamedTemporaryFile("w+", suffix=".jsonl")
    launched = time.monotonic()
    p = subprocess.Popen([hm, "run", "--json", "--interval", f"{interval}s"], env=env, stdout=out,
                         stderr=subprocess.STDOUT, start_new_session=True)
    try:
        count = lambda: sum(1 for _ in open(out.name))
        # Sample mid-interval: cycles start every `interval` from launch.
        first = launched + warm + interval / 2
        time.sleep(max(0, first - time.monotonic()))
        t0, c0, n0 = time.monotonic(), ticks(p.pid), count()
        time.sleep(seconds)
        t1, c1, n1 = time.monotonic(), ticks(p.pid), count()
    finally:
        p.send_signal(signal.SIGTERM)
        p.wait(timeout=10)
    docs = [json.loads(l) for l in open(out.name) if l.startswith("{")]
    if not docs or any(d.get("status") != "ok" for d in docs):
        sys.exit(f"{hm} run: a cycle was not ok: {[d.get('status') for d in docs][:10]}")
    cpu_ms = (c1 - c0) * 1000 / TCK
    cycles = max(n1 - n0, 1)
    return cpu_ms / cycles, 100 * cpu_ms / 1000 / (t1 - t0), n1 - n0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--monitors", type=int, default=100)
    ap.add_argument("--processes", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=30, help="hm check runs")
    ap.add_argument("--warmup", type=int, default=2, help="hm check runs before timing (history in the database)")
    ap.add_argument("--only-check", action="store_true", help="time hm check only")
    ap.add_argument("--warm", type=float, default=12, help="seconds of hm run before measuring")
    ap.add_argument("--cycle-seconds", type=float, default=60, help="seconds of hm run --interval 1s")
    ap.add_argument("--run-seconds", type=float, default=180, help="seconds of hm run --interval 30s")
    ap.add_argument("--no-long", action="store_true", help="skip the --interval 30s run")
    ap.add_argument("--rounds", type=int, default=1,
                    help="repeat the --interval 1s measurement, the binaries taking turns; report the median")
    ap.add_argument("--hm", action="append", help="binary to time (repeat to compare)")
    args = ap.parse_args()
    binaries = args.hm or [os.path.join(ROOT, "target", "release", "hm")]

    tmp = tempfile.mkdtemp(prefix="hm-cycle-")
    children = []
    try:
        config = os.path.join(tmp, "hm.toml")
        with open(config, "w") as f:
            f.write("# generated by benches/cycle.py\nhost_defaults = false\n")
            for i in range(args.monitors):
                f.write(f'\n[[monitor]]\nname = "worker-q{i}"\nkind = "process"\n'
                        f'pattern = "^bench-worker --queue q{i} --slot"\nmin = 2\n')
        children += [spawn(f"bench-worker --queue q{i} --slot {j}") for i in range(args.monitors) for j in range(2)]
        children += [spawn(f"bench-filler {i}") for i in range(max(0, args.processes - count_processes()))]
        time.sleep(1.0)
        env = lambda hm, tag: dict(os.environ, HM_CONFIG=config, HM_DB=os.path.join(tmp, f"{tag}-{binaries.index(hm)}.db"),
                                   NO_COLOR="1")
        print(f"host: {count_processes()} processes, {os.cpu_count()} CPUs; {args.monitors} process monitors "
              f"({2 * args.monitors} workers)")
        walls = {hm: [] for hm in binaries}
        cpus = {hm: [] for hm in binaries}
        for hm in binaries:
            for _ in range(args.warmup):
                check_once(hm, env(hm, "check"))
        for _ in range(args.runs):
            for hm in binaries:
                wall, cpu = check_once(hm, env(hm, "check"))
                walls[hm].append(wall)
                cpus[hm].append(cpu)
        for hm in binaries:
            ts = sorted(walls[hm])
            print(f"{hm}: hm check wall ms: median {statistics.median(ts):.1f}  p90 {ts[int(len(ts) * 0.9) - 1]:.1f}"
                  f"  min {ts[0]:.1f}  CPU median {statistics.median(cpus[hm]):.1f}  ({len(ts)} runs,"
                  f" after {args.warmup} warm-up)")
        if args.only_check:
            return
        pers = {hm: [] for hm in binaries}
        for r in range(args.rounds):
            # Each round in the other order, so a drift in the host's load falls on both.
            for hm in (binaries if r % 2 == 0 else binaries[::-1]):
                per, _, n = run_cpu(hm, env(hm, "cycle"), 1, args.warm, args.cycle_seconds)
                pers[hm].append(per)
                print(f"{hm}: hm run --interval 1s: {per:.1f} ms CPU per cycle ({n} cycles)")
        if args.rounds > 1:
            for hm in binaries:
                print(f"{hm}: hm run --interval 1s: median {statistics.median(pers[hm]):.2f} ms CPU per cycle"
                      f" over {args.rounds} rounds {[round(p, 1) for p in pers[hm]]}")
        if not args.no_long:
            for hm in binaries:
                per, pct, n = run_cpu(hm, env(hm, "run"), 30, args.warm, args.run_seconds)
                print(f"{hm}: hm run --interval 30s: {pct:.4f}% of one core, {per:.1f} ms CPU per cycle ({n} cycles)")
    finally:
        for c in children:
            try:
                os.killpg(c.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for c in children:
            c.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
