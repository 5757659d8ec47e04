//! Alerts end to end (issue 4): the real binary, a real HTTP receiver on
//! 127.0.0.1, a heartbeat file whose age decides the monitor's status.

mod escalate;
mod flap;
mod forget;
mod healed;
mod maintenance;

use crate::common::beat;

use crate::common::Test;
use crate::common::receiver::{Receiver, free_port};
use std::time::Duration;

/// A heartbeat monitor `hb` on `beat` (warning after 20 s, critical after
/// 40 s), plus `extra` (channels, `[alerts]` keys).
fn config(t: &Test, alerts: &str, channels: &str) -> String {
    format!(
        "host_defaults = false\n\n[alerts]\nhost = \"box1\"\n{alerts}\n\n[[monitor]]\nname = \"hb\"\nkind = \"heartbeat\"\n\
         file = \"{}\"\nwarn = \"20s\"\ncrit = \"40s\"\n\n{channels}",
        t.path("beat").display()
    )
}

fn webhook(url: &str) -> String {
    format!("[[channel]]\nname = \"hook\"\nkind = \"webhook\"\nurl = \"{url}\"\n")
}

#[test]
fn fires_after_exactly_for_checks_no_repeat_in_the_cooldown_and_resolves() {
    let rx = Receiver::start();
    let mut t = Test::new();
    let text = config(&t, "for = 3\ncooldown = \"1h\"", &webhook(&rx.url("/hook")));
    t = t.config(&text);
    beat(&t, 60);
    let doc = t.run(&["check", "--json"]).json();
    assert_eq!(doc["alerts"].as_array().map(Vec::len), Some(0), "{doc:#}");
    // A newcomer's first failing check must say the alert is
    // counting, not look as if alerting were broken.
    assert_eq!(doc["pending_alerts"][0]["monitor"], "hb", "{doc:#}");
    assert_eq!(doc["pending_alerts"][0]["streak"], 1);
    assert_eq!(doc["pending_alerts"][0]["for_checks"], 3);
    let text = t.run(&["check"]);
    text.code(2);
    assert!(
        text.stdout.contains("alert pending: hb (2 of 3 failing checks in a row; it fires after 1 more)"),
        "{}",
        text.stdout
    );
    assert!(rx.requests().is_empty(), "nothing before the third failing check");
    let out = t.run(&["check", "--json"]);
    out.code(2);
    let doc = out.json();
    assert_eq!(doc["alerts"][0]["event"], "firing");
    assert_eq!(doc["alerts"][0]["channels"][0], "hook");
    assert_eq!(doc["notifications"]["delivered"], 1);
    // Delivered by the run that raised it: no waiting for a later one.
    let got = rx.requests();
    assert_eq!(got.len(), 1);
    let n = got[0].json();
    assert_eq!((got[0].method.as_str(), got[0].path.as_str()), ("POST", "/hook"));
    assert_eq!(got[0].header("Content-Type"), Some("application/json"));
    assert_eq!(n["event"], "firing");
    assert_eq!(n["monitor"], "hb");
    assert_eq!(n["kind"], "heartbeat");
    assert_eq!(n["severity"], "critical");
    assert_eq!(n["host"], "box1");
    assert_eq!(n["streak"], 3);
    assert_eq!(n["dedup_key"], "hm/box1/hb");
    let id = n["alert_id"].as_i64().expect("alert id");

    for _ in 0..3 {
        t.run(&["check"]).code(2);
    }
    assert_eq!(rx.requests().len(), 1, "no repeat inside the cooldown");
    let alerts = t.run(&["alerts", "--json"]).json();
    assert_eq!(alerts["alerts"][0]["id"], id);
    assert_eq!(alerts["alerts"][0]["state"], "firing");
    assert_eq!(alerts["alerts"][0]["streak"], 6);

    beat(&t, 0);
    let doc = t.run(&["check", "--json"]).json();
    assert_eq!(doc["alerts"][0]["event"], "resolved");
    let got = rx.requests();
    assert_eq!(got.len(), 2);
    let r = got[1].json();
    assert_eq!(
        (r["event"].as_str(), r["alert_id"].as_i64(), r["severity"].as_str()),
        (Some("resolved"), Some(id), Some("critical"))
    );
    assert_eq!(t.run(&["alerts", "--json"]).json()["alerts"].as_array().map(Vec::len), Some(0));
    let all = t.run(&["alerts", "--all", "--json"]).json();
    assert_eq!(all["alerts"][0]["state"], "resolved");
    t.run(&["check"]).code(0);
    assert_eq!(rx.requests().len(), 2, "an ok monitor stays quiet");
}

