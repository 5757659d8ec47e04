//! Issue 14, secrets: a channel URL's path and query are as secret as its
//! token, and alert receivers are untrusted. A receiver that echoes the
//! request (`Cannot POST /hooks/SECRET`) must not put the secret on a
//! screen, in the outbox or in the serve log; one that never stops sending
//! must not hold hm; and `hm validate` never prints a URL's password.
//!
//! Real receivers on 127.0.0.1 (tests/integration/common/receiver.rs), the real binary.

use crate::common::Test;
use crate::common::daemon::Daemon;
use crate::common::receiver::{echoing, endless};
use std::time::{Duration, Instant};

/// Every secret of the config below, as it must never be seen (in any case).
const SECRETS: [&str; 7] =
    ["PATHSECRET", "QUERYSECRET", "TOKENSECRET", "ROUTINGKEYSECRET", "SLACKTEAM", "SLACKHOOK", "/hooks/"];

#[track_caller]
fn assert_no_secret(what: &str, text: &str) {
    let lower = text.to_ascii_lowercase();
    for s in SECRETS {
        assert!(!lower.contains(&s.to_ascii_lowercase()), "{s} leaked in {what}:\n{text}");
    }
}

/// One channel of each kind that takes a URL, all sent to `port`; the
/// slack URL comes from the environment.
fn channels(port: u16) -> String {
    format!(
        "[[channel]]\nname = \"hook\"\nkind = \"webhook\"\n\
         url = \"http://127.0.0.1:{port}/hooks/WEBHOOK%21PATHSECRET?key=WEBHOOKQUERYSECRET\"\n\
         token = \"WEBHOOKTOKENSECRET\"\n\n\
         [[channel]]\nname = \"chat\"\nkind = \"slack\"\nurl = {{ env = \"HM_TEST_SLACK_URL\" }}\n\n\
         [[channel]]\nname = \"pager\"\nkind = \"pagerduty\"\nurl = \"http://127.0.0.1:{port}/v2/PDPATHSECRET\"\n\
         routing_key = \"PDROUTINGKEYSECRET\"\n\n\
         [[channel]]\nname = \"am\"\nkind = \"alertmanager\"\nurl = \"http://127.0.0.1:{port}/am/AMPATHSECRET\"\n"
    )
}

// Issue 14: the path, the query, their decoded and encoded forms, the token
// and the routing key a receiver echoes reach no output, no outbox row, no
// database page and no serve log. Before the fix only the whole URL was
// scrubbed, and `Cannot POST /hooks/WEBHOOK%21PATHSECRET…` went everywhere.
#[test]
fn a_receiver_echoing_the_request_never_puts_a_secret_on_screen_or_disk() {
    let port = echoing();
    let t = Test::new();
    crate::common::beat(&t, 60);
    let config =
        format!("host_defaults = false\n\n[alerts]\nfor = 1\n\n{}\n{}", crate::common::hb_monitor(&t), channels(port));
    let t = t
        .config(&config)
        .env("HM_TEST_SLACK_URL", format!("http://127.0.0.1:{port}/services/SLACKTEAM/SLACKHOOK/SLACKPATHSECRET"));
    let mut outputs = Vec::new();
    // `hm serve` fires the alert on its first cycle and logs each failure.
    let listen = format!("127.0.0.1:{}", crate::common::receiver::free_port());
    let hm = Daemon::start(&t, &["serve", "--listen", &listen, "--interval", "1h"]);
    hm.wait_for(Duration::from_secs(20), "four failed deliveries", |out, _| out.matches("HTTP 404").count() >= 4);
    outputs.push(("hm serve (stdout and stderr)".into(), format!("{}\n{}", hm.stdout(), hm.stderr())));
    drop(hm);
    let mut run = |args: &[&str]| {
        let out = t.run(args);
        outputs.push((format!("hm {}", args.join(" ")), format!("{}\n{}", out.stdout, out.stderr)));
        out
    };
    crate::common::beat(&t, 0);
    run(&["check"]);
    crate::common::beat(&t, 60);
    run(&["check"]);
    run(&["check", "--json"]);
    let outbox = run(&["alerts", "outbox", "--json"]).json();
    run(&["alerts", "outbox"]);
    run(&["alerts", "flush"]);
    run(&["alerts", "flush", "--json"]);
    for ch in ["hook", "chat", "pager", "am"] {
        let out = run(&["alerts", "test", ch, "--json"]).json();
        assert!(out["detail"].as_str().is_some_and(|d| d.starts_with("HTTP 404")), "{out:#}");
        run(&["alerts", "test", ch]);
    }
    // The receiver was reached and said something, and hm kept it.
    let rows = outbox["notifications"].as_array().expect("rows");
    let tried: Vec<_> = rows.iter().filter(|r| r["attempts"].as_u64() > Some(0)).collect();
    assert!(tried.len() >= 4, "{outbox:#}");
    for row in tried {
        let error = row["last_error"].as_str().unwrap_or("");
        assert!(error.starts_with("HTTP 404: Cannot POST "), "{row:#}");
    }
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut path = t.db_path().into_os_string();
        path.push(suffix);
        let bytes = std::fs::read(&path).unwrap_or_default();
        outputs.push((format!("{path:?}"), String::from_utf8_lossy(&bytes).into_owned()));
    }
    for (what, text) in &outputs {
        assert_no_secret(what, text);
    }
}

