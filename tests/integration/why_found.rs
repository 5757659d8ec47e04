//! Issue 28's remainder: a death no `hm run` watched still has its
//! certificate (a one-shot `hm heal` from cron finds its worker dead and
//! restarts it), and a `firing` notification carries the `death` its
//! worker's end left. Real workers, real signals, a real webhook.

use crate::common::daemon::Daemon;
use crate::common::receiver::Receiver;
use crate::common::security::Attacker;
use crate::common::{Test, is_root, procs, until};
use crate::why::{Workers, action_for, config, death_of};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use serde_json::Value;
use std::time::Duration;

/// A one-shot `hm heal` (no daemon, no connector) restarts a worker it
/// finds dead: the restart answers a certificate with what can be known
/// after the fact: the pid hm started, its log's tail, the last RSS the
/// checks measured, and why the cause is unknown. Counted in
/// `hm_worker_exits_total`, carried by the `firing` the heal's check
/// raised (`for = 1`) and by the `healed` after it. A worker never seen
/// running did not die.
#[test]
fn issue28_a_one_shot_heal_records_the_death_it_found() {
    let prefix = "hm-test-why-found";
    let _w = Workers(prefix);
    let rx = Receiver::start();
    let t = Test::new();
    let inner = "echo \\\"last words of $$\\\"; exec -a {prefix} sleep 600".replace("{prefix}", prefix);
    let text = config(&t, "w", prefix, &inner, "for = 1", &rx);
    let t = t.config(&text);
    // The first start: nothing ran before, nothing died.
    t.run(&["heal"]);
    let pid = until(Duration::from_secs(10), || procs(prefix).first().copied()).expect("started");
    let none = t.run(&["why", "w", "--json"]).json();
    assert_eq!(none["deaths"].as_array().map(Vec::len), Some(0), "a first start is no death: {none:#}");
    // Checks measure it (RSS, CPU); then it is killed while no hm runs.
    t.run(&["check"]);
    t.run(&["check"]);
    // Past min_uptime: it ran well, its restart is not held back.
    std::thread::sleep(Duration::from_secs(1));
    kill(Pid::from_raw(pid), Signal::SIGKILL).expect("kill");
    until(Duration::from_secs(5), || (!procs(prefix).contains(&pid)).then_some(())).expect("dead");
    // A heal within the restart backoff restarts nothing, and records
    // nothing; the one that restarts it records its death, once.
    let d = until(Duration::from_secs(15), || {
        t.run(&["heal"]);
        death_of(&t, "w", pid)
    })
    .unwrap_or_else(|| panic!("no death of {pid}: {}", t.run(&["why", "w"]).stdout));
    let all = t.run(&["why", "w", "--all", "--json"]).json();
    assert_eq!(all["deaths"].as_array().map(Vec::len), Some(1), "{all:#}");
    assert_eq!(d["cause"], "unknown", "{d:#}");
    let note = d["status_note"].as_str().unwrap_or_default();
    assert!(note.contains("found dead by hm heal"), "{d:#}");
    assert!(d["rss"].as_f64().is_some_and(|r| r > 0.0), "the last RSS measured: {d:#}");
    let words = format!("last words of {pid}");
    assert!(d["tail"].as_array().expect("tail").iter().any(|l| l.as_str() == Some(&words)), "{d:#}");
    let text = t.run(&["why", "w"]).stdout.clone();
    assert!(text.contains("found dead by hm heal") && text.contains(&words), "{text}");
    let a = action_for(&t, pid).unwrap_or_else(|| panic!("no restart answering {pid}: {}", t.run(&["actions"]).stdout));
    assert_eq!(a["death"]["cause"], "unknown", "{a:#}");
    let metrics = t.run(&["export", "--format", "prometheus"]).stdout.clone();
    assert!(metrics.contains("hm_worker_exits_total{monitor=\"w\",cause=\"unknown\"} 1"), "{metrics}");
    for event in ["firing", "healed"] {
        let body = until(Duration::from_secs(10), || {
            rx.requests().iter().map(|r| r.json()).find(|b| b["event"] == event && b["death"]["pid"] == pid)
        });
        assert!(
            body.is_some(),
            "no {event} with the death: {:?}",
            rx.requests().iter().map(|r| r.json()).collect::<Vec<Value>>()
        );
    }
}

/// A `firing` raised by the check right after a worker's death (`for =
/// 1`) carries its certificate, though the coroner writes it beside the
/// loop: the loop waits for it before it delivers a firing (the wait is
/// tested on its own: `src/engine/death/tests.rs`). The certificate says
/// why the status is unknown: no connector, because hm is not root, and
/// it did not start the worker. As root, hm runs as a real unprivileged
/// user; as a user, as that user. Never SKIPPED.
#[test]
fn issue28_a_firing_carries_the_death_that_raised_it() {
    let prefix = "hm-test-why-firing";
    let _w = Workers(prefix);
    let rx = Receiver::start();
    let mut mine =
        std::process::Command::new("bash").args(["-c", &format!("exec -a {prefix} sleep 600")]).spawn().expect("bash");
    let t = Test::new();
    let text = config(&t, "w", prefix, &format!("exec -a {prefix} sleep 600"), "for = 1", &rx);
    let t = match is_root().then(|| Attacker::get("issue 28 firing")).flatten() {
        Some(user) => {
            user.owned_dir(t.root());
            t.config(&text).uid(user.uid)
        }
        None => t.config(&text),
    };
    let hm = Daemon::start(&t, &["run", "--heal", "--interval", "60s"]);
    let pid = i32::try_from(mine.id()).expect("pid");
    std::thread::sleep(Duration::from_millis(1500));
    kill(Pid::from_raw(pid), Signal::SIGKILL).expect("kill");
    let _ = mine.wait();
    let firing =
        until(Duration::from_secs(15), || rx.requests().iter().map(|r| r.json()).find(|b| b["event"] == "firing"))
            .unwrap_or_else(|| panic!("no firing\n{}", hm.stderr()));
    assert_eq!(firing["death"]["pid"], pid, "{firing:#}");
    assert_eq!(firing["death"]["cause"], "unknown", "{firing:#}");
    let note = firing["death"]["status_note"].as_str().unwrap_or_default();
    assert_eq!(note, "exit status unknown (no process-event connector: not root)", "{firing:#}");
}