#[test]
fn a_severity_change_is_sent_at_once_and_a_repeat_after_the_cooldown() {
    let rx = Receiver::start();
    let mut t = Test::new();
    let text = config(&t, "for = 1\ncooldown = \"1s\"", &webhook(&rx.url("/")));
    t = t.config(&text);
    beat(&t, 30);
    t.run(&["check"]).code(1);
    beat(&t, 60);
    t.run(&["check"]).code(2);
    let events: Vec<String> =
        rx.requests().iter().map(|r| r.json()["event"].as_str().unwrap_or("").to_string()).collect();
    assert_eq!(events, ["firing", "changed"]);
    assert_eq!(rx.requests()[1].json()["previous_severity"], "warning");
    std::thread::sleep(Duration::from_millis(1100));
    t.run(&["check"]).code(2);
    assert_eq!(rx.requests().last().map(|r| r.json()["event"].clone()), Some("repeat".into()));
}

#[test]
fn slack_and_pagerduty_get_their_own_bodies_and_secrets_never_print() {
    let rx = Receiver::start();
    let channels = format!(
        "[[channel]]\nname = \"chat\"\nkind = \"slack\"\nurl = \"{}\"\n\n\
         [[channel]]\nname = \"pager\"\nkind = \"pagerduty\"\nrouting_key = {{ env = \"PD_KEY\" }}\nurl = \"{}\"\nseverities = [\"critical\"]\n",
        rx.url("/services/T0/B0/SLACKSECRET"),
        rx.url("/v2/enqueue")
    );
    let mut t = Test::new().env("PD_KEY", "R0UTINGSECRET");
    let text = config(&t, "for = 1", &channels);
    t = t.config(&text);
    beat(&t, 60);
    let fire = t.run(&["check", "--json"]);
    fire.code(2);
    beat(&t, 0);
    let resolve = t.run(&["check", "--json"]);
    resolve.code(0);

    let got = rx.requests();
    let slack: Vec<serde_json::Value> =
        got.iter().filter(|r| r.path.contains("SLACKSECRET")).map(|r| r.json()).collect();
    let pd: Vec<serde_json::Value> = got.iter().filter(|r| r.path == "/v2/enqueue").map(|r| r.json()).collect();
    assert_eq!((slack.len(), pd.len()), (2, 2), "{got:#?}");

    assert!(slack[0]["text"].as_str().is_some_and(|t| t.contains("[CRITICAL] hb on box1")), "{}", slack[0]);
    assert_eq!(slack[0]["attachments"][0]["color"], "#d63232");
    assert_eq!(slack[0]["attachments"][0]["fields"][0]["value"], "box1");
    assert_eq!(slack[1]["attachments"][0]["color"], "#2eb886");
    assert!(slack[1]["text"].as_str().is_some_and(|t| t.starts_with("[RESOLVED]")));

    assert_eq!(pd[0]["routing_key"], "R0UTINGSECRET");
    assert_eq!(pd[0]["event_action"], "trigger");
    assert_eq!(pd[0]["payload"]["severity"], "critical");
    assert_eq!(pd[0]["payload"]["source"], "box1");
    assert_eq!(pd[0]["payload"]["component"], "hb");
    assert_eq!(pd[1]["event_action"], "resolve");
    assert_eq!(pd[1]["dedup_key"], pd[0]["dedup_key"]);
    assert_eq!(pd[1]["dedup_key"], "hm/box1/hb");

    // Now make every delivery fail, and look everywhere a secret could leak.
    drop(rx);
    beat(&t, 60);
    let failing = t.run(&["check", "--json"]);
    let outbox = t.run(&["alerts", "outbox", "--json"]);
    let test = t.run(&["alerts", "test", "chat", "--json"]);
    test.code(1);
    assert_eq!(test.json()["ok"], false);
    let listing = t.run(&["alerts", "--all"]);
    let validate = t.run(&["validate", "--json"]);
    for out in [&fire, &resolve, &failing, &outbox, &test, &listing, &validate] {
        for secret in ["SLACKSECRET", "R0UTINGSECRET", "/services/"] {
            assert!(!out.stdout.contains(secret) && !out.stderr.contains(secret), "{secret} leaked:\n{out:?}");
        }
    }
    assert!(
        outbox.json()["notifications"][0]["last_error"].as_str().is_some_and(|e| !e.is_empty()),
        "{}",
        outbox.stdout
    );
    assert!(test.stdout.contains("http://127.0.0.1:"), "the redacted target is shown: {}", test.stdout);
}

