//! A real Prometheus scrapes `hm serve`: the exposition format is one that
//! Prometheus itself parses, and a monitor's status follows the host.

use crate::common::beat;
use crate::common::promtool_accepts;

use crate::common::daemon::{Daemon, http, wait_port};
use crate::common::receiver::free_port;
use crate::common::{Test, have_tool};
use nix::sys::signal::Signal;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// An outside program, killed when dropped.
pub(crate) struct Guard(pub(crate) Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A real Prometheus reading `config`, on a free loopback port, its data
/// and its log (stderr) in the test's dir: the process, the port, the log.
pub(crate) fn start_prometheus(t: &Test, config: &std::path::Path) -> (Guard, u16, std::path::PathBuf) {
    let port = free_port();
    let log = t.path("prometheus.log");
    let child = Command::new("prometheus")
        .arg(format!("--config.file={}", config.display()))
        .arg(format!("--storage.tsdb.path={}", t.path("tsdb").display()))
        .arg(format!("--web.listen-address=127.0.0.1:{port}"))
        .current_dir(t.root())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("start prometheus");
    (Guard(child), port, log)
}

/// hb's sample in Prometheus' answer to `hm_monitor_status`, if there is one yet.
fn hb_sample(prom: u16) -> Option<serde_json::Value> {
    let url = format!("http://127.0.0.1:{prom}/api/v1/query?query=hm_monitor_status");
    let body = ureq::get(&url).call().ok()?.body_mut().read_to_string().ok()?;
    let doc: serde_json::Value = serde_json::from_str(&body).ok()?;
    doc["data"]["result"].as_array()?.iter().find(|s| s["metric"]["monitor"] == "hb").cloned()
}

/// Poll Prometheus until hb's sample satisfies `cond`; the last sample seen on timeout.
#[track_caller]
fn wait_sample(prom: u16, what: &str, log: &std::path::Path, cond: impl Fn(&str) -> bool) -> serde_json::Value {
    let start = Instant::now();
    let mut last = None;
    loop {
        if let Some(s) = hb_sample(prom) {
            if s["value"][1].as_str().is_some_and(&cond) {
                return s;
            }
            last = Some(s);
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{what}: last sample {last:?}\nprometheus log:\n{}",
            std::fs::read_to_string(log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(250));
    }
}

#[test]
fn a_real_prometheus_scrapes_hm_serve() {
    if !have_tool("prometheus") || !have_tool("promtool") {
        return;
    }
    let t = Test::new();
    beat(&t, 60);
    let config = format!("host_defaults = false\n\n{}", crate::common::hb_monitor(&t));
    let t = t.config(&config);
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let mut hm = Daemon::start(&t, &["serve", "--listen", &listen, "--interval", "1s"]);
    wait_port(port, Duration::from_secs(10));

    let prom_config = t.path("prometheus.yml");
    std::fs::write(
        &prom_config,
        format!(
            "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n  - job_name: hm\n    static_configs:\n      - targets: ['{listen}']\n"
        ),
    )
    .expect("prometheus.yml");
    let (_prometheus, prom_port, log) = start_prometheus(&t, &prom_config);

    let sample = wait_sample(prom_port, "Prometheus scrapes hb", &log, |_| true);
    assert_eq!(sample["value"][1], "2", "a 60 s old heartbeat is critical: {sample}");
    assert_eq!(sample["metric"]["kind"], "heartbeat", "{sample}");
    assert_eq!(sample["metric"]["job"], "hm", "{sample}");

    let (code, metrics) = http("GET", &format!("http://{listen}/metrics"), None);
    assert_eq!(code, 200);
    for family in ["hm_up", "hm_health_score", "hm_monitor_status"] {
        assert!(metrics.contains(&format!("# TYPE {family} ")), "no {family}:\n{metrics}");
    }
    promtool_accepts(&metrics);

    beat(&t, 0);
    wait_sample(prom_port, "hb ok once the heartbeat is fresh", &log, |v| v == "0");

    hm.signal(Signal::SIGTERM);
    let status = hm.wait_exit(Duration::from_secs(5)).expect("hm stops on SIGTERM");
    assert_eq!(status.code(), Some(0), "stderr:\n{}", hm.stderr());
}
