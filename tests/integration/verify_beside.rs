//! A verification does not hold the loop (issue 26): under `hm run
//! --heal`, a restart's `restart_delay` is waited out beside the loop, so
//! another worker that dies meanwhile is back within its usual time, and
//! the first restart's row is completed once its delay is up. Real
//! workers, real SIGKILLs, the real binary.

use crate::common::daemon::Daemon;
use crate::common::renamed::renamed;
use crate::common::{Test, until};
use crate::record_first::{Cleanup, pids_of};
use nix::sys::signal::Signal;
use std::time::{Duration, Instant};

/// A process monitor `name` whose worker is `sleep` shown as `argv0`.
fn monitor(name: &str, argv0: &str, delay: &str) -> String {
    let (start, pattern) = renamed(argv0, argv0, "", "sleep 600");
    format!(
        "\n[[monitor]]\nname = \"{name}\"\nkind = \"process\"\npattern = \"{pattern}\"\n\
         start = {start}\nrestart_delay = \"{delay}\"\n\
         max_restarts = 100\n"
    )
}

/// Start a worker as hm would find it already running: not hm's child,
/// so its first cycle has nothing to restart and no budget is spent.
fn start_detached(argv0: &str) -> u32 {
    let ok = std::process::Command::new("setsid")
        .args(["-f", "bash", "-c", &format!("exec -a {argv0} sleep 600")])
        .status()
        .expect("setsid");
    assert!(ok.success());
    until(Duration::from_secs(5), || pids_of(argv0).first().copied()).expect("the worker started")
}

fn kill9(pid: u32) {
    let pid = nix::unistd::Pid::from_raw(i32::try_from(pid).expect("pid"));
    nix::sys::signal::kill(pid, Signal::SIGKILL).expect("kill");
}

/// The remedy outcomes of `monitor`, line after line.
fn outcomes(out: &str, monitor: &str) -> Vec<String> {
    out.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .flat_map(|doc| doc["remedies"].as_array().cloned().unwrap_or_default())
        .filter(|r| r["monitor"] == monitor)
        .filter_map(|r| r["outcome"].as_str().map(String::from))
        .collect()
}

/// The outcomes of `monitor`'s restart rows, oldest first.
fn rows(t: &Test, monitor: &str) -> Vec<String> {
    let doc = t.run(&["actions", "--json"]).json();
    let mut out: Vec<String> = doc["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .filter(|a| a["monitor"] == monitor && a["action"] == "restart")
        .filter_map(|a| a["outcome"].as_str().map(String::from))
        .collect();
    // `hm actions` lists the newest first.
    out.reverse();
    out
}

#[test]
fn issue26_a_verification_does_not_hold_the_loop() {
    let (slow, quick) = ("hm-test-i26-vslow", "hm-test-i26-vquick");
    let _c = Cleanup(&["hm-test-i26-vslow", "hm-test-i26-vquick"]);
    let t = Test::new().config(&format!(
        "host_defaults = false\n{}{}",
        monitor("slow", slow, "5s"),
        monitor("quick", quick, "100ms")
    ));
    let (a, b) = (start_detached(slow), start_detached(quick));
    let hm = Daemon::start(&t, &["run", "--heal", "--interval", "1h", "--json"]);
    // The first cycle found both running, and watches them.
    hm.wait_for(Duration::from_secs(10), "the first cycle", |out, _| out.lines().count() >= 1);
    std::thread::sleep(Duration::from_millis(300));
    kill9(a);
    let killed = Instant::now();
    // slow's restart began: its worker runs again, its 5 s verification
    // has begun. Now quick dies.
    until(Duration::from_secs(3), || pids_of(slow).iter().find(|p| **p != a).copied()).expect("slow restarted");
    kill9(b);
    let b_killed = Instant::now();
    let back = until(Duration::from_secs(8), || pids_of(quick).iter().find(|p| **p != b).copied());
    let took = b_killed.elapsed();
    eprintln!("quick back after {took:?}");
    assert!(back.is_some(), "quick never came back\n{}\n{}", hm.stdout(), hm.stderr());
    assert!(took < Duration::from_secs(2), "quick back after {took:?}: a verification held the loop\n{}", hm.stdout());
    // Verified and recorded while slow's verification still waits.
    hm.wait_for(Duration::from_secs(3), "quick's verified restart", |out, _| {
        outcomes(out, "quick").contains(&"restarted".to_string())
    });
    assert!(killed.elapsed() < Duration::from_secs(4), "too slow to tell: {:?}", killed.elapsed());
    assert_eq!(rows(&t, "quick"), ["ok"]);
    assert_eq!(rows(&t, "slow"), ["in progress"], "slow's row is pending until its verification");
    assert_eq!(outcomes(&hm.stdout(), "slow"), ["started"], "{}", hm.stdout());
    // slow's row is completed once its 5 s are up, and said once.
    hm.wait_for(Duration::from_secs(10), "slow's verified restart", |out, _| {
        outcomes(out, "slow").contains(&"restarted".to_string())
    });
    assert!(killed.elapsed() >= Duration::from_secs(5), "verified before its delay: {:?}", killed.elapsed());
    assert_eq!(rows(&t, "slow"), ["ok"]);
    assert_eq!(outcomes(&hm.stdout(), "slow"), ["started", "restarted"], "{}", hm.stdout());
    assert_eq!(pids_of(slow).len(), 1, "slow restarted twice");
}

#[test]
fn issue26_a_stop_while_a_verification_waits_beside_the_loop_records_it_interrupted() {
    let slow = "hm-test-i26-vterm";
    let _c = Cleanup(&["hm-test-i26-vterm"]);
    let t = Test::new().config(&format!("host_defaults = false\n{}", monitor("slow", slow, "5s")));
    let mut hm = Daemon::start(&t, &["run", "--heal", "--interval", "1h", "--json"]);
    // The first cycle starts it; its verification waits beside the loop.
    let pid = until(Duration::from_secs(10), || pids_of(slow).first().copied()).expect("started");
    hm.wait_for(Duration::from_secs(5), "the started line", |out, _| outcomes(out, "slow") == ["started"]);
    hm.signal(Signal::SIGTERM);
    let sent = Instant::now();
    let status = hm.wait_exit(Duration::from_secs(5)).expect("hm exits");
    assert!(sent.elapsed() < Duration::from_secs(1), "took {:?} to stop", sent.elapsed());
    assert_eq!(status.code(), Some(0), "{}", hm.stderr());
    let doc = t.run(&["actions", "--json"]).json();
    let row = doc["actions"].as_array().and_then(|a| a.first()).cloned().expect("a row");
    assert_eq!(row["outcome"], "interrupted", "{row:#}");
    let details = row["details"].as_str().expect("details");
    assert!(details.contains(&format!("(pid {pid})")), "{details}");
    assert!(details.contains("hm was stopped before it could verify"), "{details}");
}