#[test]
fn a_receiver_down_for_two_runs_then_up_gets_everything_once_in_order() {
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}/hook");
    let mut t = Test::new();
    let text = config(&t, "for = 1\nretry = \"100ms\"\ntimeout = \"2s\"", &webhook(&url));
    t = t.config(&text);
    beat(&t, 60);
    let first = t.run(&["check", "--json"]).json();
    assert_eq!(first["notifications"]["delivered"], 0);
    assert!(first["notifications"]["failed"][0]["error"].as_str().is_some_and(|e| !e.is_empty()), "{first:#}");
    beat(&t, 0);
    t.run(&["check"]).code(0);
    let waiting = t.run(&["alerts", "outbox", "--json"]).json();
    let events: Vec<&str> =
        waiting["notifications"].as_array().expect("list").iter().filter_map(|n| n["event"].as_str()).collect();
    assert_eq!(events, ["firing", "resolved"], "both wait, in order");
    assert!(waiting["notifications"][0]["attempts"].as_u64() >= Some(2));

    let rx = Receiver::on(port, 200);
    beat(&t, 60);
    let doc = t.run(&["check", "--json"]).json();
    assert_eq!(doc["notifications"]["delivered"], 3, "{doc:#}");
    assert_eq!(doc["notifications"]["waiting"], 0);
    let got: Vec<(String, i64)> = rx
        .requests()
        .iter()
        .map(|r| (r.json()["event"].as_str().unwrap_or("").to_string(), r.json()["alert_id"].as_i64().unwrap_or(0)))
        .collect();
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!((got[0].0.as_str(), got[1].0.as_str(), got[2].0.as_str()), ("firing", "resolved", "firing"));
    assert_eq!(got[0].1, got[1].1, "the first alert fired and resolved");
    assert_ne!(got[1].1, got[2].1, "then a new alert");
    std::thread::sleep(Duration::from_millis(300));
    t.run(&["check"]).code(2);
    t.run(&["alerts", "flush"]).code(0);
    assert_eq!(rx.requests().len(), 3, "nothing is sent twice");
    assert_eq!(t.run(&["alerts", "outbox", "--json"]).json()["notifications"].as_array().map(Vec::len), Some(0));
}

#[test]
fn the_command_channel_gets_the_notification_as_json_on_stdin() {
    let mut t = Test::new();
    let out = t.path("got.json");
    let channel = format!(
        "[[channel]]\nname = \"script\"\nkind = \"command\"\ncommand = [\"sh\", \"-c\", \"cat > {} && echo \\\"$HM_EVENT $HM_MONITOR $HM_SEVERITY\\\" > {}.env\"]\n",
        out.display(),
        out.display()
    );
    let text = config(&t, "for = 1", &channel);
    t = t.config(&text);
    beat(&t, 60);
    t.run(&["check"]).code(2);
    let text = std::fs::read_to_string(&out).expect("the command ran");
    let n: serde_json::Value = serde_json::from_str(&text).expect("valid JSON on stdin");
    assert_eq!(
        (n["event"].as_str(), n["monitor"].as_str(), n["version"].as_u64()),
        (Some("firing"), Some("hb"), Some(1))
    );
    let env = std::fs::read_to_string(format!("{}.env", out.display())).expect("env");
    assert_eq!(env.trim(), "firing hb critical");
}

