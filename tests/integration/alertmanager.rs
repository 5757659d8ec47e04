//! The `alertmanager` channel against a real Alertmanager (Debian's
//! prometheus-alertmanager), on a loopback port: `amtool alert query`
//! shows hm's alert while it fires, and not once it resolves.

use crate::common::beat;

use crate::common::receiver::free_port;
use crate::common::{Test, have_tool};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A real Alertmanager on a loopback port that drops what it routes;
/// killed when dropped. The fleet test uses it too.
pub(crate) struct Alertmanager {
    child: Child,
    pub(crate) url: String,
}

impl Alertmanager {
    pub(crate) fn start(t: &Test) -> Alertmanager {
        let config = t.path("alertmanager.yml");
        std::fs::write(&config, "route:\n  receiver: blackhole\nreceivers:\n  - name: blackhole\n").expect("am config");
        let port = free_port();
        let child = Command::new("prometheus-alertmanager")
            .arg(format!("--config.file={}", config.display()))
            .arg(format!("--storage.path={}", t.path("am-data").display()))
            .arg(format!("--web.listen-address=127.0.0.1:{port}"))
            .arg("--cluster.listen-address=")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start alertmanager");
        let am = Alertmanager { child, url: format!("http://127.0.0.1:{port}") };
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(start.elapsed() < Duration::from_secs(20), "alertmanager did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        am
    }

    /// The alertnames `amtool alert query` lists (active alerts only).
    fn query(&self) -> Vec<String> {
        let out = Command::new("amtool")
            .args(["alert", "query", "--output=json", &format!("--alertmanager.url={}", self.url)])
            .output()
            .expect("amtool");
        assert!(out.status.success(), "amtool: {}", String::from_utf8_lossy(&out.stderr));
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("amtool json");
        doc.as_array()
            .into_iter()
            .flatten()
            .map(|a| {
                format!("{} {} {}", a["labels"]["alertname"], a["labels"]["severity"], a["labels"]["instance"])
                    .replace('"', "")
            })
            .collect()
    }

    /// `query`, polled until it equals `want` or 10 s pass.
    fn query_until(&self, want: &[&str]) -> Vec<String> {
        let start = Instant::now();
        loop {
            let got = self.query();
            if got == want || start.elapsed() > Duration::from_secs(10) {
                return got;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

impl Drop for Alertmanager {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn amtool_shows_the_alert_while_it_fires_and_not_after_it_resolves() {
    if !have_tool("prometheus-alertmanager") || !have_tool("amtool") {
        return;
    }
    let t = Test::new();
    let am = Alertmanager::start(&t);
    let text = format!(
        "host_defaults = false\n[alerts]\nfor = 1\nhost = \"box1\"\n\n[[monitor]]\nname = \"hb\"\nkind = \"heartbeat\"\n\
         file = \"{}\"\nwarn = \"20s\"\ncrit = \"40s\"\n\n[[channel]]\nname = \"am\"\nkind = \"alertmanager\"\nurl = \"{}\"\n",
        t.path("beat").display(),
        am.url
    );
    let t = t.config(&text);
    beat(&t, 30);
    let doc = t.run(&["check", "--json"]).json();
    assert_eq!(doc["notifications"]["delivered"], 1, "{doc:#}");
    assert_eq!(am.query_until(&["hb warning box1"]), ["hb warning box1"]);

    // Worse: the warning alert is ended and a critical one takes its place.
    beat(&t, 60);
    t.run(&["check"]).code(2);
    assert_eq!(am.query_until(&["hb critical box1"]), ["hb critical box1"]);
    // Still firing: re-posted on every run, so Alertmanager keeps it.
    let doc = t.run(&["check", "--json"]).json();
    assert_eq!(doc["notifications"]["delivered"], 1, "a refresh: {doc:#}");

    beat(&t, 0);
    t.run(&["check"]).code(0);
    assert_eq!(am.query_until(&[]), Vec::<String>::new());
}
