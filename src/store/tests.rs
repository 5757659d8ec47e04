use super::*;
use crate::status::Status;

fn metric(name: &str, value: f64, unit: &str) -> MetricRow {
    MetricRow { name: name.to_string(), value, unit: unit.to_string(), warn: None, crit: None }
}

fn result(monitor: &str, status: Status) -> CheckRow {
    CheckRow {
        monitor: monitor.to_string(),
        kind: "cpu".to_string(),
        status,
        message: status.to_string(),
        duration_ms: 1.0,
        metrics: vec![metric("cpu", 12.5, "%")],
        counters: vec![("cpu.total".to_string(), 100.0)],
        anomalies: Vec::new(),
    }
}

#[test]
fn state_since_tracks_the_current_run_of_a_status() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Store::open(&dir.path().join("x/hm.db")).expect("open");
    for (ts, st) in [(10.0, Status::Ok), (20.0, Status::Critical), (30.0, Status::Critical)] {
        s.record_checks(ts, &[result("cpu", st)]).expect("record");
    }
    let l = s.latest_check("cpu").expect("query").expect("some");
    assert_eq!((l.ts, l.status, l.since), (30.0, Status::Critical, 20.0));
    s.record_checks(40.0, &[result("cpu", Status::Ok)]).expect("record");
    let l = s.latest_check("cpu").expect("query").expect("some");
    assert_eq!((l.status, l.since), (Status::Ok, 40.0));
    assert_eq!(s.samples("cpu", "cpu", 25.0).expect("samples"), vec![(30.0, 12.5), (40.0, 12.5)]);
    assert_eq!(s.counters().expect("counters")["cpu.total"].ts, 40.0);
    assert!(s.latest_check("nope").expect("query").is_none());
}

/// A result left out of history is still the latest: its time is
/// `latest`'s, its words and the start of its state those of the newest
/// row before it; the marks say what was said and when a row was last
/// written.
#[test]
fn a_result_kept_only_in_latest_is_the_latest_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Store::open(&dir.path().join("hm.db")).expect("open");
    s.record_checks(10.0, &[result("api@1", Status::Critical)]).expect("record");
    s.record_checks(20.0, &[result("api@1", Status::Ok)]).expect("record");
    s.record_logging(30.0, &[result("api@1", Status::Ok)], |_| false).expect("record");
    let l = s.latest_check("api@1").expect("query").expect("some");
    assert_eq!((l.ts, l.status, l.since, l.message.as_str()), (30.0, Status::Ok, 20.0, "ok"));
    let rows: i64 = s.conn.query_row("SELECT count(*) FROM checks", [], |r| r.get(0)).expect("count");
    assert_eq!(rows, 2, "the third was not written to history");
    let marks = s.marks().expect("marks");
    assert_eq!(marks["api@1"], Mark { said: Some(said(Status::Ok, "ok")), logged: Some(20.0) });
}

/// Metrics are kept in their check's row (schema 5); what an older hm
/// wrote to `samples` is still read, in time order with the new.
#[test]
fn issue18_metrics_in_the_check_row_and_old_samples_read_together() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Store::open(&dir.path().join("hm.db")).expect("open");
    s.conn
        .execute_batch(
            "INSERT INTO samples VALUES (5.0, 'cpu', 'cpu', 99.0, '%');
             INSERT INTO samples VALUES (6.0, 'cpu', 'old_only', 1.0, 'B');",
        )
        .expect("old rows");
    let mut r = result("cpu", Status::Ok);
    r.metrics.push(metric("space:/my \"odd\" mount", f64::NAN, "B"));
    s.record_checks(10.0, &[r]).expect("record");
    s.record_checks(20.0, &[result("cpu", Status::Ok)]).expect("record");
    assert_eq!(s.samples("cpu", "cpu", 0.0).expect("samples"), vec![(5.0, 99.0), (10.0, 12.5), (20.0, 12.5)]);
    assert_eq!(s.samples("cpu", "cpu", 8.0).expect("samples"), vec![(10.0, 12.5), (20.0, 12.5)]);
    assert!(s.samples("cpu", "space:/my \"odd\" mount", 0.0).expect("samples").is_empty(), "NaN is no value");
    assert_eq!(s.metric_names("cpu", 0.0).expect("names"), ["cpu", "old_only", "space:/my \"odd\" mount"]);
    assert_eq!(s.samples_with_unit("cpu", "old_only", 0.0).expect("unit").1, "B");
    assert_eq!(s.samples_with_unit("cpu", "cpu", 0.0).expect("unit").1, "%");
    let rows: i64 = s.conn.query_row("SELECT count(*) FROM samples", [], |r| r.get(0)).expect("count");
    assert_eq!(rows, 2, "nothing new in samples");
}

