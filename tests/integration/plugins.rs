//! `command` monitors running the real Nagios plugins (Debian's
//! monitoring-plugins-basic) and small shell plugins; `workspace` on real
//! directories; `tasks` from real `hm ping` records; a heartbeat read from
//! an SQL query on a real SQLite database.

use crate::common::{Test, Worker, is_root, result};
use serde_json::Value;
use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, SystemTime};

/// The path of an installed Nagios plugin. Locally a missing one skips the
/// test, loudly; under `CI=true` it is a failure.
fn plugin(name: &str) -> Option<String> {
    let path = format!("/usr/lib/nagios/plugins/{name}");
    if std::path::Path::new(&path).exists() {
        return Some(path);
    }
    assert!(std::env::var("CI").as_deref() != Ok("true"), "{path} is missing, and CI=true: install it (.ci/run does)");
    eprintln!("SKIPPED: {path} is not installed (Debian: monitoring-plugins-basic)");
    None
}

/// A `command` monitor running `argv`.
fn command(name: &str, argv: &[&str]) -> String {
    format!("\n[[monitor]]\nname = \"{name}\"\nkind = \"command\"\ncommand = {argv:?}\n")
}

fn monitor(name: &str, kind: &str, extra: &str) -> String {
    format!("\n[[monitor]]\nname = \"{name}\"\nkind = \"{kind}\"\n{extra}\n")
}

/// `hm check --json` over these monitors alone.
fn check(t: Test, monitors: &[String]) -> (Test, Value) {
    let t = t.config(&format!("host_defaults = false\n{}", monitors.concat()));
    let doc = t.run(&["check", "--json"]).json();
    (t, doc)
}

fn metric<'a>(r: &'a Value, name: &str) -> &'a Value {
    r["metrics"].as_array().and_then(|m| m.iter().find(|m| m["name"] == name)).unwrap_or_else(|| {
        panic!("no metric {name} in {r:#}");
    })
}

fn value(r: &Value, name: &str) -> f64 {
    metric(r, name)["value"].as_f64().expect("value")
}

#[track_caller]
fn assert_status(doc: &Value, monitor: &str, status: &str, message: &str) {
    let r = result(doc, monitor);
    assert_eq!(r["status"], status, "{r:#}");
    assert!(r["message"].as_str().expect("message").contains(message), "{message:?} not in {r:#}");
}

#[test]
fn check_load_levels_become_statuses() {
    let Some(load) = plugin("check_load") else { return };
    let (_t, doc) = check(
        Test::new(),
        &[
            command("calm", &[&load, "-w", "1000,1000,1000", "-c", "2000,2000,2000"]),
            command("busy", &[&load, "-w", "0,0,0", "-c", "2000,2000,2000"]),
            command("overloaded", &[&load, "-w", "0,0,0", "-c", "0,0,0"]),
        ],
    );
    let calm = result(&doc, "calm");
    assert_status(&doc, "calm", "ok", "LOAD OK - total load average: ");
    assert_eq!(metric(calm, "load5")["crit"], 2000.0);
    // Any load above 0 crosses a level of 0; a machine running tests has some.
    let busy = ["load1", "load5", "load15"].iter().any(|m| value(calm, m) > 0.0);
    let (warning, critical) = if busy { ("warning", "critical") } else { ("ok", "ok") };
    assert_status(&doc, "busy", warning, "LOAD ");
    assert_status(&doc, "overloaded", critical, "LOAD ");
}

#[test]
fn check_disk_perfdata_is_in_bytes() {
    let Some(disk) = plugin("check_disk") else { return };
    let (_t, doc) = check(
        Test::new(),
        &[
            command("root", &[&disk, "-w", "1%", "-c", "1%", "-p", "/"]),
            command("full", &[&disk, "-c", "100%", "-p", "/"]),
        ],
    );
    assert_status(&doc, "root", "ok", "DISK OK - free space: /");
    let used = metric(result(&doc, "root"), "/");
    assert_eq!(used["unit"], "B", "{used}");
    let (value, crit) = (used["value"].as_f64().expect("value"), used["crit"].as_f64().expect("crit"));
    assert!(value > 1e6 && crit > value, "{used}");
    // -c is free space: "less than 100% free" always holds on a used disk.
    assert_status(&doc, "full", "critical", "DISK CRITICAL");
}

