//! Issue 28's remainder: a death no `hm run` watched still has its
//! certificate (a one-shot `hm heal` from cron finds its worker dead and
//! restarts it), and a `firing` notification carries the `death` its
//! worker's end left. Real workers, real signals, a real webhook.

use crate::common::receiver::Receiver;
use crate::common::{Test, procs, until};
use crate::why::{Workers, action_for, config, death_of};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use serde_json::Value;
use std::time::Duration;

/// A one-shot `hm heal` (no daemon, no connector) restarts a worker it
/// finds dead: the restart answers a certificate with what can be known
/// after the fact: the pid hm started, its log's tail, the last RSS the
/// checks measured, and why the cause is unknown. Counted in
/// `hm_worker_exits_total`. A worker never seen running did not die.
#[test]
fn issue28_a_one_shot_heal_records_the_death_it_found() {
    let prefix = "hm-test-why-found";
    let _w = Workers(prefix);
    let rx = Receiver::start();
    let t = Test::new();
    let inner = "echo \\\"last words of $$\\\"; exec -a {prefix} sleep 600".replace("{prefix}", prefix);
    let text = config(&t, "w", prefix, &inner, "", &rx);
    let t = t.config(&text);
    // The first start: nothing ran before, nothing died.
    t.run(&["heal"]);
    let pid = until(Duration::from_secs(10), || procs(prefix).first().copied()).expect("started");
    let none = t.run(&["why", "w", "--json"]).json();
    assert_eq!(none["deaths"].as_array().map(Vec::len), Some(0), "a first start is no death: {none:#}");
    // Checks measure it (RSS, CPU); then it is killed while no hm runs.
    t.run(&["check"]);
    t.run(&["check"]);
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
    let healed = until(Duration::from_secs(10), || {
        rx.requests().iter().map(|r| r.json()).find(|b| b["event"] == "healed" && b["death"]["pid"] == pid)
    });
    assert!(healed.is_some(), "{:?}", rx.requests().iter().map(|r| r.json()).collect::<Vec<Value>>());
}
