//! Signals mid-remedy (issue 26): a `hm heal` told to stop during a
//! restart's `restart_delay` records what it did (the worker it started)
//! and exits within a second, without waiting out the verification; one
//! killed outright leaves its intent, which `hm actions` shows
//! `interrupted` and the budget counts. `hm serve --heal` stops as fast
//! while its heal waits on the run lock.

use crate::common::Test;
use crate::common::daemon::Daemon;
use crate::record_first::{kill_all, pids_of, worker_config};
use nix::sys::signal::Signal;
use std::time::{Duration, Instant};

/// Start `hm heal`, wait for the worker it starts, send `sig`; how long
/// hm took to exit, its exit status, and the worker's pid.
fn heal_then(t: &Test, argv0: &str, sig: Signal) -> (Duration, Option<i32>, u32) {
    let mut hm = Daemon::start(t, &["heal", "--json"]);
    let start = Instant::now();
    let worker = loop {
        if let Some(pid) = pids_of(argv0).first() {
            break *pid;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "no worker started: {}", hm.stderr());
        std::thread::sleep(Duration::from_millis(10));
    };
    // In its restart_delay (5 s) now.
    std::thread::sleep(Duration::from_millis(200));
    hm.signal(sig);
    let sent = Instant::now();
    let status = hm.wait_exit(Duration::from_secs(10)).expect("hm exits");
    use std::os::unix::process::ExitStatusExt;
    (sent.elapsed(), status.code().or(status.signal().map(|s| 128 + s)), worker)
}

fn restart_rows(t: &Test) -> Vec<serde_json::Value> {
    let doc = t.run(&["actions", "--json"]).json();
    doc["actions"].as_array().expect("actions").iter().filter(|a| a["action"] == "restart").cloned().collect()
}

#[test]
fn issue26_sigterm_during_restart_delay_records_the_started_worker_and_exits_within_a_second() {
    let argv0 = "hm-test-i26-term";
    let t = Test::new().config(&worker_config(argv0, "5s", ""));
    let (took, code, worker) = heal_then(&t, argv0, Signal::SIGTERM);
    kill_all(argv0);
    assert!(took < Duration::from_secs(1), "took {took:?} to stop");
    assert_eq!(code, Some(143));
    let rows = restart_rows(&t);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["outcome"], "interrupted", "{rows:?}");
    let details = rows[0]["details"].as_str().expect("details");
    assert!(details.contains(&format!("(pid {worker})")), "{details}");
    assert!(details.contains("hm was stopped before it could verify"), "{details}");
    // It counts: the next heal backs off rather than restart again.
    let heal = t.run(&["heal", "--json"]).json();
    assert_eq!(heal["remedies"][0]["outcome"], "backing off", "{heal:#}");
}

#[test]
fn issue26_a_heal_killed_mid_restart_leaves_an_interrupted_row_that_counts() {
    let argv0 = "hm-test-i26-kill";
    let t = Test::new().config(&worker_config(argv0, "5s", ""));
    let (_, code, worker) = heal_then(&t, argv0, Signal::SIGKILL);
    kill_all(argv0);
    assert_eq!(code, Some(137));
    let rows = restart_rows(&t);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["outcome"], "interrupted", "{rows:?}");
    assert!(rows[0]["details"].as_str().expect("details").contains(&format!("(pid {worker})")), "{rows:?}");
    assert_eq!(rows[0]["targets"], format!("start bash -c exec -a {argv0} sleep 600"));
    let text = t.run(&["actions"]).stdout;
    assert!(text.contains("interrupted"), "{text}");
    let heal = t.run(&["heal", "--json"]).json();
    assert_eq!(heal["remedies"][0]["outcome"], "backing off", "{heal:#}");
}

#[test]
fn issue26_serve_heal_stops_within_a_second_while_its_heal_waits_on_the_run_lock() {
    let argv0 = "hm-test-i26-runlock";
    let t = Test::new().config(&worker_config(argv0, "5s", ""));
    // Another hm's run lock, held by this process.
    std::fs::create_dir_all(t.db_path().parent().expect("dir")).expect("mkdir");
    let lock = std::fs::File::create(t.path("state/hm/hm.db.lock")).expect("lock file");
    let held = nix::fcntl::Flock::lock(lock, nix::fcntl::FlockArg::LockExclusiveNonblock).expect("flock");
    let listen = format!("127.0.0.1:{}", crate::common::receiver::free_port());
    let mut hm = Daemon::start(&t, &["serve", "--heal", "--listen", &listen, "--interval", "1h"]);
    hm.wait_for(Duration::from_secs(10), "the loop to start", |_, err| err.contains("healing"));
    std::thread::sleep(Duration::from_millis(300));
    hm.signal(Signal::SIGTERM);
    let sent = Instant::now();
    hm.wait_exit(Duration::from_secs(10)).expect("hm exits");
    let took = sent.elapsed();
    drop(held);
    // Within a second, as the issue asks, and well under the 800 ms a
    // cycle was given to finish before (it measured 810 ms then, 10 ms now).
    assert!(took < Duration::from_millis(500), "took {took:?} to stop");
    assert!(pids_of(argv0).is_empty(), "nothing was started");
}