#[test]
fn check_procs_counts_a_running_worker() {
    let Some(procs) = plugin("check_procs") else { return };
    let name = format!("hm-plugin-worker-{}", std::process::id());
    let monitors = [command("workers", &[&procs, "-c", "1:1", "-a", &name])];
    let mut worker = Worker::spawn(&name);
    let (t, doc) = check(Test::new(), &monitors);
    assert_status(&doc, "workers", "ok", &format!("1 process with args '{name}'"));
    assert_eq!(value(result(&doc, "workers"), "procs"), 1.0);
    worker.kill();
    let doc = t.run(&["check", "--json"]).code(2).json();
    assert_status(&doc, "workers", "critical", "0 processes");
}

#[test]
fn check_file_age_of_an_old_file() {
    let Some(age) = plugin("check_file_age") else { return };
    let t = Test::new();
    let ago = |secs| SystemTime::now() - Duration::from_secs(secs);
    for (file, mtime) in [("old", ago(7200)), ("stale", ago(600)), ("fresh", SystemTime::now())] {
        let f = std::fs::File::create(t.path(file)).expect("create");
        f.set_modified(mtime).expect("set mtime");
    }
    let file = |name: &str| t.path(name).display().to_string();
    let monitors: Vec<String> = ["old", "stale", "fresh"]
        .iter()
        .map(|n| command(n, &[&age, "-w", "300", "-c", "3600", "-f", &file(n)]))
        .collect();
    let (_t, doc) = check(t, &monitors);
    assert_status(&doc, "old", "critical", "FILE_AGE CRITICAL");
    assert_status(&doc, "stale", "warning", "FILE_AGE WARNING");
    assert_status(&doc, "fresh", "ok", "FILE_AGE OK");
    let old = metric(result(&doc, "old"), "age");
    assert_eq!(
        (old["unit"].as_str(), old["warn"].as_f64(), old["crit"].as_f64()),
        (Some("s"), Some(300.0), Some(3600.0))
    );
    assert!((7100.0..7500.0).contains(&old["value"].as_f64().expect("age")), "{old}");
}

#[test]
fn odd_exits_silence_and_quoted_perfdata() {
    let Some(dummy) = plugin("check_dummy") else { return };
    let t = Test::new();
    let script = t.path("plugin.sh");
    std::fs::write(&script, "printf \"OK - fine | 'my label'=5ms;10;20;0;100 count=3\\n\"\n").expect("write");
    let script = script.display().to_string();
    let (_t, doc) = check(
        t,
        &[
            command("dummy", &[&dummy, "3", "cannot tell"]),
            command("seven", &["/bin/sh", "-c", "echo strange; exit 7"]),
            command("silent", &["/bin/sh", "-c", "exit 0"]),
            command("stderr", &["/bin/sh", "-c", "echo oops >&2; exit 2"]),
            command("signal", &["/bin/sh", "-c", "kill -9 $$"]),
            command("absent", &["/nonexistent/check_nothing"]),
            command("perf", &["/bin/sh", &script]),
        ],
    );
    assert_status(&doc, "dummy", "unknown", "UNKNOWN: cannot tell");
    assert_status(&doc, "seven", "unknown", "strange (exit 7)");
    assert_status(&doc, "silent", "ok", "no output (exit 0)");
    assert_status(&doc, "stderr", "critical", "oops");
    assert_status(&doc, "signal", "unknown", "killed by a signal, no output");
    assert_status(&doc, "absent", "unknown", "/nonexistent/check_nothing not found");
    let perf = result(&doc, "perf");
    assert_status(&doc, "perf", "ok", "OK - fine");
    let m = metric(perf, "my label");
    assert_eq!(m["unit"], "s", "{m}");
    for (key, want) in [("value", 0.005), ("warn", 0.010), ("crit", 0.020)] {
        assert!((m[key].as_f64().expect(key) - want).abs() < 1e-9, "{key}: {m}");
    }
    assert_eq!((value(perf, "count"), metric(perf, "count")["unit"].as_str()), (3.0, Some("")));
}

