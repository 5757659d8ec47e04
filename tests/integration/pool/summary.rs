//! A pool is one row in `hm check`/`hm status` (each instance under
//! `--all` and in `--json`), one alert naming the instances down, and
//! Prometheus series with a `worker` label.

use super::{Reap, pool};
use crate::common::promtool_accepts;
use crate::common::{Test, Worker};

#[test]
fn issue29_a_pool_is_one_row_one_alert_and_worker_labelled_series() {
    let prefix = "hm-test-pool-sum";
    let _r = Reap(prefix);
    let t = Test::new().config(&pool(prefix, 4, "for = 1\n"));
    // Two of the four run.
    let _one = Worker::spawn(&format!("{prefix}-1"));
    let _three = Worker::spawn(&format!("{prefix}-3"));

    let out = t.run(&["check"]);
    out.code(2);
    assert!(out.stdout.contains("api: 2 of 4 running (api@2, api@4 down)"), "{}", out.stdout);
    assert!(!out.stdout.contains("api@1 "), "{}", out.stdout);
    let all = t.run(&["check", "--all"]);
    assert!(["api@1", "api@2", "api@3", "api@4"].iter().all(|n| all.stdout.contains(n)), "{}", all.stdout);
    assert!(!all.stdout.contains("2 of 4 running"), "{}", all.stdout);

    let doc = t.run(&["check", "--json"]).json();
    assert_eq!(doc["results"].as_array().map(Vec::len), Some(4), "{doc:#}");
    assert_eq!(doc["pools"][0]["pool"], "api");
    assert_eq!(doc["pools"][0]["running"], 2);
    assert_eq!(doc["pools"][0]["down"], serde_json::json!(["api@2", "api@4"]));

    // One alert for the pool, its message naming the instances down.
    let alerts = t.run(&["alerts", "--json"]).json();
    let open: Vec<&serde_json::Value> = alerts["alerts"].as_array().expect("alerts").iter().collect();
    assert_eq!(open.len(), 1, "{alerts:#}");
    assert_eq!(open[0]["monitor"], "api", "{alerts:#}");
    assert!(open[0]["message"].as_str().is_some_and(|m| m.contains("api@2, api@4 down")), "{alerts:#}");

    let status = t.run(&["status"]);
    assert!(status.stdout.contains("api: 2 of 4 running (api@2, api@4 down)"), "{}", status.stdout);
    assert!(t.run(&["status", "--all"]).stdout.contains("api@4"));

    // An instance stopped on purpose is neither running nor down.
    t.run(&["stop-worker", "api@3"]).code(0);
    t.run(&["check"]);
    let status = t.run(&["status"]);
    let want = "api: 1 of 4 running (api@2, api@4 down), 1 stopped on purpose";
    assert!(status.stdout.contains(want), "{}", status.stdout);
    assert_eq!(t.run(&["status", "--json"]).json()["pools"][0]["stopped"], serde_json::json!(["api@3"]));

    let metrics = t.run(&["export", "--format", "prometheus"]);
    assert!(
        metrics.stdout.contains("hm_monitor_status{monitor=\"api\",worker=\"2\",kind=\"process\"} 2"),
        "{}",
        metrics.stdout
    );
    promtool_accepts(&metrics.stdout);
}

/// An instance in a maintenance window is left out of its pool's one
/// alert: `api@2` down for its window pages nobody, `api@4` dying
/// meanwhile still does.
#[test]
fn issue29_an_instance_in_maintenance_is_left_out_of_its_pools_alert() {
    let prefix = "hm-test-pool-rest";
    let _r = Reap(prefix);
    let t = Test::new().config(&pool(prefix, 4, "for = 1\n"));
    let _w: Vec<Worker> = [1, 3, 4].iter().map(|i| Worker::spawn(&format!("{prefix}-{i}"))).collect();
    t.run(&["alerts", "maintenance", "start", "--for", "1h", "api@2"]).code(0);
    t.run(&["check"]);
    let alerts = t.run(&["alerts", "--json"]).json();
    assert_eq!(alerts["alerts"].as_array().map(Vec::len), Some(0), "api@2 rests: no alert\n{alerts:#}");
    drop(_w);
    let _one = Worker::spawn(&format!("{prefix}-1"));
    let _three = Worker::spawn(&format!("{prefix}-3"));
    t.run(&["check"]);
    let alerts = t.run(&["alerts", "--json"]).json();
    let open = alerts["alerts"].as_array().expect("alerts");
    assert_eq!(open.len(), 1, "{alerts:#}");
    assert_eq!(open[0]["monitor"], "api");
    let message = open[0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("(api@4 down), 1 in maintenance") && !message.contains("api@2"), "{message}");
}
