//! Time (issue 26): rows written with the clock 3 days fast must not stay
//! "latest" for 3 days, nor a wall clock that steps move restart budgets.
//! Real `faketime` (libfaketime), real `hm run`.

use crate::common::daemon::Daemon;
use crate::common::renamed::renamed;
use crate::common::{Test, beat, have_tool, hb_monitor, kill_procs};
use nix::sys::signal::Signal;
use std::process::Command;
use std::time::Duration;

/// hm with `args` under `faketime OFFSET`, as the test runs it.
fn faked(t: &Test, offset: &str, args: &[&str]) -> std::process::Output {
    let hm = t.command(args);
    let mut cmd = Command::new("faketime");
    cmd.arg("-f").arg(offset).arg(hm.get_program()).args(hm.get_args());
    for (k, v) in hm.get_envs() {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    cmd.current_dir(t.root()).output().expect("faketime")
}

#[test]
fn issue26_rows_from_a_fast_clock_are_flagged_and_not_latest_once_the_clock_is_right() {
    if !have_tool("faketime") {
        return;
    }
    let t = Test::new();
    let text = format!("host_defaults = false\n{}", hb_monitor(&t));
    let t = t.config(&text);
    beat(&t, 100);
    let fast = faked(&t, "+3d", &["check"]);
    assert_eq!(fast.status.code(), Some(2), "{fast:?}");
    // Only the fast row: it is flagged, and its age is not negative.
    let status = t.run(&["status", "--json"]).json();
    let m = &status["monitors"][0];
    assert_eq!(m["status"], "critical", "{m}");
    assert_eq!(m["age_s"], 0.0, "{m}");
    let ahead = m["future_s"].as_f64().expect("future_s");
    assert!((259_000.0..259_300.0).contains(&ahead), "{m}");
    assert!(m["message"].as_str().is_some_and(|s| s.contains("in the future: the clock was fast")), "{m}");
    // The clock is right again: the row written last is the latest.
    beat(&t, 0);
    t.run(&["check"]).code(0);
    let status = t.run(&["status", "--json"]).json();
    let m = &status["monitors"][0];
    assert_eq!(m["status"], "ok", "{m}");
    assert!(m.get("future_s").is_none(), "{m}");
    assert!(m["age_s"].as_f64().is_some_and(|a| (0.0..5.0).contains(&a)), "{m}");
    t.run(&["status"]).code(0);
    let nagios = t.run(&["export", "--format", "nagios"]);
    nagios.code(0);
    assert!(nagios.stdout.starts_with("HM OK"), "{}", nagios.stdout);
    let prometheus = t.run(&["export"]).code(0).stdout.clone();
    assert!(prometheus.contains("hm_monitor_status{monitor=\"hb\"") || prometheus.contains("monitor=\"hb\""));
}

/// libfaketime itself, for a clock the test steps while hm runs.
fn libfaketime() -> Option<std::path::PathBuf> {
    let dirs = std::fs::read_dir("/usr/lib").ok()?;
    dirs.flatten().map(|d| d.path().join("faketime/libfaketime.so.1")).find(|p| p.exists())
}

fn outcomes(out: &str) -> Vec<String> {
    out.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .flat_map(|doc| doc["remedies"].as_array().cloned().unwrap_or_default())
        .filter_map(|r| r["outcome"].as_str().map(String::from))
        .collect()
}

#[test]
fn issue26_a_wall_clock_stepped_forward_does_not_empty_a_restart_budget_within_hm_run() {
    if !have_tool("faketime") {
        return;
    }
    let lib = libfaketime().expect("faketime is installed but libfaketime.so.1 is not under /usr/lib/*/faketime");
    let prefix = "hm-test-i26-clock";
    let t = Test::new();
    let clock = t.path("clock");
    std::fs::write(&clock, "+0\n").expect("clock");
    let (start, pattern) = renamed(&format!("{prefix} "), &format!("{prefix} w"), "", "sleep 0.3");
    let t = t
        .config(&format!(
            "host_defaults = false\n[[monitor]]\nname = \"crashy\"\nkind = \"process\"\npattern = \"{pattern}\"\n\
             start = {start}\nrestart_delay = \"100ms\"\n\
             max_restarts = 2\nrestart_window = \"10m\"\n"
        ))
        .env("LD_PRELOAD", lib.as_os_str())
        .env("FAKETIME_TIMESTAMP_FILE", clock.as_os_str())
        .env("FAKETIME_NO_CACHE", "1")
        .env("FAKETIME_DONT_FAKE_MONOTONIC", "1");
    let mut hm = Daemon::start(&t, &["run", "--heal", "--interval", "30s", "--json"]);
    hm.wait_for(Duration::from_secs(20), "giving up", |out, _| outcomes(out).last().is_some_and(|o| o == "gave up"));
    let before = outcomes(&hm.stdout());
    assert_eq!(before.iter().filter(|o| *o == "restarted").count(), 2, "{before:?}");
    // The wall clock steps an hour forward: the restarts 10 minutes ago
    // by the wall clock are seconds ago by hm's.
    std::fs::write(&clock, "+1h\n").expect("step");
    hm.signal(Signal::SIGHUP);
    hm.wait_for(Duration::from_secs(10), "a cycle after the step", |out, _| outcomes(out).len() > before.len());
    std::thread::sleep(Duration::from_millis(500));
    let after = outcomes(&hm.stdout());
    kill_procs(format!("{prefix} ").as_bytes());
    assert_eq!(after.iter().filter(|o| *o == "restarted").count(), 2, "no restart after the step: {after:?}");
    assert!(hm.stderr().contains("ahead of hm's, which runs steadily"), "{}", hm.stderr());
    hm.signal(Signal::SIGTERM);
    assert_eq!(hm.wait_exit(Duration::from_secs(3)).and_then(|s| s.code()), Some(0));
}
