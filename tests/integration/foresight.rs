//! Foresight (issue 6): the disk-full forecast from recorded samples with a
//! known slope, and an anomaly injected into a steady series.

use crate::common::{Test, result};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn now() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64())
}

/// Record `(seconds ago, value)` samples of one metric, as past runs would have.
fn record(t: &Test, monitor: &str, metric: &str, unit: &str, points: &[(f64, f64)]) {
    let db = rusqlite::Connection::open(t.db_path()).expect("db");
    let now = now();
    for (ago, value) in points {
        db.execute(
            "INSERT INTO samples (ts, monitor, metric, value, unit) VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![now - ago, monitor, metric, value, unit],
        )
        .expect("insert");
    }
}

fn metric(doc: &serde_json::Value, monitor: &str, name: &str) -> Option<f64> {
    result(doc, monitor)["metrics"].as_array()?.iter().find(|m| m["name"] == name)?["value"].as_f64()
}

/// A test with a `disk` monitor `data` on its own directory's filesystem,
/// checked once: the space metric's name and its current value.
fn disk_monitor() -> (Test, String, f64) {
    let t = Test::new();
    let text = format!(
        "host_defaults = false\n[[monitor]]\nname = \"data\"\nkind = \"disk\"\npath = \"{}\"\n",
        t.path(".").display()
    );
    let t = t.config(&text);
    let first = t.run(&["check", "--json"]).json();
    let space = result(&first, "data")["metrics"][0]["name"].as_str().expect("metric").to_string();
    let current = metric(&first, "data", &space).expect("space");
    (t, space, current)
}

/// Fill history so that the filesystem reaches 100% `hours` from now, and check.
fn forecast(hours: f64) -> (serde_json::Value, f64) {
    let (_, doc, full_in, _) = forecast_in(hours);
    (doc, full_in)
}

/// `forecast`, with the test and the mount point.
fn forecast_in(hours: f64) -> (Test, serde_json::Value, f64, String) {
    let (t, space, current) = disk_monitor();
    assert!(current < 85.0, "this test needs a filesystem under 85% full ({current}%)");
    let slope = (100.0 - current) / (hours * 3600.0);
    let points: Vec<(f64, f64)> =
        (1..=20).map(|i| f64::from(i) * 300.0).map(|ago| (ago, current - slope * ago)).collect();
    record(&t, "data", &space, "%", &points);
    let doc = t.run(&["check", "--json"]).json();
    let mount = space.trim_start_matches("space:").to_string();
    let full_in = metric(&doc, "data", &format!("full_in:{mount}")).expect("a forecast");
    (t, doc, full_in, mount)
}

/// Issue 19: the forecast reaches `hm export` (and /metrics) as the
/// HmDiskFullSoon rule of contrib/prometheus/hm.rules.yml reads it:
/// `hm_metric{name="full_in:MOUNT",unit="s"}`, in seconds.
#[test]
fn issue19_the_forecast_is_exported_as_the_prometheus_rule_reads_it() {
    let (t, _, full_in, mount) = forecast_in(10.0);
    let export = t.run(&["export"]).stdout;
    let want = format!("hm_metric{{monitor=\"data\",kind=\"disk\",name=\"full_in:{mount}\",unit=\"s\"}} ");
    let line = export.lines().find(|l| l.starts_with(&want)).unwrap_or_else(|| panic!("no {want}in:\n{export}"));
    let exported: f64 = line[want.len()..].parse().expect("a number");
    assert!((exported - full_in).abs() < 1.0, "{line} (check said {full_in})");
    assert!(exported < 24.0 * 3600.0, "HmDiskFullSoon fires under a day: {line}");
}

#[test]
fn a_disk_filling_at_a_known_rate_is_forecast_within_five_percent() {
    let (doc, full_in) = forecast(20.0);
    let truth = 20.0 * 3600.0;
    assert!((full_in - truth).abs() / truth < 0.05, "forecast {full_in} s, truth {truth} s");
    assert_eq!(result(&doc, "data")["status"], "warning", "full within 24 h");
    assert!(
        result(&doc, "data")["message"].as_str().is_some_and(|m| m.contains("full in ") && m.ends_with("(warning)")),
        "{doc:#}"
    );

    let (doc, full_in) = forecast(3.0);
    assert!((full_in - 3.0 * 3600.0).abs() / (3.0 * 3600.0) < 0.05, "{full_in}");
    assert_eq!(result(&doc, "data")["status"], "critical", "full within 4 h");
}

#[test]
fn an_emptying_disk_gets_no_forecast() {
    let (t, space, current) = disk_monitor();
    // 10 points fuller 100 minutes ago: whatever the other tests write meanwhile, it is emptying.
    let points: Vec<(f64, f64)> = (1..=20).map(|i| (f64::from(i) * 300.0, current + 0.5 * f64::from(i))).collect();
    record(&t, "data", &space, "%", &points);
    let doc = t.run(&["check", "--json"]).json();
    let names: Vec<&str> = result(&doc, "data")["metrics"]
        .as_array()
        .expect("metrics")
        .iter()
        .filter_map(|m| m["name"].as_str())
        .collect();
    assert!(!names.iter().any(|n| n.starts_with("full_in:")), "{names:?}");
}

#[test]
fn an_injected_anomaly_is_flagged_once_and_the_series_around_it_is_not() {
    let t = Test::new();
    let value = t.path("value");
    let plugin = t.path("plugin.sh");
    std::fs::write(&plugin, format!("#!/bin/sh\nprintf 'OK | v=%s\\n' \"$(cat {})\"\n", value.display()))
        .expect("plugin");
    std::fs::set_permissions(&plugin, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    let text = format!(
        "host_defaults = false\n[[monitor]]\nname = \"queue\"\nkind = \"command\"\ncommand = [\"{}\"]\nanomaly = 4\n",
        plugin.display()
    );
    let t = t.config(&text);
    t.run(&["ping", "seed", "--create"]).code(0); // creates the database
    let steady: Vec<(f64, f64)> =
        (1..=30).map(|i| (f64::from(i) * 60.0 + 30.0, 50.0 + [0.0, 1.0, -1.0, 0.5, -0.5][i as usize % 5])).collect();
    record(&t, "queue", "v", "", &steady);

    let mut flagged = Vec::new();
    for (i, v) in ["50.5", "49.2", "95", "50.3", "49.8", "51"].iter().enumerate() {
        std::fs::write(&value, v).expect("value");
        let out = t.run(&["check"]);
        let doc = t.run(&["status", "--json"]).json();
        assert_eq!(doc["monitors"][0]["monitor"], "queue");
        if out.stdout.contains("anomaly: queue v = 95") {
            flagged.push(i);
            assert_eq!(out.code, 1, "an anomaly is a warning");
        } else {
            assert!(!out.stdout.contains("anomaly:"), "run {i} ({v}) flagged:\n{}", out.stdout);
            assert_eq!(out.code, 0, "{}", out.stdout);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(flagged, [2], "only the spike");
    let json = {
        std::fs::write(&value, "97").expect("value");
        t.run(&["check", "--json"]).json()
    };
    let a = &result(&json, "queue")["anomalies"][0];
    assert_eq!(a["metric"], "v");
    assert!(
        a["z"].as_f64().is_some_and(|z| z > 4.0) && a["mean"].as_f64().is_some_and(|m| (m - 50.0).abs() < 2.0),
        "{a}"
    );
}
