//! Unsticking is verified and budgeted like a restart (issue 15), and the
//! socket hm talks to is looked at before anything is sent (root sends
//! keys only where the config says).

use super::{SILENT, Server, monitor};
use crate::common::{Test, have_tool, result};
use std::time::{Duration, Instant};

/// `hm heal --json` until the session's remedy is something other than
/// backing off; that remedy and the heal's exit code.
fn heal_until_not_backing_off(t: &Test) -> (serde_json::Value, i32) {
    let start = Instant::now();
    loop {
        let out = t.run(&["heal", "--json"]);
        let doc = out.json();
        let r = doc["remedies"][0].clone();
        if r["outcome"] != "backing off" || start.elapsed() > Duration::from_secs(20) {
            return (r, out.code);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn issue15_a_session_that_ignores_ctrl_c_stays_stuck_until_hm_gives_up() {
    if !have_tool("tmux") {
        return;
    }
    let t = Test::new();
    let server = Server::new(&t);
    // Notes SIGINT and goes on waiting, silently: only `^C` reaches the pane.
    server.session("stubborn", SILENT, "");
    let extra = "stuck_after = \"2s\"\nsettle = \"300ms\"\nmax_restarts = 2\nrestart_window = \"1h\"";
    let t = t.config(&format!("host_defaults = false\n\n{}", monitor("stubborn", "stubborn", &server.socket, extra)));
    std::thread::sleep(Duration::from_millis(2300));

    let (r, code) = heal_until_not_backing_off(&t);
    assert_eq!(r["outcome"], "still stuck", "{r:#}");
    assert!(r["details"].as_str().expect("details").starts_with("stubborn: sent C-c; still no output after"), "{r:#}");
    assert_eq!(code, 2, "the check after the keys is still critical");
    assert_eq!(server.interrupts("stubborn"), 1);
    // The echo `^C` is hm's, not the session's: it is still stuck.
    let out = t.run(&["check", "--json"]);
    out.code(2);
    let msg = result(&out.json(), "stubborn")["message"].as_str().expect("msg").to_string();
    assert!(msg.starts_with("stuck: stubborn printed nothing for"), "{msg}");

    let (r, _) = heal_until_not_backing_off(&t);
    assert_eq!(r["outcome"], "still stuck", "{r:#}");
    assert_eq!(server.interrupts("stubborn"), 2);
    // The budget (2 within 1h) is spent: no more keys, one `gave up` row.
    for _ in 0..2 {
        let out = t.run(&["heal", "--json"]);
        out.code(2);
        let r = &out.json()["remedies"][0];
        assert_eq!(r["outcome"], "gave up", "{r:#}");
        assert!(r["details"].as_str().expect("details").contains("2 tries within 1h"), "{r:#}");
    }
    std::thread::sleep(Duration::from_millis(400));
    assert_eq!(server.interrupts("stubborn"), 2);
    let actions = t.run(&["actions", "--json"]).json();
    let outcomes: Vec<&str> =
        actions["actions"].as_array().expect("actions").iter().filter_map(|a| a["outcome"].as_str()).collect();
    assert_eq!(outcomes, ["failed", "failed", "gave up"]);
    t.run(&["check"]).code(2);
}

#[test]
fn issue15_a_socket_that_is_a_symlink_or_not_a_socket_gets_nothing() {
    if !have_tool("tmux") {
        return;
    }
    let t = Test::new();
    let server = Server::new(&t);
    server.session("job", SILENT, "exit");
    let link = t.path("link.sock");
    std::os::unix::fs::symlink(&server.socket, &link).expect("symlink");
    let file = t.path("file.sock");
    std::fs::write(&file, "").expect("file");
    let extra = "stuck_after = \"1s\"\nsettle = \"300ms\"";
    let t = t.config(&format!(
        "host_defaults = false\n\n{}\n{}",
        monitor("link", "job", &link, extra),
        monitor("file", "job", &file, extra)
    ));
    std::thread::sleep(Duration::from_millis(2100));
    // Critical, not `unknown`: hm cannot confirm the server.
    let out = t.run(&["check", "--json"]);
    out.code(2);
    let doc = out.json();
    let msg = result(&doc, "link")["message"].as_str().expect("msg");
    assert!(msg.contains("link.sock is a symlink; hm does not follow it"), "{msg}");
    let msg = result(&doc, "file")["message"].as_str().expect("msg");
    assert!(msg.contains("file.sock is not a socket"), "{msg}");
    let doc = t.run(&["heal", "--json"]).json();
    for r in doc["remedies"].as_array().expect("remedies") {
        assert_eq!(r["outcome"], "failed", "{doc:#}");
    }
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(server.interrupts("job"), 0);
}
