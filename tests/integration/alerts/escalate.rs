//! Escalation tiers (`unacked_for`) under `hm run`: the real binary, real
//! HTTP receivers on 127.0.0.1. The loop's interval is an hour, so every
//! escalation here happens between cycles, on the tier's own timer.

use crate::common::Test;
use crate::common::beat;
use crate::common::daemon::Daemon;
use crate::common::receiver::Receiver;
use nix::sys::signal::Signal;
use std::time::{Duration, Instant};

/// `hb` (critical now, `for = 1`) told to `chat` at once, to `pager`
/// after 2 s unacked and to `boss` after an hour.
fn tiers(chat: &Receiver, pager: &Receiver, boss: &Receiver) -> Test {
    let hook = |name: &str, url: String, extra: &str| {
        format!("[[channel]]\nname = \"{name}\"\nkind = \"webhook\"\nurl = \"{url}\"\n{extra}\n")
    };
    let t = Test::new();
    let text = format!(
        "host_defaults = false\n\n[alerts]\nhost = \"box1\"\nfor = 1\ncooldown = \"1h\"\n\n[[monitor]]\nname = \"hb\"\n\
         kind = \"heartbeat\"\nfile = \"{}\"\nwarn = \"20s\"\ncrit = \"40s\"\n\n{}{}{}",
        t.path("beat").display(),
        hook("chat", chat.url("/chat"), ""),
        hook("pager", pager.url("/pager"), "unacked_for = \"2s\""),
        hook("boss", boss.url("/boss"), "unacked_for = \"1h\"")
    );
    let t = t.config(&text);
    beat(&t, 60);
    t
}

fn events(rx: &Receiver) -> Vec<String> {
    rx.requests().iter().map(|r| r.json()["event"].as_str().unwrap_or("?").to_string()).collect()
}

#[test]
fn issue30_a_tier_is_told_on_time_between_cycles_and_only_the_told_get_the_resolve() {
    let (chat, pager, boss) = (Receiver::start(), Receiver::start(), Receiver::start());
    let t = tiers(&chat, &pager, &boss);
    let d = Daemon::start(&t, &["run", "--interval", "1h"]);
    let first = chat.wait_for(1, Duration::from_secs(10));
    let fired = Instant::now();
    assert_eq!(first[0].json()["event"], "firing");
    assert!(first[0].json().get("escalated").is_none(), "the first tier's firing is not an escalation");
    assert!(pager.requests().is_empty(), "the pager waits its 2 s");
    let paged = pager.wait_for(1, Duration::from_secs(5));
    let after = fired.elapsed();
    // Within a second of the mark, though the next cycle is an hour away.
    assert!(after >= Duration::from_millis(1500) && after < Duration::from_millis(3000), "paged after {after:?}");
    let n = paged[0].json();
    assert_eq!((n["event"].as_str(), n["escalated"].as_bool()), (Some("firing"), Some(true)), "{n}");
    assert_eq!((n["unacked_for"].as_str(), n["monitor"].as_str()), (Some("2s"), Some("hb")));
    assert_eq!(n["alert_id"], first[0].json()["alert_id"]);
    d.wait_for(Duration::from_secs(5), "the note", |_, err| err.contains("escalated alert"));
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(events(&pager), ["firing"], "told once");
    assert_eq!(events(&chat), ["firing"]);
    // Ok again: a SIGHUP runs a cycle at once. The told tiers are resolved,
    // the boss, never told, hears nothing.
    beat(&t, 0);
    d.signal(Signal::SIGHUP);
    pager.wait_for(2, Duration::from_secs(10));
    chat.wait_for(2, Duration::from_secs(10));
    assert_eq!(events(&pager), ["firing", "resolved"]);
    assert_eq!(events(&chat), ["firing", "resolved"]);
    assert!(boss.requests().is_empty(), "{:?}", boss.requests());
}