#[test]
fn a_failing_command_is_retried_and_email_goes_through_sendmail() {
    let mut t = Test::new();
    let mail = t.path("mail.txt");
    let sendmail = t.path("sendmail");
    std::fs::write(&sendmail, format!("#!/bin/sh\necho \"$@\" > {m}.args\ncat > {m}\n", m = mail.display()))
        .expect("script");
    std::fs::set_permissions(&sendmail, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    let flag = t.path("ok");
    let channels = format!(
        "[[channel]]\nname = \"flaky\"\nkind = \"command\"\nshell = true\ncommand = \"test -e {}\"\n\n\
         [[channel]]\nname = \"mail\"\nkind = \"email\"\nto = [\"ops@example.org\"]\nfrom = \"hm@box1\"\nsendmail = \"{}\"\n",
        flag.display(),
        sendmail.display()
    );
    let text = config(&t, "for = 1\nretry = \"50ms\"", &channels);
    t = t.config(&text);
    beat(&t, 60);
    let doc = t.run(&["check", "--json"]).json();
    assert_eq!(doc["notifications"]["failed"][0]["channel"], "flaky");
    let text = std::fs::read_to_string(&mail).expect("mail sent");
    assert!(text.starts_with("To: ops@example.org\nFrom: hm@box1\nSubject: [CRITICAL] hb on box1: "), "{text}");
    assert!(text.contains("\n\n"), "headers, then a body");
    assert_eq!(std::fs::read_to_string(format!("{}.args", mail.display())).expect("args").trim(), "-t -oi");

    std::fs::write(&flag, "").expect("flag");
    let flushed = t.run(&["alerts", "flush", "--json"]);
    flushed.code(0);
    assert_eq!(flushed.json()["delivered"], 1);
}

#[test]
fn silence_ack_and_test_from_the_command_line() {
    let rx = Receiver::start();
    let mut t = Test::new();
    let text = config(&t, "for = 1\ncooldown = \"1s\"", &webhook(&rx.url("/hook")));
    t = t.config(&text);
    beat(&t, 60);
    t.run(&["alerts", "silence", "hb", "--for", "1h", "--reason", "maintenance"]).code(0);
    t.run(&["check"]).code(2);
    assert!(rx.requests().is_empty(), "silenced: checked, not notified");
    let list = t.run(&["alerts", "--json"]).json();
    assert_eq!(list["alerts"][0]["state"], "firing");
    assert_eq!(list["alerts"][0]["silenced"], true);
    assert_eq!(list["silences"][0]["reason"], "maintenance");
    t.run(&["alerts", "unsilence", "hb"]).code(0);
    t.run(&["check"]).code(2);
    assert_eq!(rx.requests().len(), 1, "told once the silence is lifted");
    let id = list["alerts"][0]["id"].as_i64().expect("id").to_string();
    t.run(&["alerts", "ack", &id]).code(0);
    std::thread::sleep(Duration::from_millis(1100));
    t.run(&["check"]).code(2);
    assert_eq!(rx.requests().len(), 1, "acked: no repeat after the cooldown");

    let missing = t.run(&["alerts", "ack", "999"]);
    missing.code(1);
    assert!(missing.one_line_error().contains("no alert with id 999"));
    t.run(&["alerts", "silence", "nope", "--for", "1h"]).code(1);
    t.run(&["alerts", "silence", "hb", "--for", "soon"]).code(2);

    let test = t.run(&["alerts", "test", "hook", "--json"]);
    test.code(0);
    assert_eq!(test.json()["ok"], true);
    assert_eq!(rx.requests().last().map(|r| r.json()["event"].clone()), Some("test".into()));
    t.run(&["alerts", "test", "nope"]).code(1);
}

#[test]
fn channel_mistakes_are_reported_with_line_and_field() {
    let t = Test::new().config(
        "[alerts]\nfor = 0\n\n[[channel]]\nname = \"a\"\nkind = \"pigeon\"\n\n[[channel]]\nname = \"b\"\nkind = \"slack\"\n\n\
         [[channel]]\nname = \"c\"\nkind = \"webhook\"\nurl = \"ftp://x\"\nto = [\"x@y\"]\n",
    );
    let out = t.run(&["validate", "--json"]);
    out.code(1);
    let issues: Vec<(u64, String)> = out.json()["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|i| (i["line"].as_u64().unwrap_or(0), i["field"].as_str().unwrap_or("").to_string()))
        .collect();
    assert_eq!(
        issues,
        [
            (2, "alerts.for".to_string()),
            (6, "channel[a].kind".to_string()),
            (8, "channel[b]".to_string()),
            (15, "channel[c].url".to_string()),
            (16, "channel[c].to".to_string()),
        ]
    );
}
