#!/usr/bin/env python3
"""Benchmark (issue #7): `hm check` side by side with Monit, a `pgrep -f` loop and check_procs.

Why: hm replaces the usual ways of asking "are my workers running?" on one
host. This measures what each of them costs for the same job, so the README
can say how hm compares, per run and per monitor, and what `hm run` costs
left running all day.

What it does:
  1. builds hm in release mode (`cargo build --release --locked`, honouring
     CARGO_TARGET_DIR) unless --hm PATH or --no-build,
  2. spawns max(N) distinct workers (`exec -a "bench-worker --queue qI --slot 0"
     sleep 3600`) plus filler processes up to --processes in total. The host
     is built ONCE and kept the same for every N (default max(1000, 2*max N)),
     so the slope between N's is the cost of a monitor, not of a bigger host,
  3. for each N writes equivalent configs in a temp dir: hm.toml with N
     `process` monitors (`pattern = "^bench-worker --queue qI --slot"`, min 1,
     `host_defaults = false`), a monitrc (mode 0600; id, state, pid and log
     files in the temp dir; no alert/mailserver and no start programs, so
     nothing is mailed or started) with N `check process ... matching`, a shell
     script of N `pgrep -f` calls and one of N check_procs calls
     (`-c 1: --ereg-argument-array=REGEX`, as Nagios would run them),
  4. times --runs rounds; each round runs every tool once, rotating the order
     so all share the noise (a tool past --budget seconds stops after 3 runs); each run is checked (hm: exit 0 and N results
     all ok; monit: no "not running" printed or logged, `-v` once shows all N
     running, and a negative control shows a missing one is reported (monit
     5.33 `validate` exits 1 whatever it finds); scripts: every call found
     its worker). Peak RSS is GNU time's %M: the tool or any child it waited
     for (the scripts' pgrep/check_procs/ps),
  5. then, on a host trimmed to --run-processes and nothing else of ours
     running, measures `hm run --interval 30s` with --run-monitors monitors:
     utime+stime (+cutime+cstime) from /proc/PID/stat over --run-seconds,
     sampled half an interval after a cycle so the window holds exactly
     run-seconds/interval cycles, as % of one core (target < 0.1%),
  6. prints a markdown table (date, machine, versions) and writes it to
     benches/results.md. Every spawned process is killed on exit.

Usage: python3 benches/compare.py                 # N = 10,100,1000; 10 runs; 600 s of hm run
       python3 benches/compare.py --quick         # N = 10,100; 3 runs; 60 s
       python3 benches/compare.py --run-only      # only `hm run` (600 s), to benches/results-run.md
       python3 benches/compare.py --hm /tmp/hm-bench-target/release/hm --n 10,100 --runs 5
Needs: monit (Debian `monit`), procps (pgrep), monitoring-plugins-basic (check_procs), time (GNU).
"""

import argparse, json, os, re, platform, shutil, signal, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECK_PROCS = "/usr/lib/nagios/plugins/check_procs"
TOOLS = ["hm check", "monit validate", "pgrep -f loop", "check_procs loop"]


def spawn(argv0):
    # exec -a sets argv[0], so each worker has its own command line.
    return subprocess.Popen(["bash", "-c", 'exec -a "$0" sleep 3600', argv0], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def count_processes():
    return sum(1 for p in os.listdir("/proc") if p.isdigit())


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def timed(argv):
    """Run argv once: (wall ms, user+sys ms incl. waited children, maxrss MB, exit code, stdout, stderr).

    Peak RSS comes from GNU time (%M): a child forked from Python inherits Python's own RSS high-water
    mark into its ru_maxrss at exec, so Python's wait4 would report Python's peak, not the tool's."""
    rss_file = tempfile.NamedTemporaryFile(prefix="rss-", delete=False)
    rss_file.close()
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        p = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss_file.name] + argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err)
        out = p.stdout.read()  # read before wait4 so a full pipe cannot block it
        _, status, ru = os.wait4(p.pid, 0)
        wall = (time.perf_counter() - start) * 1000
        p.returncode = os.waitstatus_to_exitcode(status)
        p.stdout.close()
        err.seek(0)
        errs = err.read().decode(errors="replace")
    with open(rss_file.name) as f:
        rss = int(f.read().split()[-1]) / 1024
    os.unlink(rss_file.name)
    return wall, (ru.ru_utime + ru.ru_stime) * 1000, rss, p.returncode, out.decode(errors="replace"), errs


def pattern(i):
    return f"^bench-worker --queue q{i} --slot"


