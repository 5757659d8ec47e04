//! Issue 25: while root has no tmux server, any user may create
//! `/tmp/tmux-0` (theirs, 0700). tmux then refuses it ("unsafe
//! permissions"), and root's monitor read `unknown` instead of `critical:
//! no tmux server`. Whatever keeps hm from confirming the server is now
//! critical, with the reason and the fix (set `socket`); only a missing
//! tmux is `unknown`.
//!
//! Hermetic: the default server's directory is the test's own
//! (`TMUX_TMPDIR`, which tmux and hm both follow), never the machine's
//! `/tmp`; `TMUX` is emptied so that a test run inside tmux is not steered.

use super::{Server, monitor};
use crate::common::security::Attacker;
use crate::common::{Test, have_tool, result};
use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

/// A tmux monitor of the default server (no `socket`) expecting `session`.
fn default_server(session: &str) -> String {
    format!("host_defaults = false\n[[monitor]]\nname = \"jobs\"\nkind = \"tmux\"\nsession = \"{session}\"\n")
}

/// A sticky directory anyone may write, as `/tmp` is, for `TMUX_TMPDIR`.
fn sticky_tmp(t: &Test) -> std::path::PathBuf {
    let dir = t.path("tmp");
    std::fs::create_dir(&dir).expect("mkdir");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o1777)).expect("chmod");
    dir
}

/// `hm check --json`'s exit code and the monitor `jobs`'s status and message.
fn check(t: &Test) -> (i32, String, String) {
    let out = t.run(&["check", "--json"]);
    let doc = out.json();
    let r = result(&doc, "jobs");
    (out.code, r["status"].as_str().unwrap_or("").into(), r["message"].as_str().unwrap_or("").into())
}

#[test]
fn issue25_another_users_tmux_directory_reads_critical_with_the_fix() {
    if !have_tool("tmux") {
        return;
    }
    let Some(attacker) = Attacker::get("issue25_another_users_tmux_directory_reads_critical_with_the_fix") else {
        return;
    };
    let t = Test::new().config(&default_server("jobs"));
    let tmp = sticky_tmp(&t);
    let t = t.env("TMUX_TMPDIR", &tmp).env("TMUX", "");
    // No directory yet: tmux makes root's, finds no server.
    assert_eq!(check(&t), (2, "critical".into(), "no tmux server (session jobs expected)".into()));
    std::fs::remove_dir_all(tmp.join("tmux-0")).expect("rm");
    // The attacker takes the name first, as any user may in /tmp.
    let dir = tmp.join("tmux-0");
    attacker.sh(&format!("mkdir -m 700 '{}'", dir.display()));
    let (code, status, msg) = check(&t);
    assert_eq!((code, status.as_str()), (2, "critical"), "{msg}");
    assert!(msg.starts_with("cannot confirm the tmux server: "), "{msg}");
    assert!(msg.contains(&format!("{} belongs to uid {}, not to uid 0", dir.display(), attacker.uid)), "{msg}");
    assert!(msg.ends_with("set `socket` to the server's socket (as for tmux -S)"), "{msg}");
    // A glob (or every session) cannot be judged either: critical too.
    let t = t.config(&default_server("worker-*"));
    let (code, _, msg) = check(&t);
    assert_eq!(code, 2, "{msg}");
    // `heal` sends nothing anywhere: the remedy fails with the reason.
    let doc = t.run(&["heal", "--json"]).json();
    for r in doc["remedies"].as_array().expect("remedies") {
        assert_ne!(r["outcome"], "ok", "{doc:#}");
    }
}

#[test]
fn issue25_a_tmux_directory_others_may_use_or_a_server_that_never_answers_is_critical() {
    if !have_tool("tmux") {
        return;
    }
    let t = Test::new().config(&default_server("jobs"));
    let tmp = sticky_tmp(&t);
    let t = t.env("TMUX_TMPDIR", &tmp).env("TMUX", "");
    // No tmux at all: nothing can be judged, `unknown`.
    let empty = t.path("no-tools");
    std::fs::create_dir(&empty).expect("mkdir");
    let no_tmux =
        Test::new().config(&default_server("jobs")).env("TMUX_TMPDIR", &tmp).env("TMUX", "").env("PATH", &empty);
    let (code, status, msg) = check(&no_tmux);
    assert_eq!((code, status.as_str()), (3, "unknown"), "{msg}");
    assert!(msg.contains("tmux not found"), "{msg}");

    // hm's user's own directory, but open to everyone: tmux refuses it.
    let dir = tmp.join(format!("tmux-{}", nix::unistd::getuid()));
    std::fs::create_dir(&dir).expect("mkdir");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    let (code, _, msg) = check(&t);
    assert_eq!(code, 2, "{msg}");
    assert!(msg.contains("has mode 777, so others may use it"), "{msg}");
    assert!(msg.ends_with("set `socket` to the server's socket (as for tmux -S)"), "{msg}");

    // A socket whose server accepts and never answers: critical after the
    // 5 s tmux is given, naming the timeout; with `socket` set, no fix
    // to suggest.
    let server = Server::new(&t);
    let _listener = std::os::unix::net::UnixListener::bind(&server.socket).expect("bind");
    let t = t.config(&format!("host_defaults = false\n{}", monitor("jobs", "jobs", &server.socket, "")));
    let start = std::time::Instant::now();
    let (code, _, msg) = check(&t);
    assert_eq!(code, 2, "{msg}");
    assert!(msg.starts_with("cannot confirm the tmux server: tmux did not list the sessions"), "{msg}");
    assert!(msg.contains("did not finish within 5s"), "{msg}");
    assert!(!msg.contains("set `socket`"), "{msg}");
    assert!(start.elapsed() < Duration::from_secs(15));
}
