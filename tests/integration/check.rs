//! `hm check` end to end: the real binary, real processes, real files.

use crate::common::{Test, Worker, result};
use std::time::{Duration, SystemTime};

#[test]
fn embedded_defaults_run_on_a_fresh_machine() {
    let t = Test::new();
    let out = t.run(&["check", "--json"]);
    let doc = out.json();
    let names: Vec<&str> =
        doc["results"].as_array().expect("results").iter().filter_map(|r| r["monitor"].as_str()).collect();
    assert_eq!(names, ["cpu", "memory", "load", "disk"]);
    let status = doc["status"].as_str().expect("status");
    let code = match status {
        "ok" => 0,
        "warning" => 1,
        "critical" => 2,
        _ => 3,
    };
    out.code(code);
    assert!(doc["checked_at"].as_str().expect("checked_at").ends_with('Z'));
    assert!(doc["duration_ms"].as_f64().expect("duration") > 0.0);
    let cpu = result(&doc, "cpu");
    let metric = &cpu["metrics"][0];
    assert_eq!(metric["name"], "cpu");
    assert_eq!(metric["unit"], "%");
    assert_eq!(metric["warn"], 80.0);
    assert_eq!(metric["crit"], 95.0);
    let disk = result(&doc, "disk");
    let names: Vec<&str> = disk["metrics"].as_array().expect("m").iter().filter_map(|m| m["name"].as_str()).collect();
    assert!(names.contains(&"space:/"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("/proc") || n.contains("/sys") || n.contains("/dev/shm")), "{names:?}");
    assert!(t.db_path().exists(), "database created at the default path");
}

#[test]
fn table_output_lists_every_monitor() {
    let t = Test::new();
    let out = t.run(&["check"]);
    for name in ["cpu", "memory", "load", "disk", "monitor", "status"] {
        assert!(out.stdout.contains(name), "{name} missing from:\n{}", out.stdout);
    }
    assert!(!out.stdout.contains('\u{1b}'), "no colour when not a terminal");
}

#[test]
fn a_worker_found_by_pattern_then_killed_is_critical() {
    let t = Test::new().config(
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"hm-test-api-worker --port 81\"\n",
    );
    let mut worker = Worker::spawn("hm-test-api-worker --port 8123");
    let out = t.run(&["check", "--json"]);
    out.code(0);
    let doc = out.json();
    let api = result(&doc, "api");
    assert_eq!(api["status"], "ok");
    assert!(api["message"].as_str().expect("msg").contains(&worker.pid().to_string()), "{api}");
    assert_eq!(api["metrics"][0]["name"], "count");
    assert_eq!(api["metrics"][0]["value"], 1.0);

    worker.kill();
    let out = t.run(&["check", "--json", "api"]);
    out.code(2);
    let doc = out.json();
    assert_eq!(doc["status"], "critical");
    assert_eq!(result(&doc, "api")["message"], "none running, expected at least 1");
}

#[test]
fn min_count_and_per_process_figures() {
    let t = Test::new().config(
        "host_defaults = false\n\n[[monitor]]\nname = \"pool\"\nkind = \"process\"\npattern = \"^hm-test-pool-worker\"\nmin = 3\nrss_crit = \"1TiB\"\ncpu_crit = 99\n",
    );
    let _a = Worker::spawn("hm-test-pool-worker a");
    let _b = Worker::spawn("hm-test-pool-worker b");
    let out = t.run(&["check", "--json"]);
    out.code(2);
    let doc = out.json();
    let pool = result(&doc, "pool");
    assert_eq!(pool["message"], "2 running, expected at least 3");
    let metric = |name: &str| {
        pool["metrics"].as_array().expect("metrics").iter().find(|m| m["name"] == name).cloned().expect(name)
    };
    assert!(metric("rss")["value"].as_f64().expect("rss") > 0.0);
    assert!(metric("cpu")["value"].as_f64().expect("cpu") < 99.0, "sleep uses no CPU");
    assert_eq!(metric("uptime")["unit"], "s");
    let _c = Worker::spawn("hm-test-pool-worker c");
    t.run(&["check"]).code(0);
}