def write_configs(d, n):
    os.makedirs(d)
    with open(f"{d}/hm.toml", "w") as f:
        f.write("# generated by benches/compare.py\nhost_defaults = false\n")
        for i in range(n):
            f.write(f'\n[[monitor]]\nname = "w{i}"\nkind = "process"\npattern = "{pattern(i)}"\nmin = 1\n')
    rc = (f"set daemon 30\nset logfile {d}/monit.log\nset idfile {d}/monit.id\n"
          f"set statefile {d}/monit.state\nset pidfile {d}/monit.pid\n")
    rc += "".join(f'check process w{i} matching "{pattern(i)}"\n' for i in range(n))
    # monitrc-absent adds a process that does not exist: the negative control.
    for name, extra in (("monitrc", ""), ("monitrc-absent", 'check process absent matching "^bench-absent$"\n')):
        with os.fdopen(os.open(f"{d}/{name}", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
            f.write(rc + extra)
    for name, cmd in (("pgrep.sh", "pgrep -f '{p}' >/dev/null"),
                      ("check_procs.sh", CHECK_PROCS + " -c 1: --ereg-argument-array='{p}' >/dev/null")):
        with open(f"{d}/{name}", "w") as f:
            f.write("#!/bin/sh\nfail=0\n")
            f.write("".join(cmd.format(p=pattern(i)) + f" || {{ echo missing w{i}; fail=1; }}\n" for i in range(n)))
            f.write("exit $fail\n")


def make_runner(tool, d, n, hm, rc="monitrc"):
    log = f"{d}/monit.log"
    if tool == "hm check":
        def run():
            wall, cpu, rss, code, out, err = timed([hm, "check", "--json", "--config", f"{d}/hm.toml", "--db", f"{d}/hm.db"])
            try:
                res = json.loads(out)["results"]
                ok = code == 0 and len(res) == n and all(r["status"] == "ok" for r in res)
            except (ValueError, KeyError):
                ok = False
            return wall, cpu, rss, ok, out + err
    elif tool == "monit validate":
        # monit 5.33 `validate` without a daemon exits 1 whatever it finds, so the output is what counts:
        # with -v it prints "'wI' process is running with pid P" per service; failures go to the log.
        def run(verbose=False):
            size = os.path.getsize(log) if os.path.exists(log) else 0
            wall, cpu, rss, code, out, err = timed(["monit", "-c", f"{d}/{rc}"] + ["-v"] * verbose + ["validate"])
            with open(log, errors="replace") as f:
                f.seek(size)
                out += err + f.read()
            ok = "not running" not in out and (not verbose or len(set(re.findall(r"'(w\d+)' process is running with pid", out))) == n)
            return wall, cpu, rss, ok, out
    else:
        script = f"{d}/{'pgrep.sh' if tool.startswith('pgrep') else 'check_procs.sh'}"
        def run():
            wall, cpu, rss, code, out, err = timed(["sh", script])
            return wall, cpu, rss, code == 0 and out.strip() == "", out + err
    return run


def proc_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15])  # fields 14-17: utime stime cutime cstime


