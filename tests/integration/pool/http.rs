//! A pool over HTTP (`hm serve` with its token): `POST
//! /monitors/POOL/restart` rolls as `hm restart-worker POOL` does,
//! `/monitors/api%403/restart` reaches `api@3` alone, and stop, start,
//! pause and resume on a pool do every instance, each in `hm actions`.

use super::{Reap, exactly, pids, pool, within};
use crate::common::Test;
use crate::common::daemon::{Daemon, http, wait_port};
use std::io::{Read, Write};
use std::time::Duration;

const TOKEN: &str = "pool-token-0123456789abcdef";

/// The status line of `request` sent as is, byte for byte.
fn raw_status(port: u16, request: &str) -> String {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.write_all(request.as_bytes()).expect("send");
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out.lines().next().unwrap_or("").to_string()
}

fn actions(t: &Test, action: &str) -> Vec<String> {
    let doc = t.run(&["actions", "--json"]).json();
    let rows = doc["actions"].as_array().expect("actions").iter().filter(|a| a["action"] == action);
    let mut names: Vec<String> = rows.filter_map(|a| a["monitor"].as_str().map(String::from)).collect();
    names.sort();
    names
}

#[test]
fn issue29_http_restart_of_a_pool_rolls_and_holds_apply_to_every_instance() {
    let prefix = "hm-test-pool-http";
    let _r = Reap(prefix);
    let t = Test::new();
    let guard = format!("test -e {}/broken-{{i}} && exit 1; ", t.root().display());
    let config = pool(prefix, 4, "")
        .replace("[\"bash\", \"-c\", \"", &format!("[\"bash\", \"-c\", \"{guard}"))
        .replacen("host_defaults = false\n", &format!("host_defaults = false\n\n[serve]\ntoken = \"{TOKEN}\"\n"), 1);
    let t = t.config(&config);
    let port = crate::common::receiver::free_port();
    let listen = format!("127.0.0.1:{port}");
    let _hm = Daemon::start(&t, &["serve", "--listen", &listen, "--interval", "300ms", "--heal"]);
    wait_port(port, Duration::from_secs(10));
    assert!(within(Duration::from_secs(15), || exactly(prefix, 4)), "{:?}", pids(prefix));
    let url = |name: &str, verb: &str| format!("http://{listen}/monitors/{name}/{verb}");

    // The pool: a roll, every instance restarted, in order.
    let before = pids(prefix);
    assert_eq!(http("POST", &url("api", "restart"), None).0, 401);
    let (code, body) = http("POST", &url("api", "restart"), Some(TOKEN));
    assert_eq!(code, 200, "{body}");
    let doc: serde_json::Value = serde_json::from_str(&body).expect("json");
    let order: Vec<&str> =
        doc["restarts"].as_array().expect("restarts").iter().filter_map(|r| r["monitor"].as_str()).collect();
    assert_eq!((doc["pool"].as_str(), order), (Some("api"), vec!["api@1", "api@2", "api@3", "api@4"]), "{body}");
    let rolled = pids(prefix);
    assert!((1..=4).all(|i| rolled[&i] != before[&i]), "{before:?} {rolled:?}");

    // One instance, by its %-encoded name; the others untouched.
    let (code, body) = http("POST", &url("api%403", "restart"), Some(TOKEN));
    assert_eq!(code, 200, "{body}");
    let one = pids(prefix);
    assert!(one[&3] != rolled[&3] && [1, 2, 4].iter().all(|i| one[i] == rolled[i]), "{rolled:?} {one:?}");
    assert_eq!(http("POST", &url("api%409", "restart"), Some(TOKEN)).0, 404);
    for bad in ["api%2F3", "api%003", "api%4", "api%zz"] {
        let line = raw_status(port, &format!("POST /monitors/{bad}/restart HTTP/1.1\r\nHost: x\r\n\r\n"));
        assert!(line.starts_with("HTTP/1.1 400"), "{bad}: {line}");
    }

    // A roll that fails at api@2: 500, naming it; 3 and 4 not reached.
    std::fs::write(t.path("broken-2"), "").expect("broken");
    let (code, body) = http("POST", &url("api", "restart"), Some(TOKEN));
    assert_eq!(code, 500, "{body}");
    let doc: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(doc["failed"], "api@2", "{body}");
    assert_eq!(doc["not_reached"], serde_json::json!(["api@3", "api@4"]), "{body}");
    std::fs::remove_file(t.path("broken-2")).expect("fix");
    assert!(within(Duration::from_secs(15), || exactly(prefix, 4)), "healed back: {:?}", pids(prefix));

    // Stop the pool: every instance down and held, each recorded.
    let (code, body) = http("POST", &url("api", "stop"), Some(TOKEN));
    assert_eq!(code, 200, "{body}");
    let doc: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(
        (doc["holds"].as_array().map(Vec::len), doc["failed"].as_array().map(Vec::len)),
        (Some(4), Some(0)),
        "{body}"
    );
    std::thread::sleep(Duration::from_secs(1));
    assert!(pids(prefix).is_empty(), "restarted while stopped: {:?}", pids(prefix));
    assert_eq!(actions(&t, "stop-worker"), ["api@1", "api@2", "api@3", "api@4"]);
    let (code, body) = http("POST", &url("api", "start"), Some(TOKEN));
    assert_eq!(code, 200, "{body}");
    assert!(exactly(prefix, 4), "{:?}", pids(prefix));
    assert_eq!(actions(&t, "start-worker"), ["api@1", "api@2", "api@3", "api@4"]);

    // Pause one instance, then the pool; resume the pool.
    assert_eq!(http("POST", &format!("{}?for=1h", url("api%402", "pause")), Some(TOKEN)).0, 200);
    assert_eq!(http("POST", &url("api", "pause"), Some(TOKEN)).0, 200);
    let (code, body) = http("POST", &url("api", "resume"), Some(TOKEN));
    assert_eq!(code, 200, "{body}");
    assert_eq!(actions(&t, "pause"), ["api@1", "api@2", "api@2", "api@3", "api@4"]);
    assert_eq!(actions(&t, "resume"), ["api@1", "api@2", "api@3", "api@4"]);
}