#[test]
fn a_stale_heartbeat_file_goes_warning_then_critical() {
    let t = Test::new();
    let beat = t.path("last-run");
    std::fs::write(&beat, "").expect("touch");
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"job\"\nkind = \"heartbeat\"\nfile = \"{}\"\nwarn = \"30s\"\ncrit = \"1m\"\n",
        beat.display()
    ));
    let set_age = |secs: u64| {
        let f = std::fs::File::options().write(true).open(&beat).expect("open");
        f.set_modified(SystemTime::now() - Duration::from_secs(secs)).expect("set mtime");
    };
    t.run(&["check"]).code(0);
    set_age(45);
    let out = t.run(&["check", "--json"]);
    out.code(1);
    assert_eq!(result(&out.json(), "job")["status"], "warning");
    set_age(90);
    let out = t.run(&["check", "--json"]);
    out.code(2);
    let doc = out.json();
    let job = result(&doc, "job");
    assert!(job["message"].as_str().expect("msg").ends_with("1m30s ago"), "{job}");
    std::fs::remove_file(&beat).expect("rm");
    let out = t.run(&["check", "--json"]);
    out.code(2);
    assert!(result(&out.json(), "job")["message"].as_str().expect("msg").contains("does not exist"));
}

#[test]
fn pings_feed_heartbeat_monitors() {
    let t = Test::new().config("host_defaults = false\n\n[[monitor]]\nname = \"backup\"\nkind = \"heartbeat\"\n");
    let out = t.run(&["check", "--json"]);
    out.code(2);
    assert_eq!(result(&out.json(), "backup")["message"], "no ping recorded for `backup`");
    let out = t.run(&["ping", "backup", "--duration", "2m", "--json"]);
    out.code(0);
    let doc = out.json();
    assert_eq!((doc["ok"].as_bool(), doc["duration_ms"].as_f64()), (Some(true), Some(120_000.0)));
    assert_eq!(doc["monitor"], "backup");
    t.run(&["check"]).code(0);
    t.run(&["ping", "backup", "--fail"]).code(0);
    t.run(&["check"]).code(2);
    let out = t.run(&["ping", "Bad Name"]);
    out.code(1);
    out.one_line_error();
}

#[test]
fn named_monitors_only_and_unknown_names() {
    let t = Test::new();
    let out = t.run(&["check", "--json", "load", "memory"]);
    let doc = out.json();
    let names: Vec<&str> = doc["results"].as_array().expect("r").iter().filter_map(|r| r["monitor"].as_str()).collect();
    assert_eq!(names, ["load", "memory"]);
    let out = t.run(&["check", "nope"]);
    out.code(3);
    assert!(out.one_line_error().contains("no monitor named `nope`"));
}

#[test]
fn results_metrics_and_counters_are_recorded_and_old_rows_pruned() {
    let t = Test::new().config("retention = \"1h\"\n");
    t.run(&["check"]);
    let db = rusqlite::Connection::open(t.db_path()).expect("open db");
    let old = 1_000.0_f64;
    db.execute("INSERT INTO checks VALUES (?1, 'cpu', 'cpu', 'ok', 'ancient', 1.0, '{\"cpu\":[1.0,\"%\"]}')", [old])
        .expect("insert");
    // What an older hm wrote: a metric in `samples`, not in the check's row.
    db.execute("INSERT INTO samples VALUES (?1, 'cpu', 'cpu', 1.0, '%')", [old]).expect("insert");
    // History is pruned hourly: the first run pruned a moment ago.
    t.run(&["check"]);
    let count = |sql: &str| -> i64 { db.query_row(sql, [], |r| r.get(0)).expect("count") };
    assert_eq!(count("SELECT count(*) FROM checks WHERE ts < 2000"), 1, "not pruned again within the hour");
    db.execute("UPDATE counters SET value = value - 3600 WHERE key = 'hm.pruned_at'", []).expect("backdate");
    t.run(&["check"]);
    assert_eq!(count("SELECT count(*) FROM checks WHERE monitor = 'cpu'"), 3, "three runs kept, the old row pruned");
    assert_eq!(count("SELECT count(*) FROM samples WHERE ts < 2000"), 0);
    assert_eq!(count("SELECT count(*) FROM checks, json_each(checks.metrics) WHERE ts < 2000"), 0);
    assert!(
        count("SELECT count(*) FROM checks, json_each(checks.metrics) WHERE monitor = 'disk' AND key = 'space:/'") >= 2
    );
    assert_eq!(count("SELECT count(*) FROM counters WHERE key = 'cpu.total'"), 1, "CPU counters kept for the next run");
}

