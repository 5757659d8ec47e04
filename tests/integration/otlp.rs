//! `[otlp]`: a real `hm run --heal` exports to a collector that decodes
//! what it gets with the OpenTelemetry project's own definitions (the
//! `opentelemetry-proto` package from PyPI, in the venv .ci/run makes:
//! `otlp_receiver.py`), and finds the series of `/metrics`, a span per
//! monitor under `hm.cycle`, and a remedy's span after a real restart. A
//! collector that is down or never answers neither slows the cycles nor
//! holds SIGTERM, and what it did not take is dropped and counted.

use crate::common::daemon::{Daemon, http, wait_port};
use crate::common::promtool_accepts;
use crate::common::receiver::{echoing, free_port};
use crate::common::{Test, have_tool, procs};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use serde_json::Value;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

const RECEIVER: &str = include_str!("otlp_receiver.py");

/// Whether python3 with the official `opentelemetry-proto` package is
/// here: locally its absence skips, loudly; under CI=true it fails.
fn have_decoder() -> bool {
    if !have_tool("python3") {
        return false;
    }
    let import = "import opentelemetry.proto.collector.trace.v1.trace_service_pb2";
    let found = Command::new("python3").args(["-c", import]).status().is_ok_and(|s| s.success());
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "python3 cannot import opentelemetry-proto, and CI=true: .ci/run installs it in target/ci-venv"
        );
        eprintln!("SKIPPED: the opentelemetry-proto Python package is not installed (pip install opentelemetry-proto)");
    }
    found
}

/// `otlp_receiver.py` on a port of its own, its requests as JSON lines.
struct Collector {
    child: Child,
    port: u16,
    out: std::path::PathBuf,
}

impl Collector {
    fn start(t: &Test) -> Collector {
        let script = t.path("otlp_receiver.py");
        std::fs::write(&script, RECEIVER).expect("write the receiver");
        let (port, out) = (free_port(), t.path("otlp.jsonl"));
        let child = Command::new("python3").arg(&script).arg(port.to_string()).arg(&out).spawn().expect("python3");
        wait_port(port, Duration::from_secs(10));
        Collector { child, port, out }
    }

    /// The decoded requests so far; each must have decoded.
    fn requests(&self) -> Vec<Value> {
        let text = std::fs::read_to_string(&self.out).unwrap_or_default();
        let all: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
        for r in &all {
            assert!(r.get("error").is_none(), "the official decoder refused what hm sent: {r}");
        }
        all
    }
}

impl Drop for Collector {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Every item of `key` (a list) in the bodies of the requests to `path`,
/// one level down per step of `steps`.
fn items(requests: &[Value], path: &str, steps: &[&str]) -> Vec<Value> {
    let mut level: Vec<Value> = requests.iter().filter(|r| r["path"] == path).map(|r| r["body"].clone()).collect();
    for step in steps {
        level = level.iter().flat_map(|v| v[*step].as_array().cloned().unwrap_or_default()).collect();
    }
    level
}

/// A string attribute of a span or data point.
fn attr<'a>(item: &'a Value, key: &str) -> Option<&'a str> {
    item["attributes"].as_array()?.iter().find(|a| a["key"] == key)?["value"]["string_value"].as_str()
}

/// The monitor `one`, whose worker (argv\[0\] `prefix`) hm starts.
fn config(prefix: &str, otlp: &str) -> String {
    format!(
        "host_defaults = false\n[otlp]\n{otlp}\n\n[[monitor]]\nname = \"one\"\nkind = \"process\"\n\
         pattern = \"^{prefix} \"\nstart = [\"bash\", \"-c\", \"exec -a '{prefix} w' sleep 600\"]\nrestart_delay = \"100ms\"\n"
    )
}

