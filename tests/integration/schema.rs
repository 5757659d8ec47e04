//! Issue 17, step 5: every JSON document hm prints says its schema's
//! version first, every JSON line of `hm run` says what it is, and what
//! the database kept before the store had its own row types still reads.

use crate::common::daemon::{Daemon, http, wait_port};
use crate::common::receiver::free_port;
use crate::common::{Test, beat, hb_monitor};
use std::time::Duration;

/// A test with one heartbeat monitor, `hb`, beating now.
fn watched() -> Test {
    let t = Test::new();
    beat(&t, 0);
    let text = format!("host_defaults = false\n{}", hb_monitor(&t));
    t.config(&text)
}

const FIRST: &str = "{\n  \"schema\": 1,\n";

#[test]
fn every_json_document_starts_with_the_schema() {
    let t = watched();
    for args in [
        &["check", "--json"][..],
        &["status", "--json"],
        &["monitor", "list", "--json"],
        &["validate", "--json"],
        &["actions", "--json"],
        &["alerts", "outbox", "--json"],
        &["heal", "--dry-run", "--json"],
        &["export", "--format", "json"],
        &["history", "hb", "--json"],
    ] {
        let out = t.run(args);
        assert!(out.stdout.starts_with(FIRST), "{args:?}: {}", out.stdout);
        assert_eq!(out.json()["schema"], 1, "{args:?}");
    }
    let out = t.run(&["monitor", "remove", "nope", "--json"]);
    assert!(out.stdout.starts_with(FIRST), "the error document too: {}", out.stdout);
    assert!(out.json()["error"].is_string(), "{}", out.stdout);
}

/// The JSON lines `hm ARGS` printed, once there are at least `n`.
fn lines(t: &Test, args: &[&str], n: usize) -> Vec<String> {
    let mut hm = Daemon::start(t, args);
    let count = |out: &str| out.lines().filter(|l| l.starts_with('{')).count();
    hm.wait_for(Duration::from_secs(15), "JSON lines", |out, _| count(out) >= n);
    hm.signal(nix::sys::signal::Signal::SIGTERM);
    hm.wait_exit(Duration::from_secs(3)).expect("stopped");
    hm.stdout().lines().filter(|l| l.starts_with('{')).map(String::from).collect()
}

#[test]
fn hm_run_json_lines_carry_the_schema_and_their_type() {
    let t = watched();
    for (args, kind) in [
        (&["run", "--interval", "200ms", "--json"][..], "check"),
        (&["run", "--heal", "--interval", "200ms", "--json"], "heal"),
    ] {
        for line in lines(&t, args, 2) {
            assert!(line.starts_with(&format!("{{\"schema\":1,\"type\":\"{kind}\",")), "{args:?}: {line}");
            let doc: serde_json::Value = serde_json::from_str(&line).expect("a JSON line");
            let results = if kind == "heal" { &doc["before"]["results"] } else { &doc["results"] };
            assert_eq!(results[0]["monitor"], "hb", "{line}");
        }
    }
}

#[test]
fn hm_serve_json_answers_carry_the_schema() {
    let t = watched();
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let _hm = Daemon::start(&t, &["serve", "--listen", &listen, "--interval", "1h"]);
    wait_port(port, Duration::from_secs(10));
    for path in ["/status", "/ready"] {
        let (_, body) = http("GET", &format!("http://{listen}{path}"), None);
        assert!(body.starts_with(FIRST), "{path}: {body}");
    }
    assert_eq!(http("GET", &format!("http://{listen}/health"), None).1, "ok\n", "text stays text");
}

/// A `latest.result` and an `outbox.payload` as hm wrote them before the
/// store had its own row types.
const OLD_RESULT: &str = r#"{"monitor":"hb","kind":"heartbeat","status":"ok","message":"beat 1s ago","duration_ms":0.5,"metrics":[{"name":"age","value":1234.5,"unit":"s","warn":30.0,"crit":60.0}]}"#;
const OLD_PAYLOAD: &str = r#"{"version":1,"event":"firing","alert_id":7,"monitor":"hb","kind":"heartbeat","severity":"critical","previous_severity":null,"message":"no beat","host":"box1","started_at":"2026-01-01T00:00:00Z","at":"2026-01-01T00:01:00Z","streak":2,"dedup_key":"hm/box1/hb"}"#;

#[test]
fn issue17_rows_written_by_older_hm_are_still_read() {
    let t = watched();
    t.run(&["check"]).code(0);
    let db = rusqlite::Connection::open(t.db_path()).expect("open");
    db.execute("UPDATE latest SET result = ?1 WHERE monitor = 'hb'", [OLD_RESULT]).expect("old result");
    db.execute(
        "INSERT INTO outbox (channel, alert_id, event, payload, created_at, next_try) VALUES ('ops', 7, 'firing', ?1, 1.0, 1.0)",
        [OLD_PAYLOAD],
    )
    .expect("old notification");
    drop(db);

    let status = t.run(&["status", "--json"]).json();
    let hb = &status["monitors"][0];
    assert_eq!(hb["metrics"][0]["value"], 1234.5, "{status:#}");
    assert_eq!(hb["duration_ms"], 0.5, "{status:#}");
    let outbox = t.run(&["alerts", "outbox", "--json"]).json();
    let n = &outbox["notifications"][0];
    assert_eq!((&n["monitor"], &n["severity"]), (&"hb".into(), &"critical".into()), "{outbox:#}");
}
