//! Issue 19: a fleet. Three `hm serve`s on loopback ports, each with its own
//! config and database, one of them missing its worker; a real Prometheus
//! scrapes them every second with the shipped rules
//! (contrib/prometheus/hm.rules.yml, unchanged) and sends to a real
//! Alertmanager. `amtool alert query` shows HmMonitorCritical for the
//! broken instance's monitor only, and nothing once its worker runs again.

use crate::alertmanager::Alertmanager;
use crate::common::daemon::{Daemon, wait_port};
use crate::common::receiver::free_port;
use crate::common::{Test, Worker, have_tool};
use crate::prometheus::start_prometheus;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One `hm serve` of the fleet, watching one worker; stopped when dropped
/// (before its directory goes).
struct Instance {
    hm: Daemon,
    t: Test,
    listen: String,
}

/// The command line prefix of instance `name`'s worker.
fn worker(name: &str) -> String {
    format!("hm-test-fleet-{}-{name}", std::process::id())
}

/// Instance `name`'s worker, running (killed when dropped).
fn run_worker(name: &str) -> Worker {
    Worker::spawn(&format!("{} w", worker(name)))
}

impl Instance {
    fn start(name: &str) -> Instance {
        let worker = worker(name);
        let text = format!(
            "host_defaults = false\n\n[[monitor]]\nname = \"worker\"\nkind = \"process\"\npattern = \"^{worker} \"\n"
        );
        let t = Test::new().config(&text);
        let listen = format!("127.0.0.1:{}", free_port());
        let hm = Daemon::start(&t, &["serve", "--listen", &listen, "--interval", "1s"]);
        Instance { hm, t, listen }
    }
}

/// GET a Prometheus API path: its `data`, if it answered.
fn api(prom: &str, path: &str) -> Option<serde_json::Value> {
    let body = ureq::get(&format!("{prom}{path}")).call().ok()?.body_mut().read_to_string().ok()?;
    let doc: serde_json::Value = serde_json::from_str(&body).ok()?;
    Some(doc["data"].clone())
}

/// `hm_monitor_status` by instance, as Prometheus last scraped it.
fn statuses(prom: &str) -> BTreeMap<String, String> {
    let data = api(prom, "/api/v1/query?query=hm_monitor_status").unwrap_or_default();
    data["result"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| {
            (s["metric"]["instance"].as_str().unwrap_or("?").to_string(), s["value"][1].to_string().replace('"', ""))
        })
        .collect()
}

/// The active alerts `amtool alert query` lists: alertname, monitor, kind,
/// instance and severity of each, sorted.
fn amtool(am: &Alertmanager) -> Vec<String> {
    let out = Command::new("amtool")
        .args(["alert", "query", "--output=json", &format!("--alertmanager.url={}", am.url)])
        .stdin(Stdio::null())
        .output()
        .expect("amtool");
    assert!(out.status.success(), "amtool: {}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("amtool json");
    let mut alerts: Vec<String> = doc
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| {
            let l = &a["labels"];
            format!("{} {} {} {} {}", l["alertname"], l["monitor"], l["kind"], l["instance"], l["severity"])
                .replace('"', "")
        })
        .collect();
    alerts.sort();
    alerts
}

/// The Grafana dashboard against the fleet: every query runs in Prometheus,
/// and the fleet overview's `critical` column says 1 for c only.
fn dashboard_queries(prom: &str, broken: &Instance) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("contrib/grafana-dashboard.json");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("dashboard")).expect("json");
    let mut critical = None;
    for panel in doc["panels"].as_array().expect("panels") {
        for target in panel["targets"].as_array().into_iter().flatten() {
            let expr = target["expr"].as_str().expect("expr").replace("$instance", ".*");
            let answer = ureq::get(&format!("{prom}/api/v1/query"))
                .query("query", &expr)
                .call()
                .ok()
                .and_then(|mut r| r.body_mut().read_to_string().ok())
                .and_then(|b| serde_json::from_str::<serde_json::Value>(&b).ok())
                .unwrap_or_default();
            assert_eq!(answer["status"], "success", "{expr}: {answer}");
            if panel["title"] == "Fleet overview" && target["refId"] == "C" {
                critical = Some(answer["data"]["result"].clone());
            }
        }
    }
    let rows: BTreeMap<String, String> = critical
        .expect("the fleet overview's critical column")
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| (s["metric"]["instance"].to_string().replace('"', ""), s["value"][1].to_string().replace('"', "")))
        .collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    for (instance, n) in &rows {
        assert_eq!(n, if *instance == broken.listen { "1" } else { "0" }, "{rows:?}");
    }
}

