//! Rows written by hm before the store had its own row types (the serde
//! JSON of the public structs, byte for byte) still read, and are still
//! written the same way.

use crate::alert::Notification;
use crate::alert::healed::{Heal, Seen};
use crate::alert::state::EventKind;
use crate::analyze::anomaly::Anomaly;
use crate::check::{CheckResult, Metric};
use crate::status::Status;
use crate::store::{CheckRow, NewNotification, NotificationRow, Store};

/// A `latest.result` as hm wrote it before this change.
const OLD_RESULT: &str = r#"{"monitor":"cpu","kind":"cpu","status":"warning","message":"cpu 91%","duration_ms":1.5,"metrics":[{"name":"cpu","value":91.0,"unit":"%","warn":80.0,"crit":95.0},{"name":"steal","value":0.0,"unit":"%","warn":null,"crit":null}],"anomalies":[{"metric":"cpu","value":91.0,"mean":20.0,"deviation":2.0,"z":35.5}]}"#;

/// An `outbox.payload` of a `healed` notification as hm wrote it before.
const OLD_PAYLOAD: &str = r#"{"version":1,"event":"healed","alert_id":0,"monitor":"api","kind":"process","severity":"critical","previous_severity":null,"message":"restarted api","host":"box1","started_at":"2026-01-01T00:00:00Z","at":"2026-01-01T00:00:05Z","streak":0,"dedup_key":"hm/box1/api","heal":{"remedy":"restart","outcome":"restarted","details":"started pid 42","before":{"status":"critical","message":"0 running"},"after":{"status":"ok","message":"1 running (pid 42)"}}}"#;

fn old_result() -> CheckResult {
    CheckResult {
        monitor: "cpu".into(),
        kind: "cpu".into(),
        status: Status::Warning,
        message: "cpu 91%".into(),
        duration_ms: 1.5,
        metrics: vec![
            Metric { warn: Some(80.0), crit: Some(95.0), ..Metric::new("cpu", 91.0, "%") },
            Metric::new("steal", 0.0, "%"),
        ],
        counters: Vec::new(),
        procs: Vec::new(),
        anomalies: vec![Anomaly { metric: "cpu".into(), value: 91.0, mean: 20.0, deviation: 2.0, z: 35.5 }],
        waiting_for: Vec::new(),
    }
}

fn old_notification() -> Notification {
    let seen = |status, message: &str| Seen { status, message: message.into() };
    Notification {
        version: 1,
        event: EventKind::Healed,
        alert_id: 0,
        monitor: "api".into(),
        kind: "process".into(),
        severity: Status::Critical,
        previous_severity: None,
        message: "restarted api".into(),
        host: "box1".into(),
        started_at: "2026-01-01T00:00:00Z".into(),
        at: "2026-01-01T00:00:05Z".into(),
        streak: 0,
        dedup_key: "hm/box1/api".into(),
        heal: Some(Heal {
            remedy: "restart".into(),
            outcome: "restarted".into(),
            details: "started pid 42".into(),
            before: seen(Status::Critical, "0 running"),
            after: Some(seen(Status::Ok, "1 running (pid 42)")),
            bytes_freed: None,
            files_deleted: None,
        }),
        death: None,
        escalated: false,
        unacked_for: None,
    }
}

/// A database with the schema, filled by raw SQL the way older hm did.
fn old_database(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("hm.db");
    drop(Store::open(&path).expect("create"));
    let c = rusqlite::Connection::open(&path).expect("raw open");
    c.execute("INSERT INTO latest (monitor, ts, result) VALUES ('cpu', 10.0, ?1)", [OLD_RESULT]).expect("latest");
    c.execute("INSERT INTO latest (monitor, ts, result) VALUES ('gone', 11.0, '{\"renamed\": true}')", [])
        .expect("unreadable latest");
    for payload in [OLD_PAYLOAD, "{\"event\": \"firing\"}"] {
        c.execute(
            "INSERT INTO outbox (channel, alert_id, event, payload, created_at, next_try) VALUES ('ops', NULL, 'healed', ?1, 5.0, 5.0)",
            [payload],
        )
        .expect("outbox");
    }
    path
}

#[test]
fn rows_written_before_the_row_types_read_back_and_unreadable_ones_are_counted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&old_database(dir.path())).expect("reopen");
    let (results, unreadable) = store.latest_results_counted().expect("latest");
    let results: Vec<(f64, CheckResult)> = results.into_iter().map(|(ts, r)| (ts, r.into())).collect();
    assert_eq!(results, vec![(10.0, old_result())]);
    assert_eq!(unreadable, 1);
    let outbox = store.undelivered().expect("outbox");
    assert_eq!(outbox.len(), 2, "an unreadable notification stays queued, not dropped");
    assert_eq!(crate::alert::stored::read(outbox[0].notification.clone()), Ok(old_notification()));
    assert!(outbox[1].notification.as_ref().is_err_and(|e| e.contains("missing field")), "{:?}", outbox[1]);
}

#[test]
fn rows_are_written_as_they_always_were() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(&dir.path().join("hm.db")).expect("open");
    store.record_checks(10.0, &[CheckRow::from(&old_result())]).expect("record");
    let tx = store.alert_tx().expect("tx");
    let n = old_notification();
    let row = NotificationRow::from(&n);
    let queued = NewNotification { channel: "ops", alert_id: None, event: "healed", notification: &row, now: 5.0 };
    assert!(tx.enqueue(&queued).expect("enqueue"));
    tx.commit().expect("commit");
    let raw = |sql: &str| -> String { store.conn.query_row(sql, [], |r| r.get(0)).expect("raw") };
    assert_eq!(raw("SELECT result FROM latest"), OLD_RESULT);
    assert_eq!(raw("SELECT payload FROM outbox"), OLD_PAYLOAD);
}

#[test]
fn a_status_this_build_does_not_know_reads_as_unknown() {
    let text = OLD_RESULT.replace("\"status\":\"warning\"", "\"status\":\"degraded\"");
    let row: super::CheckRow = serde_json::from_str(&text).expect("row");
    assert_eq!(CheckResult::from(row).status, Status::Unknown);
}
