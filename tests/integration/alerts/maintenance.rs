//! Maintenance windows: the real binary, a real webhook on 127.0.0.1. A
//! critical monitor inside an unplanned window (`hm alerts maintenance
//! start`) is checked and recorded but nobody is told; once the window
//! ends its alert fires. A planned window (`[[maintenance]]`) is judged
//! under a fake clock (`faketime`): quiet inside, firing after. A window
//! without `heal = true` holds a dead worker's restart. Bad windows are
//! errors naming file, line and field.

use super::{config, webhook};
use crate::common::receiver::Receiver;
use crate::common::{Test, beat, have_tool, result};
use crate::record_first::{Cleanup, pids_of};
use std::process::Command;
use std::time::Duration;

fn events(rx: &Receiver) -> Vec<String> {
    rx.requests().iter().map(|r| r.json()["event"].as_str().unwrap_or("?").to_string()).collect()
}

fn actions(t: &Test) -> Vec<String> {
    let doc = t.run(&["actions", "--json"]).json();
    doc["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .map(|a| a["action"].as_str().unwrap_or("?").to_string())
        .collect()
}

#[test]
fn issue30_a_critical_monitor_in_an_unplanned_window_tells_nobody_and_fires_once_it_ends() {
    let rx = Receiver::start();
    let t = Test::new();
    let text = config(&t, "for = 1\ncooldown = \"1h\"", &webhook(&rx.url("/hook")));
    let t = t.config(&text);
    beat(&t, 60);
    t.run(&["alerts", "maintenance", "start", "--for", "1h", "h*"]).code(0);
    for _ in 0..3 {
        let out = t.run(&["check", "--json"]);
        out.code(2);
        let doc = out.json();
        assert_eq!(result(&doc, "hb")["status"], "critical", "checked as always: {doc:#}");
        assert_eq!(doc["alerts"].as_array().map(Vec::len), Some(0), "{doc:#}");
    }
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(events(&rx), Vec::<String>::new(), "told inside the window");
    assert_eq!(t.run(&["alerts", "--json"]).json()["alerts"].as_array().map(Vec::len), Some(0));
    // Shown where a person and a scraper look.
    let status = t.run(&["status", "--json"]).json();
    assert_eq!(status["monitors"][0]["status"], "critical", "{status:#}");
    assert_eq!(status["monitors"][0]["maintenance"]["window"], "unplanned", "{status:#}");
    assert_eq!(status["monitors"][0]["maintenance"]["heal"], false, "{status:#}");
    assert!(t.run(&["status"]).stdout.contains("hb in maintenance (unplanned) until "));
    let metrics = t.run(&["export", "--format", "prometheus"]).stdout.clone();
    assert!(metrics.contains("hm_monitor_in_maintenance{monitor=\"hb\",kind=\"heartbeat\"} 1"), "{metrics}");
    // Ended: the next check fires, once.
    t.run(&["alerts", "maintenance", "stop"]).code(0);
    let doc = t.run(&["check", "--json"]).json();
    assert_eq!(doc["alerts"][0]["event"], "firing", "{doc:#}");
    t.run(&["check"]).code(2);
    assert_eq!(events(&rx), ["firing"]);
    let status = t.run(&["status", "--json"]).json();
    assert!(status["monitors"][0].get("maintenance").is_none(), "{status:#}");
    let metrics = t.run(&["export", "--format", "prometheus"]).stdout.clone();
    assert!(metrics.contains("hm_monitor_in_maintenance{monitor=\"hb\",kind=\"heartbeat\"} 0"), "{metrics}");
    assert_eq!(actions(&t), ["maintenance-start", "maintenance-stop"]);
    let doc = t.run(&["actions", "--json"]).json();
    let started = &doc["actions"][0];
    assert_eq!(started["monitor"], "h*", "{started:#}");
    assert!(started["details"].as_str().is_some_and(|d| d.starts_with("by ") && d.contains("until")), "{started:#}");
    // Nothing left to stop; a name that matches nothing is refused.
    t.run(&["alerts", "maintenance", "stop"]).code(1);
    t.run(&["alerts", "maintenance", "start", "--for", "1h", "nosuch"]).code(1);
    t.run(&["alerts", "maintenance", "start", "--for", "10s"]).code(2);
}

/// hm with `args` under a clock at `utc` (`2027-03-10 03:30:00`).
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

#[test]
fn issue30_a_planned_window_is_quiet_inside_and_its_alert_fires_after() {
    if !have_tool("faketime") {
        return;
    }
    let rx = Receiver::start();
    let t = Test::new();
    let window = "[[maintenance]]\nname = \"nightly\"\nmonitors = [\"hb\"]\nschedule = \"0 3 * * *\"\n\
                  tz = \"Europe/Berlin\"\nduration = \"1h\"\n\n";
    let text = config(&t, "for = 1\ncooldown = \"1h\"", &format!("{window}{}", webhook(&rx.url("/hook"))));
    let t = t.config(&text);
    beat(&t, 60);
    // 03:30 in Berlin (CET) is 02:30 UTC: inside. The beat, a real
    // file, is months old by the fake clock: critical throughout.
    for utc in ["2027-03-10 02:00:00", "2027-03-10 02:30:00", "2027-03-10 02:59:00"] {
        let out = at(&t, utc, &["check", "--json"]);
        assert_eq!(out.status.code(), Some(2), "{out:?}");
    }
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(events(&rx), Vec::<String>::new(), "told inside the window");
    let status: serde_json::Value =
        serde_json::from_slice(&at(&t, "2027-03-10 02:30:00", &["status", "--json"]).stdout).expect("json");
    assert_eq!(status["monitors"][0]["maintenance"]["window"], "nightly", "{status:#}");
    assert_eq!(status["monitors"][0]["maintenance"]["until"], "2027-03-10T03:00:00.000Z", "{status:#}");
    // 04:00 in Berlin: the window has closed, the alert fires.
    let out = at(&t, "2027-03-10 03:00:00", &["check", "--json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(doc["alerts"][0]["event"], "firing", "{doc:#}");
    assert_eq!(events(&rx), ["firing"]);
}

/// A process monitor `api` whose worker is down, in a window open now
/// (every minute, an hour long) with `heal`.
fn held(argv0: &str, heal: &str) -> Test {
    Test::new().config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"^{argv0}\"\n\
         start = [\"bash\", \"-c\", \"exec -a {argv0} sleep 600\"]\nrestart_delay = \"200ms\"\n\n\
         [[maintenance]]\nname = \"deploy\"\nmonitors = [\"ap?\"]\nschedule = \"* * * * *\"\nduration = \"1h\"\n{heal}\n"
    ))
}

#[test]
fn issue30_a_window_without_heal_holds_a_dead_workers_restart_and_one_with_heal_restarts_it() {
    let argv0 = "hm-test-i30-maint";
    let _c = Cleanup(&["hm-test-i30-maint"]);
    let t = held(argv0, "");
    let doc = t.run(&["heal", "--json"]).json();
    let line = doc["remedies"].as_array().expect("remedies").iter().find(|r| r["monitor"] == "api").expect("api line");
    assert_eq!(line["outcome"], "not healed", "{doc:#}");
    assert!(line["details"].as_str().is_some_and(|d| d.starts_with("in maintenance (deploy) until ")), "{doc:#}");
    assert_eq!(pids_of(argv0), Vec::<u32>::new(), "restarted inside the window");
    assert!(!actions(&t).contains(&"restart".to_string()));
    let t = held(argv0, "heal = true");
    let doc = t.run(&["heal", "--json"]).json();
    let line = doc["remedies"].as_array().expect("remedies").iter().find(|r| r["monitor"] == "api").expect("api line");
    assert_eq!(line["outcome"], "restarted", "{doc:#}");
    assert_eq!(pids_of(argv0).len(), 1);
}

#[test]
fn issue30_bad_windows_name_file_line_and_field() {
    let t = Test::new().config(
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"load\"\n\n\
         [[maintenance]]\nname = \"a\"\nmonitors = []\nschedule = \"0 25 * * *\"\nduration = \"1h\"\n\n\
         [[maintenance]]\nname = \"b\"\nmonitors = [\"api\"]\nschedule = \"0 3 * * *\"\ntz = \"Mars/Olympus\"\nduration = \"30s\"\n\n\
         [[maintenance]]\nname = \"c\"\nmonitors = [\"nosuch*\"]\nschedule = \"0 3 * * *\"\nduration = \"8d\"\n\n\
         [[maintenance]]\nname = \"d\"\nmonitors = [\"api\"]\nschedule = \"0 3 * * *\"\nduration = \"2h\"\n\n\
         [[maintenance]]\nname = \"e\"\nmonitors = [\"a*\"]\nschedule = \"0 4 * * *\"\nduration = \"1h\"\n",
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
    let f = |line, s: &str| (line, s.to_string());
    assert_eq!(
        issues,
        [
            f(9, "maintenance[a].monitors"),
            f(10, "maintenance[a].schedule"),
            f(17, "maintenance[b].tz"),
            f(18, "maintenance[b].duration"),
            f(24, "maintenance[c].duration"),
            f(35, "maintenance[e].schedule"),
        ],
        "{doc:#}"
    );
    let message = |field: &str| {
        doc["errors"].as_array().into_iter().flatten().find(|i| i["field"] == field).map(|i| i["message"].to_string())
    };
    assert!(message("maintenance[a].schedule").is_some_and(|m| m.contains("field 2 (hour)")), "{doc:#}");
    assert!(message("maintenance[e].schedule").is_some_and(|m| m.contains("overlaps window `d`")), "{doc:#}");
    // Fixed but for a glob that matches nothing: that alone is an error.
    let t = Test::new().config(
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"load\"\n\n\
         [[maintenance]]\nname = \"c\"\nmonitors = [\"nosuch*\"]\nschedule = \"0 3 * * *\"\nduration = \"1h\"\n",
    );
    let out = t.run(&["validate", "--json"]);
    out.code(1);
    let e = &out.json()["errors"][0];
    assert_eq!((e["line"].as_u64(), e["field"].as_str()), (Some(9), Some("maintenance[c].monitors")), "{e}");
    assert!(e["message"].as_str().is_some_and(|m| m.contains("`nosuch*` matches no monitor")), "{e}");
}
