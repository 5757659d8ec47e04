//! Flap detection: a monitor toggled ok/critical at every check is told
//! once, `flapping`, then nothing until it settles; then `flapping-ended`
//! and the state it settled in. The real binary, a real receiver, a
//! heartbeat file the test makes fresh or stale before each check.

use crate::common::Test;
use crate::common::beat;
use crate::common::receiver::Receiver;

fn events(rx: &Receiver) -> Vec<String> {
    rx.requests().iter().map(|r| r.json()["event"].as_str().unwrap_or("?").to_string()).collect()
}

/// `hb` (`for = 1`, with `extra` keys) told to a receiver.
fn flappy(rx: &Receiver, extra: &str) -> Test {
    let t = Test::new();
    let text = format!(
        "host_defaults = false\n\n[alerts]\nhost = \"box1\"\nfor = 1\n\n[[monitor]]\nname = \"hb\"\n\
         kind = \"heartbeat\"\nfile = \"{}\"\nwarn = \"20s\"\ncrit = \"40s\"\n{extra}\n\
         [[channel]]\nname = \"hook\"\nkind = \"webhook\"\nurl = \"{}\"\n",
        t.path("beat").display(),
        rx.url("/hook")
    );
    t.config(&text)
}

/// `checks` checks, critical, ok, critical...
fn toggle(t: &Test, checks: usize) {
    for i in 0..checks {
        beat(t, if i % 2 == 0 { 60 } else { 0 });
        t.run(&["check"]);
    }
}

#[test]
fn issue30_a_toggling_monitor_is_told_flapping_once_then_flapping_ended_and_its_state() {
    let rx = Receiver::start();
    let t = flappy(&rx, "");
    toggle(&t, 16);
    let told = events(&rx);
    let flapping = told.iter().filter(|e| *e == "flapping").count();
    assert_eq!(flapping, 1, "{told:?}");
    // Nine changes weigh 10.04 of 20 (1.2 for the newest, less by 0.021
    // each older): 50% at the tenth check, after nine firings and resolves.
    let at = told.iter().position(|e| e == "flapping").unwrap_or(0);
    assert_eq!(at, 9, "{told:?}");
    assert_eq!(told.len(), at + 1, "nothing after `flapping` while it flaps: {told:?}");
    assert_eq!(rx.requests()[at].json()["severity"], "critical");
    let status = t.run(&["status", "--json"]).json();
    assert_eq!(status["monitors"][0]["flapping"], true, "{status:#}");
    let text = t.run(&["status"]).stdout;
    assert!(text.contains(" (flapping)"), "{text}");
    let metrics = t.run(&["export", "--format", "prometheus"]);
    assert!(metrics.stdout.contains("hm_monitor_flapping{monitor=\"hb\",kind=\"heartbeat\"} 1"), "{}", metrics.stdout);
    // Settled critical: the old changes age out of the 21 checks.
    beat(&t, 60);
    for _ in 0..21 {
        t.run(&["check"]);
    }
    let told = events(&rx);
    assert_eq!(&told[at..], ["flapping", "flapping-ended", "firing"], "{told:?}");
    let ended = rx.requests()[at + 1].json();
    assert!(ended["message"].as_str().is_some_and(|m| m.starts_with("flapping ended: ")), "{ended}");
    let status = t.run(&["status", "--json"]).json();
    assert_eq!(status["monitors"][0]["flapping"], false, "{status:#}");
}

#[test]
fn issue30_per_monitor_limits_and_a_flap_that_settles_ok_ends_with_its_resolve() {
    let rx = Receiver::start();
    let t = flappy(&rx, "flap_high = 20\nflap_low = 10\n");
    toggle(&t, 8);
    let told = events(&rx);
    // Four changes weigh 4.67 of 20: 20% at the fifth check.
    assert_eq!(told, ["firing", "resolved", "firing", "resolved", "flapping"], "{told:?}");
    beat(&t, 0);
    for _ in 0..21 {
        t.run(&["check"]);
    }
    let told = events(&rx);
    assert_eq!(&told[4..], ["flapping", "flapping-ended", "resolved"], "{told:?}");
}

#[test]
fn issue30_a_flapping_worker_is_still_healed_every_time_and_told_once() {
    use super::healed::{Reaper, kill_workers, started};
    const PREFIX: &str = "hm-test-flap-api";
    let _reaper = Reaper(PREFIX);
    let rx = Receiver::start();
    let t = Test::new();
    let text = format!(
        "host_defaults = false\n\n[alerts]\nhost = \"box1\"\nfor = 1\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\n\
         pattern = \"{}\"\nstart = [\"bash\", \"-c\", \"exec -a '{PREFIX} run' sleep 60\"]\n\
         restart_delay = \"50ms\"\nmax_restarts = 50\n\n\
         [[channel]]\nname = \"hook\"\nkind = \"webhook\"\nurl = \"{}\"\nevents = [\"firing\", \"resolved\"]\n",
        started(PREFIX),
        rx.url("/hook")
    );
    let t = t.config(&text);
    // Each heal sees it down and leaves it up: two changes a heal. The
    // restarts back off (50 ms doubled per restart): each kill waits for
    // its backoff, so no heal in between adds a steady check.
    let mut restarts: u32 = 0;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(40);
    while restarts < 7 && std::time::Instant::now() < deadline {
        let backoff = if restarts == 0 { 0 } else { 50 << restarts };
        std::thread::sleep(std::time::Duration::from_millis(backoff + 100));
        kill_workers(PREFIX);
        std::thread::sleep(std::time::Duration::from_millis(50));
        let doc = t.run(&["heal", "--json"]).json();
        if doc["remedies"][0]["outcome"] == "restarted" {
            restarts += 1;
        }
    }
    assert_eq!(restarts, 7, "healed every time, flapping or not");
    let told = events(&rx);
    assert_eq!(told.iter().filter(|e| *e == "flapping").count(), 1, "{told:?}");
    assert_eq!(told.last().map(String::as_str), Some("flapping"), "nothing after it: {told:?}");
}
