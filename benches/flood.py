#!/usr/bin/env python3
"""Benchmark (issue 25): does one local client flooding `hm serve` starve its scrapers?

Why: one unprivileged process opening short connections as fast as it
could (connect, `GET /metrics`, close with a reset) made every legitimate
`/metrics`, `/status`, `/ping` and restart request fail until seconds
after the flood stopped. Target: while one local client floods for 10 s,
at least 95% of once-a-second scrapes of `/metrics` answer 200 within
2 s, and `/health` always answers.

What it does:
  1. builds hm in release mode (`cargo build --release`, honouring
     CARGO_TARGET_DIR) unless --hm PATH or --no-build,
  2. starts `hm serve --listen 127.0.0.1:PORT` on a fresh config (the
     host's default monitors plus --monitors heartbeat monitors, so
     `/metrics` has the usual work to do) and waits for `/status` to answer,
  3. starts --flooders flooding processes (this script, `--flood-child`;
     as the user --as-user through setpriv when given): each loops connect,
     send `GET /metrics`, close with SO_LINGER 0 (a reset) for --seconds,
     as fast as it can (--close fin: a plain close instead), and then stops
     by itself. Only 127.0.0.1 is a target,
  4. meanwhile, once a second, scrapes `/metrics` on a new connection (2 s
     to answer) and asks `/health` (2 s too),
  5. after the flood, scrapes every 100 ms until one answers 200 (at most
     30 s): how long the server took to recover,
  6. prints the share of scrapes answered 200 within 2 s, the median and
     p95 latency (a scrape that failed counts as the time it took to fail,
     a timeout as 2 s), whether `/health` always answered 200, and the
     flood's rate; with --out, appends that as markdown.

Usage: python3 benches/flood.py                           # release build, 10 s, 1 flooder
       python3 benches/flood.py --hm target/debug/hm --seconds 5
       python3 benches/flood.py --hm /tmp/hm-old --label "before (3276db1)" --out benches/results-flood.md
Figures on a busy machine are rough; rerun on a quiet one before quoting.
"""

import argparse, os, platform, shutil, signal, socket, statistics, struct, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMEOUT_S = 2.0


def flood(port, seconds, limit, close):
    """The flooder: connect, send, close (a reset, or with `fin` a plain close), until `seconds` or
    `limit` connections. Prints its count."""
    request = b"GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    linger = struct.pack("ii", 1, 0)
    end, n, failed = time.monotonic() + seconds, 0, 0
    while time.monotonic() < end and n < limit:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            s.settimeout(1.0)
            s.connect(("127.0.0.1", port))
            s.sendall(request)
            if close == "reset":
                s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
            n += 1
        except OSError:
            failed += 1
        finally:
            s.close()
    print(n, failed)


def ask(port, path, timeout=TIMEOUT_S):
    """GET path on a new connection: (status or None, seconds taken)."""
    start = time.monotonic()
    deadline = start + timeout
    data = b""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None, timeout
                s.settimeout(left)
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
    except OSError:
        return None, min(time.monotonic() - start, timeout)
    took = time.monotonic() - start
    try:
        return int(data.split(b" ", 2)[1]), took
    except (IndexError, ValueError):
        return None, took


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_hm(hm, workdir, port, monitors):
    beat = os.path.join(workdir, "beat")
    open(beat, "w").close()
    conf_dir = os.path.join(workdir, "config", "hm")
    os.makedirs(conf_dir)
    text = "".join(f'[[monitor]]\nname = "hb{i}"\nkind = "heartbeat"\nfile = "{beat}"\nwarn = "1h"\ncrit = "2h"\n\n'
                   for i in range(monitors))
    with open(os.path.join(conf_dir, "hm.toml"), "w") as f:
        f.write(text)
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(workdir, "config"),
               XDG_STATE_HOME=os.path.join(workdir, "state"), HOME=workdir, NO_COLOR="1")
    env.pop("HM_CONFIG", None)
    env.pop("HM_DB", None)
    log = open(os.path.join(workdir, "serve.log"), "w")
    p = subprocess.Popen([hm, "serve", "--listen", f"127.0.0.1:{port}", "--interval", "30s"], cwd=workdir, env=env,
                         stdin=subprocess.DEVNULL, stdout=log, stderr=log)
    end = time.monotonic() + 30
    while ask(port, "/status")[0] != 200:
        if time.monotonic() > end or p.poll() is not None:
            p.kill()
            sys.exit(f"hm serve never answered /status: see {log.name}")
        time.sleep(0.1)
    return p


def percentile(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, int(round(q * (len(xs) - 1)))))]