#[test]
fn prune_and_reopen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("hm.db");
    let mut s = Store::open(&path).expect("open");
    s.record_checks(10.0, &[result("a", Status::Ok)]).expect("record");
    s.record_checks(100.0, &[result("a", Status::Ok)]).expect("record");
    s.record_ping(5.0, "job", super::PingKind::Ok, None).expect("ping");
    assert_eq!(s.prune(50.0).expect("prune"), 2, "a check (its metrics with it) and a ping");
    drop(s);
    let s = Store::open(&path).expect("reopen");
    assert_eq!(s.latest_check("a").expect("q").expect("some").ts, 100.0);
    assert!(s.last_ping("job").expect("q").is_none());
}

#[test]
fn refuses_foreign_databases() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("other.db");
    let c = rusqlite::Connection::open(&path).expect("open");
    c.execute_batch("CREATE TABLE mine (x)").expect("create");
    drop(c);
    let err = Store::open(&path).err().expect("refused");
    assert!(err.to_string().contains("not hm's"), "{err}");
}

#[test]
fn issue19_a_start_is_no_heartbeat_and_only_an_open_one_counts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = Store::open(&dir.path().join("hm.db")).expect("open");
    s.record_ping(10.0, "job", PingKind::Ok, None).expect("ping");
    s.record_ping(20.0, "job", PingKind::Start, None).expect("start");
    assert_eq!(s.last_ping("job").expect("q").map(|p| p.ts), Some(10.0), "a start is not a heartbeat");
    assert_eq!(s.task_pings("job", 0.0).expect("q").len(), 1, "nor a task");
    assert_eq!(s.open_start("job").expect("q"), Some(20.0));
    s.record_ping(25.0, "job", PingKind::Fail, Some(5000.0)).expect("end");
    assert_eq!(s.open_start("job").expect("q"), None, "ended");
    assert_eq!(s.open_start("other").expect("q"), None);
}

#[test]
fn issue18_history_is_pruned_at_most_hourly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Store::open(&dir.path().join("hm.db")).expect("open");
    let count =
        |s: &Store| -> i64 { s.conn.query_row("SELECT count(*) FROM checks", [], |r| r.get(0)).expect("count") };
    s.record_checks(10.0, &[result("a", Status::Ok)]).expect("record");
    // Never pruned: due at once.
    assert_eq!(s.prune_if_due(10_000.0, 50.0).expect("prune"), 1, "a check, its metrics with it");
    s.record_checks(20.0, &[result("a", Status::Ok)]).expect("record");
    // Pruned 3,599 s ago: not yet.
    assert_eq!(s.prune_if_due(13_599.0, 50.0).expect("prune"), 0);
    assert_eq!(count(&s), 1);
    // An hour on: due again.
    assert_eq!(s.prune_if_due(13_600.0, 50.0).expect("prune"), 1);
    assert_eq!(count(&s), 0);
    // The clock went back: pruned rather than waiting for it.
    s.record_checks(30.0, &[result("a", Status::Ok)]).expect("record");
    assert_eq!(s.prune_if_due(5_000.0, 50.0).expect("prune"), 1);
}

#[test]
fn issue18_a_large_wal_is_cut_back_when_the_store_closes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("hm.db");
    let wal = dir.path().join("hm.db-wal");
    let mut s = Store::open(&path).expect("open");
    s.record_checks(10.0, &[result("a", Status::Ok)]).expect("record");
    drop(s);
    let small = std::fs::metadata(&wal).expect("wal").len();
    assert!(small > 0 && small <= WAL_LIMIT, "a small WAL is left as it is: {small}");
    let mut s = Store::open(&path).expect("open");
    let many: Vec<CheckRow> = (0..40_000).map(|i| result(&format!("m{i}"), Status::Ok)).collect();
    s.record_checks(20.0, &many).expect("record");
    assert!(std::fs::metadata(&wal).expect("wal").len() > WAL_LIMIT);
    drop(s);
    assert_eq!(std::fs::metadata(&wal).expect("wal").len(), 0, "cut back");
    let s = Store::open(&path).expect("reopen");
    assert_eq!(s.latest_check("m39999").expect("query").expect("some").ts, 20.0);
}

