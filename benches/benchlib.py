"""What the benchmarks share: workers told apart by their argv[0], the
process table read by that name, and the figures written the same way.

Each benchmark runs as `python3 benches/NAME.py`, so this directory is on
`sys.path` and `import benchlib` finds this file."""

import os, signal, subprocess


def spawn(argv0, *args, sleep=3600):
    """A worker: `sleep`, its argv[0] set (exec -a) so each has its own command line."""
    return subprocess.Popen(
        ["bash", "-c", f'exec -a "$0" sleep {sleep}', argv0, *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def count_processes():
    return sum(1 for p in os.listdir("/proc") if p.isdigit())


def pids_by_argv0(prefix):
    """argv0 -> pid for every live process whose command line starts with prefix."""
    out = {}
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open(f"/proc/{p}/cmdline", "rb") as f:
                cmd = f.read()
        except OSError:
            continue
        if cmd.startswith(prefix.encode()):
            out[cmd.split(b"\0")[0].decode(errors="replace")] = int(p)
    return out


def kill(pids):
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def ticks(pid):
    """CPU time `pid` has used itself (utime + stime), in clock ticks."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def pct(xs, p):
    """The p-th percentile of xs (nearest rank); nan for none."""
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")


def ms(x):
    return f"{x * 1000:.0f} ms" if x < 10 else f"{x:.1f} s"