def run(args, hm):
    workdir = tempfile.mkdtemp(prefix="hm-flood-")
    os.chmod(workdir, 0o755)
    port = free_port()
    server = start_hm(hm, workdir, port, args.monitors)
    flooders = []
    try:
        python = sys.executable
        if args.as_user:  # the user may not reach this interpreter (under /root): the system's
            python = shutil.which("python3", path="/usr/bin:/bin") or python
        me = [python, os.path.abspath(__file__), "--flood-child", str(port), str(args.seconds), str(args.limit),
              args.close]
        if args.as_user:
            me = ["setpriv", f"--reuid={args.as_user}", f"--regid={args.as_user}", "--init-groups", "--"] + me
        start = time.monotonic()
        flooders = [subprocess.Popen(me, stdout=subprocess.PIPE, text=True) for _ in range(args.flooders)]
        time.sleep(0.5)  # the flood is under way
        scrapes, healths = [], []
        for i in range(int(args.seconds)):
            tick = start + 0.5 + i
            time.sleep(max(0.0, tick - time.monotonic()))
            scrapes.append(ask(port, "/metrics"))
            healths.append(ask(port, "/health")[0])
        counts = [tuple(map(int, f.communicate(timeout=args.seconds + 30)[0].split())) for f in flooders]
        flood_s = time.monotonic() - start
        stopped = time.monotonic()
        recovered = None
        while time.monotonic() - stopped < 30:
            if ask(port, "/metrics")[0] == 200:
                recovered = time.monotonic() - stopped
                break
            time.sleep(0.1)
    finally:
        for f in flooders:
            if f.poll() is None:
                f.kill()
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(workdir, ignore_errors=True)
    ok = sum(1 for code, took in scrapes if code == 200 and took <= TIMEOUT_S)
    lat = [took for _, took in scrapes]
    return {
        "scrapes": len(scrapes), "ok": ok, "pct": 100.0 * ok / max(1, len(scrapes)),
        "codes": [code for code, _ in scrapes],
        "median_ms": 1000 * statistics.median(lat), "p95_ms": 1000 * percentile(lat, 0.95),
        "health_always": all(h == 200 for h in healths), "healths": healths,
        "flood_conns": sum(c[0] for c in counts), "flood_failed": sum(c[1] for c in counts),
        "flood_rate": sum(c[0] for c in counts) / flood_s, "recovered_s": recovered,
    }


def main():
    if len(sys.argv) == 6 and sys.argv[1] == "--flood-child":
        flood(int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hm", help="hm binary (default: build release)")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--seconds", type=float, default=10, help="how long the flood lasts")
    ap.add_argument("--flooders", type=int, default=1, help="flooding processes")
    ap.add_argument("--limit", type=int, default=200_000, help="connections per flooder at most")
    ap.add_argument("--close", choices=["reset", "fin"], default="reset",
                    help="how a flood connection ends: a reset (the issue's attack) or a plain close")
    ap.add_argument("--monitors", type=int, default=20, help="heartbeat monitors besides the host's")
    ap.add_argument("--as-user", help="run the flooders as this user (setpriv; needs root)")
    ap.add_argument("--label", default="hm")
    ap.add_argument("--out", help="append the result as markdown to this file")
    args = ap.parse_args()
    hm = args.hm
    if not hm:
        target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
        if not args.no_build:
            subprocess.run(["cargo", "build", "--release"], cwd=ROOT, check=True)
        hm = os.path.join(target, "release", "hm")
    r = run(args, os.path.abspath(hm))
    recovered = "never (30 s)" if r["recovered_s"] is None else f"{r['recovered_s']:.1f} s"
    lines = [
        f"| {args.label} | {args.flooders} x {args.close} | {r['ok']}/{r['scrapes']} ({r['pct']:.0f}%) | {r['median_ms']:.0f} | {r['p95_ms']:.0f} | "
        f"{'yes' if r['health_always'] else 'NO'} | {r['flood_rate']:.0f}/s ({r['flood_conns']}) | {recovered} |",
    ]
    print(f"{args.label}: /metrics scrapes answered 200 within 2 s: {r['ok']}/{r['scrapes']} ({r['pct']:.0f}%), "
          f"codes {r['codes']}")
    print(f"  latency median {r['median_ms']:.0f} ms, p95 {r['p95_ms']:.0f} ms; "
          f"/health always answered 200: {'yes' if r['health_always'] else 'NO'} {r['healths']}")
    print(f"  flood: {r['flood_conns']} connections ({r['flood_failed']} failed), {r['flood_rate']:.0f}/s "
          f"from {args.flooders} process(es); first 200 after the flood: {recovered}")
    print(f"  target (>= 95% and /health always): {'met' if r['pct'] >= 95 and r['health_always'] else 'NOT met'}")
    if args.out:
        new = not os.path.exists(args.out)
        with open(args.out, "a") as f:
            if new:
                f.write("### hm serve under a local flood (issue 25)\n\n"
                        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Linux {platform.release()}. "
                        f"Load average {os.getloadavg()[0]:.1f} at start. {args.seconds:.0f} s of flood by "
                        f"{args.as_user or 'this user'} (connect, `GET /metrics`, close with a reset, or plainly: "
                        "fin), once-a-second scrapes of `/metrics` and `/health` on new connections, 2 s each; "
                        "a failed scrape counts as the time it took to fail.\n\n"
                        "| build | flooders | scrapes 200 within 2 s | median ms | p95 ms | /health always | flood | "
                        "first 200 after the flood |\n|---|---|---:|---:|---:|---|---:|---:|\n")
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