/// A database an hm of schema 4 wrote (metrics in `samples`) opens, is
/// brought to schema 5, and its history reads on with the new rows.
#[test]
fn issue18_a_schema_4_database_is_migrated_and_its_samples_still_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("hm.db");
    {
        let c = rusqlite::Connection::open(&path).expect("open");
        for sql in &MIGRATIONS[..4] {
            c.execute_batch(sql).expect("old schema");
        }
        c.execute_batch(
            "PRAGMA user_version = 4;
             INSERT INTO checks VALUES (5.0, 'cpu', 'cpu', 'ok', 'old', 1.0);
             INSERT INTO samples VALUES (5.0, 'cpu', 'cpu', 40.0, '%');",
        )
        .expect("old rows");
    }
    let mut s = Store::open(&path).expect("migrated");
    let version: i64 = s.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
    assert_eq!(usize::try_from(version).expect("version"), MIGRATIONS.len());
    s.record_checks(10.0, &[result("cpu", Status::Ok)]).expect("record");
    assert_eq!(s.samples("cpu", "cpu", 0.0).expect("samples"), vec![(5.0, 40.0), (10.0, 12.5)]);
    assert_eq!(s.latest_check("cpu").expect("latest").expect("some").since, 5.0);
}

/// Actions written by an hm of schema 5 read on after the migration
/// (complete, automatic), and today's rows, written by raw SQL as the
/// write-ahead path writes them, read back: an intent without outcome is
/// pending and counts as an attempt; a manual restart is no automatic one.
#[test]
fn issue26_action_rows_old_and_written_ahead_read_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("hm.db");
    {
        let c = rusqlite::Connection::open(&path).expect("open");
        for sql in &MIGRATIONS[..5] {
            c.execute_batch(sql).expect("old schema");
        }
        c.execute_batch(
            "PRAGMA user_version = 5;
             INSERT INTO actions VALUES (100.0, 'api', 'restart', 'ok', 'started /srv/api (pid 7)');",
        )
        .expect("old rows");
    }
    let s = Store::open(&path).expect("migrated");
    s.conn
        .execute_batch(
            "INSERT INTO actions (ts, monitor, action, outcome, details, targets, manual, pid, finished_at)
               VALUES (200.0, 'api', 'restart', 'pending', '', 'stop pids [7]; start /srv/api', 0, 4242, NULL);
             INSERT INTO actions (ts, monitor, action, outcome, details, targets, manual, pid, finished_at)
               VALUES (300.0, 'api', 'restart', 'ok', 'started', 'start /srv/api', 1, 4243, 301.0);",
        )
        .expect("new rows");
    let rows = s.actions_since(0.0).expect("actions");
    assert_eq!(rows.len(), 3);
    assert_eq!((rows[0].outcome.as_str(), rows[0].manual, rows[0].pid), ("ok", false, None));
    assert_eq!(rows[1].outcome, ActionOutcome::Pending);
    assert_eq!(
        (rows[1].targets.as_str(), rows[1].pid, rows[1].finished_at),
        ("stop pids [7]; start /srv/api", Some(4242), None)
    );
    assert_eq!((rows[2].manual, rows[2].finished_at), (true, Some(301.0)));
    // The old row and the pending one use up the budget; the manual one
    // does not, but gives a stalled worker its grace.
    assert_eq!(s.restarts_since("api", 0.0, RestartsBy::Hm).expect("auto"), vec![100.0, 200.0]);
    assert_eq!(s.restarts_since("api", 0.0, RestartsBy::Anyone).expect("all"), vec![100.0, 200.0, 300.0]);
    // Written ahead through the API: pending, noted, then finished.
    let row = ActionRow::new(400.0, "db", ActionKind::ClearLocks);
    let ids = s.begin_actions(&[row]).expect("intent");
    s.note_action(ids[0], "checkpointed").expect("note");
    let last = s.actions_since(400.0).expect("read");
    assert_eq!((last[0].outcome.as_str(), last[0].details.as_str()), ("pending", "checkpointed"));
    s.finish_action(ids[0], &ActionOutcome::Ok, "done", 401.0).expect("finish");
    let last = s.actions_since(400.0).expect("read");
    assert_eq!((last[0].outcome.as_str(), last[0].finished_at), ("ok", Some(401.0)));
}

