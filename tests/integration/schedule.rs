//! Heartbeats on a cron schedule (healthchecks.io's model): a nightly job
//! in Europe/Berlin, pinged and checked under a fake clock (`faketime`,
//! libfaketime): on time, within the grace, late, a missed day, across
//! the night the clocks go forward, and a run begun with `hm ping
//! --start` that takes longer than `max_runtime`. The real binary, a
//! real database.

use crate::common::{Test, have_tool, result};
use std::process::Command;

/// hm with `args` under a clock starting at `utc` (`2027-03-10 12:00:00`).
fn at(t: &Test, utc: &str, args: &[&str]) -> std::process::Output {
    let hm = t.command(args);
    let mut cmd = Command::new("faketime");
    cmd.arg("-f").arg(format!("@{utc}")).arg(hm.get_program()).args(hm.get_args());
    for (k, v) in hm.get_envs() {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    cmd.env("TZ", "UTC").env("DONT_FAKE_MONOTONIC", "1");
    cmd.current_dir(t.root()).output().expect("faketime")
}

/// `hm check` at `utc`: the status and message of `nightly`.
fn check(t: &Test, utc: &str) -> (String, String) {
    let out = at(t, utc, &["check", "--json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{out:?}"));
    let r = result(&doc, "nightly");
    (r["status"].as_str().unwrap_or_default().into(), r["message"].as_str().unwrap_or_default().into())
}

fn ping(t: &Test, utc: &str, extra: &[&str]) {
    let mut args = vec!["ping", "nightly"];
    args.extend(extra);
    let out = at(t, utc, &args);
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn issue30_a_nightly_schedule_on_time_in_grace_late_missed_and_across_dst() {
    if !have_tool("faketime") {
        return;
    }
    let t = Test::new().config(
        "host_defaults = false\n\n[[monitor]]\nname = \"nightly\"\nkind = \"heartbeat\"\n\
         schedule = \"0 2 * * *\"\ntz = \"Europe/Berlin\"\ngrace = \"30m\"\nmax_runtime = \"1h\"\n",
    );
    let ok = |m: &str| ("ok".to_string(), m.to_string());
    let critical = |m: &str| ("critical".to_string(), m.to_string());
    // Set up the day before (13:00 in Berlin, CET, UTC+1): not late
    // before the first time it is due.
    assert_eq!(
        check(&t, "2027-03-09 12:00:00"),
        ok("never ran (watched since 2027-03-09 13:00); next due 2027-03-10 02:00")
    );
    assert_eq!(
        check(&t, "2027-03-10 01:31:00"),
        critical("never ran (watched since 2027-03-09 13:00); due 02:00, late since 02:30")
    );
    // 02:35: late, but it ran.
    ping(&t, "2027-03-10 01:35:00", &[]);
    let on_time = check(&t, "2027-03-10 12:00:00");
    assert_eq!(on_time, ok("last ran 2027-03-10 02:35 (ok); next due 2027-03-11 02:00"));
    let grace = check(&t, "2027-03-11 01:10:00");
    assert_eq!(grace, ok("last ran 2027-03-10 02:35 (ok); due 02:00, within the grace until 02:30"));
    let late = check(&t, "2027-03-11 01:31:00");
    assert_eq!(late, critical("last ran 2027-03-10 02:35 (ok); due 02:00, late since 02:30"));
    let missed = check(&t, "2027-03-12 12:00:00");
    assert_eq!(missed, critical("last ran 2027-03-10 02:35 (ok); due 2027-03-11 02:00, late since 2027-03-11 02:30"));

    // The night of 2027-03-28 skips 02:00-03:00: the job is due at 03:00 CEST.
    ping(&t, "2027-03-27 01:05:00", &[]);
    assert_eq!(
        check(&t, "2027-03-28 01:20:00"),
        ok("last ran 2027-03-27 02:05 (ok); due 03:00, within the grace until 03:30")
    );
    assert_eq!(
        check(&t, "2027-03-28 01:31:00"),
        critical("last ran 2027-03-27 02:05 (ok); due 03:00, late since 03:30")
    );
    // From then on 02:00 is CEST, 00:00 UTC, not an hour later.
    ping(&t, "2027-03-28 01:40:00", &[]);
    assert_eq!(
        check(&t, "2027-03-29 00:20:00"),
        ok("last ran 2027-03-28 03:40 (ok); due 02:00, within the grace until 02:30")
    );
    assert_eq!(
        check(&t, "2027-03-29 00:31:00"),
        critical("last ran 2027-03-28 03:40 (ok); due 02:00, late since 02:30")
    );

    // A run begun at 02:40 and still going at 03:50 is over max_runtime.
    ping(&t, "2027-03-29 00:40:00", &["--start"]);
    let (status, message) = check(&t, "2027-03-29 01:50:00");
    assert_eq!(status, "critical", "{message}");
    // 1h10m, less the instant the faked clock ran before the start's ping.
    assert!(message.contains("running since 02:40 (1h"), "{message}");
    assert!(message.ends_with("; over max_runtime 1h"), "{message}");
    ping(&t, "2027-03-29 01:55:00", &[]);
    let (status, message) = check(&t, "2027-03-29 02:00:00");
    assert_eq!(status, "ok", "{message}");
    // 1h15m less the instants each faked clock ran before its ping.
    let took = ["(ok, took 1h15m)", "(ok, took 1h14m)"];
    assert!(message.starts_with("last ran 2027-03-29 03:55 ") && took.iter().any(|t| message.contains(t)), "{message}");
}
