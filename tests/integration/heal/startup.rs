//! A restarted worker's grace (`min_uptime`) ends once the check that
//! vouches for it has passed: a server that answers, then freezes right
//! after its (rolling) restart, is restarted within a few cycles, not a
//! minute later. One that has not answered yet still gets `min_uptime` to
//! boot. A real Python HTTP server under a real `hm run --heal`.

use crate::common::daemon::Daemon;
use crate::common::http_worker::{python, script};
use crate::common::receiver::free_port;
use crate::common::{Test, have_tool, until};
use crate::record_first::{Cleanup, pids_of};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use std::time::{Duration, Instant};

/// A config whose `web` worker hm starts (a server booting `boot`
/// seconds) with `min_uptime`, vouched for by `web-http`.
fn config(t: Test, argv0: &str, boot: u32, min_uptime: &str) -> (Test, u16) {
    let script = script(&t);
    let port = free_port();
    let python = python();
    let start = format!("exec -a {argv0} {python} {} {port} {boot}", script.display());
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"web\"\nkind = \"process\"\npattern = \"{argv0} \"\n\
         start = [\"bash\", \"-c\", \"{start}\"]\nrestart_delay = \"300ms\"\ngrace = \"1s\"\n\
         min_uptime = \"{min_uptime}\"\n\n\
         [[monitor]]\nname = \"web-http\"\nkind = \"http\"\nurl = \"http://127.0.0.1:{port}/\"\ntimeout = \"1s\"\n\
         worker = \"web\"\n"
    ));
    (t, port)
}

/// The pid of the worker once hm started it and `web-http` passed.
fn started_and_passed(t: &Test, argv0: &str) -> u32 {
    let pid = until(Duration::from_secs(20), || pids_of(argv0).first().copied()).expect("hm started the worker");
    until(Duration::from_secs(20), || {
        let doc = t.run(&["status", "--json"]).json();
        let monitors = doc["monitors"].as_array().cloned().unwrap_or_default();
        monitors.iter().any(|m| m["monitor"] == "web-http" && m["status"] == "ok").then_some(())
    })
    .expect("web-http passed");
    pid
}

#[test]
fn issue29_a_worker_frozen_after_it_answered_is_restarted_within_cycles_not_min_uptime() {
    if !have_tool("python3") {
        return;
    }
    let argv0 = "hm-test-i29-startup-frozen";
    let _c = Cleanup(&[argv0]);
    let (t, _port) = config(Test::new(), argv0, 0, "60s");
    let _hm = Daemon::start(&t, &["run", "--heal", "--interval", "500ms", "--json"]);
    let old = started_and_passed(&t, argv0);
    // Started by hm moments ago (well within `min_uptime`), answered:
    // now it freezes, alive and listening but deaf.
    kill(Pid::from_raw(i32::try_from(old).expect("pid")), Signal::SIGSTOP).expect("SIGSTOP");
    let frozen = Instant::now();
    let new = until(Duration::from_secs(30), || pids_of(argv0).into_iter().find(|p| *p != old))
        .expect("the frozen worker was restarted");
    let took = frozen.elapsed();
    assert!(took < Duration::from_secs(20), "restarted {took:?} after it froze, not within a few cycles");
    assert!(!std::path::Path::new(&format!("/proc/{old}")).exists(), "the frozen worker {old} was SIGKILLed");
    // hm's first start of it, then the restart of the frozen one.
    let actions = t.run(&["actions", "--json"]).json();
    let restarts: Vec<_> = actions["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .filter(|a| a["action"] == "restart" && a["monitor"] == "web")
        .collect();
    assert_eq!(restarts.len(), 2, "{actions:#}");
    let details = restarts[1]["details"].as_str().expect("details");
    assert!(details.contains(&format!("pid {old} killed after")), "{details}");
    assert!(details.contains(&format!("(pid {new})")), "{details}");
}

#[test]
fn issue29_a_worker_that_never_answered_waits_out_min_uptime() {
    if !have_tool("python3") {
        return;
    }
    let argv0 = "hm-test-i29-startup-slow";
    let _c = Cleanup(&[argv0]);
    // Its port opens only after 600 s: never within `min_uptime`.
    let (t, _port) = config(Test::new(), argv0, 600, "6s");
    let _hm = Daemon::start(&t, &["run", "--heal", "--interval", "500ms", "--json"]);
    let first = until(Duration::from_secs(20), || pids_of(argv0).first().copied()).expect("hm started the worker");
    let began = Instant::now();
    // web-http fails on every cycle meanwhile, and is told to wait.
    until(Duration::from_secs(30), || pids_of(argv0).into_iter().find(|p| *p != first))
        .expect("restarted once min_uptime was out");
    let took = began.elapsed();
    assert!(took >= Duration::from_secs(5), "restarted {took:?} after its start, within min_uptime (6s)");
}