#[test]
fn a_workspace_over_its_size_is_critical() {
    let t = Test::new();
    let dir = t.path("ws");
    std::fs::create_dir(&dir).expect("mkdir");
    // Real bytes, not zeros: a compressing filesystem cannot shrink them away.
    for name in ["a.bin", "b.bin"] {
        std::fs::write(dir.join(name), vec![0xa5u8; 768 * 1024]).expect("write");
    }
    let path = format!("path = \"{}\"", dir.display());
    let (_t, doc) = check(
        t,
        &[
            monitor("big", "workspace", &format!("{path}\nwarn = \"512KiB\"\ncrit = \"1MiB\"")),
            monitor("large", "workspace", &format!("{path}\nwarn = \"1MiB\"\ncrit = \"10MiB\"")),
            monitor("fits", "workspace", &format!("{path}\nwarn = \"50MiB\"\ncrit = \"100MiB\"")),
        ],
    );
    assert_status(&doc, "big", "critical", "in 2 files");
    let size = metric(result(&doc, "big"), "size");
    assert_eq!((size["unit"].as_str(), size["crit"].as_f64()), (Some("B"), Some(1048576.0)), "{size}");
    assert!(size["value"].as_f64().expect("size") >= 1.5 * 1048576.0, "{size}");
    assert_eq!(value(result(&doc, "big"), "files"), 2.0);
    assert_status(&doc, "large", "warning", "");
    assert_status(&doc, "fits", "ok", "");
}

#[test]
fn a_workspace_missing_files_or_not_writable_is_critical() {
    let t = Test::new();
    let (ro, rw) = (t.path("ro"), t.path("rw"));
    for (dir, mode) in [(&ro, 0o555), (&rw, 0o777), (&t.path("state"), 0o777)] {
        std::fs::create_dir(dir).expect("mkdir");
        std::fs::write(dir.join("a"), "x").expect("write");
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode)).expect("chmod");
    }
    // Root may write anywhere: run hm as `nobody` to see a read-only directory.
    let t = if is_root() { t.uid(65534) } else { t };
    let ws = |d: &std::path::Path, extra: &str| format!("path = \"{}\"\n{extra}", d.display());
    let (_t, doc) = check(
        t,
        &[
            monitor("files", "workspace", &ws(&rw, "required = [\"a\", \"b\"]")),
            monitor("readonly", "workspace", &ws(&ro, "writable = true")),
            monitor("writable", "workspace", &ws(&rw, "writable = true\nrequired = [\"a\"]")),
            monitor("gone", "workspace", &ws(&rw.join("nope"), "")),
        ],
    );
    assert_status(&doc, "files", "critical", "missing b;");
    assert_status(&doc, "readonly", "critical", "not writable: ");
    assert_status(&doc, "writable", "ok", "in 1 file");
    assert_status(&doc, "gone", "critical", "nope");
    let left: Vec<_> = std::fs::read_dir(&rw).expect("ls").filter_map(|e| e.ok()).map(|e| e.file_name()).collect();
    assert_eq!(left, ["a"], "the write test leaves nothing behind");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).expect("chmod back");
}

