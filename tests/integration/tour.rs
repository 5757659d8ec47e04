//! The README's "A first tour", step by step, with the real binary (issue
//! 7's newcomer walk-through): if a step of the README stops doing what the
//! README says, this fails. Only the webhook receiver differs: the README
//! uses a few lines of python3, this uses the tests' own receiver.

use crate::common::daemon::{Daemon, http, wait_port};
use crate::common::receiver::{Receiver, free_port};
use crate::common::{Test, result};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use std::time::{Duration, Instant};

/// The workers hm starts outlive it (their own session): kill them when the
/// test ends, however it ends.
#[derive(Default)]
struct Started(Vec<i32>);

impl Started {
    fn add(&mut self, pid: i32) -> i32 {
        self.0.push(pid);
        pid
    }
}

impl Drop for Started {
    fn drop(&mut self) {
        for pid in &self.0 {
            let _ = kill(Pid::from_raw(*pid), Signal::SIGKILL);
        }
    }
}

/// Kill a worker hm started and wait until /proc shows it gone (or a zombie
/// nobody has reaped yet, which the process check does not count).
fn break_worker(pid: i32) {
    kill(Pid::from_raw(pid), Signal::SIGKILL).expect("kill the worker");
    let start = Instant::now();
    loop {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let state = stat.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().next());
        if matches!(state, None | Some("Z") | Some("X")) {
            return;
        }
        assert!(start.elapsed() < Duration::from_secs(5), "pid {pid} still running: {stat}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn issue7_the_readme_tour_works_as_written() {
    // The README's `sleep 86400`, made unique to this test run.
    let seconds = 86_400 + std::process::id() % 100_000;
    let (start, pattern) = (format!("sleep {seconds}"), format!("^sleep {seconds}$"));
    let t = Test::new();
    let (config, db) = (t.path("hm.toml"), t.path("hm.db"));
    let t = t.env("HM_CONFIG", &config).env("HM_DB", &db);
    let log = t.path("web.log");
    let mut started = Started::default();

    // hm add process web --pattern '^sleep 86400$' --start 'sleep 86400' --log $PWD/web.log
    let add =
        t.run(&["add", "process", "web", "--pattern", &pattern, "--start", &start, "--log", &log.to_string_lossy()]);
    add.code(0);
    assert!(add.stdout.contains(&format!("added monitor web ({})", config.display())), "{}", add.stdout);

    // hm check web: critical, none running, and the alert is pending.
    let first = t.run(&["check", "web"]);
    first.code(2);
    assert!(first.stdout.contains("none running"), "{}", first.stdout);
    assert!(
        first.stdout.contains("alert pending: web (1 of 2 failing checks in a row; it fires after 1 more)"),
        "{}",
        first.stdout
    );

    // hm restart-worker web: starts it, its output going to web.log.
    let restart = t.run(&["restart-worker", "web", "--json"]);
    restart.code(0);
    let doc = restart.json();
    assert_eq!(doc["outcome"], "restarted", "{doc:#}");
    let pid = started.add(doc["new_pids"][0].as_i64().unwrap_or_else(|| panic!("no pid in {doc:#}")) as i32);
    assert!(log.exists(), "--log {} was not created", log.display());

    // hm check: web ok, with the embedded host monitors (whose status on a
    // busy test machine is not this test's business).
    let check = t.run(&["check", "--json"]);
    let doc = check.json();
    assert_eq!(result(&doc, "web")["status"], "ok", "{doc:#}");
    assert_eq!(result(&doc, "web")["message"], format!("1 running (pid {pid})"));
    for host in ["cpu", "memory", "load", "disk"] {
        result(&doc, host);
    }

    // The receiver, and the channel appended to hm.toml as the README does.
    let hook = Receiver::start();
    let mut text = std::fs::read_to_string(&config).expect("read hm.toml");
    text.push_str(&format!("\n[[channel]]\nname = \"hook\"\nkind = \"webhook\"\nurl = \"{}\"\n", hook.url("/hook")));
    std::fs::write(&config, text).expect("write hm.toml");
    let valid = t.run(&["validate"]);
    valid.code(0);
    assert!(valid.stdout.contains("valid, 5 monitors"), "{}", valid.stdout);

    // hm alerts test hook: the receiver gets {"event": "test", ...}.
    t.run(&["alerts", "test", "hook"]).code(0);
    let got = hook.wait_for(1, Duration::from_secs(10));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].path, "/hook");
    assert_eq!(got[0].json()["event"], "test", "{}", got[0].body);

    // Break it: the first failing check leaves the alert pending, the
    // second fires it and the receiver gets it.
    break_worker(pid);
    let pending = t.run(&["check", "web"]);
    pending.code(2);
    assert!(pending.stdout.contains("alert pending: web (1 of 2"), "{}", pending.stdout);
    let firing = t.run(&["check", "web"]);
    firing.code(2);
    assert!(firing.stdout.contains("alert firing critical: web"), "{}", firing.stdout);
    let got = hook.wait_for(2, Duration::from_secs(10));
    assert_eq!(got.len(), 2, "{got:?}");
    let event = got[1].json();
    assert_eq!((event["event"].as_str(), event["monitor"].as_str()), (Some("firing"), Some("web")), "{event:#}");

    // hm heal --dry-run says what it would do, and does not do it. Right
    // after the restart above it first waits a little (restart_delay,
    // doubled), and says so; a person typing the tour never sees that.
    let dry = loop {
        let dry = t.run(&["heal", "--dry-run"]);
        dry.code(2);
        if !dry.stdout.contains("backing off") {
            break dry;
        }
        assert!(dry.stdout.contains("last restarted") && dry.stdout.contains("next attempt in"), "{}", dry.stdout);
        std::thread::sleep(Duration::from_millis(500));
    };
    assert!(dry.stdout.contains(&format!("would start {start} (nothing running to stop)")), "{}", dry.stdout);
    assert_eq!(t.run(&["check", "web", "--json"]).json()["results"][0]["status"], "critical");

    // hm heal: restarts it, checks again, and the alert is resolved.
    let heal = t.run(&["heal", "--json"]);
    let doc = heal.json();
    assert_eq!(doc["remedies"][0]["monitor"], "web", "{doc:#}");
    assert_eq!(doc["remedies"][0]["outcome"], "restarted", "{doc:#}");
    let after = result(&doc["after"], "web");
    assert_eq!(after["status"], "ok", "{doc:#}");
    let healed_pid = after["message"]
        .as_str()
        .and_then(|m| m.strip_prefix("1 running (pid "))
        .and_then(|m| m.strip_suffix(')'))
        .and_then(|p| p.parse::<i32>().ok())
        .unwrap_or_else(|| panic!("no pid in {after:#}"));
    started.add(healed_pid);
    let resolved = doc["after"]["alerts"].as_array().and_then(|a| a.iter().find(|a| a["event"] == "resolved"));
    assert!(resolved.is_some_and(|a| a["monitor"] == "web"), "{doc:#}");
    // Then what hm fixed: `healed`, after the resolve. (On a
    // busy machine the host monitors may alert too: not this test's business.)
    let got = hook.wait_for(4, Duration::from_secs(10));
    let web: Vec<serde_json::Value> = got.iter().map(|r| r.json()).filter(|n| n["monitor"] == "web").collect();
    let events: Vec<&str> = web.iter().filter_map(|n| n["event"].as_str()).collect();
    assert_eq!(events, ["firing", "resolved", "healed"], "{got:?}");
    assert_eq!(web[2]["heal"]["outcome"], "restarted", "{:#}", web[2]);

    // hm actions: both restarts, with their pids.
    let actions = t.run(&["actions", "--json"]);
    actions.code(0);
    let doc = actions.json();
    let restarts: Vec<&str> = doc["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .filter(|a| a["monitor"] == "web" && a["action"] == "restart" && a["outcome"] == "ok")
        .filter_map(|a| a["details"].as_str())
        .collect();
    assert_eq!(restarts.len(), 2, "{doc:#}");
    assert!(restarts.iter().any(|d| d.contains(&format!("(pid {healed_pid})"))), "{restarts:?}");

    // hm serve: its first line names the config and the database; the
    // dashboard and /status show web ok.
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let serve = Daemon::start(&t, &["serve", "--listen", &listen, "--interval", "1s"]);
    serve.wait_for(Duration::from_secs(10), "the serving line", |_, err| err.contains("hm: serving"));
    let line = serve.stderr();
    assert!(line.starts_with(&format!("hm: serving http://{listen}/: config {}", config.display())), "{line}");
    assert!(line.contains(&format!("database {}", db.display())), "{line}");
    wait_port(port, Duration::from_secs(10));
    let (code, body) = http("GET", &format!("http://{listen}/"), None);
    assert_eq!(code, 200, "{body}");
    assert!(body.contains("<html") || body.contains("<!doctype") || body.contains("<!DOCTYPE"), "{body}");
    let (code, body) = http("GET", &format!("http://{listen}/status"), None);
    assert_eq!(code, 200, "{body}");
    let status: serde_json::Value = serde_json::from_str(&body).expect("/status is JSON");
    let web = status["monitors"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["monitor"] == "web"))
        .unwrap_or_else(|| panic!("no web in {status:#}"));
    assert_eq!(web["status"], "ok", "{web:#}");
}