#[test]
fn a_pidfile_points_at_the_worker() {
    let t = Test::new();
    let pidfile = t.path("api.pid");
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\npidfile = \"{}\"\n",
        pidfile.display()
    ));
    let out = t.run(&["check", "--json"]);
    out.code(2);
    assert!(result(&out.json(), "api")["message"].as_str().expect("msg").contains("does not exist"));
    let mut w = Worker::spawn("hm-test-pidfile-worker");
    std::fs::write(&pidfile, format!("{}\n", w.pid())).expect("write pid");
    t.run(&["check"]).code(0);
    w.kill();
    let out = t.run(&["check", "--json"]);
    out.code(2);
    assert_eq!(result(&out.json(), "api")["message"], "none running, expected at least 1");
    std::fs::write(&pidfile, "garbage").expect("write");
    t.run(&["check"]).code(2);
}

#[test]
fn a_process_found_by_its_name() {
    let t = Test::new().config(
        "host_defaults = false\n\n[[monitor]]\nname = \"named\"\nkind = \"process\"\nprocess = \"hm-test-named-worker\"\nmax = 1\n",
    );
    t.run(&["check"]).code(2);
    let _a = Worker::spawn("/usr/local/bin/hm-test-named-worker");
    t.run(&["check"]).code(0);
    let _b = Worker::spawn("hm-test-named-worker");
    let out = t.run(&["check", "--json"]);
    out.code(1);
    assert!(result(&out.json(), "named")["message"].as_str().expect("msg").ends_with("more than 1"));
}

#[test]
fn a_unit_monitor_without_systemd_is_unknown() {
    let init = std::fs::read_to_string("/proc/1/comm").unwrap_or_default();
    if init.trim() == "systemd" {
        eprintln!("SKIPPED: systemd runs here, so `systemctl show` would answer");
        return;
    }
    let t = Test::new()
        .config("host_defaults = false\n\n[[monitor]]\nname = \"web\"\nkind = \"process\"\nunit = \"nginx.service\"\n");
    let out = t.run(&["check", "--json"]);
    out.code(3);
    let msg = result(&out.json(), "web")["message"].as_str().expect("msg").to_string();
    assert!(msg.contains("systemctl"), "{msg}");
}

#[test]
fn a_hung_check_times_out_without_holding_up_the_others() {
    let t = Test::new();
    let Some((hung, _listener)) = crate::common::hanging_monitor(&t, "hung", "1s") else { return };
    let beat = t.path("beat");
    std::fs::write(&beat, "").expect("touch");
    let t = t.config(&format!(
        "host_defaults = false\n\n{hung}\n[[monitor]]\nname = \"beat\"\nkind = \"heartbeat\"\nfile = \"{}\"\n",
        beat.display()
    ));
    let start = std::time::Instant::now();
    let out = t.run(&["check", "--json"]);
    let took = start.elapsed();
    out.code(3);
    let doc = out.json();
    assert_eq!(result(&doc, "hung")["message"], "timed out after 1s");
    assert_eq!(result(&doc, "beat")["status"], "ok");
    assert!(took < Duration::from_secs(5), "the run ended soon after the timeout: {took:?}");
}
