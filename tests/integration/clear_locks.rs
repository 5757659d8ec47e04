//! `hm clear-locks` on real SQLite files: committed rows survive, a
//! database held open by a live process is left alone.

use crate::common::Test;
use std::path::Path;

/// A WAL-mode database whose 300 committed rows are still only in the WAL,
/// as after a crash.
fn crashed_db(path: &Path) {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.pragma_update(None, "journal_mode", "WAL").expect("wal");
    conn.pragma_update(None, "wal_autocheckpoint", 0).expect("no checkpoint");
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true).expect("cfg");
    conn.execute_batch(
        "CREATE TABLE jobs (id INTEGER PRIMARY KEY, state TEXT);
         WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 300)
         INSERT INTO jobs (state) SELECT 'done' FROM n;",
    )
    .expect("rows");
}

fn rows(path: &Path) -> i64 {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.query_row("SELECT count(*) FROM jobs", [], |r| r.get(0)).expect("count")
}

#[test]
fn the_wal_is_checkpointed_and_every_row_kept() {
    let t = Test::new();
    let db = t.path("jobs.db");
    crashed_db(&db);
    let wal = t.path("jobs.db-wal");
    let wal_before = std::fs::metadata(&wal).expect("wal").len();
    assert!(wal_before > 0);

    let dry = t.run(&["clear-locks", db.to_str().expect("utf8"), "--dry-run", "--json"]);
    dry.code(0);
    assert!(dry.json()["databases"][0]["steps"][0].as_str().expect("step").starts_with("would checkpoint"));
    assert_eq!(std::fs::metadata(&wal).expect("wal").len(), wal_before, "a dry run changes nothing");

    let out = t.run(&["clear-locks", db.to_str().expect("utf8"), "--json"]);
    out.code(0);
    let doc = out.json();
    assert_eq!(doc["databases"][0]["wal_bytes_before"], wal_before);
    assert_eq!(doc["databases"][0]["wal_bytes_after"], 0);
    assert_eq!(rows(&db), 300);
    let actions = t.run(&["actions", "--json"]).json();
    assert_eq!(actions["actions"][0]["action"], "clear-locks");
}