// Issue 14: a receiver that never stops sending its error body (fast, or a
// few bytes at a time) costs one channel timeout, and a bounded amount read.
#[test]
fn a_receiver_that_never_stops_answering_costs_one_timeout() {
    let (fast, slow) = (endless(true), endless(false));
    let t = Test::new();
    crate::common::beat(&t, 60);
    let config = format!(
        "host_defaults = false\n\n[alerts]\nfor = 1\n\n{}\n\
         [[channel]]\nname = \"fast\"\nkind = \"webhook\"\nurl = \"http://127.0.0.1:{fast}/x\"\ntimeout = \"2s\"\n\n\
         [[channel]]\nname = \"slow\"\nkind = \"webhook\"\nurl = \"http://127.0.0.1:{slow}/x\"\ntimeout = \"2s\"\n",
        crate::common::hb_monitor(&t)
    );
    let t = t.config(&config);
    let start = Instant::now();
    let out = t.run(&["check", "--json"]);
    let took = start.elapsed();
    assert!(took < Duration::from_secs(8), "hm check took {took:?}: {out:?}");
    let outbox = t.run(&["alerts", "outbox", "--json"]).json();
    let rows = outbox["notifications"].as_array().expect("rows");
    assert_eq!(rows.len(), 2, "{outbox:#}");
    for row in rows {
        let error = row["last_error"].as_str().unwrap_or("");
        assert!(error.starts_with("HTTP 500"), "{row:#}");
        assert!(error.chars().count() <= 300, "{error}");
    }
}

// Issue 14: `hm validate` (and every command that loads the config) never
// prints the password of a URL, whatever its scheme, wherever it echoes a
// value: a bad name, a bad number, a bad kind, a bad channel URL.
#[test]
fn validate_never_prints_the_password_of_any_url() {
    let urls =
        ["smtp://user:SMTPPASSWORD@mail.example", "postgres://u:PGPASSWORD@db/app", "redis://:REDISPASSWORD@cache"];
    for url in urls {
        let configs = [
            format!("[[monitor]]\nname = \"{url}\"\nkind = \"load\"\n"),
            format!("[[monitor]]\nname = \"x\"\nkind = \"load\"\nwarn = \"{url}\"\n"),
            format!("[[monitor]]\nname = \"x\"\nkind = \"{url}\"\n"),
            format!("[[monitor]]\nname = \"x\"\nkind = \"load\"\ntimeout = \"{url}\"\n"),
            format!("[[channel]]\nname = \"x\"\nkind = \"webhook\"\nurl = \"{url}\"\n"),
            format!("[[channel]]\nname = \"x\"\nkind = \"{url}\"\n"),
            format!("[alerts]\ncooldown = \"{url}\"\n"),
        ];
        for config in configs {
            let t = Test::new().config(&config);
            for args in [&["validate"][..], &["validate", "--json"], &["check"]] {
                let out = t.run(args);
                assert_ne!(out.code, 0, "{config}");
                let all = format!("{}{}", out.stdout, out.stderr);
                assert!(!all.contains("PASSWORD"), "hm {}: a password leaked:\n{config}\n{all}", args.join(" "));
            }
        }
    }
}