def measure_hm_run(hm, tmp, monitors, interval, seconds, result):
    d = f"{tmp}/run"
    write_configs(d, monitors)
    out_path = f"{d}/run.jsonl"
    out = open(out_path, "w")
    launched = time.monotonic()
    p = subprocess.Popen([hm, "run", "--json", "--interval", f"{interval}s", "--config", f"{d}/hm.toml",
                          "--db", f"{d}/hm.db"], stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    result["proc"] = p
    while os.path.getsize(out_path) == 0 and p.poll() is None and time.monotonic() - launched < interval:
        time.sleep(0.1)
    # Sample mid-interval (cycles start every `interval` from launch), so the window holds whole cycles.
    time.sleep(max(0, launched + interval / 2 - time.monotonic()))
    count = lambda: sum(1 for _ in open(out_path))
    t0, c0, n0 = time.monotonic(), proc_ticks(p.pid), count()
    time.sleep(seconds)
    t1, c1, n1 = time.monotonic(), proc_ticks(p.pid), count()
    with open(f"/proc/{p.pid}/status") as f:
        hwm = next(int(l.split()[1]) for l in f if l.startswith("VmHWM"))
    p.send_signal(signal.SIGTERM)
    p.wait(timeout=10)
    out.close()
    docs = [json.loads(l) for l in open(out_path) if l.startswith("{")]
    cpu_s = (c1 - c0) / os.sysconf("SC_CLK_TCK")
    result.update(cpu_s=cpu_s, wall_s=t1 - t0, pct=100 * cpu_s / (t1 - t0), rss=hwm / 1024, cycles=n1 - n0,
                  ok=bool(docs) and all(x["status"] == "ok" and len(x["results"]) == monitors for x in docs),
                  bad=[(i, x["status"], len(x["results"]), [(y["monitor"], y["status"], y["message"]) for y in
                        x["results"] if y["status"] != "ok"][:3]) for i, x in enumerate(docs) if x["status"] != "ok"][:3])


def run_line(args, run_procs, r):
    if "pct" not in r:
        return f"`hm run` measurement failed: {r.get('error')}"
    return (f"`hm run --interval {args.interval}s` with {args.run_monitors} process monitors, alone on "
            f"{run_procs} processes, over {r['wall_s']:.0f} s ({r['cycles']} cycles, all ok: {r['ok']}): "
            f"{r['cpu_s'] * 1000:.0f} ms CPU = **{r['pct']:.3f}% of one core** (target < 0.1%: "
            f"{'met' if r['pct'] < 0.1 else 'NOT met'}); {r['cpu_s'] * 1000 / max(r['cycles'], 1):.1f} ms per cycle; "
            f"peak RSS {r['rss']:.1f} MB." + (f" Cycles not ok: {r['bad']}" if r["bad"] else ""))


def measure_run_only(args, hm):
    """--run-only: just the `hm run` measurement, on a host of --run-processes."""
    tmp = tempfile.mkdtemp(prefix="hm-compare-")
    children, r = [], {}
    try:
        children += [spawn(f"bench-worker --queue q{i} --slot 0") for i in range(args.run_monitors)]
        children += [spawn(f"bench-filler {i}") for i in range(max(0, args.run_processes - count_processes()))]
        time.sleep(1.0)
        run_procs = count_processes()
        print(f"hm run: {args.run_seconds} s on {run_procs} processes", file=sys.stderr, flush=True)
        measure_hm_run(hm, tmp, args.run_monitors, args.interval, args.run_seconds, r)
        text = (f"### hm run ({sh('date -u')})\n\nMachine: {machine()}. {sh(hm + ' --version')}.\n"
                + run_line(args, run_procs, r) + "\n")
        print(text)
        with open(args.out, "w") as f:
            f.write(text)
    finally:
        for c in children + ([r["proc"]] if "proc" in r else []):
            try:
                os.killpg(c.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            c.wait()
        shutil.rmtree(tmp, ignore_errors=True)


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")) / 1024 / 1024
    return f"{cpu}, {os.cpu_count()} CPUs (nproc {sh('nproc')}), {mem:.1f} GiB RAM, Linux {platform.release()}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", default="10,100,1000", help="comma-separated monitor counts")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--processes", type=int, help="host processes to aim for (default max(1000, 2*max N))")
    ap.add_argument("--run-seconds", type=int, default=600, help="window for the `hm run` CPU measurement")
    ap.add_argument("--run-monitors", type=int, default=100)
    ap.add_argument("--run-processes", type=int, default=1000, help="host size for the `hm run` measurement")
    ap.add_argument("--budget", type=float, default=120, help="seconds per tool and N after which 3 runs do")
    ap.add_argument("--interval", type=int, default=30, help="`hm run --interval`, seconds")
    ap.add_argument("--quick", action="store_true", help="N = 10,100; 3 runs; 60 s of hm run")
    ap.add_argument("--hm", help="hm binary to use (implies --no-build)")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--run-only", action="store_true", help="only the `hm run` measurement (writes benches/results-run.md)")
    ap.add_argument("--out", help="where the table goes (default benches/results.md, or results-run.md with --run-only)")
    args = ap.parse_args()
    args.out = args.out or os.path.join(ROOT, "benches", "results-run.md" if args.run_only else "results.md")
    if args.quick:
        args.n, args.runs, args.run_seconds = "10,100", 3, 60
    ns = [int(x) for x in args.n.split(",")]
    nproc_target = args.processes or max(1000, 2 * max(ns))
    target_dir = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    hm = args.hm or os.path.join(target_dir, "release", "hm")
    if not args.hm and not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=ROOT, check=True)
    for tool in ((hm,) if args.run_only else ("monit", "pgrep", CHECK_PROCS, "/usr/bin/time", hm)):
        if not shutil.which(tool):
            sys.exit(f"missing {tool}")

    signal.signal(signal.SIGTERM, lambda *_: sys.exit("terminated"))
    if args.run_only:
        return measure_run_only(args, hm)
    tmp = tempfile.mkdtemp(prefix="hm-compare-")
    children, run_result = [], {}
    try:
        workers = max(max(ns), args.run_monitors)
        children += [spawn(f"bench-worker --queue q{i} --slot 0") for i in range(workers)]
        children += [spawn(f"bench-filler {i}") for i in range(max(0, nproc_target - count_processes()))]
        time.sleep(1.0)
        host_procs, load0 = count_processes(), os.getloadavg()

        stats = {}
        for n in ns:
            d = f"{tmp}/n{n}"
            write_configs(d, n)
            runs = {t: make_runner(t, d, n, hm) for t in TOOLS}
            # Negative control (first N only): a process that does not exist must be reported by monit.
            if n == ns[0] and "'absent' process is not running" not in make_runner("monit validate", d, n, hm, "monitrc-absent")()[4]:
                sys.exit("monit validate did not report a missing process: its output proves nothing")
            if not runs["monit validate"](verbose=True)[3]:  # also its warm-up: id and state files
                sys.exit(f"monit -v validate N={n}: did not report every worker running:\n" + runs["monit validate"](verbose=True)[4][-3000:])
            for _ in range(2):  # hm warm-up: database created, not counted
                if not runs["hm check"]()[3]:
                    sys.exit(f"hm check N={n}: did not find every worker (warm-up)")
            samples = {t: [] for t in TOOLS}
            for r in range(args.runs):
                order = TOOLS[r % 4:] + TOOLS[:r % 4]
                for t in order:
                    if r >= 3 and sum(x[0] for x in samples[t]) > args.budget * 1000:
                        continue  # a slow tool: 3+ runs past its time budget are enough for a median
                    wall, cpu, rss, ok, out = runs[t]()
                    if not ok:
                        sys.exit(f"{t} N={n}: did not find every worker:\n{out[-2000:]}")
                    samples[t].append((wall, cpu, rss))
            for t in TOOLS:
                s = samples[t]
                stats[n, t] = (statistics.median(x[0] for x in s), statistics.median(x[1] for x in s),
                               max(x[2] for x in s), len(s))
            print(f"N={n}: " + ", ".join(f"{t} {stats[n, t][0]:.1f} ms" for t in TOOLS), file=sys.stderr, flush=True)
        load1 = os.getloadavg()
        # `hm run` alone on a quiet host of --run-processes: drop fillers, then the workers it does not watch.
        extra = [c for c in reversed(children[args.run_monitors:])][:max(0, count_processes() - args.run_processes)]
        for c in extra:
            os.killpg(c.pid, signal.SIGKILL)
            c.wait()
        run_procs = count_processes()
        print(f"hm run: {args.run_seconds} s on {run_procs} processes", file=sys.stderr, flush=True)
        try:
            measure_hm_run(hm, tmp, args.run_monitors, args.interval, args.run_seconds, run_result)
        except Exception as e:  # still print the comparison
            run_result["error"] = repr(e)

        lines = [f"### hm vs Monit vs pgrep vs check_procs ({sh('date -u')})", "",
                 f"Machine: {machine()}. Host: {host_procs} processes ({workers} workers + fillers, the same for "
                 f"every N). Load average 1/5/15 min: {load0[0]:.2f}/{load0[1]:.2f}/{load0[2]:.2f} at start, "
                 f"{load1[0]:.2f}/{load1[1]:.2f}/{load1[2]:.2f} at end.",
                 f"Versions: {sh(hm + ' --version')}; {sh('monit -V | head -1')}; {sh('pgrep -V')}; "
                 f"{sh(CHECK_PROCS + ' -V')}.",
                 f"Medians over up to {args.runs} runs (a tool stops after 3 once past {args.budget} s; see `runs`); "
                 "the four tools take turns each round, order rotated. Every run verified to find all N workers. "
                 "CPU = user+sys incl. child processes; RSS = peak of the tool or any child it waited for "
                 "(GNU time %M). The loops are `sh` scripts of N `pgrep -f RE` / "
                 "`check_procs -c 1: --ereg-argument-array=RE` calls.", "",
                 "| N monitors | metric | " + " | ".join(f"`{t}`" for t in TOOLS) + " |",
                 "|---:|---|" + "---:|" * len(TOOLS)]
        for n in ns:
            for k, label, fmt in ((0, "wall ms (median)", "{:.1f}"), (1, "CPU ms (median)", "{:.1f}"),
                                  (2, "peak RSS MB", "{:.1f}"), (3, "runs", "{}")):
                lines.append(f"| {n:,} | {label} | " + " | ".join(fmt.format(stats[n, t][k]) for t in TOOLS) + " |")
        lines.append("")
        if len(ns) > 1:
            lo, hi = min(ns), max(ns)
            per = lambda k: (stats[hi, "hm check"][k] - stats[lo, "hm check"][k]) / (hi - lo) * 1000
            lines.append(f"`hm check` cost per monitor (slope of the medians, N={lo} to N={hi}): "
                         f"{per(0):.0f} µs wall, {per(1):.0f} µs CPU.")
        lines.append(run_line(args, run_procs, run_result))
        text = "\n".join(lines) + "\n"
        print(text)
        with open(args.out, "w") as f:
            f.write(text)
    finally:
        procs = children + ([run_result["proc"]] if "proc" in run_result else [])
        for c in procs:
            try:
                os.killpg(c.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for c in procs:
            c.wait()
        for root, _, files in os.walk(tmp):  # a monit daemon would leave its pid file here; we start none
            if "monit.pid" in files:
                try:
                    os.kill(int(open(f"{root}/monit.pid").read().split()[0]), signal.SIGTERM)
                except (ValueError, OSError):
                    pass
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