#[test]
fn issue30_an_ack_before_the_mark_means_the_tier_never_hears_of_it() {
    let (chat, pager, boss) = (Receiver::start(), Receiver::start(), Receiver::start());
    let t = tiers(&chat, &pager, &boss);
    let d = Daemon::start(&t, &["run", "--interval", "1h"]);
    let first = chat.wait_for(1, Duration::from_secs(10));
    let id = first[0].json()["alert_id"].as_i64().expect("alert id").to_string();
    t.run(&["alerts", "ack", &id]).code(0);
    std::thread::sleep(Duration::from_secs(3));
    assert!(pager.requests().is_empty(), "acked before its mark: {:?}", pager.requests());
    beat(&t, 0);
    d.signal(Signal::SIGHUP);
    chat.wait_for(2, Duration::from_secs(10));
    assert_eq!(events(&chat), ["firing", "resolved"]);
    assert!(pager.requests().is_empty() && boss.requests().is_empty(), "never told, never resolved");
}

#[test]
fn issue30_a_one_shot_check_escalates_at_its_next_run_and_survives_a_restart() {
    let (chat, pager, boss) = (Receiver::start(), Receiver::start(), Receiver::start());
    let t = tiers(&chat, &pager, &boss);
    t.run(&["check"]).code(2);
    assert_eq!(events(&chat), ["firing"]);
    t.run(&["check"]).code(2);
    assert!(pager.requests().is_empty(), "not before its mark");
    std::thread::sleep(Duration::from_millis(2100));
    let out = t.run(&["check", "--json"]);
    out.code(2);
    let doc = out.json();
    let escalated: Vec<&serde_json::Value> =
        doc["alerts"].as_array().into_iter().flatten().filter(|a| a["escalated"] == true).collect();
    assert_eq!(escalated.len(), 1, "{doc:#}");
    assert_eq!(escalated[0]["channels"], serde_json::json!(["pager"]));
    assert_eq!(events(&pager), ["firing"]);
    // A loop started now does not tell it again.
    let d = Daemon::start(&t, &["run", "--interval", "1h"]);
    d.wait_for(Duration::from_secs(10), "a cycle", |out, _| !out.is_empty());
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(events(&pager), ["firing"]);
}

#[test]
fn issue30_bad_tiers_and_flap_limits_name_file_line_and_field() {
    let t = Test::new().config(
        "host_defaults = false\n\n[alerts]\nflap_high = 120\n\n[[monitor]]\nname = \"m\"\nkind = \"load\"\n\
         flap_high = 20\nflap_low = 30\n\n[[channel]]\nname = \"a\"\nkind = \"log\"\nunacked_for = \"soon\"\n\n\
         [[channel]]\nname = \"b\"\nkind = \"log\"\nunacked_for = \"30d\"\n\n\
         [[channel]]\nname = \"c\"\nkind = \"log\"\nevents = [\"healed\"]\nunacked_for = \"1m\"\n",
    );
    let out = t.run(&["validate", "--json"]);
    out.code(1);
    let doc = out.json();
    let issues: Vec<(u64, String)> = doc["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|i| (i["line"].as_u64().unwrap_or(0), i["field"].as_str().unwrap_or("").to_string()))
        .collect();
    assert_eq!(
        issues,
        [
            (4, "alerts.flap_high".to_string()),
            (10, "monitor[m].flap_low".to_string()),
            (15, "channel[a].unacked_for".to_string()),
            (20, "channel[b].unacked_for".to_string()),
            (26, "channel[c].unacked_for".to_string()),
        ],
        "{doc:#}"
    );
    assert!(doc["errors"][0]["file"].as_str().is_some_and(|f| f.ends_with(".toml")), "{doc:#}");
    assert!(doc["errors"][3]["message"].as_str().is_some_and(|m| m.contains("7d")), "{doc:#}");
}

#[test]
fn issue30_the_timer_resumes_after_hm_run_restarts() {
    let (chat, pager, boss) = (Receiver::start(), Receiver::start(), Receiver::start());
    let t = tiers(&chat, &pager, &boss);
    let mut d = Daemon::start(&t, &["run", "--interval", "1h"]);
    chat.wait_for(1, Duration::from_secs(10));
    let fired = Instant::now();
    d.signal(Signal::SIGTERM);
    assert!(d.wait_exit(Duration::from_secs(5)).is_some(), "stopped");
    assert!(pager.requests().is_empty());
    let _again = Daemon::start(&t, &["run", "--interval", "1h"]);
    pager.wait_for(1, Duration::from_secs(5));
    let after = fired.elapsed();
    assert!(after < Duration::from_millis(3000), "paged {after:?} after it fired, across the restart");
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!((events(&chat), events(&pager)), (vec!["firing".to_string()], vec!["firing".to_string()]));
}
