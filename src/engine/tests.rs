//! Whole cycles without the binary: an [`Engine`] on a
//! [`FakeHost`] and a database in a temporary directory. The fake's
//! figures are exact, so each assertion is about the engine: what it
//! records, when an alert fires, how it survives a damaged database.

use super::{Ctx, Engine, Hosts, Said, Say};
use crate::config::Config;
use crate::host::MemInfo;
use crate::host::fake::FakeHost;
use crate::status::Status;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Memory 99% used (critical above 95), watched with `for = 2`.
const CONFIG: &str = "[[monitor]]\nname = \"mem\"\nkind = \"memory\"\nwarn = 80\ncrit = 95\nfor = 2\n";

/// Fake hosts, counted: the engine makes every host it uses here.
fn fake_hosts(made: Arc<AtomicUsize>) -> Hosts {
    Arc::new(move |_| {
        made.fetch_add(1, Ordering::SeqCst);
        let mem = MemInfo { total: 1000, available: 10, swap_total: 0, swap_free: 0 };
        Box::new(FakeHost { mem, ..FakeHost::default() })
    })
}

fn engine(db: &Path, made: Arc<AtomicUsize>) -> Engine {
    Engine::with_hosts(Ctx { config: None, db: Some(db.to_path_buf()), say: Say::kept().0 }, fake_hosts(made))
}

fn count(db: &Path, sql: &str) -> i64 {
    let c = rusqlite::Connection::open(db).expect("open");
    c.query_row(sql, [], |r| r.get(0)).expect("query")
}

#[test]
fn issue17_two_checks_on_a_fake_host_fire_an_alert_after_for_checks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("hm.db");
    let made = Arc::new(AtomicUsize::new(0));
    let engine = engine(&db, made.clone());
    let config = Config::parse("hm.toml", CONFIG).expect("config");
    let names = ["mem".to_string()];

    let first = engine.check(&config, &names, Instant::now()).expect("first check");
    assert_eq!(first.status, Status::Critical, "{first:?}");
    assert!(first.recorded && first.warnings.is_empty(), "{first:?}");
    assert!(first.results[0].message.contains("memory 99.0% used"), "{}", first.results[0].message);
    assert!(first.alerts.is_empty(), "one check of two: pending, not firing: {:?}", first.alerts);
    assert_eq!(first.pending_alerts.len(), 1, "{:?}", first.pending_alerts);

    let second = engine.check(&config, &names, Instant::now()).expect("second check");
    assert_eq!(second.alerts.len(), 1, "fires at the second check: {:?}", second.alerts);
    let fired = serde_json::to_value(&second.alerts[0]).expect("json");
    assert_eq!((fired["event"].as_str(), fired["monitor"].as_str()), (Some("firing"), Some("mem")), "{fired}");
    assert!(second.pending_alerts.is_empty());
    assert_eq!(made.load(Ordering::SeqCst), 2, "one host per cycle, all from the factory");
    assert_eq!(count(&db, "SELECT count(*) FROM checks WHERE monitor = 'mem'"), 2);
    assert_eq!(count(&db, "SELECT count(*) FROM alerts WHERE state = 'firing'"), 1);
}

#[test]
fn issue17_a_corrupt_database_is_moved_aside_and_the_cycle_still_recorded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("hm.db");
    let engine = engine(&db, Arc::new(AtomicUsize::new(0)));
    let config = Config::parse("hm.toml", CONFIG).expect("config");
    let names = ["mem".to_string()];
    for _ in 0..2 {
        engine.check(&config, &names, Instant::now()).expect("check");
    }
    {
        let c = rusqlite::Connection::open(&db).expect("open");
        c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).expect("checkpoint");
    }
    // A damaged copy put in its place (a new file: the engine's kept
    // connection is to the old one and must not be handed back).
    let mut bytes = std::fs::read(&db).expect("read");
    bytes[100..500].fill(0xA5);
    let damaged = dir.path().join("damaged");
    std::fs::write(&damaged, &bytes).expect("write");
    std::fs::rename(&damaged, &db).expect("rename");

    let third = engine.check(&config, &names, Instant::now()).expect("third check");
    assert!(third.recorded, "{third:?}");
    let warning = third.warnings.first().expect("a warning");
    assert!(warning.contains("was corrupt") && warning.contains("moved it to"), "{warning}");
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .expect("ls")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("hm.db.corrupt-") && !n.ends_with("-wal") && !n.ends_with("-shm"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(std::fs::read(dir.path().join(&aside[0])).expect("read"), bytes, "kept byte for byte");
    assert_eq!(count(&db, "SELECT count(*) FROM checks"), 1, "this cycle, in the new database");
    // The new database is kept for the next cycle, which needs no repair.
    let fourth = engine.check(&config, &names, Instant::now()).expect("fourth check");
    assert!(fourth.recorded && fourth.warnings.is_empty(), "{fourth:?}");
    assert_eq!(count(&db, "SELECT count(*) FROM checks"), 2);
}

#[test]
fn issue27_what_the_engine_says_outside_a_report_goes_to_the_callers_sink() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("hm.db");
    let (say, said) = Say::kept();
    let ctx = Ctx { config: None, db: Some(db.clone()), say };
    let engine = Engine::with_hosts(ctx, fake_hosts(Arc::new(AtomicUsize::new(0))));
    let config = Config::parse("hm.toml", CONFIG).expect("config");
    engine.check(&config, &["mem".to_string()], Instant::now()).expect("check");
    let c = rusqlite::Connection::open(&db).expect("open");
    c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).expect("checkpoint");
    drop(c);
    let mut bytes = std::fs::read(&db).expect("read");
    bytes[100..500].fill(0xA5);
    let damaged = dir.path().join("damaged");
    std::fs::write(&damaged, &bytes).expect("write");
    std::fs::rename(&damaged, &db).expect("damage it");

    engine.ctx().store(&config).expect("a new database");
    let lines = said.lock().expect("lines").clone();
    assert!(
        matches!(&lines[..], [Said::Warning(w)] if w.contains("was corrupt") && w.contains("moved it to")),
        "told once, as a warning, when it happened: {lines:?}"
    );
}