#[test]
fn tasks_error_rate_durations_and_slowness() {
    let t = Test::new().config(&format!(
        "host_defaults = false\n{}{}{}",
        monitor("jobs", "tasks", ""),
        monitor("jobs-quick", "tasks", "ping = \"jobs\"\nexpected = \"0.5s\""),
        monitor("jobs-steady", "tasks", "ping = \"jobs\"\nexpected = \"1s\""),
    ));
    for _ in 0..19 {
        t.run(&["ping", "jobs", "--duration", "1.5"]).code(0);
    }
    t.run(&["ping", "jobs", "--fail", "--duration", "10"]).code(0);
    let doc = t.run(&["check", "--json"]).json();
    // 1 failure in 20 is 5%: not above the warning level of 5%.
    assert_status(&doc, "jobs", "ok", "20 tasks in 1h, 5.0% failed, p50 1.5s p95 1.5s");
    let jobs = result(&doc, "jobs");
    assert_eq!(
        (value(jobs, "error_rate"), value(jobs, "tasks"), value(jobs, "p50"), value(jobs, "p95")),
        (5.0, 20.0, 1.5, 1.5)
    );
    assert_eq!(metric(jobs, "error_rate")["crit"], 10.0);
    assert!((value(jobs, "per_minute") - 20.0 / 60.0).abs() < 1e-9, "{jobs}");
    assert!((value(jobs, "mean") - 1.925).abs() < 1e-9, "{jobs}");
    // The mean, 1.925s, is over twice 0.5s but not twice 1s.
    assert_status(&doc, "jobs-quick", "warning", "slow: mean 1.9");
    assert_status(&doc, "jobs-steady", "ok", "20 tasks");
    t.run(&["ping", "jobs", "--fail"]).code(0);
    assert_status(&t.run(&["check", "--json"]).json(), "jobs", "warning", "21 tasks in 1h, 9.5% failed");
    t.run(&["ping", "jobs", "--fail"]).code(0);
    let doc = t.run(&["check", "--json"]).code(2).json();
    assert_status(&doc, "jobs", "critical", "22 tasks in 1h, 13.6% failed");
}

#[test]
fn a_heartbeat_from_an_sql_query() {
    let t = Test::new();
    let db = t.path("runs.db");
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute_batch(
        "CREATE TABLE runs (finished TEXT); INSERT INTO runs VALUES (datetime('now', '-5 minutes'));
         INSERT INTO runs VALUES (datetime('now', '-2 hours'));
         CREATE TABLE stamps (ts INTEGER); INSERT INTO stamps VALUES (unixepoch() - 300);",
    )
    .expect("create");
    drop(conn);
    let before = std::fs::read(&db).expect("read");
    let sql = |query: &str, levels: &str| format!("database = \"{}\"\nquery = \"{query}\"\n{levels}", db.display());
    let hb = |name: &str, query: &str, levels: &str| monitor(name, "heartbeat", &sql(query, levels));
    let (text, int) = ("SELECT max(finished) FROM runs", "SELECT max(ts) FROM stamps");
    let (_t, doc) = check(
        t,
        &[
            hb("text-ok", text, "warn = \"10m\"\ncrit = \"20m\""),
            hb("text-warn", text, "warn = \"2m\"\ncrit = \"20m\""),
            hb("text-crit", text, "warn = \"1m\"\ncrit = \"2m\""),
            hb("int-ok", int, "warn = \"10m\"\ncrit = \"20m\""),
            hb("int-crit", int, "warn = \"1m\"\ncrit = \"2m\""),
            hb("no-row", "SELECT finished FROM runs WHERE 0", ""),
            hb("empty", "SELECT max(finished) FROM runs WHERE finished > datetime('now')", ""),
            hb("broken", "SELEKT finished FROM runs", ""),
            hb("writer", "DELETE FROM runs RETURNING finished", ""),
            hb("two-statements", "SELECT 1; DELETE FROM runs", ""),
            hb("not-a-time", "SELECT 'yesterday'", ""),
        ],
    );
    assert_status(&doc, "text-ok", "ok", &format!("latest from {} 5m", db.display()));
    let age = value(result(&doc, "text-ok"), "age");
    assert!((295.0..400.0).contains(&age), "{age}");
    assert_status(&doc, "text-warn", "warning", "latest from");
    assert_status(&doc, "text-crit", "critical", "latest from");
    assert_status(&doc, "int-ok", "ok", "latest from");
    assert!((295.0..400.0).contains(&value(result(&doc, "int-ok"), "age")));
    assert_status(&doc, "int-crit", "critical", "latest from");
    assert_status(&doc, "no-row", "critical", "returned no timestamp");
    assert_status(&doc, "empty", "critical", "returned no timestamp");
    assert_status(&doc, "broken", "unknown", "syntax error");
    assert_status(&doc, "writer", "unknown", "attempt to write a readonly database");
    assert_status(&doc, "two-statements", "unknown", "the query on");
    assert_status(&doc, "not-a-time", "unknown", "returned `yesterday`, not a time");
    assert_eq!(std::fs::read(&db).expect("read"), before, "the database file is untouched");
    let conn = rusqlite::Connection::open(&db).expect("open");
    let rows: i64 = conn.query_row("SELECT count(*) FROM runs", [], |r| r.get(0)).expect("count");
    assert_eq!(rows, 2, "the query could not write");
}

