//! The `sqlite` check and `clear-locks` through the monitors: a real
//! database locked by a real transaction, and a killable holder.

use crate::common::{Test, result};
use std::path::Path;

fn db_with_rows(path: &Path, crashed: bool) {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.pragma_update(None, "journal_mode", "WAL").expect("wal");
    if crashed {
        conn.pragma_update(None, "wal_autocheckpoint", 0).expect("no checkpoint");
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true).expect("cfg");
    }
    conn.execute_batch(
        "CREATE TABLE jobs (id INTEGER PRIMARY KEY);
         WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200) INSERT INTO jobs SELECT x FROM n;",
    )
    .expect("rows");
}

fn config(db: &Path, extra: &str) -> String {
    format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"jobs\"\nkind = \"sqlite\"\npath = \"{}\"\nquick_check = true\nlock_timeout = \"200ms\"\n{extra}",
        db.display()
    )
}

#[test]
fn a_database_locked_by_a_writer_is_critical_and_left_alone() {
    let t = Test::new();
    let db = t.path("jobs.db");
    db_with_rows(&db, false);
    let t = t.config(&config(&db, ""));
    let out = t.run(&["check", "--json"]);
    out.code(0);
    let msg = result(&out.json(), "jobs")["message"].as_str().expect("msg").to_string();
    assert!(msg.starts_with("write lock free") && msg.ends_with("quick_check ok"), "{msg}");

    // This test process holds a write transaction open.
    let writer = rusqlite::Connection::open(&db).expect("open");
    writer.execute_batch("BEGIN IMMEDIATE; INSERT INTO jobs VALUES (1000);").expect("lock");
    let out = t.run(&["check", "--json"]);
    out.code(2);
    let msg = result(&out.json(), "jobs")["message"].as_str().expect("msg").to_string();
    assert!(msg.starts_with("locked: no write lock within 200ms (held by pid"), "{msg}");
    assert!(msg.contains(&std::process::id().to_string()), "{msg}");

    let out = t.run(&["heal", "--json"]);
    out.code(2);
    let doc = out.json();
    assert_eq!(doc["remedies"][0]["remedy"], "clear-locks");
    assert_eq!(doc["remedies"][0]["outcome"], "left alone", "{doc:#}");
    writer.execute_batch("COMMIT").expect("the holder was not disturbed");
    drop(writer);
    t.run(&["check"]).code(0);
}

#[test]
fn a_killable_holder_is_stopped_and_every_row_kept() {
    let t = Test::new();
    let db = t.path("jobs.db");
    db_with_rows(&db, true);
    assert!(std::fs::metadata(t.path("jobs.db-wal")).expect("wal").len() > 0);
    let t = t.config(&config(&db, "killable = [\"^hm-test-db-holder\"]\n"));
    let mut holder = std::process::Command::new("bash")
        .args(["-c", "exec 3<\"$0\"; exec -a hm-test-db-holder sleep 30", db.to_str().expect("utf8")])
        .spawn()
        .expect("holder");
    for _ in 0..100 {
        let cmdline = std::fs::read(format!("/proc/{}/cmdline", holder.id())).unwrap_or_default();
        if cmdline.starts_with(b"hm-test-db-holder") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let dry = t.run(&["clear-locks", "--dry-run", "--json"]);
    dry.code(0);
    let step = dry.json()["databases"][0]["steps"][0].as_str().expect("step").to_string();
    assert!(step.starts_with(&format!("would stop pid {} (killable", holder.id())), "{step}");

    let out = t.run(&["clear-locks", "--json"]);
    let _ = holder.kill();
    let _ = holder.wait();
    out.code(0);
    let doc = out.json();
    let steps: Vec<&str> =
        doc["databases"][0]["steps"].as_array().expect("steps").iter().filter_map(|s| s.as_str()).collect();
    assert!(steps[0].ends_with("stopped on SIGTERM"), "{steps:?}");
    assert!(steps.iter().any(|s| s.starts_with("checkpointed")), "{steps:?}");
    let conn = rusqlite::Connection::open(&db).expect("open");
    let n: i64 = conn.query_row("SELECT count(*) FROM jobs", [], |r| r.get(0)).expect("count");
    assert_eq!(n, 200);
}

#[test]
fn a_missing_database_is_critical() {
    let t = Test::new();
    let text = config(&t.path("nope.db"), "");
    let t = t.config(&text);
    let out = t.run(&["check", "--json"]);
    out.code(2);
    assert!(result(&out.json(), "jobs")["message"].as_str().expect("msg").ends_with("does not exist"));
    assert!(!t.path("nope.db").exists(), "the check creates nothing");
}
