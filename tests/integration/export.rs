//! `hm export` and `hm history` (issue 5): Prometheus text checked by the
//! real promtool, the atomic textfile write, the Nagios line and its exit code.

use crate::common::beat;
use crate::common::promtool_accepts;

use crate::common::Test;
use std::os::unix::fs::{MetadataExt, PermissionsExt};

/// hb (heartbeat) plus a cpu monitor that a busy test machine cannot make
/// critical (the other tests build and run beside this one), checked twice.
fn checked() -> Test {
    let t = Test::new();
    let text = format!(
        "host_defaults = false\n[[monitor]]\nname = \"cpu\"\nkind = \"cpu\"\nwarn = 99.9\ncrit = 100\n\n\
         [[monitor]]\nname = \"hb\"\nkind = \"heartbeat\"\nfile = \"{}\"\nwarn = \"20s\"\ncrit = \"40s\"\n\
         description = \"a \\\"quoted\\\" one\"\n",
        t.path("beat").display()
    );
    let t = t.config(&text);
    beat(&t, 60);
    t.run(&["check"]);
    t.run(&["check"]);
    t
}

#[test]
fn the_prometheus_export_passes_promtool_and_is_replaced_atomically() {
    let t = checked();
    let out = t.run(&["export"]);
    out.code(0);
    let text = &out.stdout;
    assert!(text.contains("hm_up 1\n"));
    assert!(text.contains("hm_monitor_status{monitor=\"hb\",kind=\"heartbeat\"} 2\n"), "{text}");
    assert!(
        text.contains("hm_metric_critical_threshold{monitor=\"hb\",kind=\"heartbeat\",name=\"age\",unit=\"s\"} 40\n")
    );
    assert!(text.contains("hm_monitor_status{monitor=\"cpu\",kind=\"cpu\"}"), "every monitor");
    assert!(text.contains("hm_alerts_firing{severity=\"critical\"} 1\n"), "hb fired after two checks: {text}");
    assert!(text.contains("# TYPE hm_health_score gauge\nhm_health_score "));
    promtool_accepts(text);

    let dir = t.path("textfile");
    std::fs::create_dir(&dir).expect("dir");
    let file = dir.join("hm.prom");
    t.run(&["export", "--output", file.to_str().expect("utf-8")]).code(0);
    let first = std::fs::metadata(&file).expect("written");
    assert_eq!(first.permissions().mode() & 0o777, 0o644, "node_exporter must be able to read it");
    assert_eq!(std::fs::read_to_string(&file).expect("read"), *text);
    t.run(&["export", "-o", file.to_str().expect("utf-8")]).code(0);
    let second = std::fs::metadata(&file).expect("rewritten");
    assert_ne!(first.ino(), second.ino(), "a new file renamed into place, not the old one rewritten");
    let names: Vec<String> =
        std::fs::read_dir(&dir).expect("ls").filter_map(|e| e.ok()?.file_name().into_string().ok()).collect();
    assert_eq!(names, ["hm.prom"], "no temporary file left behind");

    let missing = t.run(&["export", "--output", "/nonexistent/dir/hm.prom"]);
    missing.code(1);
    assert!(missing.one_line_error().contains("/nonexistent/dir"), "{}", missing.stderr);
}

#[test]
fn the_nagios_line_has_perfdata_and_the_status_as_exit_code() {
    let t = checked();
    let out = t.run(&["export", "--format", "nagios"]);
    out.code(2);
    let line = out.stdout.trim_end();
    assert_eq!(line.lines().count(), 1, "{line}");
    assert!(line.starts_with("HM CRITICAL - ") && line.contains("critical hb ("), "{line}");
    let (_, perf) = line.split_once(" | ").expect("perfdata");
    let hb = perf.split(' ').find(|p| p.starts_with("'hb:age'=")).expect("hb perfdata");
    assert!(hb.ends_with("s;20;40;;"), "{hb}");
    assert!(perf.split(' ').any(|p| p.starts_with("'cpu:cpu'=") && p.ends_with(";0;100")), "{perf}");

    beat(&t, 0);
    t.run(&["check", "hb"]);
    let out = t.run(&["export", "--format", "nagios"]);
    assert!(out.stdout.starts_with("HM OK - ") || out.stdout.starts_with("HM WARNING - "), "{}", out.stdout);
}

#[test]
fn json_export_and_history_with_sparklines() {
    let t = checked();
    let doc = t.run(&["export", "--json"]).json();
    assert!(doc["score"].as_f64().is_some_and(|s| s <= 49.0), "a critical monitor caps the host score: {doc:#}");
    assert_eq!(doc["format"], serde_json::Value::Null, "the snapshot itself, as --format json prints it");

    let h = t.run(&["history", "hb", "--json"]).json();
    assert_eq!(h["series"][0]["metric"], "age");
    assert_eq!(h["series"][0]["unit"], "s");
    assert_eq!(h["series"][0]["points"].as_array().map(Vec::len), Some(2), "one point per check");
    let table = t.run(&["history", "hb"]);
    table.code(0);
    assert!(table.stdout.chars().any(|c| ('▁'..='█').contains(&c)), "{}", table.stdout);
    let bad = t.run(&["history", "hb", "--metric", "nope"]);
    bad.code(1);
    assert!(bad.one_line_error().contains("it has: age"), "{}", bad.stderr);
    t.run(&["history", "nope"]).code(1);
}