/// The workers hm started outlive it: killed when the test ends.
struct Workers(&'static str);

impl Drop for Workers {
    fn drop(&mut self) {
        for pid in procs(self.0) {
            let _ = kill(Pid::from_raw(pid), Signal::SIGKILL);
        }
    }
}

#[test]
fn issue31_a_real_otlp_decoder_reads_the_metrics_the_spans_and_a_restart() {
    if !have_decoder() {
        return;
    }
    let prefix = "hm-test-otlp-one";
    let _w = Workers(prefix);
    let t = Test::new();
    let collector = Collector::start(&t);
    let otlp = format!(
        "endpoint = \"http://127.0.0.1:{}\"\nheaders = {{ Authorization = {{ env = \"HM_TEST_OTLP_AUTH\" }} }}",
        collector.port
    );
    let t = t.config(&config(prefix, &otlp)).env("HM_TEST_OTLP_AUTH", "Bearer otlp-31-from-env");
    let hm = Daemon::start(&t, &["run", "--heal", "--interval", "30s", "--json"]);
    let restarted = |out: &str| out.matches("\"remedy\":\"restart\",\"outcome\":\"restarted\",\"details\"").count();
    hm.wait_for(Duration::from_secs(10), "the first restart", |out, _| restarted(out) == 1);
    let old = procs(prefix);
    for pid in &old {
        kill(Pid::from_raw(*pid), Signal::SIGKILL).expect("kill the worker");
    }
    hm.wait_for(Duration::from_secs(10), "the restart after the kill", |out, _| restarted(out) == 2);

    // The trace of the restart that answered the kill: a remedy span
    // naming its death (from its certificate), under its cycle's root.
    let start = Instant::now();
    let spans = loop {
        let spans = items(&collector.requests(), "/v1/traces", &["resource_spans", "scope_spans", "spans"]);
        let answered = spans.iter().any(|s| {
            // Killed within its `min_uptime` of its start: a crash loop.
            let cause = attr(s, "cause");
            s["name"] == "hm.remedy" && matches!(cause, Some("killed by SIGKILL" | "crash loop"))
        });
        if answered {
            break spans;
        }
        let remedies: Vec<String> =
            spans.iter().filter(|s| s["name"] == "hm.remedy").map(|s| s["attributes"].to_string()).collect();
        assert!(start.elapsed() < Duration::from_secs(10), "no remedy span with the death's cause:\n{remedies:#?}");
        std::thread::sleep(Duration::from_millis(100));
    };
    let roots: Vec<&Value> = spans.iter().filter(|s| s["name"] == "hm.cycle").collect();
    let remedy = spans.iter().find(|s| s["name"] == "hm.remedy" && attr(s, "cause").is_some()).expect("found");
    assert_eq!((attr(remedy, "remedy"), attr(remedy, "outcome").is_some()), (Some("restart"), true), "{remedy}");
    assert!(roots.iter().any(|r| r["span_id"] == remedy["parent_span_id"] && r["trace_id"] == remedy["trace_id"]));
    let check =
        spans.iter().find(|s| s["name"] == "hm.check" && attr(s, "monitor") == Some("one")).expect("a check span");
    assert_eq!(attr(check, "kind"), Some("process"), "{check}");
    assert!(attr(check, "status").is_some() && check["attributes"].to_string().contains("duration"), "{check}");
    assert!(roots.iter().any(|r| r["span_id"] == check["parent_span_id"]), "{check}");

    // The metrics: every family `hm export` (the /metrics text) has, same
    // names and labels, and the count of dropped exports.
    let requests = collector.requests();
    let metrics = items(&requests, "/v1/metrics", &["resource_metrics", "scope_metrics", "metrics"]);
    let names: std::collections::BTreeSet<&str> = metrics.iter().filter_map(|m| m["name"].as_str()).collect();
    let text = t.run(&["export", "--format", "prometheus"]).code(0).stdout.clone();
    for family in text.lines().filter_map(|l| l.strip_prefix("# TYPE ")) {
        let name = family.split(' ').next().unwrap_or("");
        assert!(names.contains(name), "{name} of /metrics is not exported; exported: {names:?}");
    }
    assert!(names.contains("hm_otlp_dropped_total") && names.contains("hm_monitor_status"), "{names:?}");
    let status = metrics.iter().rev().find(|m| m["name"] == "hm_monitor_status").expect("hm_monitor_status");
    let point = &status["gauge"]["data_points"][0];
    assert_eq!((attr(point, "monitor"), attr(point, "kind")), (Some("one"), Some("process")), "{status}");
    let exits = metrics.iter().rev().find(|m| m["name"] == "hm_worker_exits_total").expect("hm_worker_exits_total");
    assert_eq!(exits["sum"]["is_monotonic"], true, "{exits}");
    assert_eq!(exits["sum"]["aggregation_temporality"], "AGGREGATION_TEMPORALITY_CUMULATIVE", "{exits}");
    // The header, from the environment, on every request.
    assert!(requests.iter().all(|r| r["headers"]["authorization"] == "Bearer otlp-31-from-env"), "{requests:?}");
    assert!(requests.iter().all(|r| r["headers"]["content-type"] == "application/x-protobuf"));
    assert!(!hm.stderr().contains("otlp-31-from-env"), "{}", hm.stderr());
}

/// The JSON lines `hm run --json` printed: one per cycle.
fn cycles(out: &str) -> usize {
    out.lines().filter(|l| l.starts_with('{')).count()
}

#[test]
fn issue31_a_collector_that_never_answers_slows_no_cycle_and_sigterm_exits_within_a_second() {
    // It accepts and never reads nor answers: every export hangs until
    // its timeout (a minute).
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let (held_tx, held) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let _ = held_tx.send(stream);
        }
    });
    let otlp = format!("endpoint = \"http://127.0.0.1:{port}\"\ntimeout = \"1m\"");
    let t = Test::new().config(&format!(
        "host_defaults = false\n[otlp]\n{otlp}\n\n[[monitor]]\nname = \"fine\"\nkind = \"command\"\ncommand = [\"true\"]\n"
    ));
    let mut hm = Daemon::start(&t, &["run", "--interval", "100ms", "--json"]);
    let first = held.recv_timeout(Duration::from_secs(10)).expect("hm connected to the collector");
    // An export is hanging; the cycles go on every 100 ms regardless.
    let from = cycles(&hm.stdout());
    std::thread::sleep(Duration::from_secs(2));
    let during = cycles(&hm.stdout()) - from;
    // 20 at 100 ms; an export in the loop would have let one through.
    assert!(during >= 5, "{during} cycles in 2 s while the collector hung\n{}", hm.stderr());
    let asked = Instant::now();
    hm.signal(Signal::SIGTERM);
    let status = hm.wait_exit(Duration::from_secs(5)).expect("hm exited");
    let took = asked.elapsed();
    assert!(took < Duration::from_millis(1500), "SIGTERM took {took:?} with an export hanging");
    assert!(status.success(), "{status:?}\n{}", hm.stderr());
    drop(first);
}

