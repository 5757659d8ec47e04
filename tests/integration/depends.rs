//! Dependencies: a monitor with `depends_on` waits for what it names. A
//! `tcp` dependency that is down (nothing listening) holds back a
//! `process` dependent's restart and its alert (a real webhook hears
//! nothing of it, `hm actions` shows no restart); once something listens,
//! the dependent is healed in the same `hm heal`. Two process monitors
//! both down are restarted dependency first, in one heal. Real workers,
//! a real port, the real binary.

use crate::common::receiver::{Receiver, free_port};
use crate::common::renamed::renamed;
use crate::common::{Test, result};
use crate::record_first::{Cleanup, pids_of};
use std::time::Duration;

/// A process monitor NAME whose worker is `sleep` shown as `argv0`.
fn process(name: &str, argv0: &str, extra: &str) -> String {
    let (start, pattern) = renamed(argv0, argv0, "", "sleep 600");
    format!(
        "[[monitor]]\nname = \"{name}\"\nkind = \"process\"\npattern = \"{pattern}\"\n\
         start = {start}\nrestart_delay = \"200ms\"\n{extra}\n"
    )
}

fn restarts(t: &Test) -> Vec<serde_json::Value> {
    let doc = t.run(&["actions", "--json"]).json();
    doc["actions"].as_array().expect("actions").iter().filter(|a| a["action"] == "restart").cloned().collect()
}

#[test]
fn issue30_a_tcp_dependency_down_holds_back_a_process_dependents_restart_and_alert() {
    let argv0 = "hm-test-i30-tcpdep";
    let _c = Cleanup(&["hm-test-i30-tcpdep"]);
    let rx = Receiver::start();
    let port = free_port();
    let config = format!(
        "host_defaults = false\n\n[alerts]\nfor = 1\n\n\
         [[monitor]]\nname = \"db\"\nkind = \"tcp\"\naddress = \"127.0.0.1:{port}\"\ntimeout = \"1s\"\n\n{}\
         [[channel]]\nname = \"hook\"\nkind = \"webhook\"\nurl = \"{}\"\n",
        process("api", argv0, "depends_on = [\"db\"]"),
        rx.url("/hook"),
    );
    let t = Test::new().config(&config);

    let out = t.run(&["heal", "--json"]);
    let doc = out.json();
    let api = result(&doc["before"], "api");
    assert_eq!(api["status"], "unknown", "{doc:#}");
    let msg = api["message"].as_str().expect("message");
    assert!(msg.starts_with("waiting for db (critical); its own check: critical: "), "{msg}");
    assert_eq!(api["waiting_for"], serde_json::json!(["db"]), "{doc:#}");
    let line = doc["remedies"].as_array().expect("remedies").iter().find(|r| r["monitor"] == "api").expect("api line");
    assert_eq!(line["outcome"], "not healed", "{doc:#}");
    assert!(line["details"].as_str().is_some_and(|d| d.starts_with("waiting for db")), "{doc:#}");
    assert_eq!(pids_of(argv0), Vec::<u32>::new(), "api was started while db was down");
    assert_eq!(restarts(&t), Vec::<serde_json::Value>::new(), "a restart was recorded");
    // db's own alert is told; nothing of api.
    rx.wait_for(1, Duration::from_secs(5));
    std::thread::sleep(Duration::from_millis(500));
    let told: Vec<String> = rx.requests().iter().map(|r| r.json()["monitor"].to_string()).collect();
    assert!(!told.is_empty(), "db's alert was not told");
    assert!(told.iter().all(|m| m == "\"db\""), "api was told: {told:?}");
    // Its own check is recorded: `hm status` reads it as waiting.
    let status = t.run(&["status", "--json"]).json();
    let row = status["monitors"].as_array().expect("monitors").iter().find(|m| m["monitor"] == "api").cloned();
    let row = row.expect("api in status");
    assert_eq!(row["status"], "unknown", "{row:#}");
    assert!(row["message"].as_str().is_some_and(|m| m.starts_with("waiting for db (critical)")), "{row:#}");

    // Something listens now: the same heal restarts api.
    let listener = std::net::TcpListener::bind(("127.0.0.1", port)).expect("bind");
    let out = t.run(&["heal", "--json"]);
    let doc = out.json();
    assert_eq!(result(&doc["before"], "db")["status"], "ok", "{doc:#}");
    let line = doc["remedies"].as_array().expect("remedies").iter().find(|r| r["monitor"] == "api").expect("api line");
    assert_eq!(line["outcome"], "restarted", "{doc:#}");
    assert_eq!(pids_of(argv0).len(), 1);
    let rows = restarts(&t);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0]["monitor"], "api", "{rows:#?}");
    drop(listener);
}

#[test]
fn issue30_one_heal_restarts_the_dependency_first_then_its_dependent() {
    let (db, api) = ("hm-test-i30-db2", "hm-test-i30-web2");
    let _c = Cleanup(&["hm-test-i30-db2", "hm-test-i30-web2"]);
    // api is listed first: the order comes from depends_on, not the file.
    let config =
        format!("host_defaults = false\n\n{}{}", process("api", api, "depends_on = [\"db\"]"), process("db", db, ""));
    let t = Test::new().config(&config);
    let out = t.run(&["heal", "--json"]);
    let doc = out.json();
    assert_eq!(result(&doc["before"], "api")["status"], "unknown", "{doc:#}");
    let remedies = doc["remedies"].as_array().expect("remedies");
    let outcome = |name: &str| remedies.iter().find(|r| r["monitor"] == name).map(|r| r["outcome"].clone());
    assert_eq!(outcome("db"), Some(serde_json::json!("restarted")), "{doc:#}");
    assert_eq!(outcome("api"), Some(serde_json::json!("restarted")), "{doc:#}");
    assert_eq!((pids_of(db).len(), pids_of(api).len()), (1, 1));
    assert_eq!(doc["status"], "ok", "{doc:#}");
    let rows = restarts(&t);
    let at = |name: &str| {
        rows.iter().find(|r| r["monitor"] == name).and_then(|r| r["at"].as_str().map(String::from)).expect("row")
    };
    assert!(at("db") < at("api"), "db was not restarted before api: {rows:#?}");
}