#[test]
fn a_database_held_by_a_live_process_is_left_alone() {
    let t = Test::new();
    let db = t.path("busy.db");
    crashed_db(&db);
    let wal_before = std::fs::metadata(t.path("busy.db-wal")).expect("wal").len();
    // A live process with the database open (fd 3), like a worker would.
    let mut holder = std::process::Command::new("bash")
        .args(["-c", "exec 3<\"$0\"; exec sleep 30", db.to_str().expect("utf8")])
        .spawn()
        .expect("spawn holder");
    let pid = holder.id();
    for _ in 0..100 {
        let held = std::fs::read_dir(format!("/proc/{pid}/fd"))
            .map(|d| d.flatten().any(|fd| std::fs::read_link(fd.path()).is_ok_and(|l| l.ends_with("busy.db"))))
            .unwrap_or(false);
        if held {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = t.run(&["clear-locks", db.to_str().expect("utf8"), "--json"]);
    let _ = holder.kill();
    let _ = holder.wait();
    out.code(1);
    let doc = out.json();
    assert_eq!(doc["databases"][0]["holders"][0]["pid"], pid);
    assert!(doc["databases"][0]["steps"][0].as_str().expect("step").contains("left alone"));
    assert_eq!(std::fs::metadata(t.path("busy.db-wal")).expect("wal").len(), wal_before, "WAL untouched");
    assert_eq!(rows(&db), 300);
}

#[test]
fn missing_files_and_no_arguments() {
    let t = Test::new();
    let out = t.run(&["clear-locks"]);
    out.code(1);
    assert!(out.one_line_error().contains("or add sqlite monitors"), "{}", out.stderr);
    let out = t.run(&["clear-locks", "/nonexistent/x.db"]);
    out.code(1);
    assert!(out.one_line_error().contains("x.db does not exist"), "{}", out.stderr);
}

#[test]
fn a_hot_journal_is_rolled_back_by_opening_the_database() {
    let t = Test::new();
    let live = t.path("live.db");
    let conn = rusqlite::Connection::open(&live).expect("open");
    conn.execute_batch(
        "PRAGMA journal_mode = DELETE; PRAGMA cache_size = 1;
         CREATE TABLE kv (k INTEGER PRIMARY KEY, v TEXT);
         WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 2000)
         INSERT INTO kv SELECT x, 'committed' FROM n;",
    )
    .expect("rows");
    // Mid-transaction, with changed pages already spilled to the file and
    // the originals in the journal: copy both, as a crash would leave them.
    conn.execute_batch("BEGIN; UPDATE kv SET v = 'half-written';").expect("update");
    let crashed = t.path("crashed.db");
    std::fs::copy(&live, &crashed).expect("copy db");
    std::fs::copy(t.path("live.db-journal"), t.path("crashed.db-journal")).expect("copy journal");
    conn.execute_batch("ROLLBACK").expect("rollback");
    drop(conn);
    let t = t.config(&format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"kv\"\nkind = \"sqlite\"\npath = \"{}\"\n",
        crashed.display()
    ));
    let out = t.run(&["check", "--json"]);
    out.code(2);
    assert!(crate::common::result(&out.json(), "kv")["message"].as_str().expect("msg").starts_with("hot journal"));
    let out = t.run(&["clear-locks", "--json"]);
    out.code(0);
    let doc = out.json();
    assert_eq!(doc["databases"][0]["hot_journal"], true);
    assert_eq!(doc["databases"][0]["steps"][0], "rolled back the hot journal");
    let check = rusqlite::Connection::open(&crashed).expect("open");
    let (n, committed): (i64, i64) = check
        .query_row("SELECT count(*), sum(v = 'committed') FROM kv", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("count");
    assert_eq!((n, committed), (2000, 2000), "back to the committed state");
    let ok: String = check.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("integrity");
    assert_eq!(ok, "ok");
    t.run(&["check"]).code(0);
}

/// A step of `doc`'s first database that contains `text`.
fn step<'a>(doc: &'a serde_json::Value, text: &str) -> Option<&'a str> {
    doc["databases"][0]["steps"].as_array()?.iter().filter_map(|s| s.as_str()).find(|s| s.contains(text))
}

// Issue 14: after a checkpoint that drained a WAL (a successful TRUNCATE
// reports 0), the step says how many frames the WAL held and its size
// before and after, not "checkpointed 0 WAL pages".
#[test]
fn a_drained_wal_is_reported_with_its_frames_and_sizes() {
    let t = Test::new();
    let db = t.path("jobs.db");
    crashed_db(&db);
    let before = std::fs::metadata(t.path("jobs.db-wal")).expect("wal").len();
    let out = t.run(&["clear-locks", db.to_str().expect("utf8"), "--json"]);
    out.code(0);
    let doc = out.json();
    let done = step(&doc, "checkpointed").expect("a checkpoint step");
    let frames: u64 = done.split(' ').nth(3).and_then(|n| n.parse().ok()).unwrap_or(0);
    assert!(frames > 0, "{done}");
    assert!(done.ends_with(&format!("WAL {before} → 0 bytes")), "{done}");
    assert_eq!(rows(&db), 300);
}

/// A crashed database in a directory of the unprivileged user `uid`, all
/// its files theirs.
fn users_db(t: &Test, attacker: &crate::common::security::Attacker) -> std::path::PathBuf {
    let dir = attacker.owned_dir(&t.path("app"));
    let db = dir.join("jobs.db");
    crashed_db(&db);
    for entry in std::fs::read_dir(&dir).expect("ls").flatten() {
        nix::unistd::chown(&entry.path(), Some(attacker.uid.into()), Some(attacker.gid.into())).expect("chown");
    }
    db
}

