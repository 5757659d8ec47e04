//! Stopping a worker on purpose, and pausing a monitor (issue 29 §3):
//! `hm stop-worker` keeps a worker down under `hm run --heal` (cycles,
//! the watcher, an hm restart) without an alert reaching a real webhook;
//! `hm start-worker` brings it back; a pause with `--for` ends by itself.
//! Real workers, the real binary, a real receiver.

use crate::common::daemon::Daemon;
use crate::common::receiver::Receiver;
use crate::common::renamed::renamed;
use crate::common::{Test, until};
use crate::record_first::{Cleanup, kill_all, pids_of};
use std::time::Duration;

/// A process monitor `api` whose worker is `sleep` shown as `argv0`,
/// restarted at once, an `http` monitor that names it as its worker, and
/// a webhook that hears every alert.
fn config(argv0: &str, hook: &str, extra: &str) -> String {
    let (start, pattern) = renamed(argv0, argv0, "", "sleep 600");
    format!(
        "host_defaults = false\n\n[alerts]\nfor = 1\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\n\
         pattern = \"{pattern}\"\nstart = {start}\n\
         restart_delay = \"100ms\"\nmax_restarts = 100\n{extra}\n\
         [[channel]]\nname = \"hook\"\nkind = \"webhook\"\nurl = \"{hook}\"\n"
    )
}

/// Start a worker as if it ran before hm: not hm's child, and up, so no
/// alert is due before the test acts.
fn start_detached(argv0: &str) -> u32 {
    let ok = std::process::Command::new("setsid")
        .args(["-f", "bash", "-c", &format!("exec -a {argv0} sleep 600")])
        .status()
        .expect("setsid");
    assert!(ok.success());
    until(Duration::from_secs(5), || pids_of(argv0).first().copied()).expect("the worker started")
}

fn status_of(t: &Test, name: &str) -> serde_json::Value {
    let doc = t.run(&["status", "--json"]).json();
    doc["monitors"].as_array().expect("monitors").iter().find(|m| m["monitor"] == name).expect("monitor").clone()
}

fn action_rows(t: &Test, action: &str) -> Vec<serde_json::Value> {
    let doc = t.run(&["actions", "--json"]).json();
    doc["actions"].as_array().expect("actions").iter().filter(|a| a["action"] == action).cloned().collect()
}

#[test]
fn issue29_a_stopped_worker_stays_down_under_run_heal_and_across_an_hm_restart() {
    let argv0 = "hm-test-i29-held";
    let _c = Cleanup(&[argv0]);
    let rx = Receiver::start();
    let t = Test::new().config(&config(argv0, &rx.url("/hook"), ""));
    let first = start_detached(argv0);
    let run = ["run", "--heal", "--interval", "300ms", "--json"];
    let hm = Daemon::start(&t, &run);
    hm.wait_for(Duration::from_secs(10), "a cycle", |out, _| !out.is_empty());

    let dry = t.run(&["stop-worker", "api", "--dry-run", "--json"]);
    assert_eq!(dry.code(0).json()["outcome"], "would stop");
    assert_eq!(pids_of(argv0), vec![first], "a dry run stops nothing");

    let out = t.run(&["stop-worker", "api", "--json"]);
    let doc = out.code(0).json();
    assert_eq!(doc["outcome"], "stopped", "{doc:#}");
    assert_eq!(doc["old_pids"], serde_json::json!([first]), "{doc:#}");
    // Cycles and the watcher (which saw it die) leave it down.
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(pids_of(argv0), Vec::<u32>::new(), "restarted:\n{}", hm.stdout());
    let row = status_of(&t, "api");
    assert_eq!(row["hold"]["state"], "stopped", "{row:#}");
    assert_eq!(row["hold"]["by"], "root", "{row:#}");
    assert!(row["hold"]["since"].as_str().is_some_and(|s| s.ends_with('Z')), "{row:#}");
    assert_eq!(row["status"], "ok", "{row:#}");
    let text = t.run(&["status"]).stdout.clone();
    assert!(text.contains("stopped"), "{text}");
    // Nor does anyone restart it by a side door.
    let refused = t.run(&["restart-worker", "api", "--json"]);
    assert_eq!(refused.code(1).json()["outcome"], "held");

    // A new hm reads the hold from the database.
    drop(hm);
    let hm = Daemon::start(&t, &run);
    hm.wait_for(Duration::from_secs(10), "two cycles", |out, _| out.lines().count() >= 2);
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(pids_of(argv0), Vec::<u32>::new(), "restarted after an hm restart:\n{}", hm.stdout());
    let heal = t.run(&["heal", "--json"]);
    assert_eq!(heal.code(0).json()["remedies"], serde_json::json!([]));
    assert_eq!(pids_of(argv0), Vec::<u32>::new(), "restarted by hm heal");

    let out = t.run(&["start-worker", "api", "--json"]);
    let doc = out.code(0).json();
    assert_eq!(doc["outcome"], "started", "{doc:#}");
    let new = doc["new_pids"].as_array().expect("new_pids").clone();
    assert_eq!(new.len(), 1, "{doc:#}");
    assert!(status_of(&t, "api").get("hold").is_none());
    assert_eq!(rx.requests().len(), 0, "an alert was sent: {:?}", rx.requests());
    // Its death was seen, and is no crash.
    let why = t.run(&["why", "api", "--json"]).json();
    assert_eq!(why["deaths"][0]["cause"], "stopped", "{why:#}");
    // Held no more: killed, it is restarted.
    kill_all(argv0);
    until(Duration::from_secs(10), || pids_of(argv0).first().copied()).expect("restarted once the hold was lifted");
    drop(hm);

    for (action, by) in [("stop-worker", "stop pids"), ("start-worker", "start")] {
        let rows = action_rows(&t, action);
        assert_eq!(rows.len(), 1, "{action}: {rows:#?}");
        assert_eq!(rows[0]["outcome"], "ok", "{rows:#?}");
        assert!(rows[0]["targets"].as_str().is_some_and(|s| s.starts_with(by)), "{rows:#?}");
    }
}