#[test]
fn tasks_monitors_sharing_a_ping_keep_their_own_windows() {
    let t = Test::new().config(&format!(
        "host_defaults = false\n{}{}",
        monitor("hour", "tasks", "ping = \"jobs\"\nwindow = \"1h\""),
        monitor("recent", "tasks", "ping = \"jobs\"\nwindow = \"5m\""),
    ));
    t.run(&["ping", "jobs"]).code(0);
    // Ten failures half an hour ago, written straight into hm's database.
    let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).expect("clock").as_secs_f64();
    let conn = rusqlite::Connection::open(t.db_path()).expect("open");
    for i in 0..10 {
        conn.execute("INSERT INTO pings (ts, name, kind) VALUES (?1, 'jobs', 'fail')", [now - 1800.0 - f64::from(i)])
            .expect("insert");
    }
    drop(conn);
    let doc = t.run(&["check", "--json"]).json();
    assert_status(&doc, "recent", "ok", "1 tasks in 5m, 0.0% failed");
    assert_status(&doc, "hour", "critical", "11 tasks in 1h, 90.9% failed");
}

#[test]
fn a_timed_out_plugin_leaves_no_children_behind() {
    let t = Test::new();
    let pidfile = t.path("child.pid");
    let script = format!("sleep 30 & echo $! > {}; wait", pidfile.display());
    let (_t, doc) = check(t, &[command("hung", &["/bin/sh", "-c", &script]) + "timeout = \"1s\"\n"]);
    assert_status(&doc, "hung", "unknown", "did not finish within its timeout of 1s");
    let pid = std::fs::read_to_string(&pidfile).expect("pid").trim().to_string();
    let alive = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .is_ok_and(|s| s.rsplit(')').next().map(str::trim).is_some_and(|s| !s.starts_with('Z')))
    };
    for _ in 0..100 {
        if !alive() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = std::process::Command::new("kill").arg(&pid).status();
    panic!("the plugin's child {pid} still runs after hm check returned");
}

#[test]
fn issue16_huge_figures_print_short() {
    let t = Test::new();
    let plugin = t.path("big.sh");
    std::fs::write(&plugin, "#!/bin/sh\necho 'OK | big=1e300;1e299;1e301'\n").expect("plugin");
    std::fs::set_permissions(&plugin, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    let t = t.config(&format!("host_defaults = false\n{}", command("big", &[plugin.to_str().expect("utf8")])));
    let out = t.run(&["check"]);
    assert!(out.stdout.contains("big=1e300"), "{}", out.stdout);
    assert!(out.stdout.lines().all(|l| l.chars().count() < 200), "no 300-digit numbers:\n{}", out.stdout);
}