// Issue 14: run as an ordinary user, clear-locks cannot see root's
// processes in /proc, so it must not checkpoint anyway (under a root writer
// it would say "blocked by a reader"). It says what it cannot see, and
// changes nothing unless it gets the write lock: a root process in the
// middle of a write transaction leaves the database alone; a root reader
// does not stop the checkpoint, and is named as a reader.
#[test]
fn as_another_user_it_says_it_cannot_see_and_leaves_a_hidden_writer_alone() {
    let Some(attacker) = crate::common::security::Attacker::get("clear_locks hidden writer") else { return };
    let t = Test::new();
    let db = users_db(&t, &attacker);
    let wal = t.path("app/jobs.db-wal");
    let hm_db = t.path("app/hm.db");
    let args = ["clear-locks", db.to_str().expect("utf8"), "--json", "--db", hm_db.to_str().expect("utf8")];
    let user = Test::new().uid(attacker.uid);

    // Root, mid-transaction (this test process: a real process of another user).
    let writer = rusqlite::Connection::open(&db).expect("open as root");
    writer.execute_batch("BEGIN IMMEDIATE; INSERT INTO jobs (state) VALUES ('uncommitted');").expect("write");
    let wal_before = std::fs::metadata(&wal).expect("wal").len();
    let out = user.command(&args).output().expect("run hm");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(out.status.code(), Some(1), "{doc:#}");
    let d = &doc["databases"][0];
    assert!(d["unseen_processes"].as_u64() > Some(0), "{doc:#}");
    assert!(d["holders"].as_array().is_some_and(Vec::is_empty), "root's holder is out of sight: {doc:#}");
    assert!(step(&doc, "cannot see which files").is_some_and(|s| s.contains("other users")), "{doc:#}");
    assert!(step(&doc, "a writer holds the database").is_some_and(|s| s.ends_with("left alone")), "{doc:#}");
    assert_eq!(d["left_alone"], true);
    for false_claim in ["checkpoint", "rolled back", "reader", "no writer"] {
        assert!(step(&doc, false_claim).is_none(), "{false_claim}: {doc:#}");
    }
    assert_eq!(std::fs::metadata(&wal).expect("wal").len(), wal_before, "WAL untouched");
    writer.execute_batch("ROLLBACK").expect("rollback");
    assert_eq!(rows(&db), 300);

    // Root, reading: no writer, so the WAL is copied, and the reader (not
    // a writer) is what keeps it from being emptied.
    writer.execute_batch("BEGIN; SELECT count(*) FROM jobs;").expect("read");
    let out = user.command(&args).output().expect("run hm");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(out.status.code(), Some(0), "{doc:#}");
    assert!(step(&doc, "cannot see which files").is_some(), "{doc:#}");
    assert!(step(&doc, "no writer holds it").is_some(), "{doc:#}");
    assert!(step(&doc, "held back by a reader").is_some(), "{doc:#}");
    assert!(step(&doc, "writer took").is_none(), "{doc:#}");
    writer.execute_batch("COMMIT").expect("end read");
    drop(writer);
    assert_eq!(rows(&db), 300);
}

#[test]
fn issue16_a_dry_run_finds_the_errors_the_real_run_meets() {
    let t = Test::new();
    let text = t.path("notes.db");
    std::fs::write(&text, "these are notes, not a database\n").expect("write");
    let p = text.to_str().expect("utf8");
    let dry = t.run(&["clear-locks", p, "--dry-run"]);
    let real = t.run(&["clear-locks", p]);
    dry.code(1);
    real.code(1);
    assert!(dry.one_line_error().contains("is not an SQLite database"), "{}", dry.stderr);
    assert_eq!(dry.stderr, real.stderr, "the same error either way");
    assert_eq!(std::fs::read_to_string(&text).expect("read"), "these are notes, not a database\n");
}