/// Poll `get` until it returns `want`, for up to `within`; on timeout, fail
/// with what it last returned and what Prometheus says.
#[track_caller]
fn wait_for<T: PartialEq + std::fmt::Debug>(
    what: &str,
    within: Duration,
    want: &T,
    prom: &str,
    log: &Path,
    get: impl Fn() -> T,
) {
    let start = Instant::now();
    loop {
        let got = get();
        if got == *want {
            return;
        }
        assert!(
            start.elapsed() < within,
            "{what}: after {:?}, got {got:?}, want {want:?}\nPrometheus' alerts: {}\nPrometheus' targets: {}\nprometheus log:\n{}",
            start.elapsed(),
            api(prom, "/api/v1/alerts").unwrap_or_default(),
            api(prom, "/api/v1/targets?state=active").unwrap_or_default(),
            std::fs::read_to_string(log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(250));
    }
}

#[test]
fn issue19_a_fleet_of_three_hm_serves_alerts_for_the_broken_worker_only() {
    if !have_tool("prometheus") || !have_tool("prometheus-alertmanager") || !have_tool("amtool") {
        return;
    }
    let began = Instant::now();
    // a's and b's workers run; c's does not (its monitor is critical).
    let _workers: Vec<Worker> = ["a", "b"].into_iter().map(run_worker).collect();
    let fleet: Vec<Instance> = ["a", "b", "c"].into_iter().map(Instance::start).collect();
    let broken = &fleet[2];

    let t = Test::new();
    let am = Alertmanager::start(&t);
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("contrib/prometheus/hm.rules.yml");
    let targets: Vec<String> = fleet.iter().map(|i| format!("'{}'", i.listen)).collect();
    let config = t.path("prometheus.yml");
    std::fs::write(
        &config,
        format!(
            "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nrule_files:\n  - '{}'\n\
             alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: ['{}']\n\
             scrape_configs:\n  - job_name: hm\n    static_configs:\n      - targets: [{}]\n",
            rules.display(),
            am.url.trim_start_matches("http://"),
            targets.join(", ")
        ),
    )
    .expect("prometheus.yml");
    let (_prometheus, prom_port, log) = start_prometheus(&t, &config);
    let prom = format!("http://127.0.0.1:{prom_port}");
    for i in &fleet {
        wait_port(i.listen.rsplit(':').next().and_then(|p| p.parse().ok()).expect("port"), Duration::from_secs(10));
    }

    // Prometheus scrapes all three: the other two are there, and ok.
    let status = |ok: bool| -> BTreeMap<String, String> {
        fleet
            .iter()
            .map(|i| (i.listen.clone(), if ok || i.listen != broken.listen { "0" } else { "2" }.into()))
            .collect()
    };
    wait_for("all three scraped, c critical", Duration::from_secs(30), &status(false), &prom, &log, || statuses(&prom));
    let scraped = began.elapsed();

    // The shipped HmMonitorCritical waits 15 s (`for`), then Alertmanager has it.
    let firing = vec![format!("HmMonitorCritical worker process {} critical", broken.listen)];
    wait_for("HmMonitorCritical for c's worker only", Duration::from_secs(40), &firing, &prom, &log, || amtool(&am));
    let fired = began.elapsed();
    assert_eq!(statuses(&prom), status(false), "a and b stayed ok");
    dashboard_queries(&prom, broken);

    // Fixed: c's worker runs, hm serve sees it at its next cycle, and the
    // alert resolves.
    let _fixed = run_worker("c");
    wait_for("c ok once its worker runs", Duration::from_secs(20), &status(true), &prom, &log, || statuses(&prom));
    wait_for("the alert resolved", Duration::from_secs(20), &Vec::<String>::new(), &prom, &log, || amtool(&am));
    eprintln!(
        "issue19 fleet: all scraped after {scraped:?}, firing after {fired:?}, resolved after {:?}",
        began.elapsed()
    );
    for i in &fleet {
        assert!(!i.hm.stderr().contains("panicked"), "{}: {}", i.t.root().display(), i.hm.stderr());
    }
}