/// `hm_worker_exits_total` is a counter: pruning the deaths it counted
/// (retention) must not make it drop, which Prometheus reads as a reset.
#[test]
fn issue28_the_exits_counter_outlives_pruning() {
    use crate::engine::report::Death;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("hm.db");
    let s = Store::open(&path).expect("open");
    let death = |ts: f64, cause: &str| Death { monitor: "w".into(), ts, cause: cause.into(), ..Death::default() };
    for (ts, cause) in [(10.0, "exited 3"), (20.0, "exited 3"), (30.0, "killed by SIGKILL"), (200.0, "exited 3")] {
        s.record_death(&death(ts, cause)).expect("record");
    }
    let want =
        vec![("w".to_string(), "exited 3".to_string(), 3), ("w".to_string(), "killed by SIGKILL".to_string(), 1)];
    assert_eq!(s.exits_by_cause().expect("exits"), want);
    assert_eq!(s.prune(100.0).expect("prune"), 3, "three deaths past the retention");
    assert_eq!(s.deaths(None, 0.0, 10).expect("deaths").len(), 1);
    assert_eq!(s.exits_by_cause().expect("exits"), want, "the counter keeps its value");
    drop(s);
    let s = Store::open(&path).expect("reopen");
    s.record_death(&death(300.0, "killed by SIGKILL")).expect("record");
    assert_eq!(s.exits_by_cause().expect("exits")[1].2, 2, "and goes on counting");
}

/// A database of schema 7 (deaths, no `exits`) starts its counter at the
/// deaths it holds.
#[test]
fn issue28_the_exits_counter_begins_at_the_deaths_recorded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("hm.db");
    let c = rusqlite::Connection::open(&path).expect("open");
    for sql in &super::MIGRATIONS[..7] {
        c.execute_batch(sql).expect("migrate");
    }
    c.pragma_update(None, "user_version", 7).expect("version");
    c.execute_batch(
        "INSERT INTO deaths VALUES (1, 'w', 'exited 1', '{}'), (2, 'w', 'exited 1', '{}'), (3, 'v', 'oom-killed', '{}')",
    )
    .expect("deaths");
    drop(c);
    let s = Store::open(&path).expect("open");
    let got = s.exits_by_cause().expect("exits");
    assert_eq!(got, vec![("v".into(), "oom-killed".into(), 1), ("w".into(), "exited 1".into(), 2)]);
}

/// Damage is a variant the caller matches, found anywhere in the chain
/// (under the context the store's methods add), as are a busy database, a
/// full disk and a read-only file; anything else is `Other`, kept whole
/// for the warning.
#[test]
fn issue27_a_failure_is_sorted_into_damage_or_other() {
    use anyhow::Context as _;
    use rusqlite::ffi::{
        SQLITE_BUSY, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_IOERR, SQLITE_LOCKED, SQLITE_NOTADB, SQLITE_READONLY,
    };
    let sqlite = |code: i32, said: &str| {
        let e = rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), Some(said.to_string()));
        Err::<(), _>(e).context("cannot write to database hm.db").expect_err("an error")
    };
    let Failure::Corrupt { reason } = Failure::from(sqlite(SQLITE_CORRUPT, "database disk image is malformed")) else {
        panic!("damage")
    };
    assert!(reason.contains("database disk image is malformed"), "{reason}");
    assert!(matches!(Failure::from(sqlite(SQLITE_NOTADB, "file is not a database")), Failure::Corrupt { .. }));
    let Failure::Full(full) = Failure::from(sqlite(SQLITE_FULL, "database or disk is full")) else {
        panic!("a full disk is no damage")
    };
    assert!(format!("{full:#}").starts_with("cannot write to database hm.db: database or disk is full"), "{full:#}");
    assert!(matches!(Failure::from(sqlite(SQLITE_BUSY, "database is locked")), Failure::Busy(_)));
    assert!(matches!(Failure::from(sqlite(SQLITE_LOCKED, "database table is locked")), Failure::Busy(_)));
    assert!(matches!(
        Failure::from(sqlite(SQLITE_READONLY, "attempt to write a readonly database")),
        Failure::ReadOnly(_)
    ));
    assert!(matches!(Failure::from(sqlite(SQLITE_IOERR, "disk I/O error")), Failure::Other(_)));
    assert!(matches!(Failure::from(anyhow::anyhow!("no SQLite in it")), Failure::Other(_)));
}

#[test]
fn passed_since_counts_only_ok_results_of_that_monitor_from_then_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Store::open(&dir.path().join("hm.db")).expect("open");
    s.record_checks(10.0, &[result("web", Status::Ok), result("other", Status::Ok)]).expect("record");
    s.record_checks(20.0, &[result("web", Status::Warning), result("other", Status::Ok)]).expect("record");
    assert!(!s.passed_since("web", 15.0).expect("query"), "a warning is no pass");
    assert!(s.passed_since("web", 10.0).expect("query"));
    s.record_checks(30.0, &[result("web", Status::Ok)]).expect("record");
    assert!(s.passed_since("web", 15.0).expect("query"));
    assert!(!s.passed_since("web", 31.0).expect("query"));
    assert!(!s.passed_since("nope", 0.0).expect("query"));
}