#[test]
fn issue29_a_pause_stops_checking_without_touching_the_worker_and_ends_by_itself() {
    let argv0 = "hm-test-i29-paused";
    let _c = Cleanup(&[argv0]);
    let rx = Receiver::start();
    let t = Test::new().config(&config(argv0, &rx.url("/hook"), ""));
    let pid = start_detached(argv0);
    t.run(&["check"]).code(0);
    let doc = t.run(&["monitor", "pause", "api", "--for", "2s", "--json"]).code(0).json();
    assert_eq!(doc["outcome"], "paused", "{doc:#}");
    assert!(doc["until"].as_str().is_some(), "{doc:#}");
    assert_eq!(pids_of(argv0), vec![pid], "a pause touches no worker");
    // Paused: down is neither checked nor healed, nor alerted on.
    kill_all(argv0);
    let heal = t.run(&["heal", "--json"]).code(0).json();
    assert_eq!(heal["remedies"], serde_json::json!([]), "{heal:#}");
    let r = crate::common::result(&heal["before"], "api");
    assert!(r["message"].as_str().is_some_and(|m| m.contains("paused by root")), "{r:#}");
    assert_eq!(status_of(&t, "api")["hold"]["state"], "paused");
    assert_eq!(pids_of(argv0), Vec::<u32>::new());
    assert_eq!(rx.requests().len(), 0, "an alert was sent: {:?}", rx.requests());
    // The pause ends: checked (down: an alert) and healed again.
    std::thread::sleep(Duration::from_millis(2100));
    let heal = t.run(&["heal", "--json"]).json();
    assert_eq!(heal["remedies"][0]["outcome"], "restarted", "{heal:#}");
    assert!(status_of(&t, "api").get("hold").is_none());
    // Pause and resume by hand, each recorded.
    t.run(&["monitor", "pause", "api"]).code(0);
    let doc = t.run(&["monitor", "resume", "api", "--json"]).code(0).json();
    assert_eq!(doc["outcome"], "resumed", "{doc:#}");
    assert_eq!(action_rows(&t, "pause").len(), 2);
    assert_eq!(action_rows(&t, "resume").len(), 1);
    assert!(rx.requests().iter().any(|r| r.json()["event"] == "firing"), "no alert once the pause ended");
}

#[test]
fn issue29_stop_start_pause_and_resume_over_http_need_the_token_and_are_recorded() {
    use crate::common::daemon::{http, wait_port};
    let argv0 = "hm-test-i29-http";
    let _c = Cleanup(&[argv0]);
    let rx = Receiver::start();
    let token = "s3cret-token-0123456789";
    let text = config(argv0, &rx.url("/hook"), "").replacen(
        "[alerts]",
        &format!("[serve]\ntoken = \"{token}\"\n\n[alerts]"),
        1,
    );
    let t = Test::new().config(&text);
    let pid = start_detached(argv0);
    let port = crate::common::receiver::free_port();
    let listen = format!("127.0.0.1:{port}");
    let _hm = Daemon::start(&t, &["serve", "--listen", &listen, "--interval", "300ms", "--heal"]);
    wait_port(port, Duration::from_secs(10));
    let url = |verb: &str| format!("http://{listen}/monitors/api/{verb}");
    for verb in ["stop", "start", "pause", "resume"] {
        assert_eq!(http("POST", &url(verb), None).0, 401, "{verb}");
        assert_eq!(http("POST", &url(verb), Some("wrong-token-0123456789")).0, 401, "{verb}");
        assert_eq!(http("GET", &url(verb), Some(token)).0, 405, "{verb}");
        assert_eq!(http("POST", &format!("http://{listen}/monitors/nope/{verb}"), Some(token)).0, 404, "{verb}");
    }
    assert_eq!(pids_of(argv0), vec![pid], "nothing acted without the token");
    let (code, body) = http("POST", &url("stop"), Some(token));
    assert_eq!(code, 200, "{body}");
    let doc: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!((doc["outcome"].as_str(), doc["by"].as_str()), (Some("stopped"), Some("http (serve token)")), "{body}");
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(pids_of(argv0), Vec::<u32>::new(), "restarted while stopped");
    let (code, body) = http("POST", &url("start"), Some(token));
    assert_eq!(code, 200, "{body}");
    assert_eq!(pids_of(argv0).len(), 1);
    assert_eq!(http("POST", &format!("{}?for=soon", url("pause")), Some(token)).0, 400);
    assert_eq!(http("POST", &format!("{}?for=0s", url("pause")), Some(token)).0, 400);
    let (code, body) = http("POST", &format!("{}?for=1h", url("pause")), Some(token));
    assert_eq!(code, 200, "{body}");
    assert!(body.contains("\"until\""), "{body}");
    assert_eq!(status_of(&t, "api")["hold"]["state"], "paused");
    let (code, body) = http("POST", &url("resume"), Some(token));
    assert_eq!(code, 200, "{body}");
    assert!(!body.contains(token));
    for action in ["stop-worker", "start-worker", "pause", "resume"] {
        assert_eq!(action_rows(&t, action).len(), 1, "{action}");
    }
}