#[test]
fn issue31_exports_a_down_collector_refuses_are_dropped_counted_and_told_once() {
    let port = free_port(); // nothing listens there
    let t = Test::new().config(&format!(
        "host_defaults = false\n[otlp]\nendpoint = \"http://127.0.0.1:{port}\"\n\n\
         [[monitor]]\nname = \"fine\"\nkind = \"command\"\ncommand = [\"true\"]\n"
    ));
    let listen = free_port();
    let hm = Daemon::start(&t, &["serve", "--listen", &format!("127.0.0.1:{listen}"), "--interval", "100ms"]);
    wait_port(listen, Duration::from_secs(10));
    let dropped = || {
        let (_, text) = http("GET", &format!("http://127.0.0.1:{listen}/metrics"), None);
        let line = text.lines().find(|l| l.starts_with("hm_otlp_dropped_total "))?.to_string();
        line.split(' ').nth(1)?.parse::<f64>().ok()
    };
    let start = Instant::now();
    while dropped().is_none_or(|n| n < 2.0) {
        assert!(start.elapsed() < Duration::from_secs(10), "nothing dropped: {:?}\n{}", dropped(), hm.stderr());
        std::thread::sleep(Duration::from_millis(100));
    }
    let (_, text) = http("GET", &format!("http://127.0.0.1:{listen}/metrics"), None);
    assert!(text.contains("# TYPE hm_otlp_dropped_total counter"), "{text}");
    promtool_accepts(&text);
    // Told on stderr, at most once a minute, not once per export.
    assert_eq!(hm.stderr().matches("hm: otlp: dropped").count(), 1, "{}", hm.stderr());
}

#[test]
fn issue31_a_collector_that_refuses_and_echoes_the_header_never_gets_it_printed() {
    let secret = "otlp-inline-secret-0123456789";
    let port = echoing(); // 404, its body quoting the Authorization header
    let t = Test::new().config(&format!(
        "host_defaults = false\n[otlp]\nendpoint = \"http://127.0.0.1:{port}\"\nheaders = {{ Authorization = \"Bearer {secret}\" }}\n\n\
         [[monitor]]\nname = \"fine\"\nkind = \"command\"\ncommand = [\"true\"]\n"
    ));
    let hm = Daemon::start(&t, &["run", "--interval", "100ms"]);
    hm.wait_for(Duration::from_secs(10), "the drop's warning", |_, err| err.contains("hm: otlp: dropped"));
    assert!(hm.stderr().contains("HTTP 404"), "{}", hm.stderr());
    for said in
        [hm.stdout(), hm.stderr(), t.run(&["validate"]).stdout.clone(), t.run(&["validate", "--json"]).stdout.clone()]
    {
        assert!(!said.contains(secret), "{said}");
    }
}
