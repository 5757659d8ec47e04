//! Flap detection: a monitor toggled ok/critical at every check is told
//! once, `flapping`, then nothing until it settles; then `flapping-ended`
//! and the state it settled in. The real binary, a real receiver, a
//! heartbeat file the test creates and removes.

use crate::common::Test;
use crate::common::beat;
use crate::common::receiver::Receiver;

fn events(rx: &Receiver) -> Vec<String> {
    rx.requests().iter().map(|r| r.json()["event"].as_str().unwrap_or("?").to_string()).collect()
}

#[test]
fn issue30_a_toggling_monitor_is_told_flapping_once_then_flapping_ended_and_its_state() {
    let rx = Receiver::start();
    let t = Test::new();
    let text = format!(
        "host_defaults = false\n\n[alerts]\nhost = \"box1\"\nfor = 1\n\n[[monitor]]\nname = \"hb\"\n\
         kind = \"heartbeat\"\nfile = \"{}\"\nwarn = \"20s\"\ncrit = \"40s\"\n\n\
         [[channel]]\nname = \"hook\"\nkind = \"webhook\"\nurl = \"{}\"\n",
        t.path("beat").display(),
        rx.url("/hook")
    );
    let t = t.config(&text);
    // Toggle for 16 checks: critical, ok, critical, ...
    for i in 0..16 {
        if i % 2 == 0 {
            beat(&t, 60);
        } else {
            beat(&t, 0);
        }
        t.run(&["check"]);
    }
    let told = events(&rx);
    let flapping = told.iter().filter(|e| *e == "flapping").count();
    assert_eq!(flapping, 1, "{told:?}");
    let at = told.iter().position(|e| e == "flapping").unwrap_or(0);
    assert_eq!(told.len(), at + 1, "nothing after `flapping` while it flaps: {told:?}");
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
